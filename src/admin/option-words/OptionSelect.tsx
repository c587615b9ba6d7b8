/**
 * The input of an enumeration field with the department's words for its values
 * (src/content-manager/option-words.ts) in place of the codes: Strapi's own select, with its
 * label, hint, error, required and disabled behaviour, in the content manager's edit view (as the
 * `enumeration` field of the admin's library) and in the list filters. The value stored is the code.
 */
import * as React from 'react';
import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { wordLanguage, wordsFor } from '../../content-manager/option-words';

interface OptionSelectProps {
  name: string;
  label?: React.ReactNode;
  labelAction?: React.ReactNode;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  'aria-label'?: string;
  /** The edit view gives the schema's attribute… */
  attribute?: { enum?: string[] };
  /** …a filter its options, already named (./list-filters.ts). */
  options?: { value: string; label?: string }[];
}

/** `measures.0.kind` → `kind`: a component field's words are found by its own name. */
const fieldName = (path: string) =>
  path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .pop() ?? path;

export const OptionSelect = React.forwardRef<HTMLDivElement, OptionSelectProps>(
  ({ name, label, labelAction, hint, required, disabled, placeholder, attribute, options, ...rest }, ref) => {
    const { formatMessage, locale } = useIntl();
    const field = useField<string | null>(name);
    const choices = React.useMemo(() => {
      if (options) return options.map(({ value, label: word }) => ({ value, word: word ?? value }));
      const values = attribute?.enum ?? [];
      const words = wordsFor(fieldName(name), values);
      return values.map((value) => ({ value, word: words?.[value]?.[wordLanguage(locale)] ?? value }));
    }, [options, attribute, name, locale]);
    return (
      <Field.Root error={field.error} name={name} hint={hint} required={required}>
        {label ? <Field.Label action={labelAction}>{label}</Field.Label> : null}
        <SingleSelect
          ref={ref}
          aria-label={rest['aria-label']}
          disabled={disabled}
          placeholder={placeholder}
          value={field.value ?? ''}
          onChange={(value) => field.onChange(name, value === '' ? null : String(value))}
        >
          <SingleSelectOption value="" disabled={required} hidden={required}>
            {formatMessage({ id: 'components.InputSelect.option.placeholder', defaultMessage: 'Choose here' })}
          </SingleSelectOption>
          {choices.map(({ value, word }) => (
            <SingleSelectOption key={value} value={value}>
              {word}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  }
);
OptionSelect.displayName = 'OptionSelect';
