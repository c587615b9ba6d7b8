/**
 * Credit overrides (信用放行): only the marketing VP grants one, with a reason, for one order,
 * contract or shipment of a customer; the server records who granted it and when, and the grant
 * goes into the customer's credit record in the same transaction. A granted override is never
 * changed or deleted by a client: it is used up by the step it lets through
 * (src/cash-collection/credit-control.ts `enforceCreditHold`).
 */
import { recordCreditEvent } from '../cash-collection/credit-control';
import { currentActor } from '../platform/actor';
import { isTrustedWrite, asTrustedWrite } from '../platform/trusted-write';
import { asValidation, conflict, forbidden, refuse } from '../platform/errors';
import { checkRequiredRelations } from './required-relations';
import { Guard } from './types';
import { CREDIT_OVERRIDE } from '../platform/uids';
import { Message, message } from '../domain/messages';
import { englishText } from '../domain/message-text';

const READS = new Set(['findOne', 'findMany', 'findFirst', 'count']);
const DOCUMENTS: Record<string, { uid: string; describe: (row: Record<string, unknown>) => Message }> = {
  contract: {
    uid: 'api::contract.contract',
    describe: (row) => message('credit_override.contract', { number: String(row.number), revision: Number(row.revision) }),
  },
  shipment: { uid: 'api::shipment.shipment', describe: (row) => message('credit_override.shipment', { number: String(row.number) }) },
};

export const creditOverrideGuard: Guard = async (strapi, call, next) => {
  if (READS.has(call.action) || isTrustedWrite()) return next();
  if (call.action !== 'create') throw forbidden(message('credit_override.unchangeable'));
  const actor = await currentActor(strapi);
  if (!actor.roles.includes('marketing-vp')) throw forbidden(message('credit_override.vp_only'));
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  for (const field of ['grantedBy', 'grantedAt', 'usedAt']) delete data[field];
  if (typeof data.reason !== 'string' || data.reason.trim() === '') throw refuse(['reason'], message('credit_override.reason_required'));
  const subjectId = typeof data.subjectId === 'string' && data.subjectId.trim() ? data.subjectId.trim() : null;
  if (data.subject === 'order' && subjectId) throw refuse(['subjectId'], message('credit_override.order_no_subject'));
  if ((data.subject === 'contract' || data.subject === 'shipment') && !subjectId)
    throw refuse(['subjectId'], message('credit_override.subject_required', { subject: data.subject }));

  return asValidation(() =>
    strapi.db.transaction(async () => {
      const now = new Date();
      call.params.data = { ...data, subjectId, grantedBy: actor.staffUserId, grantedAt: now, usedAt: null };
      const written = (await asTrustedWrite(next)) as { documentId: string } | null;
      if (!written) return written;
      await checkRequiredRelations(strapi, CREDIT_OVERRIDE, written.documentId, ['customer']);
      const override = await strapi.db
        .query(CREDIT_OVERRIDE)
        .findOne({ where: { documentId: written.documentId }, populate: { customer: { select: ['id'] } } });
      let what = 'the next new order';
      const document = DOCUMENTS[override.subject];
      if (document) {
        const row = await strapi.db
          .query(document.uid)
          .findOne({ where: { documentId: subjectId }, populate: { customer: { select: ['id'] } } });
        if (!row) throw refuse(['subjectId'], message('record.no_such', { subject: override.subject, documentId: subjectId }));
        if (row.customer?.id !== override.customer.id)
          throw refuse(['subjectId'], message('credit_override.other_customer', { subject: override.subject }));
        const unused = await strapi.db
          .query(CREDIT_OVERRIDE)
          .count({ where: { subject: override.subject, subjectId, usedAt: { $null: true }, id: { $ne: override.id } } });
        if (unused > 0) throw conflict(message('credit_override.unused_exists', { document: document.describe(row) }));
        what = englishText(document.describe(row));
      }
      await recordCreditEvent(strapi, {
        customer: override.customer.id,
        kind: 'override',
        reason: `${what}: ${String(data.reason).trim()}`,
        at: now,
        actor: actor.staffUserId,
      });
      return written;
    })
  );
};
