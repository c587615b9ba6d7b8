/**
 * The sales statistics (with `sales.read`): the trend against the year before, the rankings by
 * region, salesperson, customer and product spec, the shares of product categories, and the plan
 * completion. Clicking a bar or slice of a dimension that is also a filter sets that filter.
 */
import * as React from 'react';
import { Field, Grid, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import type { Breakdown, BreakdownBy, BreakdownRow, Params, TargetsBy, TargetRow, TrendRow } from '../api';
import { BarChart, DoughnutChart, LineChart, OTHERS_COLOUR, PALETTE } from '../charts';
import { SortableTable } from '../components/SortableTable';
import { StatisticCard } from '../components/StatisticCard';
import { FilterName, Filters, useDashboardFilters } from '../filters';
import { useTable } from '../hooks';
import { DashboardText, useDashboardText } from '../text';

const TOP = 10;

const Trend = ({ filters }: { filters: Filters }) => {
  const text = useDashboardText();
  const { grain } = useDashboardFilters();
  const params: Params = { grain, ...filters };
  const loaded = useTable('trend', params);
  const title = text.t('chart.trend');
  return (
    <StatisticCard
      name="trend"
      title={title}
      loaded={loaded}
      isEmpty={(data) => data.rows.every((row) => Number(row.amount) === 0 && Number(row.previousAmount) === 0)}
      exportAs={{ table: 'trend', params }}
      chart={(data) => (
        <LineChart
          name="trend"
          label={title}
          periods={data.rows.map((row) => row.period)}
          series={[
            { label: text.t('series.amount'), values: data.rows.map((row) => Number(row.amount)) },
            { label: text.t('series.previousAmount'), values: data.rows.map((row) => Number(row.previousAmount)) },
          ]}
        />
      )}
      note={(data) =>
        [
          text.t('totals.sales', { amount: text.money(data.totals.amount), quantity: text.quantity(data.totals.quantity), orders: text.quantity(data.totals.orders) }),
          data.otherCurrencyOrders > 0 ? text.t('totals.otherCurrency', { count: data.otherCurrencyOrders }) : '',
        ].join(' ')
      }
      table={(data) => (
        <SortableTable<TrendRow>
          caption={text.t('table.caption', { chart: title })}
          rows={data.rows}
          rowKey={(row) => row.period}
          columns={[
            { key: 'period', label: text.t('column.period'), value: (row) => row.period },
            { key: 'amount', label: text.t('column.amount'), value: (row) => row.amount, display: (row) => text.money(row.amount), numeric: true },
            { key: 'quantity', label: text.t('column.quantity'), value: (row) => row.quantity, display: (row) => text.quantity(row.quantity), numeric: true },
            { key: 'orders', label: text.t('column.orders'), value: (row) => row.orders, display: (row) => text.quantity(row.orders), numeric: true },
            { key: 'previousAmount', label: text.t('column.previousAmount'), value: (row) => row.previousAmount, display: (row) => text.money(row.previousAmount), numeric: true },
          ]}
        />
      )}
    />
  );
};

const breakdownTable = (text: DashboardText, title: string, data: Breakdown) => (
  <SortableTable<BreakdownRow>
    caption={text.t('table.caption', { chart: title })}
    rows={data.rows}
    rowKey={(row) => row.key}
    columns={[
      { key: 'label', label: text.t('column.name'), value: (row) => row.label },
      { key: 'amount', label: text.t('column.amount'), value: (row) => row.amount, display: (row) => text.money(row.amount), numeric: true },
      { key: 'quantity', label: text.t('column.quantity'), value: (row) => row.quantity, display: (row) => text.quantity(row.quantity), numeric: true },
      { key: 'share', label: text.t('column.share'), value: (row) => row.share, display: (row) => text.percent(row.share), numeric: true },
    ]}
    footer={
      data.others.count > 0
        ? [text.t('table.others', { count: data.others.count }), text.money(data.others.amount), text.quantity(data.others.quantity), '']
        : undefined
    }
  />
);

/**
 * The rows, and for a share of the whole (the doughnut) a grey "others" slice when the top N leave
 * some out. Bars leave "others" to the table: one bar for a long tail would dwarf every other bar.
 */
const shownRows = (text: DashboardText, data: Breakdown, withOthers: boolean) => {
  const others = withOthers && data.others.count > 0;
  return {
    categories: [...data.rows.map((row) => row.label), ...(others ? [text.t('table.others', { count: data.others.count })] : [])],
    values: [...data.rows.map((row) => Number(row.amount)), ...(others ? [Number(data.others.amount)] : [])],
    colours: [...data.rows.map((_, index) => PALETTE[index % PALETTE.length]), ...(others ? [OTHERS_COLOUR] : [])],
  };
};

/** Sales by one dimension; when the dimension is a filter too, a bar or slice sets it. */
const Ranking = ({ by, filters, filter, doughnut = false }: { by: BreakdownBy; filters: Filters; filter?: FilterName; doughnut?: boolean }) => {
  const text = useDashboardText();
  const { change } = useDashboardFilters();
  const params: Params = { by, top: TOP, ...filters };
  const loaded = useTable('breakdown', params);
  const title = text.t(`chart.${by}`);
  return (
    <StatisticCard
      name={`breakdown-${by}`}
      title={title}
      loaded={loaded}
      isEmpty={(data) => data.rows.length === 0}
      exportAs={{ table: 'breakdown', params }}
      chart={(data) => {
        const shown = shownRows(text, data, doughnut);
        // The "others" bar stands for many keys: it filters nothing.
        const onPick = filter ? (index: number) => data.rows[index] && change({ [filter]: data.rows[index].key }) : undefined;
        return doughnut ? (
          <DoughnutChart name={`breakdown-${by}`} label={title} categories={shown.categories} values={shown.values} colours={shown.colours} onPick={onPick} />
        ) : (
          <BarChart
            name={`breakdown-${by}`}
            label={title}
            categories={shown.categories}
            series={[{ label: text.t('series.amount'), values: shown.values }]}
            colours={shown.colours}
            horizontal={by === 'customer' || by === 'spec'}
            onPick={onPick}
          />
        );
      }}
      note={filter ? () => text.t('chart.clickToFilter') : undefined}
      table={(data) => breakdownTable(text, title, data)}
    />
  );
};

const Targets = ({ filters }: { filters: Filters }) => {
  const text = useDashboardText();
  const [by, setBy] = React.useState<TargetsBy>('salesperson');
  // The plan year is the year the chosen period ends in (this year by default).
  const year = Number((filters.to ?? new Date().toISOString()).slice(0, 4));
  const params: Params = { year, by };
  const loaded = useTable('targets', params);
  const title = text.t('chart.targets', { year });
  return (
    <StatisticCard
      name="targets"
      title={title}
      loaded={loaded}
      isEmpty={(data) => data.rows.length === 0}
      exportAs={{ table: 'targets', params }}
      controls={
        <Field.Root name="targetsBy">
          <Field.Label>{text.t('filter.by')}</Field.Label>
          <SingleSelect size="S" value={by} onChange={(value) => setBy(value as TargetsBy)}>
            <SingleSelectOption value="salesperson">{text.t('filter.salesperson')}</SingleSelectOption>
            <SingleSelectOption value="region">{text.t('filter.region')}</SingleSelectOption>
          </SingleSelect>
        </Field.Root>
      }
      // Target and actual side by side: the actual shows even where no target is set yet.
      chart={(data) => (
        <BarChart
          name="targets"
          label={title}
          categories={data.rows.map((row) => row.label)}
          series={[
            { label: text.t('series.target'), values: data.rows.map((row) => Number(row.target ?? 0)) },
            { label: text.t('series.actual'), values: data.rows.map((row) => Number(row.actual)) },
          ]}
        />
      )}
      note={(data) => (data.rows.some((row) => row.target !== null) ? '' : text.t('targets.none'))}
      table={(data) => (
        <SortableTable<TargetRow>
          caption={text.t('table.caption', { chart: title })}
          rows={data.rows}
          rowKey={(row) => row.key}
          columns={[
            { key: 'label', label: text.t('column.name'), value: (row) => row.label },
            { key: 'target', label: text.t('column.target'), value: (row) => row.target, display: (row) => text.money(row.target), numeric: true },
            { key: 'actual', label: text.t('column.actual'), value: (row) => row.actual, display: (row) => text.money(row.actual), numeric: true },
            { key: 'completion', label: text.t('column.completion'), value: (row) => row.completion, display: (row) => text.percent(row.completion), numeric: true },
          ]}
        />
      )}
    />
  );
};

export const SalesSection = ({ filters }: { filters: Filters }) => (
  <Grid.Root gap={5}>
    <Grid.Item col={12} direction="column" alignItems="stretch">
      <Trend filters={filters} />
    </Grid.Item>
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <Ranking by="region" filter="region" filters={filters} />
    </Grid.Item>
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <Ranking by="salesperson" filter="salesperson" filters={filters} />
    </Grid.Item>
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <Ranking by="customer" filter="customer" filters={filters} />
    </Grid.Item>
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <Ranking by="spec" filters={filters} />
    </Grid.Item>
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <Ranking by="category" filter="category" filters={filters} doughnut />
    </Grid.Item>
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <Targets filters={filters} />
    </Grid.Item>
  </Grid.Root>
);
