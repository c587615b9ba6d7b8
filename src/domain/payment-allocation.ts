/**
 * Payment allocation (核销) planned without Strapi: which open receivables a payment pays and how
 * much of each. Oldest first by default (due date, then invoice date, then id); explicit
 * allocations are checked against what is open: never more than a receivable's open amount nor
 * the payment's unallocated amount, the same customer and currency, never a void receivable,
 * never one receivable twice in one request. Amounts are exact decimals with two places.
 */
import Decimal from 'decimal.js';
import { formatMoney, isMoneyProblem, parseMoney } from './money';
import { DomainValidationError, FieldProblem, fieldProblem } from './validation-error';

export interface OpenReceivable {
  id: number;
  /** How the client names it in a request (its documentId). */
  ref: string;
  customerId: number | null;
  currency: string;
  state: string;
  openAmount: Decimal;
  invoiceDate: string;
  dueDate: string;
}

export interface PayingPayment {
  customerId: number;
  currency: string;
  unallocated: Decimal;
}

export interface RequestedAllocation {
  receivable: unknown;
  amount: unknown;
}

export interface PlannedAllocation {
  receivableId: number;
  amount: Decimal;
}

/** Oldest first: by due date, then invoice date, then id. */
export const oldestFirst = (a: OpenReceivable, b: OpenReceivable): number =>
  a.dueDate.localeCompare(b.dueDate) || a.invoiceDate.localeCompare(b.invoiceDate) || a.id - b.id;

/** Spreads the payment's unallocated amount over the customer's open receivables, oldest first. */
export const planOldestFirst = (payment: PayingPayment, receivables: readonly OpenReceivable[]): PlannedAllocation[] => {
  let rest = payment.unallocated;
  const plan: PlannedAllocation[] = [];
  for (const receivable of [...receivables].sort(oldestFirst)) {
    if (rest.lte(0)) break;
    if (receivable.state !== 'open' || receivable.customerId !== payment.customerId || receivable.currency !== payment.currency) continue;
    if (receivable.openAmount.lte(0)) continue;
    const amount = Decimal.min(rest, receivable.openAmount);
    plan.push({ receivableId: receivable.id, amount });
    rest = rest.minus(amount);
  }
  return plan;
};

/**
 * Checks explicit allocations (`receivable` a documentId, `amount` a money value) against the
 * receivables they name, or throws every problem with its path (`allocations.<i>.<field>`).
 */
export const planExplicit = (
  payment: PayingPayment,
  requested: readonly RequestedAllocation[],
  receivables: readonly OpenReceivable[]
): PlannedAllocation[] => {
  const problems: FieldProblem[] = [];
  const byRef = new Map(receivables.map((receivable) => [receivable.ref, receivable]));
  const seen = new Set<string>();
  const plan: PlannedAllocation[] = [];
  let total = new Decimal(0);
  requested.forEach((item, index) => {
    const at = (field: string) => ['allocations', index, field];
    const amount = parseMoney(item.amount);
    if (isMoneyProblem(amount)) problems.push(fieldProblem(at('amount'), amount.code, amount.params));
    else if (amount.lte(0)) problems.push(fieldProblem(at('amount'), 'money.not_positive'));
    const ref = typeof item.receivable === 'string' ? item.receivable : '';
    const receivable = byRef.get(ref);
    if (!receivable) {
      problems.push(
        ref
          ? fieldProblem(at('receivable'), 'allocation.unknown_receivable', { receivable: ref })
          : fieldProblem(at('receivable'), 'allocation.name_receivable')
      );
      return;
    }
    if (seen.has(ref)) {
      problems.push(fieldProblem(at('receivable'), 'allocation.named_twice'));
      return;
    }
    seen.add(ref);
    if (receivable.customerId !== payment.customerId) problems.push(fieldProblem(at('receivable'), 'allocation.other_customer'));
    else if (receivable.currency !== payment.currency)
      problems.push(
        fieldProblem(at('receivable'), 'allocation.currency', {
          receivableCurrency: receivable.currency,
          paymentCurrency: payment.currency,
        })
      );
    else if (receivable.state === 'void') problems.push(fieldProblem(at('receivable'), 'allocation.void'));
    else if (!isMoneyProblem(amount) && amount.gt(0)) {
      if (amount.gt(receivable.openAmount)) {
        problems.push(fieldProblem(at('amount'), 'allocation.exceeds_open', { open: formatMoney(receivable.openAmount) }));
      } else {
        plan.push({ receivableId: receivable.id, amount });
        total = total.plus(amount);
      }
    }
  });
  if (problems.length === 0 && total.gt(payment.unallocated)) {
    problems.push(
      fieldProblem(['allocations'], 'allocation.exceeds_unallocated', {
        total: formatMoney(total),
        unallocated: formatMoney(payment.unallocated),
      })
    );
  }
  if (problems.length > 0) throw new DomainValidationError(problems);
  return plan;
};

/** The day an allocation counts from: the later of the payment's receipt and the receivable's invoice. */
export const allocatedOn = (receivedOn: string, invoiceDate: string): string => (receivedOn > invoiceDate ? receivedOn : invoiceDate);

/** An open receivable the admin panel offers a payment to pay (shown oldest due first). */
export interface PayableReceivable {
  documentId: string;
  /** The shipment's number (or the order's) the receivable was billed for. */
  reference: string;
  invoiceDate: string;
  dueDate: string;
  /** Decimal string, two places. */
  openAmount: string;
  currency: string;
}
