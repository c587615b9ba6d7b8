/**
 * Receivables as they stood at the end of a day, in SQL on PostgreSQL and SQLite alike:
 * - `openItemsQuery`: every receivable still open that day, with what was still owed — its amount
 *   less the allocations in force that day (allocated on or before it, not reversed by then); a
 *   receivable counts from its invoice date until the day it was voided.
 * - `receivableAging`: those open amounts summed per aging bucket (src/domain/aging.ts), overall or
 *   per customer, salesperson (the customer's) or region (the customer's).
 * Today and later, the stored open amount is that same figure (allocations are never dated in the
 * future) and the query reads it directly instead of summing the allocations.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { AgingBucket, agingBounds, agingBuckets } from '../domain/aging';
import { dateIn } from '../domain/business-date';
import { formatMoney } from '../domain/money';
import { reportTimeZone } from '../settings';
import { metaOf } from '../statistics/table-meta';

const RECEIVABLE = 'api::receivable.receivable';
const ALLOCATION = 'api::payment-allocation.payment-allocation';
const CUSTOMER = 'api::customer.customer';

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
 * SELECT receivable_id, customer_id, invoice_date, due_date, amount, open_amount, days_past_due
 * of the receivables open at the end of `asOf`.
 */
export const openItemsQuery = (strapi: Core.Strapi, filter: OpenItemsFilter): Sql => {
  const r = metaOf(strapi, RECEIVABLE);
  const a = metaOf(strapi, ALLOCATION);
  const owner = r.link('customer');
  const allocatedTo = a.link('receivable');
  const postgres = strapi.db.dialect.client === 'postgres';
  const daysPastDue = postgres ? `(CAST(? AS date) - r.${r.column('dueDate')})` : `CAST(julianday(?) - julianday(r.${r.column('dueDate')}) AS INTEGER)`;
  const current = filter.asOf >= dateIn(reportTimeZone(strapi));
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
    where.push(filter.customerIds.length ? `rc.${owner.target} IN (${filter.customerIds.map(() => '?').join(', ')})` : '1 = 0');
    bindings.push(...filter.customerIds);
  }
  return {
    sql: `SELECT r.id AS receivable_id, rc.${owner.target} AS customer_id, r.${r.column('invoiceDate')} AS invoice_date,
        r.${r.column('dueDate')} AS due_date, r.${r.column('amount')} AS amount, ${openAmount} AS open_amount,
        ${daysPastDue} AS days_past_due
      FROM ${r.table} r
      JOIN ${owner.table} rc ON rc.${owner.owner} = r.id
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

/** What the customers owed at the end of `asOf`, per aging bucket and group. */
export const receivableAging = async (strapi: Core.Strapi, options: AgingOptions): Promise<Aging> => {
  const knex = strapi.db.connection;
  const buckets = configuredBuckets(strapi);
  const currency = options.currency ?? 'CNY';
  const items = openItemsQuery(strapi, { ...options, currency });
  const c = metaOf(strapi, CUSTOMER);
  const salesperson = c.link('salesperson');
  const bucket = bucketCase(buckets);
  const group: Record<AgingGroup, { key: string; label: string }> = {
    bucket: { key: `'all'`, label: `'all'` },
    customer: { key: `c.document_id`, label: `MAX(COALESCE(c.${c.column('code')}, '') || ' ' || c.${c.column('name')})` },
    salesperson: { key: `COALESCE(CAST(cs.${salesperson.target} AS VARCHAR(20)), '')`, label: `MAX(COALESCE(u.display_name, u.username, ''))` },
    region: { key: `COALESCE(c.${c.column('region')}, '')`, label: `COALESCE(c.${c.column('region')}, '')` },
  };
  const { key, label } = group[options.groupBy];
  const where: string[] = [];
  const whereBindings: Binding[] = [];
  if (options.salespersonId !== undefined) {
    where.push(`cs.${salesperson.target} = ?`);
    whereBindings.push(options.salespersonId);
  }
  if (options.region !== undefined) {
    where.push(`c.${c.column('region')} = ?`);
    whereBindings.push(options.region);
  }
  const rows: { group_key: string; group_label: string; bucket: string; amount: string | number }[] = await knex
    .raw(
      `SELECT ${key} AS group_key, ${label} AS group_label, ${bucket.sql} AS bucket, SUM(o.open_amount) AS amount
       FROM (${items.sql}) o
       JOIN ${c.table} c ON c.id = o.customer_id
       LEFT JOIN ${salesperson.table} cs ON cs.${salesperson.owner} = c.id
       LEFT JOIN up_users u ON u.id = cs.${salesperson.target}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       GROUP BY ${options.groupBy === 'bucket' ? '3' : '1, 3'}`,
      [...bucket.bindings, ...items.bindings, ...whereBindings]
    )
    .then((result: unknown) => (Array.isArray(result) ? result : (result as { rows: never[] }).rows));

  const byGroup = new Map<string, { label: string; amounts: Map<string, Decimal> }>();
  for (const row of rows) {
    const entry = byGroup.get(row.group_key) ?? { label: row.group_label, amounts: new Map<string, Decimal>() };
    entry.amounts.set(row.bucket, (entry.amounts.get(row.bucket) ?? new Decimal(0)).plus(String(row.amount)));
    byGroup.set(row.group_key, entry);
  }
  const amountsOf = (amounts: Map<string, Decimal>) => Object.fromEntries(buckets.map((b) => [b.key, formatMoney(amounts.get(b.key) ?? new Decimal(0))]));
  const totalOf = (amounts: Map<string, Decimal>) => [...amounts.values()].reduce((sum, amount) => sum.plus(amount), new Decimal(0));
  let groups = [...byGroup.entries()]
    .map(([groupKey, entry]) => ({ key: groupKey, label: entry.label, amounts: entry.amounts, total: totalOf(entry.amounts) }))
    .sort((x, y) => y.total.comparedTo(x.total) || x.key.localeCompare(y.key));
  const all = new Map<string, Decimal>();
  for (const entry of groups) for (const [b, amount] of entry.amounts) all.set(b, (all.get(b) ?? new Decimal(0)).plus(amount));
  if (options.top !== undefined && options.groupBy !== 'bucket') groups = groups.slice(0, options.top);
  return {
    asOf: options.asOf,
    currency,
    groupBy: options.groupBy,
    buckets: buckets.map((b) => ({ key: b.key, label: b.label, from: b.from, to: b.to })),
    rows: groups.map((entry) => ({ key: entry.key, label: entry.label, amounts: amountsOf(entry.amounts), total: formatMoney(entry.total) })),
    totals: { amounts: amountsOf(all), total: formatMoney(totalOf(all)) },
  };
};
