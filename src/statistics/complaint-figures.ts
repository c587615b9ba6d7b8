/**
 * The complaint statistics as the API answers them, made from the database's aggregates
 * (./complaint-counts.ts): plain logic, no Strapi. JavaScript only divides and rounds.
 */
import Decimal from 'decimal.js';
import type { ComplaintFilters } from './complaint-query';

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

/** A row as the database answers it: counts may come as numbers, strings (bigint) or null. */
export type Row = Record<string, unknown>;

/** The aggregates of ./complaint-counts.ts: the totals row and the rows of each table. */
export interface ComplaintCounts {
  totals: Row;
  byMonth: Row[];
  byCategory: Row[];
  bySeverity: Row[];
  topProducts: Row[];
  topCustomers: Row[];
}

const count = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const places = (value: Decimal.Value, digits: number): number =>
  new Decimal(value).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toNumber();
const hours = (ms: Decimal.Value): number => places(new Decimal(ms).div(3_600_000), 2);
const groupCount = (row: Row): GroupCount => ({
  count: count(row.n),
  justified: count(row.justified),
  unjustified: count(row.unjustified),
});

const timeliness = (n: unknown, sum: unknown, p90Ms: unknown): Timeliness => ({
  count: count(n),
  averageHours: count(n) === 0 ? null : hours(new Decimal(String(sum)).div(count(n))),
  p90Hours: p90Ms === null || p90Ms === undefined ? null : hours(String(p90Ms)),
});

/** The named top rows, the others (counted but not named) and those with none recorded. */
const ranked = <Top extends { count: number }>(top: Top[], withOne: unknown, total: number) => ({
  top,
  others: count(withOne) - top.reduce((sum, row) => sum + row.count, 0),
  none: total - count(withOne),
});

const judgementOf = (totals: Row): ComplaintStatistics['judgement'] => {
  const justified = count(totals.justified);
  const unjustified = count(totals.unjustified);
  const judged = justified + unjustified;
  return {
    judged,
    justified,
    unjustified,
    rate: judged === 0 ? null : new Decimal(justified).div(judged).toFixed(4, Decimal.ROUND_HALF_UP),
  };
};

/** The statistics of the counted aggregates, for the filters, report zone and instant they were counted with. */
export const complaintFigures = (counts: ComplaintCounts, filters: ComplaintFilters, timeZone: string, now: Date): ComplaintStatistics => {
  const { totals } = counts;
  const total = count(totals.total);
  const productRows = counts.topProducts.map((row) => ({
    documentId: String(row.document_id),
    sku: (row.sku as string) ?? null,
    name: (row.name as string) ?? null,
    count: count(row.n),
  }));
  const customerRows = counts.topCustomers.map((row) => ({
    documentId: String(row.document_id),
    code: (row.code as string) ?? null,
    name: (row.name as string) ?? null,
    count: count(row.n),
  }));
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
    judgement: judgementOf(totals),
    timeToReply: timeliness(totals.replies, totals.reply_sum, totals.reply_p90),
    timeToClose: timeliness(totals.closes, totals.close_sum, totals.close_p90),
    satisfaction: {
      count: count(totals.ratings),
      average: count(totals.ratings) === 0 ? null : places(new Decimal(String(totals.rating_sum)).div(count(totals.ratings)), 2),
    },
    byMonth: counts.byMonth.map((row) => ({ month: (row.month as string) ?? null, ...groupCount(row) })),
    byCategory: counts.byCategory.map((row) => ({ category: String(row.group_value), ...groupCount(row) })),
    bySeverity: counts.bySeverity.map((row) => ({ severity: String(row.group_value), ...groupCount(row) })),
    byProduct: ranked(productRows, totals.with_product, total),
    byCustomer: ranked(customerRows, totals.with_customer, total),
  };
};
