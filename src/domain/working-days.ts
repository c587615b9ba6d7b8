/**
 * Working days for deadlines (e.g. "confirm a complaint within 1 working day"): Monday to Friday,
 * minus public holidays, plus the weekend days worked in their place (调休), as configured. Dates
 * are calendar dates in the report time zone; a deadline falls at the end of its day there.
 */
import { addDays, dateIn } from './business-date';
import { offsetAt } from './zone-offsets';

export interface WorkCalendar {
  /** Weekdays off, YYYY-MM-DD. */
  holidays: readonly string[];
  /** Weekend days worked, YYYY-MM-DD. */
  workdays: readonly string[];
}

export const isWorkingDay = (date: string, calendar: WorkCalendar): boolean => {
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** The date `days` working days after `date` (0 = `date` itself if it is a working day, else the next). */
export const addWorkingDays = (date: string, days: number, calendar: WorkCalendar): string => {
  let current = date;
  while (!isWorkingDay(current, calendar)) current = addDays(current, 1);
  for (let left = days; left > 0;) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) left -= 1;
  }
  return current;
};

/** The last second of a calendar date in a time zone, as an instant. */
export const endOfDayIn = (timeZone: string, date: string): Date => {
  const wallClock = Date.parse(`${date}T23:59:59Z`);
  return new Date(wallClock - offsetAt(timeZone, wallClock));
};

/** The deadline `days` working days after `from`, at the end of that day in the time zone. */
export const deadlineAfter = (from: Date, days: number, timeZone: string, calendar: WorkCalendar): Date =>
  endOfDayIn(timeZone, addWorkingDays(dateIn(timeZone, from), days, calendar));
