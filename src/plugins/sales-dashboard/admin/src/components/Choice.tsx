/** A small labelled select above a chart (group by, targets by): the value is the card's own state. */
import * as React from 'react';
import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';

export const Choice = <V extends string>({
  name,
  label,
  value,
  onChange,
  options,
}: {
  name: string;
  label: string;
  value: V;
  onChange: (value: V) => void;
  /** [value, label] pairs, in the order shown. */
  options: [V, string][];
}) => (
  <Field.Root name={name}>
    <Field.Label>{label}</Field.Label>
    <SingleSelect size="S" value={value} onChange={(chosen) => onChange(chosen as V)}>
      {options.map(([option, optionLabel]) => (
        <SingleSelectOption key={option} value={option}>
          {optionLabel}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  </Field.Root>
);
