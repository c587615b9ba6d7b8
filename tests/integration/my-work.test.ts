/**
 * My work (待办) through REST and the admin panel: records in known states, and for each role the
 * list written out by hand from the department's rules (who confirms, schedules, reviews, submits;
 * which open orders are late), then the list after actions are taken, and what each role may read.
 */
import request from 'supertest';
import { createAdminUser } from '../helpers/admin';
import { act, draftContract } from '../helpers/contracts';
import { createCustomer, createOrder, createProduct, Doc } from '../helpers/fixtures';
import { readyOrder } from '../helpers/shipping';
import { rest, StaffMember, useStaff } from '../helpers/staff';
import { useStrapi } from '../helpers/strapi';
import { actOn, ok } from '../helpers/workflow';
import { ORDER } from '../../src/platform/uids';

interface Item {
  kind: string;
  subject: string;
  uid: string;
  documentId: string;
  number: string;
  actions: string[];
  reasons: string[];
  overdue: boolean;
}

const PLURAL: Record<string, string> = { contract: 'contracts', complaint: 'complaints', order: 'orders', shipment: 'shipments' };

describe('my work (待办)', () => {
  const app = useStrapi();
  const staff = useStaff(app, {
    specialist: 'cs-specialist',
    supervisor: 'cs-supervisor',
    planner: 'planner',
    coordinator: 'order-coordinator',
    clerk: 'sales-clerk',
    quality: 'quality',
    vp: 'marketing-vp',
  });
  const records = {} as Record<'draftContract' | 'reviewed' | 'overLimit' | 'draftOrder' | 'confirmed' | 'late' | 'promisedLate', Doc>;

  const myWork = async (member: StaffMember): Promise<{ items: Item[]; counts: { total: number; overdue: number } }> => {
    const res = await rest(app.strapi, member).get('/api/my-work');
    expect(res.status).toBe(200);
    return res.body.data;
  };
  /** Each item as `kind subject number: actions or reasons`, sorted. */
  const listed = async (member: StaffMember) =>
    (await myWork(member)).items
      .map((item) => `${item.kind} ${item.subject} ${item.number}: ${[...item.actions, ...item.reasons].join(',')}`)
      .sort();
  const numberOf = (record: Doc) => record.number as string;
  /** As time passing would leave it; the last line refuses Query Engine writes of workflow records, so straight to the table. */
  const setDates = (order: Doc, dates: Record<string, string>) =>
    app.strapi.db.connection(app.strapi.db.metadata.get(ORDER).tableName).where({ document_id: order.documentId }).update(dates);

  beforeAll(async () => {
    const { specialist, supervisor, planner, coordinator } = staff;
    const customer = await createCustomer(app.strapi, specialist, { creditLimit: '1000000.00' });
    const small = await createCustomer(app.strapi, specialist, { creditLimit: '100.00' });
    const product = await createProduct(app.strapi, supervisor, { stockOnHand: 100 });
    const contract = (buyer: Doc) =>
      draftContract(app.strapi, specialist, {
        customer: buyer.documentId,
        lines: [{ product: product.documentId, quantity: 2, unitPrice: '100.00' }],
        paymentTerms: 'T/T 30 days',
        deliveryDate: '2027-02-01',
      });
    records.draftContract = await contract(customer);
    records.reviewed = await contract(customer);
    await ok(act(app.strapi, specialist, records.reviewed.documentId, 'submit'));
    // 200.00 against a limit of 100.00: the review waits for the sales clerk's credit opinion too.
    records.overLimit = await contract(small);
    await ok(act(app.strapi, specialist, records.overLimit.documentId, 'submit'));

    const line = [{ product: product.documentId, quantity: 1, unitPrice: '10.00' }];
    records.draftOrder = await createOrder(app.strapi, specialist, { customer: customer.documentId, lines: line });
    records.confirmed = await createOrder(app.strapi, specialist, { customer: customer.documentId, lines: line });
    await ok(actOn(app.strapi, supervisor, ORDER, records.confirmed.documentId, 'confirm', { comment: '电话确认' }));
    const shipping = { specialist, supervisor, planner, coordinator };
    const readyLine = [{ product, quantity: 1, unitPrice: '10.00' }];
    records.late = (await readyOrder(app.strapi, shipping, customer, readyLine)).order;
    records.promisedLate = (await readyOrder(app.strapi, shipping, customer, readyLine)).order;
    // Time has passed for one: its promised date is behind us. The other was promised after the customer needs it.
    await setDates(records.late, { promised_date: '2026-01-20' });
    await setDates(records.promisedLate, { required_date: '2027-01-10' });
  });

  it('lists for each role exactly what waits for it: the awaited workflow actions, and late orders for those who watch delivery', async () => {
    const { draftContract: draft, reviewed, overLimit, draftOrder, confirmed, late, promisedLate } = records;
    expect(await listed(staff.specialist)).toEqual([`action contract ${numberOf(draft)}: submit`]);
    expect(await listed(staff.supervisor)).toEqual(
      [
        `action contract ${numberOf(draft)}: submit`,
        `action contract ${numberOf(reviewed)}: review`,
        `action contract ${numberOf(overLimit)}: review`,
        `action order ${numberOf(draftOrder)}: confirm`,
        `late-order order ${numberOf(late)}: past_promised_date`,
        `late-order order ${numberOf(promisedLate)}: promised_after_required`,
      ].sort()
    );
    expect(await listed(staff.planner)).toEqual(
      [
        `action contract ${numberOf(reviewed)}: review`,
        `action contract ${numberOf(overLimit)}: review`,
        `action order ${numberOf(confirmed)}: schedule`,
      ].sort()
    );
    expect(await listed(staff.clerk)).toEqual([`action contract ${numberOf(overLimit)}: review`]);
    expect(await listed(staff.coordinator)).toEqual(
      [
        `late-order order ${numberOf(late)}: past_promised_date`,
        `late-order order ${numberOf(promisedLate)}: promised_after_required`,
      ].sort()
    );
    expect(await listed(staff.quality)).toEqual([]);
    expect(await listed(staff.vp)).toEqual([]);
  });

  it('puts overdue items first and counts them', async () => {
    const work = await myWork(staff.supervisor);
    expect(work.items[0]).toMatchObject({ kind: 'late-order', documentId: records.late.documentId, overdue: true });
    expect(work.items.slice(1).every((item) => !item.overdue)).toBe(true);
    expect(work.counts).toMatchObject({ total: 6, overdue: 1 });
  });

  it("names each item's customer as its record does", async () => {
    const items = (await myWork(staff.supervisor)).items;
    expect(new Set(items.map((item) => item.subject))).toEqual(new Set(['contract', 'order']));
    for (const item of items) {
      const uid = `api::${item.subject}.${item.subject}` as 'api::order.order';
      const record = await app.strapi.documents(uid).findOne({ documentId: item.documentId, populate: { customer: { fields: ['name'] } } });
      expect([item.number, (item as Item & { customer: string | null }).customer]).toEqual([item.number, record!.customer!.name]);
    }
  });

  it('offers only actions the record itself allows the role, on records the role may read', async () => {
    for (const member of Object.values(staff)) {
      for (const item of (await myWork(member)).items) {
        const res = await rest(app.strapi, member).get(`/api/${PLURAL[item.subject]}/${item.documentId}/workflow`);
        expect({ item: item.number, status: res.status }).toEqual({ item: item.number, status: 200 });
        expect(res.body.data.allowedActions).toEqual(expect.arrayContaining(item.actions));
      }
    }
  });

  it('gives an admin the work of their role, and an admin without a department role nothing', async () => {
    const admin = await createAdminUser(app.strapi, 'cs-supervisor');
    const http = request(app.strapi.server.httpServer);
    const viaAdmin = await http.get('/workflows/my-work').set('Authorization', `Bearer ${admin.token}`);
    expect(viaAdmin.status).toBe(200);
    const keys = (items: Item[]) => items.map((item) => `${item.kind} ${item.documentId} ${item.actions.join(',')}`).sort();
    expect(keys(viaAdmin.body.data.items)).toEqual(keys((await myWork(staff.supervisor)).items));
    const role = await app.strapi.service('admin::role').create({ name: `No department role ${Date.now()}`, description: 'none' });
    const outsider = await createAdminUser(app.strapi, role.code);
    const none = await http.get('/workflows/my-work').set('Authorization', `Bearer ${outsider.token}`);
    expect({ status: none.status, items: none.body.data.items }).toEqual({ status: 200, items: [] });
    expect((await http.get('/workflows/my-work')).status).toBe(401);
    expect((await request(app.strapi.server.httpServer).get('/api/my-work')).status).toBe(401);
  });

  it('drops an item once its action is taken, for that role only', async () => {
    const { reviewed, confirmed } = records;
    await ok(act(app.strapi, staff.supervisor, reviewed.documentId, 'review', { verdict: 'approve' }));
    expect(await listed(staff.supervisor)).not.toContain(`action contract ${numberOf(reviewed)}: review`);
    expect(await listed(staff.planner)).toContain(`action contract ${numberOf(reviewed)}: review`);
    await ok(
      actOn(app.strapi, staff.planner, ORDER, confirmed.documentId, 'schedule', {
        plannedStart: '2027-01-04',
        plannedFinish: '2027-01-15',
        promisedDate: '2027-01-20',
      })
    );
    await ok(act(app.strapi, staff.planner, reviewed.documentId, 'review', { verdict: 'approve' }));
    // Scheduled, the order now waits for production to start (planner or coordinator).
    expect(await listed(staff.planner)).toEqual(
      [`action contract ${numberOf(records.overLimit)}: review`, `action order ${numberOf(confirmed)}: start_production`].sort()
    );
    expect(await listed(staff.coordinator)).toContain(`action order ${numberOf(confirmed)}: start_production`);
    // Approved: the drafters now owe the customer the reply.
    expect(await listed(staff.specialist)).toEqual(
      [`action contract ${numberOf(records.draftContract)}: submit`, `action contract ${numberOf(reviewed)}: reply`].sort()
    );
  });
});
