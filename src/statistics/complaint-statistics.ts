/** Complaint statistics (投诉汇总统计) in SQL: placeholder signature, implemented next. */
import type { Core } from '@strapi/strapi';

export const STATISTICS_FORMATS = ['json', 'xlsx'] as const;

export const complaintStatistics = async (_strapi: Core.Strapi, _query: Record<string, unknown>): Promise<Record<string, unknown>> => {
  throw new Error('not implemented');
};

export const complaintSummaryXlsx = async (_strapi: Core.Strapi, _statistics: Record<string, unknown>): Promise<Buffer> => {
  throw new Error('not implemented');
};
