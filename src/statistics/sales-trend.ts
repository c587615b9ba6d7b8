/** The sales trend per day, month, quarter or year, with the same period a year earlier. */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { addYears, centsToMoney, Grain, GRAINS, isPartialPeriod, periodsBetween, periodYearLater } from '../domain/sales-periods';
import { DashboardFilters, DashboardInput, oneOf, parseDashboardQuery, today } from './dashboard-query';
import { groupedSums } from './sales-sums';

type Query = Record<string, unknown>;

const otherCurrencyOrders = async (strapi: Core.Strapi, filters: DashboardFilters): Promise<number> =>
  (await groupedSums(strapi, filters, 'total', '<>')).get('all')?.orders ?? 0;

export interface TrendRow {
  period: string;
  amount: string;
  quantity: number;
  orders: number;
  previousAmount: string;
  /** The period is covered only in part (still running, or cut by the range): not comparable as a whole. */
  partial: boolean;
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
  const now = today(strapi);
  const rows = periodsBetween(filters.from, filters.to, grain).map((period) => {
    const sums = current.get(period) ?? zero;
    return {
      period,
      amount: centsToMoney(sums.amount),
      quantity: sums.quantity,
      orders: sums.orders,
      previousAmount: centsToMoney(previousByPeriod.get(period) ?? 0),
      partial: isPartialPeriod(period, grain, filters, now),
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

export const trendFor = (strapi: Core.Strapi, { filters, params }: DashboardInput<typeof TREND_PARAMETERS>): Promise<SalesTrend> =>
  trendOf(strapi, filters, params.grain);

export const salesTrend = async (strapi: Core.Strapi, query: Query): Promise<SalesTrend> =>
  trendFor(strapi, await parseDashboardQuery(strapi, query, TREND_PARAMETERS));
