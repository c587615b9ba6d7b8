/**
 * The sales dashboard's query parameters: the common filters (from, to, region, salesperson,
 * customer, category) and each endpoint's own (grain, by, top, year, asOf, groupBy), checked all at
 * once into one 400 that names every bad parameter. A filter naming nobody (no such customer or
 * salesperson) is a 400 too: a typo, not an empty report.
 */
import type { Core } from '@strapi/strapi';
import { dateIn, isCalendarDate } from '../domain/business-date';
import { defaultRange } from '../domain/sales-periods';
import { FieldProblem } from '../domain/validation-error';
import { validationError } from '../platform/errors';
import { plainParameter } from '../platform/query-parameter';
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

/** An endpoint's own parameter: its default and how to read it (a message when the value is bad). */
export interface ParameterSpec<T> {
  fallback: T | (() => T);
  read: (value: string) => T | { problem: string };
}

export const oneOf = <T extends string>(values: readonly T[], fallback: T): ParameterSpec<T> => ({
  fallback,
  read: (value) => ((values as readonly string[]).includes(value) ? (value as T) : { problem: `must be one of ${values.join(', ')}` }),
});

export const wholeNumber = (min: number, max: number, fallback: number | (() => number)): ParameterSpec<number> => ({
  fallback,
  read: (value) => (/^\d{1,9}$/.test(value) && Number(value) >= min && Number(value) <= max ? Number(value) : { problem: `must be a whole number from ${min} to ${max}` }),
});

export const calendarDate = (fallback: () => string): ParameterSpec<string> => ({
  fallback,
  read: (value) => (isCalendarDate(value) ? value : { problem: 'must be a date YYYY-MM-DD' }),
});

type Specs = Record<string, ParameterSpec<unknown>>;
type Values<S extends Specs> = { [K in keyof S]: S[K] extends ParameterSpec<infer T> ? T : never };

export const today = (strapi: Core.Strapi): string => dateIn(reportTimeZone(strapi));

/**
 * Reads the query: the common filters when `filters` is true, plus the endpoint's own parameters.
 * Any other parameter is refused, so a misspelt filter is not silently ignored.
 */
export const parseDashboardQuery = async <S extends Specs>(
  strapi: Core.Strapi,
  query: Record<string, unknown>,
  own: S,
  { filters: withFilters = true }: { filters?: boolean } = {}
): Promise<{ filters: DashboardFilters; params: Values<S> }> => {
  const problems: FieldProblem[] = [];
  const allowed = [...(withFilters ? COMMON_FILTERS : []), ...Object.keys(own)];
  for (const name of Object.keys(query)) {
    if (!allowed.includes(name)) problems.push({ path: [name], message: `unknown parameter; this endpoint takes ${allowed.join(', ') || 'none'}` });
  }
  const params = {} as Record<string, unknown>;
  for (const [name, spec] of Object.entries(own)) {
    const value = plainParameter(query, name, problems);
    if (value === undefined) {
      params[name] = typeof spec.fallback === 'function' ? (spec.fallback as () => unknown)() : spec.fallback;
      continue;
    }
    const read = spec.read(value);
    if (read && typeof read === 'object' && 'problem' in (read as object)) problems.push({ path: [name], message: (read as { problem: string }).problem });
    else params[name] = read;
  }
  const range = defaultRange(today(strapi));
  const filters: DashboardFilters = { ...range };
  if (withFilters) {
    for (const name of ['from', 'to'] as const) {
      const value = plainParameter(query, name, problems);
      if (value === undefined) continue;
      if (!isCalendarDate(value)) problems.push({ path: [name], message: 'must be a date YYYY-MM-DD' });
      else filters[name] = value;
    }
    if (filters.from > filters.to) problems.push({ path: ['to'], message: `must not be before from (${filters.from})` });
    const region = plainParameter(query, 'region', problems);
    if (region !== undefined) filters.region = region;
    const category = plainParameter(query, 'category', problems);
    if (category !== undefined) filters.category = category;
    const salesperson = plainParameter(query, 'salesperson', problems);
    if (salesperson !== undefined) {
      const user = /^\d{1,9}$/.test(salesperson)
        ? await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: Number(salesperson) }, select: ['id'] })
        : null;
      if (!user) problems.push({ path: ['salesperson'], message: `no staff user with id ${salesperson}` });
      else filters.salespersonId = user.id;
    }
    const customer = plainParameter(query, 'customer', problems);
    if (customer !== undefined) {
      const found = /^[a-z0-9]{1,64}$/.test(customer)
        ? await strapi.db.query('api::customer.customer').findOne({ where: { documentId: customer }, select: ['id'] })
        : null;
      if (!found) problems.push({ path: ['customer'], message: `no customer with documentId ${customer}` });
      else Object.assign(filters, { customer, customerId: found.id });
    }
  }
  if (problems.length > 0) throw validationError(problems);
  return { filters, params: params as Values<S> };
};
