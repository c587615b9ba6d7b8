/**
 * The late-order watch (进度交期跟踪): every open order at risk today by the lateness rules of the
 * work list (`latenessOf`: promised date passed and not shipped, planned finish overrun, promised
 * after the customer's required date) and two risks only the watch looks for (packaging artwork not
 * confirmed a week before the finish, stock short for what an order shipping now still needs), with
 * what the coordinator needs to chase it — customer, salesperson, state, the three dates, the open
 * quantity, the reasons in words — and two counts:
 *   daysLate         today − promised date (positive: days past the promise; negative: days left)
 *   planToPromise    promised date − planned finish (negative: the plan finishes after the promise)
 * As JSON or as an XLSX sheet with bilingual headers (GET /api/orders/late, admin /workflows/late-orders).
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { dateIn } from '../domain/business-date';
import { LATE_REASON_LABELS, latenessOf, LateReason } from '../domain/my-work';
import { GOODS_GONE_STATES } from '../domain/shipping';
import type { Endpoint } from '../platform/endpoint';
import { declareQuery, oneOf } from '../platform/query-input';
import { adminRecordUrl } from '../platform/public-url';
import { reportTimeZone } from '../platform/settings';
import { Column, Row, toXlsx } from '../platform/table-export';
import { ORDER, SHIPMENT } from '../platform/uids';
import { lateOrderIds } from './late-order-query';

export interface LateOrder {
  documentId: string;
  number: string | null;
  customer: string | null;
  salesperson: string | null;
  state: string;
  promisedDate: string | null;
  requiredDate: string | null;
  plannedFinish: string | null;
  daysLate: number | null;
  planToPromise: number | null;
  orderedQuantity: number;
  openQuantity: number;
  reasons: LateReason[];
  link: string;
}

export interface LateOrderList {
  asOf: string;
  orders: LateOrder[];
}

const DAY = 24 * 60 * 60 * 1000;
/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

const text = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));

/** The open orders at risk on `asOf` (YYYY-MM-DD), the longest past their promise first. */
export const lateOrderList = async (strapi: Core.Strapi, asOf: string = dateIn(reportTimeZone(strapi))): Promise<LateOrderList> => {
  const ids: { id: number; artwork_open: unknown; stock_short: unknown }[] = await lateOrderIds(strapi, asOf, { withRisks: true }).query;
  if (ids.length === 0) return { asOf, orders: [] };
  const flags = new Map(
    ids.map((row) => [row.id, { artworkOpen: Number(row.artwork_open) === 1, stockShort: Number(row.stock_short) === 1 }])
  );
  const rows = await strapi.db.query(ORDER).findMany({
    where: { id: { $in: ids.map((row) => row.id) } },
    select: ['id', 'documentId', 'number', 'state', 'promisedDate', 'plannedFinish', 'requiredDate'],
    populate: {
      customer: { select: ['name'] },
      salesperson: { select: ['username', 'displayName'] },
      lines: { select: ['quantity'] },
    },
  });
  const shipments = await strapi.db.query(SHIPMENT).findMany({
    where: { order: { id: { $in: ids.map((row) => row.id) } }, state: { $in: [...GOODS_GONE_STATES] } },
    select: ['id'],
    populate: { order: { select: ['id'] }, lines: { select: ['quantity'] } },
  });
  const shipped = new Map<number, number>();
  for (const shipment of shipments) {
    const sum = (shipment.lines ?? []).reduce((total: number, line: { quantity: number }) => total + Number(line.quantity), 0);
    shipped.set(shipment.order.id, (shipped.get(shipment.order.id) ?? 0) + sum);
  }
  const orders = rows.flatMap((order): LateOrder[] => {
    const dates = {
      state: String(order.state),
      promisedDate: text(order.promisedDate),
      plannedFinish: text(order.plannedFinish),
      requiredDate: text(order.requiredDate),
    };
    const reasons = latenessOf({ ...dates, ...flags.get(order.id) }, asOf);
    if (reasons.length === 0) return [];
    const orderedQuantity = (order.lines ?? []).reduce((total: number, line: { quantity: number }) => total + Number(line.quantity), 0);
    const salesperson = order.salesperson ? order.salesperson.displayName || order.salesperson.username : null;
    return [
      {
        documentId: order.documentId,
        number: text(order.number),
        customer: text(order.customer?.name),
        salesperson: text(salesperson),
        ...dates,
        daysLate: dates.promisedDate ? daysBetween(dates.promisedDate, asOf) : null,
        planToPromise: dates.promisedDate && dates.plannedFinish ? daysBetween(dates.plannedFinish, dates.promisedDate) : null,
        orderedQuantity,
        openQuantity: Math.max(0, orderedQuantity - (shipped.get(order.id) ?? 0)),
        reasons,
        link: adminRecordUrl(strapi, { uid: ORDER, documentId: order.documentId }),
      },
    ];
  });
  orders.sort(
    (a, b) =>
      (b.daysLate ?? Number.NEGATIVE_INFINITY) - (a.daysLate ?? Number.NEGATIVE_INFINITY) ||
      (a.number ?? '').localeCompare(b.number ?? '') ||
      a.documentId.localeCompare(b.documentId)
  );
  return { asOf, orders };
};

export const reasonsInWords = (reasons: readonly LateReason[], language: 'zh' | 'en' | 'both' = 'both'): string =>
  reasons
    .map((reason) => {
      const label = LATE_REASON_LABELS[reason];
      return language === 'both' ? `${label.zh} ${label.en}` : label[language];
    })
    .join('; ');

/** The open states in words. */
export const STATE_WORDS: Record<string, { zh: string; en: string }> = {
  confirmed: { zh: '已确认', en: 'Confirmed' },
  scheduled: { zh: '已排产', en: 'Scheduled' },
  in_production: { zh: '生产中', en: 'In production' },
  ready: { zh: '待发货', en: 'Ready' },
  partially_shipped: { zh: '部分发货', en: 'Partially shipped' },
};

const COLUMNS: Column[] = [
  { key: 'number', header: '订单编号 Order', kind: 'text', width: 18 },
  { key: 'customer', header: '客户 Customer', kind: 'text', width: 30 },
  { key: 'salesperson', header: '业务员 Salesperson', kind: 'text', width: 16 },
  { key: 'state', header: '状态 State', kind: 'text', width: 22 },
  { key: 'requiredDate', header: '要求交期 Required', kind: 'date', width: 13 },
  { key: 'promisedDate', header: '承诺交期 Promised', kind: 'date', width: 13 },
  { key: 'plannedFinish', header: '计划完工 Planned finish', kind: 'date', width: 15 },
  { key: 'daysLate', header: '逾期天数 Days late', kind: 'integer', width: 12 },
  { key: 'planToPromise', header: '完工至交期天数 Days planned finish to promise', kind: 'integer', width: 16 },
  { key: 'openQuantity', header: '未发数量 Open quantity', kind: 'integer', width: 14 },
  { key: 'reasons', header: '原因 Reasons', kind: 'text', width: 60 },
];

export const lateOrdersXlsx = (list: LateOrderList, timeZone: string): Promise<Buffer> =>
  toXlsx(
    COLUMNS,
    list.orders.map((order): Row => ({
      number: order.number,
      customer: order.customer,
      salesperson: order.salesperson,
      state: STATE_WORDS[order.state] ? `${STATE_WORDS[order.state].zh} ${STATE_WORDS[order.state].en}` : order.state,
      requiredDate: order.requiredDate,
      promisedDate: order.promisedDate,
      plannedFinish: order.plannedFinish,
      daysLate: order.daysLate,
      planToPromise: order.planToPromise,
      openQuantity: order.openQuantity,
      reasons: reasonsInWords(order.reasons),
    })),
    { sheetName: `延期订单 ${list.asOf}`, timeZone }
  );

export const lateOrdersQuery = declareQuery({ format: oneOf(['json', 'xlsx'] as const, 'json') });

/** The endpoint, shared by REST's controller action and the admin route. */
export const lateOrdersEndpoint = (strapi: Core.Strapi): Endpoint<(typeof lateOrdersQuery)['parameters']> => ({
  query: lateOrdersQuery,
  handle: async (ctx: Context, { query }) => {
    const list = await lateOrderList(strapi);
    if (query.format === 'json') return { data: list };
    ctx.attachment(`late-orders-${list.asOf}.xlsx`);
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.body = await lateOrdersXlsx(list, reportTimeZone(strapi));
    return undefined;
  },
});

/** The attachment renderer (src/notifications/attachments.ts): `ref` is the list's day. */
export const lateOrdersAttachment = async (strapi: Core.Strapi, asOf: string) => ({
  filename: `late-orders-${asOf}.xlsx`,
  content: await lateOrdersXlsx(await lateOrderList(strapi, asOf), reportTimeZone(strapi)),
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
});
