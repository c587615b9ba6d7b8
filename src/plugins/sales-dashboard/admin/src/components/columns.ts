/**
 * The columns and chart series of the dashboard's tables, named by the row's field: the heading is
 * the field's `column.*` message, money and shares are shown in the user's language, numbers sort
 * as numbers.
 */
import type { DashboardText } from '../text';
import type { MessageKey } from '../translations';
import type { Column } from './SortableTable';

type Suffix<P extends string> = MessageKey extends infer M ? (M extends `${P}${infer K}` ? K : never) : never;
type ColumnKey = Suffix<'column.'>;
type SeriesKey = Suffix<'series.'>;
/** The row's fields whose values are of type V. */
type FieldsOf<Row, V> = Extract<{ [K in keyof Row]-?: Row[K] extends V ? K : never }[keyof Row], string>;

export const columnsOf = <Row>(text: DashboardText) => {
  const heading = (key: ColumnKey) => text.t(`column.${key}`);
  // Callers narrow the field's type; here it is only read.
  const numeric = <K extends keyof Row & ColumnKey>(key: K, display?: (value: Row[K]) => string): Column<Row> => ({
    key,
    label: heading(key),
    value: (row) => row[key] as string | number | null,
    ...(display ? { display: (row: Row) => display(row[key]) } : {}),
    numeric: true,
  });
  return {
    /** Text sorted in the user's collation; `label` is headed "Name". */
    text: (key: FieldsOf<Row, string>, title: ColumnKey): Column<Row> => ({
      key,
      label: heading(title),
      value: (row) => row[key] as string,
    }),
    money: <K extends FieldsOf<Row, string | null> & ColumnKey>(key: K) => numeric(key, (value) => text.money(value as string | null)),
    quantity: <K extends FieldsOf<Row, number> & ColumnKey>(key: K) => numeric(key, (value) => text.quantity(value as number)),
    percent: <K extends FieldsOf<Row, string | null> & ColumnKey>(key: K) => numeric(key, (value) => text.percent(value as string | null)),
    /** A plain number, shown as it is. */
    count: <K extends FieldsOf<Row, number> & ColumnKey>(key: K) => numeric(key),
  };
};

/** One chart series per field, labelled by its `series.*` message; a missing amount counts as 0. */
export const seriesOf = <Row>(text: DashboardText, rows: Row[], keys: (FieldsOf<Row, string | number | null> & SeriesKey)[]) =>
  keys.map((key) => ({ label: text.t(`series.${key}`), values: rows.map((row) => Number(row[key])) }));
