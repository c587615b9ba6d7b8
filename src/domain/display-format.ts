/**
 * The one way money and dates are shown to people, in every language and on every surface (list
 * columns, panels, dialogs, mails, PDFs, spreadsheets): amounts as "CNY 1,234,567.50" (the ISO
 * currency code first, grouped, two places, as on the department's paper forms), calendar dates as
 * 2027-02-03 and instants as 2027-02-03 14:05 on the wall clock of the company's time zone.
 * The API keeps its machine forms ("1234567.50", ISO instants); these are for reading.
 */
import { dateTimeIn } from './business-date';
import { Decimal, groupedMoney } from './money';

/** "CNY 1,234,567.50"; without a currency just the grouped amount; no amount → "—". */
export const moneyText = (amount: Decimal | string | number | null | undefined, currency?: string | null): string => {
  if (amount === null || amount === undefined || amount === '') return '—';
  const grouped = groupedMoney(new Decimal(String(amount)));
  return currency ? `${currency} ${grouped}` : grouped;
};

/** A calendar date as stored (YYYY-MM-DD), or the date part of an ISO instant; nothing → "—". */
export const dateText = (value: string | null | undefined): string => (value ? value.slice(0, 10) : '—');

/** An instant as "YYYY-MM-DD HH:mm" on the clocks of `timeZone`; nothing → "—". */
/**
 * The reader's locale with the ISO 8601 calendar: a date picker that writes and reads dates in its
 * locale's order (Strapi's) then shows 2027-02-03 in every language, while its month and weekday
 * names stay the reader's (四月, 周三).
 */
export const isoDateLocale = (locale: string): string => new Intl.Locale(locale, { calendar: 'iso8601' }).toString();

export const dateTimeText = (value: string | Date | null | undefined, timeZone: string): string =>
  value ? dateTimeIn(timeZone, new Date(value)).slice(0, 16) : '—';
