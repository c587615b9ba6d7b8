/**
 * The sales roll-up (`sales_facts`): one narrow row per order line that counts as sales — of an
 * order neither `draft` nor `cancelled` — with the order's date, customer, salesperson, region and
 * currency copied beside the line's product, specification, quantity and amount (in integer cents,
 * so sums are exact on SQLite's REAL columns too). The statistics read it instead of joining five
 * tables per line, and its indexes serve each filter.
 *
 * It stays exact because it is never edited by hand: `syncSalesFacts` rebuilds an order's rows from
 * the base tables by SQL, in the caller's transaction, and it is called
 * - by database lifecycle hooks on orders and order lines, which every Query Engine write fires —
 *   the Document Service (REST, admin panel, guards), the workflow engine's state changes
 *   (src/workflow-engine/workflow-service.ts) and the contract activation confirming its orders
 *   (src/workflow-engine/contract-workflow.ts) alike; the hook runs inside the writer's transaction, so
 *   a rolled-back step rolls the roll-up back with it;
 * - by the bulk loaders (src/demo/demo-data.ts), which write with Knex and call it per chunk;
 * - at bootstrap for every order when the tables are created (database/versions/0005-sales-roll-up.ts;
 *   or `rebuildSalesFacts`).
 * The product's category is copied too (the cubes group by it); a product saved with another
 * category resyncs the orders its lines are in. The cubes move by differences (./cube-deltas.ts):
 * a writer adds what its orders contribute after the write minus before it, so people confirming
 * orders of the same month at once queue on the cells they share instead of colliding.
 */
import type { Core } from '@strapi/strapi';
import { addSelected, Cube, withCubesInStep } from '../platform/cube-deltas';
import { analyze, followWrites, inTransaction, Knex, rowsOf } from '../platform/roll-up-writes';
import { metaOf } from '../platform/table-meta';
import { ORDER } from '../platform/uids';

export const SALES_FACTS = 'sales_facts';
/**
 * The monthly cube over the facts: per calendar month, region, salesperson, product category and
 * currency the amount, quantity and number of orders. Empty region '' and salesperson 0 stand for
 * none; category '*' holds the cell's total over all categories (an order with lines in two
 * categories is one order there), '' lines without a category. Every order lies in exactly one
 * (month, region, salesperson, currency) cell, so order counts add up across cells.
 */
export const SALES_MONTHLY = 'sales_monthly';
export const ALL_CATEGORIES = '*';
/**
 * Per calendar month and currency, the amount and quantity by customer and by specification
 * (`dimension` 'customer' or 'spec'; `group_key` the customer id or the specification, '' for
 * none) and the number of lines in the row: the unfiltered customer and specification rankings
 * without reading every line.
 */
export const SALES_MONTHLY_BY = 'sales_monthly_by';
/**
 * The daily cube: per day, region, product category and currency the amount, quantity and number
 * of orders ('*' and '' as in the monthly cube). No salesperson: with it a day's cells would be
 * nearly as many as its orders; the daily trend and the edge days of a range read it unless a
 * salesperson or customer is asked for (then the facts, by their indexes).
 */
export const SALES_DAILY = 'sales_daily';
const LINE = 'order.line';
/** States whose lines are not (yet, or any more) sales. */
export const NOT_SALES_STATES = ['draft', 'cancelled'];

/** The SELECT of the fact rows of all orders; the caller appends `AND <condition on o.id>`. */
const factsSelect = (strapi: Core.Strapi) => {
  const o = metaOf(strapi, ORDER);
  const l = metaOf(strapi, LINE);
  const lines = o.link('lines');
  const customer = o.link('customer');
  const salesperson = o.link('salesperson');
  const product = l.link('product');
  const p = metaOf(strapi, 'api::product.product');
  const postgres = strapi.db.dialect.client === 'postgres';
  const orderDate = postgres ? `to_char(o.${o.column('orderDate')}, 'YYYY-MM-DD')` : `o.${o.column('orderDate')}`;
  const typeColumn = lines.pivotColumns[3];
  return `SELECT ln.id AS line_id, o.id AS order_id, ${orderDate} AS order_date,
      oc.${customer.target} AS customer_id, os.${salesperson.target} AS salesperson_id, o.${o.column('region')} AS region,
      lp.${product.target} AS product_id, ln.${l.column('specification')} AS specification,
      ln.${l.column('quantity')} AS quantity, CAST(ROUND(COALESCE(ln.${l.column('lineAmount')}, 0) * 100) AS BIGINT) AS amount_cents,
      o.${o.column('currency')} AS currency, COALESCE(p.${p.column('category')}, '') AS category
    FROM ${o.table} o
    JOIN ${lines.table} oc_l ON oc_l.${lines.owner} = o.id AND oc_l.${typeColumn} = '${LINE}' AND oc_l.field = 'lines'
    JOIN ${l.table} ln ON ln.id = oc_l.${lines.target}
    LEFT JOIN ${customer.table} oc ON oc.${customer.owner} = o.id
    LEFT JOIN ${salesperson.table} os ON os.${salesperson.owner} = o.id
    LEFT JOIN ${product.table} lp ON lp.${product.owner} = ln.id
    LEFT JOIN ${p.table} p ON p.id = lp.${product.target}
    WHERE o.${o.column('state')} NOT IN (${NOT_SALES_STATES.map((s) => `'${s}'`).join(', ')})`;
};

const COLUMNS =
  'line_id, order_id, order_date, customer_id, salesperson_id, region, product_id, specification, quantity, amount_cents, currency, category';

/**
 * Whether the cubes must be refilled although their tables are not new (those are refilled when
 * database/versions/0005-sales-roll-up.ts creates them): a cube left empty beside filled facts, by
 * a start that stopped between creating and filling it.
 */
export const salesCubesLeftEmpty = async (strapi: Core.Strapi): Promise<boolean> => {
  const knex = strapi.db.connection;
  const [cubeRow, dayRow, factRow] = await Promise.all([
    knex(SALES_MONTHLY).first('month'),
    knex(SALES_DAILY).first('day'),
    knex(SALES_FACTS).first('line_id'),
  ]);
  return (!cubeRow || !dayRow) && Boolean(factRow);
};

/** Each category's row and the '*' total of a cell: one grouped SELECT per row kind, united. */
const perCategory = (grouped: (category: string, byCategory: boolean) => string) =>
  `${grouped('f.category', true)} UNION ALL ${grouped(`'${ALL_CATEGORIES}'`, false)}`;

const MONTHLY: Cube = {
  table: SALES_MONTHLY,
  keys: ['month', 'region', 'salesperson_id', 'category', 'currency'],
  sums: ['amount_cents', 'quantity', 'orders'],
  conditions: 2,
  select: (where) =>
    perCategory(
      (category, byCategory) => `SELECT substr(f.order_date, 1, 7) AS month, COALESCE(f.region, '') AS region,
        COALESCE(f.salesperson_id, 0) AS salesperson_id, ${category} AS category, f.currency AS currency, SUM(f.amount_cents) AS amount_cents,
        SUM(f.quantity) AS quantity, COUNT(DISTINCT f.order_id) AS orders
      FROM ${SALES_FACTS} f WHERE ${where}
      GROUP BY substr(f.order_date, 1, 7), COALESCE(f.region, ''), COALESCE(f.salesperson_id, 0), f.currency${byCategory ? `, ${category}` : ''}`
    ),
};

const DAILY: Cube = {
  table: SALES_DAILY,
  keys: ['currency', 'day', 'region', 'category'],
  sums: ['amount_cents', 'quantity', 'orders'],
  conditions: 2,
  select: (where) =>
    perCategory(
      (
        category,
        byCategory
      ) => `SELECT f.currency AS currency, f.order_date AS day, COALESCE(f.region, '') AS region, ${category} AS category,
        SUM(f.amount_cents) AS amount_cents, SUM(f.quantity) AS quantity, COUNT(DISTINCT f.order_id) AS orders
      FROM ${SALES_FACTS} f WHERE ${where}
      GROUP BY f.currency, f.order_date, COALESCE(f.region, '')${byCategory ? `, ${category}` : ''}`
    ),
};

const byDimension = (dimension: string, key: string, where: string) => `SELECT '${dimension}' AS dimension, f.currency AS currency,
    substr(f.order_date, 1, 7) AS month, ${key} AS group_key, SUM(f.amount_cents) AS amount_cents, SUM(f.quantity) AS quantity, COUNT(*) AS lines
  FROM ${SALES_FACTS} f WHERE ${where}
  GROUP BY f.currency, substr(f.order_date, 1, 7), ${key}`;

const BY: Cube = {
  table: SALES_MONTHLY_BY,
  keys: ['dimension', 'currency', 'month', 'group_key'],
  sums: ['amount_cents', 'quantity', 'lines'],
  conditions: 2,
  select: (where) =>
    `${byDimension('customer', `COALESCE(CAST(f.customer_id AS VARCHAR(20)), '')`, where)} UNION ALL ${byDimension('spec', `COALESCE(f.specification, '')`, where)}`,
};

const CUBES = [MONTHLY, DAILY, BY];

/** Recomputes every cell of the cubes from the facts (to repair). */
export const rebuildSalesMonthly = async (strapi: Core.Strapi): Promise<void> => {
  await strapi.db.transaction(async ({ trx }) => {
    const knex: Knex = trx;
    for (const cube of CUBES) {
      await knex.raw(`DELETE FROM ${cube.table}`);
      await addSelected(knex, cube, '1 = 1', []);
    }
  });
};

/** Rebuilds the fact rows of the orders matching `where` from the base tables and moves the cubes by the difference. */
const resyncOrders = async (strapi: Core.Strapi, knex: Knex, orders: (column: string) => string, bindings: number[]): Promise<void> => {
  await withCubesInStep(knex, CUBES, orders('f.order_id'), bindings, async () => {
    await knex.raw(`DELETE FROM ${SALES_FACTS} WHERE ${orders('order_id')}`, bindings);
    await knex.raw(`INSERT INTO ${SALES_FACTS} (${COLUMNS}) ${factsSelect(strapi)} AND ${orders('o.id')}`, bindings);
  });
};

/** Rebuilds the fact rows of these orders from the base tables, in the current transaction. */
export const syncSalesFacts = async (strapi: Core.Strapi, orderIds: number[], knex?: Knex): Promise<void> => {
  // In id order: two writers of the same orders take their rows' locks in the same order.
  const ids = [...new Set(orderIds.filter((id) => Number.isInteger(id)))].sort((a, b) => a - b);
  if (ids.length === 0) return;
  await inTransaction(strapi, knex, async (trx) => {
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      await resyncOrders(strapi, trx, (column) => `${column} IN (${chunk.map(() => '?').join(', ')})`, chunk);
    }
  });
};

/**
 * The bulk loaders' form: rebuilds the fact rows of the orders with ids in [first, last], in the
 * current transaction, the tables just filled analysed first.
 */
export const syncSalesFactsRange = async (strapi: Core.Strapi, first: number, last: number): Promise<void> => {
  await strapi.db.transaction(async ({ trx }) => {
    const knex: Knex = trx;
    const o = metaOf(strapi, ORDER);
    const l = metaOf(strapi, LINE);
    await analyze(strapi, knex, [
      o.table,
      `${o.table}_cmps`,
      l.table,
      o.link('customer').table,
      o.link('salesperson').table,
      l.link('product').table,
    ]);
    const these = (column: string) => `${column} BETWEEN ? AND ?`;
    const [known] = rowsOf<{ found: unknown }>(
      await knex.raw(`SELECT COUNT(*) AS found FROM ${SALES_FACTS} WHERE ${these('order_id')}`, [first, last])
    );
    if (Number(known.found) > 0) return resyncOrders(strapi, knex, these, [first, last]);
    // Fresh orders (no facts before): add the chunk's sums in SQL, without reading them back.
    await knex.raw(`INSERT INTO ${SALES_FACTS} (${COLUMNS}) ${factsSelect(strapi)} AND ${these('o.id')}`, [first, last]);
    await analyze(strapi, knex, [SALES_FACTS]);
    for (const cube of CUBES) await addSelected(knex, cube, these('f.order_id'), [first, last]);
  });
};

/** Empties and refills the whole roll-up from the base tables (bootstrap of a new table, repair). */
export const rebuildSalesFacts = async (strapi: Core.Strapi): Promise<void> => {
  await strapi.db.transaction(async ({ trx }) => {
    await trx.raw(`DELETE FROM ${SALES_FACTS}`);
    await trx.raw(`INSERT INTO ${SALES_FACTS} (${COLUMNS}) ${factsSelect(strapi)}`);
  });
  await rebuildSalesMonthly(strapi);
  await analyze(strapi, strapi.db.connection, [SALES_FACTS, SALES_MONTHLY, SALES_MONTHLY_BY, SALES_DAILY]);
};

/** The orders owning these order-line rows. */
const ordersOfLines = async (strapi: Core.Strapi, lineIds: number[]): Promise<number[]> => {
  if (lineIds.length === 0) return [];
  const lines = metaOf(strapi, ORDER).link('lines');
  return strapi.db.transaction(async ({ trx }) => {
    const rows: { owner: number }[] = await trx(lines.table).whereIn(lines.target, lineIds).select({ owner: lines.owner });
    return rows.map((row) => Number(row.owner));
  });
};

/** Keeps the roll-up in step with every Query Engine write of an order or an order line. */
export const followSalesChanges = (strapi: Core.Strapi) => {
  followWrites(strapi, {
    models: [ORDER, LINE],
    concerned: async (uid, ids) => (uid === ORDER ? ids : ordersOfLines(strapi, ids)),
    resync: (orderIds) => syncSalesFacts(strapi, orderIds),
  });
  // The facts copy the product's category: a product saved with another category resyncs the
  // orders its lines are in, in the same transaction. Stock updates do not.
  followWrites(strapi, {
    models: ['api::product.product'],
    concerned: async (_uid, ids) => {
      if (ids.length === 0) return [];
      const sql = `SELECT DISTINCT order_id FROM ${SALES_FACTS} WHERE product_id IN (${ids.map(() => '?').join(', ')})`;
      const rows = await strapi.db.transaction(async ({ trx }) => rowsOf<{ order_id: unknown }>(await trx.raw(sql, ids)));
      return rows.map((row) => Number(row.order_id));
    },
    resync: (orderIds) => syncSalesFacts(strapi, orderIds),
    setting: ['category'],
    updatesOnly: true,
  });
};
