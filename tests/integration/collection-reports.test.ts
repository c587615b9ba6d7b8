/**
 * The collection reports by REST, on receivables made by shipping real orders and paid through
 * the payment API: the aging (GET /api/receivables/aging) with a bucket edge, an asOf in the past,
 * grouping, filters, XLSX and its 400s and 403s; and the payment progress of an order and of a
 * contract (billed, paid, open, overdue) with exact figures.
 */
import type { UID } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { useStrapi, appModule } from '../helpers/strapi';
import { rest, StaffMember } from '../helpers/staff';
import { createAdminUser } from '../helpers/admin';
import { createCustomer, Doc, expectForbidden, expectValidationError } from '../helpers/fixtures';
import { readyOrder as readyOrderOf, redateReceivable, shipLine as shipOneLine, useCollectionSetup } from '../helpers/shipping';
import { actOn, ok } from '../helpers/workflow';
import { addDays, dateIn } from '../../src/domain/business-date';
import { SHIPMENT } from '../../src/platform/uids';

const { asTrustedWrite } = appModule('src', 'platform', 'trusted-write.js');

describe('aging and payment progress', () => {
  const app = useStrapi();
  const today = dateIn('Asia/Shanghai');
  const { supervisor, specialist, planner, coordinator, clerk, salesperson, product } = useCollectionSetup(app, { name: '阀门' });

  const act = (member: StaffMember, uid: UID.ContentType, documentId: string, action: string, fields: Record<string, unknown> = {}) =>
    ok(actOn(app.strapi, member, uid, documentId, action, fields));

  /** An order of `lines` (unit prices, one piece each) taken to ready. */
  const readyOrder = (customer: Doc, prices: string[], beforeConfirm?: (order: Doc) => Promise<void>) =>
    readyOrderOf(
      app.strapi,
      { specialist, supervisor, planner, coordinator },
      customer,
      prices.map((unitPrice) => ({ product, quantity: 1, unitPrice })),
      beforeConfirm
    );
  /** Ships one line; its receivable dated `daysPastDue` past due (invoiced 30 days before due). */
  const shipLine = async (order: Doc, key: string, daysPastDue: number) => {
    const { shipment, receivable } = await shipOneLine(app.strapi, coordinator, order, key);
    const dueDate = addDays(today, -daysPastDue);
    await redateReceivable(app.strapi, receivable, { dueDate, invoiceDate: addDays(dueDate, -30) });
    return { shipment, receivable: receivable as Doc };
  };
  const aging = (member: StaffMember, query: string) => rest(app.strapi, member).get(`/api/receivables/aging?${query}`);

  describe('the aging', () => {
    let east: Doc;
    let west: Doc;

    beforeAll(async () => {
      east = await createCustomer(app.strapi, specialist, {
        name: '华东客户',
        region: 'R-east',
        salesperson: salesperson.id,
        paymentTermsDays: 30,
      });
      west = await createCustomer(app.strapi, specialist, { name: '华西客户', region: 'R-west', paymentTermsDays: 30 });
      const a = await readyOrder(east, ['1000.00', '200.50', '300.25', '40.00']);
      await shipLine(a.order, a.keys[0], 30); // the edge: 30 days past due is 1–30
      await shipLine(a.order, a.keys[1], 31); // 31 is 31–60
      await shipLine(a.order, a.keys[2], 0); // due today is not due
      await shipLine(a.order, a.keys[3], 181); // 180+
      const b = await readyOrder(west, ['77.70']);
      await shipLine(b.order, b.keys[0], 95);
      // Paid in part two days ago: oldest first takes the 181-day item and part of the 31-day one.
      await ok(
        rest(app.strapi, clerk).post('/api/payments', {
          data: { customer: east.documentId, amount: '100.00', receivedOn: addDays(today, -2), method: 'bank_transfer' },
        })
      );
    });

    const EMPTY = { not_due: '0.00', d1_30: '0.00', d31_60: '0.00', d61_90: '0.00', d91_180: '0.00', d180_plus: '0.00' };

    it('buckets what is open today per customer, edges included, with totals', async () => {
      const res = await aging(clerk, `asOf=${today}&groupBy=customer`);
      expect(res.status).toBe(200);
      expect(res.body.data.buckets.map((b: { key: string }) => b.key)).toEqual(Object.keys(EMPTY));
      const rows = Object.fromEntries(
        res.body.data.rows.map((row: { key: string; amounts: unknown; total: string }) => [row.key, [row.amounts, row.total]])
      );
      expect(rows[east.documentId]).toEqual([{ ...EMPTY, not_due: '300.25', d1_30: '1000.00', d31_60: '140.50' }, '1440.75']);
      expect(rows[west.documentId]).toEqual([{ ...EMPTY, d91_180: '77.70' }, '77.70']);
      expect(res.body.data.totals).toEqual({
        amounts: { ...EMPTY, not_due: '300.25', d1_30: '1000.00', d31_60: '140.50', d91_180: '77.70' },
        total: '1518.45',
      });
    });

    it('takes the balances as they were at the end of a past day (before the payment, edges moved)', async () => {
      const asOf = addDays(today, -3);
      const res = await aging(clerk, `asOf=${asOf}&groupBy=bucket`);
      expect(res.status).toBe(200);
      // Three days ago: 30 → 27 (1–30), 31 → 28 (1–30), 0 → due in 3 days, 181 → 178 (91–180), 95 → 92; nothing paid yet.
      expect(res.body.data.totals).toEqual({
        amounts: { ...EMPTY, not_due: '300.25', d1_30: '1200.50', d91_180: '117.70' },
        total: '1618.45',
      });
    });

    it('groups by region and salesperson, filters, and keeps the top groups', async () => {
      const byRegion = (await aging(supervisor, 'groupBy=region')).body.data.rows.map((row: { key: string; total: string }) => [
        row.key,
        row.total,
      ]);
      expect(byRegion).toEqual([
        ['R-east', '1440.75'],
        ['R-west', '77.70'],
      ]);
      const mine = (await aging(salesperson, `groupBy=salesperson&salesperson=${salesperson.id}`)).body.data.rows;
      expect(mine.map((row: { key: string; total: string }) => [row.key, row.total])).toEqual([[String(salesperson.id), '1440.75']]);
      const west1 = (await aging(clerk, 'groupBy=customer&region=R-west')).body.data.rows;
      expect(west1.map((row: { key: string }) => row.key)).toEqual([west.documentId]);
      expect((await aging(clerk, 'groupBy=customer&top=1')).body.data.rows).toHaveLength(1);
    });

    it('exports XLSX: a row per group, a column per bucket, the totals', async () => {
      const res = await rest(app.strapi, clerk)
        .get(`/api/receivables/aging?groupBy=customer&format=xlsx`)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body);
      const sheet = workbook.worksheets[0];
      const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
      expect(values(1)).toEqual([
        '客户 Customer',
        '未到期 Not due',
        '逾期1–30天 1–30 days',
        '逾期31–60天 31–60 days',
        '逾期61–90天 61–90 days',
        '逾期91–180天 91–180 days',
        '逾期180天以上 Over 180 days',
        '合计 Total',
      ]);
      expect(values(2)).toEqual([expect.stringContaining('华东客户'), 300.25, 1000, 140.5, 0, 0, 0, 1440.75]);
      expect(values(sheet.rowCount)).toEqual(['合计 Total', 300.25, 1000, 140.5, 0, 77.7, 0, 1518.45]);
    });

    it('refuses bad parameters with a 400 naming each, and those who may not read receivables with a 403', async () => {
      for (const [query, field] of [
        ['asOf=2026-02-30', 'asOf'],
        [`asOf=${addDays(today, 1)}`, 'asOf'],
        ['groupBy=product', 'groupBy'],
        ['top=0', 'top'],
        ['top=abc', 'top'],
        ['format=pdf', 'format'],
        ['salesperson=999999', 'salesperson'],
        ['currency=GBP', 'currency'],
        ['asOf=2026-01-01&asOf=2026-01-02', 'asOf'],
        ['colour=red', 'colour'],
      ])
        expectValidationError(await aging(clerk, query), field);
      expectForbidden(await aging(planner, 'groupBy=customer'));
      expect((await request(app.strapi.server.httpServer).get('/api/receivables/aging')).status).toBe(401);
      // The admin panel's route: the same report for an admin who may read receivables.
      const admin = await createAdminUser(app.strapi, 'sales-clerk');
      const viaAdmin = await request(app.strapi.server.httpServer)
        .get('/workflows/receivable-aging?groupBy=region')
        .set('Authorization', `Bearer ${admin.token}`);
      expect(viaAdmin.body.data.totals.total).toBe('1518.45');
      const plannerAdmin = await createAdminUser(app.strapi, 'planner');
      expect(
        (
          await request(app.strapi.server.httpServer)
            .get('/workflows/receivable-aging')
            .set('Authorization', `Bearer ${plannerAdmin.token}`)
        ).status
      ).toBe(403);
    });
  });

  describe('payment progress', () => {
    it('of an order and of its contract: billed (not void), paid (in force), open, overdue today', async () => {
      const customer = await createCustomer(app.strapi, specialist, { paymentTermsDays: 30 });
      let contract: Doc | undefined;
      const first = await readyOrder(customer, ['500.00', '250.00', '125.50', '60.00'], async (order) => {
        contract = (
          await ok(
            rest(app.strapi, specialist).post('/api/contracts', {
              data: { orders: [order.documentId], paymentTerms: '月结30天', deliveryDate: '2027-03-01' },
            })
          )
        ).data;
      });
      const second = await readyOrder(customer, ['1000.00']);
      await asTrustedWrite(() =>
        app.strapi.db
          .query('api::contract.contract')
          .update({ where: { id: contract!.id }, data: { orders: [first.order.id, second.order.id] } })
      );
      const overdue = await shipLine(first.order, first.keys[0], 10); // 500.00, 10 days overdue
      await shipLine(first.order, first.keys[1], -5); // 250.00, due in 5 days
      const voided = await shipLine(first.order, first.keys[2], 40); // 125.50, cancelled: void
      await act(coordinator, SHIPMENT, voided.shipment.documentId, 'cancel', { comment: '退回' });
      await shipLine(second.order, second.keys[0], 1); // 1000.00 on the other order, 1 day overdue
      const paid = await ok(
        rest(app.strapi, clerk).post('/api/payments', {
          data: {
            customer: customer.documentId,
            amount: '320.00',
            receivedOn: today,
            method: 'bank_transfer',
            allocations: [{ receivable: overdue.receivable.documentId, amount: '300.00' }],
          },
        })
      );
      const reversedPayment = await ok(
        rest(app.strapi, clerk).post('/api/payments', {
          data: {
            customer: customer.documentId,
            amount: '50.00',
            receivedOn: today,
            method: 'cash',
            allocations: [{ receivable: overdue.receivable.documentId, amount: '50.00' }],
          },
        })
      );
      await ok(
        rest(app.strapi, clerk).post(`/api/payments/${reversedPayment.data.documentId}/reverse`, { data: { version: 1, reason: '假币' } })
      );
      expect(paid.data.unallocatedAmount).toBe(20);

      const orderProgress = await rest(app.strapi, clerk).get(`/api/orders/${first.order.documentId}/payment-progress`);
      expect([orderProgress.status, orderProgress.body.data]).toEqual([
        200,
        {
          number: first.order.number,
          currency: 'CNY',
          total: '935.50',
          receivables: 2,
          billed: '750.00',
          paid: '300.00',
          open: '450.00',
          overdue: '200.00',
          asOf: today,
        },
      ]);
      const contractProgress = await rest(app.strapi, salesperson).get(`/api/contracts/${contract!.documentId}/payment-progress`);
      expect([contractProgress.status, contractProgress.body.data]).toMatchObject([
        200,
        { receivables: 3, billed: '1750.00', paid: '300.00', open: '1450.00', overdue: '1200.00' },
      ]);

      expectForbidden(await rest(app.strapi, planner).get(`/api/orders/${first.order.documentId}/payment-progress`));
      expect((await rest(app.strapi, clerk).get('/api/orders/nosuchorder000000000000/payment-progress')).status).toBe(404);
      const admin = await createAdminUser(app.strapi, 'order-coordinator');
      const viaAdmin = await request(app.strapi.server.httpServer)
        .get(`/workflows/order/${first.order.documentId}/payment-progress`)
        .set('Authorization', `Bearer ${admin.token}`);
      expect(viaAdmin.body.data).toMatchObject({ billed: '750.00', paid: '300.00', open: '450.00', overdue: '200.00' });
    });
  });
});
