/**
 * The receivables statistics (with `receivables.read`): aging in stacked buckets by customer,
 * salesperson or region (as of the end date, or today), billed against collected per month, and
 * the customers most overdue.
 */
import * as React from 'react';
import { Field, Grid, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { AGING_BUCKETS, AgingGroupBy, AgingRow, CollectionRow, OverdueRow, Params } from '../api';
import { BarChart, LineChart } from '../charts';
import { Column, SortableTable } from '../components/SortableTable';
import { StatisticCard } from '../components/StatisticCard';
import type { Filters } from '../filters';
import { useTable } from '../hooks';
import { useDashboardText } from '../text';

const TOP = 10;

const Aging = ({ asOf }: { asOf?: string }) => {
  const text = useDashboardText();
  const [groupBy, setGroupBy] = React.useState<AgingGroupBy>('customer');
  const params: Params = { asOf, groupBy, top: TOP };
  const loaded = useTable('aging', params);
  const title = text.t('chart.aging');
  const bucketLabel = (key: string, serverLabel: string) => text.known(`bucket.${key}`, serverLabel);
  return (
    <StatisticCard
      name="aging"
      title={title}
      loaded={loaded}
      isEmpty={(data) => data.rows.length === 0 || Number(data.totals.total) === 0}
      exportAs={{ table: 'aging', params }}
      controls={
        <Field.Root name="agingGroupBy">
          <Field.Label>{text.t('aging.groupBy')}</Field.Label>
          <SingleSelect size="S" value={groupBy} onChange={(value) => setGroupBy(value as AgingGroupBy)}>
            <SingleSelectOption value="bucket">{text.t('aging.bucket')}</SingleSelectOption>
            <SingleSelectOption value="customer">{text.t('filter.customer')}</SingleSelectOption>
            <SingleSelectOption value="salesperson">{text.t('filter.salesperson')}</SingleSelectOption>
            <SingleSelectOption value="region">{text.t('filter.region')}</SingleSelectOption>
          </SingleSelect>
        </Field.Root>
      }
      chart={(data) => (
        <BarChart
          name="aging"
          label={title}
          categories={data.rows.map((row) => row.label)}
          series={data.buckets.map((bucket) => ({ label: bucketLabel(bucket.key, bucket.label), values: data.rows.map((row) => Number(row.amounts[bucket.key] ?? 0)) }))}
          stacked
          horizontal={groupBy !== 'bucket'}
        />
      )}
      note={(data) => text.t('aging.asOf', { date: text.date(data.asOf) })}
      table={(data) => {
        const buckets = data.buckets.length ? data.buckets : AGING_BUCKETS.map((key) => ({ key, label: key }));
        const columns: Column<AgingRow>[] = [
          { key: 'label', label: text.t('column.name'), value: (row) => row.label },
          ...buckets.map((bucket) => ({
            key: bucket.key,
            label: bucketLabel(bucket.key, bucket.label),
            value: (row: AgingRow) => row.amounts[bucket.key] ?? null,
            display: (row: AgingRow) => text.money(row.amounts[bucket.key]),
            numeric: true,
          })),
          { key: 'total', label: text.t('column.total'), value: (row) => row.total, display: (row) => text.money(row.total), numeric: true },
        ];
        return (
          <SortableTable<AgingRow>
            caption={text.t('table.caption', { chart: title })}
            rows={data.rows}
            rowKey={(row) => row.key}
            columns={columns}
            footer={[text.t('column.total'), ...buckets.map((bucket) => text.money(data.totals.amounts[bucket.key])), text.money(data.totals.total)]}
          />
        );
      }}
    />
  );
};

const Collection = ({ filters }: { filters: Filters }) => {
  const text = useDashboardText();
  const params: Params = { ...filters };
  const loaded = useTable('collection', params);
  const title = text.t('chart.collection');
  return (
    <StatisticCard
      name="collection"
      title={title}
      loaded={loaded}
      // Every month of the range is listed: empty means nothing billed and nothing collected in it.
      isEmpty={(data) => data.rows.every((row) => Number(row.billed) === 0 && Number(row.collected) === 0)}
      exportAs={{ table: 'collection', params }}
      chart={(data) => (
        <LineChart
          name="collection"
          label={title}
          periods={data.rows.map((row) => row.month)}
          series={[
            { label: text.t('series.billed'), values: data.rows.map((row) => Number(row.billed)) },
            { label: text.t('series.collected'), values: data.rows.map((row) => Number(row.collected)) },
          ]}
        />
      )}
      table={(data) => (
        <SortableTable<CollectionRow>
          caption={text.t('table.caption', { chart: title })}
          rows={data.rows}
          rowKey={(row) => row.month}
          columns={[
            { key: 'month', label: text.t('column.month'), value: (row) => row.month },
            { key: 'billed', label: text.t('column.billed'), value: (row) => row.billed, display: (row) => text.money(row.billed), numeric: true },
            { key: 'collected', label: text.t('column.collected'), value: (row) => row.collected, display: (row) => text.money(row.collected), numeric: true },
          ]}
        />
      )}
    />
  );
};

const OverdueTop = ({ asOf }: { asOf?: string }) => {
  const text = useDashboardText();
  const params: Params = { asOf, top: TOP };
  const loaded = useTable('overdue-top', params);
  const title = text.t('chart.overdue');
  return (
    <StatisticCard
      name="overdue-top"
      title={title}
      loaded={loaded}
      isEmpty={(data) => data.rows.length === 0}
      exportAs={{ table: 'overdue-top', params }}
      chart={(data) => (
        <BarChart
          name="overdue-top"
          label={title}
          categories={data.rows.map((row) => row.label)}
          series={[{ label: text.t('series.overdue'), values: data.rows.map((row) => Number(row.overdue)) }]}
          horizontal
        />
      )}
      table={(data) => (
        <SortableTable<OverdueRow>
          caption={text.t('table.caption', { chart: title })}
          rows={data.rows}
          rowKey={(row) => row.key}
          columns={[
            { key: 'label', label: text.t('column.name'), value: (row) => row.label },
            { key: 'overdue', label: text.t('column.overdue'), value: (row) => row.overdue, display: (row) => text.money(row.overdue), numeric: true },
            { key: 'oldestDaysOverdue', label: text.t('column.oldestDaysOverdue'), value: (row) => row.oldestDaysOverdue, numeric: true },
          ]}
        />
      )}
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
