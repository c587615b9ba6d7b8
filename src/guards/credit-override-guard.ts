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

const READS = new Set(['findOne', 'findMany', 'findFirst', 'count']);
const DOCUMENTS: Record<string, { uid: string; describe: (row: Record<string, unknown>) => string }> = {
  contract: { uid: 'api::contract.contract', describe: (row) => `contract ${row.number} rev. ${row.revision}` },
  shipment: { uid: 'api::shipment.shipment', describe: (row) => `shipment ${row.number}` },
};

export const creditOverrideGuard: Guard = async (strapi, call, next) => {
  if (READS.has(call.action) || isTrustedWrite()) return next();
  if (call.action !== 'create') throw forbidden('a credit override is granted once and is never changed or deleted');
  const actor = await currentActor(strapi);
  if (!actor.roles.includes('marketing-vp')) throw forbidden('only the marketing VP (marketing-vp) grants credit overrides');
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  for (const field of ['grantedBy', 'grantedAt', 'usedAt']) delete data[field];
  if (typeof data.reason !== 'string' || data.reason.trim() === '') throw refuse(['reason'], 'an override needs a reason');
  const subjectId = typeof data.subjectId === 'string' && data.subjectId.trim() ? data.subjectId.trim() : null;
  if (data.subject === 'order' && subjectId)
    throw refuse(['subjectId'], 'an order override is for the next new order of the customer: leave subjectId empty');
  if ((data.subject === 'contract' || data.subject === 'shipment') && !subjectId)
    throw refuse(['subjectId'], `the documentId of the ${data.subject} is required`);

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
        if (!row) throw refuse(['subjectId'], `no ${override.subject} ${subjectId}`);
        if (row.customer?.id !== override.customer.id) throw refuse(['subjectId'], `this ${override.subject} is not the customer's`);
        const unused = await strapi.db
          .query(CREDIT_OVERRIDE)
          .count({ where: { subject: override.subject, subjectId, usedAt: { $null: true }, id: { $ne: override.id } } });
        if (unused > 0) throw conflict(`${document.describe(row)} already has an unused credit override`);
        what = document.describe(row);
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
