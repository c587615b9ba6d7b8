/** The dashboard service: the statistics modules of src/statistics, bound to this Strapi. */
import type { Core } from '@strapi/strapi';
import { complaintStatistics } from '../../../../../statistics/complaint-statistics';
import * as sales from '../../../../../statistics/sales-statistics';
import * as receivables from '../../../../../statistics/receivable-statistics';
import { dashboardTableXlsx, DashboardTable } from '../../../../../statistics/dashboard-export';

type Query = Record<string, unknown>;

const dashboard = ({ strapi }: { strapi: Core.Strapi }) => ({
  filters: () => sales.salesFilterChoices(strapi),
  trend: (query: Query) => sales.salesTrend(strapi, query),
  breakdown: (query: Query) => sales.salesBreakdown(strapi, query),
  targets: (query: Query) => sales.salesTargets(strapi, query),
  monthWidget: () => sales.salesMonthWidget(strapi),
  complaints: async (query: Query) => {
    const { query: parameters, scope } = await sales.complaintQuery(strapi, query);
    return complaintStatistics(strapi, parameters, { scope });
  },
  aging: (query: Query) => receivables.receivableAging(strapi, query),
  collection: (query: Query) => receivables.collectionTrend(strapi, query),
  overdueTop: (query: Query) => receivables.overdueTop(strapi, query),
  overdueWidget: () => receivables.overdueWidget(strapi),
  exportTable: (table: DashboardTable, query: Query) => dashboardTableXlsx(strapi, table, query),
});

export default { dashboard };
