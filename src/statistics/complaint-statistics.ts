/**
 * Complaint statistics (投诉汇总统计) for GET /api/complaints/statistics: counts by month, category,
 * severity, product and customer, the justified rate, time to reply and to close (average and
 * nearest-rank 90th percentile), overdue complaints and customer satisfaction, and the same as an
 * XLSX summary. Everything is counted in the database on SQLite and PostgreSQL alike; JavaScript
 * only divides and rounds the aggregates. The parts: the query (./complaint-query.ts), the SQL
 * (./complaint-counts.ts), the figures (./complaint-figures.ts), the labels
 * (./complaint-labels.ts) and the XLSX summary (./complaint-summary.ts).
 */
import type { Core } from '@strapi/strapi';
import { reportTimeZone } from '../platform/settings';
import { ComplaintScope, countComplaints } from './complaint-counts';
import { complaintFigures, ComplaintStatistics } from './complaint-figures';
import { ComplaintFilters, parseComplaintQuery, Query } from './complaint-query';

export interface StatisticsOptions {
  /** The instant deadlines are compared with; tests fix it. */
  now?: Date;
  /**
   * The sales dashboard's filters that are not parameters here: the customer's region and
   * salesperson, and the category of the complained-about product (not the complaint's category).
   */
  scope?: ComplaintScope;
}

/** Checks the query (400 naming each bad parameter) and counts the complaints it asks for. */
export const complaintStatistics = async (
  strapi: Core.Strapi,
  query: Query,
  options: StatisticsOptions = {}
): Promise<ComplaintStatistics> => statisticsOf(strapi, await parseComplaintQuery(strapi, query), options);

/** Counts the complaints the filters ask for. */
export const statisticsOf = async (
  strapi: Core.Strapi,
  filters: ComplaintFilters,
  { now = new Date(), scope = {} }: StatisticsOptions = {}
): Promise<ComplaintStatistics> => {
  const timeZone = reportTimeZone(strapi);
  const counts = await countComplaints(strapi, { filters, scope, now, timeZone });
  return complaintFigures(counts, filters, timeZone, now);
};
