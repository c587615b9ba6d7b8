/**
 * The sales dashboard's query parameters: the common filters (from, to, region, salesperson,
 * customer, category) and each endpoint's own (grain, by, top, year, asOf, groupBy), checked all at
 * once into one 400 that names every bad parameter. A filter naming nobody (no such customer or
 * salesperson) is a 400 too: a typo, not an empty report.
 */
import type { Core } from '@strapi/strapi';
import { dateIn } from '../domain/business-date';
import { defaultRange } from '../domain/sales-periods';
import { FieldProblem } from '../domain/validation-error';
import { validationError } from '../platform/errors';
import {
  calendarDate,
  collectQuery,
  customerDocument,
  declareQuery,
  ParameterSpecs,
  ParameterValues,
  staffUser,
  text,
} from '../platform/query-input';
import { reportTimeZone } from '../platform/settings';

export const COMMON_FILTERS = ['from', 'to', 'region', 'salesperson', 'customer', 'category'] as const;

export interface DashboardFilters {
  from: string;
  to: string;
  region?: string;
  salespersonId?: number;
  /** The customer's documentId as given, and its row id. */
  customer?: string;
  customerId?: number;
  category?: string;
}

export { calendarDate, oneOf, wholeNumber } from '../platform/query-input';

/** The filters every dashboard figure takes; a salesperson or customer naming nobody is a 400. */
const commonFilters = (strapi: Core.Strapi) =>
  declareQuery({
    from: calendarDate(undefined),
    to: calendarDate(undefined),
    region: text(),
    salesperson: staffUser(strapi),
    customer: customerDocument(strapi),
    category: text(),
  });

export const today = (strapi: Core.Strapi): string => dateIn(reportTimeZone(strapi));

/**
 * Reads the query: the common filters when `filters` is true, plus the endpoint's own parameters.
 * Any other parameter is refused, so a misspelt filter is not silently ignored.
 */
export const parseDashboardQuery = async <S extends ParameterSpecs>(
  strapi: Core.Strapi,
  query: Record<string, unknown>,
  own: S,
  { filters: withFilters = true }: { filters?: boolean } = {}
): Promise<{ filters: DashboardFilters; params: ParameterValues<S> }> => {
  const problems: FieldProblem[] = [];
  const params = await collectQuery(query, { parameters: own }, problems, withFilters ? COMMON_FILTERS : []);
  const filters: DashboardFilters = { ...defaultRange(today(strapi)) };
  if (withFilters) {
    // Unknown parameters were named above; this reads the filters only.
    const given = await collectQuery(query, commonFilters(strapi), problems, Object.keys(query));
    if (given.from) filters.from = given.from;
    if (given.to) filters.to = given.to;
    if (filters.from > filters.to) problems.push({ path: ['to'], message: `must not be before from (${filters.from})` });
    if (given.region !== undefined) filters.region = given.region;
    if (given.category !== undefined) filters.category = given.category;
    if (given.salesperson !== undefined) filters.salespersonId = given.salesperson;
    if (given.customer !== undefined) Object.assign(filters, { customer: given.customer.documentId, customerId: given.customer.id });
  }
  if (problems.length > 0) throw validationError(problems);
  return { filters, params };
};
