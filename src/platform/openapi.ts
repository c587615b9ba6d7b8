/**
 * The REST API's description (docs/openapi.json, `npm run openapi`). Strapi's generator
 * (@strapi/openapi) describes the core routes from the content types but knows nothing of what our
 * own handlers read; this completes its output from the declarations those handlers check their
 * input with (src/platform/endpoint.ts: query parameters, `data.fields`, path parameters, the file
 * answered), so the description cannot drift from what the routes accept. It also adds what code
 * generators need and Strapi leaves out: every path parameter declared, a success answer, the error
 * shape, the bearer scheme, and no server-owned field (src/domain/server-owned.ts) in a request body.
 */
import type { Core } from '@strapi/strapi';
import { generate } from '@strapi/openapi';
import { SERVER_OWNED } from '../domain/server-owned';
import { declarationOf, Endpoint, MEDIA_TYPES } from './endpoint';
import type { ParameterSchema } from './query-input';

type Schema = Record<string, unknown>;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
  description?: string;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses?: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
  security?: Record<string, string[]>[];
  [key: string]: unknown;
}

export interface ApiDocument {
  servers?: { url: string; description?: string }[];
  info: { title: string; description?: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, Schema>; securitySchemes?: Record<string, Schema> };
  [key: string]: unknown;
}

/** A content-API route as served: the handler's declaration (if it was made by `handlerOf`) and the content type it writes. */
export interface RouteFacts {
  endpoint?: Endpoint;
  /** No account needed (a customer's signed link). */
  public: boolean;
  /** The content type of a core action (create, update), whose server-owned fields a client does not send. */
  uid?: string;
  /** The success status when not 200: a core create answers 201 (Strapi's generator says 200). */
  status?: number;
}

/** Routes by `<METHOD> <path as the description writes it>`, e.g. `POST /contracts/{documentId}/workflow/{action}`. */
export type RouteTable = Record<string, RouteFacts>;

const ERROR = 'Error';
const SUCCESS = /^2\d\d$/;

/** Strapi's answer to a refused request: `{ data: null, error: { status, name, message, details } }` (docs/api.md). */
const ERROR_SCHEMA: Schema = {
  type: 'object',
  required: ['data', 'error'],
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      required: ['status', 'name', 'message'],
      properties: {
        status: { type: 'integer' },
        name: { type: 'string', description: 'ValidationError, ForbiddenError, NotFoundError, ConflictError, …' },
        message: { type: 'string' },
        details: {
          type: 'object',
          additionalProperties: true,
          description: 'ValidationError: `errors[].path` names each bad field or parameter',
        },
      },
    },
  },
};

/** A JSON answer: `{ data, meta? }`. */
const ANY_OBJECT: Schema = { type: 'object', additionalProperties: true };
const ANSWER_SCHEMA: Schema = { type: 'object', required: ['data'], properties: { data: {}, meta: ANY_OBJECT } };
const FILE_SCHEMA: Schema = { type: 'string', format: 'binary' };

/** Strapi writes documentIds as UUIDs; ours are not (`k3l0…`), so a validating client would refuse real ones. */
const STRAPI_UUID_PATTERN = /^\^\(\[0-9a-fA-F\]\{8\}/;

const schemaOf = (schema: ParameterSchema | undefined): Schema => (schema ? { ...schema } : { type: 'string' });

const queryParameters = (endpoint: Endpoint): Parameter[] =>
  Object.entries(endpoint.query?.parameters ?? {}).map(([name, spec]) => {
    const schema = schemaOf(spec.schema);
    if (typeof spec.fallback === 'string' || typeof spec.fallback === 'number') schema.default = spec.fallback;
    return { name, in: 'query', required: false, schema };
  });

/** The media types an endpoint answers: its file, the formats its `format` parameter offers, or JSON. */
const answerContent = (endpoint: Endpoint | undefined): Record<string, { schema: Schema }> => {
  if (endpoint?.file) return { [endpoint.file]: { schema: FILE_SCHEMA } };
  const formats = (endpoint?.query?.parameters.format?.schema?.enum ?? ['json']) as (keyof typeof MEDIA_TYPES)[];
  const json = endpoint?.unwrapped ? ANY_OBJECT : ANSWER_SCHEMA;
  return Object.fromEntries(formats.map((format) => [MEDIA_TYPES[format], { schema: format === 'json' ? json : FILE_SCHEMA }]));
};

const requestBody = (data: NonNullable<Endpoint['data']>): NonNullable<Operation['requestBody']> => ({
  required: true,
  content: {
    [MEDIA_TYPES.json]: {
      schema: {
        type: 'object',
        required: ['data'],
        properties: {
          data: data.fields
            ? { type: 'object', properties: Object.fromEntries(data.fields.map((field) => [field, {}])), additionalProperties: false }
            : ANY_OBJECT,
        },
      },
    },
  },
});

/**
 * A core create/update body as a client sends it. Strapi's generator lists every attribute and
 * requires those with a default (and `publishedAt`): the server-owned ones go, and a field the
 * server fills in when absent is not required.
 */
const clientBody = (body: NonNullable<Operation['requestBody']>, owned: readonly string[]) => {
  for (const { schema } of Object.values(body.content)) {
    const data = (schema.properties as Record<string, Schema> | undefined)?.data;
    if (!data) continue;
    const properties = (data.properties ?? {}) as Record<string, Schema>;
    for (const field of owned) delete properties[field];
    if (Array.isArray(data.required)) {
      data.required = data.required.filter(
        (field: string) => properties[field] && !('default' in properties[field]) && field !== 'publishedAt'
      );
    }
  }
};

const completeOperation = (method: string, path: string, operation: Operation, route: RouteFacts | undefined) => {
  const endpoint = route?.endpoint;
  const given = operation.parameters ?? [];
  const pathNames = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  const pathParameters = pathNames.map((name): Parameter => ({
    ...given.find((parameter) => parameter.in === 'path' && parameter.name === name),
    name,
    in: 'path',
    required: true,
    schema: endpoint?.params?.[name]
      ? schemaOf(endpoint.params[name])
      : (given.find((parameter) => parameter.in === 'path' && parameter.name === name)?.schema ?? { type: 'string' }),
  }));
  // A declared query replaces Strapi's guess (its core filters, which our handlers do not read).
  const otherParameters = given.filter((parameter) => parameter.in !== 'path' && !(endpoint && parameter.in === 'query'));
  operation.parameters = [...pathParameters, ...otherParameters, ...(endpoint ? queryParameters(endpoint) : [])];

  if (endpoint?.data) operation.requestBody = requestBody(endpoint.data);
  else if (operation.requestBody && route?.uid) clientBody(operation.requestBody, SERVER_OWNED[route.uid] ?? []);

  const responses = { ...operation.responses };
  const success = Object.keys(responses).find((status) => SUCCESS.test(status));
  const status = String(endpoint?.status ?? route?.status ?? 200);
  if (success && success !== status) {
    responses[status] = responses[success];
    delete responses[success];
  } else if (!success) {
    responses[status] = { description: 'OK', content: answerContent(endpoint) };
  }
  if (method !== 'get' && !responses['409']) responses['409'] = { description: 'Conflict' };
  for (const [code, response] of Object.entries(responses)) {
    if (!SUCCESS.test(code)) response.content = { [MEDIA_TYPES.json]: { schema: { $ref: `#/components/schemas/${ERROR}` } } };
  }
  operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
  operation.security = route?.public ? [] : [{ bearerAuth: [] }];
};

/**
 * Corrects two things in Strapi's schemas: documentIds described as UUIDs, and `publishedAt`
 * defaulting to the instant of generation (draft & publish is off; the file would change each run).
 */
const correctSchemas = (node: unknown): void => {
  if (Array.isArray(node)) node.forEach(correctSchemas);
  else if (node && typeof node === 'object') {
    const schema = node as Schema;
    if (schema.format === 'uuid' && typeof schema.pattern === 'string' && STRAPI_UUID_PATTERN.test(schema.pattern)) {
      delete schema.format;
      delete schema.pattern;
    }
    delete (schema.properties as Record<string, Schema> | undefined)?.publishedAt?.default;
    Object.values(schema).forEach(correctSchemas);
  }
};

/** Completes Strapi's description with what the route table knows; changes and returns `document`. */
export const completeDescription = (document: ApiDocument, routes: RouteTable): ApiDocument => {
  document.info.description = 'REST API of the customer-service console (客户服务部); how to use it: docs/api.md';
  document.servers = [{ url: '/api', description: "the REST API, relative to the app's URL" }];
  document.components.schemas = { ...document.components.schemas, [ERROR]: ERROR_SCHEMA };
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      completeOperation(method, path, operation, routes[`${method.toUpperCase()} ${path}`]);
    }
  }
  correctSchemas(document);
  return document;
};

interface RouteConfig {
  method: string;
  path: string;
  handler: unknown;
  config?: { auth?: boolean; prefix?: string };
}

type Routers = Record<string, { type?: string; routes: RouteConfig[] }> | RouteConfig[];

const CORE_WRITES = ['create', 'update'];

const routesOf = (routers: Routers | undefined): RouteConfig[] =>
  Array.isArray(routers)
    ? routers
    : Object.values(routers ?? {}).flatMap((router) => (router.type === 'admin' ? [] : (router.routes ?? [])));

const described = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** The content-API routes of the app's APIs and plugins, by method and path, with what their handlers declare. */
export const routeTable = (strapi: Core.Strapi): RouteTable => {
  const table: RouteTable = {};
  const add = (route: RouteConfig, path: string, handler: unknown, facts: Pick<RouteFacts, 'uid' | 'status'> = {}) => {
    table[`${route.method.toUpperCase()} ${described(path)}`] = {
      endpoint: declarationOf(handler),
      public: route.config?.auth === false,
      ...facts,
    };
  };
  for (const api of Object.values(strapi.apis)) {
    for (const route of routesOf(api.routes as Routers)) {
      if (typeof route.handler !== 'string') continue;
      const at = route.handler.lastIndexOf('.');
      const [uid, action] = [route.handler.slice(0, at), route.handler.slice(at + 1)];
      const controller = strapi.controller(uid as never) as unknown as Record<string, unknown>;
      add(route, route.path, controller?.[action], {
        uid: CORE_WRITES.includes(action) ? uid : undefined,
        status: action === 'create' ? 201 : undefined,
      });
    }
  }
  for (const [name, plugin] of Object.entries(strapi.plugins)) {
    for (const route of routesOf(plugin.routes as Routers)) {
      if (typeof route.handler !== 'string') continue;
      const [controller, action] = route.handler.split('.');
      const prefix = route.config?.prefix ?? `/${name}`;
      add(route, `${prefix}${route.path}`, (plugin.controller(controller) as Record<string, unknown> | undefined)?.[action]);
    }
  }
  return table;
};

/** The description of the content API (routes mounted: `strapi.server.mount()`). */
export const apiDescription = (strapi: Core.Strapi): ApiDocument =>
  completeDescription(generate(strapi, { type: 'content-api' }).document as unknown as ApiDocument, routeTable(strapi));
