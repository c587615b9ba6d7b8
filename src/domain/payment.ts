/**
 * A payment (收款) as the sales clerk records it: an amount greater than 0 with at most two
 * decimals that a money column holds, the day it was received (a real date, never in the future
 * of the report time zone), how it came (bank transfer, acceptance bill 承兑汇票, cash, other).
 */
import Decimal from 'decimal.js';
import { isCalendarDate } from './business-date';
import { CURRENCIES, DEFAULT_CURRENCY, isCurrency, parseMoney } from './money';
import { DomainValidationError, FieldProblem } from './validation-error';

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
  const amount = data.amount === undefined || data.amount === null ? 'is required' : parseMoney(data.amount);
  if (typeof amount === 'string') problems.push({ path: ['amount'], message: amount });
  else if (amount.lte(0)) problems.push({ path: ['amount'], message: 'must be greater than 0' });
  const receivedOn = data.receivedOn;
  if (receivedOn === undefined || receivedOn === null || receivedOn === '') problems.push({ path: ['receivedOn'], message: 'is required' });
  else if (!isCalendarDate(receivedOn))
    problems.push({ path: ['receivedOn'], message: 'must be a calendar date written YYYY-MM-DD, e.g. 2026-12-31' });
  else if ((receivedOn as string) > today)
    problems.push({ path: ['receivedOn'], message: `must not be in the future (today is ${today})` });
  const method = data.method ?? 'bank_transfer';
  if (!PAYMENT_METHODS.includes(method as PaymentMethod))
    problems.push({ path: ['method'], message: `must be one of ${PAYMENT_METHODS.join(', ')}` });
  const currency = data.currency ?? DEFAULT_CURRENCY;
  if (!isCurrency(currency)) problems.push({ path: ['currency'], message: `must be one of ${PAYMENT_CURRENCIES.join(', ')}` });
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
