/**
 * Completing Strapi's OpenAPI output (src/platform/openapi.ts) on a small document: what a custom
 * route's declaration adds, and what is corrected in a core route, without booting Strapi.
 */
import { ApiDocument, completeDescription } from '../../src/platform/openapi';
import { declareQuery, oneOf, ParameterSpecs, wholeNumber } from '../../src/platform/query-input';

const UUID =
  '^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000)$';

const strapiOutput = (): ApiDocument => ({
  info: { title: 'cs-console', version: '0.1.0' },
  components: { schemas: {} },
  paths: {
    '/orders/{documentId}/report': { get: { operationId: 'report', responses: { '400': { description: 'Bad request' } } } },
    '/orders/{documentId}/workflow/{action}': { post: { operationId: 'act', responses: {} } },
    '/orders': {
      post: {
        operationId: 'create',
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  data: {
                    type: 'object',
                    properties: {
                      number: { type: 'string' },
                      state: { type: 'string', default: 'draft' },
                      channel: { type: 'string', default: 'phone' },
                      orderDate: { type: 'string' },
                      customer: { type: 'string', format: 'uuid', pattern: UUID },
                      publishedAt: { type: 'string', default: '2026-12-07T02:51:37.659Z' },
                    },
                    required: ['number', 'state', 'channel', 'orderDate', 'publishedAt'],
                  },
                },
              },
            },
          },
        },
        responses: { '200': { description: 'OK' } },
      },
    },
    '/statements/respond/{token}': { get: { operationId: 'link', responses: {} } },
  },
});

describe('completing the API description', () => {
  const handle = async () => undefined;
  const document = completeDescription(strapiOutput(), {
    'GET /orders/{documentId}/report': {
      public: false,
      endpoint: {
        query: declareQuery<ParameterSpecs>({ format: oneOf(['json', 'xlsx'] as const, 'json'), top: wholeNumber(1, 100, undefined) }),
        handle,
      },
    },
    'POST /orders/{documentId}/workflow/{action}': {
      public: false,
      endpoint: { data: { fields: ['version', 'comment'] }, params: { action: { type: 'string', enum: ['confirm'] } }, handle },
    },
    'POST /orders': { public: false, uid: 'api::order.order', status: 201 },
    'GET /statements/respond/{token}': { public: true },
  });

  it('declares the path and query parameters a declaration names, with their types and defaults', () => {
    expect(document.paths['/orders/{documentId}/report'].get.parameters).toEqual([
      { name: 'documentId', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'xlsx'], default: 'json' } },
      { name: 'top', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } },
    ]);
    expect(document.paths['/orders/{documentId}/workflow/{action}'].post.parameters?.[1]).toEqual({
      name: 'action',
      in: 'path',
      required: true,
      schema: { type: 'string', enum: ['confirm'] },
    });
  });

  it('answers each format the query offers, and refusals in the error shape', () => {
    const responses = document.paths['/orders/{documentId}/report'].get.responses!;
    expect(Object.keys(responses['200'].content!)).toEqual([
      'application/json',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(responses['400'].content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/Error' } } });
    expect(document.components.schemas?.Error).toMatchObject({ required: ['data', 'error'] });
  });

  it('describes a declared body as { data } with exactly the declared fields', () => {
    expect(document.paths['/orders/{documentId}/workflow/{action}'].post.requestBody?.content['application/json'].schema).toEqual({
      type: 'object',
      required: ['data'],
      properties: { data: { type: 'object', properties: { version: {}, comment: {} }, additionalProperties: false } },
    });
    expect(Object.keys(document.paths['/orders/{documentId}/workflow/{action}'].post.responses!)).toEqual(['200', '409']);
  });

  it('takes server-owned fields out of a core create, requires no field the server fills, and answers 201', () => {
    const create = document.paths['/orders'].post;
    const data = (create.requestBody!.content['application/json'].schema.properties as Record<string, Record<string, unknown>>).data;
    expect(Object.keys(data.properties as object)).toEqual(['channel', 'orderDate', 'customer', 'publishedAt']);
    expect(data.required).toEqual(['orderDate']);
    expect((data.properties as Record<string, unknown>).customer).toEqual({ type: 'string' });
    expect((data.properties as Record<string, unknown>).publishedAt).toEqual({ type: 'string' });
    expect(Object.keys(create.responses!)).toEqual(['201', '409']);
  });

  it('asks for the bearer token except on public links, and serves under /api', () => {
    expect(document.paths['/orders'].post.security).toEqual([{ bearerAuth: [] }]);
    expect(document.paths['/statements/respond/{token}'].get.security).toEqual([]);
    expect(document.paths['/statements/respond/{token}'].get.parameters).toEqual([
      { name: 'token', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(document.servers).toEqual([{ url: '/api', description: "the REST API, relative to the app's URL" }]);
  });
});
