/**
 * The sales statistics (with `sales.read`): the trend against the year before, the rankings by
 * region, salesperson, customer and product spec, the shares of product categories, and the plan
 * completion. Clicking a bar or slice of a dimension that is also a filter sets that filter.
 */
import * as React from 'react';
import { Grid } from '@strapi/design-system';
import type { Breakdown, BreakdownBy, BreakdownRow, TargetsBy, TargetRow, TrendRow } from '../api';
import { BarChart, DoughnutChart, LineChart, OTHERS_COLOUR, PALETTE } from '../charts';
import { Choice } from '../components/Choice';
import { columnsOf, seriesOf } from '../components/columns';
import { RowsTable, TableStatistic } from '../components/TableStatistic';
import { FilterName, Filters, useDashboardFilters } from '../filters';
import { DashboardText, useDashboardText } from '../text';

const TOP = 10;

const Trend = ({ filters }: { filters: Filters }) => {
  const text = useDashboardText();
  const { grain } = useDashboardFilters();
  const title = text.t('chart.trend');
  const column = columnsOf<TrendRow>(text);
  const periodLabel = (row: TrendRow) => (row.partial ? text.t('chart.partialPeriod', { period: row.period }) : row.period);
  return (
    <TableStatistic
      table="trend"
      params={{ grain, ...filters }}
      title={title}
      isEmpty={(data) => data.rows.every((row) => Number(row.amount) === 0 && Number(row.previousAmount) === 0)}
      chart={(data) => (
        <LineChart
          name="trend"
          label={title}
          periods={data.rows.map(periodLabel)}
          series={seriesOf(text, data.rows, ['amount', 'previousAmount'])}
          partial={data.rows.map((row) => row.partial)}
        />
      )}
      note={(data) =>
        [
          text.t('totals.sales', {
            amount: text.money(data.totals.amount),
            quantity: text.quantity(data.totals.quantity),
            orders: text.quantity(data.totals.orders),
          }),
          data.otherCurrencyOrders > 0 ? text.t('totals.otherCurrency', { count: data.otherCurrencyOrders }) : '',
          data.rows.some((row) => row.partial) ? text.t('chart.partialNote') : '',
        ].join(' ')
      }
      rows={(data) => ({
        rows: data.rows,
        rowKey: (row) => row.period,
        columns: [
          { ...column.text('period', 'period'), display: periodLabel },
          column.money('amount'),
          column.quantity('quantity'),
          column.quantity('orders'),
          column.money('previousAmount'),
        ],
      })}
    />
  );
};

const breakdownTable = (text: DashboardText, data: Breakdown): RowsTable<BreakdownRow> => {
  const column = columnsOf<BreakdownRow>(text);
  return {
    rows: data.rows,
    rowKey: (row) => row.key,
    columns: [column.text('label', 'name'), column.money('amount'), column.quantity('quantity'), column.percent('share')],
    footer:
      data.others.count > 0
        ? [text.t('table.others', { count: data.others.count }), text.money(data.others.amount), text.quantity(data.others.quantity), '']
        : undefined,
  };
};

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
const Ranking = ({
  by,
  filters,
  filter,
  doughnut = false,
}: {
  by: BreakdownBy;
  filters: Filters;
  filter?: FilterName;
  doughnut?: boolean;
}) => {
  const text = useDashboardText();
  const { change } = useDashboardFilters();
  const title = text.t(`chart.${by}`);
  return (
    <TableStatistic
      table="breakdown"
      name={`breakdown-${by}`}
      params={{ by, top: TOP, ...filters }}
      title={title}
      isEmpty={(data) => data.rows.length === 0}
      chart={(data) => {
        const shown = shownRows(text, data, doughnut);
        // The "others" bar stands for many keys: it filters nothing.
        const onPick = filter ? (index: number) => data.rows[index] && change({ [filter]: data.rows[index].key }) : undefined;
        return doughnut ? (
          <DoughnutChart
            name={`breakdown-${by}`}
            label={title}
            categories={shown.categories}
            values={shown.values}
            colours={shown.colours}
            onPick={onPick}
          />
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
      note={filter ? () => text.t(doughnut ? 'chart.clickSliceToFilter' : 'chart.clickToFilter') : undefined}
      rows={(data) => breakdownTable(text, data)}
    />
  );
};

const Targets = ({ filters }: { filters: Filters }) => {
  const text = useDashboardText();
  const [by, setBy] = React.useState<TargetsBy>('salesperson');
  // The plan year is the year the chosen period ends in (this year by default).
  const year = Number((filters.to ?? new Date().toISOString()).slice(0, 4));
  const title = text.t('chart.targets', { year });
  const column = columnsOf<TargetRow>(text);
  return (
    <TableStatistic
      table="targets"
      params={{ year, by }}
      title={title}
      isEmpty={(data) => data.rows.length === 0}
      controls={
        <Choice<TargetsBy>
          name="targetsBy"
          label={text.t('filter.by')}
          value={by}
          onChange={setBy}
          options={[
            ['salesperson', text.t('filter.salesperson')],
            ['region', text.t('filter.region')],
          ]}
        />
      }
      // Target and actual side by side: the actual shows even where no target is set yet (a missing target is 0).
      chart={(data) => (
        <BarChart
          name="targets"
          label={title}
          categories={data.rows.map((row) => row.label)}
          series={seriesOf(text, data.rows, ['target', 'actual'])}
        />
      )}
      note={(data) => (data.rows.some((row) => row.target !== null) ? '' : text.t('targets.none'))}
      rows={(data) => ({
        rows: data.rows,
        rowKey: (row) => row.key,
        columns: [column.text('label', 'name'), column.money('target'), column.money('actual'), column.percent('completion')],
      })}
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
