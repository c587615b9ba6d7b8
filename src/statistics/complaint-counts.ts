/**
 * Counting the complaints of the statistics in the database (strapi.db.connection, bound values
 * only, table and column names from Strapi's metadata), on SQLite and PostgreSQL alike: one CTE
 * with the filtered complaints and every derived value, and the aggregates over it as raw rows.
 *
 * How each database stores a datetime decides the SQL (see `datetimeSql`):
 * - SQLite: epoch milliseconds (knex binds a Date as its valueOf()). Months in the report zone come
 *   from the zone's offsets over the data's range, computed by the platform (domain/zone-offsets).
 * - PostgreSQL: Strapi creates `timestamp(6)` WITHOUT time zone, and node-postgres writes a Date as
 *   the Node process's local wall clock; `AT TIME ZONE <process zone>` turns it back into an instant.
 */
import type { Core } from '@strapi/strapi';
import { addDays } from '../domain/business-date';
import { offsetPeriods, startOfDay } from '../domain/zone-offsets';
import { rowsOf } from '../platform/roll-up-writes';
import { metaOf } from '../platform/table-meta';
import { COMPLAINT, CUSTOMER, PRODUCT } from '../platform/uids';
import type { ComplaintFilters } from './complaint-query';
import type { ComplaintCounts, Row } from './complaint-figures';

/** How many products and customers are named; the rest are summed up as `others`. */
export const TOP_COUNT = 10;
/** States in which a passed deadline no longer counts as overdue: the reply is out or it is over. */
const NOT_OVERDUE_STATES = ['replied', 'closed', 'withdrawn'];

type Knex = Core.Strapi['db']['connection'];
type Binding = string | number | Date;

/** SQL with its bindings, in the order they appear. */
interface Sql {
  sql: string;
  bindings: Binding[];
}

/** The sales dashboard's filters that are not parameters of the statistics (see StatisticsOptions). */
export interface ComplaintScope {
  region?: string;
  salespersonId?: number;
  productCategory?: string;
}

/** What to count: the checked parameters, the dashboard's scope, the clock and the report zone. */
export interface CountRequest {
  filters: ComplaintFilters;
  scope: ComplaintScope;
  now: Date;
  timeZone: string;
}

/** The duration between two datetime columns in whole milliseconds, in the dialect's SQL (also the performance sheet's). */
export const durationMsSql = (strapi: Core.Strapi) => {
  if (strapi.db.dialect.client !== 'postgres')
    return (later: string, earlier: string): Sql => ({ sql: `(${later} - ${earlier})`, bindings: [] });
  const processZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (later: string, earlier: string): Sql => ({
    sql: `ROUND(EXTRACT(EPOCH FROM ((${later} AT TIME ZONE ?) - (${earlier} AT TIME ZONE ?))) * 1000)`,
    bindings: [processZone, processZone],
  });
};

/**
 * The dialect's expressions for datetimes: the duration between two columns in whole milliseconds,
 * and the calendar month (YYYY-MM) of a column in the report zone.
 */
const datetimeSql = async (strapi: Core.Strapi, knex: Knex, timeZone: string, received: string, table: string) => {
  const durationMs = durationMsSql(strapi);
  if (strapi.db.dialect.client === 'postgres') {
    const processZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const instant = (column: string): Sql => ({ sql: `(${column} AT TIME ZONE ?)`, bindings: [processZone] });
    return {
      durationMs,
      month: (column: string): Sql => {
        const at = instant(column);
        return { sql: `to_char(${at.sql} AT TIME ZONE ?, 'YYYY-MM')`, bindings: [...at.bindings, timeZone] };
      },
    };
  }
  // SQLite: the wall clock is the instant plus the zone's offset then; the offsets in force over
  // the stored range come from the platform's zone data (daylight saving included).
  const range = (await knex(table).min({ first: received }).max({ last: received }).first()) as {
    first: number | null;
    last: number | null;
  };
  const periods = range?.first == null || range.last == null ? [] : offsetPeriods(timeZone, Number(range.first), Number(range.last));
  return {
    durationMs,
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

/** The conditions of the filters and the scope, on the complaint `c` and its links `cl` and `pl`. */
const conditions = (strapi: Core.Strapi, { filters, scope, timeZone }: CountRequest, col: (attribute: string) => string): Sql[] => {
  const id = (name: string) => strapi.db.connection.raw('??', [name]).toQuery();
  const customers = metaOf(strapi, CUSTOMER);
  const products = metaOf(strapi, PRODUCT);
  const received = col('receivedAt');
  const where: Sql[] = [];
  if (filters.from) where.push({ sql: `${received} >= ?`, bindings: [startOfDay(timeZone, filters.from)] });
  if (filters.to) where.push({ sql: `${received} < ?`, bindings: [startOfDay(timeZone, addDays(filters.to, 1))] });
  if (filters.customerId !== undefined) where.push({ sql: 'cl.customer_ref = ?', bindings: [filters.customerId] });
  if (filters.category) where.push({ sql: `${col('category')} = ?`, bindings: [filters.category] });
  if (filters.severity) where.push({ sql: `${col('severity')} = ?`, bindings: [filters.severity] });
  const salesperson = customers.link('salesperson');
  if (scope.region !== undefined) {
    where.push({
      sql: `cl.customer_ref IN (SELECT id FROM ${id(customers.table)} WHERE ${id(customers.column('region'))} = ?)`,
      bindings: [scope.region],
    });
  }
  if (scope.salespersonId !== undefined) {
    where.push({
      sql: `cl.customer_ref IN (SELECT ${id(salesperson.owner)} FROM ${id(salesperson.table)} WHERE ${id(salesperson.target)} = ?)`,
      bindings: [scope.salespersonId],
    });
  }
  if (scope.productCategory !== undefined) {
    where.push({
      sql: `pl.product_ref IN (SELECT id FROM ${id(products.table)} WHERE ${id(products.column('category'))} = ?)`,
      bindings: [scope.productCategory],
    });
  }
  return where;
};

/**
 * One CTE with the filtered complaints (withdrawn included) and every derived value, so the
 * aggregates read plain columns and are the same SQL on both databases. Values from the request
 * and the clock are bound; the schema's own enumeration values are written inline.
 */
const selectedComplaints = async (strapi: Core.Strapi, request: CountRequest): Promise<Sql> => {
  const knex = strapi.db.connection;
  const complaint = metaOf(strapi, COMPLAINT);
  const customerLink = complaint.link('customer');
  const productLink = complaint.link('product');
  const col = (attribute: string) => `c.${knex.raw('??', [complaint.column(attribute)]).toQuery()}`;
  const id = (name: string) => knex.raw('??', [name]).toQuery();
  const received = col('receivedAt');
  const { durationMs, month } = await datetimeSql(strapi, knex, request.timeZone, complaint.column('receivedAt'), complaint.table);
  const monthSql = month(received);
  const replySql = durationMs(col('repliedAt'), received);
  const closeSql = durationMs(col('closedAt'), received);
  const where = conditions(strapi, request, col);
  return {
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
      request.now,
      ...NOT_OVERDUE_STATES,
      ...where.flatMap((part) => part.bindings),
    ],
  };
};

/** The aggregates the statistics are made of, as the database answers them. */
export const countComplaints = async (strapi: Core.Strapi, request: CountRequest): Promise<ComplaintCounts> => {
  const knex = strapi.db.connection;
  const customers = metaOf(strapi, CUSTOMER);
  const products = metaOf(strapi, PRODUCT);
  const id = (name: string) => knex.raw('??', [name]).toQuery();
  const selected = await selectedComplaints(strapi, request);
  const run = async (sql: string, bindings: Binding[] = []): Promise<Row[]> =>
    rowsOf<Row>(await knex.raw(`${selected.sql} ${sql}`, [...selected.bindings, ...bindings]));
  const judged = `SUM(CASE WHEN judgement = 'justified' THEN 1 ELSE 0 END) AS justified,
    SUM(CASE WHEN judgement = 'unjustified' THEN 1 ELSE 0 END) AS unjustified`;
  // nearest rank: the smallest row number r with r >= 0.9 n, in integers (10 r >= 9 n) to avoid float edges.
  const p90 = (column: string) => `(SELECT MIN(${column}) FROM (
      SELECT ${column}, ROW_NUMBER() OVER (ORDER BY ${column}) AS position, COUNT(*) OVER () AS n FROM counted WHERE ${column} IS NOT NULL
    ) ranked WHERE position * 10 >= n * 9)`;

  const [totals] = await run(`SELECT
      COUNT(*) AS total,
      (SELECT COUNT(*) FROM selected WHERE state = 'withdrawn') AS withdrawn,
      SUM(overdue) AS overdue,
      ${judged},
      COUNT(rating) AS ratings, SUM(rating) AS rating_sum,
      COUNT(reply_ms) AS replies, SUM(reply_ms) AS reply_sum, ${p90('reply_ms')} AS reply_p90,
      COUNT(close_ms) AS closes, SUM(close_ms) AS close_sum, ${p90('close_ms')} AS close_p90,
      COUNT(product_ref) AS with_product, COUNT(customer_ref) AS with_customer
    FROM counted`);
  const byMonth = await run(
    `SELECT month, COUNT(*) AS n, ${judged} FROM counted GROUP BY month ORDER BY CASE WHEN month IS NULL THEN 1 ELSE 0 END, month`
  );
  const byGroup = (column: 'category' | 'severity') =>
    run(`SELECT ${column} AS group_value, COUNT(*) AS n, ${judged} FROM counted GROUP BY ${column} ORDER BY n DESC, ${column}`);
  const [byCategory, bySeverity] = [await byGroup('category'), await byGroup('severity')];
  // The most complained-about products or customers: the named columns of their table, largest count first.
  const top = (table: ReturnType<typeof metaOf>, alias: string, ref: string, columns: [string, string, string]) => {
    const named = columns.map((attribute) => `${alias}.${id(table.column(attribute))}`);
    return run(
      `SELECT ${named[0]} AS document_id, ${named[1]} AS ${columns[1]}, ${named[2]} AS name, COUNT(*) AS n
      FROM counted JOIN ${id(table.table)} ${alias} ON ${alias}.id = counted.${ref}
      GROUP BY ${alias}.id, ${named.join(', ')}
      ORDER BY n DESC, ${columns[1]}, ${alias}.id LIMIT ?`,
      [TOP_COUNT]
    );
  };
  const topProducts = await top(products, 'p', 'product_ref', ['documentId', 'sku', 'name']);
  const topCustomers = await top(customers, 'k', 'customer_ref', ['documentId', 'code', 'name']);
  return { totals, byMonth, byCategory, bySeverity, topProducts, topCustomers };
};
