/**
 * Gap-free, race-free record numbers. One counter row per series key (`SO-2026`, `C`) is bumped by
 * a single upsert inside the caller's transaction: concurrent creators queue on the row lock
 * (PostgreSQL) or the database write lock (SQLite), and a rolled-back create gives its number back.
 */
import type { Core } from '@strapi/strapi';
import { formatNumber, NumberSeries, seriesKey } from '../domain/document-number';

export const SEQUENCE_TABLE = 'number_sequences';

/**
 * Takes `count` consecutive values of a series' counter and returns the last one; the first is
 * `last - count + 1`.
 */
export const reserveSequence = async (strapi: Core.Strapi, key: string, count = 1): Promise<number> =>
  strapi.db.transaction(async ({ trx }) => {
    // ON CONFLICT ... RETURNING: PostgreSQL, and SQLite since 3.35.
    const result = await trx.raw(
      `INSERT INTO ${SEQUENCE_TABLE} (series, value) VALUES (?, ?)
       ON CONFLICT (series) DO UPDATE SET value = ${SEQUENCE_TABLE}.value + excluded.value
       RETURNING value`,
      [key, count]
    );
    const rows = Array.isArray(result) ? result : result.rows;
    return Number(rows[0].value);
  });

export const nextNumber = async (strapi: Core.Strapi, series: NumberSeries, year: number): Promise<string> =>
  formatNumber(series, year, await reserveSequence(strapi, seriesKey(series, year)));

/**
 * The next number of a series that no record uses yet. Where people may also type numbers by hand
 * (customer codes), a hand-typed number the series later reaches is skipped, not handed out again.
 */
export const nextUnusedNumber = async (
  strapi: Core.Strapi,
  series: NumberSeries,
  year: number,
  isTaken: (candidate: string) => Promise<boolean>
): Promise<string> => {
  for (;;) {
    const candidate = await nextNumber(strapi, series, year);
    if (!(await isTaken(candidate))) return candidate;
  }
};
