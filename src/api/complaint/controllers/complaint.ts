/**
 * REST controller for complaints: Strapi's core actions (the rules live in src/guards), the
 * workflow (GET what the caller may do, POST an action), statistics with the XLSX summary, and the
 * customer's feedback link (a page and its form, no account).
 */
import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { dateIn } from '../../../domain/business-date';
import { refuse } from '../../../guards/errors';
import { complaintStatistics, complaintSummaryXlsx, STATISTICS_FORMATS } from '../../../statistics/complaint-statistics';
import { acceptFeedback } from '../../../workflows/complaint-closing';
import { complaintWorkflow } from '../../../workflows/complaint-workflow';
import { openFeedbackLink, parseFeedback } from '../../../workflows/feedback-link';
import { feedbackFormPage, feedbackRefusedPage, feedbackThanksPage } from '../../../workflows/feedback-page';
import { restWorkflowHandlers } from '../../../workflows/workflow-handlers';

const COMPLAINT = 'api::complaint.complaint';

/** A browser gets pages; a JSON client gets Strapi's usual answers and errors. */
const wantsJson = (ctx: Context) => ctx.is('application/json') === 'application/json' || ctx.accepts('html', 'json') === 'json';

const asPage = async (ctx: Context, work: () => Promise<string>) => {
  if (wantsJson(ctx)) {
    await work();
    return;
  }
  try {
    const html = await work();
    ctx.type = 'html';
    ctx.body = html;
  } catch (error) {
    const status = (error as { status?: number }).status ?? (error instanceof errors.NotFoundError ? 404 : error instanceof errors.ValidationError ? 400 : 500);
    if (status >= 500) throw error;
    ctx.status = status;
    ctx.type = 'html';
    ctx.body = feedbackRefusedPage((error as Error).message);
  }
};

export default factories.createCoreController(COMPLAINT, ({ strapi }) => ({
  ...restWorkflowHandlers(strapi, complaintWorkflow, { measures: true }),

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

  async feedbackForm(ctx) {
    await asPage(ctx, async () => {
      const target = await openFeedbackLink(strapi, ctx.params.token);
      if (wantsJson(ctx)) ctx.body = { data: { number: target.number } };
      return feedbackFormPage(target.number, ctx.path);
    });
  },

  async giveFeedback(ctx) {
    await asPage(ctx, async () => {
      const target = await openFeedbackLink(strapi, ctx.params.token);
      const body = (ctx.request.body ?? {}) as Record<string, unknown>;
      const feedback = parseFeedback((body.data as Record<string, unknown>) ?? body);
      await acceptFeedback(strapi, target, feedback);
      if (wantsJson(ctx)) ctx.body = { data: { number: target.number, rating: feedback.rating } };
      return feedbackThanksPage(target.number);
    });
  },
}));
