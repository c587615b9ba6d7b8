/**
 * Thin controllers: read the query, call the dashboard service, answer JSON (or the XLSX file).
 * Parameter problems are 400s raised by the statistics modules, naming each bad parameter.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { DASHBOARD_TABLES, DashboardTable } from '../../../../../statistics/dashboard-export';

const service = (strapi: Core.Strapi) => strapi.plugin('sales-dashboard').service('dashboard');
const query = (ctx: Context) => (ctx.query ?? {}) as Record<string, unknown>;

const sales = ({ strapi }: { strapi: Core.Strapi }) => ({
  async filters(ctx: Context) {
    ctx.body = await service(strapi).filters();
  },
  async trend(ctx: Context) {
    ctx.body = await service(strapi).trend(query(ctx));
  },
  async breakdown(ctx: Context) {
    ctx.body = await service(strapi).breakdown(query(ctx));
  },
  async targets(ctx: Context) {
    ctx.body = await service(strapi).targets(query(ctx));
  },
  async complaints(ctx: Context) {
    ctx.body = await service(strapi).complaints(query(ctx));
  },
  async monthWidget(ctx: Context) {
    ctx.body = await service(strapi).monthWidget();
  },
});

const receivables = ({ strapi }: { strapi: Core.Strapi }) => ({
  async aging(ctx: Context) {
    ctx.body = await service(strapi).aging(query(ctx));
  },
  async collection(ctx: Context) {
    ctx.body = await service(strapi).collection(query(ctx));
  },
  async overdueTop(ctx: Context) {
    ctx.body = await service(strapi).overdueTop(query(ctx));
  },
  async overdueWidget(ctx: Context) {
    ctx.body = await service(strapi).overdueWidget();
  },
});

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
