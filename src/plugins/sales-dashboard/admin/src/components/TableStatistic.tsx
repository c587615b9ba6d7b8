/**
 * A statistic read from one of the dashboard's tables: it loads the table for `params`, shows it in
 * a StatisticCard whose "Export XLSX" exports the same table and query, and lists the rows under
 * the chart in a SortableTable captioned after the chart.
 */
import * as React from 'react';
import type { Params, TableAnswers, TableName } from '../api';
import { useTable } from '../hooks';
import { useDashboardText } from '../text';
import { Column, SortableTable } from './SortableTable';
import { StatisticCard } from './StatisticCard';

export interface RowsTable<Row> {
  rows: Row[];
  rowKey: (row: Row) => string;
  columns: Column<Row>[];
  footer?: React.ReactNode[];
}

/** A row of a table's answer. */
type RowOf<N extends TableName> = TableAnswers[N]['rows'][number];

export const TableStatistic = <N extends TableName>({
  table,
  params,
  name = table,
  title,
  isEmpty,
  controls,
  chart,
  note,
  rows,
}: {
  table: N;
  params: Params;
  /** `data-statistic` of the card; the table's name by default. */
  name?: string;
  title: string;
  isEmpty: (data: TableAnswers[N]) => boolean;
  controls?: React.ReactNode;
  chart: (data: TableAnswers[N]) => React.ReactNode;
  note?: (data: TableAnswers[N]) => React.ReactNode;
  rows: (data: TableAnswers[N]) => RowsTable<RowOf<N>>;
}) => {
  const text = useDashboardText();
  const loaded = useTable(table, params);
  return (
    <StatisticCard
      name={name}
      title={title}
      loaded={loaded}
      isEmpty={isEmpty}
      exportAs={{ table, params }}
      controls={controls}
      chart={chart}
      note={note}
      table={(data) => <SortableTable<RowOf<N>> caption={text.t('table.caption', { chart: title })} {...rows(data)} />}
    />
  );
};
