/**
 * Exact money: amounts are decimals with at most two places, never binary floats. Input may be a
 * JSON number or a numeric string; anything else, more than two decimal places, or an amount
 * beyond the database column's range is refused rather than rounded.
 */
import Decimal from 'decimal.js';
import { Message } from './messages';

export { Decimal };

/** The currencies amounts are kept in; amounts in different currencies are never added together. */
export const CURRENCIES = ['CNY', 'USD', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const isCurrency = (value: unknown): value is Currency => CURRENCIES.includes(value as Currency);

/** The company's own currency: that of a record or query that names none, and of the credit limits. */
export const DEFAULT_CURRENCY = 'CNY' satisfies Currency;

/** Largest amount a money column holds: decimal(14,2) in the database. */
export const MAX_MONEY = new Decimal('999999999999.99');

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** Why a value is not money (a message of src/domain/messages.ts). */
export type MoneyProblem = Message;

export const isMoneyProblem = (value: Decimal | MoneyProblem): value is MoneyProblem => !(value instanceof Decimal);

/** Parses a money value or returns the reason it is not one. */
export const parseMoney = (value: unknown): Decimal | MoneyProblem => {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { code: 'money.not_finite' };
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return { code: 'money.not_decimal' };
  }
  // Numbers print in exponent form only outside the money range (or below a cent).
  if (!NUMERIC.test(text)) return { code: 'money.not_decimal' };
  const amount = new Decimal(text);
  if (amount.decimalPlaces() > 2) return { code: 'money.places' };
  if (amount.abs().greaterThan(MAX_MONEY)) return { code: 'money.too_large', params: { max: MAX_MONEY.toFixed(2) } };
  return amount;
};

/** Money as the API and the database columns carry it: a string with two places. */
export const formatMoney = (amount: Decimal): string => amount.toFixed(2);

/** A money column's value as the database gives it (PostgreSQL: text; SQLite: a number; null for none), to the cent. */
export const storedMoney = (value: unknown): Decimal => new Decimal(String(value ?? 0)).toDecimalPlaces(2);

/** The same as two-place text. */
export const storedMoneyText = (value: unknown): string => formatMoney(storedMoney(value));

/** 1234567.5 → "1,234,567.50": amounts as people write them (mails, reasons, documents, dialogs). */
export const groupedMoney = (amount: Decimal | string): string => {
  const [whole, cents] = new Decimal(amount).toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
};

export const sumMoney = (amounts: Decimal[]): Decimal => amounts.reduce((total, amount) => total.plus(amount), new Decimal(0));
