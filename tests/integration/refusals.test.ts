/**
 * Refusals a client can rely on, whichever way it asks: the content manager's publish and unpublish
 * actions on our records (draft & publish is off: a clear 400, nothing saved), and 400s that name
 * the field — a relation naming a record that does not exist, a date or time that is not one.
 */
import { useStrapi } from '../helpers/strapi';
import { createStaff } from '../helpers/staff';
import { rest } from '../helpers/staff';
import { countRows, createCustomer, createOrder, createProduct, Doc, expectValidationError } from '../helpers/fixtures';
import { AdminMember, createAdminUser } from '../helpers/admin';
import request from 'supertest';
import { COMPLAINT, CUSTOMER, ORDER, PAYMENT } from '../../src/platform/uids';

describe('refusals', () => {
  const app = useStrapi();
  let staff: Awaited<ReturnType<typeof createStaff<'specialist' | 'supervisor' | 'clerk'>>>;
  let customer: Doc;
  let product: Doc;
  let order: Doc;
  let admin: AdminMember;

  beforeAll(async () => {
    staff = await createStaff(app.strapi, { specialist: 'cs-specialist', supervisor: 'cs-supervisor', clerk: 'sales-clerk' });
    customer = await createCustomer(app.strapi, staff.specialist, { name: '宁波海天精工有限公司' });
    product = await createProduct(app.strapi, staff.supervisor);
    order = await createOrder(app.strapi, staff.specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 1, unitPrice: '10.00' }],
    });
    admin = await createAdminUser(app.strapi, 'strapi-super-admin');
  });

  const cm = (path: string, body: object = {}) =>
    request(app.strapi.server.httpServer)
      .post(`/content-manager/collection-types/${path}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send(body);

  describe('publishing in the content manager', () => {
    it('answers 400 in the domain words for publish, unpublish and discard of one record or in bulk, and saves nothing', async () => {
      const before = await app.strapi.db.query(CUSTOMER).findOne({ where: { documentId: customer.documentId } });
      for (const [path, body] of [
        [`${CUSTOMER}/${customer.documentId}/actions/publish`, { name: 'renamed by publish' }],
        [`${CUSTOMER}/${customer.documentId}/actions/unpublish`, {}],
        [`${CUSTOMER}/${customer.documentId}/actions/discard`, {}],
        [`${ORDER}/${order.documentId}/actions/publish`, {}],
        [`${ORDER}/${order.documentId}/actions/unpublish`, {}],
        [`${ORDER}/actions/publish`, { customer: customer.documentId }],
        [`${ORDER}/actions/bulkPublish`, { documentIds: [order.documentId] }],
        [`${ORDER}/actions/bulkUnpublish`, { documentIds: [order.documentId] }],
        [`${PAYMENT}/actions/bulkUnpublish`, { documentIds: [order.documentId] }],
      ] as const) {
        const res = await cm(path, body);
        expect([path, res.status, res.body.error?.name]).toEqual([path, 400, 'ValidationError']);
        expect(res.body.error.message).toMatch(/are not drafted and published: .* state changes only through its workflow actions/);
      }
      expect(await app.strapi.db.query(CUSTOMER).findOne({ where: { documentId: customer.documentId } })).toEqual(before);
      expect(await countRows(app.strapi, ORDER)).toBe(1);
    });
  });

  describe('a 400 names the field', () => {
    it('names a relation that points at no record', async () => {
      expectValidationError(
        await rest(app.strapi, staff.specialist).post('/api/orders', {
          data: { customer: 'nosuchcustomernosuchcus0', lines: [{ product: product.documentId, quantity: 1, unitPrice: '1.00' }] },
        }),
        'customer'
      );
      const badLine = await rest(app.strapi, staff.specialist).put(`/api/orders/${order.documentId}`, {
        data: { lines: [{ product: 'nosuchproductnosuchprod0', quantity: 1, unitPrice: '1.00' }] },
      });
      expectValidationError(badLine, 'product');
      expectValidationError(
        await rest(app.strapi, staff.clerk).post('/api/payments', {
          data: { customer: 'nosuchcustomernosuchcus0', amount: '10.00', receivedOn: '2026-01-05', method: 'bank_transfer' },
        }),
        'customer'
      );
      expectValidationError(
        await rest(app.strapi, staff.specialist).post('/api/complaints', {
          data: {
            customer: customer.documentId,
            product: 'nosuchproductnosuchprod0',
            channel: 'phone',
            description: 'x',
            category: 'quality',
            severity: 'minor',
          },
        }),
        'product'
      );
      expect(await countRows(app.strapi, ORDER)).toBe(1);
    });

    it('asks for the channel, category and severity of a complaint rather than assuming phone, quality, minor', async () => {
      // Preselected values once let a major complaint be saved as minor without anyone choosing.
      const complete = { customer: customer.documentId, product: product.documentId, description: '泵体渗漏' };
      const given = { channel: 'phone', category: 'quality', severity: 'major' } as const;
      for (const missing of ['channel', 'category', 'severity'] as const) {
        const { [missing]: _omitted, ...rest_ } = given;
        expectValidationError(
          await rest(app.strapi, staff.specialist).post('/api/complaints', { data: { ...complete, ...rest_ } }),
          missing
        );
      }
      expect(await countRows(app.strapi, COMPLAINT)).toBe(0);
    });

    it('names a date or time that is not one', async () => {
      const payment = await rest(app.strapi, staff.clerk).post('/api/payments', {
        data: { customer: customer.documentId, amount: '10.00', receivedOn: '2026-02-30', method: 'bank_transfer' },
      });
      expectValidationError(payment, 'receivedOn');
      expect(payment.body.error.details.errors.map((e: { path: string[] }) => e.path)).toContainEqual(['receivedOn']);
      const complaint = await rest(app.strapi, staff.specialist).post('/api/complaints', {
        data: {
          customer: customer.documentId,
          product: product.documentId,
          channel: 'phone',
          description: 'x',
          category: 'quality',
          severity: 'minor',
          receivedAt: 'yesterday',
        },
      });
      expectValidationError(complaint, 'receivedAt');
      expect(complaint.body.error.details.errors.map((e: { path: string[] }) => e.path)).toContainEqual(['receivedAt']);
      expect(await countRows(app.strapi, PAYMENT)).toBe(0);
      expect(await countRows(app.strapi, COMPLAINT)).toBe(0);
    });
  });
});
