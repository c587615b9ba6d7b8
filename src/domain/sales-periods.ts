/**
 * Calendar periods of the sales dashboard, without Strapi: the period a business date falls in for
 * each grain (day "2026-03-05", month "2026-03", quarter "2026-Q1", year "2026"), every period of a
 * date range in order, the same period one year earlier, the default range (the last 12 full months
 * and the current month), and the ratios the dashboard shows (4 places, as strings).
 */
import Decimal from 'decimal.js';
import { addDays } from './business-date';

export const GRAINS = ['day', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

export const periodOf = (date: string, grain: Grain): string => {
  switch (grain) {
    case 'day':
      return date;
    case 'month':
      return date.slice(0, 7);
    case 'quarter':
      return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    default:
      return date.slice(0, 4);
  }
};

/** The first day of the month `months` after (or before, when negative) the month of `date`. */
export const monthStart = (date: string, months = 0): string => {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
};

export const monthEnd = (date: string): string => addDays(monthStart(date, 1), -1);

export interface MonthSplit {
  /** The whole calendar months inside [from, to] ('YYYY-MM', first and last), if any. */
  months?: [string, string];
  /** The days of [from, to] outside those months: before the first, after the last (all of it when there is none). */
  days: [string, string][];
}

/** [from, to] as its whole months and the days around them: roll-ups by month answer the first, by day the rest. */
export const splitByWholeMonths = (from: string, to: string): MonthSplit => {
  const firstWhole = from === monthStart(from) ? from : monthStart(from, 1);
  const lastWholeEnd = to === monthEnd(to) ? to : addDays(monthStart(to), -1);
  if (firstWhole > lastWholeEnd) return { days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < firstWhole) days.push([from, addDays(firstWhole, -1)]);
  if (to > lastWholeEnd) days.push([addDays(lastWholeEnd, 1), to]);
  return { months: [firstWhole.slice(0, 7), lastWholeEnd.slice(0, 7)], days };
};

/** The same calendar day `years` later (earlier when negative); 29 February becomes the 28th. */
export const addYears = (date: string, years: number): string => {
  const year = String(Number(date.slice(0, 4)) + years).padStart(4, '0');
  const moved = `${year}${date.slice(4)}`;
  return date.slice(5) === '02-29' && moved.slice(5) === '02-29' && addDays(moved, 0) !== moved ? `${year}-02-28` : moved;
};

/** Every period of `grain` that [from, to] touches, oldest first. */
export const periodsBetween = (from: string, to: string, grain: Grain): string[] => {
  const periods: string[] = [];
  const step = (date: string) => (grain === 'day' ? addDays(date, 1) : monthStart(date, 1));
  for (let date = from; date <= to; date = step(date)) {
    const period = periodOf(date, grain);
    if (periods[periods.length - 1] !== period) periods.push(period);
  }
  return periods;
};

/** The period one year after `period` (the key under which last year's figure is shown). */
export const periodYearLater = (period: string): string => `${String(Number(period.slice(0, 4)) + 1).padStart(4, '0')}${period.slice(4)}`;

/** From the first day of the month 12 months ago to the last day of the current month. */
export const defaultRange = (today: string): { from: string; to: string } => ({ from: monthStart(today, -12), to: monthEnd(today) });

/** The first and last day of a period named by `periodOf`. */
export const periodBounds = (period: string, grain: Grain): [string, string] => {
  if (grain === 'day') return [period, period];
  if (grain === 'month') return [`${period}-01`, monthEnd(`${period}-01`)];
  if (grain === 'quarter') {
    const first = `${period.slice(0, 4)}-${String((Number(period.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
    return [first, monthEnd(monthStart(first, 2))];
  }
  return [`${period}-01-01`, `${period}-12-31`];
};

/**
 * A period the figures cover only in part: it runs past `today` (still open, so it would plot as a
 * collapse) or past either end of the range asked for.
 */
export const isPartialPeriod = (period: string, grain: Grain, range: { from: string; to: string }, today: string): boolean => {
  const [first, last] = periodBounds(period, grain);
  return last > today || first < range.from || last > range.to;
};

/**
 * The days of last month matching this month's so far (1 to today's day, cut at last month's end),
 * so that "against last month" compares like with like on the 5th as on the 30th.
 */
export const sameDaysLastMonth = (today: string): { from: string; to: string } => {
  const from = monthStart(today, -1);
  const to = addDays(from, Number(today.slice(8, 10)) - 1);
  const end = monthEnd(from);
  return { from, to: to > end ? end : to };
};

/** numerator / denominator with 4 places, half up; null when the denominator is zero. */
export const ratio = (numerator: Decimal.Value, denominator: Decimal.Value): string | null => {
  const below = new Decimal(denominator);
  return below.isZero() ? null : new Decimal(numerator).div(below).toFixed(4, Decimal.ROUND_HALF_UP);
};

/** Integer cents as a money string "1234.50". */
export const centsToMoney = (cents: Decimal.Value): string => new Decimal(cents).div(100).toFixed(2);
