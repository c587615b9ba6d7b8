/**
 * REST controller for complaints: Strapi's core actions (the rules live in src/guards), the
 * workflow (GET what the caller may do, POST an action), statistics with the XLSX summary, and the
 * customer's feedback link.
 */
import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { complaintStatistics, complaintSummaryXlsx, STATISTICS_FORMATS } from '../../../statistics/complaint-statistics';

const COMPLAINT = 'api::complaint.complaint';

export default factories.createCoreController(COMPLAINT, ({ strapi }) => ({
  async statistics(ctx) {
    const format = String(ctx.query.format ?? 'json');
    if (!(STATISTICS_FORMATS as readonly string[]).includes(format)) {
      throw new errors.ValidationError(`format must be one of ${STATISTICS_FORMATS.join(', ')}`);
    }
    const { format: _format, ...query } = ctx.query as Record<string, unknown>;
    const statistics = await complaintStatistics(strapi, query);
    if (format === 'json') {
      ctx.body = { data: statistics };
      return;
    }
    ctx.set('Content-Disposition', 'attachment; filename="complaint-summary.xlsx"');
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.body = await complaintSummaryXlsx(strapi, statistics);
  },
}));
