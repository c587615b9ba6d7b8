/**
 * The sales dashboard's query parameters: the common filters (from, to, region, salesperson,
 * customer, category) and each endpoint's own (grain, by, top, year, asOf, groupBy), checked all at
 * once into one 400 that names every bad parameter. A filter naming nobody (no such customer or
 * salesperson) is a 400 too: a typo, not an empty report.
 */
import type { Core } from '@strapi/strapi';
import { dateIn } from '../domain/business-date';
import { defaultRange } from '../domain/sales-periods';
import {
  calendarDate,
  customerDocument,
  declareQuery,
  ParameterSpecs,
  ParameterValues,
  readQuery,
  staffUser,
  text,
  toBeforeFrom,
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

/** What an endpoint reads: the common filters as DashboardFilters (defaults applied), and its own parameters. */
export interface DashboardInput<S extends ParameterSpecs> {
  filters: DashboardFilters;
  params: ParameterValues<S>;
}

/**
 * An endpoint's query: its own parameters, plus the common filters unless `filters` is false. Any
 * other parameter is refused, so a misspelt filter is not silently ignored.
 */
export const dashboardQuery = <S extends ParameterSpecs>(strapi: Core.Strapi, own: S, { filters = true }: { filters?: boolean } = {}) =>
  declareQuery<ParameterSpecs>({ ...own, ...(filters ? commonFilters(strapi).parameters : {}) }, (values) => {
    const range = defaultRange(today(strapi));
    const from = (values.from as string | undefined) ?? range.from;
    return filters ? toBeforeFrom(from, values.to as string | undefined) : [];
  });

/** Splits what `dashboardQuery` read into the filters (defaults applied) and the endpoint's own parameters. */
export const dashboardInput = <S extends ParameterSpecs>(
  strapi: Core.Strapi,
  own: S,
  values: Record<string, unknown>
): DashboardInput<S> => {
  const filters: DashboardFilters = { ...defaultRange(today(strapi)) };
  if (values.from) filters.from = values.from as string;
  if (values.to) filters.to = values.to as string;
  if (values.region !== undefined) filters.region = values.region as string;
  if (values.category !== undefined) filters.category = values.category as string;
  if (values.salesperson !== undefined) filters.salespersonId = values.salesperson as number;
  const customer = values.customer as { documentId: string; id: number } | undefined;
  if (customer !== undefined) Object.assign(filters, { customer: customer.documentId, customerId: customer.id });
  const params = Object.fromEntries(Object.keys(own).map((name) => [name, values[name]])) as ParameterValues<S>;
  return { filters, params };
};

/** Reads the query as `dashboardQuery` declares it: one 400 naming every bad or unknown parameter. */
export const parseDashboardQuery = async <S extends ParameterSpecs>(
  strapi: Core.Strapi,
  query: Record<string, unknown>,
  own: S,
  options: { filters?: boolean } = {}
): Promise<DashboardInput<S>> =>
  dashboardInput(strapi, own, (await readQuery(query, dashboardQuery(strapi, own, options))) as Record<string, unknown>);
