/**
 * Dunning (催款): the reminder level an overdue item has reached, from the configured levels in days
 * past due (DUNNING_LEVELS, default 7,30,60). Level n (1-based) is reached on the day the item is
 * levels[n-1] days past due; only the highest level reached is sent, so an item first seen 65 days
 * overdue gets the level-3 reminder, not three at once.
 */
export const DEFAULT_DUNNING_LEVELS = [7, 30, 60] as const;

export const dunningLevels = (raw: readonly (number | string)[] | undefined): number[] => {
  const levels = (raw ?? DEFAULT_DUNNING_LEVELS).map((value) => Number(value));
  if (levels.length === 0) throw new Error('DUNNING_LEVELS needs at least one level');
  levels.forEach((days, index) => {
    if (!Number.isInteger(days) || days < 1 || (index > 0 && days <= levels[index - 1])) {
      throw new Error(`DUNNING_LEVELS must be increasing whole numbers of days >= 1; got ${levels.join(',')}`);
    }
  });
  return levels;
};

/** The highest level reached at `daysPastDue` (1-based), or 0 when none is. */
export const dunningLevel = (daysPastDue: number, levels: readonly number[]): number =>
  levels.reduce((reached, days, index) => (daysPastDue >= days ? index + 1 : reached), 0);

/** The ISO week (e.g. 2026-W48) of a YYYY-MM-DD date: the overdue report is sent once per week. */
export const isoWeek = (date: string): string => {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of the week decides its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
};

/** 1 = Monday … 7 = Sunday, of a YYYY-MM-DD date. */
export const isoWeekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
