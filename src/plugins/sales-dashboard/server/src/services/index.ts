/**
 * The dashboard service: the statistics modules of src/statistics, bound to this Strapi. Each
 * statistic takes what its endpoint read (src/statistics/dashboard-query.ts), declared by the controllers.
 */
import type { Core } from '@strapi/strapi';
import { dashboardComplaints, salesFilterChoices, salesMonthWidget } from '../../../../../statistics/sales-statistics';
import { breakdownFor } from '../../../../../statistics/sales-breakdown';
import { targetsFor } from '../../../../../statistics/sales-targets';
import { trendFor } from '../../../../../statistics/sales-trend';
import * as receivables from '../../../../../statistics/receivable-statistics';
import { dashboardTableXlsx, DashboardTable } from '../../../../../statistics/dashboard-export';

type Query = Record<string, unknown>;
type Input<F extends (strapi: Core.Strapi, input: never) => unknown> = Parameters<F>[1];

const dashboard = ({ strapi }: { strapi: Core.Strapi }) => ({
  filters: () => salesFilterChoices(strapi),
  trend: (input: Input<typeof trendFor>) => trendFor(strapi, input),
  breakdown: (input: Input<typeof breakdownFor>) => breakdownFor(strapi, input),
  targets: (input: Input<typeof targetsFor>) => targetsFor(strapi, input),
  monthWidget: () => salesMonthWidget(strapi),
  complaints: (input: Input<typeof dashboardComplaints>) => dashboardComplaints(strapi, input),
  aging: (input: Input<typeof receivables.agingFor>) => receivables.agingFor(strapi, input),
  collection: (input: Input<typeof receivables.collectionFor>) => receivables.collectionFor(strapi, input),
  overdueTop: (input: Input<typeof receivables.overdueTopFor>) => receivables.overdueTopFor(strapi, input),
  overdueWidget: () => receivables.overdueWidget(strapi),
  exportTable: (table: DashboardTable, query: Query) => dashboardTableXlsx(strapi, table, query),
});

export default { dashboard };
