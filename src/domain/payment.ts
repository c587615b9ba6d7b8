/**
 * A payment (收款) as the sales clerk records it: an amount greater than 0 with at most two
 * decimals that a money column holds, the day it was received (a real date, never in the future
 * of the report time zone), how it came (bank transfer, acceptance bill 承兑汇票, cash, other).
 */
import Decimal from 'decimal.js';
import { isCalendarDate } from './business-date';
import { message } from './messages';
import { CURRENCIES, DEFAULT_CURRENCY, isCurrency, isMoneyProblem, parseMoney } from './money';
import { DomainValidationError, FieldProblem, fieldProblem } from './validation-error';

export const PAYMENT_METHODS = ['bank_transfer', 'acceptance_bill', 'cash', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_CURRENCIES = CURRENCIES;

export interface PaymentFields {
  amount: Decimal;
  receivedOn: string;
  method: PaymentMethod;
  currency: string;
}

/** Checks what a client sends for a new payment, or throws every problem with its field. */
export const checkPaymentFields = (data: Record<string, unknown>, today: string): PaymentFields => {
  const problems: FieldProblem[] = [];
  const amount = data.amount === undefined || data.amount === null ? message('field.required_here') : parseMoney(data.amount);
  if (isMoneyProblem(amount)) problems.push(fieldProblem(['amount'], amount.code, amount.params));
  else if (amount.lte(0)) problems.push(fieldProblem(['amount'], 'money.not_positive'));
  const receivedOn = data.receivedOn;
  if (receivedOn === undefined || receivedOn === null || receivedOn === '')
    problems.push(fieldProblem(['receivedOn'], 'field.required_here'));
  else if (!isCalendarDate(receivedOn)) problems.push(fieldProblem(['receivedOn'], 'date.invalid'));
  else if ((receivedOn as string) > today) problems.push(fieldProblem(['receivedOn'], 'date.future', { today }));
  const method = data.method ?? 'bank_transfer';
  if (!PAYMENT_METHODS.includes(method as PaymentMethod))
    problems.push(fieldProblem(['method'], 'field.one_of', { values: PAYMENT_METHODS.join(', ') }));
  const currency = data.currency ?? DEFAULT_CURRENCY;
  if (!isCurrency(currency)) problems.push(fieldProblem(['currency'], 'field.one_of', { values: PAYMENT_CURRENCIES.join(', ') }));
  if (problems.length > 0) throw new DomainValidationError(problems);
  return { amount: amount as Decimal, receivedOn: receivedOn as string, method: method as PaymentMethod, currency: currency as string };
};

/** Payment progress (货款回收进度) of an order or a contract, as src/cash-collection/payment-progress.ts counts it. */
export interface PaymentProgress {
  number: string;
  currency: string;
  /** The order's or contract's total, for comparison with what was billed. */
  total: string;
  receivables: number;
  billed: string;
  paid: string;
  open: string;
  overdue: string;
  /** Today in the report time zone: the day `overdue` is counted on. */
  asOf: string;
}
