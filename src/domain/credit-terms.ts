/**
 * Credit terms (信用条件): a customer's credit limit and payment days. They are the sales manager's
 * and the marketing VP's decision, taken with a reason and kept in the credit record (信用记录);
 * nobody who takes orders or keeps the customer file changes them. This module says what a write
 * changes of the terms, whether the acting roles may change them, and how a change reads in the
 * credit record. The Strapi side is src/guards/customer-guard.ts.
 */
import { Decimal, groupedMoney } from './money';
import { Message, message } from './messages';
import { FieldProblem, fieldProblem } from './validation-error';
import { RoleCode } from './staff-roles';

export const CREDIT_TERMS_FIELDS = ['creditLimit', 'paymentTermsDays'] as const;
export type CreditTermsField = (typeof CREDIT_TERMS_FIELDS)[number];

/** The roles that decide credit terms. */
export const CREDIT_TERMS_ROLES: readonly RoleCode[] = ['sales-manager', 'marketing-vp'];

/** The field a change of terms carries its reason in; never stored on the customer (the credit event keeps it). */
export const CREDIT_TERMS_REASON = 'creditTermsReason';

export const MAX_PAYMENT_TERMS_DAYS = 365;
const MAX_REASON_LENGTH = 1000;

export interface CreditTerms {
  /** Two places; 0.00 means no limit set (src/domain/credit-control.ts). */
  creditLimit: string;
  paymentTermsDays: number;
}

/** A new customer's terms until the sales manager sets them (the schema's defaults). */
export const DEFAULT_CREDIT_TERMS: CreditTerms = { creditLimit: '0.00', paymentTermsDays: 30 };

export interface TermsChange {
  before: CreditTerms;
  after: CreditTerms;
  /** The fields whose value changes. */
  fields: CreditTermsField[];
}

const limitOf = (value: unknown) => new Decimal(String(value ?? 0)).toFixed(2);

export const creditTermsOf = (row: { creditLimit?: unknown; paymentTermsDays?: unknown }): CreditTerms => ({
  creditLimit: limitOf(row.creditLimit),
  paymentTermsDays: Number(row.paymentTermsDays ?? DEFAULT_CREDIT_TERMS.paymentTermsDays),
});

/** Terms values that are not a limit or a number of days (400s naming the field, before any rights are weighed). */
export const creditTermsProblems = (data: Record<string, unknown>): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const days = data.paymentTermsDays;
  if (
    days !== undefined &&
    (days === null || days === '' || !Number.isInteger(Number(days)) || Number(days) < 0 || Number(days) > MAX_PAYMENT_TERMS_DAYS)
  ) {
    problems.push(fieldProblem(['paymentTermsDays'], 'credit.payment_days', { max: MAX_PAYMENT_TERMS_DAYS }));
  }
  // Its form (two places, not negative) is checked with the other money fields (src/guards/money-fields.ts).
  if (data.creditLimit === null || data.creditLimit === '') problems.push(fieldProblem(['creditLimit'], 'credit.limit_required'));
  return problems;
};

/** What the terms sent in `data` change of `before`; a value sent unchanged (1000 for 1000.00) is no change. */
export const creditTermsChange = (before: CreditTerms, data: Record<string, unknown>): TermsChange => {
  const after: CreditTerms = {
    creditLimit: data.creditLimit !== undefined ? limitOf(data.creditLimit) : before.creditLimit,
    paymentTermsDays: data.paymentTermsDays !== undefined ? Number(data.paymentTermsDays) : before.paymentTermsDays,
  };
  const fields = CREDIT_TERMS_FIELDS.filter((field) => String(after[field]) !== String(before[field]));
  return { before, after, fields };
};

export type TermsRefusal = { status: 403 | 400; path: string[]; said: Message };

/**
 * Whether the change may be made: by one of CREDIT_TERMS_ROLES with a reason; by the server itself
 * (demo data, scripts: no person acting) always. Null when allowed.
 */
export const refuseTermsChange = (
  change: TermsChange,
  actor: { roles: readonly RoleCode[]; system: boolean },
  reason: unknown
): TermsRefusal | null => {
  if (change.fields.length === 0 || actor.system) return null;
  if (!actor.roles.some((role) => CREDIT_TERMS_ROLES.includes(role))) {
    return {
      status: 403,
      path: [...change.fields],
      said: message('credit.terms_forbidden', { fields: change.fields }),
    };
  }
  if (typeof reason !== 'string' || reason.trim() === '') {
    return { status: 400, path: [CREDIT_TERMS_REASON], said: message('credit.terms_reason_required') };
  }
  if (reason.trim().length > MAX_REASON_LENGTH) {
    return { status: 400, path: [CREDIT_TERMS_REASON], said: message('field.at_most', { max: MAX_REASON_LENGTH }) };
  }
  return null;
};

const limitText = (limit: string): Message | string =>
  new Decimal(limit).isZero() ? message('credit.no_limit', { amount: '0.00' }) : groupedMoney(limit);

/**
 * How a change reads in the credit record, with the reason given: "credit limit 1,000.00 → 0.00
 * (no limit); payment days 30 → 60: <reason>" (a message, shown in the reader's language).
 */
export const describeTermsChange = (change: TermsChange, reason: string | Message): Message =>
  message('credit.terms_change', {
    changes: change.fields.map((field) =>
      field === 'creditLimit'
        ? message('credit.limit_change', { before: limitText(change.before.creditLimit), after: limitText(change.after.creditLimit) })
        : message('credit.days_change', { before: change.before.paymentTermsDays, after: change.after.paymentTermsDays })
    ),
    reason,
  });
