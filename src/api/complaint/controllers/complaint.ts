/**
 * REST controller for complaints: Strapi's core actions (the rules live in src/guards), the
 * workflow (GET what the caller may do, POST an action), statistics with the XLSX summary, and the
 * customer's feedback link.
 */
import { factories } from '@strapi/strapi';
import { dateIn } from '../../../domain/business-date';
import { refuse } from '../../../guards/errors';
import { complaintStatistics, complaintSummaryXlsx, STATISTICS_FORMATS } from '../../../statistics/complaint-statistics';

const COMPLAINT = 'api::complaint.complaint';

export default factories.createCoreController(COMPLAINT, ({ strapi }) => ({
  /** GET /api/complaints/statistics?format=json|xlsx&from&to&customer&category&severity */
  async statistics(ctx) {
    const { format = 'json', ...query } = ctx.query as Record<string, unknown>;
    if (!(STATISTICS_FORMATS as readonly unknown[]).includes(format)) {
      throw refuse(['format'], `must be one of ${STATISTICS_FORMATS.join(', ')}`);
    }
    const statistics = await complaintStatistics(strapi, query);
    if (format === 'json') {
      ctx.body = { data: statistics };
      return;
    }
    ctx.attachment(`complaint-summary-${dateIn(statistics.timeZone, new Date(statistics.asOf))}.xlsx`);
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.body = await complaintSummaryXlsx(statistics);
  },
}));
