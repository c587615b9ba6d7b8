/**
 * Complaint statistics (投诉汇总统计) for GET /api/complaints/statistics: counts by month, category,
 * severity, product and customer, the justified rate, time to reply and to close (average and
 * nearest-rank 90th percentile), overdue complaints and customer satisfaction, and the same as an
 * XLSX summary. Everything is counted in the database (strapi.db.connection, bound values only,
 * table and column names from Strapi's metadata) on SQLite and PostgreSQL alike; JavaScript only
 * divides and rounds the aggregates.
 *
 * How each database stores a datetime decides the SQL (see `datetimeSql`):
 * - SQLite: epoch milliseconds (knex binds a Date as its valueOf()). Months in the report zone come
 *   from the zone's offsets over the data's range, computed by the platform (domain/zone-offsets).
 * - PostgreSQL: Strapi creates `timestamp(6)` WITHOUT time zone, and node-postgres writes a Date as
 *   the Node process's local wall clock; `AT TIME ZONE <process zone>` turns it back into an instant.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { addCellSheet, Cell } from '../platform/table-export';
import ExcelJS from 'exceljs';
import { addDays, isCalendarDate } from '../domain/business-date';
import { FieldProblem } from '../domain/validation-error';
import { plainParameter } from '../platform/query-parameter';
import { offsetPeriods, startOfDay } from '../domain/zone-offsets';
import { validationError } from '../platform/errors';
import { reportTimeZone } from '../platform/settings';
import { metaOf } from '../platform/table-meta';
import { COMPLAINT, CUSTOMER, PRODUCT } from '../platform/uids';


export const STATISTICS_FORMATS = ['json', 'xlsx'] as const;
export const STATISTICS_PARAMETERS = ['from', 'to', 'customer', 'category', 'severity'] as const;
/** How many products and customers are named; the rest are summed up as `others`. */
export const TOP_COUNT = 10;
/** States in which a passed deadline no longer counts as overdue: the reply is out or it is over. */
const NOT_OVERDUE_STATES = ['replied', 'closed', 'withdrawn'];

export interface Timeliness {
  /** Complaints with both instants (received and replied, or received and closed). */
  count: number;
  /** Hours, two places; null when count is 0. */
  averageHours: number | null;
  /** Nearest-rank 90th percentile: the ceil(0.9 n)-th shortest, in hours with two places. */
  p90Hours: number | null;
}

export interface GroupCount {
  count: number;
  justified: number;
  unjustified: number;
}

export interface ComplaintStatistics {
  filters: { from: string | null; to: string | null; customer: string | null; category: string | null; severity: string | null };
  timeZone: string;
  /** The instant overdue was judged at. */
  asOf: string;
  /** Complaints matching the filters, withdrawn ones not included (they are counted in `withdrawn`). */
  total: number;
  withdrawn: number;
  overdue: number;
  /** `rate` = justified / judged as a decimal string with four places ("0.6667"), null when none is judged. */
  judgement: { judged: number; justified: number; unjustified: number; rate: string | null };
  timeToReply: Timeliness;
  timeToClose: Timeliness;
  /** `average` of feedbackRating (1–5), two places, null without ratings. */
  satisfaction: { count: number; average: number | null };
  /** Calendar months (YYYY-MM) of receivedAt in the report zone, oldest first; null month: no receivedAt. */
  byMonth: ({ month: string | null } & GroupCount)[];
  byCategory: ({ category: string } & GroupCount)[];
  bySeverity: ({ severity: string } & GroupCount)[];
  byProduct: { top: { documentId: string; sku: string | null; name: string | null; count: number }[]; others: number; none: number };
  byCustomer: { top: { documentId: string; code: string | null; name: string | null; count: number }[]; others: number; none: number };
}

export interface StatisticsOptions {
  /** The instant deadlines are compared with; tests fix it. */
  now?: Date;
  /**
   * The sales dashboard's filters that are not parameters here: the customer's region and
   * salesperson, and the category of the complained-about product (not the complaint's category).
   */
  scope?: { region?: string; salespersonId?: number; productCategory?: string };
}

type Knex = Core.Strapi['db']['connection'];
type Query = Record<string, unknown>;
type Binding = string | number | Date;

interface Filters {
  from?: string;
  to?: string;
  customer?: string;
  customerId?: number;
  category?: string;
  severity?: string;
}

const enumValues = (strapi: Core.Strapi, attribute: string): string[] =>
  (strapi.contentType(COMPLAINT).attributes[attribute] as { enum: string[] }).enum;

/** Reads and checks every parameter, reporting all problems at once as one 400 naming each. */
const parseFilters = async (strapi: Core.Strapi, query: Query): Promise<Filters> => {
  const problems: FieldProblem[] = [];
  for (const name of Object.keys(query)) {
    if (!(STATISTICS_PARAMETERS as readonly string[]).includes(name)) {
      problems.push({ path: [name], message: `unknown parameter; the statistics take format, ${STATISTICS_PARAMETERS.join(', ')}` });
    }
  }
  const text = (name: (typeof STATISTICS_PARAMETERS)[number]) => plainParameter(query, name, problems);
  const filters: Filters = {};
  for (const name of ['from', 'to'] as const) {
    const value = text(name);
    if (value !== undefined && !isCalendarDate(value)) problems.push({ path: [name], message: 'must be a date YYYY-MM-DD' });
    else filters[name] = value;
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    problems.push({ path: ['to'], message: `must not be before from (${filters.from})` });
  }
  for (const name of ['category', 'severity'] as const) {
    const value = text(name);
    const allowed = enumValues(strapi, name);
    if (value !== undefined && !allowed.includes(value)) problems.push({ path: [name], message: `must be one of ${allowed.join(', ')}` });
    else filters[name] = value;
  }
  const customer = text('customer');
  if (customer !== undefined && !/^[a-z0-9]{1,64}$/.test(customer)) {
    problems.push({ path: ['customer'], message: "must be a customer's documentId" });
  }
  // A filter naming nobody is a typo, not an empty report: say so rather than count nothing.
  if (problems.length === 0 && customer !== undefined) {
    const found = await strapi.db.query(CUSTOMER).findOne({ where: { documentId: customer }, select: ['id'] });
    if (!found) problems.push({ path: ['customer'], message: `no customer with documentId ${customer}` });
    else Object.assign(filters, { customer, customerId: found.id });
  }
  if (problems.length > 0) throw validationError(problems);
  return filters;
};

/** SQL with its bindings, in the order they appear. */
interface Sql {
  sql: string;
  bindings: Binding[];
}

/**
 * The dialect's expressions for datetimes: the duration between two columns in whole milliseconds,
 * and the calendar month (YYYY-MM) of a column in the report zone.
 */
const datetimeSql = async (strapi: Core.Strapi, knex: Knex, timeZone: string, received: string, table: string) => {
  if (strapi.db.dialect.client === 'postgres') {
    const processZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const instant = (column: string): Sql => ({ sql: `(${column} AT TIME ZONE ?)`, bindings: [processZone] });
    return {
      durationMs: (later: string, earlier: string): Sql => {
        const [a, b] = [instant(later), instant(earlier)];
        return { sql: `ROUND(EXTRACT(EPOCH FROM (${a.sql} - ${b.sql})) * 1000)`, bindings: [...a.bindings, ...b.bindings] };
      },
      month: (column: string): Sql => {
        const at = instant(column);
        return { sql: `to_char(${at.sql} AT TIME ZONE ?, 'YYYY-MM')`, bindings: [...at.bindings, timeZone] };
      },
    };
  }
  // SQLite: the wall clock is the instant plus the zone's offset then; the offsets in force over
  // the stored range come from the platform's zone data (daylight saving included).
  const range = (await knex(table).min({ first: received }).max({ last: received }).first()) as { first: number | null; last: number | null };
  const periods = range?.first == null || range.last == null ? [] : offsetPeriods(timeZone, Number(range.first), Number(range.last));
  return {
    durationMs: (later: string, earlier: string): Sql => ({ sql: `(${later} - ${earlier})`, bindings: [] }),
    month: (column: string): Sql => {
      if (periods.length === 0) return { sql: 'NULL', bindings: [] };
      const later = periods.slice(1).reverse();
      const offset = later.length === 0 ? '?' : `CASE ${later.map(() => `WHEN ${column} >= ? THEN ?`).join(' ')} ELSE ? END`;
      return {
        sql: `strftime('%Y-%m', (${column} + ${offset}) / 1000.0, 'unixepoch')`,
        bindings: [...later.flatMap((period) => [period.from as number, period.offset]), periods[0].offset],
      };
    },
  };
};

const count = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const places = (value: Decimal.Value, digits: number): number => new Decimal(value).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toNumber();
const hours = (ms: Decimal.Value): number => places(new Decimal(ms).div(3_600_000), 2);

/** Checks the query (400 naming each bad parameter) and counts the complaints it asks for. */
export const complaintStatistics = async (
  strapi: Core.Strapi,
  query: Query,
  { now = new Date(), scope = {} }: StatisticsOptions = {}
): Promise<ComplaintStatistics> => {
  const filters = await parseFilters(strapi, query);
  const timeZone = reportTimeZone(strapi);
  const knex = strapi.db.connection;
  const complaint = metaOf(strapi, COMPLAINT);
  const customerLink = complaint.link('customer');
  const productLink = complaint.link('product');
  const customers = metaOf(strapi, CUSTOMER);
  const products = metaOf(strapi, PRODUCT);
  const col = (attribute: string) => `c.${knex.raw('??', [complaint.column(attribute)]).toQuery()}`;
  const id = (name: string) => knex.raw('??', [name]).toQuery();
  const received = col('receivedAt');
  const { durationMs, month } = await datetimeSql(strapi, knex, timeZone, complaint.column('receivedAt'), complaint.table);

  // One CTE with the filtered complaints (withdrawn included) and every derived value, so the
  // aggregates below read plain columns and are the same SQL on both databases. Values from the
  // request and the clock are bound; the schema's own enumeration values are written inline.
  const monthSql = month(received);
  const replySql = durationMs(col('repliedAt'), received);
  const closeSql = durationMs(col('closedAt'), received);
  const where: Sql[] = [];
  if (filters.from) where.push({ sql: `${received} >= ?`, bindings: [startOfDay(timeZone, filters.from)] });
  if (filters.to) where.push({ sql: `${received} < ?`, bindings: [startOfDay(timeZone, addDays(filters.to, 1))] });
  if (filters.customerId !== undefined) where.push({ sql: 'cl.customer_ref = ?', bindings: [filters.customerId] });
  if (filters.category) where.push({ sql: `${col('category')} = ?`, bindings: [filters.category] });
  if (filters.severity) where.push({ sql: `${col('severity')} = ?`, bindings: [filters.severity] });
  const salesperson = customers.link('salesperson');
  if (scope.region !== undefined) {
    where.push({ sql: `cl.customer_ref IN (SELECT id FROM ${id(customers.table)} WHERE ${id(customers.column('region'))} = ?)`, bindings: [scope.region] });
  }
  if (scope.salespersonId !== undefined) {
    where.push({ sql: `cl.customer_ref IN (SELECT ${id(salesperson.owner)} FROM ${id(salesperson.table)} WHERE ${id(salesperson.target)} = ?)`, bindings: [scope.salespersonId] });
  }
  if (scope.productCategory !== undefined) {
    where.push({ sql: `pl.product_ref IN (SELECT id FROM ${id(products.table)} WHERE ${id(products.column('category'))} = ?)`, bindings: [scope.productCategory] });
  }
  const selected: Sql = {
    sql: `WITH selected AS (
      SELECT c.id AS id,
        ${col('state')} AS state, ${col('category')} AS category, ${col('severity')} AS severity,
        ${col('judgement')} AS judgement, ${col('feedbackRating')} AS rating,
        cl.customer_ref AS customer_ref, pl.product_ref AS product_ref,
        ${monthSql.sql} AS month,
        CASE WHEN ${col('repliedAt')} IS NOT NULL AND ${received} IS NOT NULL THEN ${replySql.sql} END AS reply_ms,
        CASE WHEN ${col('closedAt')} IS NOT NULL AND ${received} IS NOT NULL THEN ${closeSql.sql} END AS close_ms,
        CASE WHEN ${col('dueAt')} < ? AND ${col('state')} NOT IN (?, ?, ?) THEN 1 ELSE 0 END AS overdue
      FROM ${id(complaint.table)} c
      LEFT JOIN (SELECT ${id(customerLink.owner)} AS owner_ref, ${id(customerLink.target)} AS customer_ref FROM ${id(customerLink.table)}) cl ON cl.owner_ref = c.id
      LEFT JOIN (SELECT ${id(productLink.owner)} AS owner_ref, ${id(productLink.target)} AS product_ref FROM ${id(productLink.table)}) pl ON pl.owner_ref = c.id
      ${where.length > 0 ? `WHERE ${where.map((part) => part.sql).join(' AND ')}` : ''}
    ), counted AS (SELECT * FROM selected WHERE state <> 'withdrawn')`,
    bindings: [
      ...monthSql.bindings,
      ...replySql.bindings,
      ...closeSql.bindings,
      now,
      ...NOT_OVERDUE_STATES,
      ...where.flatMap((part) => part.bindings),
    ],
  };
  const run = async <Row>(sql: string, bindings: Binding[] = []): Promise<Row[]> => {
    const result = await knex.raw(`${selected.sql} ${sql}`, [...selected.bindings, ...bindings]);
    // better-sqlite3 answers with the rows, pg with a result object holding them.
    return (Array.isArray(result) ? result : result.rows) as Row[];
  };
  const judged = `SUM(CASE WHEN judgement = 'justified' THEN 1 ELSE 0 END) AS justified,
    SUM(CASE WHEN judgement = 'unjustified' THEN 1 ELSE 0 END) AS unjustified`;
  const groupCount = (row: Record<string, unknown>): GroupCount => ({ count: count(row.n), justified: count(row.justified), unjustified: count(row.unjustified) });
  // nearest rank: the smallest row number r with r >= 0.9 n, in integers (10 r >= 9 n) to avoid float edges.
  const p90 = (column: string) => `(SELECT MIN(${column}) FROM (
      SELECT ${column}, ROW_NUMBER() OVER (ORDER BY ${column}) AS position, COUNT(*) OVER () AS n FROM counted WHERE ${column} IS NOT NULL
    ) ranked WHERE position * 10 >= n * 9)`;

  const [totals] = await run<Record<string, unknown>>(`SELECT
      COUNT(*) AS total,
      (SELECT COUNT(*) FROM selected WHERE state = 'withdrawn') AS withdrawn,
      SUM(overdue) AS overdue,
      ${judged},
      COUNT(rating) AS ratings, SUM(rating) AS rating_sum,
      COUNT(reply_ms) AS replies, SUM(reply_ms) AS reply_sum, ${p90('reply_ms')} AS reply_p90,
      COUNT(close_ms) AS closes, SUM(close_ms) AS close_sum, ${p90('close_ms')} AS close_p90,
      COUNT(product_ref) AS with_product, COUNT(customer_ref) AS with_customer
    FROM counted`);
  const byMonth = await run<Record<string, unknown>>(
    `SELECT month, COUNT(*) AS n, ${judged} FROM counted GROUP BY month ORDER BY CASE WHEN month IS NULL THEN 1 ELSE 0 END, month`
  );
  const byGroup = (column: 'category' | 'severity') =>
    run<Record<string, unknown>>(`SELECT ${column} AS group_value, COUNT(*) AS n, ${judged} FROM counted GROUP BY ${column} ORDER BY n DESC, ${column}`);
  const [byCategory, bySeverity] = [await byGroup('category'), await byGroup('severity')];
  const topProducts = await run<Record<string, unknown>>(
    `SELECT p.${id(products.column('documentId'))} AS document_id, p.${id(products.column('sku'))} AS sku, p.${id(products.column('name'))} AS name, COUNT(*) AS n
      FROM counted JOIN ${id(products.table)} p ON p.id = counted.product_ref
      GROUP BY p.id, p.${id(products.column('documentId'))}, p.${id(products.column('sku'))}, p.${id(products.column('name'))}
      ORDER BY n DESC, sku, p.id LIMIT ?`,
    [TOP_COUNT]
  );
  const topCustomers = await run<Record<string, unknown>>(
    `SELECT k.${id(customers.column('documentId'))} AS document_id, k.${id(customers.column('code'))} AS code, k.${id(customers.column('name'))} AS name, COUNT(*) AS n
      FROM counted JOIN ${id(customers.table)} k ON k.id = counted.customer_ref
      GROUP BY k.id, k.${id(customers.column('documentId'))}, k.${id(customers.column('code'))}, k.${id(customers.column('name'))}
      ORDER BY n DESC, code, k.id LIMIT ?`,
    [TOP_COUNT]
  );

  const total = count(totals.total);
  const justified = count(totals.justified);
  const unjustified = count(totals.unjustified);
  const timeliness = (n: unknown, sum: unknown, p90Ms: unknown): Timeliness => ({
    count: count(n),
    averageHours: count(n) === 0 ? null : hours(new Decimal(String(sum)).div(count(n))),
    p90Hours: p90Ms === null || p90Ms === undefined ? null : hours(String(p90Ms)),
  });
  const rest = (top: { count: number }[], all: unknown) => count(all) - top.reduce((sum, row) => sum + row.count, 0);
  const productRows = topProducts.map((row) => ({ documentId: String(row.document_id), sku: (row.sku as string) ?? null, name: (row.name as string) ?? null, count: count(row.n) }));
  const customerRows = topCustomers.map((row) => ({ documentId: String(row.document_id), code: (row.code as string) ?? null, name: (row.name as string) ?? null, count: count(row.n) }));
  return {
    filters: {
      from: filters.from ?? null,
      to: filters.to ?? null,
      customer: filters.customer ?? null,
      category: filters.category ?? null,
      severity: filters.severity ?? null,
    },
    timeZone,
    asOf: now.toISOString(),
    total,
    withdrawn: count(totals.withdrawn),
    overdue: count(totals.overdue),
    judgement: {
      judged: justified + unjustified,
      justified,
      unjustified,
      rate: justified + unjustified === 0 ? null : new Decimal(justified).div(justified + unjustified).toFixed(4, Decimal.ROUND_HALF_UP),
    },
    timeToReply: timeliness(totals.replies, totals.reply_sum, totals.reply_p90),
    timeToClose: timeliness(totals.closes, totals.close_sum, totals.close_p90),
    satisfaction: {
      count: count(totals.ratings),
      average: count(totals.ratings) === 0 ? null : places(new Decimal(String(totals.rating_sum)).div(count(totals.ratings)), 2),
    },
    byMonth: byMonth.map((row) => ({ month: (row.month as string) ?? null, ...groupCount(row) })),
    byCategory: byCategory.map((row) => ({ category: String(row.group_value), ...groupCount(row) })),
    bySeverity: bySeverity.map((row) => ({ severity: String(row.group_value), ...groupCount(row) })),
    byProduct: { top: productRows, others: rest(productRows, totals.with_product), none: total - count(totals.with_product) },
    byCustomer: { top: customerRows, others: rest(customerRows, totals.with_customer), none: total - count(totals.with_customer) },
  };
};

/** Bilingual names of the enumerations, as the department reads them in the summary. */
export const CATEGORY_LABELS: Record<string, string> = {
  quality: '质量 Quality',
  delivery: '交付 Delivery',
  packaging: '包装 Packaging',
  quantity: '数量 Quantity',
  documents: '单据 Documents',
  service: '服务 Service',
  other: '其他 Other',
};
export const SEVERITY_LABELS: Record<string, string> = { minor: '轻微 Minor', major: '严重 Major', critical: '致命 Critical' };

/** The summary's sheets, in order; each sheet's first row holds these headers. */
export const SUMMARY_SHEETS = {
  summary: { name: '概览 Summary', headers: ['指标 Measure', '数值 Value'] },
  timeliness: { name: '时效 Timeliness', headers: ['指标 Measure', '件数 Count', '平均小时 Average hours', '90%分位小时 P90 hours'] },
  byMonth: { name: '按月 By month', headers: ['月份 Month', '投诉数 Complaints', '成立 Justified', '不成立 Unjustified'] },
  byCategory: { name: '按类别 By category', headers: ['类别 Category', '名称 Name', '投诉数 Complaints', '成立 Justified', '不成立 Unjustified'] },
  bySeverity: { name: '按严重度 By severity', headers: ['严重度 Severity', '名称 Name', '投诉数 Complaints', '成立 Justified', '不成立 Unjustified'] },
  byProduct: { name: '按产品 By product', headers: ['排名 Rank', '物料号 SKU', '产品名称 Product', '投诉数 Complaints'] },
  byCustomer: { name: '按客户 By customer', headers: ['排名 Rank', '客户编号 Code', '客户名称 Customer', '投诉数 Complaints'] },
} as const;

/**
 * The statistics as an XLSX workbook (投诉汇总统计 Complaint summary): one sheet per table, counts,
 * hours and ratings as numbers, the justified rate as a number formatted as a percentage.
 */
export const complaintSummaryXlsx = async (statistics: ComplaintStatistics): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.title = '投诉汇总统计 Complaint summary';
  workbook.created = new Date(statistics.asOf);
  const { filters } = statistics;
  const summary: Cell[][] = [
    ['报表 Report', '投诉汇总统计 Complaint summary'],
    ['时区 Time zone', statistics.timeZone],
    ['统计时点 As of', statistics.asOf],
    ['受理日期自 Received from', filters.from],
    ['受理日期至 Received to', filters.to],
    ['客户 Customer', filters.customer],
    ['类别 Category', filters.category && CATEGORY_LABELS[filters.category]],
    ['严重度 Severity', filters.severity && SEVERITY_LABELS[filters.severity]],
    ['投诉总数 Complaints', statistics.total],
    ['已撤销 Withdrawn', statistics.withdrawn],
    ['逾期 Overdue', statistics.overdue],
    ['已判定 Judged', statistics.judgement.judged],
    ['成立 Justified', statistics.judgement.justified],
    ['不成立 Unjustified', statistics.judgement.unjustified],
    ['成立率 Justified rate', statistics.judgement.rate === null ? null : Number(statistics.judgement.rate)],
    ['满意度评价数 Ratings', statistics.satisfaction.count],
    ['平均满意度 Average rating', statistics.satisfaction.average],
  ];
  addCellSheet(workbook, SUMMARY_SHEETS.summary, summary);
  // Only the rate is a fraction; the other values keep Excel's general number format.
  workbook.getWorksheet(SUMMARY_SHEETS.summary.name)!.getCell(summary.findIndex((row) => row[0] === '成立率 Justified rate') + 2, 2).numFmt = '0.00%';
  const timeliness = (label: string, value: Timeliness): Cell[] => [label, value.count, value.averageHours, value.p90Hours];
  addCellSheet(
    workbook,
    SUMMARY_SHEETS.timeliness,
    [timeliness('回复用时 Time to reply', statistics.timeToReply), timeliness('结案用时 Time to close', statistics.timeToClose)],
    { 3: '0.00', 4: '0.00' }
  );
  addCellSheet(workbook, SUMMARY_SHEETS.byMonth, statistics.byMonth.map((row) => [row.month ?? '未记录 Not recorded', row.count, row.justified, row.unjustified]));
  addCellSheet(workbook, SUMMARY_SHEETS.byCategory, statistics.byCategory.map((row) => [row.category, CATEGORY_LABELS[row.category] ?? row.category, row.count, row.justified, row.unjustified]));
  addCellSheet(workbook, SUMMARY_SHEETS.bySeverity, statistics.bySeverity.map((row) => [row.severity, SEVERITY_LABELS[row.severity] ?? row.severity, row.count, row.justified, row.unjustified]));
  const ranked = <Row extends { count: number }>(table: { top: Row[]; others: number; none: number }, key: (row: Row) => [Cell, Cell], none: string): Cell[][] => [
    ...table.top.map((row, index): Cell[] => [index + 1, ...key(row), row.count]),
    [null, '其他 Others', null, table.others],
    [null, none, null, table.none],
  ];
  addCellSheet(workbook, SUMMARY_SHEETS.byProduct, ranked(statistics.byProduct, (row) => [row.sku, row.name], '未指定产品 No product'));
  addCellSheet(workbook, SUMMARY_SHEETS.byCustomer, ranked(statistics.byCustomer, (row) => [row.code, row.name], '未指定客户 No customer'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
