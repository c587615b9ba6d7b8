/**
 * REST controller for complaints: Strapi's core actions (the rules live in src/guards), the
 * workflow (GET what the caller may do, POST an action), statistics with the XLSX summary, and the
 * customer's feedback link (a page and its form, no account).
 */
import { factories } from '@strapi/strapi';
import { dateIn } from '../../../domain/business-date';
import { handlerOf } from '../../../platform/endpoint';
import { complaintFilters, complaintQuery } from '../../../statistics/complaint-query';
import { statisticsOf } from '../../../statistics/complaint-statistics';
import { complaintSummaryXlsx } from '../../../statistics/complaint-summary';
import { acceptFeedback } from '../../../workflow-engine/complaint-closing';
import { complaintWorkflow } from '../../../workflow-engine/complaint-workflow';
import { openFeedbackLink, parseFeedback } from '../../../workflow-engine/feedback-link';
import { answerOriginOf } from '../../../platform/signed-link';
import { feedbackFormPage, feedbackRefusedPage, feedbackThanksPage } from '../../../workflow-engine/feedback-page';
import { answerLinkPage, wantsJson } from '../../../workflow-engine/link-page';
import { restWorkflowHandlers } from '../../../workflow-engine/workflow-handlers';
import { COMPLAINT } from '../../../platform/uids';

export default factories.createCoreController(COMPLAINT, ({ strapi }) => ({
  ...restWorkflowHandlers(strapi, complaintWorkflow, { measures: true }),

  /** GET /api/complaints/statistics?format=json|xlsx&from&to&customer&category&severity */
  statistics: handlerOf({
    query: complaintQuery(strapi),
    handle: async (ctx, { query }) => {
      const statistics = await statisticsOf(strapi, complaintFilters(query));
      if (query.format === 'json') return { data: statistics };
      ctx.attachment(`complaint-summary-${dateIn(statistics.timeZone, new Date(statistics.asOf))}.xlsx`);
      ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return complaintSummaryXlsx(statistics);
    },
  }),

  async feedbackForm(ctx) {
    await answerLinkPage(
      ctx,
      async () => {
        const target = await openFeedbackLink(strapi, ctx.params.token);
        if (wantsJson(ctx)) ctx.body = { data: { number: target.number } };
        return feedbackFormPage(target.number, ctx.path);
      },
      feedbackRefusedPage
    );
  },

  async giveFeedback(ctx) {
    await answerLinkPage(
      ctx,
      async () => {
        const target = await openFeedbackLink(strapi, ctx.params.token);
        const body = (ctx.request.body ?? {}) as Record<string, unknown>;
        const feedback = parseFeedback((body.data as Record<string, unknown>) ?? body);
        await acceptFeedback(strapi, target, feedback, answerOriginOf(ctx));
        if (wantsJson(ctx)) ctx.body = { data: { number: target.number, rating: feedback.rating } };
        return feedbackThanksPage(target.number);
      },
      feedbackRefusedPage
    );
  },
}));
