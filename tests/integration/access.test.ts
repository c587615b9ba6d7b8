/**
 * Who may reach what through REST: nobody without a login, only the roles of docs/roles.md, nobody
 * deletes, and the fields the server owns cannot be set by a client.
 */
import request from 'supertest';
import { ROLE_CODES, RoleCode } from '../../src/domain/staff-roles';
import { createAdminUser } from '../helpers/admin';
import { useStrapi } from '../helpers/strapi';
import { createStaffUser, rest, StaffMember } from '../helpers/staff';
import {
  countRows,
  createCustomer,
  createInquiry,
  createOrder,
  createProduct,
  Doc,
  expectForbidden,
  expectValidationError,
  orderNumber,
} from '../helpers/fixtures';

describe('access to business records through REST', () => {
  const app = useStrapi();
  const staff = {} as Record<RoleCode, StaffMember>;
  let customer: Doc;
  let product: Doc;
  let order: Doc;
  let inquiry: Doc;

  beforeAll(async () => {
    for (const role of ROLE_CODES) staff[role] = await createStaffUser(app.strapi, role);
    customer = await createCustomer(app.strapi, staff['cs-specialist'], { name: 'Secret Customer 机密客户', creditLimit: '88000.00' });
    product = await createProduct(app.strapi, staff['cs-supervisor'], { name: 'Secret Product', stockOnHand: 9 });
    order = await createOrder(app.strapi, staff['cs-specialist'], {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 1, unitPrice: '10.00' }],
    });
    inquiry = await createInquiry(app.strapi, staff['cs-specialist'], { customer: customer.documentId, summary: 'Secret summary' });
  });

  const businessRows = async () => ({
    customers: await countRows(app.strapi, 'api::customer.customer'),
    products: await countRows(app.strapi, 'api::product.product'),
    orders: await countRows(app.strapi, 'api::order.order'),
    inquiries: await countRows(app.strapi, 'api::inquiry.inquiry'),
  });

  /** Anonymous and authenticated-without-role requests: every business endpoint, no business data back. */
  const businessEndpoints = (): [string, string, object?][] => [
    ['GET', '/api/customers'],
    ['GET', `/api/customers/${customer.documentId}`],
    ['POST', '/api/customers', { data: { name: 'Intruder Ltd' } }],
    ['PUT', `/api/customers/${customer.documentId}`, { data: { name: 'Renamed' } }],
    ['GET', '/api/products'],
    ['GET', `/api/products/${product.documentId}`],
    ['POST', '/api/products', { data: { sku: 'HACK-1', name: 'Hack', unit: 'pcs', listPrice: '1.00' } }],
    ['GET', `/api/products/${product.documentId}/availability`],
    ['GET', '/api/orders'],
    ['GET', `/api/orders/${order.documentId}`],
    ['POST', '/api/orders', { data: { customer: customer.documentId } }],
    ['GET', '/api/inquiries'],
    ['GET', `/api/inquiries/${inquiry.documentId}`],
    ['POST', '/api/inquiries', { data: { customer: customer.documentId, kind: 'other', summary: 'x' } }],
    ['GET', '/api/users'],
  ];

  const send = (member: StaffMember | undefined, method: string, url: string, body?: object) => {
    const api = rest(app.strapi, member);
    if (method === 'GET') return api.get(url);
    if (method === 'POST') return api.post(url, body);
    if (method === 'PUT') return api.put(url, body);
    return api.delete(url);
  };

  const expectNoBusinessData = (body: unknown) => {
    const text = JSON.stringify(body);
    for (const secret of ['Secret Customer', 'Secret Product', 'Secret summary', order.number, 'creditLimit', 'stockOnHand']) {
      expect(text).not.toContain(secret);
    }
  };

  describe('without a login', () => {
    // Strapi itself answers 403 when the Public role lacks a permission; src/middlewares/
    // anonymous-is-unauthorized.ts exists to answer 401 (log in first) to a request without credentials.
    it('is refused on every business endpoint with 401, gets no data and writes nothing', async () => {
      const before = await businessRows();
      const answers: { request: string; status: number; error: string; challenge?: string }[] = [];
      for (const [method, url, body] of businessEndpoints()) {
        const res = await send(undefined, method, url, body);
        expect(res.body.data ?? null).toBeNull();
        expectNoBusinessData(res.body);
        answers.push({
          request: `${method} ${url}`,
          status: res.status,
          error: res.body?.error?.name,
          challenge: res.headers['www-authenticate'],
        });
      }
      expect(await businessRows()).toEqual(before);
      expect(answers).toEqual(
        businessEndpoints().map(([method, url]) => ({
          request: `${method} ${url}`,
          status: 401,
          error: 'UnauthorizedError',
          challenge: 'Bearer',
        }))
      );
    });

    it('is refused with 401 when the token is not a valid JWT', async () => {
      const res = await rest(app.strapi, { id: 0, email: 'nobody@test.local', jwt: 'not-a-jwt' }).get('/api/customers');
      expect(res.status).toBe(401);
      expect(res.body.data).toBeNull();
      expectNoBusinessData(res.body);
    });

    it('cannot register itself an account', async () => {
      const before = await countRows(app.strapi, 'plugin::users-permissions.user');
      const res = await rest(app.strapi).post('/api/auth/local/register', {
        username: 'selfmade',
        email: 'selfmade@test.local',
        password: 'Self-Made-123',
      });
      expect({ status: res.status, message: res.body.error?.message }).toEqual({
        status: 400,
        message: 'Register action is currently disabled',
      });
      expect(res.body.jwt).toBeUndefined();
      expect(await countRows(app.strapi, 'plugin::users-permissions.user')).toBe(before);
    });
  });

  describe('with a login but no staff role (Authenticated)', () => {
    it('is refused on every business endpoint with 403 and gets no data', async () => {
      const outsider = await createStaffUser(app.strapi, 'authenticated');
      const before = await businessRows();
      const answers: { request: string; status: number }[] = [];
      for (const [method, url, body] of businessEndpoints()) {
        const res = await send(outsider, method, url, body);
        expect(res.body.data ?? null).toBeNull();
        expectNoBusinessData(res.body);
        answers.push({ request: `${method} ${url}`, status: res.status });
      }
      expect(await businessRows()).toEqual(before);
      expect(answers).toEqual(businessEndpoints().map(([method, url]) => ({ request: `${method} ${url}`, status: 403 })));
    });

    it('may still read its own account', async () => {
      const outsider = await createStaffUser(app.strapi, 'authenticated');
      const me = await rest(app.strapi, outsider).get('/api/users/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ id: outsider.id, email: outsider.email });
      expect(me.body.password).toBeUndefined();
    });
  });

  describe('with the wrong staff role', () => {
    it('refuses quality creating a customer', async () => {
      const before = await countRows(app.strapi, 'api::customer.customer');
      expectForbidden(await rest(app.strapi, staff.quality).post('/api/customers', { data: { name: 'By quality' } }));
      expect(await countRows(app.strapi, 'api::customer.customer')).toBe(before);
    });

    it('refuses a salesperson creating a product', async () => {
      const before = await countRows(app.strapi, 'api::product.product');
      expectForbidden(
        await rest(app.strapi, staff.salesperson).post('/api/products', {
          data: { sku: 'SP-1', name: 'By salesperson', unit: 'pcs', listPrice: '1.00' },
        })
      );
      expect(await countRows(app.strapi, 'api::product.product')).toBe(before);
    });

    it('refuses a planner reading the contact log, in a list or one by one', async () => {
      const list = await rest(app.strapi, staff.planner).get('/api/inquiries');
      expectForbidden(list);
      expectNoBusinessData(list.body);
      expectForbidden(await rest(app.strapi, staff.planner).get(`/api/inquiries/${inquiry.documentId}`));
    });

    it('refuses an order coordinator creating an order', async () => {
      const before = await countRows(app.strapi, 'api::order.order');
      expectForbidden(await rest(app.strapi, staff['order-coordinator']).post('/api/orders', { data: { customer: customer.documentId } }));
      expect(await countRows(app.strapi, 'api::order.order')).toBe(before);
    });

    it('refuses a CS specialist changing a product and quality changing a customer', async () => {
      expectForbidden(
        await rest(app.strapi, staff['cs-specialist']).put(`/api/products/${product.documentId}`, { data: { listPrice: '0.01' } })
      );
      expectForbidden(
        await rest(app.strapi, staff.quality).put(`/api/customers/${customer.documentId}`, { data: { creditLimit: '9999999.00' } })
      );
      const storedProduct = await app.strapi.db.query('api::product.product').findOne({ where: { documentId: product.documentId } });
      expect(Number(storedProduct.listPrice)).toBe(1280);
      const storedCustomer = await app.strapi.db.query('api::customer.customer').findOne({ where: { documentId: customer.documentId } });
      expect(Number(storedCustomer.creditLimit)).toBe(88000);
    });

    it('gives each role exactly the reads, creates and updates of docs/roles.md', async () => {
      // R: the list answers 200 (else 403). C and U: a create or update with empty data is let
      // through to validation (400 or 200) instead of refused with 403.
      const matrix: Record<string, Record<RoleCode, string>> = {
        customers: {
          'cs-supervisor': 'RCU',
          'cs-specialist': 'RCU',
          'order-coordinator': 'R',
          'sales-clerk': 'RU',
          planner: 'R',
          quality: 'R',
          'sales-manager': 'RU',
          'marketing-vp': 'RU',
          salesperson: 'R',
        },
        products: {
          'cs-supervisor': 'RCU',
          'cs-specialist': 'R',
          'order-coordinator': 'R',
          'sales-clerk': 'R',
          planner: 'RU',
          quality: 'R',
          'sales-manager': 'R',
          'marketing-vp': 'R',
          salesperson: 'R',
        },
        orders: {
          'cs-supervisor': 'RCU',
          'cs-specialist': 'RCU',
          'order-coordinator': 'R',
          'sales-clerk': 'R',
          planner: 'R',
          quality: 'R',
          'sales-manager': 'R',
          'marketing-vp': 'R',
          salesperson: 'R',
        },
        inquiries: {
          'cs-supervisor': 'RCU',
          'cs-specialist': 'RCU',
          'order-coordinator': 'RCU',
          'sales-clerk': 'R',
          planner: '',
          quality: '',
          'sales-manager': 'R',
          'marketing-vp': 'R',
          salesperson: 'RCU',
        },
      };
      const documents: Record<string, string> = {
        customers: customer.documentId,
        products: product.documentId,
        orders: order.documentId,
        inquiries: inquiry.documentId,
      };
      const before = await businessRows();
      const allowed = (status: number) => status !== 401 && status !== 403 && status < 500;
      const seen: Record<string, Record<string, string>> = {};
      for (const collection of Object.keys(matrix)) {
        seen[collection] = {};
        for (const role of ROLE_CODES) {
          const api = rest(app.strapi, staff[role]);
          const read = await api.get(`/api/${collection}`);
          const create = await api.post(`/api/${collection}`, { data: {} });
          const update = await api.put(`/api/${collection}/${documents[collection]}`, { data: {} });
          seen[collection][role] =
            (read.status === 200 ? 'R' : read.status === 403 ? '' : `R?${read.status}`) +
            (allowed(create.status) ? 'C' : create.status === 403 ? '' : `C?${create.status}`) +
            (allowed(update.status) ? 'U' : update.status === 403 ? '' : `U?${update.status}`);
        }
      }
      expect(seen).toEqual(matrix);
      expect(await businessRows()).toEqual(before);
    });
  });

  describe('staff accounts seen through business records', () => {
    it('never reveals password hashes or reset tokens of the salesperson or handler when populated', async () => {
      const owned = await createCustomer(app.strapi, staff['cs-specialist'], { salesperson: staff.salesperson.id });
      await createInquiry(app.strapi, staff['cs-specialist'], { customer: owned.documentId });
      const api = rest(app.strapi, staff['sales-manager']);
      for (const url of [
        `/api/customers/${owned.documentId}?populate=*`,
        '/api/orders?populate=*',
        '/api/inquiries?populate=*',
        `/api/users?populate=*`,
      ]) {
        const res = await api.get(url);
        expect({ url, status: res.status }).toEqual({ url, status: 200 });
        const text = JSON.stringify(res.body);
        for (const secret of ['"password"', 'resetPasswordToken', 'confirmationToken', '$2a$', '$2b$']) {
          expect({ url, leaks: text.includes(secret) ? secret : null }).toEqual({ url, leaks: null });
        }
      }
    });
  });

  describe('deleting', () => {
    it('is refused to every staff role for customers, products, orders and inquiries, and nothing is deleted', async () => {
      const before = await businessRows();
      for (const role of ROLE_CODES) {
        for (const url of [
          `/api/customers/${customer.documentId}`,
          `/api/products/${product.documentId}`,
          `/api/orders/${order.documentId}`,
          `/api/inquiries/${inquiry.documentId}`,
        ]) {
          const res = await rest(app.strapi, staff[role]).delete(url);
          expect({ role, url, status: res.status }).toEqual({ role, url, status: 403 });
        }
      }
      expect(await businessRows()).toEqual(before);
    });
  });

  describe('fields the server owns', () => {
    it('refuses a CS specialist changing the state of an order through an update', async () => {
      const res = await rest(app.strapi, staff['cs-specialist']).put(`/api/orders/${order.documentId}`, { data: { state: 'confirmed' } });
      expectValidationError(res, 'state');
      const stored = await app.strapi.db.query('api::order.order').findOne({ where: { documentId: order.documentId } });
      expect(stored.state).toBe('draft');
    });

    it('accepts an update that repeats the current state unchanged', async () => {
      const res = await rest(app.strapi, staff['cs-specialist']).put(`/api/orders/${order.documentId}`, {
        data: { state: 'draft', notes: 'same state' },
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ state: 'draft', notes: 'same state' });
    });

    it('ignores number, total, region and salesperson sent by the client on create', async () => {
      const owner = staff.salesperson;
      const ownCustomer = await createCustomer(app.strapi, staff['cs-specialist'], { region: '西南', salesperson: owner.id });
      const previous = await countRows(app.strapi, 'api::order.order');
      const res = await rest(app.strapi, staff['cs-specialist']).post('/api/orders?populate=salesperson', {
        data: {
          customer: ownCustomer.documentId,
          number: 'SO-1999-999999',
          total: '0.01',
          region: '火星',
          salesperson: staff['sales-manager'].id,
          lines: [{ product: product.documentId, quantity: 2, unitPrice: '15.00' }],
        },
      });
      expect(res.status).toBe(201);
      expect(res.body.data).toMatchObject({
        number: orderNumber(previous + 1),
        region: '西南',
        salesperson: expect.objectContaining({ id: owner.id }),
      });
      expect(Number(res.body.data.total)).toBe(30);
      const stored = await app.strapi.db
        .query('api::order.order')
        .findOne({ where: { documentId: res.body.data.documentId }, populate: ['salesperson'] });
      expect({ number: stored.number, total: Number(stored.total), region: stored.region, salesperson: stored.salesperson?.id }).toEqual({
        number: orderNumber(previous + 1),
        total: 30,
        region: '西南',
        salesperson: owner.id,
      });
    });

    it('ignores number, total, region and salesperson sent by the client on update', async () => {
      const before = await app.strapi.db
        .query('api::order.order')
        .findOne({ where: { documentId: order.documentId }, populate: ['salesperson'] });
      const res = await rest(app.strapi, staff['cs-specialist']).put(`/api/orders/${order.documentId}?populate=salesperson`, {
        data: {
          number: 'SO-1999-000001',
          total: '123456.00',
          region: '火星',
          salesperson: staff['sales-manager'].id,
          notes: 'tried to rewrite',
        },
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ number: before.number, region: before.region, notes: 'tried to rewrite' });
      expect(Number(res.body.data.total)).toBe(Number(before.total));
      expect(res.body.data.salesperson?.id ?? null).toBe(before.salesperson?.id ?? null);
      const after = await app.strapi.db
        .query('api::order.order')
        .findOne({ where: { documentId: order.documentId }, populate: ['salesperson'] });
      expect({
        number: after.number,
        total: Number(after.total),
        region: after.region,
        salesperson: after.salesperson?.id ?? null,
      }).toEqual({
        number: before.number,
        total: Number(before.total),
        region: before.region,
        salesperson: before.salesperson?.id ?? null,
      });
    });
  });

  describe("the admin panel's own routes (/workflows)", () => {
    /** Every route the app serves under /workflows, read from the running router, with its ids filled in. */
    const workflowRoutes = () => {
      const stack = (app.strapi.server.router as unknown as { stack: { path: string; methods: string[] }[] }).stack;
      return (
        stack
          // The work list is every admin's own (filtered by their roles): my-work.test.ts covers it.
          .filter((layer) => layer.path.startsWith('/workflows/') && layer.path !== '/workflows/my-work')
          .flatMap((layer) =>
            layer.methods
              .filter((method) => method === 'GET' || method === 'POST')
              .map((method) => ({ method, path: layer.path.replace(/:[a-zA-Z]+/g, order.documentId) }))
          )
      );
    };

    it('declares a permission on every route: an admin whose role grants nothing is refused each with 403, anonymous with 401', async () => {
      const role = await app.strapi.service('admin::role').create({ name: `Nothing ${Date.now()}`, description: 'no permissions' });
      const nobody = await createAdminUser(app.strapi, role.code);
      const routes = workflowRoutes();
      expect(routes.length).toBeGreaterThanOrEqual(20);
      const before = await businessRows();
      const http = request(app.strapi.server.httpServer);
      for (const { method, path } of routes) {
        const call = () => (method === 'GET' ? http.get(path) : http.post(path).send({ data: { version: 1 } }));
        expect({ path, status: (await call().set('Authorization', `Bearer ${nobody.token}`)).status }).toEqual({ path, status: 403 });
        expect({ path, status: (await call()).status }).toEqual({ path, status: 401 });
      }
      expect(await businessRows()).toEqual(before);
    });

    it('checks the declared input before the handler: unknown query parameters and fields, and a missing { data }, are 400s naming them', async () => {
      const clerk = await createAdminUser(app.strapi, 'sales-clerk');
      const http = request(app.strapi.server.httpServer);
      const auth = (req: request.Test) => req.set('Authorization', `Bearer ${clerk.token}`);
      expectValidationError(await auth(http.get('/workflows/receivable-aging?colour=red')), 'colour');
      expectValidationError(await auth(http.get('/workflows/contract-ledger?from=2026-03-02&to=2026-03-01')), 'to');
      expectValidationError(
        await auth(http.post(`/workflows/payment/${order.documentId}/reverse`).send({ data: { version: 1, amount: '1.00' } })),
        'amount'
      );
      const noData = await auth(http.post(`/workflows/order/${order.documentId}/confirm`).send({ version: 1 }));
      expect({ status: noData.status, name: noData.body.error.name }).toEqual({ status: 400, name: 'ValidationError' });
    });
  });
  it("compiles a role's permission list once and reuses it", async () => {
    // (This file is rarely the first to boot in its run: the app's modules are loaded once per run,
    // so this also shows that a later instance in the process gets the cache, not only the first.)
    const engine = app.strapi.contentAPI.permissions.engine as unknown as {
      generateAbility(permissions: unknown[], options?: object): Promise<unknown>;
    };
    const list = () => [{ action: 'api::product.product.find' }, { action: 'api::product.product.findOne' }];
    const first = engine.generateAbility(list());
    const again = engine.generateAbility(list());
    const other = engine.generateAbility([{ action: 'api::customer.customer.find' }]);
    await Promise.all([first, again, other]);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });
});
