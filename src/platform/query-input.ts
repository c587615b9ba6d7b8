/**
 * The one way a custom endpoint reads its query string: each endpoint declares its parameters
 * (default and how to read each), any other parameter is refused, and every problem is reported
 * at once as one 400 naming each bad parameter (`details.errors[].path`).
 */
import type { Core } from '@strapi/strapi';
import type Decimal from 'decimal.js';
import { isCalendarDate } from '../domain/business-date';
import { isMoneyProblem, parseMoney } from '../domain/money';
import { Message, Worded, message } from '../domain/messages';
import { FieldProblem, fieldProblem, problemAt } from '../domain/validation-error';
import { validationError } from './errors';
import { CUSTOMER, USER } from './uids';

/**
 * What a parameter's value looks like, as the API description (docs/openapi.json) states it: a JSON
 * schema of the query string's text. Optional; without it the description says only "a string".
 */
export interface ParameterSchema {
  type: 'string' | 'integer';
  format?: 'date';
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  description?: string;
}

/** A parameter's default and how to read it (a problem when the value is bad); reading may look things up. */
export interface ParameterSpec<T> {
  fallback: T | (() => T);
  read: (value: string) => T | { problem: Message } | Promise<T | { problem: Message }>;
  schema?: ParameterSchema;
}

export type ParameterSpecs = Record<string, ParameterSpec<unknown>>;
export type ParameterValues<S extends ParameterSpecs> = { [K in keyof S]: S[K] extends ParameterSpec<infer T> ? Awaited<T> : never };

/** What a declared query reads into. */
export type QueryValues<D> = D extends QueryDeclaration<infer S> ? ParameterValues<S> : never;

/** An endpoint's query: its parameters and the checks that span several of them (from before to, …). */
export interface QueryDeclaration<S extends ParameterSpecs> {
  parameters: S;
  /** Problems between parameters, run only when each parameter was fine on its own. */
  check?: (values: ParameterValues<S>) => FieldProblem[] | Promise<FieldProblem[]>;
}

/** The problem of a date range whose end comes before its start (none when either is open). */
export const toBeforeFrom = (from: string | undefined, to: string | undefined): FieldProblem[] =>
  from && to && from > to ? [fieldProblem(['to'], 'query.to_before_from', { from })] : [];

/** Declares a query, inferring each parameter's type for `check` and for the handler. */
export const declareQuery = <S extends ParameterSpecs>(parameters: S, check?: QueryDeclaration<S>['check']): QueryDeclaration<S> => ({
  parameters,
  check,
});

export const oneOf = <T extends string, F extends T | undefined = T>(values: readonly T[], fallback: F): ParameterSpec<T | F> => ({
  fallback,
  schema: { type: 'string', enum: values },
  read: (value) =>
    (values as readonly string[]).includes(value) ? (value as T) : { problem: message('field.one_of', { values: values.join(', ') }) },
});

export const wholeNumber = <F extends number | undefined>(
  min: number,
  max: number,
  fallback: F | (() => F)
): ParameterSpec<number | F> => ({
  fallback,
  schema: { type: 'integer', minimum: min, maximum: max },
  read: (value) =>
    /^\d{1,9}$/.test(value) && Number(value) >= min && Number(value) <= max
      ? Number(value)
      : { problem: message('field.whole_number_between', { min, max }) },
});

export const calendarDate = <F extends string | undefined>(fallback: F | (() => F)): ParameterSpec<string | F> => ({
  fallback,
  schema: { type: 'string', format: 'date' },
  read: (value) => (isCalendarDate(value) ? value : { problem: message('field.date') }),
});

export const text = (): ParameterSpec<string | undefined> => ({ fallback: undefined, schema: { type: 'string' }, read: (value) => value });

/**
 * The trimmed value of `name`, or undefined when absent. qs turns `customer[$ne]=x` or a repeated
 * parameter into objects and arrays: not a filter we offer, so that is a problem named `name`.
 */
const plainParameter = (query: Record<string, unknown>, name: string, problems: FieldProblem[]): string | undefined => {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(fieldProblem([name], 'query.plain_value'));
    return undefined;
  }
  return value.trim();
};

const isProblem = (read: unknown): read is { problem: Message } => typeof read === 'object' && read !== null && 'problem' in read;

/**
 * Reads `query` as `declaration` says, adding each problem to `problems`. `extra` names parameters
 * read elsewhere (the dashboard's common filters), so they are not refused as unknown.
 */
export const collectQuery = async <S extends ParameterSpecs>(
  query: Record<string, unknown>,
  declaration: QueryDeclaration<S>,
  problems: FieldProblem[],
  extra: readonly string[] = []
): Promise<ParameterValues<S>> => {
  const allowed = [...extra, ...Object.keys(declaration.parameters)];
  for (const name of Object.keys(query)) {
    if (!allowed.includes(name))
      problems.push(
        fieldProblem([name], 'query.unknown_parameter', { allowed: allowed.length > 0 ? allowed.join(', ') : message('query.none') })
      );
  }
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(declaration.parameters)) {
    const value = plainParameter(query, name, problems);
    if (value === undefined) {
      values[name] = typeof spec.fallback === 'function' ? (spec.fallback as () => unknown)() : spec.fallback;
      continue;
    }
    const read = await spec.read(value);
    if (isProblem(read)) problems.push(problemAt([name], read.problem));
    else values[name] = read;
  }
  if (problems.length === 0 && declaration.check) problems.push(...(await declaration.check(values as ParameterValues<S>)));
  return values as ParameterValues<S>;
};

/** Reads `query` as `declaration` says, or throws one 400 naming every bad parameter. */
export const readQuery = async <S extends ParameterSpecs>(
  query: Record<string, unknown>,
  declaration: QueryDeclaration<S>
): Promise<ParameterValues<S>> => {
  const problems: FieldProblem[] = [];
  const values = await collectQuery(query, declaration, problems);
  if (problems.length > 0) throw validationError(problems);
  return values;
};

/** A comma-separated list of known values (`state=active,in_review`). */
export const listOf = <T extends string>(values: readonly T[], what: Worded): ParameterSpec<T[] | undefined> => ({
  fallback: undefined,
  schema: { type: 'string', description: `one or more (comma-separated) of ${values.join(', ')}` },
  read: (value) => {
    const items = value.split(',').map((item) => item.trim());
    const unknown = items.filter((item) => !(values as readonly string[]).includes(item));
    return unknown.length === 0
      ? (items as T[])
      : { problem: message('query.unknown_values', { what, unknown: unknown.join(', '), values: values.join(', ') }) };
  },
});

/** An amount of money with at most two places, exact. */
export const moneyAmount = (): ParameterSpec<Decimal | undefined> => ({
  fallback: undefined,
  schema: { type: 'string', description: 'an amount of money such as 1234.50, at most two places' },
  read: (value) => {
    const amount = parseMoney(value);
    return isMoneyProblem(amount) ? { problem: amount } : amount;
  },
});

/** A staff user's id; one naming nobody is a typo, not an empty report. */
export const staffUser = (strapi: Core.Strapi): ParameterSpec<number | undefined> => ({
  fallback: undefined,
  schema: { type: 'integer', minimum: 1, description: "a staff user's id" },
  read: async (value) => {
    if (!/^\d{1,9}$/.test(value) || Number(value) < 1) return { problem: message('query.staff_user_id') };
    const user = await strapi.db.query(USER).findOne({ where: { id: Number(value) }, select: ['id'] });
    return user ? Number(user.id) : { problem: message('query.no_staff_user', { id: value }) };
  },
});

/** A customer's documentId, read as the customer's row id. */
export const customerDocument = (strapi: Core.Strapi): ParameterSpec<{ documentId: string; id: number } | undefined> => ({
  fallback: undefined,
  schema: { type: 'string', pattern: '^[a-z0-9]{1,64}$', description: "a customer's documentId" },
  read: async (value) => {
    if (!/^[a-z0-9]{1,64}$/.test(value)) return { problem: message('query.customer_id') };
    const found = await strapi.db.query(CUSTOMER).findOne({ where: { documentId: value }, select: ['id'] });
    return found ? { documentId: value, id: Number(found.id) } : { problem: message('query.no_customer', { documentId: value }) };
  },
});
