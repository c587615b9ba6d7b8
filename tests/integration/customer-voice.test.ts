/**
 * What customers tell us (客户意见) and what they may buy (潜在需求), through REST and the content
 * manager as staff use them: recording with what only the server sets sent anyway, the refusals,
 * the roles, a need followed to its end and then kept, the relations written from the customer's
 * side, and the old free-text box of needs moved into need records once.
 */
import request from 'supertest';
import { createAdminUser, contentManager, connect } from '../helpers/admin';
import { createCustomer, createProduct, Doc, expectForbidden, expectValidationError } from '../helpers/fixtures';
import { rest, useStaff } from '../helpers/staff';
import { useStrapi } from '../helpers/strapi';
import { moveLegacyNeeds } from '../../src/customer-voice/legacy-needs';
import { COMPLAINT, CUSTOMER, CUSTOMER_NEED, CUSTOMER_OPINION } from '../../src/platform/uids';
import { actOn, ok } from '../helpers/workflow';

describe('customer opinions and needs', () => {
  const app = useStrapi();
  const staff = useStaff(app, {
    specialist: 'cs-specialist',
    coordinator: 'order-coordinator',
    salesperson: 'salesperson',
    planner: 'planner',
    quality: 'quality',
    manager: 'sales-manager',
    supervisor: 'cs-supervisor',
  });
  let customer: Doc;
  let other: Doc;
  let product: Doc;

  beforeAll(async () => {
    customer = await createCustomer(app.strapi, staff.specialist, { name: '柳州正大机械有限公司' });
    other = await createCustomer(app.strapi, staff.specialist, { name: '宁波海天精工' });
    product = await createProduct(app.strapi, staff.supervisor);
  });

  const opinion = (fields: Record<string, unknown> = {}) => ({
    customer: customer.documentId,
    topic: 'delivery',
    text: '交期比承诺晚了一周，影响了现场安装进度',
    source: 'call',
    sentiment: 'negative',
    ...fields,
  });
  const storedOpinion = (documentId: string) =>
    app.strapi.db
      .query(CUSTOMER_OPINION)
      .findOne({ where: { documentId }, populate: { customer: true, recordedBy: true, complaint: true } });

  it('whoever hears it records an opinion; who and when are the server’s, whatever was sent', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const res = await rest(app.strapi, staff.coordinator).post('/api/customer-opinions', {
      data: opinion({ recordedBy: staff.specialist.id, recordedAt: yesterday, marketInfo: true }),
    });
    expect(res.status).toBe(201);
    const row = await storedOpinion(res.body.data.documentId);
    expect(row).toMatchObject({ text: opinion().text, topic: 'delivery', source: 'call', sentiment: 'negative', marketInfo: true });
    expect(row.customer.documentId).toBe(customer.documentId);
    expect(row.recordedBy.id).toBe(staff.coordinator.id);
    expect(Date.now() - new Date(row.recordedAt).getTime()).toBeLessThan(60_000);
    // Quality reads what customers say about the product; planning does not.
    expect((await rest(app.strapi, staff.quality).get(`/api/customer-opinions/${row.documentId}`)).status).toBe(200);
    expectForbidden(await rest(app.strapi, staff.planner).get('/api/customer-opinions'));
  });

  it('refuses an opinion without customer or words, one claiming to be a customer’s answer, and any change', async () => {
    const before = await app.strapi.db.query(CUSTOMER_OPINION).count();
    expectValidationError(
      await rest(app.strapi, staff.specialist).post('/api/customer-opinions', { data: opinion({ customer: null }) }),
      'customer'
    );
    expectValidationError(await rest(app.strapi, staff.specialist).post('/api/customer-opinions', { data: opinion({ text: '' }) }), 'text');
    expectValidationError(
      await rest(app.strapi, staff.specialist).post('/api/customer-opinions', { data: opinion({ source: 'complaint_feedback' }) }),
      'source'
    );
    expectValidationError(
      await rest(app.strapi, staff.specialist).post('/api/customer-opinions', { data: opinion({ sentiment: 'angry' }) }),
      'sentiment'
    );
    expectForbidden(await rest(app.strapi, staff.planner).post('/api/customer-opinions', { data: opinion() }));
    expect(await app.strapi.db.query(CUSTOMER_OPINION).count()).toBe(before);

    const kept = (await rest(app.strapi, staff.specialist).post('/api/customer-opinions', { data: opinion() })).body.data;
    // No role may change or delete one through REST; the super admin's content manager is refused too.
    expectForbidden(await rest(app.strapi, staff.specialist).put(`/api/customer-opinions/${kept.documentId}`, { data: { text: 'x' } }));
    expect((await rest(app.strapi, staff.specialist).delete(`/api/customer-opinions/${kept.documentId}`)).status).toBe(405);
    const admin = await createAdminUser(app.strapi, 'strapi-super-admin');
    const changed = await contentManager(app.strapi, admin).update(CUSTOMER_OPINION, kept.documentId, { text: '改过的意见' });
    expect(changed.status).toBe(409);
    expect(changed.body.error.message).toContain('kept as it was recorded');
    expect((await storedOpinion(kept.documentId)).text).toBe(opinion().text);
    // Nor moved to another customer from the customer's side.
    const moved = await contentManager(app.strapi, admin).update(CUSTOMER, other.documentId, { opinions: connect(kept) });
    expect(moved.status).toBe(409);
    expect((await storedOpinion(kept.documentId)).customer.documentId).toBe(customer.documentId);
  });

  it('a salesperson records a need and follows it until it is won; then it is kept as it ended', async () => {
    const created = await rest(app.strapi, staff.salesperson).post('/api/customer-needs', {
      data: {
        customer: customer.documentId,
        product: product.documentId,
        description: '明年新厂区扩建，预计需要一批离心泵',
        estimatedQuantity: 40,
        estimatedValue: '51200.00',
        expectedDate: '2027-03-31',
        recordedBy: staff.manager.id,
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    const stored = () =>
      app.strapi.db
        .query(CUSTOMER_NEED)
        .findOne({ where: { documentId: id }, populate: { customer: true, recordedBy: true, product: true } });
    expect(await stored()).toMatchObject({ status: 'open', currency: 'CNY', estimatedQuantity: 40, expectedDate: '2027-03-31' });
    expect((await stored()).recordedBy.id).toBe(staff.salesperson.id);
    expect(String((await stored()).estimatedValue)).toMatch(/^51200(\.00?)?$/);

    expectValidationError(
      await rest(app.strapi, staff.salesperson).put(`/api/customer-needs/${id}`, { data: { estimatedValue: '10.005' } }),
      'estimatedValue'
    );
    expectValidationError(
      await rest(app.strapi, staff.salesperson).put(`/api/customer-needs/${id}`, { data: { expectedDate: '2027-02-30' } }),
      'expectedDate'
    );
    expectValidationError(
      await rest(app.strapi, staff.salesperson).put(`/api/customer-needs/${id}`, { data: { status: 'maybe' } }),
      'status'
    );
    expectForbidden(await rest(app.strapi, staff.coordinator).put(`/api/customer-needs/${id}`, { data: { status: 'quoted' } }));
    expectForbidden(await rest(app.strapi, staff.quality).get('/api/customer-needs'));
    expect((await rest(app.strapi, staff.planner).get(`/api/customer-needs/${id}`)).status).toBe(200);

    expect(
      (await rest(app.strapi, staff.salesperson).put(`/api/customer-needs/${id}`, { data: { status: 'quoted', notes: '已报价 BJ-0107' } }))
        .status
    ).toBe(200);
    expect((await rest(app.strapi, staff.specialist).put(`/api/customer-needs/${id}`, { data: { status: 'won' } })).status).toBe(200);
    const late = await rest(app.strapi, staff.salesperson).put(`/api/customer-needs/${id}`, { data: { status: 'open' } });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('won');
    expect(await stored()).toMatchObject({ status: 'won', notes: '已报价 BJ-0107' });

    // The admin panel's read-only form asks the server: the content manager's document has no `status`.
    const specialistAdmin = await createAdminUser(app.strapi, 'cs-specialist');
    const asked = (documentId: string) =>
      request(app.strapi.server.httpServer).get(`/workflows/need/${documentId}`).set('Authorization', `Bearer ${specialistAdmin.token}`);
    expect((await asked(id)).body.data).toEqual({ status: 'won', editing: { scope: 'none', reason: 'need-settled' } });
    expect((await contentManager(app.strapi, specialistAdmin).findOne(CUSTOMER_NEED, id)).body.data.status).toBeUndefined();
    expect((await asked('no-such-need')).status).toBe(404);
    const qualityAdmin = await createAdminUser(app.strapi, 'quality');
    const unread = await request(app.strapi.server.httpServer)
      .get(`/workflows/need/${id}`)
      .set('Authorization', `Bearer ${qualityAdmin.token}`);
    expect(unread.status).toBe(403);
  });

  it('eight people settling the same need at once: one wins, the others are told it is settled, and it stays as the winner left it', async () => {
    const need = (
      await rest(app.strapi, staff.salesperson).post('/api/customer-needs', {
        data: { customer: customer.documentId, description: '年度框架价格' },
      })
    ).body.data;
    const outcomes = ['won', 'lost', 'won', 'lost', 'won', 'lost', 'won', 'lost'];
    const answers = await Promise.all(
      outcomes.map((status, n) =>
        rest(app.strapi, n % 2 ? staff.specialist : staff.salesperson).put(`/api/customer-needs/${need.documentId}`, {
          data: { status, notes: `by writer ${n}` },
        })
      )
    );
    const won = answers.filter((answer) => answer.status === 200);
    expect(won).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(7);
    const stored = await app.strapi.db.query(CUSTOMER_NEED).findOne({ where: { documentId: need.documentId } });
    expect({ status: stored.status, notes: stored.notes }).toEqual({ status: won[0].body.data.status, notes: won[0].body.data.notes });
  });

  it('reads a customer’s complaints, opinions and needs from the customer’s side', async () => {
    const res = await rest(app.strapi, staff.specialist).get(
      `/api/customers/${customer.documentId}?populate[opinions][fields][0]=text&populate[needs][fields][0]=status&populate[complaints][fields][0]=number`
    );
    expect(res.status).toBe(200);
    expect(res.body.data.opinions.length).toBeGreaterThanOrEqual(2);
    expect(res.body.data.needs).toHaveLength(2);
    expect(res.body.data.needs.every((need: { status: string }) => ['won', 'lost'].includes(need.status))).toBe(true);
    expect(res.body.data.complaints).toEqual([]);
    expect(res.body.data).not.toHaveProperty('potentialNeeds');
  });

  it('a complaint under analysis stays with its customer when written from another customer’s side; a copied customer takes no complaint, opinion or need', async () => {
    const complaint = (
      await rest(app.strapi, staff.specialist).post('/api/complaints', {
        data: {
          customer: customer.documentId,
          product: product.documentId,
          channel: 'phone',
          description: '泵体渗漏',
          category: 'quality',
          severity: 'minor',
        },
      })
    ).body.data;
    await ok(actOn(app.strapi, staff.specialist, COMPLAINT, complaint.documentId, 'confirm', { comment: '已核实' }));
    await ok(actOn(app.strapi, staff.specialist, COMPLAINT, complaint.documentId, 'analyse'));
    const complaintCustomer = async () =>
      (await app.strapi.db.query(COMPLAINT).findOne({ where: { documentId: complaint.documentId }, populate: { customer: true } })).customer
        .documentId;
    const moved = await rest(app.strapi, staff.specialist).put(`/api/customers/${other.documentId}`, {
      data: { complaints: { connect: [complaint.documentId] } },
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error.message).toContain(complaint.number);
    expect(await complaintCustomer()).toBe(customer.documentId);

    const admin = await createAdminUser(app.strapi, 'strapi-super-admin');
    const clone = await contentManager(app.strapi, admin).clone(CUSTOMER, customer.documentId, {});
    expect(clone.status).toBeLessThan(300);
    const copy = await app.strapi.db
      .query(CUSTOMER)
      .findOne({ where: { documentId: clone.body.data.documentId }, populate: { complaints: true, opinions: true, needs: true } });
    expect([copy.complaints, copy.opinions, copy.needs]).toEqual([[], [], []]);
    expect(await complaintCustomer()).toBe(customer.documentId);
    const source = await app.strapi.db
      .query(CUSTOMER)
      .findOne({ where: { documentId: customer.documentId }, populate: { opinions: true, needs: true } });
    expect(source.opinions.length).toBeGreaterThan(0);
    expect(source.needs.length).toBeGreaterThan(0);
  });

  it('moves the old free-text needs into one open need per customer, once', async () => {
    const table = app.strapi.db.metadata.get(CUSTOMER).tableName;
    const text = '考虑将进口密封件替换为国产，需要样品试用\n联系人：采购部王工';
    await app.strapi.db.connection(table).where({ document_id: other.documentId }).update({ potential_needs: text });
    expect(await moveLegacyNeeds(app.strapi)).toBe(1);
    expect(await moveLegacyNeeds(app.strapi)).toBe(0);
    const needs = await app.strapi.db.query(CUSTOMER_NEED).findMany({ where: { customer: { documentId: other.documentId } } });
    expect(needs).toEqual([
      expect.objectContaining({ description: '考虑将进口密封件替换为国产，需要样品试用', notes: text, status: 'open' }),
    ]);
    expect(
      (await app.strapi.db.connection(table).where({ document_id: other.documentId }).first('potential_needs')).potential_needs
    ).toBeNull();
    // A client cannot write the old box back.
    await rest(app.strapi, staff.specialist).put(`/api/customers/${other.documentId}`, { data: { potentialNeeds: 'again' } });
    expect(
      (await app.strapi.db.connection(table).where({ document_id: other.documentId }).first('potential_needs')).potential_needs
    ).toBeNull();
  });
});
