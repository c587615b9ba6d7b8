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
 *   (src/workflows/workflow-service.ts) and the contract activation confirming its orders
 *   (src/workflows/contract-workflow.ts) alike; the hook runs inside the writer's transaction, so
 *   a rolled-back step rolls the roll-up back with it;
 * - by the bulk loaders (src/demo/demo-data.ts), which write with Knex and call it per chunk;
 * - at bootstrap for every order when the table is created (or `rebuildSalesFacts`).
 * The product category is not copied: it is read from the product at query time, so recategorising
 * a product needs no resync.
 */
import type { Core } from '@strapi/strapi';
import { analyze, followWrites, inTransaction, Knex } from './roll-up-writes';
import { metaOf } from './table-meta';

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
 * none): the unfiltered customer and specification rankings without reading every line.
 */
export const SALES_MONTHLY_BY = 'sales_monthly_by';
/**
 * The daily cube: per day, region, product category and currency the amount, quantity and number
 * of orders ('*' and '' as in the monthly cube). No salesperson: with it a day's cells would be
 * nearly as many as its orders; the daily trend and the edge days of a range read it unless a
 * salesperson or customer is asked for (then the facts, by their indexes).
 */
export const SALES_DAILY = 'sales_daily';
export const DETAIL_DIMENSIONS = ['customer', 'spec'] as const;
const ORDER = 'api::order.order';
const LINE = 'order.line';
/** States whose lines are not (yet, or any more) sales. */
export const NOT_SALES_STATES = ['draft', 'cancelled'];


const INDEXES = [
  `CREATE INDEX IF NOT EXISTS sales_facts_order_index ON ${SALES_FACTS} (order_id)`,
  `CREATE INDEX IF NOT EXISTS sales_facts_date_index ON ${SALES_FACTS} (currency, order_date)`,
  `CREATE INDEX IF NOT EXISTS sales_facts_customer_index ON ${SALES_FACTS} (customer_id, order_date)`,
  `CREATE INDEX IF NOT EXISTS sales_facts_salesperson_index ON ${SALES_FACTS} (salesperson_id, order_date)`,
  `CREATE INDEX IF NOT EXISTS sales_facts_region_index ON ${SALES_FACTS} (region, order_date)`,
  `CREATE INDEX IF NOT EXISTS sales_facts_product_index ON ${SALES_FACTS} (product_id)`,
];

/** The SELECT of the fact rows of the orders whose ids are bound (`ids` placeholders). */
const factsSelect = (strapi: Core.Strapi, idCount: number | null) => {
  const o = metaOf(strapi, ORDER);
  const l = metaOf(strapi, LINE);
  const lines = (strapi.db.metadata.get(ORDER as never) as unknown as {
    attributes: Record<string, { joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string }; pivotColumns: string[] } }>;
  }).attributes.lines.joinTable;
  const customer = o.link('customer');
  const salesperson = o.link('salesperson');
  const product = l.link('product');
  const postgres = strapi.db.dialect.client === 'postgres';
  const orderDate = postgres ? `to_char(o.${o.column('orderDate')}, 'YYYY-MM-DD')` : `o.${o.column('orderDate')}`;
  const typeColumn = lines.pivotColumns[3];
  return `SELECT ln.id AS line_id, o.id AS order_id, ${orderDate} AS order_date,
      oc.${customer.target} AS customer_id, os.${salesperson.target} AS salesperson_id, o.${o.column('region')} AS region,
      lp.${product.target} AS product_id, ln.${l.column('specification')} AS specification,
      ln.${l.column('quantity')} AS quantity, CAST(ROUND(COALESCE(ln.${l.column('lineAmount')}, 0) * 100) AS BIGINT) AS amount_cents,
      o.${o.column('currency')} AS currency
    FROM ${o.table} o
    JOIN ${lines.name} oc_l ON oc_l.${lines.joinColumn.name} = o.id AND oc_l.${typeColumn} = '${LINE}' AND oc_l.field = 'lines'
    JOIN ${l.table} ln ON ln.id = oc_l.${lines.inverseJoinColumn.name}
    LEFT JOIN ${customer.table} oc ON oc.${customer.owner} = o.id
    LEFT JOIN ${salesperson.table} os ON os.${salesperson.owner} = o.id
    LEFT JOIN ${product.table} lp ON lp.${product.owner} = ln.id
    WHERE o.${o.column('state')} NOT IN (${NOT_SALES_STATES.map((s) => `'${s}'`).join(', ')})
      ${idCount === null ? '' : `AND o.id IN (${Array.from({ length: idCount }, () => '?').join(', ')})`}`;
};

const COLUMNS = 'line_id, order_id, order_date, customer_id, salesperson_id, region, product_id, specification, quantity, amount_cents, currency';

/** Creates the tables and indexes if missing; returns whether they must be filled (new, or the cube empty). */
export const ensureSalesFacts = async (strapi: Core.Strapi): Promise<boolean> => {
  const knex = strapi.db.connection;
  const exists = await knex.schema.hasTable(SALES_FACTS);
  if (!exists) {
    await knex.schema.createTable(SALES_FACTS, (table) => {
      table.integer('line_id').primary();
      table.integer('order_id').notNullable();
      table.string('order_date', 10).notNullable();
      table.integer('customer_id');
      table.integer('salesperson_id');
      table.string('region', 40);
      table.integer('product_id');
      table.string('specification', 200);
      table.integer('quantity').notNullable();
      table.bigInteger('amount_cents').notNullable();
      table.string('currency', 3).notNullable();
    });
  }
  const cube = await knex.schema.hasTable(SALES_MONTHLY);
  if (!cube) {
    await knex.schema.createTable(SALES_MONTHLY, (table) => {
      table.string('month', 7).notNullable();
      table.string('region', 40).notNullable();
      table.integer('salesperson_id').notNullable();
      table.string('category', 255).notNullable();
      table.string('currency', 3).notNullable();
      table.bigInteger('amount_cents').notNullable();
      table.bigInteger('quantity').notNullable();
      table.integer('orders').notNullable();
      table.primary(['month', 'region', 'salesperson_id', 'category', 'currency']);
    });
  }
  const detail = await knex.schema.hasTable(SALES_MONTHLY_BY);
  if (!detail) {
    await knex.schema.createTable(SALES_MONTHLY_BY, (table) => {
      table.string('dimension', 12).notNullable();
      table.string('month', 7).notNullable();
      table.string('group_key', 255).notNullable();
      table.string('currency', 3).notNullable();
      table.bigInteger('amount_cents').notNullable();
      table.bigInteger('quantity').notNullable();
      table.primary(['dimension', 'currency', 'month', 'group_key']);
    });
  }
  const daily = await knex.schema.hasTable(SALES_DAILY);
  if (!daily) {
    await knex.schema.createTable(SALES_DAILY, (table) => {
      table.string('day', 10).notNullable();
      table.string('region', 40).notNullable();
      table.string('category', 255).notNullable();
      table.string('currency', 3).notNullable();
      table.bigInteger('amount_cents').notNullable();
      table.bigInteger('quantity').notNullable();
      table.integer('orders').notNullable();
      table.primary(['currency', 'day', 'region', 'category']);
    });
  }
  for (const statement of INDEXES) await knex.raw(statement);
  if (!exists || !cube || !detail || !daily) return true;
  // A cube left empty beside filled facts (a start that stopped between creating and filling it).
  const [cubeRow, dayRow, factRow] = await Promise.all([knex(SALES_MONTHLY).first('month'), knex(SALES_DAILY).first('day'), knex(SALES_FACTS).first('line_id')]);
  return (!cubeRow || !dayRow) && Boolean(factRow);
};

/** A cube cell without its category: month, region ('' none), salesperson (0 none), currency. */
type Cell = [string, string, number, string];

const CELL_OF_FACT = `substr(f.order_date, 1, 7), COALESCE(f.region, ''), COALESCE(f.salesperson_id, 0), f.currency`;

/** The cells the facts matching `where` lie in. */
const cellsOf = async (knex: Knex, where: string, bindings: (string | number)[]): Promise<Cell[]> => {
  const result = await knex.raw(
    `SELECT DISTINCT substr(f.order_date, 1, 7) AS month, COALESCE(f.region, '') AS region, COALESCE(f.salesperson_id, 0) AS salesperson_id,
        f.currency AS currency
     FROM ${SALES_FACTS} f WHERE ${where}`,
    bindings
  );
  const rows = (Array.isArray(result) ? result : result.rows) as Record<string, unknown>[];
  return rows.map((row) => [String(row.month), String(row.region), Number(row.salesperson_id), String(row.currency)]);
};

/**
 * Recomputes these cube cells from the facts (all categories and the '*' total), in the current
 * transaction. The facts are narrowed to the cells' months by the date index first.
 */
const refreshCells = async (strapi: Core.Strapi, knex: Knex, cells: Cell[]): Promise<void> => {
  const unique = [...new Map(cells.map((cell) => [cell.join('\u0000'), cell])).values()];
  const p = metaOf(strapi, 'api::product.product');
  for (let start = 0; start < unique.length; start += 1000) {
    const chunk = unique.slice(start, start + 1000);
    const keys = `WITH k(month, region, salesperson_id, currency) AS (VALUES ${chunk.map(() => '(CAST(? AS VARCHAR(7)), CAST(? AS VARCHAR(40)), CAST(? AS INTEGER), CAST(? AS VARCHAR(3)))').join(', ')})`;
    const keyBindings = chunk.flat();
    await knex.raw(
      `${keys} DELETE FROM ${SALES_MONTHLY} WHERE EXISTS (SELECT 1 FROM k WHERE k.month = ${SALES_MONTHLY}.month AND k.region = ${SALES_MONTHLY}.region
        AND k.salesperson_id = ${SALES_MONTHLY}.salesperson_id AND k.currency = ${SALES_MONTHLY}.currency)`,
      keyBindings
    );
    const months = chunk.map((cell) => cell[0]).sort();
    const grouped = (category: string, byCategory: boolean) => `SELECT ${CELL_OF_FACT}, ${category}, SUM(f.amount_cents), SUM(f.quantity), COUNT(DISTINCT f.order_id)
      FROM ${SALES_FACTS} f LEFT JOIN ${p.table} p ON p.id = f.product_id
      JOIN k ON k.month = substr(f.order_date, 1, 7) AND k.region = COALESCE(f.region, '') AND k.salesperson_id = COALESCE(f.salesperson_id, 0) AND k.currency = f.currency
      WHERE f.order_date >= ? AND f.order_date <= ?
      GROUP BY ${CELL_OF_FACT}${byCategory ? `, ${category}` : ''}`;
    await knex.raw(
      `${keys} INSERT INTO ${SALES_MONTHLY} (month, region, salesperson_id, currency, category, amount_cents, quantity, orders)
       ${grouped(`COALESCE(p.${p.column('category')}, '')`, true)} UNION ALL ${grouped(`'${ALL_CATEGORIES}'`, false)}`,
      [...keyBindings, `${months[0]}-01`, `${months[months.length - 1]}-31`, `${months[0]}-01`, `${months[months.length - 1]}-31`]
    );
  }
  await refreshDays(strapi, knex, unique);
};

/** Recomputes the daily cube's days of these cells' months, regions and currencies from the facts. */
const refreshDays = async (strapi: Core.Strapi, knex: Knex, cells: Cell[]): Promise<void> => {
  const unique = [...new Map(cells.map(([month, region, , currency]) => [`${month}\u0000${region}\u0000${currency}`, [month, region, currency]])).values()];
  const p = metaOf(strapi, 'api::product.product');
  for (let start = 0; start < unique.length; start += 1000) {
    const chunk = unique.slice(start, start + 1000);
    const keys = `WITH k(month, region, currency) AS (VALUES ${chunk.map(() => '(CAST(? AS VARCHAR(7)), CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(3)))').join(', ')})`;
    const keyBindings = chunk.flat();
    const months = chunk.map((cell) => cell[0]).sort();
    const range = [`${months[0]}-01`, `${months[months.length - 1]}-31`];
    await knex.raw(
      `${keys} DELETE FROM ${SALES_DAILY} WHERE day >= ? AND day <= ? AND EXISTS (SELECT 1 FROM k WHERE k.month = substr(${SALES_DAILY}.day, 1, 7)
        AND k.region = ${SALES_DAILY}.region AND k.currency = ${SALES_DAILY}.currency)`,
      [...keyBindings, ...range]
    );
    const grouped = (category: string, byCategory: boolean) => `SELECT f.order_date, COALESCE(f.region, ''), f.currency, ${category}, SUM(f.amount_cents), SUM(f.quantity), COUNT(DISTINCT f.order_id)
      FROM ${SALES_FACTS} f LEFT JOIN ${p.table} p ON p.id = f.product_id
      JOIN k ON k.month = substr(f.order_date, 1, 7) AND k.region = COALESCE(f.region, '') AND k.currency = f.currency
      WHERE f.order_date >= ? AND f.order_date <= ?
      GROUP BY f.order_date, COALESCE(f.region, ''), f.currency${byCategory ? `, ${category}` : ''}`;
    await knex.raw(
      `${keys} INSERT INTO ${SALES_DAILY} (day, region, currency, category, amount_cents, quantity, orders)
       ${grouped(`COALESCE(p.${p.column('category')}, '')`, true)} UNION ALL ${grouped(`'${ALL_CATEGORIES}'`, false)}`,
      [...keyBindings, ...range, ...range]
    );
  }
};

/** Recomputes the customer and specification rows of these months (and currencies) from the facts. */
const refreshDetail = async (knex: Knex, cells: Cell[]): Promise<void> => {
  const months = [...new Map(cells.map((cell) => [`${cell[0]} ${cell[3]}`, [cell[0], cell[3]] as [string, string]])).values()];
  if (months.length === 0) return;
  const keys = `WITH k(month, currency) AS (VALUES ${months.map(() => '(CAST(? AS VARCHAR(7)), CAST(? AS VARCHAR(3)))').join(', ')})`;
  const bindings = months.flat();
  await knex.raw(
    `${keys} DELETE FROM ${SALES_MONTHLY_BY} WHERE EXISTS (SELECT 1 FROM k WHERE k.month = ${SALES_MONTHLY_BY}.month AND k.currency = ${SALES_MONTHLY_BY}.currency)`,
    bindings
  );
  const sorted = months.map(([month]) => month).sort();
  const grouped = (dimension: string, key: string) => `SELECT '${dimension}', substr(f.order_date, 1, 7), ${key}, f.currency, SUM(f.amount_cents), SUM(f.quantity)
      FROM ${SALES_FACTS} f JOIN k ON k.month = substr(f.order_date, 1, 7) AND k.currency = f.currency
      WHERE f.order_date >= ? AND f.order_date <= ?
      GROUP BY substr(f.order_date, 1, 7), ${key}, f.currency`;
  await knex.raw(
    `${keys} INSERT INTO ${SALES_MONTHLY_BY} (dimension, month, group_key, currency, amount_cents, quantity)
     ${grouped('customer', `COALESCE(CAST(f.customer_id AS VARCHAR(20)), '')`)} UNION ALL ${grouped('spec', `COALESCE(f.specification, '')`)}`,
    [...bindings, `${sorted[0]}-01`, `${sorted[sorted.length - 1]}-31`, `${sorted[0]}-01`, `${sorted[sorted.length - 1]}-31`]
  );
};

/**
 * Adds the sums of the facts matching `where` to the cube and the customer/specification rows
 * (INSERT … ON CONFLICT DO UPDATE), in the current transaction. Exact only for orders that lay in
 * no cell before (freshly loaded ones): their amounts, quantities and order counts are new to every
 * cell, so adding them equals recomputing the cell — at the cost of the chunk, not of all facts.
 */
const addToCubes = async (strapi: Core.Strapi, knex: Knex, where: string, bindings: (string | number)[]): Promise<void> => {
  const p = metaOf(strapi, 'api::product.product');
  // SELECT * … WHERE 1 = 1 keeps SQLite from reading the upsert's ON as a join's.
  const grouped = (category: string, byCategory: boolean) => `SELECT substr(f.order_date, 1, 7) AS month, COALESCE(f.region, '') AS region,
      COALESCE(f.salesperson_id, 0) AS salesperson_id, f.currency AS currency, ${category} AS category, SUM(f.amount_cents) AS amount_cents,
      SUM(f.quantity) AS quantity, COUNT(DISTINCT f.order_id) AS orders
    FROM ${SALES_FACTS} f LEFT JOIN ${p.table} p ON p.id = f.product_id
    WHERE ${where}
    GROUP BY ${CELL_OF_FACT}${byCategory ? `, ${category}` : ''}`;
  await knex.raw(
    `INSERT INTO ${SALES_MONTHLY} (month, region, salesperson_id, currency, category, amount_cents, quantity, orders)
     SELECT * FROM (${grouped(`COALESCE(p.${p.column('category')}, '')`, true)} UNION ALL ${grouped(`'${ALL_CATEGORIES}'`, false)}) AS added WHERE 1 = 1
     ON CONFLICT (month, region, salesperson_id, category, currency) DO UPDATE SET
       amount_cents = ${SALES_MONTHLY}.amount_cents + excluded.amount_cents,
       quantity = ${SALES_MONTHLY}.quantity + excluded.quantity,
       orders = ${SALES_MONTHLY}.orders + excluded.orders`,
    [...bindings, ...bindings]
  );
  const days = (category: string, byCategory: boolean) => `SELECT f.order_date AS day, COALESCE(f.region, '') AS region, f.currency AS currency,
      ${category} AS category, SUM(f.amount_cents) AS amount_cents, SUM(f.quantity) AS quantity, COUNT(DISTINCT f.order_id) AS orders
    FROM ${SALES_FACTS} f LEFT JOIN ${p.table} p ON p.id = f.product_id
    WHERE ${where}
    GROUP BY f.order_date, COALESCE(f.region, ''), f.currency${byCategory ? `, ${category}` : ''}`;
  await knex.raw(
    `INSERT INTO ${SALES_DAILY} (day, region, currency, category, amount_cents, quantity, orders)
     SELECT * FROM (${days(`COALESCE(p.${p.column('category')}, '')`, true)} UNION ALL ${days(`'${ALL_CATEGORIES}'`, false)}) AS added WHERE 1 = 1
     ON CONFLICT (currency, day, region, category) DO UPDATE SET
       amount_cents = ${SALES_DAILY}.amount_cents + excluded.amount_cents,
       quantity = ${SALES_DAILY}.quantity + excluded.quantity,
       orders = ${SALES_DAILY}.orders + excluded.orders`,
    [...bindings, ...bindings]
  );
  const detail = (dimension: string, key: string) => `SELECT '${dimension}' AS dimension, substr(f.order_date, 1, 7) AS month, ${key} AS group_key,
      f.currency AS currency, SUM(f.amount_cents) AS amount_cents, SUM(f.quantity) AS quantity
    FROM ${SALES_FACTS} f WHERE ${where}
    GROUP BY substr(f.order_date, 1, 7), ${key}, f.currency`;
  await knex.raw(
    `INSERT INTO ${SALES_MONTHLY_BY} (dimension, month, group_key, currency, amount_cents, quantity)
     SELECT * FROM (${detail('customer', `COALESCE(CAST(f.customer_id AS VARCHAR(20)), '')`)} UNION ALL ${detail('spec', `COALESCE(f.specification, '')`)}) AS added WHERE 1 = 1
     ON CONFLICT (dimension, currency, month, group_key) DO UPDATE SET
       amount_cents = ${SALES_MONTHLY_BY}.amount_cents + excluded.amount_cents,
       quantity = ${SALES_MONTHLY_BY}.quantity + excluded.quantity`,
    [...bindings, ...bindings]
  );
};

/** Recomputes every cell of the cubes (to repair). */
export const rebuildSalesMonthly = async (strapi: Core.Strapi): Promise<void> => {
  await strapi.db.transaction(async ({ trx }) => {
    const knex = trx as unknown as Knex;
    await knex.raw(`DELETE FROM ${SALES_MONTHLY}`);
    await knex.raw(`DELETE FROM ${SALES_MONTHLY_BY}`);
    await knex.raw(`DELETE FROM ${SALES_DAILY}`);
    const cells = await cellsOf(knex, '1 = 1', []);
    await refreshCells(strapi, knex, cells);
    await refreshDetail(knex, cells);
  });
};

/** Rebuilds the fact rows of these orders from the base tables, in the current transaction. */
export const syncSalesFacts = async (strapi: Core.Strapi, orderIds: number[], knex?: Knex): Promise<void> => {
  const ids = [...new Set(orderIds.filter((id) => Number.isInteger(id)))];
  if (ids.length === 0) return;
  const run = async (trx: Knex) => {
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      const these = `order_id IN (${chunk.map(() => '?').join(', ')})`;
      const before = await cellsOf(trx, these, chunk);
      await trx.raw(`DELETE FROM ${SALES_FACTS} WHERE ${these}`, chunk);
      await trx.raw(`INSERT INTO ${SALES_FACTS} (${COLUMNS}) ${factsSelect(strapi, chunk.length)}`, chunk);
      const cells = [...before, ...(await cellsOf(trx, these, chunk))];
      await refreshCells(strapi, trx, cells);
      await refreshDetail(trx, cells);
    }
  };
  await inTransaction(strapi, knex, run);
};

/**
 * The bulk loaders' form: rebuilds the fact rows of the orders with ids in [first, last], in the
 * current transaction, the tables just filled analysed first.
 */
export const syncSalesFactsRange = async (strapi: Core.Strapi, first: number, last: number): Promise<void> => {
  await strapi.db.transaction(async ({ trx }) => {
    const knex = trx as unknown as Knex;
    const o = metaOf(strapi, ORDER);
    const l = metaOf(strapi, LINE);
    await analyze(strapi, knex, [o.table, `${o.table}_cmps`, l.table, o.link('customer').table, o.link('salesperson').table, l.link('product').table]);
    const these = 'order_id BETWEEN ? AND ?';
    const before = await cellsOf(knex, these, [first, last]);
    await knex.raw(`DELETE FROM ${SALES_FACTS} WHERE ${these}`, [first, last]);
    await knex.raw(`INSERT INTO ${SALES_FACTS} (${COLUMNS}) ${factsSelect(strapi, null)} AND o.id BETWEEN ? AND ?`, [first, last]);
    await analyze(strapi, knex, [SALES_FACTS]);
    // Fresh orders (no facts before): add the chunk's sums. Recomputing the cells instead would
    // read every fact of the months the chunk touches, i.e. all data loaded so far, per chunk.
    if (before.length === 0) return addToCubes(strapi, knex, `f.order_id BETWEEN ? AND ?`, [first, last]);
    const cells = [...before, ...(await cellsOf(knex, these, [first, last]))];
    await refreshCells(strapi, knex, cells);
    await refreshDetail(knex, cells);
  });
};

/** Empties and refills the whole roll-up from the base tables (bootstrap of a new table, repair). */
export const rebuildSalesFacts = async (strapi: Core.Strapi): Promise<void> => {
  await strapi.db.transaction(async ({ trx }) => {
    await trx.raw(`DELETE FROM ${SALES_FACTS}`);
    await trx.raw(`INSERT INTO ${SALES_FACTS} (${COLUMNS}) ${factsSelect(strapi, null)}`);
  });
  await rebuildSalesMonthly(strapi);
  await analyze(strapi, strapi.db.connection, [SALES_FACTS, SALES_MONTHLY, SALES_MONTHLY_BY, SALES_DAILY]);
};

/** The orders owning these order-line rows. */
const ordersOfLines = async (strapi: Core.Strapi, lineIds: number[]): Promise<number[]> => {
  if (lineIds.length === 0) return [];
  const lines = (strapi.db.metadata.get(ORDER as never) as unknown as {
    attributes: Record<string, { joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }>;
  }).attributes.lines.joinTable;
  return strapi.db.transaction(async ({ trx }) => {
    const rows: { owner: number }[] = await trx(lines.name)
      .whereIn(lines.inverseJoinColumn.name, lineIds)
      .select({ owner: lines.joinColumn.name });
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
  // The cubes group by the product's category: a product saved with a category (perhaps a new one)
  // refreshes the cells its lines lie in, from the facts, in the same transaction. Stock updates do not.
  followWrites(strapi, {
    models: ['api::product.product'],
    concerned: async (_uid, ids) => ids,
    resync: async (ids) => {
      if (ids.length === 0) return;
      await inTransaction(strapi, undefined, async (knex) => {
        await refreshCells(strapi, knex, await cellsOf(knex, `f.product_id IN (${ids.map(() => '?').join(', ')})`, ids));
      });
    },
    setting: ['category'],
    updatesOnly: true,
  });
};
