/**
 * Business dates are calendar dates in the company's report time zone (Asia/Shanghai by default),
 * not in whatever zone the server happens to run.
 */
import { offsetAt } from './zone-offsets';

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using it (lists date many rows). */
const formatters = new Map<string, Intl.DateTimeFormat>();

const partsIn = (timeZone: string, at: Date) => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(at)) parts[part.type] = part.value;
  return { year: parts.year, month: parts.month, day: parts.day };
};

/** The calendar date (YYYY-MM-DD) at `at` in `timeZone`. */
export const dateIn = (timeZone: string, at: Date = new Date()): string => {
  const { year, month, day } = partsIn(timeZone, at);
  return `${year}-${month}-${day}`;
};

export const yearIn = (timeZone: string, at: Date = new Date()): number => Number(partsIn(timeZone, at).year);

/** Adds whole days to a calendar date (YYYY-MM-DD); negative days go back. */
export const addDays = (date: string, days: number): string => {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
};

/** Whether a value is a real calendar date written YYYY-MM-DD (no 2026-02-30, no 2026-13-01). */
export const isCalendarDate = (value: unknown): boolean => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
};

/**
 * The wall-clock date and time (YYYY-MM-DD HH:mm:ss) of an instant in `timeZone`: what staff in
 * that zone read on their clocks, for exports that cannot carry a zone (spreadsheets, CSV).
 */
export const dateTimeIn = (timeZone: string, at: Date): string =>
  new Date(at.getTime() + offsetAt(timeZone, at.getTime())).toISOString().slice(0, 19).replace('T', ' ');
