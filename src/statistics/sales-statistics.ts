/**
 * Sales statistics of the dashboard, in SQL on PostgreSQL and SQLite alike, over the sales roll-up
 * (./sales-facts.ts: one row per counted order line, amounts in integer cents): the trend per
 * day / month / quarter / year with the same period a year earlier, the breakdown by region,
 * salesperson, customer, specification or product category (top N and the rest), the completion
 * of the sales targets, the month widget and the filter choices. "Sales" are the lines of orders
 * neither draft nor cancelled, dated by the order date, in CNY; orders in other currencies are only
 * counted (`otherCurrencyOrders`). JavaScript only fills empty periods, divides and formats.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { addYears, centsToMoney, Grain, GRAINS, monthEnd, monthStart, periodsBetween, periodYearLater, ratio, splitByWholeMonths } from '../domain/sales-periods';
import { DashboardFilters, oneOf, parseDashboardQuery, today, wholeNumber } from './dashboard-query';
import { ALL_CATEGORIES, SALES_DAILY, SALES_FACTS, SALES_MONTHLY, SALES_MONTHLY_BY } from './sales-facts';
import { metaOf } from '../platform/table-meta';
import { partyConditions } from '../platform/party-conditions';
import { rowsOf } from '../platform/roll-up-writes';
import { CUSTOMER, PRODUCT, SALES_TARGET as TARGET } from '../platform/uids';

export const CURRENCY = 'CNY';

type Binding = string | number;
type Query = Record<string, unknown>;
interface Sql {
  sql: string;
  bindings: Binding[];
}

const run = async <Row>(strapi: Core.Strapi, sql: string, bindings: Binding[]): Promise<Row[]> =>
  rowsOf<Row>(await strapi.db.connection.raw(sql, bindings));
const int = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const cents = (value: unknown): Decimal => new Decimal(value === null || value === undefined ? 0 : String(value));

/** FROM and WHERE of the counted lines matching the filters (in CNY unless `currency` says otherwise). */
const factsWhere = (strapi: Core.Strapi, filters: DashboardFilters, { currency = '=' }: { currency?: '=' | '<>' } = {}): Sql => {
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
const periodSql = (grain: Grain, column: string): string => {
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

interface Sums {
  amount: Decimal;
  quantity: number;
  orders: number;
}

/** What the sums are grouped by: a period of a grain, or one of the cube's dimensions, or nothing. */
type Grouping = { period: Grain } | { dimension: 'region' | 'salesperson' | 'category' } | 'total';

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
    into.set(key, { amount: sums.amount.plus(cents(row.amount)), quantity: sums.quantity + int(row.quantity), orders: sums.orders + int(row.orders) });
  }
};

/** Sums over the line-level roll-up for [from, to] (any days). */
const factSums = async (strapi: Core.Strapi, filters: DashboardFilters, grouping: Grouping, currency: '=' | '<>', into: Map<string, Sums>) => {
  const from = factsWhere(strapi, filters, { currency });
  const { key, join } = factsGroup(strapi, grouping);
  const fromSql = join ? from.sql.replace(`FROM ${SALES_FACTS} f`, `FROM ${SALES_FACTS} f ${join}`) : from.sql;
  addInto(
    into,
    await run(strapi, `SELECT ${key} AS group_key, SUM(f.amount_cents) AS amount, SUM(f.quantity) AS quantity, COUNT(DISTINCT f.order_id) AS orders ${fromSql} GROUP BY 1`, from.bindings)
  );
};

/** Sums over a cube for the periods [first, last] (months of the monthly cube, days of the daily one). */
const cubeSums = async (strapi: Core.Strapi, filters: DashboardFilters, grouping: Grouping, currency: '=' | '<>', cube: Cube, first: string, last: string, into: Map<string, Sums>) => {
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
const groupedSums = async (strapi: Core.Strapi, filters: DashboardFilters, grouping: Grouping, currency: '=' | '<>' = '='): Promise<Map<string, Sums>> => {
  const sums = new Map<string, Sums>();
  if (filters.customerId !== undefined) {
    await factSums(strapi, filters, grouping, currency, sums);
    return sums;
  }
  const bySalesperson = filters.salespersonId !== undefined || (grouping !== 'total' && 'dimension' in grouping && grouping.dimension === 'salesperson');
  const days = (range: DashboardFilters) =>
    bySalesperson ? factSums(strapi, range, grouping, currency, sums) : cubeSums(strapi, range, grouping, currency, DAILY, range.from, range.to, sums);
  const split = splitByWholeMonths(filters.from, filters.to);
  if (grouping !== 'total' && 'period' in grouping && grouping.period === 'day') split.days = [[filters.from, filters.to]];
  else if (split.months) await cubeSums(strapi, filters, grouping, currency, MONTHLY, split.months[0], split.months[1], sums);
  for (const [from, to] of split.days) await days({ ...filters, from, to });
  return sums;
};

const otherCurrencyOrders = async (strapi: Core.Strapi, filters: DashboardFilters): Promise<number> =>
  (await groupedSums(strapi, filters, 'total', '<>')).get('all')?.orders ?? 0;

export interface TrendRow {
  period: string;
  amount: string;
  quantity: number;
  orders: number;
  previousAmount: string;
}

export interface SalesTrend {
  grain: Grain;
  from: string;
  to: string;
  rows: TrendRow[];
  totals: { amount: string; quantity: number; orders: number };
  otherCurrencyOrders: number;
}

export const trendOf = async (strapi: Core.Strapi, filters: DashboardFilters, grain: Grain): Promise<SalesTrend> => {
  const previousFilters = { ...filters, from: addYears(filters.from, -1), to: addYears(filters.to, -1) };
  const [current, previous, others] = await Promise.all([
    groupedSums(strapi, filters, { period: grain }),
    groupedSums(strapi, previousFilters, { period: grain }),
    otherCurrencyOrders(strapi, filters),
  ]);
  const previousByPeriod = new Map([...previous].map(([period, sums]) => [periodYearLater(period), sums.amount]));
  const zero = { amount: new Decimal(0), quantity: 0, orders: 0 };
  const rows = periodsBetween(filters.from, filters.to, grain).map((period) => {
    const sums = current.get(period) ?? zero;
    return {
      period,
      amount: centsToMoney(sums.amount),
      quantity: sums.quantity,
      orders: sums.orders,
      previousAmount: centsToMoney(previousByPeriod.get(period) ?? 0),
    };
  });
  const all = [...current.values()];
  return {
    grain,
    from: filters.from,
    to: filters.to,
    rows,
    totals: {
      amount: centsToMoney(all.reduce((sum, row) => sum.plus(row.amount), new Decimal(0))),
      quantity: all.reduce((sum, row) => sum + row.quantity, 0),
      orders: all.reduce((sum, row) => sum + row.orders, 0),
    },
    otherCurrencyOrders: others,
  };
};

export const TREND_PARAMETERS = { grain: oneOf(GRAINS, 'month') };

export const salesTrend = async (strapi: Core.Strapi, query: Query): Promise<SalesTrend> => {
  const { filters, params } = await parseDashboardQuery(strapi, query, TREND_PARAMETERS);
  return trendOf(strapi, filters, params.grain);
};

export const BREAKDOWNS = ['region', 'salesperson', 'customer', 'spec', 'category'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export const MAX_TOP = 100;

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

/** The grouping expression of each breakdown; '' stands for "none recorded" (no salesperson, no region). */
const breakdownKey = (strapi: Core.Strapi, by: Breakdown): { key: string; join: string } => {
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

/** Labels of the shown keys: names of salespeople, code and name of customers (keyed by documentId). */
const labelled = async (strapi: Core.Strapi, by: Breakdown, keys: string[]): Promise<Map<string, { key: string; label: string }>> => {
  const ids = keys.filter((key) => key !== '').map(Number);
  const labels = new Map(keys.map((key) => [key, { key, label: key === '' ? '(none)' : key }]));
  if (ids.length === 0) return labels;
  if (by === 'salesperson') {
    const users = await strapi.db.query('plugin::users-permissions.user').findMany({ where: { id: { $in: ids } }, select: ['id', 'displayName', 'username'] });
    for (const user of users) labels.set(String(user.id), { key: String(user.id), label: user.displayName || user.username });
  }
  if (by === 'customer') {
    const customers = await strapi.db.query(CUSTOMER).findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId', 'code', 'name'] });
    for (const customer of customers) labels.set(String(customer.id), { key: customer.documentId, label: `${customer.code ?? ''} ${customer.name}`.trim() });
  }
  return labels;
};

/** The groups of a breakdown, largest first, with their number and the grand totals. */
interface Ranked {
  rows: { key: string; amount: Decimal; quantity: number }[];
  groups: number;
  totalAmount: Decimal;
  totalQuantity: number;
}

/** Region, salesperson and category have few groups: summed (cube and edges) and ranked here. */
const rankedFromSums = async (strapi: Core.Strapi, filters: DashboardFilters, by: 'region' | 'salesperson' | 'category', top: number): Promise<Ranked> => {
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
  const unfiltered = filters.region === undefined && filters.salespersonId === undefined && filters.category === undefined && filters.customerId === undefined;
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
  const rows = await run<{ group_key: string; amount: unknown; quantity: unknown; groups: unknown; total_amount: unknown; total_quantity: unknown }>(
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
  const ranked = by === 'customer' || by === 'spec' ? await rankedInDatabase(strapi, filters, by, top) : await rankedFromSums(strapi, filters, by, top);
  const labels = await labelled(strapi, by, ranked.rows.map((row) => row.key));
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
    others: { amount: centsToMoney(ranked.totalAmount.minus(shownAmount)), quantity: ranked.totalQuantity - shownQuantity, count: ranked.groups - ranked.rows.length },
    total: { amount: centsToMoney(ranked.totalAmount), quantity: ranked.totalQuantity },
  };
};

export const BREAKDOWN_PARAMETERS = { by: oneOf(BREAKDOWNS, 'region'), top: wholeNumber(1, MAX_TOP, 10) };

export const salesBreakdown = async (strapi: Core.Strapi, query: Query): Promise<SalesBreakdown> => {
  const { filters, params } = await parseDashboardQuery(strapi, query, BREAKDOWN_PARAMETERS);
  return breakdownOf(strapi, filters, params.by, params.top);
};

export const TARGET_SUBJECTS = ['salesperson', 'region'] as const;
export type TargetSubject = (typeof TARGET_SUBJECTS)[number];

export interface TargetRow {
  key: string;
  label: string;
  target: string | null;
  actual: string;
  completion: string | null;
}

export interface SalesTargets {
  year: number;
  by: TargetSubject;
  rows: TargetRow[];
}

/**
 * The year's target of each salesperson or region against the year's sales. A subject's target
 * for the year is its annual target; without one, the sum of its quarterly targets; without those,
 * the sum of its monthly targets. Subjects with sales but no target are listed with target null.
 */
export const targetsOf = async (strapi: Core.Strapi, year: number, by: TargetSubject): Promise<SalesTargets> => {
  const t = metaOf(strapi, TARGET);
  const salesperson = t.link('salesperson');
  const subject = by === 'salesperson' ? `CAST(ts.${salesperson.target} AS VARCHAR(20))` : `t.${t.column('region')}`;
  const targetRows = await run<{ subject: string; grain: string; amount: unknown }>(
    strapi,
    `SELECT ${subject} AS subject,
        CASE WHEN t.${t.column('month')} IS NOT NULL THEN 'month' WHEN t.${t.column('quarter')} IS NOT NULL THEN 'quarter' ELSE 'year' END AS grain,
        SUM(CAST(ROUND(t.${t.column('amount')} * 100) AS BIGINT)) AS amount
     FROM ${t.table} t LEFT JOIN ${salesperson.table} ts ON ts.${salesperson.owner} = t.id
     WHERE t.${t.column('year')} = ? AND ${subject} IS NOT NULL
     GROUP BY 1, 2`,
    [year]
  );
  const targets = new Map<string, Decimal>();
  for (const grain of ['month', 'quarter', 'year']) {
    // Coarser targets replace finer ones: year over quarters over months.
    for (const row of targetRows.filter((candidate) => candidate.grain === grain)) targets.set(String(row.subject), cents(row.amount));
  }
  const sums = await groupedSums(strapi, { from: `${year}-01-01`, to: `${year}-12-31` }, { dimension: by });
  const actuals = new Map([...sums].filter(([key]) => key !== '').map(([key, sum]) => [key, sum.amount]));
  const keys = [...new Set([...targets.keys(), ...actuals.keys()])];
  const labels = by === 'salesperson' ? await labelled(strapi, 'salesperson', keys) : new Map(keys.map((key) => [key, { key, label: key }]));
  const rows = keys.map((key) => {
    const target = targets.get(key);
    const actual = actuals.get(key) ?? new Decimal(0);
    return {
      key,
      label: labels.get(key)?.label ?? key,
      target: target === undefined ? null : centsToMoney(target),
      actual: centsToMoney(actual),
      completion: target === undefined ? null : ratio(actual, target),
    };
  });
  rows.sort((x, y) => new Decimal(y.actual).comparedTo(x.actual) || x.label.localeCompare(y.label));
  return { year, by, rows };
};

export const TARGET_PARAMETERS = {
  year: wholeNumber(2000, 2100, () => 0),
  by: oneOf(TARGET_SUBJECTS, 'salesperson'),
};

export const salesTargets = async (strapi: Core.Strapi, query: Query): Promise<SalesTargets> => {
  const { params } = await parseDashboardQuery(strapi, query, TARGET_PARAMETERS, { filters: false });
  return targetsOf(strapi, params.year || Number(today(strapi).slice(0, 4)), params.by);
};

/** Sales of the current calendar month so far against the whole previous month. */
export const salesMonthWidget = async (strapi: Core.Strapi) => {
  const now = today(strapi);
  const month = async (from: string, to: string) => (await groupedSums(strapi, { from, to }, 'total')).get('all') ?? { amount: new Decimal(0), quantity: 0, orders: 0 };
  const [thisMonth, lastMonth] = await Promise.all([month(monthStart(now), monthEnd(now)), month(monthStart(now, -1), monthEnd(monthStart(now, -1)))]);
  return {
    month: now.slice(0, 7),
    thisMonth: { amount: centsToMoney(thisMonth.amount), orders: thisMonth.orders },
    lastMonth: { amount: centsToMoney(lastMonth.amount), orders: lastMonth.orders },
    change: ratio(thisMonth.amount.minus(lastMonth.amount), lastMonth.amount),
  };
};

/**
 * What the filter bar offers: the customers' regions, the salespeople customers are assigned to,
 * product categories, and the years with sales or targets. Read from the small tables (customers,
 * products, targets; the roll-up only through its date index), never by scanning the order lines.
 */
export const salesFilterChoices = async (strapi: Core.Strapi) => {
  const p = metaOf(strapi, PRODUCT);
  const c = metaOf(strapi, CUSTOMER);
  const t = metaOf(strapi, TARGET);
  const salesperson = c.link('salesperson');
  const [regions, salespeople, categories, range, targetYears] = await Promise.all([
    run<{ region: string }>(strapi, `SELECT DISTINCT ${c.column('region')} AS region FROM ${c.table} WHERE ${c.column('region')} IS NOT NULL ORDER BY 1`, []),
    run<{ id: unknown }>(strapi, `SELECT DISTINCT ${salesperson.target} AS id FROM ${salesperson.table}`, []),
    run<{ category: string }>(strapi, `SELECT DISTINCT ${p.column('category')} AS category FROM ${p.table} WHERE ${p.column('category')} IS NOT NULL ORDER BY 1`, []),
    run<{ first: string | null; last: string | null }>(strapi, `SELECT MIN(order_date) AS first, MAX(order_date) AS last FROM ${SALES_FACTS} WHERE currency = ?`, [CURRENCY]),
    run<{ year: unknown }>(strapi, `SELECT DISTINCT ${t.column('year')} AS year FROM ${t.table}`, []),
  ]);
  const years = new Set(targetYears.map((row) => int(row.year)));
  const [first, last] = [range[0]?.first, range[0]?.last];
  if (first && last) for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year += 1) years.add(year);
  const labels = await labelled(strapi, 'salesperson', salespeople.map((row) => String(row.id)));
  return {
    regions: regions.map((row) => row.region),
    salespeople: [...labels.values()].map(({ key, label }) => ({ id: Number(key), name: label })).sort((x, y) => x.name.localeCompare(y.name)),
    categories: categories.map((row) => row.category),
    years: [...years].sort((x, y) => x - y),
  };
};

/** The dashboard's filters as the complaint statistics take them: parameters, and the rest as their scope. */
export const complaintQuery = async (strapi: Core.Strapi, query: Query) => {
  const { filters } = await parseDashboardQuery(strapi, query, {});
  return {
    query: { from: filters.from, to: filters.to, ...(filters.customer ? { customer: filters.customer } : {}) },
    scope: { region: filters.region, salespersonId: filters.salespersonId, productCategory: filters.category },
  };
};

