/**
 * The inputs of date and datetime fields in the app's one date format, 2026-04-08, in either
 * language (src/domain/display-format.ts): Strapi's own pickers, with their calendar, label, hint,
 * error, required and disabled behaviour, given the reader's locale with the ISO 8601 calendar, so
 * that they show and read typed dates as YYYY-MM-DD (Strapi's show 2026/04/08 in 中文, 04/08/2026
 * in English). Registered as the `date` and `datetime` fields of the admin's library; what is
 * stored is Strapi's: YYYY-MM-DD for a date, an ISO instant for a datetime.
 */
import * as React from 'react';
import { DatePicker, DateTimePicker, Field } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { isoDateLocale } from '../../domain/display-format';

interface InputProps {
  name: string;
  label?: React.ReactNode;
  labelAction?: React.ReactNode;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
}

/** The pickers' latest year, as Strapi's own inputs have it. */
const MAX_DATE = new Date(2099, 11, 31);

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** The date picker hands back the day at local midnight; the stored date is that day. */
const storedDate = (day: Date) => `${day.getFullYear()}-${twoDigits(day.getMonth() + 1)}-${twoDigits(day.getDate())}`;

/** What both pickers share: the field's frame, value and the picker's props in the one format. */
const usePicker = ({ name, required, disabled, placeholder }: InputProps) => {
  const { formatMessage, locale } = useIntl();
  const field = useField<string | null>(name);
  const value = typeof field.value === 'string' && field.value ? new Date(field.value) : undefined;
  const picker = {
    locale: isoDateLocale(locale),
    maxDate: MAX_DATE,
    disabled,
    required,
    placeholder,
    clearLabel: formatMessage({ id: 'clearLabel', defaultMessage: 'Clear' }),
    onClear: () => field.onChange(name, null),
  };
  return { field, value, picker };
};

const Frame = ({ props, error, children }: { props: InputProps; error?: string; children: React.ReactNode }) => (
  <Field.Root error={error} name={props.name} hint={props.hint} required={props.required}>
    <Field.Label action={props.labelAction}>{props.label}</Field.Label>
    {children}
    <Field.Hint />
    <Field.Error />
  </Field.Root>
);

export const DateInput = React.forwardRef<HTMLInputElement, InputProps>((props, ref) => {
  const { field, value, picker } = usePicker(props);
  // The picker reads a Date as a UTC day: "2026-04-08" parses to that day's UTC midnight.
  return (
    <Frame props={props} error={field.error}>
      <DatePicker ref={ref} {...picker} value={value} onChange={(day) => field.onChange(props.name, day ? storedDate(day) : null)} />
    </Frame>
  );
});
DateInput.displayName = 'DateInput';

export const DateTimeInput = React.forwardRef<HTMLInputElement, InputProps>((props, ref) => {
  const { field, value, picker } = usePicker(props);
  return (
    <Frame props={props} error={field.error}>
      <DateTimePicker ref={ref} {...picker} value={value} onChange={(at) => field.onChange(props.name, at ? at.toISOString() : null)} />
    </Frame>
  );
});
DateTimeInput.displayName = 'DateTimeInput';
