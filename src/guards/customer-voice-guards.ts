/**
 * Customer opinions (客户意见) and needs (潜在需求). An opinion is kept as recorded: it is created,
 * never changed, and what a person records comes from a call, visit, mail or survey — complaint
 * feedback and statement disputes are recorded by the server from the customer's own words
 * (src/customer-voice/opinions.ts). A need is followed (status, notes, figures) until it is won or
 * lost, and then kept as it ended. Both name their customer; who recorded them, and when, is the
 * caller and now.
 */
import { SERVER_SOURCES } from '../domain/customer-voice';
import { editingByState, mayEdit } from '../domain/record-editing';
import { currentActor } from '../platform/actor';
import { asValidation, conflict, refuse, refuseMissing } from '../platform/errors';
import { isTrustedWrite } from '../platform/trusted-write';
import { CUSTOMER_NEED, CUSTOMER_OPINION } from '../platform/uids';
import { checkDateFields } from './date-fields';
import { checkMoneyFields } from './money-fields';
import { checkRequiredRelations } from './required-relations';
import { Guard, isWrite } from './types';
import { message } from '../domain/messages';
import { optionLabel } from '../content-manager/option-words';

const stampRecorder = async (strapi: Parameters<Guard>[0], data: Record<string, unknown>) => {
  const actor = await currentActor(strapi);
  data.recordedBy = actor.staffUserId;
  data.recordedAt = new Date().toISOString();
};

export const customerOpinionGuard: Guard = async (strapi, call, next) => {
  // The server's own opinions (from answers) carry their source and links already.
  if (!isWrite(call.action) || isTrustedWrite()) return next();
  if (call.action !== 'create') throw conflict(message('customer_opinion.kept'));
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  if (!data.customer) throw refuseMissing('customer');
  if (SERVER_SOURCES.includes(data.source as never)) {
    throw refuse(['source'], message('customer_opinion.server_source', { source: optionLabel(CUSTOMER_OPINION, 'source', data.source) }));
  }
  await stampRecorder(strapi, data);
  call.params.data = data;
  return asValidation(() =>
    strapi.db.transaction(async () => {
      const written = (await next()) as { documentId: string } | null;
      if (written) await checkRequiredRelations(strapi, CUSTOMER_OPINION, written.documentId, ['customer']);
      return written;
    })
  );
};

export const customerNeedGuard: Guard = async (strapi, call, next) => {
  if (!isWrite(call.action)) return next();
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  if (call.action === 'create' && !data.customer) throw refuseMissing('customer');
  if (call.action === 'create' || call.action === 'clone') await stampRecorder(strapi, data);
  call.params.data = data;
  return asValidation(() =>
    strapi.db.transaction(async ({ trx }) => {
      checkMoneyFields(data, ['estimatedValue']);
      checkDateFields(data, ['expectedDate']);
      if (call.action === 'update' && call.params.documentId) {
        // Locked by a write first (SQLite takes its write lock only so), then read: a second editor
        // waits and then finds the need settled.
        const table = strapi.db.metadata.get(CUSTOMER_NEED).tableName;
        await trx(table)
          .where({ document_id: call.params.documentId })
          .update({ status: trx.ref('status') });
        const stored = await trx(table).where({ document_id: call.params.documentId }).first('status');
        if (stored && !mayEdit(editingByState('need', stored.status)))
          throw conflict(message('customer_need.kept', { status: optionLabel(CUSTOMER_NEED, 'status', stored.status) }));
      }
      const written = (await next()) as { documentId: string } | null;
      if (written) await checkRequiredRelations(strapi, CUSTOMER_NEED, written.documentId, ['customer']);
      return written;
    })
  );
};
