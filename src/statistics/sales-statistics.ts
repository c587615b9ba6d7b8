/**
 * Sales statistics of the dashboard, in SQL on PostgreSQL and SQLite alike, over the sales roll-up
 * (./sales-facts.ts: one row per counted order line, amounts in integer cents): the trend per
 * day / month / quarter / year with the same period a year earlier, the breakdown by region,
 * salesperson, customer, specification or product category (top N and the rest), the completion
 * of the sales targets, the month widget and the filter choices. "Sales" are the lines of orders
 * neither draft nor cancelled, dated by the order date, in CNY; orders in other currencies are only
 * counted (`otherCurrencyOrders`). JavaScript only fills empty periods, divides and formats.
 *
 * The parts: the sums (./sales-sums.ts), the trend (./sales-trend.ts), the breakdown
 * (./sales-breakdown.ts), the targets (./sales-targets.ts) and the names shown
 * (./sales-labels.ts); here the month widget, the filter choices and the complaint filters.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { centsToMoney, defaultRange, monthEnd, monthStart, ratio, sameDaysLastMonth } from '../domain/sales-periods';
import { DashboardFilters, today } from './dashboard-query';
import { statisticsOf } from './complaint-statistics';
import { SALES_FACTS } from './sales-facts';
import { labelled } from './sales-labels';
import { CURRENCY, groupedSums, int, run } from './sales-sums';
import { metaOf } from '../platform/table-meta';
import { CUSTOMER, PRODUCT, SALES_TARGET as TARGET } from '../platform/uids';

/**
 * Sales of the current calendar month so far against the same days of last month (the change), and
 * the whole of last month beside them.
 */
export const salesMonthWidget = async (strapi: Core.Strapi) => {
  const now = today(strapi);
  const month = async (from: string, to: string) =>
    (await groupedSums(strapi, { from, to }, 'total')).get('all') ?? { amount: new Decimal(0), quantity: 0, orders: 0 };
  const sameDays = sameDaysLastMonth(now);
  const [thisMonth, lastMonthSoFar, lastMonth] = await Promise.all([
    month(monthStart(now), now),
    month(sameDays.from, sameDays.to),
    month(monthStart(now, -1), monthEnd(monthStart(now, -1))),
  ]);
  const figure = (sums: { amount: Decimal; orders: number }) => ({ amount: centsToMoney(sums.amount), orders: sums.orders });
  return {
    month: now.slice(0, 7),
    today: now,
    thisMonth: figure(thisMonth),
    sameDaysLastMonth: { ...sameDays, ...figure(lastMonthSoFar) },
    lastMonth: figure(lastMonth),
    change: ratio(thisMonth.amount.minus(lastMonthSoFar.amount), lastMonthSoFar.amount),
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
    run<{ region: string }>(
      strapi,
      `SELECT DISTINCT ${c.column('region')} AS region FROM ${c.table} WHERE ${c.column('region')} IS NOT NULL ORDER BY 1`,
      []
    ),
    run<{ id: unknown }>(strapi, `SELECT DISTINCT ${salesperson.target} AS id FROM ${salesperson.table}`, []),
    run<{ category: string }>(
      strapi,
      `SELECT DISTINCT ${p.column('category')} AS category FROM ${p.table} WHERE ${p.column('category')} IS NOT NULL ORDER BY 1`,
      []
    ),
    run<{ first: string | null; last: string | null }>(
      strapi,
      `SELECT MIN(order_date) AS first, MAX(order_date) AS last FROM ${SALES_FACTS} WHERE currency = ?`,
      [CURRENCY]
    ),
    run<{ year: unknown }>(strapi, `SELECT DISTINCT ${t.column('year')} AS year FROM ${t.table}`, []),
  ]);
  const years = new Set(targetYears.map((row) => int(row.year)));
  const [first, last] = [range[0]?.first, range[0]?.last];
  if (first && last) for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year += 1) years.add(year);
  const labels = await labelled(
    strapi,
    'salesperson',
    salespeople.map((row) => String(row.id))
  );
  return {
    regions: regions.map((row) => row.region),
    salespeople: [...labels.values()]
      .map(({ key, label }) => ({ id: Number(key), name: label }))
      .sort((x, y) => x.name.localeCompare(y.name)),
    categories: categories.map((row) => row.category),
    years: [...years].sort((x, y) => x - y),
    // What the statistics cover when the user sets no dates, shown in the date inputs.
    defaultRange: defaultRange(today(strapi)),
  };
};

/**
 * The complaint statistics under the dashboard's filters: dates and customer as theirs, the rest
 * (the customer's region and salesperson, the product's category) as their scope.
 */
export const dashboardComplaints = (strapi: Core.Strapi, { filters }: { filters: DashboardFilters }) =>
  statisticsOf(
    strapi,
    { from: filters.from, to: filters.to, customer: filters.customer, customerId: filters.customerId },
    { scope: { region: filters.region, salespersonId: filters.salespersonId, productCategory: filters.category } }
  );
