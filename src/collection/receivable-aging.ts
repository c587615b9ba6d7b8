/**
 * Receivables as they stood at the end of a day, in SQL on PostgreSQL and SQLite alike:
 * - `openItemsQuery`: every receivable still open that day, with what was still owed — its amount
 *   less the allocations in force that day (allocated on or before it, not reversed by then); a
 *   receivable counts from its invoice date until the day it was voided.
 * - `receivableAging`: those open amounts summed per aging bucket (src/domain/aging.ts), overall or
 *   per customer, salesperson (the customer's) or region (the customer's).
 * Today and later, the stored open amount is that same figure (allocations are never dated in the
 * future) and the query reads it directly instead of summing the allocations — for all customers
 * at once from the receivables roll-up.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { AgingBucket, agingBounds, agingBuckets } from '../domain/aging';
import { dateIn } from '../domain/business-date';
import { formatMoney } from '../domain/money';
import { reportTimeZone } from '../settings';
import { customerJoins, RECEIVABLE_FACTS } from '../statistics/receivable-facts';
import { metaOf } from '../statistics/table-meta';

const RECEIVABLE = 'api::receivable.receivable';
const ALLOCATION = 'api::payment-allocation.payment-allocation';
const CUSTOMER = 'api::customer.customer';
const USER = 'plugin::users-permissions.user';

const rowsOf = <Row>(result: unknown): Row[] => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows);

export const AGING_GROUPS = ['bucket', 'customer', 'salesperson', 'region'] as const;
export type AgingGroup = (typeof AGING_GROUPS)[number];

type Binding = string | number;
export interface Sql {
  sql: string;
  bindings: Binding[];
}

export interface OpenItemsFilter {
  /** The day (YYYY-MM-DD) at whose end the balances are taken. */
  asOf: string;
  currency?: string;
  customerIds?: number[];
}

export const configuredBuckets = (strapi: Core.Strapi): AgingBucket[] =>
  agingBuckets(agingBounds(strapi.config.get('server.collection.agingBuckets', undefined)));

/**
 * SELECT receivable_id, customer_id, region, salesperson_id (the customer's; '' and 0 for none),
 * invoice_date, due_date, amount, open_amount, days_past_due of the receivables open at the end of
 * `asOf`. Today's open items of all customers come from the receivables roll-up
 * (src/statistics/receivable-facts.ts, kept in the writers' transactions), anything else from the
 * base tables.
 */
export const openItemsQuery = (strapi: Core.Strapi, filter: OpenItemsFilter): Sql => {
  const postgres = strapi.db.dialect.client === 'postgres';
  const daysPastDue = (dueDate: string) => (postgres ? `(CAST(? AS date) - ${dueDate})` : `CAST(julianday(?) - julianday(${dueDate}) AS INTEGER)`);
  const current = filter.asOf >= dateIn(reportTimeZone(strapi));
  if (current && !filter.customerIds) {
    const where = ['f.open_cents > 0', 'f.invoice_date <= ?'];
    const bindings: Binding[] = [filter.asOf, filter.asOf];
    if (filter.currency) {
      where.push('f.currency = ?');
      bindings.push(filter.currency);
    }
    return {
      sql: `SELECT f.receivable_id, f.customer_id, f.region, f.salesperson_id, f.invoice_date, f.due_date,
          CAST(f.amount_cents / 100.0 AS DECIMAL(16, 2)) AS amount, CAST(f.open_cents / 100.0 AS DECIMAL(16, 2)) AS open_amount,
          ${daysPastDue('f.due_date')} AS days_past_due
        FROM ${RECEIVABLE_FACTS} f WHERE ${where.join(' AND ')}`,
      bindings,
    };
  }
  const r = metaOf(strapi, RECEIVABLE);
  const a = metaOf(strapi, ALLOCATION);
  const allocatedTo = a.link('receivable');
  const customer = customerJoins(strapi, 'r.id');
  const bindings: Binding[] = [filter.asOf];
  let openAmount: string;
  let paid = '';
  if (current) {
    openAmount = `r.${r.column('openAmount')}`;
  } else {
    openAmount = `(r.${r.column('amount')} - COALESCE(paid.amount, 0))`;
    paid = `LEFT JOIN (
        SELECT al.${allocatedTo.target} AS receivable_id, SUM(a.${a.column('amount')}) AS amount
        FROM ${a.table} a JOIN ${allocatedTo.table} al ON al.${allocatedTo.owner} = a.id
        WHERE a.${a.column('allocatedOn')} <= ? AND (a.${a.column('reversedOn')} IS NULL OR a.${a.column('reversedOn')} > ?)
        GROUP BY al.${allocatedTo.target}
      ) paid ON paid.receivable_id = r.id`;
    bindings.push(filter.asOf, filter.asOf);
  }
  const where = [
    `r.${r.column('invoiceDate')} <= ?`,
    `(r.${r.column('voidedOn')} IS NULL OR r.${r.column('voidedOn')} > ?)`,
    `${openAmount} > 0`,
  ];
  bindings.push(filter.asOf, filter.asOf);
  if (current) where.push(`r.${r.column('state')} = 'open'`);
  if (filter.currency) {
    where.push(`r.${r.column('currency')} = ?`);
    bindings.push(filter.currency);
  }
  if (filter.customerIds) {
    where.push(filter.customerIds.length ? `${customer.customerId} IN (${filter.customerIds.map(() => '?').join(', ')})` : '1 = 0');
    bindings.push(...filter.customerIds);
  }
  return {
    sql: `SELECT r.id AS receivable_id, ${customer.columns}, r.${r.column('invoiceDate')} AS invoice_date,
        r.${r.column('dueDate')} AS due_date, r.${r.column('amount')} AS amount, ${openAmount} AS open_amount,
        ${daysPastDue(`r.${r.column('dueDate')}`)} AS days_past_due
      FROM ${r.table} r
      ${customer.sql}
      ${paid}
      WHERE ${where.join(' AND ')}`,
    bindings,
  };
};

export interface AgingRow {
  key: string;
  label: string;
  amounts: Record<string, string>;
  total: string;
}

export interface Aging {
  asOf: string;
  currency: string;
  groupBy: AgingGroup;
  buckets: { key: string; label: { en: string; zh: string }; from: number | null; to: number | null }[];
  rows: AgingRow[];
  totals: { amounts: Record<string, string>; total: string };
}

export interface AgingOptions extends OpenItemsFilter {
  groupBy: AgingGroup;
  /** Only the groups with the largest totals (customers, salespeople, regions); all when absent. */
  top?: number;
  salespersonId?: number;
  region?: string;
}

const bucketCase = (buckets: AgingBucket[]): Sql => {
  const whens = buckets
    .filter((bucket) => bucket.to !== null)
    .map((bucket) => ({ sql: `WHEN o.days_past_due <= ? THEN ?`, bindings: [bucket.to as number, bucket.key] }));
  const last = buckets[buckets.length - 1];
  return { sql: `CASE ${whens.map((when) => when.sql).join(' ')} ELSE ? END`, bindings: [...whens.flatMap((when) => when.bindings), last.key] };
};

/** What the customers owed at the end of `asOf`, per aging bucket and group (the `top` largest groups and the totals of all). */
export const receivableAging = async (strapi: Core.Strapi, options: AgingOptions): Promise<Aging> => {
  const buckets = configuredBuckets(strapi);
  const currency = options.currency ?? 'CNY';
  const items = openItemsQuery(strapi, { ...options, currency });
  const bucket = bucketCase(buckets);
  const key: Record<AgingGroup, string> = {
    bucket: `'all'`,
    customer: 'CAST(o.customer_id AS VARCHAR(20))',
    salesperson: `CASE WHEN o.salesperson_id = 0 THEN '' ELSE CAST(o.salesperson_id AS VARCHAR(20)) END`,
    region: 'o.region',
  };
  const where: string[] = [];
  const whereBindings: Binding[] = [];
  if (options.salespersonId !== undefined) {
    where.push('o.salesperson_id = ?');
    whereBindings.push(options.salespersonId);
  }
  if (options.region !== undefined) {
    where.push('o.region = ?');
    whereBindings.push(options.region);
  }
  const top = options.top !== undefined && options.groupBy !== 'bucket' ? options.top : undefined;
  // The groups' sums per bucket, kept for the `top` groups only, and (group_key NULL) the totals of all.
  const rows = rowsOf<{ group_key: string | null; bucket: string; cents: unknown }>(
    await strapi.db.connection.raw(
      `WITH g AS (
         SELECT ${key[options.groupBy]} AS group_key, ${bucket.sql} AS bucket, SUM(CAST(ROUND(o.open_amount * 100) AS BIGINT)) AS cents
         FROM (${items.sql}) o ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         GROUP BY 1, 2
       ), ranked AS (
         SELECT group_key FROM g GROUP BY group_key ORDER BY SUM(cents) DESC, group_key ${top === undefined ? '' : 'LIMIT ?'}
       )
       SELECT g.group_key, g.bucket, g.cents FROM g JOIN ranked ON ranked.group_key = g.group_key
       UNION ALL SELECT NULL, g.bucket, SUM(g.cents) FROM g GROUP BY g.bucket`,
      [...bucket.bindings, ...items.bindings, ...whereBindings, ...(top === undefined ? [] : [top])]
    )
  );
  const all = new Map<string, Decimal>();
  const byGroup = new Map<string, Map<string, Decimal>>();
  for (const row of rows) {
    const amount = new Decimal(String(row.cents)).div(100);
    if (row.group_key === null) all.set(row.bucket, amount);
    else byGroup.set(row.group_key, (byGroup.get(row.group_key) ?? new Map<string, Decimal>()).set(row.bucket, amount));
  }
  const names = await groupNames(strapi, options.groupBy, [...byGroup.keys()]);
  const amountsOf = (amounts: Map<string, Decimal>) => Object.fromEntries(buckets.map((b) => [b.key, formatMoney(amounts.get(b.key) ?? new Decimal(0))]));
  const totalOf = (amounts: Map<string, Decimal>) => [...amounts.values()].reduce((sum, amount) => sum.plus(amount), new Decimal(0));
  const groups = [...byGroup.entries()]
    .map(([groupKey, amounts]) => ({ groupKey, amounts, total: totalOf(amounts) }))
    .sort((x, y) => y.total.comparedTo(x.total) || (x.groupKey < y.groupKey ? -1 : x.groupKey > y.groupKey ? 1 : 0));
  return {
    asOf: options.asOf,
    currency,
    groupBy: options.groupBy,
    buckets: buckets.map((b) => ({ key: b.key, label: b.label, from: b.from, to: b.to })),
    rows: groups.map((entry) => ({ ...names(entry.groupKey), amounts: amountsOf(entry.amounts), total: formatMoney(entry.total) })),
    totals: { amounts: amountsOf(all), total: formatMoney(totalOf(all)) },
  };
};

/** The public key and label of each group: a customer's document id and code and name, a salesperson's name. */
const groupNames = async (strapi: Core.Strapi, groupBy: AgingGroup, keys: string[]): Promise<(key: string) => { key: string; label: string }> => {
  const ids = keys.filter((key) => key !== '').map(Number);
  if (groupBy === 'customer' && ids.length) {
    const customers = await strapi.db.query(CUSTOMER).findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId', 'code', 'name'] });
    const byId = new Map(customers.map((c: { id: number; documentId: string; code: string | null; name: string }) => [String(c.id), c]));
    return (key) => {
      const c = byId.get(key);
      return c ? { key: c.documentId, label: `${c.code ?? ''} ${c.name}` } : { key, label: key };
    };
  }
  if (groupBy === 'salesperson' && ids.length) {
    const users = await strapi.db.query(USER).findMany({ where: { id: { $in: ids } }, select: ['id', 'displayName', 'username'] });
    const byId = new Map(users.map((u: { id: number; displayName: string | null; username: string | null }) => [String(u.id), u.displayName || u.username || '']));
    return (key) => ({ key, label: byId.get(key) ?? '' });
  }
  return (key) => ({ key, label: key });
};
