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
import { FieldProblem } from '../domain/validation-error';
import { validationError } from '../platform/errors';
import { plainParameter } from '../platform/query-parameter';
import { Column, Row, toXlsx } from '../platform/table-export';
import { reportTimeZone } from '../platform/settings';
import { CURRENCIES, DEFAULT_CURRENCY, isCurrency } from '../domain/money';
import { Aging, AGING_GROUPS, AgingGroup, AgingOptions, receivableAging } from './receivable-aging';

const PARAMETERS = ['asOf', 'groupBy', 'region', 'salesperson', 'top', 'currency', 'format'] as const;
const FORMATS = ['json', 'xlsx'] as const;
const MAX_TOP = 1000;

const GROUP_HEADERS: Record<AgingGroup, string> = {
  bucket: '范围 Scope',
  customer: '客户 Customer',
  salesperson: '业务员 Salesperson',
  region: '区域 Region',
};

export const parseAgingQuery = async (
  strapi: Core.Strapi,
  query: Record<string, unknown>
): Promise<{ options: AgingOptions; format: (typeof FORMATS)[number] }> => {
  const problems: FieldProblem[] = [];
  for (const name of Object.keys(query)) {
    if (!(PARAMETERS as readonly string[]).includes(name)) problems.push({ path: [name], message: `unknown parameter; the aging takes ${PARAMETERS.join(', ')}` });
  }
  const text = (name: (typeof PARAMETERS)[number]) => plainParameter(query, name, problems);
  const today = dateIn(reportTimeZone(strapi));
  const asOf = text('asOf') ?? today;
  if (!isCalendarDate(asOf)) problems.push({ path: ['asOf'], message: 'must be a date YYYY-MM-DD' });
  else if (asOf > today) problems.push({ path: ['asOf'], message: `must not be in the future (today is ${today})` });
  const groupBy = text('groupBy') ?? 'bucket';
  if (!(AGING_GROUPS as readonly string[]).includes(groupBy)) problems.push({ path: ['groupBy'], message: `must be one of ${AGING_GROUPS.join(', ')}` });
  const format = text('format') ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format)) problems.push({ path: ['format'], message: `must be one of ${FORMATS.join(', ')}` });
  const currency = text('currency') ?? DEFAULT_CURRENCY;
  if (!isCurrency(currency)) problems.push({ path: ['currency'], message: `must be one of ${CURRENCIES.join(', ')}` });
  const topText = text('top');
  const top = topText === undefined ? undefined : Number(topText);
  if (topText !== undefined && (!/^\d+$/.test(topText) || top! < 1 || top! > MAX_TOP)) problems.push({ path: ['top'], message: `must be a whole number from 1 to ${MAX_TOP}` });
  const region = text('region');
  const salespersonText = text('salesperson');
  let salespersonId: number | undefined;
  if (salespersonText !== undefined) {
    if (!/^\d+$/.test(salespersonText)) problems.push({ path: ['salesperson'], message: "must be a salesperson's user id" });
    else {
      const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: Number(salespersonText) }, select: ['id'] });
      if (!user) problems.push({ path: ['salesperson'], message: `no staff user with id ${salespersonText}` });
      else salespersonId = user.id;
    }
  }
  if (problems.length > 0) throw validationError(problems);
  return { options: { asOf, groupBy: groupBy as AgingGroup, currency, top, region, salespersonId }, format: format as (typeof FORMATS)[number] };
};

/** The aging as one sheet: a row per group, a column per bucket, the total; the totals row last. */
export const agingXlsx = (aging: Aging, timeZone: string): Promise<Buffer> => {
  const columns: Column[] = [
    { key: 'group', header: GROUP_HEADERS[aging.groupBy], kind: 'text', width: 32 },
    ...aging.buckets.map((bucket): Column => ({ key: bucket.key, header: `${bucket.label.zh} ${bucket.label.en}`, kind: 'money', width: 18 })),
    { key: 'total', header: '合计 Total', kind: 'money', width: 18 },
  ];
  const rows: Row[] = aging.rows.map((row) => ({ group: aging.groupBy === 'bucket' ? `截至 As of ${aging.asOf}` : row.label || '—', ...row.amounts, total: row.total }));
  if (aging.groupBy !== 'bucket') rows.push({ group: '合计 Total', ...aging.totals.amounts, total: aging.totals.total });
  return toXlsx(columns, rows, { sheetName: `账龄 ${aging.asOf}`, timeZone });
};

/** Answers an aging request, the same for REST and the admin panel. */
export const sendAging = async (strapi: Core.Strapi, ctx: Context): Promise<void> => {
  const { options, format } = await parseAgingQuery(strapi, ctx.query as Record<string, unknown>);
  const aging = await receivableAging(strapi, options);
  if (format === 'json') {
    ctx.body = { data: aging };
    return;
  }
  ctx.attachment(`receivable-aging-${aging.asOf}-${aging.groupBy}.xlsx`);
  ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  ctx.body = await agingXlsx(aging, reportTimeZone(strapi));
};
