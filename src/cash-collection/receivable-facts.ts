/**
 * The receivables roll-ups, kept exact the way the sales roll-up is (./sales-facts.ts):
 * - `receivable_facts`: one narrow row per receivable that is not void and has a customer — the
 *   customer, the customer's region ('' none) and salesperson (0 none), currency, invoice and due
 *   dates, amount and open amount in integer cents (open 0 unless the receivable is open). Today's
 *   open items (aging, overdue customers, dunning) are its rows with `open_cents > 0`.
 * - `collection_facts`: one row per payment allocation in force (not reversed), with its
 *   receivable's customer, region, salesperson and currency, the allocation day and amount.
 * - `collection_monthly`: per month, region, salesperson and currency the amount billed
 *   (receivables invoiced that month) and collected (allocations made that month).
 *
 * `syncReceivableFacts` rebuilds the rows of some receivables and their allocations from the base
 * tables and moves the cube by what they contribute after minus before (./cube-deltas.ts), in the
 * caller's transaction.
 * src/cash-collection/receivable-roll-ups.ts calls it (with the month-end snapshots) from database
 * lifecycle hooks on receivables, allocations and customers (a new region or salesperson moves the
 * customer's figures) and for the payment service after its conditional UPDATEs (which fire no
 * hooks); the bulk loader adds fresh chunks; at bootstrap everything is rebuilt when the tables
 * are new. The tables and their indexes: database/versions/0006-receivables-roll-up.ts.
 */
import type { Core } from '@strapi/strapi';
import { addSelected, Cube, withCubesInStep } from '../platform/cube-deltas';
import { analyze, inTransaction, Knex, rowsOf } from '../platform/roll-up-writes';
import { metaOf } from '../platform/table-meta';
import { ALLOCATION, CUSTOMER, RECEIVABLE } from '../platform/uids';

export const RECEIVABLE_FACTS = 'receivable_facts';
export const COLLECTION_FACTS = 'collection_facts';
export const COLLECTION_MONTHLY = 'collection_monthly';

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

/** 'YYYY-MM' of a date column, the same text on both databases. */
export const monthOf = (strapi: Core.Strapi, column: string) =>
  strapi.db.dialect.client === 'postgres' ? `to_char(${column}, 'YYYY-MM')` : `substr(${column}, 1, 7)`;

/** The receivable's customer with the customer's region and salesperson (aliases rc, c, cs). */
export const customerJoins = (strapi: Core.Strapi, receivableId: string) => {
  const owner = metaOf(strapi, RECEIVABLE).link('customer');
  const c = metaOf(strapi, CUSTOMER);
  const salesperson = c.link('salesperson');
  return {
    sql: `JOIN ${owner.table} rc ON rc.${owner.owner} = ${receivableId}
      JOIN ${c.table} c ON c.id = rc.${owner.target}
      LEFT JOIN ${salesperson.table} cs ON cs.${salesperson.owner} = c.id`,
    customerId: `rc.${owner.target}`,
    columns: `rc.${owner.target} AS customer_id, COALESCE(c.${c.column('region')}, '') AS region, COALESCE(cs.${salesperson.target}, 0) AS salesperson_id`,
  };
};

const RECEIVABLE_COLUMNS = 'receivable_id, customer_id, region, salesperson_id, currency, invoice_date, due_date, amount_cents, open_cents';
const COLLECTION_COLUMNS = 'allocation_id, receivable_id, customer_id, region, salesperson_id, currency, allocated_on, amount_cents';

/** The fact rows of the receivables matching `where` (on alias r). */
const receivableSelect = (strapi: Core.Strapi, where: string) => {
  const r = metaOf(strapi, RECEIVABLE);
  const customer = customerJoins(strapi, 'r.id');
  return `SELECT r.id AS receivable_id, ${customer.columns}, r.${r.column('currency')} AS currency,
      r.${r.column('invoiceDate')} AS invoice_date, r.${r.column('dueDate')} AS due_date,
      CAST(ROUND(r.${r.column('amount')} * 100) AS BIGINT) AS amount_cents,
      CASE WHEN r.${r.column('state')} = 'open' THEN CAST(ROUND(r.${r.column('openAmount')} * 100) AS BIGINT) ELSE 0 END AS open_cents
    FROM ${r.table} r ${customer.sql}
    WHERE r.${r.column('state')} <> 'void' AND ${where}`;
};

/** The fact rows of the allocations in force of the receivables matching `where` (on alias r). */
const collectionSelect = (strapi: Core.Strapi, where: string) => {
  const r = metaOf(strapi, RECEIVABLE);
  const a = metaOf(strapi, ALLOCATION);
  const allocatedTo = a.link('receivable');
  const customer = customerJoins(strapi, 'r.id');
  return `SELECT a.id AS allocation_id, r.id AS receivable_id, ${customer.columns}, r.${r.column('currency')} AS currency,
      a.${a.column('allocatedOn')} AS allocated_on, CAST(ROUND(a.${a.column('amount')} * 100) AS BIGINT) AS amount_cents
    FROM ${a.table} a
    JOIN ${allocatedTo.table} ar ON ar.${allocatedTo.owner} = a.id
    JOIN ${r.table} r ON r.id = ar.${allocatedTo.target}
    ${customer.sql}
    WHERE a.${a.column('reversedOn')} IS NULL AND ${where}`;
};

/** Billed and collected per cell of the facts matching `where` (a condition on alias f), with the number of facts. */
const cellSums = (strapi: Core.Strapi, where: string) => `
  SELECT currency, month, region, salesperson_id, SUM(billed) AS billed_cents, SUM(collected) AS collected_cents, COUNT(*) AS facts FROM (
    SELECT ${monthOf(strapi, 'f.invoice_date')} AS month, f.region, f.salesperson_id, f.currency, f.amount_cents AS billed, 0 AS collected
    FROM ${RECEIVABLE_FACTS} f WHERE ${where}
    UNION ALL
    SELECT ${monthOf(strapi, 'f.allocated_on')}, f.region, f.salesperson_id, f.currency, 0, f.amount_cents
    FROM ${COLLECTION_FACTS} f WHERE ${where}
  ) facts WHERE month IS NOT NULL GROUP BY currency, month, region, salesperson_id`;

const monthlyCube = (strapi: Core.Strapi): Cube => ({
  table: COLLECTION_MONTHLY,
  keys: ['currency', 'month', 'region', 'salesperson_id'],
  sums: ['billed_cents', 'collected_cents', 'facts'],
  conditions: 2,
  select: (where) => cellSums(strapi, where),
});

/** Rebuilds the facts of these receivables (and their allocations) and the cells they touch, in the current transaction. */
export const syncReceivableFacts = async (strapi: Core.Strapi, receivableIds: number[], knex?: Knex): Promise<void> => {
  const ids = [...new Set(receivableIds.filter((id) => Number.isInteger(id)))];
  if (ids.length === 0) return;
  const run = async (trx: Knex) => {
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      const these = `receivable_id IN (${placeholders(chunk.length)})`;
      await withCubesInStep(trx, [monthlyCube(strapi)], `f.${these}`, chunk, async () => {
        await trx.raw(`DELETE FROM ${RECEIVABLE_FACTS} WHERE ${these}`, chunk);
        await trx.raw(`DELETE FROM ${COLLECTION_FACTS} WHERE ${these}`, chunk);
        const inChunk = `r.id IN (${placeholders(chunk.length)})`;
        await trx.raw(`INSERT INTO ${RECEIVABLE_FACTS} (${RECEIVABLE_COLUMNS}) ${receivableSelect(strapi, inChunk)}`, chunk);
        await trx.raw(`INSERT INTO ${COLLECTION_FACTS} (${COLLECTION_COLUMNS}) ${collectionSelect(strapi, inChunk)}`, chunk);
      });
    }
  };
  await inTransaction(strapi, knex, run);
};

/**
 * The bulk loader's form, for receivables with ids in [first, last] freshly written with their
 * allocations in the current transaction: their facts are inserted and their sums added to the
 * cube (INSERT … ON CONFLICT DO UPDATE) — exact because none of them was in a cell before, and it
 * costs the chunk, not every fact of the months it touches.
 */
export const addFreshReceivables = async (strapi: Core.Strapi, first: number, last: number): Promise<void> => {
  await strapi.db.transaction(async ({ trx }) => {
    const knex: Knex = trx;
    const r = metaOf(strapi, RECEIVABLE);
    const a = metaOf(strapi, ALLOCATION);
    await analyze(strapi, knex, [r.table, r.link('customer').table, a.table, a.link('receivable').table]);
    const these = 'receivable_id BETWEEN ? AND ?';
    const [existing] = rowsOf<{ found: unknown }>(
      await knex.raw(`SELECT COUNT(*) AS found FROM ${RECEIVABLE_FACTS} WHERE ${these}`, [first, last])
    );
    if (Number(existing.found) > 0) throw new Error(`receivables ${first}–${last} are not fresh: use syncReceivableFacts`);
    await knex.raw(`INSERT INTO ${RECEIVABLE_FACTS} (${RECEIVABLE_COLUMNS}) ${receivableSelect(strapi, 'r.id BETWEEN ? AND ?')}`, [
      first,
      last,
    ]);
    await knex.raw(`INSERT INTO ${COLLECTION_FACTS} (${COLLECTION_COLUMNS}) ${collectionSelect(strapi, 'r.id BETWEEN ? AND ?')}`, [
      first,
      last,
    ]);
    await addSelected(knex, monthlyCube(strapi), `f.${these}`, [first, last]);
  });
};

/** Empties and refills the receivables roll-ups from the base tables (new tables, repair). */
export const rebuildReceivableFacts = async (strapi: Core.Strapi): Promise<void> => {
  await strapi.db.transaction(async ({ trx }) => {
    const knex: Knex = trx;
    for (const table of [RECEIVABLE_FACTS, COLLECTION_FACTS, COLLECTION_MONTHLY]) await knex.raw(`DELETE FROM ${table}`);
    await knex.raw(`INSERT INTO ${RECEIVABLE_FACTS} (${RECEIVABLE_COLUMNS}) ${receivableSelect(strapi, '1 = 1')}`);
    await knex.raw(`INSERT INTO ${COLLECTION_FACTS} (${COLLECTION_COLUMNS}) ${collectionSelect(strapi, '1 = 1')}`);
    await addSelected(knex, monthlyCube(strapi), '1 = 1', []);
  });
  await analyze(strapi, strapi.db.connection, [RECEIVABLE_FACTS, COLLECTION_FACTS, COLLECTION_MONTHLY]);
};
