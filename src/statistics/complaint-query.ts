/**
 * The query of the complaint statistics (GET /api/complaints/statistics): which parameters there
 * are, and reading and checking them, every problem reported at once as one 400 naming each.
 */
import type { Core } from '@strapi/strapi';
import { calendarDate, customerDocument, declareQuery, oneOf, QueryValues, readQuery, toBeforeFrom } from '../platform/query-input';
import { COMPLAINT } from '../platform/uids';

export const STATISTICS_FORMATS = ['json', 'xlsx'] as const;

export type Query = Record<string, unknown>;

export interface ComplaintFilters {
  from?: string;
  to?: string;
  customer?: string;
  customerId?: number;
  category?: string;
  severity?: string;
}

const enumValues = (strapi: Core.Strapi, attribute: 'category' | 'severity'): readonly string[] =>
  strapi.contentType(COMPLAINT).attributes[attribute].enum;

/**
 * The statistics' parameters (with the answer's `format` for the REST endpoint); a customer naming
 * nobody is a typo, not an empty report.
 */
export const complaintQuery = (strapi: Core.Strapi) =>
  declareQuery(
    {
      format: oneOf(STATISTICS_FORMATS, 'json'),
      from: calendarDate(undefined),
      to: calendarDate(undefined),
      customer: customerDocument(strapi),
      category: oneOf(enumValues(strapi, 'category'), undefined),
      severity: oneOf(enumValues(strapi, 'severity'), undefined),
    },
    ({ from, to }) => toBeforeFrom(from, to)
  );

export type ComplaintQuery = QueryValues<ReturnType<typeof complaintQuery>>;

/** The filters a read query asks for. */
export const complaintFilters = ({ format: _format, customer, ...filters }: ComplaintQuery): ComplaintFilters => ({
  ...filters,
  ...(customer && { customer: customer.documentId, customerId: customer.id }),
});

/** Reads and checks every parameter, reporting all problems at once as one 400 naming each. */
export const parseComplaintQuery = async (strapi: Core.Strapi, query: Query): Promise<ComplaintFilters> =>
  complaintFilters(await readQuery(query, complaintQuery(strapi)));
