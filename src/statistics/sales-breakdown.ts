/**
 * The sales broken down by region, salesperson, customer, specification or product category: the
 * top N groups by amount, the rest summed up as others, and each group's share of the total.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { centsToMoney, ratio, splitByWholeMonths } from '../domain/sales-periods';
import { DashboardFilters, DashboardInput, oneOf, parseDashboardQuery, wholeNumber } from './dashboard-query';
import { SALES_FACTS, SALES_MONTHLY_BY } from './sales-facts';
import { labelled } from './sales-labels';
import { Breakdown, BREAKDOWNS, breakdownKey, cents, CURRENCY, factsWhere, groupedSums, int, run, Sql } from './sales-sums';

export { BREAKDOWNS } from './sales-sums';
export type { Breakdown } from './sales-sums';
export const MAX_TOP = 100;
type Query = Record<string, unknown>;

export interface BreakdownRow {
  key: string;
  label: string;
  amount: string;
  quantity: number;
  share: string | null;
}

export interface SalesBreakdown {
  by: Breakdown;
  from: string;
  to: string;
  rows: BreakdownRow[];
  others: { amount: string; quantity: number; count: number };
  total: { amount: string; quantity: number };
}

/** The groups of a breakdown, largest first, with their number and the grand totals. */
interface Ranked {
  rows: { key: string; amount: Decimal; quantity: number }[];
  groups: number;
  totalAmount: Decimal;
  totalQuantity: number;
}

/** Region, salesperson and category have few groups: summed (cube and edges) and ranked here. */
const rankedFromSums = async (
  strapi: Core.Strapi,
  filters: DashboardFilters,
  by: 'region' | 'salesperson' | 'category',
  top: number
): Promise<Ranked> => {
  const sums = [...(await groupedSums(strapi, filters, { dimension: by })).entries()]
    .filter(([, sum]) => !sum.amount.isZero() || sum.quantity !== 0)
    .sort(([keyA, a], [keyB, b]) => b.amount.comparedTo(a.amount) || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0));
  return {
    rows: sums.slice(0, top).map(([key, sum]) => ({ key, amount: sum.amount, quantity: sum.quantity })),
    groups: sums.length,
    totalAmount: sums.reduce((total, [, sum]) => total.plus(sum.amount), new Decimal(0)),
    totalQuantity: sums.reduce((total, [, sum]) => total + sum.quantity, 0),
  };
};

/**
 * Customers and specifications have many groups: ranked and cut in the database, in one pass,
 * with the number of groups and the grand totals as window sums. Without region, salesperson,
 * category or customer filter, whole months come from the monthly customer / specification rows and
 * only the edge days from the line roll-up; with one, the line roll-up by its index.
 */
const rankedInDatabase = async (strapi: Core.Strapi, filters: DashboardFilters, by: 'customer' | 'spec', top: number): Promise<Ranked> => {
  const { key, join } = breakdownKey(strapi, by);
  const parts: Sql[] = [];
  const factPart = (range: DashboardFilters) => {
    const from = factsWhere(strapi, range);
    const fromSql = join ? from.sql.replace(`FROM ${SALES_FACTS} f`, `FROM ${SALES_FACTS} f ${join}`) : from.sql;
    parts.push({ sql: `SELECT ${key} AS group_key, f.amount_cents AS amount, f.quantity AS quantity ${fromSql}`, bindings: from.bindings });
  };
  const unfiltered =
    filters.region === undefined &&
    filters.salespersonId === undefined &&
    filters.category === undefined &&
    filters.customerId === undefined;
  const split = splitByWholeMonths(filters.from, filters.to);
  if (!unfiltered || !split.months) factPart(filters);
  else {
    parts.push({
      sql: `SELECT d.group_key AS group_key, d.amount_cents AS amount, d.quantity AS quantity FROM ${SALES_MONTHLY_BY} d
        WHERE d.dimension = ? AND d.currency = ? AND d.month >= ? AND d.month <= ?`,
      bindings: [by, CURRENCY, ...split.months],
    });
    for (const [from, to] of split.days) factPart({ ...filters, from, to });
  }
  const rows = await run<{
    group_key: string;
    amount: unknown;
    quantity: unknown;
    groups: unknown;
    total_amount: unknown;
    total_quantity: unknown;
  }>(
    strapi,
    `SELECT group_key, SUM(amount) AS amount, SUM(quantity) AS quantity,
        COUNT(*) OVER () AS groups, SUM(SUM(amount)) OVER () AS total_amount, SUM(SUM(quantity)) OVER () AS total_quantity
     FROM (${parts.map((part) => part.sql).join(' UNION ALL ')}) parts
     GROUP BY group_key HAVING SUM(amount) <> 0 OR SUM(quantity) <> 0 ORDER BY amount DESC, group_key LIMIT ?`,
    [...parts.flatMap((part) => part.bindings), top]
  );
  return {
    rows: rows.map((row) => ({ key: String(row.group_key), amount: cents(row.amount), quantity: int(row.quantity) })),
    groups: rows.length ? int(rows[0].groups) : 0,
    totalAmount: rows.length ? cents(rows[0].total_amount) : new Decimal(0),
    totalQuantity: rows.length ? int(rows[0].total_quantity) : 0,
  };
};

export const breakdownOf = async (strapi: Core.Strapi, filters: DashboardFilters, by: Breakdown, top: number): Promise<SalesBreakdown> => {
  const ranked =
    by === 'customer' || by === 'spec' ? await rankedInDatabase(strapi, filters, by, top) : await rankedFromSums(strapi, filters, by, top);
  const labels = await labelled(
    strapi,
    by,
    ranked.rows.map((row) => row.key)
  );
  const shownAmount = ranked.rows.reduce((sum, row) => sum.plus(row.amount), new Decimal(0));
  const shownQuantity = ranked.rows.reduce((sum, row) => sum + row.quantity, 0);
  return {
    by,
    from: filters.from,
    to: filters.to,
    rows: ranked.rows.map((row) => ({
      ...labels.get(row.key)!,
      amount: centsToMoney(row.amount),
      quantity: row.quantity,
      share: ratio(row.amount, ranked.totalAmount),
    })),
    others: {
      amount: centsToMoney(ranked.totalAmount.minus(shownAmount)),
      quantity: ranked.totalQuantity - shownQuantity,
      count: ranked.groups - ranked.rows.length,
    },
    total: { amount: centsToMoney(ranked.totalAmount), quantity: ranked.totalQuantity },
  };
};

export const BREAKDOWN_PARAMETERS = { by: oneOf(BREAKDOWNS, 'region'), top: wholeNumber(1, MAX_TOP, 10) };

export const breakdownFor = (
  strapi: Core.Strapi,
  { filters, params }: DashboardInput<typeof BREAKDOWN_PARAMETERS>
): Promise<SalesBreakdown> => breakdownOf(strapi, filters, params.by, params.top);

export const salesBreakdown = async (strapi: Core.Strapi, query: Query): Promise<SalesBreakdown> =>
  breakdownFor(strapi, await parseDashboardQuery(strapi, query, BREAKDOWN_PARAMETERS));
