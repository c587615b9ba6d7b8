/**
 * A custom endpoint as data: its method and path, what it reads (query parameters, the fields of
 * `{ data: {...} }`), and for the admin panel the permissions it needs. The input is checked before
 * the handler runs (one 400 naming each problem), and the admin routes' permissions are checked by
 * Strapi's `admin::hasPermissions` policy, so a handler holds no access checks of its own.
 * REST controllers use `handlerOf` for the same input checks; Users & Permissions guards their routes.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { invalidRequest, refuse } from './errors';
import { requestData } from './request-data';
import { ParameterSchema, ParameterSpecs, ParameterValues, QueryDeclaration, readQuery } from './query-input';
import { message } from '../domain/messages';

/** What an endpoint answers, by the `format` it is asked for or the file it is. */
export const MEDIA_TYPES = {
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  pdf: 'application/pdf',
} as const;

/** An admin RBAC permission: an action on a content type (`plugin::content-manager.explorer.read`, uid). */
export type AdminPermission = [action: string, subject: string];

export interface EndpointInput<S extends ParameterSpecs> {
  params: Record<string, string>;
  query: ParameterValues<S>;
  data: Record<string, unknown>;
}

export interface Endpoint<S extends ParameterSpecs = ParameterSpecs> {
  /** The query parameters it reads; any other is refused. Absent: the query is not read. */
  query?: QueryDeclaration<S>;
  /** It takes `{ data: {...} }`; with `fields`, only those fields. */
  data?: { fields?: readonly string[] };
  /** Path parameters known better than "a string" (a workflow's actions), for the API description. */
  params?: Record<string, ParameterSchema>;
  /** The status of an answer, when not 200 (201: created). */
  status?: number;
  /** The media type of the file it answers (a PDF), when not JSON; a `format` parameter says so per request. */
  file?: string;
  /** Its JSON answer is the figures themselves, not `{ data, meta }` (the sales dashboard's). */
  unwrapped?: boolean;
  /** Answers the request; what it returns (if anything) is the response body. */
  handle: (ctx: Context, input: EndpointInput<S>) => Promise<unknown>;
}

const dataOf = (ctx: Context, declared: NonNullable<Endpoint['data']>): Record<string, unknown> => {
  const data = requestData(ctx);
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw invalidRequest(message('request.send_shape', { shape: '{ "data": { ... } }' }));
  const unknown = declared.fields ? Object.keys(data).filter((field) => !declared.fields!.includes(field)) : [];
  if (unknown.length > 0) throw refuse([unknown[0]], message('request.unknown_field', { fields: declared.fields!.join(', ') }));
  return data as Record<string, unknown>;
};

/** Each handler's declaration, so the API description (src/platform/openapi.ts) reads what the handler checks. */
const DECLARED = new WeakMap<object, Endpoint>();

/** The declaration a handler was made from by `handlerOf`, if it was. */
export const declarationOf = (handler: unknown): Endpoint | undefined =>
  typeof handler === 'function' ? DECLARED.get(handler) : undefined;

/** The Koa handler of an endpoint: checks its input, runs it, answers what it returns. */
export const handlerOf = <S extends ParameterSpecs>(declared: Endpoint<S>) => {
  const handler = async (ctx: Context): Promise<void> => {
    const input: EndpointInput<S> = {
      params: ctx.params as Record<string, string>,
      query: declared.query ? await readQuery(ctx.query as Record<string, unknown>, declared.query) : ({} as ParameterValues<S>),
      data: declared.data ? dataOf(ctx, declared.data) : {},
    };
    const body = await declared.handle(ctx, input);
    if (declared.status) ctx.status = declared.status;
    if (body !== undefined) ctx.body = body;
  };
  DECLARED.set(handler, declared as unknown as Endpoint);
  return handler;
};

export interface AdminEndpoint<S extends ParameterSpecs = ParameterSpecs> extends Endpoint<S> {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** Every permission the caller needs. */
  permissions: AdminPermission[];
}

/** An admin route: behind an admin session and the endpoint's declared permissions. */
export const adminRoute = <S extends ParameterSpecs>(declared: AdminEndpoint<S>): Core.Route => ({
  info: { type: 'admin' },
  method: declared.method,
  path: declared.path,
  handler: handlerOf(declared),
  config: {
    policies: [
      'admin::isAuthenticatedAdmin',
      ...(declared.permissions.length > 0 ? [{ name: 'admin::hasPermissions', config: { actions: declared.permissions } }] : []),
    ],
  },
});
