/**
 * The customer's order statistics (客户订货统计一览表): per product and period (month, quarter or
 * year) the quantity and amount the customer ordered, beside the same period a year earlier, and
 * the products it ordered most. Read in one SQL statement from the sales roll-up's line facts
 * (src/statistics/sales-facts.ts: lines of orders neither draft nor cancelled, amounts in integer
 * cents, indexed by customer and order date), both ranges at once; answered as JSON or as an XLSX
 * workbook with the department's bilingual headers. REST: GET /api/customers/:documentId/order-statistics;
 * admin: GET /workflows/customer-file/:documentId/order-statistics.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import type { Context } from 'koa';
import { dateIn } from '../domain/business-date';
import { addYears, centsToMoney, periodsBetween, periodYearLater } from '../domain/sales-periods';
import type { Endpoint } from '../platform/endpoint';
import { calendarDate, declareQuery, oneOf, QueryValues } from '../platform/query-input';
import { reportTimeZone } from '../platform/settings';
import { Column, Row, sheetsToXlsx } from '../platform/table-export';
import { metaOf } from '../platform/table-meta';
import { CUSTOMER, PRODUCT } from '../platform/uids';
import { SALES_FACTS } from '../statistics/sales-facts';
import { periodSql } from '../statistics/sales-sums';
import { run } from './file-sql';
import { noSuchDocument } from '../platform/errors';
import { fieldProblem } from '../domain/validation-error';

export const STATISTIC_GRAINS = ['month', 'quarter', 'year'] as const;
const FORMATS = ['json', 'xlsx'] as const;
/** Ten years of months is 120 columns of a sheet: enough for any question a call brings. */
const MAX_YEARS = 10;
export const TOP_PRODUCTS = 10;

/** The query: grain, range (this year to today when absent), format. */
export const orderStatisticsQuery = (strapi: Core.Strapi) => {
  const today = () => dateIn(reportTimeZone(strapi));
  return declareQuery(
    {
      grain: oneOf(STATISTIC_GRAINS, 'month'),
      from: calendarDate(() => `${today().slice(0, 4)}-01-01`),
      to: calendarDate(today),
      format: oneOf(FORMATS, 'json'),
    },
    ({ from, to }) => [
      ...(from > to ? [fieldProblem(['from'], 'query.from_after_to')] : []),
      ...(addYears(from, MAX_YEARS) <= to ? [fieldProblem(['to'], 'query.years_after_from', { years: MAX_YEARS })] : []),
    ]
  );
};
export type OrderStatisticsQuery = QueryValues<ReturnType<typeof orderStatisticsQuery>>;

interface Figures {
  quantity: number;
  amountCents: Decimal;
  previousQuantity: number;
  previousAmountCents: Decimal;
}
const zero = (): Figures => ({ quantity: 0, amountCents: new Decimal(0), previousQuantity: 0, previousAmountCents: new Decimal(0) });

export const customerOrderStatistics = async (strapi: Core.Strapi, documentId: string, query: Omit<OrderStatisticsQuery, 'format'>) => {
  const customer = await strapi.db.query(CUSTOMER).findOne({ where: { documentId }, select: ['id', 'documentId', 'code', 'name'] });
  if (!customer) throw noSuchDocument('customer');
  const { grain, from, to } = query;
  const previousFrom = addYears(from, -1);
  const previousTo = addYears(to, -1);
  const p = metaOf(strapi, PRODUCT);
  const period = periodSql(grain, 'f.order_date');
  const rows = await run(
    strapi,
    `SELECT f.product_id, p.${p.column('sku')} AS sku, p.${p.column('name')} AS name, f.currency, ${period} AS period,
        CASE WHEN f.order_date >= ? THEN 1 ELSE 0 END AS current_span,
        SUM(f.quantity) AS quantity, SUM(f.amount_cents) AS amount_cents
      FROM ${SALES_FACTS} f LEFT JOIN ${p.table} p ON p.id = f.product_id
      WHERE f.customer_id = ? AND ((f.order_date >= ? AND f.order_date <= ?) OR (f.order_date >= ? AND f.order_date <= ?))
      GROUP BY 1, 2, 3, 4, 5, 6`,
    [from, customer.id, from, to, previousFrom, previousTo]
  );
  // The cells: product × currency × period of the asked range, last year's figures under the period a year later.
  const cells = new Map<
    string,
    { product: { id: number | null; sku: string | null; name: string | null }; currency: string; period: string } & Figures
  >();
  for (const row of rows) {
    const current = Number(row.current_span) === 1;
    const at = current ? String(row.period) : periodYearLater(String(row.period));
    const productId = row.product_id === null || row.product_id === undefined ? null : Number(row.product_id);
    const key = `${productId}|${row.currency}|${at}`;
    const cell = cells.get(key) ?? {
      product: { id: productId, sku: (row.sku as string | null) ?? null, name: (row.name as string | null) ?? null },
      currency: String(row.currency),
      period: at,
      ...zero(),
    };
    if (current) {
      cell.quantity += Number(row.quantity);
      cell.amountCents = cell.amountCents.plus(String(row.amount_cents));
    } else {
      cell.previousQuantity += Number(row.quantity);
      cell.previousAmountCents = cell.previousAmountCents.plus(String(row.amount_cents));
    }
    cells.set(key, cell);
  }
  const periods = periodsBetween(from, to, grain);
  const order = new Map(periods.map((p, i) => [p, i]));
  const sorted = [...cells.values()].sort(
    (a, b) =>
      (a.product.sku ?? '').localeCompare(b.product.sku ?? '') ||
      a.currency.localeCompare(b.currency) ||
      (order.get(a.period) ?? -1) - (order.get(b.period) ?? -1)
  );
  // Per product and currency over the whole range: the ranking of the products ordered most.
  const byProduct = new Map<string, (typeof sorted)[number]>();
  for (const cell of sorted) {
    const key = `${cell.product.id}|${cell.currency}`;
    const sum = byProduct.get(key) ?? { ...cell, period: `${from}..${to}`, ...zero() };
    sum.quantity += cell.quantity;
    sum.amountCents = sum.amountCents.plus(cell.amountCents);
    sum.previousQuantity += cell.previousQuantity;
    sum.previousAmountCents = sum.previousAmountCents.plus(cell.previousAmountCents);
    byProduct.set(key, sum);
  }
  const figures = (f: Figures) => ({
    quantity: f.quantity,
    amount: centsToMoney(f.amountCents),
    previousQuantity: f.previousQuantity,
    previousAmount: centsToMoney(f.previousAmountCents),
  });
  const top = [...byProduct.values()]
    .filter((p) => p.quantity > 0 || !p.amountCents.isZero())
    .sort(
      (a, b) =>
        b.amountCents.comparedTo(a.amountCents) || b.quantity - a.quantity || (a.product.sku ?? '').localeCompare(b.product.sku ?? '')
    )
    .slice(0, TOP_PRODUCTS);
  return {
    customer: { documentId: customer.documentId, code: customer.code, name: customer.name },
    grain,
    from,
    to,
    previousFrom,
    previousTo,
    periods,
    rows: sorted.map((cell) => ({ product: cell.product, currency: cell.currency, period: cell.period, ...figures(cell) })),
    topProducts: top.map((p) => ({ product: p.product, currency: p.currency, ...figures(p) })),
  };
};

export type CustomerOrderStatistics = Awaited<ReturnType<typeof customerOrderStatistics>>;

const COLUMNS: Column[] = [
  { key: 'sku', header: '产品编码 SKU', kind: 'text', width: 18 },
  { key: 'product', header: '产品 Product', kind: 'text', width: 32 },
  { key: 'currency', header: '币种 Currency', kind: 'text', width: 10 },
  { key: 'period', header: '期间 Period', kind: 'text', width: 12 },
  { key: 'quantity', header: '数量 Quantity', kind: 'integer', width: 14 },
  { key: 'amount', header: '金额 Amount', kind: 'money', width: 16 },
  { key: 'previousQuantity', header: '去年同期数量 Quantity a year earlier', kind: 'integer', width: 18 },
  { key: 'previousAmount', header: '去年同期金额 Amount a year earlier', kind: 'money', width: 18 },
];
const TOP_COLUMNS = COLUMNS.filter((column) => column.key !== 'period');

const sheetRow = (
  row: { product: { sku: string | null; name: string | null }; currency: string; period?: string } & Record<string, unknown>
): Row => ({
  sku: row.product.sku,
  product: row.product.name,
  currency: row.currency,
  period: row.period ?? null,
  quantity: row.quantity as number,
  amount: row.amount as string,
  previousQuantity: row.previousQuantity as number,
  previousAmount: row.previousAmount as string,
});

export const orderStatisticsXlsx = (statistics: CustomerOrderStatistics, timeZone: string): Promise<Buffer> =>
  sheetsToXlsx(
    [
      { columns: COLUMNS, rows: statistics.rows.map(sheetRow), sheetName: '订货统计 Orders' },
      { columns: TOP_COLUMNS, rows: statistics.topProducts.map(sheetRow), sheetName: '主要产品 Top products' },
    ],
    timeZone
  );

/** The endpoint, shared by REST's controller action and the admin route. */
export const orderStatisticsEndpoint = (strapi: Core.Strapi): Endpoint<ReturnType<typeof orderStatisticsQuery>['parameters']> => ({
  query: orderStatisticsQuery(strapi),
  handle: async (ctx: Context, { params, query }) => {
    const { format, ...range } = query;
    const statistics = await customerOrderStatistics(strapi, params.documentId, range);
    if (format === 'json') return { data: statistics };
    ctx.attachment(
      `customer-orders-${statistics.customer.code ?? statistics.customer.documentId}-${range.from}-${range.to}-${range.grain}.xlsx`
    );
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.body = await orderStatisticsXlsx(statistics, reportTimeZone(strapi));
    return undefined;
  },
});
