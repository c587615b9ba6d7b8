/**
 * Customer writes: a code `C-000123` is generated when none is given (and for a duplicated
 * customer), money is exact, a credit hold always carries its reason, and placing a hold tells the
 * customer's salesperson by e-mail, in the same transaction as the hold itself. A hold staff place or
 * lift is a manual one, kept in the credit record; an automatic hold (src/cash-collection/credit-control.ts)
 * is lifted only by the rule that placed it. Credit terms (limit, payment days) change only by the
 * sales manager or the marketing VP with a reason (src/domain/credit-terms.ts), recorded as a `terms`
 * credit event with the terms before and after; the sales manager's and VP's update of a customer is
 * that and nothing else. A change of terms or a lifted manual hold is reassessed at once.
 * Every write ends with the customer's search text recomputed from what was written (src/customer-search/).
 */
import { SERIES } from '../domain/document-number';
import { yearIn } from '../domain/business-date';
import { CreditEventKind, reassessCredit, recordCreditEvent, tellSalespersonOfHold } from '../cash-collection/credit-control';
import { ACCESS_MATRIX } from '../domain/access-matrix';
import {
  CREDIT_TERMS_FIELDS,
  CREDIT_TERMS_REASON,
  CREDIT_TERMS_ROLES,
  DEFAULT_CREDIT_TERMS,
  creditTermsChange,
  creditTermsOf,
  creditTermsProblems,
  describeTermsChange,
  refuseTermsChange,
} from '../domain/credit-terms';
import { message, storedMessage } from '../domain/messages';
import { DomainValidationError } from '../domain/validation-error';
import { currentActor } from '../platform/actor';
import { nextUnusedNumber } from '../platform/next-number';
import { reportTimeZone } from '../platform/settings';
import { asValidation, conflict, forbidden, refuse } from '../platform/errors';
import { checkMoneyFields } from './money-fields';
import { changedFieldsOf, storedForComparison } from './unchanged-fields';
import { Guard, isWrite } from './types';
import { CUSTOMER } from '../platform/uids';
import { refreshSearchText } from '../customer-search/search-text';

interface StoredHold {
  id: number;
  creditHold: boolean | null;
  creditHoldReason: string | null;
  creditHoldSource: 'manual' | 'automatic' | null;
  creditHoldReasonCode: string | null;
  creditHoldReasonParams: unknown;
  creditLimit: unknown;
  paymentTermsDays: unknown;
}

export const customerGuard: Guard = async (strapi, call, next) => {
  if (!isWrite(call.action)) return next();
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  const blankCode = typeof data.code !== 'string' || data.code.trim() === '';
  if (call.action === 'update' && data.code !== undefined && blankCode) {
    throw refuse(['code'], message('customer.code_kept'));
  }
  await asValidation(async () => {
    checkMoneyFields(data, ['creditLimit']);
    const problems = creditTermsProblems(data);
    if (problems.length > 0) throw new DomainValidationError(problems);
  }, 'code');
  const stored: StoredHold | null = call.params.documentId
    ? await strapi.db.query(CUSTOMER).findOne({
        where: { documentId: call.params.documentId },
        select: [
          'id',
          'creditHold',
          'creditHoldReason',
          'creditHoldReasonCode',
          'creditHoldReasonParams',
          'creditHoldSource',
          'creditLimit',
          'paymentTermsDays',
        ],
      })
    : null;

  // Credit terms: a new customer (or a copy) starts from the default terms; only the sales manager
  // or the marketing VP changes them, with a reason that goes into the credit record, not the customer.
  const termsReason = data[CREDIT_TERMS_REASON];
  delete data[CREDIT_TERMS_REASON];
  const actor = await currentActor(strapi);
  const termsBefore = call.action === 'update' && stored ? creditTermsOf(stored) : DEFAULT_CREDIT_TERMS;
  if (call.action === 'clone') for (const field of CREDIT_TERMS_FIELDS) data[field] ??= DEFAULT_CREDIT_TERMS[field];
  const termsChange = creditTermsChange(termsBefore, data);
  const refusal = refuseTermsChange(termsChange, { roles: actor.roles, system: actor.via === 'system' }, termsReason);
  if (refusal?.status === 403) throw forbidden(refusal.said, { fields: refusal.path });
  if (refusal) throw refuse(refusal.path, refusal.said);
  // Terms sent unchanged (the content manager sends the whole form) are not written again.
  if (call.action === 'update') for (const field of CREDIT_TERMS_FIELDS) if (!termsChange.fields.includes(field)) delete data[field];
  const termsOnly = actor.roles.some((role) => CREDIT_TERMS_ROLES.includes(role)) && !keepsCustomerFiles(actor.roles);
  if (call.action === 'update' && stored && termsOnly) {
    const other = changedFieldsOf(
      strapi,
      CUSTOMER,
      await storedForComparison(strapi, CUSTOMER, call.params.documentId!, Object.keys(data)),
      data
    ).filter((field) => !(CREDIT_TERMS_FIELDS as readonly string[]).includes(field));
    if (other.length > 0) {
      throw forbidden(message('customer.terms_only', { terms: CREDIT_TERMS_FIELDS, fields: other }), { fields: other });
    }
  }
  const automatic = stored?.creditHold === true && stored.creditHoldSource === 'automatic';
  if (automatic && data.creditHold === false) {
    const kept = storedMessage(stored.creditHoldReasonCode, stored.creditHoldReasonParams) ?? stored.creditHoldReason ?? '';
    throw conflict(message('credit.hold_kept', { reason: kept }));
  }
  const hold = data.creditHold ?? stored?.creditHold ?? false;
  const reason = data.creditHoldReason !== undefined ? data.creditHoldReason : stored?.creditHoldReason;
  if (hold === true && (typeof reason !== 'string' || reason.trim() === '')) {
    throw refuse(['creditHoldReason'], message('credit.hold_reason_required'));
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
        // Staff's own words replace an automatic reason's message (it would say what they no longer say).
        if (placed || lifted || (reason !== stored?.creditHoldReason && data.creditHoldReason !== undefined)) {
          data.creditHoldReasonCode = null;
          data.creditHoldReasonParams = null;
        }
        call.params.data = data;
        const written = (await next()) as { documentId: string; searchText?: string | null } | null;
        if (!written) return written;
        // What the customer is found by follows what was written (its code, names, contacts), and so does the answer.
        const searchText = await refreshSearchText(strapi, written.documentId);
        if ('searchText' in written) written.searchText = searchText;
        const customer = await strapi.db
          .query(CUSTOMER)
          .findOne({ where: { documentId: written.documentId }, select: ['id', 'creditLimit', 'creditHoldReason'] });
        const now = new Date();
        if (placed || lifted) {
          const kind: CreditEventKind = placed ? 'manual_hold' : 'manual_release';
          await recordCreditEvent(strapi, {
            customer: customer.id,
            kind,
            reason: placed ? customer.creditHoldReason : null,
            at: now,
            actor: actor.staffUserId,
          });
        }
        if (placed) await tellSalespersonOfHold(strapi, written.documentId, now);
        if (termsChange.fields.length > 0) {
          const reason = typeof termsReason === 'string' && termsReason.trim() ? termsReason.trim() : message('credit.set_by_server');
          await recordCreditEvent(strapi, {
            customer: customer.id,
            kind: 'terms',
            terms: { before: termsChange.before, after: termsChange.after },
            reason: describeTermsChange(termsChange, reason),
            at: now,
            actor: actor.staffUserId,
          });
        }
        // New terms are weighed at once by the credit rule: a hold they end is released, one they call for is placed.
        if (lifted || (call.action === 'update' && termsChange.fields.length > 0)) await reassessCredit(strapi, customer.id, now);
        return written;
      }),
    'code'
  );
};

/** Whether the roles keep customer files (update customers for more than their credit terms). */
const keepsCustomerFiles = (roles: readonly string[]) =>
  roles.some(
    (role) =>
      !(CREDIT_TERMS_ROLES as readonly string[]).includes(role) &&
      (ACCESS_MATRIX.customer as Record<string, string[] | undefined>)[role]?.includes('update')
  );
