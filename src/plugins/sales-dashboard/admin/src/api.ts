/**
 * The admin panel's client for the dashboard routes (/sales-dashboard/..., docs/dashboard.md), on
 * Strapi's fetch client. Each statistic is a route plus its query; the same query downloads its
 * table as XLSX from /sales-dashboard/export/:table, so the file always matches what is shown.
 */
import type { FetchClient } from '@strapi/strapi/admin';
import { fetchFile } from '../../../../admin/files';
import { PLUGIN_ID } from './pluginId';

/** An exact amount in CNY, a decimal string with two places ("1234.50"). */
export type Money = string;
/** A fraction as a decimal string with four places ("0.1234"). */
export type Fraction = string;

export type Grain = 'day' | 'month' | 'quarter' | 'year';
export const GRAINS: Grain[] = ['day', 'month', 'quarter', 'year'];

export interface FilterChoices {
  regions: string[];
  salespeople: { id: number; name: string }[];
  categories: string[];
  years: number[];
  /** The range the statistics cover when no dates are chosen. */
  defaultRange: { from: string; to: string };
}

export interface TrendRow {
  period: string;
  amount: Money;
  quantity: number;
  orders: number;
  previousAmount: Money;
  /** Covered only in part (the running period, or cut by the range). */
  partial: boolean;
}
export interface Trend {
  grain: Grain;
  rows: TrendRow[];
  totals: { amount: Money; quantity: number; orders: number };
  otherCurrencyOrders: number;
}

export type BreakdownBy = 'region' | 'salesperson' | 'customer' | 'spec' | 'category';
export interface BreakdownRow {
  key: string;
  label: string;
  amount: Money;
  quantity: number;
  share: Fraction;
}
export interface Breakdown {
  by: BreakdownBy;
  rows: BreakdownRow[];
  others: { amount: Money; quantity: number; count: number };
  total: { amount: Money; quantity: number };
}

export type TargetsBy = 'salesperson' | 'region';
export interface TargetRow {
  key: string;
  label: string;
  target: Money | null;
  actual: Money;
  completion: Fraction | null;
}
export interface Targets {
  year: number;
  by: TargetsBy;
  rows: TargetRow[];
}

export const AGING_BUCKETS = ['not_due', 'd1_30', 'd31_60', 'd61_90', 'd91_180', 'd180_plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];
export type AgingGroupBy = 'bucket' | 'customer' | 'salesperson' | 'region';
export interface AgingRow {
  key: string;
  label: string;
  amounts: Record<AgingBucket, Money>;
  total: Money;
}
export interface Aging {
  asOf: string;
  buckets: { key: AgingBucket; label: string }[];
  rows: AgingRow[];
  totals: { amounts: Record<AgingBucket, Money>; total: Money };
}

export interface CollectionRow {
  month: string;
  billed: Money;
  collected: Money;
}
export interface Collection {
  rows: CollectionRow[];
}

export interface OverdueRow {
  key: string;
  label: string;
  overdue: Money;
  oldestDaysOverdue: number;
}
export interface OverdueTop {
  rows: OverdueRow[];
}

export interface SalesMonth {
  month: string;
  today: string;
  /** This month so far. */
  thisMonth: { amount: Money; orders: number };
  /** Last month's days 1 to today's day: what `change` compares with. */
  sameDaysLastMonth: { from: string; to: string; amount: Money; orders: number };
  lastMonth: { amount: Money; orders: number };
  change: Fraction | null;
}

export interface ReceivablesOverdue {
  overdueAmount: Money;
  customers: number;
  openAmount: Money;
}

/** Query parameters; empty values are left out so that the server applies its defaults. */
export type Params = Record<string, string | number | undefined | null>;

export const queryString = (params: Params) => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** Each table's route; `/export/:table` takes the same query. */
export const TABLE_ROUTES = {
  trend: 'sales/trend',
  breakdown: 'sales/breakdown',
  targets: 'sales/targets',
  aging: 'receivables/aging',
  collection: 'receivables/collection',
  'overdue-top': 'receivables/overdue-top',
} as const;
export type TableName = keyof typeof TABLE_ROUTES;

export interface TableAnswers {
  trend: Trend;
  breakdown: Breakdown;
  targets: Targets;
  aging: Aging;
  collection: Collection;
  'overdue-top': OverdueTop;
}

const get = async <T>(client: FetchClient, route: string, params: Params = {}, signal?: AbortSignal): Promise<T> =>
  (await client.get<T>(`/${PLUGIN_ID}/${route}${queryString(params)}`, { signal })).data;

export const dashboardApi = (client: FetchClient) => ({
  filters: (signal?: AbortSignal) => get<FilterChoices>(client, 'filters', {}, signal),
  table: <N extends TableName>(table: N, params: Params, signal?: AbortSignal) =>
    get<TableAnswers[N]>(client, TABLE_ROUTES[table], params, signal),
  salesMonth: (signal?: AbortSignal) => get<SalesMonth>(client, 'widgets/sales-month', {}, signal),
  receivablesOverdue: (signal?: AbortSignal) => get<ReceivablesOverdue>(client, 'widgets/receivables-overdue', {}, signal),
  export: (table: TableName, params: Params) => fetchFile(client, `/${PLUGIN_ID}/export/${table}${queryString(params)}`, `${table}.xlsx`),
});

export type DashboardApi = ReturnType<typeof dashboardApi>;
