/**
 * The client generated from the REST API's description (openapi-fetch over types/openapi.d.ts), on
 * each database: it logs in, drafts a contract, submits it for review and gets a refusal in the
 * documented error shape. That the description is current and valid: tests/app/openapi-description.test.ts.
 */
import fs from 'fs';
import type { AddressInfo } from 'net';
import createClient from 'openapi-fetch';
import type { paths } from '../../types/openapi';
import { useStrapi } from '../helpers/strapi';
import { createStaffUser, PASSWORD, useStaff } from '../helpers/staff';
import { createCustomer, createProduct, Doc } from '../helpers/fixtures';

const { DESCRIPTION_FILE } = require('../../scripts/openapi-files');

const app = useStrapi();

describe('a client generated from the description', () => {
  const { supervisor } = useStaff(app, { supervisor: 'cs-supervisor' });
  let baseUrl: string;
  let customer: Doc;
  let product: Doc;

  beforeAll(async () => {
    const server = app.strapi.server.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    customer = await createCustomer(app.strapi, supervisor, { creditLimit: '1000000.00' });
    product = await createProduct(app.strapi, supervisor);
  });

  it('logs in as a staff member, drafts a contract, submits it for review, and gets a refusal in the documented error shape', async () => {
    const specialist = await createStaffUser(app.strapi, 'cs-specialist');
    const client = createClient<paths, 'application/json'>({ baseUrl });

    const login = await client.POST('/auth/local', { body: { identifier: specialist.email, password: PASSWORD } });
    expect(login.response.status).toBe(200);
    const jwt = login.data!.jwt;
    client.use({ onRequest: ({ request }) => (request.headers.set('Authorization', `Bearer ${jwt}`), request) });

    const drafted = await client.POST('/contracts', {
      body: {
        data: {
          customer: customer.documentId,
          lines: [{ product: product.documentId, quantity: 2, unitPrice: '150.00' }],
          paymentTerms: 'T/T 30 days',
          deliveryDate: '2027-02-01',
        },
      },
    });
    expect(drafted.response.status).toBe(201);
    const contract = drafted.data!.data!;
    expect(contract).toMatchObject({ state: 'draft', version: 1 });

    const documentId = contract.documentId!;
    const submitted = await client.POST('/contracts/{documentId}/workflow/{action}', {
      params: { path: { documentId, action: 'submit' } },
      body: { data: { version: contract.version } },
    });
    expect(submitted.response.status).toBe(200);
    expect(submitted.data?.data).toMatchObject({ documentId, state: 'in_review', version: 2 });

    const ledger = await client.GET('/contracts/ledger', { params: { query: { state: 'in_review', customer: customer.documentId } } });
    expect(ledger.response.status).toBe(200);
    expect(ledger.data?.data).toEqual([expect.objectContaining({ number: contract.number, state: 'in_review' })]);

    // Submitting again from the old version: refused, in the shape the description gives every refusal.
    const again = await client.POST('/contracts/{documentId}/workflow/{action}', {
      params: { path: { documentId, action: 'submit' } },
      body: { data: { version: contract.version } },
    });
    expect(again.response.status).toBe(409);
    expect(again.data).toBeUndefined();
    expect(again.error).toEqual({
      data: null,
      error: { status: 409, name: 'ConflictError', message: expect.any(String), details: expect.any(Object) },
    });
    expectDocumentedError(again.error);

    const badQuery = await client.GET('/contracts/ledger', { params: { query: { from: '2026-02-30', pageSize: 501 } } });
    expect(badQuery.response.status).toBe(400);
    expectDocumentedError(badQuery.error);
    const { errors } = badQuery.error!.error.details as { errors: { path: string[] }[] };
    expect(errors.map((problem) => problem.path[0])).toEqual(['from', 'pageSize']);
  });

  /** The body meets the description's Error schema: its required properties, of their types. */
  const expectDocumentedError = (body: unknown) => {
    const schema = JSON.parse(fs.readFileSync(DESCRIPTION_FILE, 'utf8')).components.schemas.Error;
    const answer = body as { data: unknown; error: Record<string, unknown> };
    expect(Object.keys(answer).sort()).toEqual([...schema.required].sort());
    expect(answer.data).toBeNull();
    for (const field of schema.properties.error.required) {
      const type = schema.properties.error.properties[field].type;
      expect(typeof answer.error[field]).toBe(type === 'integer' ? 'number' : type);
    }
  };
});
