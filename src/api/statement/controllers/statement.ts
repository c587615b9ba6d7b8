/**
 * REST controller for statements (对账单): issuing one (the server computes every figure; the
 * client names only the customer and the period), reading it, its PDF and XLSX, sending it to the
 * customer, and the customer's link (a page with the confirm/dispute form, no account).
 */
import { factories } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  answerStatement,
  issueStatement,
  openStatementLink,
  parseStatementAnswer,
  sendStatement,
} from '../../../cash-collection/statements';
import { sendStatementFile } from '../../../cash-collection/statement-documents';
import { currentActor } from '../../../platform/actor';
import { handlerOf, MEDIA_TYPES } from '../../../platform/endpoint';

import { answerLinkPage, wantsJson } from '../../../workflow-engine/link-page';
import { answerOriginOf } from '../../../platform/signed-link';
import { statementAnsweredPage, statementFormPage, statementRefusedPage } from '../../../workflow-engine/statement-page';
import { STATEMENT } from '../../../platform/uids';

/** A statement as the caller may see it (no link hash or expiry: those attributes are private). */
const shown = async (strapi: Core.Strapi, ctx: Context, documentId: string) => {
  const statement = await strapi.documents(STATEMENT).findOne({ documentId, populate: ['customer'] });
  return strapi.contentAPI.sanitize.output(statement, strapi.getModel(STATEMENT), { auth: ctx.state.auth });
};

export default factories.createCoreController(STATEMENT, ({ strapi }) => ({
  /** POST /api/statements { data: { customer, periodFrom, periodTo, currency? } } */
  create: handlerOf({
    data: { fields: ['customer', 'periodFrom', 'periodTo', 'currency'] },
    status: 201,
    handle: async (ctx, { data }) => {
      const issued = await issueStatement(strapi, data, await currentActor(strapi));
      return { data: await shown(strapi, ctx, issued.documentId) };
    },
  }),

  pdf: handlerOf({ file: MEDIA_TYPES.pdf, handle: (ctx, { params }) => sendStatementFile(strapi, ctx, params.documentId, 'pdf') }),

  xlsx: handlerOf({ file: MEDIA_TYPES.xlsx, handle: (ctx, { params }) => sendStatementFile(strapi, ctx, params.documentId, 'xlsx') }),

  /** POST /api/statements/:documentId/send: mails it to the customer's contact with a fresh link. */
  send: handlerOf({
    handle: async (ctx, { params }) => {
      const sent = await sendStatement(strapi, params.documentId);
      return { data: await shown(strapi, ctx, params.documentId), meta: { sentTo: sent.sentTo } };
    },
  }),

  async responseForm(ctx) {
    await answerLinkPage(
      ctx,
      async () => {
        const statement = await openStatementLink(strapi, ctx.params.token);
        const { id: _id, documentId: _documentId, linkHash: _linkHash, ...shown } = statement;
        if (wantsJson(ctx)) ctx.body = { data: shown };
        return statementFormPage(statement, ctx.path);
      },
      statementRefusedPage
    );
  },

  async respond(ctx) {
    await answerLinkPage(
      ctx,
      async () => {
        const statement = await openStatementLink(strapi, ctx.params.token);
        const body = (ctx.request.body ?? {}) as Record<string, unknown>;
        const answer = parseStatementAnswer((body.data as Record<string, unknown>) ?? body);
        const state = await answerStatement(strapi, statement, answer, answerOriginOf(ctx));
        if (wantsJson(ctx)) ctx.body = { data: { number: statement.number, state } };
        return statementAnsweredPage(statement.number, state);
      },
      statementRefusedPage
    );
  },
}));
