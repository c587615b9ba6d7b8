/**
 * The query of the complaint statistics (GET /api/complaints/statistics): which parameters there
 * are, and reading and checking them, every problem reported at once as one 400 naming each.
 */
import type { Core } from '@strapi/strapi';
import { isCalendarDate } from '../domain/business-date';
import { FieldProblem } from '../domain/validation-error';
import { plainParameter } from '../platform/query-parameter';
import { validationError } from '../platform/errors';
import { COMPLAINT, CUSTOMER } from '../platform/uids';

export const STATISTICS_FORMATS = ['json', 'xlsx'] as const;
export const STATISTICS_PARAMETERS = ['from', 'to', 'customer', 'category', 'severity'] as const;

export type Query = Record<string, unknown>;

export interface ComplaintFilters {
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
export const parseComplaintQuery = async (strapi: Core.Strapi, query: Query): Promise<ComplaintFilters> => {
  const problems: FieldProblem[] = [];
  for (const name of Object.keys(query)) {
    if (!(STATISTICS_PARAMETERS as readonly string[]).includes(name)) {
      problems.push({ path: [name], message: `unknown parameter; the statistics take format, ${STATISTICS_PARAMETERS.join(', ')}` });
    }
  }
  const text = (name: (typeof STATISTICS_PARAMETERS)[number]) => plainParameter(query, name, problems);
  const filters: ComplaintFilters = {};
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
