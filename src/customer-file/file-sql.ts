/**
 * The SQL building blocks of the customer file: running a statement, a page of a list with its
 * total count in the same round trip, a component's rows of a record, and the text of dates and
 * money as both databases return them (PostgreSQL: `date` as a Date, numeric as a string; SQLite:
 * dates as text, decimals as REAL).
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { formatMoney, storedMoneyText } from '../domain/money';
import { PageRequest, Pagination, paginationOf } from '../domain/customer-file';
import { rowsOf } from '../platform/roll-up-writes';

export type Binding = string | number;
export type SqlRow = Record<string, unknown>;

export const run = async (strapi: Core.Strapi, sql: string, bindings: Binding[] = []): Promise<SqlRow[]> =>
  rowsOf<SqlRow>(await strapi.db.connection.raw(sql, bindings));

export const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

/** A date column as YYYY-MM-DD text on both databases. */
export const dateText = (strapi: Core.Strapi, column: string) => (isPostgres(strapi) ? `to_char(${column}, 'YYYY-MM-DD')` : column);

/** Two-place money text of a decimal column's value (0.00 for none). */
export const moneyText = storedMoneyText;

/** Two-place money text of a sum taken in integer cents. */
export const centsText = (cents: unknown): string => formatMoney(new Decimal(String(cents ?? 0)).dividedBy(100));

export const textOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** A list from `from` (FROM … JOIN …) filtered by `where`, one page of it in `orderBy`. */
export interface ListQuery {
  from: string;
  where: string;
  bindings: Binding[];
  /** The columns of a row; must include `id`, by which an empty page is told from a row. */
  columns: string;
  orderBy: string;
  /** Columns computed for the page's rows only (correlated on `p.id`), after it is cut. */
  extra?: { sql: string; bindings: Binding[] };
  /** Rows of the whole list (not just the page) that meet a condition, counted with its length: name → condition. */
  tallies?: Record<string, { when: string; bindings: Binding[] }>;
}

export interface Page<Item> {
  items: Item[];
  pagination: Pagination;
}

/**
 * One page of a list and the list's length, in one round trip: the list's rows are found once (a
 * CTE, numbered in `orderBy`), then counted (with the tallies) and cut to the page; the count is
 * joined with the page, so an empty page still carries it. Columns in `extra` are computed for the
 * page's rows only.
 */
export const pageOf = async (
  strapi: Core.Strapi,
  list: ListQuery,
  page: PageRequest
): Promise<{ rows: SqlRow[]; pagination: Pagination; tallies: Record<string, number> }> => {
  const extra = list.extra ? `, ${list.extra.sql}` : '';
  const tallies = Object.entries(list.tallies ?? {});
  const flags = tallies.map(([name, { when }]) => `, CASE WHEN ${when} THEN 1 ELSE 0 END AS flag_${name}`).join('');
  const sums = tallies.map(([name]) => `, COALESCE(SUM(flag_${name}), 0) AS tally_${name}`).join('');
  const first = (page.page - 1) * page.pageSize;
  const rows = await run(
    strapi,
    `WITH list AS (SELECT ${list.columns}, ROW_NUMBER() OVER (ORDER BY ${list.orderBy}) AS row_no${flags} FROM ${list.from} WHERE ${list.where})
     SELECT t.*${extra}, p.* FROM (SELECT COUNT(*) AS total_count${sums} FROM list) t
     LEFT JOIN (SELECT * FROM list WHERE row_no > ? AND row_no <= ?) p ON 1 = 1
     ORDER BY p.row_no`,
    [...tallies.flatMap(([, { bindings }]) => bindings), ...list.bindings, ...(list.extra?.bindings ?? []), first, first + page.pageSize]
  );
  const total = Number(rows[0]?.total_count ?? 0);
  return {
    rows: rows.filter((row) => row.id !== null && row.id !== undefined),
    pagination: paginationOf(page, total),
    tallies: Object.fromEntries(tallies.map(([name]) => [name, Number(rows[0]?.[`tally_${name}`] ?? 0)])),
  };
};
