/**
 * Month-end snapshots of the open items (月末账龄快照): for each of the last month ends, the
 * receivables open at the end of that day with what they still owed then — so that the aging "as
 * of the end of last month", which staff ask for every month, reads one narrow table instead of
 * netting 300,000 receivables against their allocations in force that day (0.7 s at the large
 * scale).
 *
 * A snapshot is not a frozen report: a payment recorded today may be dated last month, a receivable
 * may be voided, a customer may move to another region. What a receivable owed at the end of a day
 * depends only on its own rows (amount, dates, allocations and their days), so `syncAgingSnapshots`
 * recomputes the rows of the receivables a write touched, for every snapshot day, in the writer's
 * transaction (./receivable-roll-ups.ts calls it beside the other receivables roll-up).
 *
 * Building a day reads the base tables once (`buildAgingSnapshot`). On PostgreSQL it first takes
 * the days table in EXCLUSIVE mode: a writer reads the days with FOR SHARE before resyncing, so
 * the build waits for writers already under way (and sees what they commit), and later writers wait
 * for the build and then resync the new day too. SQLite has one writer at a time.
 */
import type { Core } from '@strapi/strapi';
import { addDays, dateIn } from '../domain/business-date';
import { monthStart } from '../domain/sales-periods';
import { reportTimeZone } from '../platform/settings';
import { AGING_SNAPSHOT_DAYS, AGING_SNAPSHOT_ITEMS, openItemsQuery } from './receivable-aging';

type Knex = Core.Strapi['db']['connection'];

/** How many month ends the daily job keeps a snapshot of. */
export const SNAPSHOT_MONTHS = 13;

const COLUMNS = 'as_of, receivable_id, customer_id, region, salesperson_id, currency, invoice_date, due_date, amount_cents, open_cents';

/** The rows of the open items at the end of `asOf` (of these receivables only, when given). */
const rowsAt = (strapi: Core.Strapi, asOf: string, receivableIds?: number[]) => {
  const items = openItemsQuery(strapi, { asOf, receivableIds });
  // SQLite keeps dates as text: CAST(… AS DATE) there would make the day a number.
  const day = strapi.db.dialect.client === 'postgres' ? 'CAST(? AS DATE)' : '?';
  return {
    sql: `SELECT ${day}, o.receivable_id, o.customer_id, o.region, o.salesperson_id, o.currency, o.invoice_date, o.due_date,
        CAST(ROUND(o.amount * 100) AS BIGINT), o.open_cents FROM (${items.sql}) o`,
    bindings: [asOf, ...items.bindings],
  };
};

/** Builds the snapshot of the end of `asOf` (a past day) unless it exists; resolves to whether it built it. */
export const buildAgingSnapshot = async (strapi: Core.Strapi, asOf: string, now: Date = new Date()): Promise<boolean> => {
  if (asOf >= dateIn(reportTimeZone(strapi), now)) throw new Error(`a snapshot is of a past day; ${asOf} is not`);
  return strapi.db.transaction(async ({ trx }) => {
    const knex: Knex = trx;
    if (strapi.db.dialect.client === 'postgres') await knex.raw(`LOCK TABLE ${AGING_SNAPSHOT_DAYS} IN EXCLUSIVE MODE`);
    if (await knex(AGING_SNAPSHOT_DAYS).where({ as_of: asOf }).first('as_of')) return false;
    const rows = rowsAt(strapi, asOf);
    await knex.raw(`INSERT INTO ${AGING_SNAPSHOT_ITEMS} (${COLUMNS}) ${rows.sql}`, rows.bindings);
    await knex(AGING_SNAPSHOT_DAYS).insert({ as_of: asOf, built_at: now });
    return true;
  });
};

/** The last `count` month ends before today, newest first. */
export const recentMonthEnds = (today: string, count = SNAPSHOT_MONTHS): string[] =>
  Array.from({ length: count }, (_, back) => addDays(monthStart(today, -back), -1));

/**
 * The daily job's part: the snapshots of the last month ends exist (a new month end's is built
 * the first day after it), older ones are dropped. Resolves to the days built.
 */
export const keepMonthEndSnapshots = async (strapi: Core.Strapi, now: Date = new Date()): Promise<string[]> => {
  const wanted = recentMonthEnds(dateIn(reportTimeZone(strapi), now));
  const built: string[] = [];
  for (const day of wanted) if (await buildAgingSnapshot(strapi, day, now)) built.push(day);
  const oldest = wanted[wanted.length - 1];
  await strapi.db.transaction(async ({ trx }) => {
    await trx(AGING_SNAPSHOT_ITEMS).where('as_of', '<', oldest).delete();
    await trx(AGING_SNAPSHOT_DAYS).where('as_of', '<', oldest).delete();
  });
  return built;
};

/** Recomputes the snapshot rows of these receivables for every snapshot day, in the current transaction. */
export const syncAgingSnapshots = async (strapi: Core.Strapi, receivableIds: number[], knex: Knex): Promise<void> => {
  if (receivableIds.length === 0) return;
  const days = knex(AGING_SNAPSHOT_DAYS).select('as_of');
  const rows: { as_of: unknown }[] = await (strapi.db.dialect.client === 'postgres' ? days.forShare() : days);
  for (const { as_of: day } of rows) {
    const asOf = day instanceof Date ? dateIn('UTC', day) : String(day).slice(0, 10);
    for (let start = 0; start < receivableIds.length; start += 500) {
      const chunk = receivableIds.slice(start, start + 500);
      await knex(AGING_SNAPSHOT_ITEMS).where({ as_of: asOf }).whereIn('receivable_id', chunk).delete();
      const fresh = rowsAt(strapi, asOf, chunk);
      await knex.raw(`INSERT INTO ${AGING_SNAPSHOT_ITEMS} (${COLUMNS}) ${fresh.sql}`, fresh.bindings);
    }
  }
};

/** Drops every snapshot (bulk loads write around the hooks); the daily job builds them again. */
export const dropAgingSnapshots = async (strapi: Core.Strapi, knex: Knex = strapi.db.connection): Promise<void> => {
  await knex(AGING_SNAPSHOT_ITEMS).delete();
  await knex(AGING_SNAPSHOT_DAYS).delete();
};
