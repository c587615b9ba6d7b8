/**
 * Thin controllers: read the query, call the dashboard service, answer JSON (or the XLSX file).
 * Parameter problems are 400s raised by the statistics modules, naming each bad parameter.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { DASHBOARD_TABLES, DashboardTable } from '../../../../../statistics/dashboard-export';
import services from '../services';

const service = (strapi: Core.Strapi) => strapi.plugin('sales-dashboard').service('dashboard') as DashboardService;
const query = (ctx: Context) => (ctx.query ?? {}) as Record<string, unknown>;

type DashboardService = ReturnType<typeof services.dashboard>;
type StatisticName = Exclude<keyof DashboardService, 'exportTable'>;

/** The actions that answer a statistic of the dashboard service as JSON, read for the request's query. */
const answering =
  <N extends StatisticName>(names: readonly N[]) =>
  ({ strapi }: { strapi: Core.Strapi }) =>
    Object.fromEntries(
      names.map((name) => [
        name,
        async (ctx: Context) => {
          ctx.body = await service(strapi)[name](query(ctx));
        },
      ])
    ) as Record<N, (ctx: Context) => Promise<void>>;

const sales = answering(['filters', 'trend', 'breakdown', 'targets', 'complaints', 'monthWidget']);
const receivables = answering(['aging', 'collection', 'overdueTop', 'overdueWidget']);

const exportsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async table(ctx: Context) {
    const table = ctx.params.table as string;
    if (!(DASHBOARD_TABLES as readonly string[]).includes(table)) {
      throw new errors.NotFoundError(`No dashboard table ${table}; the tables are ${DASHBOARD_TABLES.join(', ')}`);
    }
    const { fileName, body } = await service(strapi).exportTable(table as DashboardTable, query(ctx));
    ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    ctx.set('Content-Disposition', `attachment; filename="${fileName}"`);
    ctx.body = body;
  },
});

export default { sales, receivables, exports: exportsController };
