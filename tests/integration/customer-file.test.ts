/**
 * The customer file (客户档案), GET /api/customers/:documentId/file: for a customer with orders in
 * several states, receivables in several aging buckets, payments, an answered statement, complaints
 * and a contact log, every section equals an independent computation over Document Service reads
 * (JS arithmetic with decimal.js here); each role sees exactly the sections its row of the access
 * matrix may read; paging; refusals (unknown customer 404, bad paging 400, no customer read 403).
 */
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { useStrapi, appModule } from '../helpers/strapi';
import { createStaffUser, rest, StaffMember, useStaff } from '../helpers/staff';
import { createCustomer, createInquiry, createOrder, Doc } from '../helpers/fixtures';
import { draftContract } from '../helpers/contracts';
import { actOn, ok } from '../helpers/workflow';
import { readyOrder, redateReceivable, settle, shipLine, useCollectionSetup } from '../helpers/shipping';
import { createAdminUser } from '../helpers/admin';
import { addDays, dateIn } from '../../src/domain/business-date';
import { addYears, periodOf } from '../../src/domain/sales-periods';
import { agingBuckets, bucketOf, daysPastDue, DEFAULT_AGING_BOUNDS } from '../../src/domain/aging';
import { ACCESS_MATRIX } from '../../src/domain/access-matrix';
import { ROLE_CODES, RoleCode } from '../../src/domain/staff-roles';
import {
  ALLOCATION,
  COMPLAINT,
  CONTRACT,
  CUSTOMER,
  CUSTOMER_NEED,
  CUSTOMER_OPINION,
  INQUIRY,
  ORDER,
  PAYMENT,
  RECEIVABLE,
  SHIPMENT,
  STATEMENT,
} from '../../src/platform/uids';

const { asTrustedWrite } = appModule('src', 'platform', 'trusted-write.js');

const ZONE = 'Asia/Shanghai';
const money = (value: unknown) => new Decimal(String(value ?? 0));
const fixed = (value: Decimal) => value.toFixed(2);
const percent = (part: Decimal | number, whole: Decimal | number) =>
  new Decimal(String(whole)).gt(0) ? new Decimal(String(part)).div(String(whole)).times(100).toDecimalPlaces(1).toNumber() : null;
const trusted = (uid: string, documentId: string, data: Record<string, unknown>) =>
  asTrustedWrite(() => (globalThis as any).__strapi.db.query(uid).update({ where: { documentId }, data }));

/** The file's sections and the record each is made of, written here again from docs/roles.md and the issue. */
const SECTION_RECORDS: Record<string, string[]> = {
  header: ['customer'],
  orders: ['order'],
  money: ['receivable'],
  credit: ['credit-event'],
  complaints: ['complaint'],
  contacts: ['customer'],
  opinions: ['customer-opinion'],
  needs: ['customer-need'],
  documents: ['contract', 'shipment', 'statement'],
};
const reads = (role: RoleCode, record: string) =>
  ((ACCESS_MATRIX as Record<string, Partial<Record<RoleCode, string[]>>>)[record]?.[role] ?? []).includes('read');
const expectedSections = (role: RoleCode) =>
  Object.entries(SECTION_RECORDS)
    .filter(([, records]) => records.some((record) => reads(role, record)))
    .map(([section]) => section);

describe('customer file', () => {
  const app = useStrapi();
  const staff = useCollectionSetup(app, { name: '不锈钢球阀 Ball valve', sku: `BV-${Date.now()}` });
  const more = useStaff(app, { manager: 'sales-manager', quality: 'quality' });
  const today = dateIn(ZONE);
  const day = (offset: number) => addDays(today, offset);
  let customer: Doc;
  const orders: Record<string, Doc> = {};
  let fileOf: (member: StaffMember, query?: string) => Promise<any>;

  beforeAll(async () => {
    (globalThis as any).__strapi = app.strapi;
    const { strapi } = app;
    fileOf = async (member, query = '') => {
      const res = await rest(strapi, member).get(`/api/customers/${customer.documentId}/file${query}`);
      if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body.error)}`);
      return res.body.data;
    };
    customer = await createCustomer(strapi, staff.specialist, {
      name: '宁波甬江泵业有限公司',
      shortName: '甬江泵业',
      grade: 'A',
      region: '华东',
      salesperson: staff.salesperson.id,
      creditLimit: '500000.00',
      paymentTermsDays: 30,
      contacts: [
        { name: '陈经理', title: '采购经理', phone: '0574-88880001', email: 'chen@yongjiang.test', primary: true },
        { name: 'Li Na', title: 'Accounts', phone: '0574-88880002', email: 'li@yongjiang.test', primary: false },
      ],
    });
    const product = staff.product as Doc;
    // draft; confirmed; ready and late; partially shipped (four receivables in four buckets); shipped; cancelled; closed
    orders.draft = await createOrder(strapi, staff.specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 3, unitPrice: '99.90' }],
    });
    orders.confirmed = await createOrder(strapi, staff.specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 5, unitPrice: '10.00' }],
    });
    await ok(actOn(strapi, staff.supervisor, ORDER, orders.confirmed.documentId, 'confirm', { comment: 'by phone' }));
    orders.ready = (await readyOrder(strapi, staff, customer, [{ product, quantity: 10, unitPrice: '100.00' }])).order;
    await trusted(ORDER, orders.ready.documentId, { promisedDate: day(-3) });

    const partial = await readyOrder(strapi, staff, customer, [{ product, quantity: 10, unitPrice: '50.00' }]);
    orders.partial = partial.order;
    const receivables = [];
    for (let i = 0; i < 4; i++) receivables.push((await shipLine(strapi, staff.coordinator, partial.order, partial.keys[0], 1)).receivable);
    const full = await readyOrder(strapi, staff, customer, [{ product, quantity: 2, unitPrice: '200.00' }]);
    orders.shipped = full.order;
    const r1 = (await shipLine(strapi, staff.coordinator, full.order, full.keys[0], 1)).receivable;
    const r2 = (await shipLine(strapi, staff.coordinator, full.order, full.keys[0], 1)).receivable;
    const closing = await readyOrder(strapi, staff, customer, [{ product, quantity: 1, unitPrice: '30.00' }]);
    orders.closed = closing.order;
    await shipLine(strapi, staff.coordinator, closing.order, closing.keys[0], 1);
    await ok(actOn(strapi, staff.coordinator, ORDER, closing.order.documentId, 'close'));
    // ordered a year ago: last year's column of the order statistics
    await trusted(ORDER, closing.order.documentId, { orderDate: addYears(today, -1) });

    orders.cancelled = await createOrder(strapi, staff.specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 1, unitPrice: '1.00' }],
    });
    await ok(actOn(strapi, staff.supervisor, ORDER, orders.cancelled.documentId, 'cancel', { comment: 'customer withdrew' }));
    await draftContract(strapi, staff.specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 4, unitPrice: '120.00' }],
      paymentTerms: 'T/T 30 days',
      deliveryDate: day(40),
    });

    // a statement, disputed by the customer
    const statement = (
      await ok(
        rest(strapi, staff.clerk).post('/api/statements', {
          data: { customer: customer.documentId, periodFrom: day(-30), periodTo: today },
        })
      )
    ).data;
    await trusted(STATEMENT, statement.documentId, { state: 'disputed', customerComment: '少算了一笔退货', respondedAt: new Date() });

    // complaints: new; closed and justified with a rating; judged unjustified, still open
    const complaint = async (fields: Record<string, unknown>) =>
      (
        await ok(
          rest(strapi, staff.specialist).post('/api/complaints', {
            data: {
              customer: customer.documentId,
              channel: 'phone',
              description: '阀门渗漏',
              category: 'quality',
              severity: 'minor',
              ...fields,
            },
          })
        )
      ).data;
    await complaint({});
    const closed = await complaint({ severity: 'major', category: 'delivery' });
    await trusted(COMPLAINT, closed.documentId, {
      receivedAt: new Date(Date.now() - 10 * 86_400_000),
      state: 'closed',
      judgement: 'justified',
      closedAt: new Date(Date.now() - 3 * 86_400_000),
      feedbackRating: 4,
    });
    const unjustified = await complaint({ category: 'packaging' });
    await trusted(COMPLAINT, unjustified.documentId, { receivedAt: new Date(Date.now() - 5 * 86_400_000), judgement: 'unjustified' });

    // the contact log: a follow-up made (a later entry followed), one due, one not yet
    const at = (offset: number) => `${day(offset)}T02:00:00.000Z`;
    await createInquiry(strapi, staff.specialist, { customer: customer.documentId, occurredAt: at(-10), followUpDate: day(-3) });
    await createInquiry(strapi, staff.specialist, {
      customer: customer.documentId,
      occurredAt: at(-7),
      followUpDate: day(5),
      kind: 'sample',
    });
    await createInquiry(strapi, staff.coordinator, {
      customer: customer.documentId,
      occurredAt: at(-5),
      followUpDate: day(-1),
      kind: 'stock_check',
    });

    // what the customer said, and what it may need
    const said = (fields: Record<string, unknown>) =>
      ok(
        rest(strapi, staff.specialist).post('/api/customer-opinions', {
          data: {
            customer: customer.documentId,
            topic: 'delivery',
            text: '交期比承诺晚了一周',
            source: 'call',
            sentiment: 'negative',
            ...fields,
          },
        })
      );
    await said({ recordedAt: `${day(-2)}T03:00:00.000Z`, marketInfo: true });
    await said({ topic: 'price', text: '竞争对手报价低 5%', source: 'visit', sentiment: 'neutral' });
    const need = (member: StaffMember, fields: Record<string, unknown>) =>
      ok(rest(strapi, member).post('/api/customer-needs', { data: { customer: customer.documentId, ...fields } }));
    await need(staff.salesperson, {
      product: (staff.product as Doc).documentId,
      description: '新厂区扩建，需要一批球阀',
      estimatedQuantity: 40,
      estimatedValue: '51200.00',
      expectedDate: day(90),
    });
    await need(staff.specialist, { category: '阀门配件', description: '备品备件年度采购' });

    // Dated as if shipped earlier (after all shipping: a receivable long overdue puts the customer on hold):
    // not due, 1–30, 31–60 and over 180 days past due
    const dues = [5, -10, -45, -200];
    for (const [i, r] of receivables.entries())
      await redateReceivable(strapi, r, { invoiceDate: day(dues[i] - 30), dueDate: day(dues[i]) });
    await redateReceivable(strapi, r1, { invoiceDate: day(-60), dueDate: day(-30) });
    await redateReceivable(strapi, r2, { invoiceDate: day(-100), dueDate: day(-70) });
    // r1 paid in full today (30 days late); r2 paid 80.00 of 200.00
    await settle(strapi, staff.clerk, customer, [r1], today);
    await ok(
      rest(strapi, staff.clerk).post('/api/payments', {
        data: {
          customer: customer.documentId,
          amount: '80.00',
          receivedOn: day(-1),
          method: 'bank_transfer',
          allocations: [{ receivable: r2.documentId, amount: '80.00' }],
        },
      })
    );
  });

  const documents = (uid: string, params: Record<string, unknown>) =>
    app.strapi.documents(uid as never).findMany(params as never) as Promise<any[]>;
  const ofCustomer = () => ({ customer: { documentId: customer.documentId } });

  it('answers the header and the orders with their progress, as computed from the records', async () => {
    const file = await fileOf(staff.supervisor, '?pageSize=50');
    const receivables = await documents(RECEIVABLE, { filters: ofCustomer(), populate: { order: true } });
    const open = receivables.filter((r) => r.state === 'open');
    const openBalance = open.reduce((sum, r) => sum.plus(money(r.openAmount)), new Decimal(0));
    const overdue = open.filter((r) => r.dueDate < today).reduce((sum, r) => sum.plus(money(r.openAmount)), new Decimal(0));
    const stored = (await app.strapi.documents(CUSTOMER).findOne({ documentId: customer.documentId }))!;
    expect(file.header).toMatchObject({
      documentId: customer.documentId,
      code: customer.code,
      name: '宁波甬江泵业有限公司',
      shortName: '甬江泵业',
      grade: 'A',
      region: '华东',
      salesperson: { id: staff.salesperson.id, email: staff.salesperson.email },
      paymentTermsDays: 30,
      creditLimit: '500000.00',
      openBalance: fixed(openBalance),
      overdue: fixed(overdue),
      creditHold: stored.creditHold,
      creditHoldReason: stored.creditHold ? stored.creditHoldReason : null,
      warnings: [...(stored.creditHold ? ['creditHold'] : []), 'overdue'],
    });
    // the receivable 200 days overdue put the customer on hold
    expect(file.header.warnings).toEqual(['creditHold', 'overdue']);

    const storedOrders = await documents(ORDER, {
      filters: { ...ofCustomer(), state: { $notIn: ['closed', 'cancelled'] } },
      populate: { lines: true },
      sort: [{ orderDate: 'desc' }, { id: 'desc' }],
    });
    const shipments = await documents(SHIPMENT, {
      filters: { ...ofCustomer(), state: { $in: ['shipped', 'delivered'] } },
      populate: { lines: true, order: true },
    });
    const expected = storedOrders.map((order) => {
      const ordered = order.lines.reduce((sum: number, l: { quantity: number }) => sum + l.quantity, 0);
      const shipped = shipments
        .filter((s) => s.order?.documentId === order.documentId)
        .flatMap((s) => s.lines)
        .reduce((sum: number, l: { quantity: number }) => sum + l.quantity, 0);
      const mine = receivables.filter((r) => r.order?.documentId === order.documentId && r.state !== 'void');
      const billed = mine.reduce((sum, r) => sum.plus(money(r.amount)), new Decimal(0));
      const paid = billed.minus(mine.filter((r) => r.state === 'open').reduce((sum, r) => sum.plus(money(r.openAmount)), new Decimal(0)));
      return {
        documentId: order.documentId,
        number: order.number,
        state: order.state,
        orderDate: order.orderDate,
        promisedDate: order.promisedDate ?? null,
        requiredDate: order.requiredDate ?? null,
        late:
          ['confirmed', 'scheduled', 'in_production', 'ready', 'partially_shipped'].includes(order.state) &&
          !!order.promisedDate &&
          order.promisedDate < today,
        total: fixed(money(order.total)),
        orderedQuantity: ordered,
        shippedQuantity: shipped,
        shippedPercent: percent(shipped, ordered),
        billed: fixed(billed),
        paid: fixed(paid),
        billedPercent: percent(billed, money(order.total)),
        paidPercent: percent(paid, money(order.total)),
      };
    });
    expect(file.orders.open.items.map((o: any) => ({ ...o, link: undefined, currency: undefined }))).toEqual(
      expected.map((o) => ({ ...o, link: undefined, currency: undefined }))
    );
    expect(file.orders.open.pagination).toEqual({ page: 1, pageSize: 50, total: 5, pageCount: 1 });
    expect(file.orders.open.late).toBe(expected.filter((o) => o.late).length);
    expect(new Set(expected.map((o) => o.state))).toEqual(new Set(['draft', 'confirmed', 'ready', 'partially_shipped', 'shipped']));
    const byId = Object.fromEntries(file.orders.open.items.map((o: any) => [o.documentId, o]));
    expect(byId[orders.ready.documentId].late).toBe(true);
    expect(byId[orders.partial.documentId]).toMatchObject({
      shippedQuantity: 4,
      orderedQuantity: 10,
      shippedPercent: 40,
      billed: '200.00',
    });
    expect(byId[orders.shipped.documentId]).toMatchObject({ shippedPercent: 100, billed: '400.00', paid: '280.00', paidPercent: 70 });
    expect(file.orders.open.items.map((o: any) => o.documentId)).not.toContain(orders.closed.documentId);

    const contracts = await documents(CONTRACT, { filters: ofCustomer() });
    expect(file.orders.contracts.items.map((c: any) => [c.documentId, c.number, c.revision, c.state, c.total])).toEqual(
      contracts.map((c) => [c.documentId, c.number, c.revision, c.state, fixed(money(c.total))])
    );
  });

  it('answers the money: open receivables by aging bucket, last payments, statements with the answer, average days late', async () => {
    const file = await fileOf(staff.clerk);
    const buckets = agingBuckets(DEFAULT_AGING_BOUNDS);
    const receivables = await documents(RECEIVABLE, { filters: { ...ofCustomer(), state: 'open' } });
    const amounts = Object.fromEntries(buckets.map((b) => [b.key, new Decimal(0)]));
    for (const r of receivables) {
      const key = bucketOf(daysPastDue(r.dueDate, today), buckets).key;
      amounts[key] = amounts[key].plus(money(r.openAmount));
    }
    expect(file.money.aging.byCurrency).toEqual([
      {
        currency: 'CNY',
        items: receivables.length,
        amounts: Object.fromEntries(Object.entries(amounts).map(([k, v]) => [k, fixed(v)])),
        total: fixed(Object.values(amounts).reduce((s, v) => s.plus(v), new Decimal(0))),
      },
    ]);
    // four buckets and the not-due one hold something
    expect(Object.values(file.money.aging.byCurrency[0].amounts).filter((v) => v !== '0.00').length).toBeGreaterThanOrEqual(4);

    const payments = await documents(PAYMENT, { filters: ofCustomer(), sort: [{ receivedOn: 'desc' }, { id: 'desc' }] });
    expect(file.money.payments.map((p: any) => [p.number, p.receivedOn, p.amount, p.state])).toEqual(
      payments.slice(0, 10).map((p) => [p.number, p.receivedOn, fixed(money(p.amount)), p.state])
    );
    expect(file.money.statements).toHaveLength(1);
    expect(file.money.statements[0].answer).toMatchObject({ state: 'disputed', comment: '少算了一笔退货' });

    // paid receivables: days from due date to the last allocation in force, weighted by amount
    const paid = await documents(RECEIVABLE, { filters: { ...ofCustomer(), state: 'paid' } });
    const allocations = await documents(ALLOCATION, {
      filters: { receivable: { customer: { documentId: customer.documentId } } },
      populate: { receivable: true },
    });
    let weighted = new Decimal(0);
    let total = new Decimal(0);
    for (const r of paid) {
      const settled = allocations
        .filter((a) => a.receivable?.documentId === r.documentId && !a.reversedOn)
        .map((a) => a.allocatedOn)
        .sort()
        .pop();
      if (!settled || settled <= day(-365)) continue;
      weighted = weighted.plus(money(r.amount).times(Math.max(0, daysPastDue(r.dueDate, settled))));
      total = total.plus(money(r.amount));
    }
    expect(total.gt(0)).toBe(true);
    expect(file.money.paymentBehaviour.averageDaysLate).toBe(weighted.div(total).toDecimalPlaces(1).toNumber());
  });

  it('answers the credit record as its own endpoint does', async () => {
    const file = await fileOf(staff.clerk);
    const record = (await rest(app.strapi, staff.clerk).get(`/api/customers/${customer.documentId}/credit-record`)).body.data;
    expect(file.credit).toEqual(record);
  });

  it('answers the complaints newest first, justified or not, days open and the rating', async () => {
    const file = await fileOf(more.quality);
    const complaints = await documents(COMPLAINT, { filters: ofCustomer(), sort: [{ receivedAt: 'desc' }, { id: 'desc' }] });
    expect(
      file.complaints.items.map((c: any) => [c.documentId, c.state, c.severity, c.category, c.justified, c.daysOpen, c.feedbackRating])
    ).toEqual(
      complaints.map((c) => {
        const from = dateIn(ZONE, new Date(c.receivedAt));
        const to = c.closedAt ? dateIn(ZONE, new Date(c.closedAt)) : today;
        return [
          c.documentId,
          c.state,
          c.severity,
          c.category,
          c.judgement === 'justified' ? true : c.judgement === 'unjustified' ? false : null,
          daysPastDue(from, to),
          c.feedbackRating ?? null,
        ];
      })
    );
    expect(file.complaints.items.map((c: any) => c.justified)).toEqual([null, false, true]);
    expect(file.complaints.open).toBe(complaints.filter((c) => !['closed', 'withdrawn'].includes(c.state)).length);
    expect(file.complaints.items[2]).toMatchObject({ daysOpen: 7, feedbackRating: 4 });
  });

  it('answers the contacts and the contact log, follow-ups due flagged', async () => {
    const file = await fileOf(staff.specialist);
    expect(file.contacts.persons.map((p: any) => [p.name, p.phone, p.primary])).toEqual([
      ['陈经理', '0574-88880001', true],
      ['Li Na', '0574-88880002', false],
    ]);
    const log = await documents(INQUIRY, { filters: ofCustomer(), sort: [{ occurredAt: 'desc' }, { id: 'desc' }] });
    expect(file.contacts.log.items.map((q: any) => [q.documentId, q.kind, q.followUpDate, q.followUpDue])).toEqual(
      log.map((q, i) => [q.documentId, q.kind, q.followUpDate, q.followUpDate <= today && i === 0])
    );
    expect(file.contacts.log.items.map((q: any) => q.followUpDue)).toEqual([true, false, false]);
  });

  it('answers the opinions and the potential needs, newest first', async () => {
    const file = await fileOf(staff.supervisor);
    const opinions = await documents(CUSTOMER_OPINION, {
      filters: ofCustomer(),
      populate: { recordedBy: true },
      sort: [{ recordedAt: 'desc' }, { id: 'desc' }],
    });
    expect(
      file.opinions.items.map((o: any) => [
        o.documentId,
        o.topic,
        o.text,
        o.source,
        o.sentiment,
        o.marketInfo,
        o.recordedBy?.id,
        o.recordedAt,
      ])
    ).toEqual(
      opinions.map((o) => [
        o.documentId,
        o.topic,
        o.text,
        o.source,
        o.sentiment,
        Boolean(o.marketInfo),
        o.recordedBy?.id,
        new Date(o.recordedAt).toISOString(),
      ])
    );
    expect(file.opinions.pagination.total).toBe(2);
    const needs = await documents(CUSTOMER_NEED, {
      filters: ofCustomer(),
      populate: { product: true },
      sort: [{ recordedAt: 'desc' }, { id: 'desc' }],
    });
    expect(
      file.needs.items.map((n: any) => [
        n.documentId,
        n.description,
        n.product?.sku ?? null,
        n.category,
        n.estimatedQuantity,
        n.estimatedValue,
        n.expectedDate,
        n.status,
      ])
    ).toEqual(
      needs.map((n) => [
        n.documentId,
        n.description,
        n.product?.sku ?? null,
        n.category ?? null,
        n.estimatedQuantity ?? null,
        n.estimatedValue === null || n.estimatedValue === undefined ? null : fixed(money(n.estimatedValue)),
        n.expectedDate ?? null,
        n.status,
      ])
    );
    expect(file.needs.items.map((n: any) => n.estimatedValue)).toContain('51200.00');
  });

  it('lists the documents of the kinds the reader may download', async () => {
    const file = await fileOf(staff.clerk, '?pageSize=100');
    const shipped = await documents(SHIPMENT, { filters: { ...ofCustomer(), state: { $in: ['shipped', 'delivered'] } } });
    const kinds = (kind: string) => file.documents.items.filter((d: any) => d.kind === kind);
    expect(
      kinds('deliveryNote')
        .map((d: any) => d.pdf)
        .sort()
    ).toEqual(shipped.map((s) => `/api/shipments/${s.documentId}/delivery-note.pdf`).sort());
    expect(kinds('statement')).toHaveLength(1);
    expect(kinds('contract')).toHaveLength(1);
    expect(file.documents.pagination.total).toBe(shipped.length + 2);
    // the links work for the reader
    const [note] = kinds('deliveryNote');
    expect((await rest(app.strapi, staff.clerk).get(note.pdf)).status).toBe(200);
    const [statement] = kinds('statement');
    expect((await rest(app.strapi, staff.clerk).get(statement.xlsx)).status).toBe(200);
  });

  it('pages the long lists', async () => {
    const whole = await fileOf(staff.supervisor, '?pageSize=50');
    const all = whole.orders.open.items.map((o: any) => o.documentId);
    const late = whole.orders.open.items.filter((o: any) => o.late).length;
    const second = await fileOf(staff.supervisor, '?page=2&pageSize=2');
    expect(second.orders.open.items.map((o: any) => o.documentId)).toEqual(all.slice(2, 4));
    expect(second.orders.open.pagination).toEqual({ page: 2, pageSize: 2, total: 5, pageCount: 3 });
    // The counts the side panel shows are over the whole lists, whatever the page (it asks for one row).
    const first = await fileOf(staff.supervisor, '?pageSize=1');
    expect(first.orders.open.items).toHaveLength(1);
    expect(first.orders.open.items.filter((o: any) => o.late).length).toBeLessThan(late);
    expect(first.orders.open.late).toBe(late);
    expect(first.complaints.open).toBe(whole.complaints.open);
    const beyond = await fileOf(staff.supervisor, '?page=9&pageSize=2');
    expect(beyond.orders.open).toEqual({ items: [], pagination: { page: 9, pageSize: 2, total: 5, pageCount: 3 }, late });
  });

  it('shows each role exactly the sections its row of the access matrix may read', async () => {
    for (const role of ROLE_CODES) {
      const member = await createStaffUser(app.strapi, role);
      const file = await fileOf(member);
      const sections = expectedSections(role);
      expect({
        role,
        keys: Object.keys(file)
          .filter((k) => !['documentId', 'asOf', 'sections'].includes(k))
          .sort(),
      }).toEqual({
        role,
        keys: [...sections].sort(),
      });
      expect({ role, sections: file.sections }).toEqual({ role, sections });
      // parts of other record types follow their own rows
      if (file.orders) expect({ role, contracts: 'contracts' in file.orders }).toEqual({ role, contracts: reads(role, 'contract') });
      if (file.money) {
        expect({ role, payments: 'payments' in file.money }).toEqual({ role, payments: reads(role, 'payment') });
        expect({ role, statements: 'statements' in file.money }).toEqual({ role, statements: reads(role, 'statement') });
      }
      if (file.contacts) expect({ role, log: 'log' in file.contacts }).toEqual({ role, log: reads(role, 'inquiry') });
      if (file.documents) {
        const kinds = [
          reads(role, 'contract') && 'contract',
          reads(role, 'shipment') && 'deliveryNote',
          reads(role, 'statement') && 'statement',
        ];
        expect({ role, kinds: file.documents.kinds }).toEqual({ role, kinds: kinds.filter(Boolean) });
      }
    }
    // the planner reads no money, no credit record
    const planner = await fileOf(await createStaffUser(app.strapi, 'planner'));
    expect(planner.money).toBeUndefined();
    expect(planner.credit).toBeUndefined();
  });

  it('answers the same through the admin panel', async () => {
    const admin = await createAdminUser(app.strapi, 'cs-supervisor');
    const request = require('supertest');
    const res = await request(app.strapi.server.httpServer)
      .get(`/workflows/customer-file/${customer.documentId}?pageSize=50`)
      .set('Authorization', `Bearer ${admin.token}`);
    expect(res.status).toBe(200);
    const viaRest = await fileOf(staff.supervisor, '?pageSize=50');
    expect(res.body.data.header).toEqual(viaRest.header);
    expect(res.body.data.orders).toEqual(viaRest.orders);
  });

  it('refuses an unknown customer (404), bad paging (400) and a caller without customer read (403)', async () => {
    const get = (member: StaffMember, url: string) => rest(app.strapi, member).get(url);
    expect((await get(staff.supervisor, '/api/customers/nosuchcustomer000000000/file')).status).toBe(404);
    for (const query of ['page=0', 'pageSize=0', 'pageSize=101', 'page=x', 'sort=name']) {
      const res = await get(staff.supervisor, `/api/customers/${customer.documentId}/file?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(JSON.stringify(res.body.error.details)).toContain(query.split('=')[0]);
    }
    const outsider = await createStaffUser(app.strapi, 'authenticated');
    expect((await get(outsider, `/api/customers/${customer.documentId}/file`)).status).toBe(403);
    expect((await rest(app.strapi).get(`/api/customers/${customer.documentId}/file`)).status).toBe(401);
    expect(await app.strapi.db.query(CUSTOMER).count({ where: { documentId: customer.documentId } })).toBe(1);
  });

  describe('order statistics (客户订货统计一览表)', () => {
    const url = (query: string) => `/api/customers/${customer.documentId}/order-statistics?${query}`;
    /** Products × months of the customer's counted orders (neither draft nor cancelled), from Document Service reads. */
    const expectedCells = async (from: string, to: string) => {
      const counted = await documents(ORDER, {
        filters: { ...ofCustomer(), state: { $notIn: ['draft', 'cancelled'] } },
        populate: { lines: { populate: { product: true } } },
      });
      const cells = new Map<string, { quantity: number; amount: Decimal; previousQuantity: number; previousAmount: Decimal }>();
      const add = (order: any, previous: boolean) => {
        for (const line of order.lines) {
          const period = periodOf(previous ? addYears(order.orderDate, 1) : order.orderDate, 'month');
          const key = `${line.product.sku}|${period}`;
          const cell = cells.get(key) ?? { quantity: 0, amount: new Decimal(0), previousQuantity: 0, previousAmount: new Decimal(0) };
          if (previous) {
            cell.previousQuantity += line.quantity;
            cell.previousAmount = cell.previousAmount.plus(money(line.lineAmount));
          } else {
            cell.quantity += line.quantity;
            cell.amount = cell.amount.plus(money(line.lineAmount));
          }
          cells.set(key, cell);
        }
      };
      for (const order of counted) {
        if (order.orderDate >= from && order.orderDate <= to) add(order, false);
        if (order.orderDate >= addYears(from, -1) && order.orderDate <= addYears(to, -1)) add(order, true);
      }
      return Object.fromEntries(
        [...cells].map(([key, c]) => [
          key,
          { quantity: c.quantity, amount: fixed(c.amount), previousQuantity: c.previousQuantity, previousAmount: fixed(c.previousAmount) },
        ])
      );
    };

    it('answers products × months with last year beside them, and the top products, as summed from the orders', async () => {
      const from = `${today.slice(0, 4)}-01-01`;
      const res = await rest(app.strapi, more.quality).get(url(`grain=month&from=${from}&to=${today}`));
      expect(res.status).toBe(200);
      const statistics = res.body.data;
      const actual = Object.fromEntries(
        statistics.rows.map((r: any) => [
          `${r.product.sku}|${r.period}`,
          { quantity: r.quantity, amount: r.amount, previousQuantity: r.previousQuantity, previousAmount: r.previousAmount },
        ])
      );
      const expected = await expectedCells(from, today);
      expect(actual).toEqual(expected);
      // this year's orders and the one ordered a year ago are both there
      const cell = expected[`${(staff.product as Doc).sku}|${today.slice(0, 7)}`];
      expect(cell.quantity).toBeGreaterThan(0);
      expect(cell.previousQuantity).toBe(1);
      expect(cell.previousAmount).toBe('30.00');
      expect(statistics.periods[statistics.periods.length - 1]).toBe(today.slice(0, 7));
      expect(statistics.topProducts[0]).toMatchObject({
        product: { sku: (staff.product as Doc).sku },
        quantity: Object.values(expected).reduce((sum, c) => sum + c.quantity, 0),
        amount: fixed(Object.values(expected).reduce((sum, c) => sum.plus(c.amount), new Decimal(0))),
      });
    });

    it('answers the same as an XLSX workbook, and by quarter and year', async () => {
      const res = await rest(app.strapi, staff.clerk)
        .get(url(`grain=year&from=${today.slice(0, 4)}-01-01&to=${today}&format=xlsx`))
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body);
      const [orders, top] = workbook.worksheets;
      expect(orders.getRow(1).getCell(1).value).toBe('产品编码 SKU');
      expect(orders.getRow(1).getCell(8).value).toBe('去年同期金额 Amount a year earlier');
      const json = (await rest(app.strapi, staff.clerk).get(url(`grain=year&from=${today.slice(0, 4)}-01-01&to=${today}`))).body.data;
      expect(orders.rowCount).toBe(json.rows.length + 1);
      const first = orders.getRow(2);
      expect([
        first.getCell(1).value,
        first.getCell(4).value,
        first.getCell(5).value,
        first.getCell(6).value,
        first.getCell(8).value,
      ]).toEqual([
        json.rows[0].product.sku,
        json.rows[0].period,
        json.rows[0].quantity,
        Number(json.rows[0].amount),
        Number(json.rows[0].previousAmount),
      ]);
      expect(top.rowCount).toBe(json.topProducts.length + 1);
      const quarter = (await rest(app.strapi, staff.clerk).get(url(`grain=quarter&from=${today.slice(0, 4)}-01-01&to=${today}`))).body.data;
      expect(quarter.periods).toEqual(
        ['Q1', 'Q2', 'Q3', 'Q4'].map((q) => `${today.slice(0, 4)}-${q}`).filter((p) => p <= periodOf(today, 'quarter'))
      );
      expect(quarter.topProducts).toEqual(json.topProducts);
    });

    it('refuses bad parameters (400), an unknown customer (404) and a caller who may not read orders (403)', async () => {
      for (const query of ['grain=week', 'from=2026-13-01', 'from=2026-05-01&to=2026-04-01', 'format=pdf', 'page=1']) {
        const res = await rest(app.strapi, staff.clerk).get(url(query));
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
      }
      expect((await rest(app.strapi, staff.clerk).get('/api/customers/nosuchcustomer000000000/order-statistics')).status).toBe(404);
      expect((await rest(app.strapi, await createStaffUser(app.strapi, 'authenticated')).get(url('grain=month'))).status).toBe(403);
    });
  });
});
