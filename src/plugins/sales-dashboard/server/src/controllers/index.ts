/**
 * Thin controllers: each endpoint declares its query (its own parameters and, for most, the common
 * filters: src/statistics/dashboard-query.ts), so a bad or unknown parameter is one 400 naming each
 * and the API description lists them; the dashboard service answers JSON (or the XLSX file).
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { message } from '../../../../../domain/messages';
import { notFound } from '../../../../../platform/errors';
import { handlerOf, MEDIA_TYPES } from '../../../../../platform/endpoint';
import type { ParameterSpecs } from '../../../../../platform/query-input';
import { DASHBOARD_TABLES, DashboardTable } from '../../../../../statistics/dashboard-export';
import { dashboardInput, DashboardInput, dashboardQuery } from '../../../../../statistics/dashboard-query';
import { AGING_PARAMETERS, OVERDUE_PARAMETERS } from '../../../../../statistics/receivable-statistics';
import { BREAKDOWN_PARAMETERS } from '../../../../../statistics/sales-breakdown';
import { TARGET_PARAMETERS } from '../../../../../statistics/sales-targets';
import { TREND_PARAMETERS } from '../../../../../statistics/sales-trend';
import services from '../services';

type DashboardService = ReturnType<typeof services.dashboard>;
const service = (strapi: Core.Strapi) => strapi.plugin('sales-dashboard').service('dashboard') as DashboardService;

/** An endpoint answering what `answer` makes of its query: `own` parameters, and the common filters unless `filters` is false. */
const statistic = <S extends ParameterSpecs>(
  strapi: Core.Strapi,
  own: S,
  answer: (dashboard: DashboardService, input: DashboardInput<S>) => Promise<unknown>,
  options: { filters?: boolean } = {}
) =>
  handlerOf({
    unwrapped: true,
    query: dashboardQuery(strapi, own, options),
    handle: (_ctx, { query }) => answer(service(strapi), dashboardInput(strapi, own, query)),
  });

const sales = ({ strapi }: { strapi: Core.Strapi }) => ({
  filters: handlerOf({ unwrapped: true, handle: () => service(strapi).filters() }),
  trend: statistic(strapi, TREND_PARAMETERS, (dashboard, input) => dashboard.trend(input)),
  breakdown: statistic(strapi, BREAKDOWN_PARAMETERS, (dashboard, input) => dashboard.breakdown(input)),
  targets: statistic(strapi, TARGET_PARAMETERS, (dashboard, input) => dashboard.targets(input), { filters: false }),
  complaints: statistic(strapi, {}, (dashboard, input) => dashboard.complaints(input)),
  monthWidget: handlerOf({ unwrapped: true, handle: () => service(strapi).monthWidget() }),
});

const receivables = ({ strapi }: { strapi: Core.Strapi }) => ({
  aging: statistic(strapi, AGING_PARAMETERS, (dashboard, input) => dashboard.aging(input)),
  collection: statistic(strapi, {}, (dashboard, input) => dashboard.collection(input)),
  overdueTop: statistic(strapi, OVERDUE_PARAMETERS, (dashboard, input) => dashboard.overdueTop(input)),
  overdueWidget: handlerOf({ unwrapped: true, handle: () => service(strapi).overdueWidget() }),
});

const exportsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  // The table's own endpoint reads (and checks) the query.
  table: handlerOf({
    params: { table: { type: 'string', enum: DASHBOARD_TABLES } },
    file: MEDIA_TYPES.xlsx,
    handle: async (ctx: Context, { params }) => {
      const table = params.table;
      if (!(DASHBOARD_TABLES as readonly string[]).includes(table)) {
        throw notFound(message('dashboard.no_table', { table, tables: DASHBOARD_TABLES.join(', ') }));
      }
      const { fileName, body } = await service(strapi).exportTable(table as DashboardTable, (ctx.query ?? {}) as Record<string, unknown>);
      ctx.set('Content-Type', MEDIA_TYPES.xlsx);
      ctx.set('Content-Disposition', `attachment; filename="${fileName}"`);
      ctx.body = body;
    },
  }),
});

export default { sales, receivables, exports: exportsController };
