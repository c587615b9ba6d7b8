/**
 * Receivables statistics of the dashboard, in SQL on PostgreSQL and SQLite alike: aging by bucket
 * and by customer / salesperson / region and the overdue customers (both from the collection
 * module's open items, src/collection/receivable-aging.ts), the collection trend (billed against
 * collected per month) and the overdue widget. In CNY; a customer's region and salesperson are
 * the customer's own (receivables carry neither).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import Decimal from 'decimal.js';
import { centsToMoney, periodsBetween } from '../domain/sales-periods';
import { DashboardFilters, parseDashboardQuery } from './dashboard-query';
import { CURRENCY } from './sales-statistics';
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

const notYet = () => {
  throw new errors.ApplicationError('receivables aging arrives with the collection module');
};

export const receivableAging = async (_strapi: Core.Strapi, _query: Query): Promise<unknown> => notYet();
export const overdueTop = async (_strapi: Core.Strapi, _query: Query): Promise<unknown> => notYet();
export const overdueWidget = async (_strapi: Core.Strapi): Promise<unknown> => notYet();
