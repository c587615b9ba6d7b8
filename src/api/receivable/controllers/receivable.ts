/** REST controller for receivables (应收): read only (shipping creates them, payments pay them), and the aging report. */
import { factories } from '@strapi/strapi';
import { sendAging } from '../../../collection/aging-report';

export default factories.createCoreController('api::receivable.receivable', ({ strapi }) => ({
  /** GET /api/receivables/aging?asOf&groupBy&region&salesperson&top&currency&format */
  async aging(ctx) {
    await sendAging(strapi, ctx);
  },
}));
