/**
 * The receivables statistics (with `receivables.read`): aging in stacked buckets by customer,
 * salesperson or region (as of the end date, or today), billed against collected per month, and
 * the customers most overdue.
 */
import * as React from 'react';
import { Grid } from '@strapi/design-system';
import { AGING_BUCKETS, AgingGroupBy, AgingRow, CollectionRow, OverdueRow } from '../api';
import { BarChart, LineChart } from '../charts';
import { Choice } from '../components/Choice';
import { columnsOf, seriesOf } from '../components/columns';
import type { Column } from '../components/SortableTable';
import { TableStatistic } from '../components/TableStatistic';
import type { Filters } from '../filters';
import { useDashboardText } from '../text';

const TOP = 10;

const Aging = ({ asOf }: { asOf?: string }) => {
  const text = useDashboardText();
  const [groupBy, setGroupBy] = React.useState<AgingGroupBy>('customer');
  const title = text.t('chart.aging');
  const bucketLabel = (key: string, serverLabel: string) => text.known(`bucket.${key}`, serverLabel);
  const column = columnsOf<AgingRow>(text);
  return (
    <TableStatistic
      table="aging"
      params={{ asOf, groupBy, top: TOP }}
      title={title}
      isEmpty={(data) => data.rows.length === 0 || Number(data.totals.total) === 0}
      controls={
        <Choice<AgingGroupBy>
          name="agingGroupBy"
          label={text.t('aging.groupBy')}
          value={groupBy}
          onChange={setGroupBy}
          options={[
            ['bucket', text.t('aging.bucket')],
            ['customer', text.t('filter.customer')],
            ['salesperson', text.t('filter.salesperson')],
            ['region', text.t('filter.region')],
          ]}
        />
      }
      chart={(data) => (
        <BarChart
          name="aging"
          label={title}
          categories={data.rows.map((row) => row.label)}
          series={data.buckets.map((bucket) => ({
            label: bucketLabel(bucket.key, bucket.label),
            values: data.rows.map((row) => Number(row.amounts[bucket.key] ?? 0)),
          }))}
          stacked
          horizontal={groupBy !== 'bucket'}
        />
      )}
      note={(data) => text.t('aging.asOf', { date: text.date(data.asOf) })}
      rows={(data) => {
        const buckets = data.buckets.length ? data.buckets : AGING_BUCKETS.map((key) => ({ key, label: key }));
        const bucketColumns: Column<AgingRow>[] = buckets.map((bucket) => ({
          key: bucket.key,
          label: bucketLabel(bucket.key, bucket.label),
          value: (row) => row.amounts[bucket.key] ?? null,
          display: (row) => text.money(row.amounts[bucket.key]),
          numeric: true,
        }));
        return {
          rows: data.rows,
          rowKey: (row) => row.key,
          columns: [column.text('label', 'name'), ...bucketColumns, column.money('total')],
          footer: [
            text.t('column.total'),
            ...buckets.map((bucket) => text.money(data.totals.amounts[bucket.key])),
            text.money(data.totals.total),
          ],
        };
      }}
    />
  );
};

const Collection = ({ filters }: { filters: Filters }) => {
  const text = useDashboardText();
  const title = text.t('chart.collection');
  const column = columnsOf<CollectionRow>(text);
  return (
    <TableStatistic
      table="collection"
      params={{ ...filters }}
      title={title}
      // Every month of the range is listed: empty means nothing billed and nothing collected in it.
      isEmpty={(data) => data.rows.every((row) => Number(row.billed) === 0 && Number(row.collected) === 0)}
      chart={(data) => (
        <LineChart
          name="collection"
          label={title}
          periods={data.rows.map((row) => row.month)}
          series={seriesOf(text, data.rows, ['billed', 'collected'])}
        />
      )}
      rows={(data) => ({
        rows: data.rows,
        rowKey: (row) => row.month,
        columns: [column.text('month', 'month'), column.money('billed'), column.money('collected')],
      })}
    />
  );
};

const OverdueTop = ({ asOf }: { asOf?: string }) => {
  const text = useDashboardText();
  const title = text.t('chart.overdue');
  const column = columnsOf<OverdueRow>(text);
  return (
    <TableStatistic
      table="overdue-top"
      params={{ asOf, top: TOP }}
      title={title}
      isEmpty={(data) => data.rows.length === 0}
      chart={(data) => (
        <BarChart
          name="overdue-top"
          label={title}
          categories={data.rows.map((row) => row.label)}
          series={seriesOf(text, data.rows, ['overdue'])}
          horizontal
        />
      )}
      rows={(data) => ({
        rows: data.rows,
        rowKey: (row) => row.key,
        columns: [column.text('label', 'name'), column.money('overdue'), column.count('oldestDaysOverdue')],
      })}
    />
  );
};

export const ReceivablesSection = ({ filters }: { filters: Filters }) => (
  <Grid.Root gap={5}>
    <Grid.Item col={12} direction="column" alignItems="stretch">
      <Aging asOf={filters.to} />
    </Grid.Item>
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <Collection filters={filters} />
    </Grid.Item>
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <OverdueTop asOf={filters.to} />
    </Grid.Item>
  </Grid.Root>
);
