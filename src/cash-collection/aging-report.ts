/**
 * The aging report (账龄分析) over HTTP, for REST (GET /api/receivables/aging) and the admin panel:
 * checks the query (a 400 naming each bad parameter), asks `receivableAging` for the figures and
 * answers JSON, or an XLSX sheet with one row per group and one money column per bucket.
 *   asOf=YYYY-MM-DD (today in the report zone when absent, never in the future)
 *   groupBy=bucket|customer|salesperson|region   region=...   salesperson=<staff user id>
 *   top=N (1–1000)   currency=CNY|USD|EUR   format=json|xlsx
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { dateIn, isCalendarDate } from '../domain/business-date';
import { declareQuery, oneOf, QueryValues, staffUser, text, wholeNumber } from '../platform/query-input';
import { Column, Row, toXlsx } from '../platform/table-export';
import { reportTimeZone } from '../platform/settings';
import { CURRENCIES, DEFAULT_CURRENCY } from '../domain/money';
import { Aging, AGING_GROUPS, AgingGroup, receivableAging } from './receivable-aging';
import { message } from '../domain/messages';

const FORMATS = ['json', 'xlsx'] as const;
const MAX_TOP = 1000;

const GROUP_HEADERS: Record<AgingGroup, string> = {
  bucket: '范围 Scope',
  customer: '客户 Customer',
  salesperson: '业务员 Salesperson',
  region: '区域 Region',
};

/** The aging's query parameters: as of (today when absent, never in the future), grouping, filters, format. */
export const agingQuery = (strapi: Core.Strapi) => {
  const today = () => dateIn(reportTimeZone(strapi));
  return declareQuery({
    asOf: {
      fallback: today,
      schema: { type: 'string', format: 'date', description: 'today when absent; not in the future' },
      read: (value: string) => {
        if (!isCalendarDate(value)) return { problem: message('field.date') };
        return value > today() ? { problem: message('date.future', { today: today() }) } : value;
      },
    },
    groupBy: oneOf(AGING_GROUPS, 'bucket'),
    region: text(),
    salesperson: staffUser(strapi),
    top: wholeNumber(1, MAX_TOP, undefined),
    currency: oneOf(CURRENCIES, DEFAULT_CURRENCY),
    format: oneOf(FORMATS, 'json'),
  });
};

export type AgingQuery = QueryValues<ReturnType<typeof agingQuery>>;

/** The aging as one sheet: a row per group, a column per bucket, the total; the totals row last. */
export const agingXlsx = (aging: Aging, timeZone: string): Promise<Buffer> => {
  const columns: Column[] = [
    { key: 'group', header: GROUP_HEADERS[aging.groupBy], kind: 'text', width: 32 },
    ...aging.buckets.map((bucket): Column => ({
      key: bucket.key,
      header: `${bucket.label.zh} ${bucket.label.en}`,
      kind: 'money',
      width: 18,
    })),
    { key: 'total', header: '合计 Total', kind: 'money', width: 18 },
  ];
  const rows: Row[] = aging.rows.map((row) => ({
    group: aging.groupBy === 'bucket' ? `截至 As of ${aging.asOf}` : row.label || '—',
    ...row.amounts,
    total: row.total,
  }));
  if (aging.groupBy !== 'bucket') rows.push({ group: '合计 Total', ...aging.totals.amounts, total: aging.totals.total });
  return toXlsx(columns, rows, { sheetName: `账龄 ${aging.asOf}`, timeZone });
};

/** Answers an aging request, the same for REST and the admin panel. */
export const sendAging = async (strapi: Core.Strapi, ctx: Context, query: AgingQuery): Promise<void> => {
  const { salesperson, format, ...options } = query;
  const aging = await receivableAging(strapi, { ...options, salespersonId: salesperson });
  if (format === 'json') {
    ctx.body = { data: aging };
    return;
  }
  ctx.attachment(`receivable-aging-${aging.asOf}-${aging.groupBy}.xlsx`);
  ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  ctx.body = await agingXlsx(aging, reportTimeZone(strapi));
};
