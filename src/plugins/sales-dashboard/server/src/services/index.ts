/** The dashboard service: the statistics modules of src/statistics, bound to this Strapi. */
import type { Core } from '@strapi/strapi';
import { complaintStatistics } from '../../../../../statistics/complaint-statistics';
import { complaintQuery, salesFilterChoices, salesMonthWidget } from '../../../../../statistics/sales-statistics';
import { salesBreakdown } from '../../../../../statistics/sales-breakdown';
import { salesTargets } from '../../../../../statistics/sales-targets';
import { salesTrend } from '../../../../../statistics/sales-trend';
import * as receivables from '../../../../../statistics/receivable-statistics';
import { dashboardTableXlsx, DashboardTable } from '../../../../../statistics/dashboard-export';

type Query = Record<string, unknown>;

const dashboard = ({ strapi }: { strapi: Core.Strapi }) => ({
  filters: () => salesFilterChoices(strapi),
  trend: (query: Query) => salesTrend(strapi, query),
  breakdown: (query: Query) => salesBreakdown(strapi, query),
  targets: (query: Query) => salesTargets(strapi, query),
  monthWidget: () => salesMonthWidget(strapi),
  complaints: async (query: Query) => {
    const { query: parameters, scope } = await complaintQuery(strapi, query);
    return complaintStatistics(strapi, parameters, { scope });
  },
  aging: (query: Query) => receivables.receivableAging(strapi, query),
  collection: (query: Query) => receivables.collectionTrend(strapi, query),
  overdueTop: (query: Query) => receivables.overdueTop(strapi, query),
  overdueWidget: () => receivables.overdueWidget(strapi),
  exportTable: (table: DashboardTable, query: Query) => dashboardTableXlsx(strapi, table, query),
});

export default { dashboard };
