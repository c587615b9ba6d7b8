/**
 * The table under a chart: the same rows, sortable by any column (click its header; again to turn
 * the order round). Numbers sort as numbers, text in the user's language's collation. A row may
 * carry a filter action for its name (the keyboard's way to what clicking a bar does).
 */
import * as React from 'react';
import { Table, Tbody, Td, TextButton, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { CaretDown, CaretUp } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useDashboardText } from '../text';

export interface Column<Row> {
  key: string;
  label: string;
  /** The value sorted by: a number, a decimal string (sorted as a number when `numeric`), or text. */
  value: (row: Row) => string | number | null;
  /** How the cell shows the value; the value itself by default. */
  display?: (row: Row) => React.ReactNode;
  numeric?: boolean;
}

interface Sort {
  key: string;
  descending: boolean;
}

export const SortableTable = <Row,>({
  caption,
  columns,
  rows,
  rowKey,
  footer,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** A last row that is not sorted with the others ("others", totals). */
  footer?: React.ReactNode[];
}) => {
  const text = useDashboardText();
  const { locale } = useIntl();
  const [sort, setSort] = React.useState<Sort | null>(null);
  const sorted = React.useMemo(() => {
    const column = sort && columns.find((one) => one.key === sort.key);
    if (!sort || !column) return rows;
    const collator = new Intl.Collator(locale);
    const compare = (a: Row, b: Row) => {
      const x = column.value(a);
      const y = column.value(b);
      if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
      return column.numeric ? Number(x) - Number(y) : collator.compare(String(x), String(y));
    };
    const ordered = [...rows].sort(compare);
    return sort.descending ? ordered.reverse() : ordered;
  }, [rows, columns, sort, locale]);

  const toggle = (key: string) =>
    setSort((previous) =>
      previous?.key === key
        ? { key, descending: !previous.descending }
        : { key, descending: columns.find((one) => one.key === key)?.numeric ?? false }
    );

  return (
    <Table colCount={columns.length} rowCount={rows.length + 1 + (footer ? 1 : 0)}>
      <caption>
        <VisuallyHidden>{caption}</VisuallyHidden>
      </caption>
      <Thead>
        <Tr>
          {columns.map((column) => {
            const active = sort?.key === column.key;
            return (
              <Th key={column.key} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <TextButton
                  onClick={() => toggle(column.key)}
                  endIcon={active ? sort.descending ? <CaretDown /> : <CaretUp /> : undefined}
                  aria-label={text.t('table.sortBy', { column: column.label })}
                >
                  <Typography variant="sigma" textColor="neutral600">
                    {column.label}
                  </Typography>
                </TextButton>
              </Th>
            );
          })}
        </Tr>
      </Thead>
      <Tbody>
        {sorted.map((row) => (
          <Tr key={rowKey(row)}>
            {columns.map((column) => (
              <Td key={column.key} style={column.numeric ? { textAlign: 'right' } : undefined}>
                <Typography textColor="neutral800">{column.display ? column.display(row) : column.value(row)}</Typography>
              </Td>
            ))}
          </Tr>
        ))}
        {footer && (
          <Tr>
            {footer.map((cell, index) => (
              <Td key={index} style={columns[index]?.numeric ? { textAlign: 'right' } : undefined}>
                <Typography textColor="neutral600" fontWeight="bold">
                  {cell}
                </Typography>
              </Td>
            ))}
          </Tr>
        )}
      </Tbody>
    </Table>
  );
};
