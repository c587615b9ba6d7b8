/**
 * Receivables statistics of the dashboard, in SQL on PostgreSQL and SQLite alike: aging by bucket
 * and by customer / salesperson / region and the overdue customers (both from the collection
 * module's open items, src/cash-collection/receivable-aging.ts), the collection trend (billed against
 * collected per month) and the overdue widget, from the receivables roll-up (./receivable-facts.ts)
 * where the figures are today's. In CNY; a customer's region and salesperson are
 * the customer's own (receivables carry neither).
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { centsToMoney, MonthSplit, periodsBetween, splitByWholeMonths } from '../domain/sales-periods';
import { Aging, AGING_GROUPS, openItems, openItemsQuery, receivableAging as agingOf } from '../cash-collection/receivable-aging';
import { calendarDate, DashboardFilters, DashboardInput, oneOf, parseDashboardQuery, today, wholeNumber } from './dashboard-query';
import { MAX_TOP } from './sales-breakdown';
import { CURRENCY } from './sales-sums';
import { COLLECTION_FACTS, COLLECTION_MONTHLY, monthOf, RECEIVABLE_FACTS } from '../cash-collection/receivable-facts';
import { partyConditions } from '../platform/party-conditions';
import { rowsOf } from '../platform/roll-up-writes';
import { CUSTOMER } from '../platform/uids';

type Binding = string | number;
type Query = Record<string, unknown>;

const cents = (value: unknown): Decimal => new Decimal(value === null || value === undefined ? 0 : String(value));

export interface CollectionTrend {
  from: string;
  to: string;
  rows: { month: string; billed: string; collected: string }[];
}

/**
 * Per calendar month of the range: billed = receivables invoiced that month (voided ones left out),
 * collected = payment allocations made that month and still in force (not reversed). Whole months
 * come from the monthly roll-up, the days around them (and any customer's figures) from the fact
 * rows (src/cash-collection/receivable-facts.ts). The product category filter does not apply to
 * receivables and is ignored.
 */
export const collectionOf = async (strapi: Core.Strapi, filters: DashboardFilters): Promise<CollectionTrend> => {
  const conditions = partyConditions(filters, 'f');
  const parts: { sql: string; bindings: Binding[] }[] = [];
  const split: MonthSplit =
    filters.customerId === undefined ? splitByWholeMonths(filters.from, filters.to) : { days: [[filters.from, filters.to]] };
  if (split.months) {
    parts.push({
      sql: `SELECT f.month AS month, f.billed_cents AS billed, f.collected_cents AS collected FROM ${COLLECTION_MONTHLY} f
        WHERE f.currency = ? AND f.month >= ? AND f.month <= ?${conditions.sql}`,
      bindings: [CURRENCY, ...split.months, ...conditions.bindings],
    });
  }
  for (const [from, to] of split.days) {
    parts.push(
      {
        sql: `SELECT ${monthOf(strapi, 'f.invoice_date')}, f.amount_cents, 0 FROM ${RECEIVABLE_FACTS} f
          WHERE f.currency = ? AND f.invoice_date >= ? AND f.invoice_date <= ?${conditions.sql}`,
        bindings: [CURRENCY, from, to, ...conditions.bindings],
      },
      {
        sql: `SELECT ${monthOf(strapi, 'f.allocated_on')}, 0, f.amount_cents FROM ${COLLECTION_FACTS} f
          WHERE f.currency = ? AND f.allocated_on >= ? AND f.allocated_on <= ?${conditions.sql}`,
        bindings: [CURRENCY, from, to, ...conditions.bindings],
      }
    );
  }
  const rows = rowsOf<{ month: string; billed: unknown; collected: unknown }>(
    await strapi.db.connection.raw(
      `SELECT month, SUM(billed) AS billed, SUM(collected) AS collected FROM (${parts.map((part) => part.sql).join(' UNION ALL ')}) parts GROUP BY month`,
      parts.flatMap((part) => part.bindings)
    )
  );
  const byMonth = new Map(rows.map((row) => [String(row.month), row]));
  return {
    from: filters.from,
    to: filters.to,
    rows: periodsBetween(filters.from, filters.to, 'month').map((month) => ({
      month,
      billed: centsToMoney(cents(byMonth.get(month)?.billed)),
      collected: centsToMoney(cents(byMonth.get(month)?.collected)),
    })),
  };
};

export const collectionFor = (strapi: Core.Strapi, { filters }: { filters: DashboardFilters }): Promise<CollectionTrend> =>
  collectionOf(strapi, filters);

export const collectionTrend = async (strapi: Core.Strapi, query: Query): Promise<CollectionTrend> =>
  collectionFor(strapi, await parseDashboardQuery(strapi, query, {}));

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
export const receivableAging = async (strapi: Core.Strapi, query: Query): Promise<Aging> =>
  agingFor(strapi, await parseDashboardQuery(strapi, query, AGING_PARAMETERS));

export const agingFor = (strapi: Core.Strapi, { filters, params }: DashboardInput<typeof AGING_PARAMETERS>): Promise<Aging> =>
  agingOf(strapi, {
    asOf: params.asOf || today(strapi),
    currency: CURRENCY,
    groupBy: params.groupBy,
    top: params.top,
    ...filteredCustomers(filters),
  });

export interface OverdueCustomer {
  key: string;
  label: string;
  overdue: string;
  oldestDaysOverdue: number;
}

/** The open items past due at the end of `asOf`, per customer: amount and the oldest item's days overdue. */
const overdueByCustomer = async (strapi: Core.Strapi, asOf: string, filters: DashboardFilters, top?: number) => {
  const items = await openItems(strapi, { asOf, currency: CURRENCY, customerIds: filteredCustomers(filters).customerIds });
  const conditions = partyConditions({ ...filters, customerId: undefined }, 'f');
  const rows = rowsOf<{ customer_id: unknown; overdue: unknown; oldest: unknown; customers: unknown; total: unknown }>(
    await strapi.db.connection.raw(
      `SELECT f.customer_id, SUM(f.open_cents) AS overdue, MAX(f.days_past_due) AS oldest,
          COUNT(*) OVER () AS customers, SUM(SUM(f.open_cents)) OVER () AS total
       FROM (${items.sql}) f
       WHERE f.days_past_due > 0${conditions.sql}
       GROUP BY f.customer_id ORDER BY overdue DESC, f.customer_id ${top === undefined ? '' : 'LIMIT ?'}`,
      [...items.bindings, ...conditions.bindings, ...(top === undefined ? [] : [top])]
    )
  );
  const ids = rows.map((row) => Number(row.customer_id));
  const customers = ids.length
    ? await strapi.db.query(CUSTOMER).findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId', 'code', 'name'] })
    : [];
  const byId = new Map(
    customers.map((customer: { id: number; documentId: string; code: string | null; name: string }) => [customer.id, customer])
  );
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

export const overdueTop = async (strapi: Core.Strapi, query: Query) =>
  overdueTopFor(strapi, await parseDashboardQuery(strapi, query, OVERDUE_PARAMETERS));

export const overdueTopFor = async (strapi: Core.Strapi, { filters, params }: DashboardInput<typeof OVERDUE_PARAMETERS>) => {
  const asOf = params.asOf || today(strapi);
  const { rows } = await overdueByCustomer(strapi, asOf, filters, params.top);
  return { asOf, rows };
};

/** Today's overdue amount and how many customers owe it, against everything still open: one pass over the open items. */
export const overdueWidget = async (strapi: Core.Strapi) => {
  const asOf = today(strapi);
  const items = openItemsQuery(strapi, { asOf, currency: CURRENCY });
  const [row] = rowsOf<{ overdue: unknown; customers: unknown; open: unknown }>(
    await strapi.db.connection.raw(
      `SELECT SUM(CASE WHEN o.days_past_due > 0 THEN o.open_cents ELSE 0 END) AS overdue,
          COUNT(DISTINCT CASE WHEN o.days_past_due > 0 THEN o.customer_id END) AS customers,
          SUM(o.open_cents) AS open
       FROM (${items.sql}) o`,
      items.bindings
    )
  );
  return {
    asOf,
    overdueAmount: centsToMoney(cents(row?.overdue)),
    customers: Number(row?.customers ?? 0),
    openAmount: centsToMoney(cents(row?.open)),
  };
};
