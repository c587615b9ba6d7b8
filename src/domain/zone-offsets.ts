/**
 * UTC offsets of a time zone as plain numbers, for SQL that must bucket instants by calendar day
 * or month in the report time zone where the database cannot (SQLite has no time zone database):
 * the instant a calendar day starts, and the periods of constant offset over a range of instants,
 * which follow daylight saving and historical changes exactly as the platform's Intl data does.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** Milliseconds to add to a UTC instant to read the wall clock in `timeZone` at that instant. */
export const offsetAt = (timeZone: string, at: number): number => {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value])
  );
  const wallClock = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second)
  );
  // Intl shows whole seconds: compare with the instant cut to its second.
  return wallClock - Math.floor(at / 1000) * 1000;
};

/**
 * The instant a calendar date (YYYY-MM-DD) begins in `timeZone`. Where the zone skips midnight
 * (a daylight-saving jump at 00:00), the first instant after the gap.
 */
export const startOfDay = (timeZone: string, date: string): Date => {
  const wallClock = Date.parse(`${date}T00:00:00Z`);
  const guess = wallClock - offsetAt(timeZone, wallClock);
  const settled = wallClock - offsetAt(timeZone, guess);
  return new Date(offsetAt(timeZone, settled) === wallClock - settled ? settled : Math.max(guess, settled));
};

/** One stretch of time with a constant offset: from `from` (inclusive; null: since ever) on. */
export interface OffsetPeriod {
  from: number | null;
  offset: number;
}

const DAY = 86_400_000;

/**
 * The offsets in force between `from` and `to` (instants in ms), as consecutive periods; the first
 * reaches back before `from` and the last on past `to`. Samples every day and bisects each change
 * to the millisecond: zones change offset at most a few times a year, never twice in a day.
 */
export const offsetPeriods = (timeZone: string, from: number, to: number): OffsetPeriod[] => {
  const periods: OffsetPeriod[] = [{ from: null, offset: offsetAt(timeZone, from) }];
  for (let before = from; before < to;) {
    const after = Math.min(before + DAY, to);
    const offset = offsetAt(timeZone, after);
    if (offset !== periods[periods.length - 1].offset) {
      let low = before; // old offset at low, new offset at high
      let high = after;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsetAt(timeZone, middle) === offset) high = middle;
        else low = middle;
      }
      periods.push({ from: high, offset });
    }
    before = after;
  }
  return periods;
};
