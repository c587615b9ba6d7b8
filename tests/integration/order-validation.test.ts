/**
 * Orders and customer terms as the server checks and completes them: refused input is a 400 that
 * names the field and leaves no trace (no order, no line, no number used up); totals, line
 * amounts, specification snapshots, salesperson and region are the server's; numbers stay unique
 * under concurrent creates.
 */
import { useStrapi } from '../helpers/strapi';
import { createStaffUser, rest, useStaff } from '../helpers/staff';
import { countRows, createCustomer, createOrder, createProduct, Doc, expectValidationError, orderNumber } from '../helpers/fixtures';
import { ORDER } from '../../src/platform/uids';

const LINE = 'order.line';

describe('order validation and server-computed fields', () => {
  const app = useStrapi();
  const { specialist, supervisor, salesperson } = useStaff(app, {
    specialist: 'cs-specialist',
    supervisor: 'cs-supervisor',
    salesperson: 'salesperson',
  });
  let customer: Doc;
  let product: Doc;

  beforeAll(async () => {
    customer = await createCustomer(app.strapi, specialist, { region: '华南', salesperson: salesperson.id });
    product = await createProduct(app.strapi, supervisor, { specification: 'DN50 PN16 铸铁' });
  });

  const line = (fields: Record<string, unknown> = {}) => ({ product: product.documentId, quantity: 1, unitPrice: '10.00', ...fields });

  /** The sequence part of the newest order number (0 before any order). */
  const lastSequence = async (): Promise<number> => {
    const [newest] = await app.strapi.db.query(ORDER).findMany({ orderBy: { number: 'desc' }, limit: 1, select: ['number'] });
    return newest ? Number(newest.number.slice(-6)) : 0;
  };

  // First in the file, on an empty database: the year's order series starts at 1.
  it('gives 20 orders created at the same moment 20 distinct numbers SO-<year>-000001..000020', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        rest(app.strapi, specialist).post('/api/orders', {
          data: { customer: customer.documentId, notes: `parallel ${i}`, lines: [line()] },
        })
      )
    );
    expect(responses.map((res) => res.status)).toEqual(Array(20).fill(201));
    const numbers = responses.map((res) => res.body.data.number).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => orderNumber(i + 1)));
    expect(await countRows(app.strapi, ORDER)).toBe(20);
    expect(await countRows(app.strapi, LINE)).toBe(20);
  });

  describe('refused input leaves no order, no line and no used-up number', () => {
    const cases: [string, () => Record<string, unknown>, string][] = [
      ['a negative quantity', () => ({ customer: customer.documentId, lines: [line({ quantity: -3 })] }), 'quantity'],
      ['a zero quantity', () => ({ customer: customer.documentId, lines: [line({ quantity: 0 })] }), 'quantity'],
      ['a fractional quantity', () => ({ customer: customer.documentId, lines: [line({ quantity: 2.5 })] }), 'quantity'],
      [
        'an unknown product',
        () => ({ customer: customer.documentId, lines: [line(), line({ product: 'nosuchproductnosuchprodu' })] }),
        'product',
      ],
      ['a line without a product', () => ({ customer: customer.documentId, lines: [{ quantity: 1, unitPrice: '1.00' }] }), 'product'],
      ['an unknown field', () => ({ customer: customer.documentId, foo: 'bar', lines: [line()] }), 'foo'],
      ['a missing customer', () => ({ lines: [line()] }), 'customer'],
      ['an unknown customer', () => ({ customer: 'nosuchcustomernosuchcust', lines: [line()] }), 'customer'],
      [
        'a unit price that is not a number (abc)',
        () => ({ customer: customer.documentId, lines: [line({ unitPrice: 'abc' })] }),
        'unitPrice',
      ],
      [
        'a unit price with three decimals (12.345)',
        () => ({ customer: customer.documentId, lines: [line({ unitPrice: '12.345' })] }),
        'unitPrice',
      ],
      [
        'a unit price with a decimal comma (1,50)',
        () => ({ customer: customer.documentId, lines: [line({ unitPrice: '1,50' })] }),
        'unitPrice',
      ],
      ['a negative unit price', () => ({ customer: customer.documentId, lines: [line({ unitPrice: '-1.00' })] }), 'unitPrice'],
      [
        'an impossible order date (2026-13-45)',
        () => ({ customer: customer.documentId, orderDate: '2026-13-45', lines: [line()] }),
        'orderDate',
      ],
      [
        'an order date that is not a date (garbage)',
        () => ({ customer: customer.documentId, orderDate: 'garbage', lines: [line()] }),
        'orderDate',
      ],
      [
        'a required date that is not a date',
        () => ({ customer: customer.documentId, requiredDate: 'next week', lines: [line()] }),
        'requiredDate',
      ],
      ['a state other than draft', () => ({ customer: customer.documentId, state: 'confirmed', lines: [line()] }), 'state'],
    ];

    it.each(cases)('refuses an order with %s: 400 naming the field, nothing written', async (_what, body, field) => {
      const before = { orders: await countRows(app.strapi, ORDER), lines: await countRows(app.strapi, LINE) };
      const sequence = await lastSequence();

      const res = await rest(app.strapi, specialist).post('/api/orders', { data: body() });
      expect(res.status).toBe(400);
      expect({ orders: await countRows(app.strapi, ORDER), lines: await countRows(app.strapi, LINE) }).toEqual(before);
      const next = await createOrder(app.strapi, specialist, { customer: customer.documentId, lines: [line()] });
      expect(next.number).toBe(orderNumber(sequence + 1));
      // Last, so that a vague message does not hide whether anything was written.
      expectValidationError(res, field);
    });

    it('refuses an update with a bad line and keeps the order as it was', async () => {
      const order = await createOrder(app.strapi, specialist, { customer: customer.documentId, lines: [line({ quantity: 2 })] });
      const lines = await countRows(app.strapi, LINE);
      const res = await rest(app.strapi, specialist).put(`/api/orders/${order.documentId}`, {
        data: { lines: [line({ quantity: 5 }), line({ quantity: -1 })] },
      });
      expectValidationError(res, 'quantity');
      expect(await countRows(app.strapi, LINE)).toBe(lines);
      const stored = await app.strapi.db.query(ORDER).findOne({ where: { documentId: order.documentId }, populate: ['lines'] });
      expect(stored.lines.map((l: { quantity: number }) => l.quantity)).toEqual([2]);
      expect(Number(stored.total)).toBe(20);
    });
  });

  describe('what the server computes', () => {
    it('computes line amounts and the total from the lines, exactly, ignoring the client total', async () => {
      const res = await rest(app.strapi, specialist).post('/api/orders?populate=lines', {
        data: {
          customer: customer.documentId,
          total: '999.99',
          lines: [line({ quantity: 3, unitPrice: '10.10', lineAmount: '1.00' }), line({ quantity: 7, unitPrice: 0.1 })],
        },
      });
      expect(res.status).toBe(201);
      expect(res.body.data.lines.map((l: { lineAmount: unknown }) => Number(l.lineAmount))).toEqual([30.3, 0.7]);
      expect(Number(res.body.data.total)).toBe(31);
      const stored = await app.strapi.db.query(ORDER).findOne({ where: { documentId: res.body.data.documentId }, populate: ['lines'] });
      expect(Number(stored.total)).toBe(31);
      expect(stored.lines.map((l: { lineAmount: unknown }) => Number(l.lineAmount))).toEqual([30.3, 0.7]);
    });

    it('recomputes line amounts and total when an update replaces the lines', async () => {
      const order = await createOrder(app.strapi, specialist, {
        customer: customer.documentId,
        lines: [line({ quantity: 3, unitPrice: '10.10' })],
      });
      expect(Number(order.total)).toBe(30.3);
      const res = await rest(app.strapi, specialist).put(`/api/orders/${order.documentId}?populate=lines`, {
        data: { total: '1.00', lines: [line({ quantity: 2, unitPrice: '99.99' }), line({ quantity: 1000, unitPrice: '0.05' })] },
      });
      expect(res.status).toBe(200);
      expect(res.body.data.lines.map((l: { quantity: number; lineAmount: unknown }) => [l.quantity, Number(l.lineAmount)])).toEqual([
        [2, 199.98],
        [1000, 50],
      ]);
      expect(Number(res.body.data.total)).toBe(249.98);
      const stored = await app.strapi.db.query(ORDER).findOne({ where: { documentId: order.documentId }, populate: ['lines'] });
      expect(stored.lines).toHaveLength(2);
      expect(Number(stored.total)).toBe(249.98);
    });

    it('copies the product specification into a line that leaves it empty, and keeps a line’s own', async () => {
      const order = await createOrder(app.strapi, specialist, {
        customer: customer.documentId,
        lines: [line(), line({ specification: 'DN50 PN16 不锈钢 (客户指定)' })],
      });
      expect(order.lines.map((l: { specification: string }) => l.specification)).toEqual(['DN50 PN16 铸铁', 'DN50 PN16 不锈钢 (客户指定)']);
    });

    it('keeps the specification snapshot when the product’s specification changes later', async () => {
      const own = await createProduct(app.strapi, supervisor, { specification: 'Rev A' });
      const order = await createOrder(app.strapi, specialist, {
        customer: customer.documentId,
        lines: [line({ product: own.documentId })],
      });
      expect(order.lines[0].specification).toBe('Rev A');
      const change = await rest(app.strapi, supervisor).put(`/api/products/${own.documentId}`, { data: { specification: 'Rev B' } });
      expect(change.status).toBe(200);
      const touch = await rest(app.strapi, specialist).put(`/api/orders/${order.documentId}?populate=lines`, {
        data: { notes: 'touched after the product changed' },
      });
      expect(touch.status).toBe(200);
      expect(touch.body.data.lines[0].specification).toBe('Rev A');
    });

    it('copies salesperson and region from the customer, and follows a change of customer', async () => {
      const order = await createOrder(app.strapi, specialist, { customer: customer.documentId, lines: [line()] });
      expect(order.region).toBe('华南');
      expect(order.salesperson).toMatchObject({ id: salesperson.id });

      const otherSalesperson = await createStaffUser(app.strapi, 'salesperson');
      const other = await createCustomer(app.strapi, specialist, { region: '华北', salesperson: otherSalesperson.id });
      const res = await rest(app.strapi, specialist).put(`/api/orders/${order.documentId}?populate=salesperson`, {
        data: { customer: other.documentId },
      });
      expect(res.status).toBe(200);
      expect(res.body.data.region).toBe('华北');
      expect(res.body.data.salesperson).toMatchObject({ id: otherSalesperson.id });
    });

    it('defaults the order date to today in the report time zone and the state to draft', async () => {
      const today = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(new Date());
      const order = await createOrder(app.strapi, specialist, { customer: customer.documentId, lines: [line()] });
      expect(order).toMatchObject({ orderDate: today, state: 'draft' });
    });
  });

  describe('customer credit terms', () => {
    it('refuses a credit limit with three decimals and writes nothing', async () => {
      const before = await countRows(app.strapi, 'api::customer.customer');
      const res = await rest(app.strapi, specialist).post('/api/customers', { data: { name: 'Precise Ltd', creditLimit: '1.234' } });
      expectValidationError(res, 'creditLimit');
      expect(await countRows(app.strapi, 'api::customer.customer')).toBe(before);
    });

    it('refuses a negative credit limit and payment terms beyond 365 days', async () => {
      expectValidationError(
        await rest(app.strapi, specialist).post('/api/customers', { data: { name: 'Negative Ltd', creditLimit: '-5.00' } }),
        'creditLimit'
      );
      expectValidationError(
        await rest(app.strapi, specialist).post('/api/customers', { data: { name: 'Patient Ltd', paymentTermsDays: 400 } }),
        'paymentTermsDays'
      );
    });

    it('refuses a credit hold without a reason, on create and on update', async () => {
      const before = await countRows(app.strapi, 'api::customer.customer');
      expectValidationError(
        await rest(app.strapi, specialist).post('/api/customers', { data: { name: 'Held Ltd', creditHold: true } }),
        'creditHoldReason'
      );
      expectValidationError(
        await rest(app.strapi, specialist).post('/api/customers', {
          data: { name: 'Held Ltd', creditHold: true, creditHoldReason: '   ' },
        }),
        'creditHoldReason'
      );
      expect(await countRows(app.strapi, 'api::customer.customer')).toBe(before);

      const open = await createCustomer(app.strapi, specialist, { name: 'Open Ltd' });
      expectValidationError(
        await rest(app.strapi, specialist).put(`/api/customers/${open.documentId}`, { data: { creditHold: true } }),
        'creditHoldReason'
      );
      const stored = await app.strapi.db.query('api::customer.customer').findOne({ where: { documentId: open.documentId } });
      expect(stored.creditHold).toBe(false);
    });

    it('accepts a credit hold with its reason and keeps the reason while the hold stands', async () => {
      const held = await createCustomer(app.strapi, specialist, {
        name: 'Late Payer Ltd',
        creditHold: true,
        creditHoldReason: '货款逾期 90 天',
        creditLimit: '50000.50',
      });
      expect(held).toMatchObject({ creditHold: true, creditHoldReason: '货款逾期 90 天' });
      expect(Number(held.creditLimit)).toBe(50000.5);
      const clear = await rest(app.strapi, specialist).put(`/api/customers/${held.documentId}`, { data: { creditHoldReason: '' } });
      expectValidationError(clear, 'creditHoldReason');
      const lift = await rest(app.strapi, specialist).put(`/api/customers/${held.documentId}`, {
        data: { creditHold: false, creditHoldReason: null },
      });
      expect(lift.status).toBe(200);
      expect(lift.body.data.creditHold).toBe(false);
    });
  });
});
