/**
 * The daily records through the REST API, by the roles docs/roles.md allows: customers, products
 * (with the stock check), orders and the contact log (inquiries).
 */
import { useStrapi } from '../helpers/strapi';
import { createStaffUser, rest, useStaff } from '../helpers/staff';
import {
  countRows,
  createCustomer,
  createInquiry,
  createOrder,
  createProduct,
  expectValidationError,
  orderNumber,
  unique,
} from '../helpers/fixtures';

describe('business records through REST', () => {
  const app = useStrapi();
  const { specialist, supervisor, quality, salesperson } = useStaff(app, {
    specialist: 'cs-specialist',
    supervisor: 'cs-supervisor',
    quality: 'quality',
    salesperson: 'salesperson',
  });

  describe('customers', () => {
    // Runs first in this file, on an empty database: the customer series starts at 1.
    it('gives a customer created without a code the next code of the C-000001 series', async () => {
      const first = await createCustomer(app.strapi, specialist);
      const second = await createCustomer(app.strapi, specialist, { code: '  ' });
      expect(first.code).toBe('C-000001');
      expect(second.code).toBe('C-000002');
    });

    it('gives customers created at the same moment distinct codes', async () => {
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          rest(app.strapi, specialist).post('/api/customers', { data: { name: `Parallel customer ${i}` } })
        )
      );
      expect(responses.map((res) => res.status)).toEqual(Array(10).fill(201));
      const codes = responses.map((res) => res.body.data.code);
      expect(new Set(codes).size).toBe(10);
      for (const code of codes) expect(code).toMatch(/^C-\d{6}$/);
    });

    it('refuses removing the code of a customer', async () => {
      const customer = await createCustomer(app.strapi, specialist);
      for (const code of ['', null]) {
        expectValidationError(await rest(app.strapi, specialist).put(`/api/customers/${customer.documentId}`, { data: { code } }), 'code');
      }
      const stored = await app.strapi.db.query('api::customer.customer').findOne({ where: { documentId: customer.documentId } });
      expect(stored.code).toBe(customer.code);
    });

    it('keeps the code a customer is created with', async () => {
      const customer = await createCustomer(app.strapi, specialist, { code: 'SH-ACME' });
      expect(customer.code).toBe('SH-ACME');
      const read = await rest(app.strapi, specialist).get(`/api/customers/${customer.documentId}`);
      expect(read.body.data.code).toBe('SH-ACME');
    });

    it('refuses a second customer with a code already taken, writing nothing', async () => {
      await createCustomer(app.strapi, specialist, { code: 'DUP-01', name: 'First holder' });
      const before = await countRows(app.strapi, 'api::customer.customer');
      const res = await rest(app.strapi, specialist).post('/api/customers', { data: { code: 'DUP-01', name: 'Second holder' } });
      expectValidationError(res, 'code');
      expect(await countRows(app.strapi, 'api::customer.customer')).toBe(before);
      const holders = await app.strapi.db.query('api::customer.customer').findMany({ where: { code: 'DUP-01' } });
      expect(holders.map((c: { name: string }) => c.name)).toEqual(['First holder']);
    });

    it('lets a CS specialist create, read, update and list customers', async () => {
      const api = rest(app.strapi, specialist);
      const create = await api.post('/api/customers', {
        data: {
          name: '上海精工机械有限公司',
          shortName: '上海精工',
          region: '华东',
          address: '上海市嘉定区工业路 88 号',
          grade: 'B',
          preferredLanguage: 'zh-CN',
          contacts: [{ name: '王经理', title: '采购经理', phone: '021-5555-0101', email: 'wang@example.com', primary: true }],
        },
      });
      expect(create.status).toBe(201);
      const { documentId } = create.body.data;
      // credit terms start at the defaults (no limit, 30 days): the sales manager sets them
      expect(create.body.data).toMatchObject({
        name: '上海精工机械有限公司',
        grade: 'B',
        paymentTermsDays: 30,
        active: true,
        creditHold: false,
      });
      expect(Number(create.body.data.creditLimit)).toBe(0);

      const read = await api.get(`/api/customers/${documentId}?populate=contacts`);
      expect(read.status).toBe(200);
      expect(read.body.data).toMatchObject({ documentId, name: '上海精工机械有限公司', region: '华东' });
      expect(read.body.data.contacts).toEqual([
        expect.objectContaining({ name: '王经理', title: '采购经理', phone: '021-5555-0101', email: 'wang@example.com', primary: true }),
      ]);

      const update = await api.put(`/api/customers/${documentId}`, { data: { grade: 'A', notes: '年度框架协议客户' } });
      expect(update.status).toBe(200);
      expect(update.body.data).toMatchObject({ documentId, grade: 'A', notes: '年度框架协议客户', name: '上海精工机械有限公司' });
      const reread = await api.get(`/api/customers/${documentId}`);
      expect(reread.body.data).toMatchObject({ grade: 'A', notes: '年度框架协议客户' });

      const list = await api.get(`/api/customers?filters[documentId][$eq]=${documentId}`);
      expect(list.status).toBe(200);
      expect(list.body.data.map((c: { documentId: string }) => c.documentId)).toEqual([documentId]);
      const all = await api.get('/api/customers?pagination[pageSize]=100');
      expect(all.body.meta.pagination.total).toBe(await countRows(app.strapi, 'api::customer.customer'));
    });

    it('lets quality read customers, in a list and one by one', async () => {
      const customer = await createCustomer(app.strapi, specialist, { name: 'Read by quality' });
      const list = await rest(app.strapi, quality).get('/api/customers?pagination[pageSize]=100');
      expect(list.status).toBe(200);
      expect(list.body.data.map((c: { documentId: string }) => c.documentId)).toContain(customer.documentId);
      const one = await rest(app.strapi, quality).get(`/api/customers/${customer.documentId}`);
      expect(one.status).toBe(200);
      expect(one.body.data).toMatchObject({ documentId: customer.documentId, name: 'Read by quality' });
    });
  });

  describe('products', () => {
    it('lets a CS supervisor create, read, update and list products', async () => {
      const api = rest(app.strapi, supervisor);
      const sku = `VALVE-${unique()}`;
      const create = await api.post('/api/products', {
        data: {
          sku,
          name: 'Gate valve 闸阀',
          specification: 'DN80 PN25',
          unit: 'pcs',
          listPrice: '356.50',
          category: 'valves',
          stockOnHand: 40,
        },
      });
      expect(create.status).toBe(201);
      const { documentId } = create.body.data;
      expect(create.body.data).toMatchObject({
        sku,
        name: 'Gate valve 闸阀',
        unit: 'pcs',
        stockOnHand: 40,
        stockReserved: 0,
        active: true,
      });
      expect(Number(create.body.data.listPrice)).toBe(356.5);

      const read = await api.get(`/api/products/${documentId}`);
      expect(read.status).toBe(200);
      expect(read.body.data).toMatchObject({ documentId, sku, specification: 'DN80 PN25' });

      const update = await api.put(`/api/products/${documentId}`, { data: { listPrice: '399.00', active: false } });
      expect(update.status).toBe(200);
      expect(update.body.data).toMatchObject({ documentId, sku, active: false });
      expect(Number(update.body.data.listPrice)).toBe(399);

      const list = await api.get(`/api/products?filters[sku][$eq]=${sku}`);
      expect(list.status).toBe(200);
      expect(list.body.data).toEqual([expect.objectContaining({ documentId, sku, active: false })]);
    });

    it('lets a planner update a product and receive stock, but quality only read it', async () => {
      const product = await createProduct(app.strapi, supervisor);
      const planner = await createStaffUser(app.strapi, 'planner');
      const byPlanner = await rest(app.strapi, planner).put(`/api/products/${product.documentId}`, {
        data: { specification: 'DN50 PN25' },
      });
      expect(byPlanner.status).toBe(200);
      expect(byPlanner.body.data.specification).toBe('DN50 PN25');
      // Stock on hand is the server's (issue 14): the planner records a receipt, not a typed figure.
      expectValidationError(
        await rest(app.strapi, planner).put(`/api/products/${product.documentId}`, { data: { stockOnHand: 12 } }),
        'stockOnHand'
      );
      const receipt = await rest(app.strapi, planner).post(`/api/products/${product.documentId}/stock-adjustments`, {
        data: { quantity: 12, reason: '生产入库' },
      });
      expect(receipt.status).toBe(200);
      expect(receipt.body.data.stockOnHand).toBe(12);
      expect(
        (
          await rest(app.strapi, quality).post(`/api/products/${product.documentId}/stock-adjustments`, {
            data: { quantity: 1, reason: 'x' },
          })
        ).status
      ).toBe(403);
      const read = await rest(app.strapi, quality).get(`/api/products/${product.documentId}`);
      expect(read.status).toBe(200);
      expect(read.body.data.stockOnHand).toBe(12);
    });

    it('refuses a second product with a SKU already taken, writing nothing', async () => {
      const sku = `DUP-${unique()}`;
      await createProduct(app.strapi, supervisor, { sku, name: 'First' });
      const before = await countRows(app.strapi, 'api::product.product');
      const res = await rest(app.strapi, supervisor).post('/api/products', {
        data: { sku, name: 'Second', unit: 'pcs', listPrice: '1.00' },
      });
      expectValidationError(res, 'sku');
      expect(await countRows(app.strapi, 'api::product.product')).toBe(before);
    });

    it('tells on hand, reserved and available stock (on hand minus reserved) to anyone who reads products', async () => {
      const product = await createProduct(app.strapi, supervisor, { stockOnHand: 120 });
      // Reserved stock is the server's, set by allocating orders; here straight to the table.
      await app.strapi.db.query('api::product.product').update({ where: { documentId: product.documentId }, data: { stockReserved: 45 } });
      for (const reader of [specialist, salesperson, quality]) {
        const res = await rest(app.strapi, reader).get(`/api/products/${product.documentId}/availability`);
        expect(res.status).toBe(200);
        expect(res.body.data).toMatchObject({
          documentId: product.documentId,
          sku: product.sku,
          stockOnHand: 120,
          stockReserved: 45,
          available: 75,
        });
      }
    });

    it('answers 404 to a stock check of an unknown product', async () => {
      const res = await rest(app.strapi, specialist).get('/api/products/nosuchproductnosuchprodu/availability');
      expect(res.status).toBe(404);
      expect(res.body.data).toBeNull();
      expect(res.body.error.name).toBe('NotFoundError');
    });
  });

  describe('orders', () => {
    it('lets a CS specialist create, read, update and list orders', async () => {
      const customer = await createCustomer(app.strapi, specialist, { region: '华北', salesperson: salesperson.id });
      const product = await createProduct(app.strapi, supervisor, { specification: 'DN100' });
      const api = rest(app.strapi, specialist);

      const create = await api.post('/api/orders?populate=*', {
        data: {
          customer: customer.documentId,
          orderDate: '2026-03-02',
          channel: 'email',
          requiredDate: '2026-04-15',
          notes: '客户要求木箱包装',
          lines: [{ product: product.documentId, quantity: 4, unitPrice: '250.00' }],
        },
      });
      expect(create.status).toBe(201);
      const order = create.body.data;
      expect(order).toMatchObject({
        number: expect.stringMatching(/^SO-\d{4}-\d{6}$/),
        orderDate: '2026-03-02',
        requiredDate: '2026-04-15',
        channel: 'email',
        state: 'draft',
        currency: 'CNY',
        region: '华北',
        customer: expect.objectContaining({ documentId: customer.documentId }),
        salesperson: expect.objectContaining({ id: salesperson.id }),
      });
      expect(Number(order.total)).toBe(1000);
      expect(order.lines).toHaveLength(1);
      expect(order.lines[0]).toMatchObject({ quantity: 4, specification: 'DN100' });
      expect(Number(order.lines[0].lineAmount)).toBe(1000);

      const read = await api.get(`/api/orders/${order.documentId}?populate[lines][populate][0]=product&populate[customer]=true`);
      expect(read.status).toBe(200);
      expect(read.body.data).toMatchObject({
        documentId: order.documentId,
        number: order.number,
        customer: { documentId: customer.documentId },
      });
      expect(read.body.data.lines[0].product.documentId).toBe(product.documentId);

      const update = await api.put(`/api/orders/${order.documentId}`, { data: { promisedDate: '2026-04-10', notes: '已确认交期' } });
      expect(update.status).toBe(200);
      expect(update.body.data).toMatchObject({
        documentId: order.documentId,
        number: order.number,
        promisedDate: '2026-04-10',
        notes: '已确认交期',
      });
      expect(Number(update.body.data.total)).toBe(1000);

      const list = await api.get(`/api/orders?filters[customer][documentId][$eq]=${customer.documentId}`);
      expect(list.status).toBe(200);
      expect(list.body.data.map((o: { number: string }) => o.number)).toEqual([order.number]);
    });

    it('numbers the orders of the year in sequence', async () => {
      const customer = await createCustomer(app.strapi, specialist);
      const previous = await app.strapi.db.query('api::order.order').count();
      const order = await createOrder(app.strapi, specialist, { customer: customer.documentId });
      expect(order.number).toBe(orderNumber(previous + 1));
    });
  });

  describe('inquiries (contact log)', () => {
    it('lets a CS specialist record, read, update and list contacts; handled by the caller, dated now', async () => {
      const customer = await createCustomer(app.strapi, specialist);
      const api = rest(app.strapi, specialist);
      const before = Date.now();
      const create = await api.post('/api/inquiries?populate=handledBy', {
        data: { customer: customer.documentId, kind: 'stock_check', channel: 'phone', summary: '询问 DN50 离心泵现货' },
      });
      expect(create.status).toBe(201);
      const inquiry = create.body.data;
      expect(inquiry).toMatchObject({ kind: 'stock_check', channel: 'phone', direction: 'incoming', summary: '询问 DN50 离心泵现货' });
      expect(inquiry.handledBy).toMatchObject({ id: specialist.id, email: specialist.email });
      expect(inquiry.handledBy.password).toBeUndefined();
      const occurredAt = Date.parse(inquiry.occurredAt);
      expect(occurredAt).toBeGreaterThanOrEqual(before - 1000);
      expect(occurredAt).toBeLessThanOrEqual(Date.now() + 1000);

      const read = await api.get(`/api/inquiries/${inquiry.documentId}?populate[0]=handledBy&populate[1]=customer`);
      expect(read.status).toBe(200);
      expect(read.body.data.handledBy.id).toBe(specialist.id);
      expect(read.body.data.customer.documentId).toBe(customer.documentId);

      const update = await api.put(`/api/inquiries/${inquiry.documentId}`, {
        data: { outcome: '有现货，已报价', followUpDate: '2026-05-06' },
      });
      expect(update.status).toBe(200);
      expect(update.body.data).toMatchObject({ outcome: '有现货，已报价', followUpDate: '2026-05-06' });

      const list = await api.get(`/api/inquiries?filters[customer][documentId][$eq]=${customer.documentId}&populate=handledBy`);
      expect(list.status).toBe(200);
      expect(list.body.data).toEqual([
        expect.objectContaining({ documentId: inquiry.documentId, handledBy: expect.objectContaining({ id: specialist.id }) }),
      ]);
    });

    it('keeps the time a contact happened when the caller gives it', async () => {
      const customer = await createCustomer(app.strapi, specialist);
      const inquiry = await createInquiry(app.strapi, salesperson, {
        customer: customer.documentId,
        kind: 'sample',
        occurredAt: '2026-02-03T08:30:00.000Z',
      });
      expect(inquiry.occurredAt).toBe('2026-02-03T08:30:00.000Z');
      const read = await rest(app.strapi, salesperson).get(`/api/inquiries/${inquiry.documentId}?populate=handledBy`);
      expect(read.body.data.handledBy.id).toBe(salesperson.id);
    });

    it('refuses a contact without a customer and writes nothing', async () => {
      const before = await countRows(app.strapi, 'api::inquiry.inquiry');
      const res = await rest(app.strapi, specialist).post('/api/inquiries', { data: { kind: 'consultation', summary: 'Who called?' } });
      expectValidationError(res, 'customer');
      expect(await countRows(app.strapi, 'api::inquiry.inquiry')).toBe(before);
    });

    it('refuses a contact whose customer relation resolves to nothing and writes nothing', async () => {
      const before = await countRows(app.strapi, 'api::inquiry.inquiry');
      const res = await rest(app.strapi, specialist).post('/api/inquiries', {
        data: { customer: { connect: [] }, kind: 'consultation', summary: 'Empty relation' },
      });
      expectValidationError(res, 'customer');
      expect(await countRows(app.strapi, 'api::inquiry.inquiry')).toBe(before);
    });
  });

  // Last in the file: when it fails, the customer series is stuck and every later code-less
  // customer would be refused too.
  describe('customer code series', () => {
    it('still creates customers without a code after someone typed the next code of the series by hand', async () => {
      const counter = await app.strapi.db.connection('number_sequences').where({ series: 'C' }).first();
      const upcoming = `C-${String(Number(counter.value) + 1).padStart(6, '0')}`;
      await createCustomer(app.strapi, specialist, { code: upcoming, name: 'Typed its code by hand' });
      for (const name of ['Leaves the code to the system', 'Also leaves it to the system']) {
        const res = await rest(app.strapi, specialist).post('/api/customers', { data: { name } });
        expect({ status: res.status, error: res.body.error }).toEqual({ status: 201, error: undefined });
        expect(res.body.data.code).toMatch(/^C-\d{6}$/);
        expect(res.body.data.code).not.toBe(upcoming);
      }
    });
  });
});
