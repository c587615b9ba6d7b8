/**
 * The late-order watch (进度交期跟踪): orders in several states and dates, the list through REST and
 * the admin panel against a computation written out here from the department's rules (open state;
 * promised date passed; planned finish passed while planned or in production; promised after the
 * customer's required date; packaging artwork not confirmed within a week of the finish; an order
 * shipping now needing more than it reserved and its product has free), the XLSX read back with exceljs, who may read it; the daily mail to
 * the watchers through a real SMTP catcher, with a second instance running the job at the same time.
 */
import ExcelJS from 'exceljs';
import request from 'supertest';
import { addDays, dateIn } from '../../src/domain/business-date';
import { reportTimeZone } from '../../src/platform/settings';
import { ORDER, PACKAGING_ITEM, PRODUCT } from '../../src/platform/uids';
import { createAdminUser } from '../helpers/admin';
import { createCustomer, createOrder, createProduct, Doc } from '../helpers/fixtures';
import { createStaffUser, rest, useStaff } from '../helpers/staff';
import { useStrapi } from '../helpers/strapi';
import { planShipment, readyOrder, ship } from '../helpers/shipping';
import { ok } from '../helpers/workflow';
import { adminLinks, CaughtMail, linkedTo, useMailCatcher } from '../helpers/mail';
import { drainOutbox } from '../../src/notifications/worker';
import path from 'path';
import { runLateOrderMail, sendLateOrderMail } from '../../src/jobs/late-order-mail';
import { startSecondInstance, SecondInstance } from '../helpers/second-instance';

const JOB = path.join('src', 'jobs', 'late-order-mail.js');

interface Case {
  state: string;
  promised?: number;
  planned?: number;
  required?: number;
  quantity: number;
  /** Shipped of it (a real shipment of the ready order). */
  shipped?: number;
  /** The product: A (100 on hand), B (40 on hand) or C (10 on hand). */
  product?: 'A' | 'B' | 'C';
  /** Reserved for the line (and so on the product). */
  reserved?: number;
  /** A packaging item whose artwork the customer has or has not confirmed. */
  artwork?: 'open' | 'confirmed';
}

const ON_HAND = { A: 100, B: 40, C: 10 };

/** Dates as days from today; the rules below decide by hand which are late and why. */
const CASES: Record<string, Case> = {
  pastPromise: { state: 'ready', promised: -5, quantity: 3 },
  overrun: { state: 'in_production', planned: -2, promised: 4, quantity: 2 },
  overrunNotPlanned: { state: 'ready', planned: -2, promised: 4, quantity: 1 },
  promisedAfterRequired: { state: 'scheduled', planned: 1, promised: 10, required: 6, quantity: 4 },
  everything: { state: 'scheduled', planned: -1, promised: -3, required: -9, quantity: 5 },
  onTime: { state: 'confirmed', promised: 3, required: 3, quantity: 1 },
  shippedLate: { state: 'shipped', promised: -20, quantity: 1 },
  heldLate: { state: 'on_hold', promised: -20, quantity: 1 },
  cancelledLate: { state: 'cancelled', promised: -20, quantity: 1 },
  partlyShipped: { state: 'partially_shipped', promised: -1, quantity: 6, shipped: 2 },
  artworkNearFinish: { state: 'in_production', planned: 3, promised: 10, quantity: 1, artwork: 'open' },
  artworkWeekAhead: { state: 'scheduled', planned: 7, promised: 12, quantity: 1, artwork: 'open' },
  artworkFar: { state: 'scheduled', planned: 8, promised: 12, quantity: 1, artwork: 'open' },
  artworkConfirmed: { state: 'in_production', planned: 2, promised: 9, quantity: 1, artwork: 'confirmed' },
  artworkNoPlan: { state: 'confirmed', promised: 5, quantity: 1, artwork: 'open' },
  stockShort: { state: 'ready', promised: 6, quantity: 50, product: 'B' },
  stockCovered: { state: 'ready', promised: 6, quantity: 10, product: 'B' },
  reservationCovers: { state: 'ready', promised: 6, quantity: 30, reserved: 25, product: 'B' },
  shortBeforeReady: { state: 'in_production', planned: 20, promised: 25, quantity: 50, product: 'B' },
  shippedPartCovered: { state: 'partially_shipped', promised: 6, quantity: 10, shipped: 6, product: 'C' },
};

/** What a case's product has free: on hand, less what was shipped of it, less what is reserved on it. */
const freeOf = (product: 'A' | 'B' | 'C') =>
  Object.values(CASES)
    .filter((c) => (c.product ?? 'A') === product)
    .reduce((free, c) => free - (c.shipped ?? 0) - (c.reserved ?? 0), ON_HAND[product]);

/** The expected reasons, from the rules (not from the code under test). */
const expectedReasons = (c: Case): string[] => {
  const open = ['confirmed', 'scheduled', 'in_production', 'ready', 'partially_shipped'].includes(c.state);
  if (!open) return [];
  const reasons: string[] = [];
  if (c.promised !== undefined && c.promised < 0) reasons.push('past_promised_date');
  if (c.planned !== undefined && c.planned < 0 && ['scheduled', 'in_production'].includes(c.state)) reasons.push('planned_finish_overrun');
  if (c.required !== undefined && c.promised !== undefined && c.required < c.promised) reasons.push('promised_after_required');
  const finish = c.planned ?? c.promised;
  if (c.artwork === 'open' && ['confirmed', 'scheduled', 'in_production'].includes(c.state) && finish !== undefined && finish <= 7) {
    reasons.push('artwork_not_confirmed');
  }
  const stillNeeded = c.quantity - (c.shipped ?? 0) - (c.reserved ?? 0);
  if (['ready', 'partially_shipped'].includes(c.state) && stillNeeded > freeOf(c.product ?? 'A')) reasons.push('stock_short');
  return reasons;
};

describe('late-order watch (进度交期跟踪)', () => {
  const mail = useMailCatcher();
  const app = useStrapi();
  const staff = useStaff(app, {
    specialist: 'cs-specialist',
    supervisor: 'cs-supervisor',
    coordinator: 'order-coordinator',
    englishCoordinator: ['order-coordinator', { preferredLanguage: 'en' }],
    planner: 'planner',
  });
  const orders = {} as Record<string, Doc>;
  let today: string;
  let customerName: string;
  let customerId: string;
  let productId: string;

  beforeAll(async () => {
    today = dateIn(reportTimeZone(app.strapi));
    const { specialist, supervisor } = staff;
    const customer = await createCustomer(app.strapi, specialist, { creditLimit: '1000000.00' });
    customerName = customer.name as string;
    customerId = customer.documentId;
    const products = {
      A: await createProduct(app.strapi, supervisor, { stockOnHand: ON_HAND.A }),
      B: await createProduct(app.strapi, supervisor, { stockOnHand: ON_HAND.B }),
      C: await createProduct(app.strapi, supervisor, { stockOnHand: ON_HAND.C }),
    };
    productId = products.A.documentId;
    const table = app.strapi.db.metadata.get(ORDER).tableName;
    for (const [name, c] of Object.entries(CASES)) {
      const product = products[c.product ?? 'A'];
      let order: Doc;
      if (c.shipped) {
        const ready = await readyOrder(app.strapi, staff, customer, [{ product, quantity: c.quantity, unitPrice: '10.00' }]);
        order = ready.order;
        const shipment = await planShipment(app.strapi, staff.coordinator, order, [{ line: ready.keys[0], quantity: c.shipped }]);
        await ok(ship(app.strapi, staff.coordinator, shipment));
      } else {
        order = await createOrder(app.strapi, specialist, {
          customer: customer.documentId,
          lines: [{ product: product.documentId, quantity: c.quantity, unitPrice: '10.00' }],
        });
      }
      // As time and the workflow would leave them; workflow records refuse Query Engine writes, so straight to the table.
      const at = (days?: number) => (days === undefined ? null : addDays(today, days));
      await app.strapi.db
        .connection(table)
        .where({ document_id: order.documentId })
        .update({ state: c.state, promised_date: at(c.promised), planned_finish: at(c.planned), required_date: at(c.required) });
      const stored = await app.strapi.db.query(ORDER).findOne({ where: { documentId: order.documentId }, populate: { lines: true } });
      if (c.reserved) {
        // As the coordinator's `allocate` leaves them: the line's reservation, and the product's.
        await app.strapi.db
          .connection('components_order_lines')
          .where({ id: stored.lines[0].id })
          .update({ reserved_quantity: c.reserved });
        await app.strapi.db
          .connection(app.strapi.db.metadata.get(PRODUCT).tableName)
          .where({ document_id: product.documentId })
          .increment('stock_reserved', c.reserved);
      }
      if (c.artwork) {
        await app.strapi.db.query(PACKAGING_ITEM).create({
          data: {
            order: stored.id,
            kind: 'carton',
            description: '外箱',
            artworkConfirmedAt: c.artwork === 'confirmed' ? addDays(today, -10) : null,
          },
        });
      }
      orders[name] = order;
    }
  });

  const expected = () =>
    Object.entries(CASES)
      .map(([name, c]) => ({ name, c, reasons: expectedReasons(c) }))
      .filter(({ reasons }) => reasons.length > 0)
      .map(({ name, c, reasons }) => ({
        number: orders[name].number,
        customer: customerName,
        state: c.state,
        promisedDate: c.promised === undefined ? null : addDays(today, c.promised),
        plannedFinish: c.planned === undefined ? null : addDays(today, c.planned),
        requiredDate: c.required === undefined ? null : addDays(today, c.required),
        daysLate: c.promised === undefined ? null : -c.promised,
        planToPromise: c.promised === undefined || c.planned === undefined ? null : c.promised - c.planned,
        orderedQuantity: c.quantity,
        openQuantity: c.quantity - (c.shipped ?? 0),
        reasons,
      }));

  it('lists exactly the open orders at risk, with days late, plan to promise, open quantity and reasons; longest late first', async () => {
    const res = await rest(app.strapi, staff.coordinator).get('/api/orders/late');
    expect(res.status).toBe(200);
    expect(res.body.data.asOf).toBe(today);
    const listed = res.body.data.orders.map(({ documentId, link, salesperson, ...rest }: Record<string, unknown>) => {
      expect(link).toContain(`/content-manager/collection-types/${ORDER}/${documentId}`);
      expect(salesperson === null || typeof salesperson === 'string').toBe(true);
      return rest;
    });
    const want = expected().sort((a, b) => (b.daysLate ?? -1e9) - (a.daysLate ?? -1e9) || String(a.number).localeCompare(String(b.number)));
    expect(listed).toEqual(want);
    expect(listed.map((o: { number: string }) => o.number)).toEqual(
      [
        'pastPromise',
        'everything',
        'partlyShipped',
        'overrun',
        'artworkNoPlan',
        'stockShort',
        'promisedAfterRequired',
        'artworkNearFinish',
        'artworkWeekAhead',
      ].map((name) => orders[name].number)
    );
  });

  it('writes the same list as XLSX with bilingual headers, dates as dates, reasons in words', async () => {
    const res = await rest(app.strapi, staff.supervisor)
      .get('/api/orders/late?format=xlsx')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(`late-orders-${today}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const rows = workbook.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual([
      '订单编号 Order',
      '客户 Customer',
      '业务员 Salesperson',
      '状态 State',
      '要求交期 Required',
      '承诺交期 Promised',
      '计划完工 Planned finish',
      '逾期天数 Days late',
      '完工至交期天数 Days planned finish to promise',
      '未发数量 Open quantity',
      '原因 Reasons',
    ]);
    expect(rows.length).toBe(1 + expected().length);
    const everything = rows.find((row) => row[0] === orders.everything.number)!;
    expect(everything[1]).toBe(customerName);
    expect(everything[3]).toBe('已排产 Scheduled');
    expect(everything[4]).toEqual(new Date(`${addDays(today, -9)}T00:00:00Z`));
    expect(everything[5]).toEqual(new Date(`${addDays(today, -3)}T00:00:00Z`));
    expect(everything[6]).toEqual(new Date(`${addDays(today, -1)}T00:00:00Z`));
    expect(everything.slice(7, 10)).toEqual([3, -2, 5]);
    expect(everything[10]).toBe(
      '已过承诺交期，未发完 Promised date passed, not shipped; 已过计划完工日，未完工 Planned finish passed, not ready; ' +
        "承诺交期晚于客户要求日期 Promised after the customer's required date"
    );
  });

  it('answers the admin panel the same list, and refuses an admin who may not read orders', async () => {
    const http = request(app.strapi.server.httpServer);
    const admin = await createAdminUser(app.strapi, 'order-coordinator');
    const viaAdmin = await http.get('/workflows/late-orders').set('Authorization', `Bearer ${admin.token}`);
    expect(viaAdmin.status).toBe(200);
    expect(viaAdmin.body.data).toEqual((await rest(app.strapi, staff.coordinator).get('/api/orders/late')).body.data);
    const role = await app.strapi.service('admin::role').create({ name: `No department role ${Date.now()}`, description: 'none' });
    const outsider = await createAdminUser(app.strapi, role.code);
    expect((await http.get('/workflows/late-orders').set('Authorization', `Bearer ${outsider.token}`)).status).toBe(403);
  });

  it('refuses a caller who may not read orders (403) and an unknown format (400)', async () => {
    const outsider = await createStaffUser(app.strapi, 'authenticated');
    expect((await rest(app.strapi, outsider).get('/api/orders/late')).status).toBe(403);
    expect((await rest(app.strapi, staff.coordinator).get('/api/orders/late?format=pdf')).status).toBe(400);
  });

  describe('daily mail to the order coordinators and CS supervisors', () => {
    const newMail = async (): Promise<CaughtMail[]> => {
      await drainOutbox(app.strapi);
      const caught = [...mail.catcher.messages];
      mail.catcher.messages.length = 0;
      return caught;
    };
    const numbersIn = (message: CaughtMail) =>
      Object.values(orders)
        .map((order) => order.number as string)
        .filter((number) => message.text.includes(number))
        .sort();
    const lateNumbers = () =>
      expected()
        .map((order) => order.number as string)
        .sort();

    let second: SecondInstance;
    beforeAll(async () => {
      await newMail();
      second = await startSecondInstance();
    }, 120_000);
    afterAll(async () => {
      await second?.stop();
    });
    const lateOrder = async (quantity: number) => {
      const order = await createOrder(app.strapi, staff.specialist, {
        customer: customerId,
        lines: [{ product: productId, quantity, unitPrice: '10.00' }],
      });
      await app.strapi.db
        .connection(app.strapi.db.metadata.get(ORDER).tableName)
        .where({ document_id: order.documentId })
        .update({ state: 'confirmed', promised_date: addDays(today, -1) });
      return order;
    };

    it('mails each watcher once, in their language, the late orders new since the last mail, with the whole list attached', async () => {
      const now = new Date();
      // Two instances at once: one runs under the lease, the log keeps each risk to one mail.
      const runs = await Promise.all([runLateOrderMail(app.strapi, now), runLateOrderMail(app.strapi, now)]);
      expect(runs.filter((mailed) => mailed && mailed.length > 0)).toHaveLength(1);
      const mails = await newMail();
      const watchers = [staff.supervisor, staff.coordinator, staff.englishCoordinator].map((member) => member.email).sort();
      expect(mails.map((m) => m.to.join(',')).sort()).toEqual(watchers);
      const count = lateNumbers().length;
      for (const message of mails) {
        expect(numbersIn(message)).toEqual(lateNumbers());
        expect(message.attachments.map((a) => a.filename)).toEqual([`late-orders-${today}.xlsx`]);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(message.attachments[0].content as never);
        expect(workbook.worksheets[0].rowCount).toBe(1 + count);
      }
      const english = mails.find((m) => m.to.includes(staff.englishCoordinator.email))!;
      expect(english.subject).toBe(`Late orders: ${count} new (${today})`);
      expect(english.text).toContain('Promised date passed, not shipped');
      const chinese = mails.find((m) => m.to.includes(staff.coordinator.email))!;
      expect(chinese.subject).toBe(`延期订单：新增 ${count} 个（${today}）`);
      expect(chinese.text).toContain('已过承诺交期，未发完');
      const ordersPage = `http://localhost:${app.strapi.config.get('server.port')}/admin/content-manager/collection-types/${ORDER}`;
      expect(adminLinks(english)).toEqual(linkedTo(ordersPage, 'en'));
      expect(adminLinks(chinese)).toEqual(linkedTo(ordersPage, 'zh-CN'));
    });

    it('mails nothing on a second run the same day', async () => {
      expect(await runLateOrderMail(app.strapi, new Date())).toEqual([]);
      expect(await newMail()).toEqual([]);
    });

    it('mails only a newly late order in the next mail, once when two instances run the job at once', async () => {
      const order = await lateOrder(7);
      const now = new Date();
      const runs = await Promise.all([runLateOrderMail(app.strapi, now), second.run<string[] | null>(JOB, 'runLateOrderMail', now)]);
      expect(runs.filter((mailed) => mailed && mailed.length > 0)).toEqual([[order.documentId]]);
      const mails = await newMail();
      expect(mails).toHaveLength(3);
      for (const message of mails) {
        expect(message.text).toContain(order.number as string);
        expect(numbersIn(message)).toEqual([]);
        expect(message.subject).toMatch(/(新增 1 个|1 new)/);
      }
    });

    it('mails an order again only for a new risk: stock that no longer covers a ready order', async () => {
      // Another department takes 6 of product B: 9 free, the covered order's 10 are now short, the reservation's 5 are not.
      const product = await app.strapi.db.query(ORDER).findOne({
        where: { documentId: orders.stockCovered.documentId },
        populate: { lines: { populate: { product: true } } },
      });
      await app.strapi.db
        .connection(app.strapi.db.metadata.get(PRODUCT).tableName)
        .where({ id: product.lines[0].product.id })
        .decrement('stock_on_hand', 6);
      expect(await runLateOrderMail(app.strapi, new Date())).toEqual([orders.stockCovered.documentId]);
      const mails = await newMail();
      expect(mails).toHaveLength(3);
      const english = mails.find((m) => m.to.includes(staff.englishCoordinator.email))!;
      expect(english.text).toContain(orders.stockCovered.number as string);
      expect(english.text).toContain('Stock short for allocation');
      expect(mails.find((m) => m.to.includes(staff.coordinator.email))!.text).toContain('库存不足，无法分配');
      // The rest of B's orders were mailed before (stockShort) or need no more than they reserved.
      for (const message of mails) expect(numbersIn(message)).toEqual([orders.stockCovered.number]);
    });

    it('mails a risk once even without the lease: two instances sending at once, the log decides', async () => {
      const order = await lateOrder(8);
      const now = new Date();
      const sent = await Promise.all([sendLateOrderMail(app.strapi, now), second.run<string[]>(JOB, 'sendLateOrderMail', now)]);
      expect(sent.flat()).toEqual([order.documentId]);
      const mails = await newMail();
      expect(mails).toHaveLength(3);
      for (const message of mails) expect(message.text).toContain(order.number as string);
    });
  });
});
