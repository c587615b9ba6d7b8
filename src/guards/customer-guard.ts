/**
 * Customer writes: a code `C-000123` is generated when none is given (and for a duplicated
 * customer), money is exact, a credit hold always carries its reason, and placing a hold tells the
 * customer's salesperson by e-mail, in the same transaction as the hold itself. A hold staff place or
 * lift is a manual one, kept in the credit record; an automatic hold (src/collection/credit-control.ts)
 * is lifted only by the rule that placed it. A changed credit limit or a lifted manual hold is
 * reassessed at once.
 */
import type { Core } from '@strapi/strapi';
import { SERIES } from '../domain/document-number';
import { yearIn } from '../domain/business-date';
import { CreditEventKind, reassessCredit, recordCreditEvent, tellSalespersonOfHold } from '../collection/credit-control';
import { currentActor } from '../staff/actor';
import { nextUnusedNumber } from '../sequences/next-number';
import { reportTimeZone } from '../settings';
import { asValidation, conflict, refuse } from './errors';
import { checkMoneyFields } from './money-fields';
import { Guard, isWrite } from './types';

const CUSTOMER = 'api::customer.customer';

interface StoredHold {
  id: number;
  creditHold: boolean | null;
  creditHoldReason: string | null;
  creditHoldSource: 'manual' | 'automatic' | null;
  creditLimit: unknown;
}

export const customerGuard: Guard = async (strapi, call, next) => {
  if (!isWrite(call.action)) return next();
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  const blankCode = typeof data.code !== 'string' || data.code.trim() === '';
  if (call.action === 'update' && data.code !== undefined && blankCode) {
    throw refuse(['code'], 'a customer code cannot be removed');
  }
  await asValidation(async () => checkMoneyFields(data, ['creditLimit']), 'code');
  const stored: StoredHold | null = call.params.documentId
    ? await strapi.db.query(CUSTOMER).findOne({
        where: { documentId: call.params.documentId },
        select: ['id', 'creditHold', 'creditHoldReason', 'creditHoldSource', 'creditLimit'],
      })
    : null;
  const automatic = stored?.creditHold === true && stored.creditHoldSource === 'automatic';
  if (automatic && data.creditHold === false) {
    throw conflict(`${stored.creditHoldReason}: the hold is lifted when that is no longer true, or marketing-vp grants an override per document`);
  }
  const hold = data.creditHold ?? stored?.creditHold ?? false;
  const reason = data.creditHoldReason !== undefined ? data.creditHoldReason : stored?.creditHoldReason;
  if (hold === true && (typeof reason !== 'string' || reason.trim() === '')) {
    throw refuse(['creditHoldReason'], 'a credit hold needs a reason');
  }

  return asValidation(
    () =>
      strapi.db.transaction(async () => {
        if (call.action === 'clone' || (call.action === 'create' && blankCode)) {
          data.code = await nextUnusedNumber(strapi, SERIES.customer, yearIn(reportTimeZone(strapi)), async (code) =>
            Boolean(await strapi.db.query(CUSTOMER).count({ where: { code } }))
          );
        }
        const placed = hold === true && stored?.creditHold !== true;
        const lifted = hold === false && stored?.creditHold === true;
        if (placed) data.creditHoldSource = 'manual';
        if (lifted) data.creditHoldSource = null;
        call.params.data = data;
        const written = (await next()) as { documentId: string } | null;
        if (!written) return written;
        const customer = await strapi.db.query(CUSTOMER).findOne({ where: { documentId: written.documentId }, select: ['id', 'creditLimit', 'creditHoldReason'] });
        const now = new Date();
        if (placed || lifted) {
          const kind: CreditEventKind = placed ? 'manual_hold' : 'manual_release';
          const actor = await currentActor(strapi);
          await recordCreditEvent(strapi, { customer: customer.id, kind, reason: placed ? customer.creditHoldReason : null, at: now, actor: actor.staffUserId });
        }
        if (placed) await tellSalespersonOfHold(strapi, written.documentId, now);
        const limitChanged = stored !== null && String(stored.creditLimit) !== String(customer.creditLimit);
        if (lifted || limitChanged) await reassessCredit(strapi, customer.id, now);
        return written;
      }),
    'code'
  );
};
