/**
 * Receivables statistics of the dashboard, in SQL on PostgreSQL and SQLite alike: aging by bucket
 * and by customer / salesperson / region and the overdue customers (both from the collection
 * module's open items, src/collection/receivable-aging.ts), the collection trend (billed against
 * collected per month) and the overdue widget. In CNY; a customer's region and salesperson are
 * the customer's own (receivables carry neither).
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { centsToMoney, periodsBetween } from '../domain/sales-periods';
import { Aging, AGING_GROUPS, openItemsQuery, receivableAging as agingOf } from '../collection/receivable-aging';
import { calendarDate, DashboardFilters, oneOf, parseDashboardQuery, today, wholeNumber } from './dashboard-query';
import { CURRENCY, MAX_TOP } from './sales-statistics';
import { metaOf } from './table-meta';

const RECEIVABLE = 'api::receivable.receivable';
const ALLOCATION = 'api::payment-allocation.payment-allocation';
const CUSTOMER = 'api::customer.customer';

type Binding = string | number;
type Query = Record<string, unknown>;

const rowsOf = <Row>(result: unknown): Row[] => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows);
const cents = (value: unknown): Decimal => new Decimal(value === null || value === undefined ? 0 : String(value));

/** 'YYYY-MM' of a date column, the same text on both databases. */
const monthOf = (strapi: Core.Strapi, column: string) =>
  strapi.db.dialect.client === 'postgres' ? `to_char(${column}, 'YYYY-MM')` : `substr(${column}, 1, 7)`;

/** Conditions on the receivable's customer (alias `rc` for the link row) from the dashboard filters. */
const customerConditions = (strapi: Core.Strapi, filters: DashboardFilters, customerColumn: string) => {
  const c = metaOf(strapi, CUSTOMER);
  const salesperson = c.link('salesperson');
  const where: string[] = [];
  const bindings: Binding[] = [];
  if (filters.customerId !== undefined) {
    where.push(`${customerColumn} = ?`);
    bindings.push(filters.customerId);
  }
  if (filters.region !== undefined) {
    where.push(`${customerColumn} IN (SELECT id FROM ${c.table} WHERE ${c.column('region')} = ?)`);
    bindings.push(filters.region);
  }
  if (filters.salespersonId !== undefined) {
    where.push(`${customerColumn} IN (SELECT ${salesperson.owner} FROM ${salesperson.table} WHERE ${salesperson.target} = ?)`);
    bindings.push(filters.salespersonId);
  }
  return { where, bindings };
};

/**
 * Indexes for the receivables figures, created at bootstrap if missing: open items by state, the
 * billed months by invoice date, the collected months by allocation date.
 */
export const ensureReceivableIndexes = async (strapi: Core.Strapi): Promise<void> => {
  const r = metaOf(strapi, RECEIVABLE);
  const a = metaOf(strapi, ALLOCATION);
  const statements = [
    `CREATE INDEX IF NOT EXISTS receivables_state_due_index ON ${r.table} (${r.column('state')}, ${r.column('dueDate')})`,
    `CREATE INDEX IF NOT EXISTS receivables_invoice_date_index ON ${r.table} (${r.column('invoiceDate')})`,
    `CREATE INDEX IF NOT EXISTS payment_allocations_allocated_on_index ON ${a.table} (${a.column('allocatedOn')})`,
  ];
  for (const statement of statements) await strapi.db.connection.raw(statement);
};

export interface CollectionTrend {
  from: string;
  to: string;
  rows: { month: string; billed: string; collected: string }[];
}

/**
 * Per calendar month of the range: billed = receivables invoiced that month (voided ones left out),
 * collected = payment allocations made that month and still in force (not reversed).
 * The product category filter does not apply to receivables and is ignored.
 */
export const collectionOf = async (strapi: Core.Strapi, filters: DashboardFilters): Promise<CollectionTrend> => {
  const knex = strapi.db.connection;
  const r = metaOf(strapi, RECEIVABLE);
  const a = metaOf(strapi, ALLOCATION);
  const owner = r.link('customer');
  const allocatedTo = a.link('receivable');
  const billedCustomer = customerConditions(strapi, filters, `rc.${owner.target}`);
  const billed = rowsOf<{ month: string; amount: unknown }>(
    await knex.raw(
      `SELECT ${monthOf(strapi, `r.${r.column('invoiceDate')}`)} AS month, SUM(CAST(ROUND(r.${r.column('amount')} * 100) AS BIGINT)) AS amount
       FROM ${r.table} r JOIN ${owner.table} rc ON rc.${owner.owner} = r.id
       WHERE r.${r.column('currency')} = ? AND r.${r.column('state')} <> 'void'
         AND r.${r.column('invoiceDate')} >= ? AND r.${r.column('invoiceDate')} <= ?
         ${billedCustomer.where.map((condition) => `AND ${condition}`).join(' ')}
       GROUP BY 1`,
      [CURRENCY, filters.from, filters.to, ...billedCustomer.bindings]
    )
  );
  const collectedCustomer = customerConditions(strapi, filters, `rc.${owner.target}`);
  const collected = rowsOf<{ month: string; amount: unknown }>(
    await knex.raw(
      `SELECT ${monthOf(strapi, `a.${a.column('allocatedOn')}`)} AS month, SUM(CAST(ROUND(a.${a.column('amount')} * 100) AS BIGINT)) AS amount
       FROM ${a.table} a
       JOIN ${allocatedTo.table} ar ON ar.${allocatedTo.owner} = a.id
       JOIN ${r.table} r ON r.id = ar.${allocatedTo.target}
       JOIN ${owner.table} rc ON rc.${owner.owner} = r.id
       WHERE r.${r.column('currency')} = ? AND a.${a.column('reversedOn')} IS NULL
         AND a.${a.column('allocatedOn')} >= ? AND a.${a.column('allocatedOn')} <= ?
         ${collectedCustomer.where.map((condition) => `AND ${condition}`).join(' ')}
       GROUP BY 1`,
      [CURRENCY, filters.from, filters.to, ...collectedCustomer.bindings]
    )
  );
  const billedBy = new Map(billed.map((row) => [String(row.month), cents(row.amount)]));
  const collectedBy = new Map(collected.map((row) => [String(row.month), cents(row.amount)]));
  return {
    from: filters.from,
    to: filters.to,
    rows: periodsBetween(filters.from, filters.to, 'month').map((month) => ({
      month,
      billed: centsToMoney(billedBy.get(month) ?? 0),
      collected: centsToMoney(collectedBy.get(month) ?? 0),
    })),
  };
};

export const collectionTrend = async (strapi: Core.Strapi, query: Query): Promise<CollectionTrend> => {
  const { filters } = await parseDashboardQuery(strapi, query, {});
  return collectionOf(strapi, filters);
};

export const AGING_PARAMETERS = {
  asOf: calendarDate(() => ''),
  groupBy: oneOf(AGING_GROUPS, 'bucket'),
  top: wholeNumber(1, MAX_TOP, 10),
};

/** Customers matching the region / salesperson / customer filters, or undefined when none is set. */
const filteredCustomers = (filters: DashboardFilters) => ({
  customerIds: filters.customerId !== undefined ? [filters.customerId] : undefined,
  region: filters.region,
  salespersonId: filters.salespersonId,
});

/** Aging at the end of `asOf` (default today): the collection module's query, grouped as asked. */
export const receivableAging = async (strapi: Core.Strapi, query: Query): Promise<Aging> => {
  const { filters, params } = await parseDashboardQuery(strapi, query, AGING_PARAMETERS);
  return agingOf(strapi, { asOf: params.asOf || today(strapi), currency: CURRENCY, groupBy: params.groupBy, top: params.top, ...filteredCustomers(filters) });
};

export interface OverdueCustomer {
  key: string;
  label: string;
  overdue: string;
  oldestDaysOverdue: number;
}

/** The open items past due at the end of `asOf`, per customer: amount and the oldest item's days overdue. */
const overdueByCustomer = async (strapi: Core.Strapi, asOf: string, filters: DashboardFilters, top?: number) => {
  const items = openItemsQuery(strapi, { asOf, currency: CURRENCY, customerIds: filteredCustomers(filters).customerIds });
  const conditions = customerConditions(strapi, { ...filters, customerId: undefined }, 'o.customer_id');
  const rows = rowsOf<{ customer_id: unknown; overdue: unknown; oldest: unknown; customers: unknown; total: unknown }>(
    await strapi.db.connection.raw(
      `SELECT o.customer_id, SUM(CAST(ROUND(o.open_amount * 100) AS BIGINT)) AS overdue, MAX(o.days_past_due) AS oldest,
          COUNT(*) OVER () AS customers, SUM(SUM(CAST(ROUND(o.open_amount * 100) AS BIGINT))) OVER () AS total
       FROM (${items.sql}) o
       WHERE o.days_past_due > 0 ${conditions.where.map((condition) => `AND ${condition}`).join(' ')}
       GROUP BY o.customer_id ORDER BY overdue DESC, o.customer_id ${top === undefined ? '' : 'LIMIT ?'}`,
      [...items.bindings, ...conditions.bindings, ...(top === undefined ? [] : [top])]
    )
  );
  const ids = rows.map((row) => Number(row.customer_id));
  const customers = ids.length ? await strapi.db.query(CUSTOMER).findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId', 'code', 'name'] }) : [];
  const byId = new Map(customers.map((customer: { id: number; documentId: string; code: string | null; name: string }) => [customer.id, customer]));
  return {
    customers: rows.length ? Number(rows[0].customers) : 0,
    total: rows.length ? cents(rows[0].total) : new Decimal(0),
    rows: rows.map((row): OverdueCustomer => {
      const customer = byId.get(Number(row.customer_id)) as { documentId: string; code: string | null; name: string } | undefined;
      return {
        key: customer?.documentId ?? String(row.customer_id),
        label: customer ? `${customer.code ?? ''} ${customer.name}`.trim() : String(row.customer_id),
        overdue: centsToMoney(cents(row.overdue)),
        oldestDaysOverdue: Number(row.oldest),
      };
    }),
  };
};

export const OVERDUE_PARAMETERS = { asOf: calendarDate(() => ''), top: wholeNumber(1, MAX_TOP, 10) };

export const overdueTop = async (strapi: Core.Strapi, query: Query) => {
  const { filters, params } = await parseDashboardQuery(strapi, query, OVERDUE_PARAMETERS);
  const asOf = params.asOf || today(strapi);
  const { rows } = await overdueByCustomer(strapi, asOf, filters, params.top);
  return { asOf, rows };
};

/** Today's overdue amount and how many customers owe it, against everything still open. */
export const overdueWidget = async (strapi: Core.Strapi) => {
  const asOf = today(strapi);
  const all: DashboardFilters = { from: asOf, to: asOf };
  const overdue = await overdueByCustomer(strapi, asOf, all, 1);
  const items = openItemsQuery(strapi, { asOf, currency: CURRENCY });
  const [open] = rowsOf<{ amount: unknown }>(
    await strapi.db.connection.raw(`SELECT SUM(CAST(ROUND(o.open_amount * 100) AS BIGINT)) AS amount FROM (${items.sql}) o`, items.bindings)
  );
  return { asOf, overdueAmount: centsToMoney(overdue.total), customers: overdue.customers, openAmount: centsToMoney(cents(open?.amount)) };
};
