/**
 * The content manager's list columns in the department's words and one format: an enumeration's
 * value as its word, money as "CNY 1,234,567.50" (with the row's currency when the record has one),
 * dates as 2027-02-03 and instants as 2027-02-03 14:05 on the reader's clock
 * (src/domain/display-format.ts) — through the list view's column hook, which lets a column bring
 * its own `cellFormatter`. Relations, texts and numbers keep Strapi's cells.
 */
import * as React from 'react';
import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { optionWord, wordLanguage } from '../../content-manager/option-words';
import { display } from '../display';

export const INJECT_COLUMN_IN_TABLE = 'Admin/CM/pages/ListView/inject-column-in-table';

type Row = Record<string, unknown>;
interface Header {
  name: string;
  attribute?: { type?: string };
  cellFormatter?: unknown;
}

const OptionCell = ({ model, field, value }: { model: string; field: string; value: unknown }) => {
  const { locale } = useIntl();
  return <Typography textColor="neutral800">{optionWord(model, field, value, wordLanguage(locale))}</Typography>;
};

/** The text of a cell we format; null for a column Strapi's own cell shows well. */
const cellText = (type: string | undefined, field: string, row: Row): string | null => {
  const value = row[field] as string | null | undefined;
  switch (type) {
    case 'decimal':
      // Every decimal in our schemas is an amount of money.
      return display.money(value, typeof row.currency === 'string' ? row.currency : null);
    case 'date':
      return display.date(value);
    case 'datetime':
      return display.dateTime(value);
    default:
      return null;
  }
};

const formatterFor = (header: Header) => {
  const type = header.attribute?.type;
  if (type === 'enumeration') {
    return (row: Row, _header: unknown, { model }: { model: string }) => (
      <OptionCell model={model} field={header.name} value={row[header.name]} />
    );
  }
  if (type === 'decimal' || type === 'date' || type === 'datetime') {
    return (row: Row) => <Typography textColor="neutral800">{cellText(type, header.name, row)}</Typography>;
  }
  return undefined;
};

export const withWordsAndFormats = ({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) => ({
  displayedHeaders: displayedHeaders.map((header) => {
    const cellFormatter = header.cellFormatter ?? formatterFor(header);
    return cellFormatter ? { ...header, cellFormatter } : header;
  }),
  layout,
});
