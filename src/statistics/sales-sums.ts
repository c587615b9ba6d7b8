/**
 * Sums of the sales, in SQL on PostgreSQL and SQLite alike, over the sales roll-up
 * (./sales-facts.ts: one row per counted order line, amounts in integer cents) and its monthly and
 * daily cubes: amount, quantity and orders of the counted lines matching the dashboard's filters,
 * grouped by a period or a dimension. "Sales" are the lines of orders neither draft nor cancelled,
 * dated by the order date, in CNY.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { DEFAULT_CURRENCY } from '../domain/money';
import { Grain, splitByWholeMonths } from '../domain/sales-periods';
import { DashboardFilters } from './dashboard-query';
import { ALL_CATEGORIES, SALES_DAILY, SALES_FACTS, SALES_MONTHLY } from './sales-facts';
import { metaOf } from '../platform/table-meta';
import { partyConditions } from '../platform/party-conditions';
import { rowsOf } from '../platform/roll-up-writes';
import { PRODUCT } from '../platform/uids';

export const CURRENCY = DEFAULT_CURRENCY;

export type Binding = string | number;
export interface Sql {
  sql: string;
  bindings: Binding[];
}

export const run = async <Row>(strapi: Core.Strapi, sql: string, bindings: Binding[]): Promise<Row[]> =>
  rowsOf<Row>(await strapi.db.connection.raw(sql, bindings));
export const int = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
export const cents = (value: unknown): Decimal => new Decimal(value === null || value === undefined ? 0 : String(value));

/** FROM and WHERE of the counted lines matching the filters (in CNY unless `currency` says otherwise). */
export const factsWhere = (strapi: Core.Strapi, filters: DashboardFilters, { currency = '=' }: { currency?: '=' | '<>' } = {}): Sql => {
  const p = metaOf(strapi, PRODUCT);
  const party = partyConditions(filters, 'f');
  const where = [`f.currency ${currency} ?`, 'f.order_date >= ?', 'f.order_date <= ?', ...party.where];
  const bindings: Binding[] = [CURRENCY, filters.from, filters.to, ...party.bindings];
  if (filters.category !== undefined) {
    where.push(`f.product_id IN (SELECT id FROM ${p.table} WHERE ${p.column('category')} = ?)`);
    bindings.push(filters.category);
  }
  return { sql: `FROM ${SALES_FACTS} f WHERE ${where.join(' AND ')}`, bindings };
};

/** The period of a 'YYYY-MM-DD' (or, for coarser grains, 'YYYY-MM') text column as SQL, the same on both databases. */
export const periodSql = (grain: Grain, column: string): string => {
  switch (grain) {
    case 'day':
      return column;
    case 'month':
      return `substr(${column}, 1, 7)`;
    case 'quarter':
      return `substr(${column}, 1, 4) || '-Q' || CAST((CAST(substr(${column}, 6, 2) AS INTEGER) + 2) / 3 AS VARCHAR(1))`;
    default:
      return `substr(${column}, 1, 4)`;
  }
};

export interface Sums {
  amount: Decimal;
  quantity: number;
  orders: number;
}

/** What the sums are grouped by: a period of a grain, or one of the cube's dimensions, or nothing. */
export type Grouping = { period: Grain } | { dimension: 'region' | 'salesperson' | 'category' } | 'total';

const factsGroup = (strapi: Core.Strapi, grouping: Grouping): { key: string; join: string } => {
  if (grouping === 'total') return { key: `'all'`, join: '' };
  if ('period' in grouping) return { key: periodSql(grouping.period, 'f.order_date'), join: '' };
  return breakdownKey(strapi, grouping.dimension);
};

/** A cube: the monthly one (by salesperson) or the daily one (without), and its period column. */
interface Cube {
  table: string;
  period: 'm.month' | 'm.day';
}
const MONTHLY: Cube = { table: SALES_MONTHLY, period: 'm.month' };
const DAILY: Cube = { table: SALES_DAILY, period: 'm.day' };

const cubeGroup = (grouping: Grouping, cube: Cube): string => {
  if (grouping === 'total') return `'all'`;
  if ('period' in grouping) return periodSql(grouping.period, cube.period);
  if (grouping.dimension === 'region') return 'm.region';
  if (grouping.dimension === 'salesperson') return `CASE WHEN m.salesperson_id = 0 THEN '' ELSE CAST(m.salesperson_id AS VARCHAR(20)) END`;
  return 'm.category';
};

const addInto = (into: Map<string, Sums>, rows: { group_key: unknown; amount: unknown; quantity: unknown; orders: unknown }[]) => {
  for (const row of rows) {
    const key = String(row.group_key);
    const sums = into.get(key) ?? { amount: new Decimal(0), quantity: 0, orders: 0 };
    into.set(key, {
      amount: sums.amount.plus(cents(row.amount)),
      quantity: sums.quantity + int(row.quantity),
      orders: sums.orders + int(row.orders),
    });
  }
};

/** Sums over the line-level roll-up for [from, to] (any days). */
const factSums = async (
  strapi: Core.Strapi,
  filters: DashboardFilters,
  grouping: Grouping,
  currency: '=' | '<>',
  into: Map<string, Sums>
) => {
  const from = factsWhere(strapi, filters, { currency });
  const { key, join } = factsGroup(strapi, grouping);
  const fromSql = join ? from.sql.replace(`FROM ${SALES_FACTS} f`, `FROM ${SALES_FACTS} f ${join}`) : from.sql;
  addInto(
    into,
    await run(
      strapi,
      `SELECT ${key} AS group_key, SUM(f.amount_cents) AS amount, SUM(f.quantity) AS quantity, COUNT(DISTINCT f.order_id) AS orders ${fromSql} GROUP BY 1`,
      from.bindings
    )
  );
};

/** Sums over a cube for the periods [first, last] (months of the monthly cube, days of the daily one). */
const cubeSums = async (
  strapi: Core.Strapi,
  filters: DashboardFilters,
  grouping: Grouping,
  currency: '=' | '<>',
  cube: Cube,
  first: string,
  last: string,
  into: Map<string, Sums>
) => {
  // The cubes have no customer: a customer's figures come from the line facts (groupedSums).
  const party = partyConditions({ region: filters.region, salespersonId: filters.salespersonId }, 'm');
  const where = [`m.currency ${currency} ?`, `${cube.period} >= ?`, `${cube.period} <= ?`, ...party.where];
  const bindings: Binding[] = [CURRENCY, first, last, ...party.bindings];
  const byCategory = grouping !== 'total' && 'dimension' in grouping && grouping.dimension === 'category';
  if (filters.category !== undefined) {
    where.push('m.category = ?');
    bindings.push(filters.category);
  } else if (byCategory) {
    where.push('m.category <> ?');
    bindings.push(ALL_CATEGORIES);
  } else {
    where.push('m.category = ?');
    bindings.push(ALL_CATEGORIES);
  }
  addInto(
    into,
    await run(
      strapi,
      `SELECT ${cubeGroup(grouping, cube)} AS group_key, SUM(m.amount_cents) AS amount, SUM(m.quantity) AS quantity, SUM(m.orders) AS orders
       FROM ${cube.table} m WHERE ${where.join(' AND ')} GROUP BY 1`,
      bindings
    )
  );
};

/**
 * Amount, quantity and orders of the counted lines matching the filters, grouped. A customer filter
 * reads the line-level roll-up throughout (by its index). Otherwise whole months come from the
 * monthly cube, and the days (a daily grain, or the edges before the first and after the last
 * whole month) from the daily cube — or, when it cannot answer (a salesperson filter or grouping),
 * from the line-level roll-up. Every order lies in one day, so the parts add up exactly.
 */
export const groupedSums = async (
  strapi: Core.Strapi,
  filters: DashboardFilters,
  grouping: Grouping,
  currency: '=' | '<>' = '='
): Promise<Map<string, Sums>> => {
  const sums = new Map<string, Sums>();
  if (filters.customerId !== undefined) {
    await factSums(strapi, filters, grouping, currency, sums);
    return sums;
  }
  const bySalesperson =
    filters.salespersonId !== undefined || (grouping !== 'total' && 'dimension' in grouping && grouping.dimension === 'salesperson');
  const days = (range: DashboardFilters) =>
    bySalesperson
      ? factSums(strapi, range, grouping, currency, sums)
      : cubeSums(strapi, range, grouping, currency, DAILY, range.from, range.to, sums);
  const split = splitByWholeMonths(filters.from, filters.to);
  if (grouping !== 'total' && 'period' in grouping && grouping.period === 'day') split.days = [[filters.from, filters.to]];
  else if (split.months) await cubeSums(strapi, filters, grouping, currency, MONTHLY, split.months[0], split.months[1], sums);
  for (const [from, to] of split.days) await days({ ...filters, from, to });
  return sums;
};

export const BREAKDOWNS = ['region', 'salesperson', 'customer', 'spec', 'category'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** The grouping expression of each breakdown; '' stands for "none recorded" (no salesperson, no region). */
export const breakdownKey = (strapi: Core.Strapi, by: Breakdown): { key: string; join: string } => {
  const p = metaOf(strapi, PRODUCT);
  switch (by) {
    case 'region':
      return { key: `COALESCE(f.region, '')`, join: '' };
    case 'salesperson':
      return { key: `COALESCE(CAST(f.salesperson_id AS VARCHAR(20)), '')`, join: '' };
    case 'customer':
      return { key: `COALESCE(CAST(f.customer_id AS VARCHAR(20)), '')`, join: '' };
    case 'spec':
      return { key: `COALESCE(f.specification, '')`, join: '' };
    default:
      return { key: `COALESCE(p.${p.column('category')}, '')`, join: `LEFT JOIN ${p.table} p ON p.id = f.product_id` };
  }
};
