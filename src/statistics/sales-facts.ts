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
import { metaOf } from './table-meta';

export const SALES_FACTS = 'sales_facts';
const ORDER = 'api::order.order';
const LINE = 'order.line';
/** States whose lines are not (yet, or any more) sales. */
export const NOT_SALES_STATES = ['draft', 'cancelled'];

type Knex = Core.Strapi['db']['connection'];

const INDEXES = [
  `CREATE INDEX IF NOT EXISTS sales_facts_order_index ON ${SALES_FACTS} (order_id)`,
  `CREATE INDEX IF NOT EXISTS sales_facts_date_index ON ${SALES_FACTS} (currency, order_date)`,
  `CREATE INDEX IF NOT EXISTS sales_facts_customer_index ON ${SALES_FACTS} (customer_id, order_date)`,
  `CREATE INDEX IF NOT EXISTS sales_facts_salesperson_index ON ${SALES_FACTS} (salesperson_id, order_date)`,
  `CREATE INDEX IF NOT EXISTS sales_facts_region_index ON ${SALES_FACTS} (region, order_date)`,
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

/** Creates the table and its indexes if missing; returns whether it was created (and so is empty). */
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
  for (const statement of INDEXES) await knex.raw(statement);
  return !exists;
};

/** Rebuilds the fact rows of these orders from the base tables, in the current transaction. */
export const syncSalesFacts = async (strapi: Core.Strapi, orderIds: number[], knex?: Knex): Promise<void> => {
  const ids = [...new Set(orderIds.filter((id) => Number.isInteger(id)))];
  if (ids.length === 0) return;
  const run = async (trx: Knex) => {
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      await trx.raw(`DELETE FROM ${SALES_FACTS} WHERE order_id IN (${chunk.map(() => '?').join(', ')})`, chunk);
      await trx.raw(`INSERT INTO ${SALES_FACTS} (${COLUMNS}) ${factsSelect(strapi, chunk.length)}`, chunk);
    }
  };
  if (knex) return run(knex);
  await strapi.db.transaction(({ trx }) => run(trx as unknown as Knex));
};

/** Empties and refills the whole roll-up from the base tables (bootstrap of a new table, repair). */
export const rebuildSalesFacts = async (strapi: Core.Strapi): Promise<void> => {
  await strapi.db.transaction(async ({ trx }) => {
    await trx.raw(`DELETE FROM ${SALES_FACTS}`);
    await trx.raw(`INSERT INTO ${SALES_FACTS} (${COLUMNS}) ${factsSelect(strapi, null)}`);
  });
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

interface LifecycleEvent {
  action: string;
  model: { uid: string };
  params: { where?: Record<string, unknown> };
  result?: { id?: number; ids?: number[] } | { id: number }[];
  state: Record<string, unknown>;
}

const idsOfResult = (event: LifecycleEvent): number[] => {
  const { result } = event;
  if (!result) return [];
  if (Array.isArray(result)) return result.map((row) => row.id);
  if (Array.isArray(result.ids)) return result.ids;
  return result.id !== undefined ? [result.id] : [];
};

const matchingIds = async (strapi: Core.Strapi, uid: string, where: Record<string, unknown> | undefined): Promise<number[]> => {
  const rows = await strapi.db.query(uid as never).findMany({ where: where ?? {}, select: ['id'] });
  return rows.map((row: { id: number }) => row.id);
};

/** Keeps the roll-up in step with every Query Engine write of an order or an order line. */
export const followSalesChanges = (strapi: Core.Strapi) => {
  const ordersOf = async (event: LifecycleEvent, ids: number[]) => (event.model.uid === ORDER ? ids : ordersOfLines(strapi, ids));
  // Before a bulk update or any delete: remember whom it concerns, while the rows still say so.
  const remember = async (event: LifecycleEvent) => {
    const ids = await matchingIds(strapi, event.model.uid, event.params.where);
    event.state.salesOrders = await ordersOf(event, ids);
  };
  const resyncRemembered = async (event: LifecycleEvent) => syncSalesFacts(strapi, (event.state.salesOrders as number[]) ?? []);
  const resyncResult = async (event: LifecycleEvent) => syncSalesFacts(strapi, await ordersOf(event, idsOfResult(event)));
  const resyncBoth = async (event: LifecycleEvent) =>
    syncSalesFacts(strapi, [...((event.state.salesOrders as number[]) ?? []), ...(await ordersOf(event, idsOfResult(event)))]);
  strapi.db.lifecycles.subscribe({
    models: [ORDER, LINE],
    afterCreate: resyncResult,
    afterCreateMany: resyncResult,
    beforeUpdate: remember,
    afterUpdate: resyncBoth,
    beforeUpdateMany: remember,
    afterUpdateMany: resyncRemembered,
    beforeDelete: remember,
    afterDelete: resyncRemembered,
    beforeDeleteMany: remember,
    afterDeleteMany: resyncRemembered,
  } as never);
};
