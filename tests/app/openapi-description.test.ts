/**
 * The REST API's description (docs/openapi.json): the committed files are what `npm run openapi`
 * makes of the app as it is, the description is valid OpenAPI, and it says what the custom routes
 * read (from their declarations). The description comes from the routes and content types, not the
 * database, so this runs once, on SQLite (tests/app/: the PostgreSQL run takes tests/integration/);
 * tests/integration/openapi.test.ts drives the API through the client generated from it on both.
 */
import fs from 'fs';
import path from 'path';
import { APP_DIR, useStrapi } from '../helpers/strapi';

// The running app's handlers were made by dist/'s modules; their declarations are read there. An
// isolated Strapi: the schemas are named as in a process of its own (`npm run openapi`).
const { apiDescription } = require(
  path.join(APP_DIR, 'dist', 'src', 'platform', 'openapi.js')
) as typeof import('../../src/platform/openapi');
const { DESCRIPTION_FILE, TYPES_FILE, descriptionText, typesTextApart, validateDescription } = require('../../scripts/openapi-files');

type Document = ReturnType<typeof apiDescription>;
type Operation = Document['paths'][string][string];

const operations = (document: Document): [string, string, Operation][] =>
  Object.entries(document.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]): [string, string, Operation] => [method, path, op])
  );

const queryParameter = (op: Operation, name: string) =>
  op.parameters?.find((parameter) => parameter.in === 'query' && parameter.name === name);
const bodyData = (op: Operation) =>
  (op.requestBody?.content['application/json'].schema.properties as Record<string, { properties?: object; required?: string[] }>).data;

const app = useStrapi({ isolated: true });

describe('the API description', () => {
  let document: Document;

  beforeAll(() => {
    document = apiDescription(app.strapi);
  });

  it('is the committed docs/openapi.json and types/openapi.d.ts (run `npm run openapi` after changing a route)', async () => {
    expect(descriptionText(document)).toBe(fs.readFileSync(DESCRIPTION_FILE, 'utf8'));
    expect(typesTextApart(document)).toBe(fs.readFileSync(TYPES_FILE, 'utf8'));
  });

  it('is valid OpenAPI for a standard validator', async () => {
    await expect(validateDescription(document)).resolves.toBeDefined();
  });

  it('declares every path parameter, a success answer, the error shape and who may call, on every operation', () => {
    for (const [method, path, op] of operations(document)) {
      const declared = op.parameters?.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name) ?? [];
      expect({ method, path, declared }).toEqual({ method, path, declared: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]) });
      expect({ method, path, success: Object.keys(op.responses ?? {}).some((status) => /^2/.test(status)) }).toEqual({
        method,
        path,
        success: true,
      });
      expect(op.responses?.['403']?.content?.['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
      // A customer's signed link needs no account; everything else the bearer token.
      const expected = /\/(feedback|respond)\/\{token\}$/.test(path) ? [] : [{ bearerAuth: [] }];
      expect({ method, path, security: op.security }).toEqual({ method, path, security: expected });
    }
    expect(document.servers).toEqual([expect.objectContaining({ url: '/api' })]);
  });

  it("describes the custom routes' query parameters and bodies from the declarations they check input with", () => {
    const aging = document.paths['/receivables/aging'].get;
    expect(queryParameter(aging, 'asOf')?.schema).toMatchObject({ type: 'string', format: 'date' });
    expect(queryParameter(aging, 'groupBy')?.schema).toEqual({
      type: 'string',
      enum: ['bucket', 'customer', 'salesperson', 'region'],
      default: 'bucket',
    });
    expect(Object.keys(aging.responses?.['200'].content ?? {})).toEqual([
      'application/json',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    const ledger = document.paths['/contracts/ledger'].get;
    expect(ledger.parameters?.map((parameter) => parameter.name)).toEqual([
      'format',
      'customer',
      'state',
      'revisions',
      'from',
      'to',
      'salesperson',
      'minTotal',
      'maxTotal',
      'page',
      'pageSize',
    ]);
    expect(queryParameter(ledger, 'pageSize')?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 500 });
    expect(document.paths['/sales-dashboard/sales/trend'].get.parameters?.map((parameter) => parameter.name)).toEqual([
      'grain',
      'from',
      'to',
      'region',
      'salesperson',
      'customer',
      'category',
    ]);
    expect(document.paths['/sales-dashboard/sales/targets'].get.parameters?.map((parameter) => parameter.name)).toEqual(['year', 'by']);
    // The dashboard answers its figures as they are, not under `data`.
    expect(document.paths['/sales-dashboard/sales/trend'].get.responses?.['200'].content).toEqual({
      'application/json': { schema: { type: 'object', additionalProperties: true } },
    });
    expect(queryParameter(document.paths['/complaints/statistics'].get, 'severity')?.schema).toMatchObject({
      enum: ['minor', 'major', 'critical'],
    });

    expect(bodyData(document.paths['/products/{documentId}/stock-adjustments'].post)).toEqual({
      type: 'object',
      properties: { quantity: {}, reason: {} },
      additionalProperties: false,
    });
    expect(Object.keys(bodyData(document.paths['/payments/{documentId}/reverse'].post).properties ?? {})).toEqual([
      'version',
      'reason',
      'comment',
    ]);
    const act = document.paths['/contracts/{documentId}/workflow/{action}'].post;
    expect(act.parameters?.find((parameter) => parameter.name === 'action')?.schema?.enum).toEqual(
      expect.arrayContaining(['submit', 'review', 'seal'])
    );
    expect(Object.keys(document.paths['/statements/{documentId}/statement.pdf'].get.responses?.['200'].content ?? {})).toEqual([
      'application/pdf',
    ]);
    expect(Object.keys(document.paths['/payments'].post.responses ?? {})).toContain('201');
  });

  it('leaves server-owned fields out of what a client sends', () => {
    const order = bodyData(document.paths['/orders'].post);
    expect(Object.keys(order.properties ?? {})).toEqual(expect.arrayContaining(['customer', 'lines', 'requiredDate']));
    for (const field of ['number', 'total', 'state', 'version', 'salesperson', 'region'])
      expect(Object.keys(order.properties ?? {})).not.toContain(field);
    // Required are only the fields a client must send: not those the server owns or fills with a default.
    for (const field of ['state', 'version', 'currency', 'channel', 'publishedAt']) expect(order.required ?? []).not.toContain(field);
    expect(Object.keys(bodyData(document.paths['/orders/{id}'].put).properties ?? {})).not.toContain('state');
  });
});
