/**
 * Credit control (信用控制): whether a customer belongs on credit hold, and why. A customer is held
 * when its open balance exceeds its credit limit, or when an open item is more than N days past
 * due (CREDIT_HOLD_OVERDUE_DAYS, default 60); it is released when neither is true any more.
 *
 * A credit limit of 0 means "no limit set", not "no credit": 0 is the schema's default, so a
 * customer whose limit nobody has entered yet would otherwise be held by its first shipment. ERPNext
 * and Odoo read a zero limit the same way. Such a customer is still held for overdue items, and the
 * contract review still asks the sales clerk about every one of its contracts (exposure > 0).
 */
import { Message, message } from './messages';
import { Decimal, groupedMoney } from './money';

export const DEFAULT_CREDIT_HOLD_OVERDUE_DAYS = 60;

export interface CreditPolicy {
  /** An open item more than this many days past due puts the customer on hold. */
  overdueDays: number;
}

export interface CreditPosition {
  /** What the customer owes in the limit's currency: open receivables less unallocated payments. */
  openBalance: string;
  creditLimit: string;
  currency: string;
  /** The open item most days past due, if any is open. */
  oldestOpenItem: { daysPastDue: number; document: string } | null;
}

export interface CreditDecision {
  hold: boolean;
  /** Each reason as a message (src/domain/messages.ts): stored with the hold, shown in the reader's language. */
  reasons: Message[];
}

export const creditPolicy = (raw: { overdueDays?: unknown } | undefined): CreditPolicy => {
  const overdueDays = Number(raw?.overdueDays ?? DEFAULT_CREDIT_HOLD_OVERDUE_DAYS);
  if (!Number.isInteger(overdueDays) || overdueDays < 0)
    throw new Error(`CREDIT_HOLD_OVERDUE_DAYS must be a whole number of days >= 0; got ${raw?.overdueDays}`);
  return { overdueDays };
};

export const decideCredit = (position: CreditPosition, policy: CreditPolicy): CreditDecision => {
  const reasons: Message[] = [];
  const limit = new Decimal(position.creditLimit);
  if (limit.greaterThan(0) && new Decimal(position.openBalance).greaterThan(limit)) {
    reasons.push(
      message('credit.over_limit', { balance: groupedMoney(position.openBalance), currency: position.currency, limit: groupedMoney(limit) })
    );
  }
  const oldest = position.oldestOpenItem;
  if (oldest && oldest.daysPastDue > policy.overdueDays) {
    reasons.push(message('credit.overdue', { document: oldest.document, days: oldest.daysPastDue, overdueDays: policy.overdueDays }));
  }
  return { hold: reasons.length > 0, reasons };
};

/** The reason stored on the customer and shown to staff: every reason, in one line. */
export const holdReason = (decision: CreditDecision): Message => message('credit.automatic_hold', { reasons: decision.reasons });

/** Why an automatic hold is released: what the customer owes now, and the rule no item breaks. */
export const releaseReason = (position: CreditPosition, policy: CreditPolicy): Message => {
  const params = { balance: position.openBalance, currency: position.currency, overdueDays: policy.overdueDays };
  return new Decimal(position.creditLimit).greaterThan(0)
    ? message('credit.automatic_release_within_limit', { ...params, limit: position.creditLimit })
    : message('credit.automatic_release', params);
};
