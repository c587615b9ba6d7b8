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
import { DEFAULT_CURRENCY, formatMoney } from '../domain/money';
import { reportTimeZone } from '../platform/settings';
import { customerJoins, RECEIVABLE_FACTS } from './receivable-facts';
import { metaOf } from '../platform/table-meta';
import { ALLOCATION, CUSTOMER, RECEIVABLE, USER } from '../platform/uids';
import { partyConditions } from '../platform/party-conditions';

const rowsOf = <Row>(result: unknown): Row[] => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows);

export const AGING_GROUPS = ['bucket', 'customer', 'salesperson', 'region'] as const;
export type AgingGroup = (typeof AGING_GROUPS)[number];

type Binding = string | number;
export interface Sql {
  sql: string;
  bindings: Binding[];
}

/** The open items' SELECT, and whether it reads a roll-up (today's facts or a month-end snapshot: cheap to read more than once). */
export interface OpenItemsSql extends Sql {
  rollUp: boolean;
}

export interface OpenItemsFilter {
  /** The day (YYYY-MM-DD) at whose end the balances are taken. */
  asOf: string;
  currency?: string;
  customerIds?: number[];
  /** Only these receivables (keeping the month-end snapshots in step). */
  receivableIds?: number[];
  /** Read the month-end snapshot of `asOf` (the caller made sure it exists: `hasAgingSnapshot`). */
  snapshot?: boolean;
  /**
   * Today's open items of the customers asked for from the receivables roll-up (its customer index)
   * rather than the base tables: for readers outside a writer's transaction (the customer file).
   */
  fromRollUp?: boolean;
}

/**
 * Month-end snapshots of the open items (./aging-snapshots.ts): the days built, and per day the
 * items open at its end with what they still owed then, kept exact by the writers.
 */
export const AGING_SNAPSHOT_DAYS = 'aging_snapshot_days';
export const AGING_SNAPSHOT_ITEMS = 'aging_snapshot_items';

/** Whether the open items at the end of `asOf` can be read from a month-end snapshot. */
export const hasAgingSnapshot = async (strapi: Core.Strapi, asOf: string): Promise<boolean> =>
  Boolean(await strapi.db.connection(AGING_SNAPSHOT_DAYS).where({ as_of: asOf }).first('as_of'));

export const configuredBuckets = (strapi: Core.Strapi): AgingBucket[] =>
  agingBuckets(agingBounds(strapi.config.get('server.collection.agingBuckets', undefined)));

/**
 * SELECT receivable_id, customer_id, region, salesperson_id (the customer's; '' and 0 for none),
 * currency, invoice_date, due_date, amount, open_amount (and in integer cents, open_cents: sums are taken over
 * these), days_past_due of the receivables open at the end of
 * `asOf`. Today's open items of all customers come from the receivables roll-up
 * (src/cash-collection/receivable-facts.ts, kept in the writers' transactions), a past month end's from
 * its snapshot when asked to (./aging-snapshots.ts), anything else from the base tables.
 */
export const openItemsQuery = (strapi: Core.Strapi, filter: OpenItemsFilter): OpenItemsSql => {
  const postgres = strapi.db.dialect.client === 'postgres';
  const daysPastDue = (dueDate: string) =>
    postgres ? `(CAST(? AS date) - ${dueDate})` : `CAST(julianday(?) - julianday(${dueDate}) AS INTEGER)`;
  const current = filter.asOf >= dateIn(reportTimeZone(strapi));
  // Roll-up rows carry the same columns: today's facts, or a month-end snapshot.
  const fromRollUp = (table: string, where: string[], bindings: Binding[]): OpenItemsSql => {
    if (filter.currency) {
      where.push('f.currency = ?');
      bindings.push(filter.currency);
    }
    return {
      sql: `SELECT f.receivable_id, f.customer_id, f.region, f.salesperson_id, f.currency, f.invoice_date, f.due_date,
          CAST(f.amount_cents / 100.0 AS DECIMAL(16, 2)) AS amount, CAST(f.open_cents / 100.0 AS DECIMAL(16, 2)) AS open_amount, f.open_cents,
          ${daysPastDue('f.due_date')} AS days_past_due
        FROM ${table} f WHERE ${where.join(' AND ')}`,
      bindings,
      rollUp: true,
    };
  };
  if (current && filter.fromRollUp && filter.customerIds && !filter.receivableIds) {
    const customers = filter.customerIds.length ? `f.customer_id IN (${filter.customerIds.map(() => '?').join(', ')})` : '1 = 0';
    return fromRollUp(
      RECEIVABLE_FACTS,
      ['f.open_cents > 0', 'f.invoice_date <= ?', customers],
      [filter.asOf, filter.asOf, ...filter.customerIds]
    );
  }
  if (!filter.customerIds && !filter.receivableIds) {
    if (current) return fromRollUp(RECEIVABLE_FACTS, ['f.open_cents > 0', 'f.invoice_date <= ?'], [filter.asOf, filter.asOf]);
    if (filter.snapshot) return fromRollUp(AGING_SNAPSHOT_ITEMS, ['f.as_of = ?'], [filter.asOf, filter.asOf]);
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
    // The allocations of the receivables asked for only: summing every allocation to join a few
    // would cost a customer's statement or a write's snapshot resync the whole table.
    const owned = r.link('customer');
    const only: Sql = filter.receivableIds
      ? {
          sql: `AND al.${allocatedTo.target} IN (${filter.receivableIds.map(() => '?').join(', ') || 'NULL'})`,
          bindings: filter.receivableIds,
        }
      : filter.customerIds
        ? {
            sql: `AND al.${allocatedTo.target} IN (SELECT ${owned.owner} FROM ${owned.table} WHERE ${owned.target} IN (${filter.customerIds.map(() => '?').join(', ') || 'NULL'}))`,
            bindings: filter.customerIds,
          }
        : { sql: '', bindings: [] };
    paid = `LEFT JOIN (
        SELECT al.${allocatedTo.target} AS receivable_id, SUM(a.${a.column('amount')}) AS amount
        FROM ${a.table} a JOIN ${allocatedTo.table} al ON al.${allocatedTo.owner} = a.id
        WHERE a.${a.column('allocatedOn')} <= ? AND (a.${a.column('reversedOn')} IS NULL OR a.${a.column('reversedOn')} > ?) ${only.sql}
        GROUP BY al.${allocatedTo.target}
      ) paid ON paid.receivable_id = r.id`;
    bindings.push(filter.asOf, filter.asOf, ...only.bindings);
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
  if (filter.receivableIds) {
    where.push(filter.receivableIds.length ? `r.id IN (${filter.receivableIds.map(() => '?').join(', ')})` : '1 = 0');
    bindings.push(...filter.receivableIds);
  }
  return {
    sql: `SELECT r.id AS receivable_id, ${customer.columns}, r.${r.column('currency')} AS currency, r.${r.column('invoiceDate')} AS invoice_date,
        r.${r.column('dueDate')} AS due_date, r.${r.column('amount')} AS amount, ${openAmount} AS open_amount,
        CAST(ROUND(${openAmount} * 100) AS BIGINT) AS open_cents,
        ${daysPastDue(`r.${r.column('dueDate')}`)} AS days_past_due
      FROM ${r.table} r
      ${customer.sql}
      ${paid}
      WHERE ${where.join(' AND ')}`,
    bindings,
    rollUp: false,
  };
};

/** `openItemsQuery`, from the month-end snapshot of a past `asOf` for all customers when there is one. */
export const openItems = async (strapi: Core.Strapi, filter: OpenItemsFilter): Promise<OpenItemsSql> => {
  const wide = !filter.customerIds && !filter.receivableIds && filter.asOf < dateIn(reportTimeZone(strapi));
  return openItemsQuery(strapi, { ...filter, snapshot: wide && (await hasAgingSnapshot(strapi, filter.asOf)) });
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

/** The days past due in column `days` within the bucket (its bounds inclusive; the first has no lower bound, the last no upper). */
export const inBucket = (bucket: AgingBucket, days = 'o.days_past_due'): Sql => {
  const conditions: Sql[] = [];
  if (bucket.from !== null) conditions.push({ sql: `${days} >= ?`, bindings: [bucket.from] });
  if (bucket.to !== null) conditions.push({ sql: `${days} <= ?`, bindings: [bucket.to] });
  return { sql: conditions.map((c) => c.sql).join(' AND ') || '1 = 1', bindings: conditions.flatMap((c) => c.bindings) };
};

/** `sum` per bucket as columns b0, b1 …, over rows with their days past due in column `days`. */
export const bucketSums = (buckets: AgingBucket[], days: string, sum: string): Sql => {
  const parts = buckets.map((bucket, i) => {
    const condition = inBucket(bucket, days);
    return { sql: `SUM(CASE WHEN ${condition.sql} THEN ${sum} ELSE 0 END) AS b${i}`, bindings: condition.bindings };
  });
  return { sql: parts.map((part) => part.sql).join(', '), bindings: parts.flatMap((part) => part.bindings) };
};

/**
 * What the customers owed at the end of `asOf`, per aging bucket and group, largest first (then by
 * key), cut to `top`, with the totals of all groups.
 *
 * From a roll-up (today's facts, a month end's snapshot) it is three cheap reads of one snapshot
 * rather than bucket sums for every group: the top groups by their open total, the bucket sums of
 * their items alone, and the totals from the sums per due date (a few hundred rows, not one per
 * item; grouped by the stored date, which the index holds in order, rather than by the days
 * computed from it). From the base tables (any other past day) the open items are costly to find,
 * so they are found once: one statement sums every group and the totals over them.
 */
export const receivableAging = async (strapi: Core.Strapi, options: AgingOptions): Promise<Aging> => {
  const buckets = configuredBuckets(strapi);
  const currency = options.currency ?? DEFAULT_CURRENCY;
  const items = await openItems(strapi, { ...options, currency });
  const key: Record<AgingGroup, string> = {
    bucket: `'all'`,
    customer: 'o.customer_id',
    salesperson: 'o.salesperson_id',
    region: 'o.region',
  };
  const group = key[options.groupBy];
  const party = partyConditions({ region: options.region, salespersonId: options.salespersonId }, 'o');
  const where = (extra: string[] = []) => {
    const conditions = [...party.where, ...extra];
    return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  };
  const perItem = bucketSums(buckets, 'o.days_past_due', 'o.open_cents');
  const perGroup = (only: string[] = []): Sql => ({
    sql: `SELECT ${group} AS group_key, ${perItem.sql}, SUM(o.open_cents) AS total FROM (${items.sql}) o ${where(only)} GROUP BY 1`,
    bindings: [...perItem.bindings, ...items.bindings, ...party.bindings],
  });
  const limit =
    options.top === undefined || options.groupBy === 'bucket' ? { sql: '', bindings: [] } : { sql: 'LIMIT ?', bindings: [options.top] };
  const knex = strapi.db.connection;
  type Row = Record<string, unknown>;
  type Knex = Core.Strapi['db']['connection'];
  const selectOn = (db: Knex) => async (sql: string, bindings: Binding[]) => rowsOf<Row>(await db.raw(sql, bindings));

  const inOnePass = async (): Promise<{ totalRow: Row | undefined; rows: Row[] }> => {
    const groups = perGroup();
    const sums = buckets.map((_, i) => `SUM(b${i}) AS b${i}`).join(', ');
    const columns = buckets.map((_, i) => `b${i}`).join(', ');
    const all = await selectOn(knex)(
      `WITH g AS (${groups.sql})
       SELECT 1 AS is_total, NULL AS group_key, ${sums}, SUM(total) AS total FROM g
       UNION ALL
       SELECT * FROM (SELECT 0 AS is_total, group_key, ${columns}, total FROM g ORDER BY total DESC, group_key ${limit.sql}) top_groups
       ORDER BY is_total DESC, total DESC, group_key`,
      [...groups.bindings, ...limit.bindings]
    );
    return { totalRow: all[0], rows: all.slice(1) };
  };

  const fromRollUp = async (select: ReturnType<typeof selectOn>): Promise<{ totalRow: Row | undefined; rows: Row[] }> => {
    const perDay = bucketSums(buckets, 'd.days_past_due', 'd.open_cents');
    const [totalRow] = await select(
      `SELECT ${perDay.sql}, COUNT(*) AS days FROM (
         SELECT MIN(o.days_past_due) AS days_past_due, SUM(o.open_cents) AS open_cents FROM (${items.sql}) o ${where()} GROUP BY o.due_date
       ) d`,
      [...perDay.bindings, ...items.bindings, ...party.bindings]
    );
    if (options.groupBy === 'bucket') return { totalRow, rows: Number(totalRow?.days ?? 0) > 0 ? [{ ...totalRow, group_key: 'all' }] : [] };
    const ranked = limit.sql
      ? await select(
          `SELECT ${group} AS group_key FROM (${items.sql}) o ${where()} GROUP BY 1 ORDER BY SUM(o.open_cents) DESC, group_key ${limit.sql}`,
          [...items.bindings, ...party.bindings, ...limit.bindings]
        )
      : undefined;
    if (ranked?.length === 0) return { totalRow, rows: [] };
    const groups = perGroup(ranked ? [`${group} IN (${ranked.map(() => '?').join(', ')})`] : []);
    const rows = await select(`${groups.sql} ORDER BY total DESC, group_key`, [
      ...groups.bindings,
      ...(ranked ?? []).map((row) => row.group_key as Binding),
    ]);
    return { totalRow, rows };
  };

  // The three reads see one state of the roll-up: in one transaction, on PostgreSQL a read-only snapshot.
  const { totalRow, rows } = items.rollUp
    ? await knex.transaction(
        (trx) => fromRollUp(selectOn(trx)),
        strapi.db.dialect.client === 'postgres' ? { isolationLevel: 'repeatable read', readOnly: true } : undefined
      )
    : await inOnePass();
  const money = (cents: unknown) => formatMoney(new Decimal(String(cents ?? 0)).div(100));
  const amountsOf = (row: Record<string, unknown> | undefined) => Object.fromEntries(buckets.map((b, i) => [b.key, money(row?.[`b${i}`])]));
  const groupKey = (row: Record<string, unknown>) =>
    options.groupBy === 'salesperson' && Number(row.group_key) === 0 ? '' : String(row.group_key);
  const names = await groupNames(strapi, options.groupBy, rows.map(groupKey));
  const totals = amountsOf(totalRow);
  const sumOf = (amounts: Record<string, string>) =>
    formatMoney(Object.values(amounts).reduce((sum, amount) => sum.plus(amount), new Decimal(0)));
  return {
    asOf: options.asOf,
    currency,
    groupBy: options.groupBy,
    buckets: buckets.map((b) => ({ key: b.key, label: b.label, from: b.from, to: b.to })),
    rows: rows.map((row) => {
      const amounts = amountsOf(row);
      return { ...names(groupKey(row)), amounts, total: sumOf(amounts) };
    }),
    totals: { amounts: totals, total: sumOf(totals) },
  };
};

/** The public key and label of each group: a customer's document id and code and name, a salesperson's name. */
const groupNames = async (
  strapi: Core.Strapi,
  groupBy: AgingGroup,
  keys: string[]
): Promise<(key: string) => { key: string; label: string }> => {
  const ids = keys.filter((key) => key !== '').map(Number);
  if (groupBy === 'customer' && ids.length) {
    const customers = await strapi.db
      .query(CUSTOMER)
      .findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId', 'code', 'name'] });
    const byId = new Map(customers.map((c: { id: number; documentId: string; code: string | null; name: string }) => [String(c.id), c]));
    return (key) => {
      const c = byId.get(key);
      return c ? { key: c.documentId, label: `${c.code ?? ''} ${c.name}` } : { key, label: key };
    };
  }
  if (groupBy === 'salesperson' && ids.length) {
    const users = await strapi.db.query(USER).findMany({ where: { id: { $in: ids } }, select: ['id', 'displayName', 'username'] });
    const byId = new Map(
      users.map((u: { id: number; displayName: string | null; username: string | null }) => [
        String(u.id),
        u.displayName || u.username || '',
      ])
    );
    return (key) => ({ key, label: byId.get(key) ?? '' });
  }
  return (key) => ({ key, label: key });
};
