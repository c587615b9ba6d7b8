/**
 * Supervision (监督) through REST: the supervisor's team view against what each member's records
 * say (written out by hand from the department's rules), a member's list as the member sees it,
 * refusals to those who supervise nobody; the marketing VP's home with a customer on credit hold
 * (reason, balance) and its shipment waiting for an override; and the performance sheet (考评) of a
 * month against figures counted by hand, as JSON and as XLSX.
 */
import ExcelJS from 'exceljs';
import request from 'supertest';
import { createAdminUser } from '../helpers/admin';
import { act, draftContract } from '../helpers/contracts';
import { createCustomer, createOrder, createProduct, Doc } from '../helpers/fixtures';
import { planShipment, readyOrder, shipLine } from '../helpers/shipping';
import { rest, StaffMember, useStaff } from '../helpers/staff';
import { appModule, useStrapi } from '../helpers/strapi';
import { actOn, ok } from '../helpers/workflow';
import { COMPLAINT, ORDER, TASK, WORKFLOW_EVENT } from '../../src/platform/uids';

interface Counts {
  total: number;
  overdue: number;
  byKind: Record<string, number>;
}

const ZONE = 'Asia/Shanghai';
/** Today and its month in the report zone, computed apart from src/. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
const thisMonth = () => today().slice(0, 7);
const previousMonth = () => {
  const [year, month] = thisMonth().split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
};
/** A wall-clock time in Shanghai (UTC+8, no daylight saving) as an instant. */
const shanghai = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

const binary = (req: request.Test) =>
  req.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });

describe('supervision (监督): team view, the VP home, the performance sheet (考评)', () => {
  const app = useStrapi();
  const staff = useStaff(app, {
    supervisor: 'cs-supervisor',
    specialistA: ['cs-specialist', { displayName: 'A 专员' }],
    specialistB: ['cs-specialist', { displayName: 'B 专员' }],
    coordinator: ['order-coordinator', { displayName: 'C 跟单' }],
    clerk: ['sales-clerk', { displayName: 'D 文员' }],
    planner: 'planner',
    quality: 'quality',
    vp: 'marketing-vp',
    manager: 'sales-manager',
    salesperson: ['salesperson', { displayName: 'E 业务' }],
  });
  const records = {} as Record<
    | 'draft'
    | 'overLimit'
    | 'late'
    | 'held'
    | 'heldShipment'
    | 'taskOnTime'
    | 'taskLate'
    | 'taskB'
    | 'ownedLate'
    | 'ownedShippedLate'
    | 'ownedOnTime',
    Doc
  >;
  const table = (uid: string) => app.strapi.db.connection(app.strapi.db.metadata.get(uid as never).tableName);
  const assign = async (assignee: StaffMember, title: string) =>
    (
      await ok(
        rest(app.strapi, staff.supervisor).post('/api/tasks', {
          data: { title, details: '见附件', dueDate: '2099-12-31', priority: 'normal', assignee: assignee.id },
        })
      )
    ).data as Doc;

  beforeAll(async () => {
    const { specialistA, supervisor, planner, coordinator } = staff;
    const customer = await createCustomer(app.strapi, specialistA, { creditLimit: '1000000.00' });
    const small = await createCustomer(app.strapi, specialistA, { creditLimit: '100.00' });
    const product = await createProduct(app.strapi, supervisor, { stockOnHand: 100 });
    const contract = (buyer: Doc) =>
      draftContract(app.strapi, specialistA, {
        customer: buyer.documentId,
        lines: [{ product: product.documentId, quantity: 2, unitPrice: '100.00' }],
        paymentTerms: 'T/T 30 days',
        deliveryDate: '2027-02-01',
      });
    records.draft = await contract(customer);
    // 200.00 against a limit of 100.00: the review waits for the sales clerk's credit opinion.
    records.overLimit = await contract(small);
    await ok(act(app.strapi, specialistA, records.overLimit.documentId, 'submit'));

    const shipping = { specialist: specialistA, supervisor, planner, coordinator };
    records.late = (await readyOrder(app.strapi, shipping, customer, [{ product, quantity: 1, unitPrice: '10.00' }])).order;
    await table(ORDER).where({ document_id: records.late.documentId }).update({ promised_date: '2026-01-20' });

    // Shipping 1,200.00 to a customer with a limit of 1,000.00 puts it on hold; the rest waits for the VP.
    const heldCustomer = await createCustomer(app.strapi, specialistA, { creditLimit: '1000.00' });
    records.held = heldCustomer;
    const { order, keys } = await readyOrder(app.strapi, shipping, heldCustomer, [{ product, quantity: 3, unitPrice: '600.00' }]);
    await shipLine(app.strapi, coordinator, order, keys[0], 2);
    records.heldShipment = await planShipment(app.strapi, coordinator, order, [{ line: keys[0], quantity: 1 }]);

    records.taskOnTime = await assign(specialistA, '整理客户档案');
    records.taskLate = await assign(specialistA, '回访投诉客户');
    records.taskB = await assign(staff.specialistB, '核对订单');
    // The late one was due yesterday (as time passing would leave it).
    await table(TASK)
      .where({ document_id: records.taskLate.documentId })
      .update({ due_date: '2026-01-05', due_at: new Date(Date.now() - 24 * 3600 * 1000) });
  });

  const teamOf = async (member: StaffMember) => {
    const res = await rest(app.strapi, member).get('/api/my-work/team');
    return res;
  };

  it("shows the supervisor each member's open work by kind and overdue, as derived from the records", async () => {
    const res = await teamOf(staff.supervisor);
    expect(res.status).toBe(200);
    const byMember = Object.fromEntries(
      (res.body.data.members as { staffId: number; role: string; counts: Counts }[]).map((member) => [member.staffId, member])
    );
    // The team: every staff user holding a role the supervisor gives tasks to, read from the users table.
    const users = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findMany({ where: { role: { type: { $in: ['cs-specialist', 'order-coordinator', 'sales-clerk'] } } }, select: ['id'] });
    expect(Object.keys(byMember).map(Number).sort()).toEqual(users.map((user: { id: number }) => user.id).sort());
    // Specialists: the draft contract to submit (a drafter's work, any specialist's) and their own open tasks.
    expect(byMember[staff.specialistA.id]).toMatchObject({
      role: 'cs-specialist',
      counts: { total: 3, overdue: 1, byKind: { contract: 1, task: 2 } },
    });
    expect(byMember[staff.specialistB.id].counts).toEqual({ total: 2, overdue: 0, byKind: { contract: 1, task: 1 } });
    // The coordinator: the late order, the held customer's shipment to deliver and the planned one to ship.
    expect(byMember[staff.coordinator.id].counts).toEqual({ total: 3, overdue: 1, byKind: { 'late-order': 1, shipment: 2 } });
    // The clerk: the credit opinion on the contract over its customer's limit, and the same two shipments (the clerk ships too).
    expect(byMember[staff.clerk.id].counts).toEqual({ total: 3, overdue: 0, byKind: { contract: 1, shipment: 2 } });
  });

  it("opens a member's list, the same as the member's own", async () => {
    const keys = (items: { kind: string; documentId: string; actions: string[] }[]) =>
      items.map((item) => `${item.kind} ${item.documentId} ${item.actions.join(',')}`).sort();
    for (const member of [staff.specialistA, staff.coordinator]) {
      const seen = await rest(app.strapi, staff.supervisor).get(`/api/my-work/team/${member.id}`);
      expect(seen.status).toBe(200);
      const own = await rest(app.strapi, member).get('/api/my-work');
      expect(keys(seen.body.data.items)).toEqual(keys(own.body.data.items));
    }
    const taskItems = (await rest(app.strapi, staff.supervisor).get(`/api/my-work/team/${staff.specialistA.id}`)).body.data.items.filter(
      (item: { subject: string }) => item.subject === 'task'
    );
    expect(taskItems.map((item: { documentId: string; overdue: boolean }) => [item.documentId, item.overdue])).toEqual([
      [records.taskLate.documentId, true],
      [records.taskOnTime.documentId, false],
    ]);
    // Someone outside the team (the planner) is not opened.
    const outsider = await rest(app.strapi, staff.supervisor).get(`/api/my-work/team/${staff.planner.id}`);
    expect({ status: outsider.status, code: outsider.body.error.details.code }).toEqual({ status: 404, code: 'supervision.not_in_team' });
  });

  it('refuses the team view and the sheet to those who supervise nobody, with a coded message', async () => {
    for (const member of [staff.specialistA, staff.vp, staff.planner]) {
      for (const path of ['/api/my-work/team', `/api/my-work/team/${staff.specialistB.id}`, '/api/my-work/performance']) {
        const res = await rest(app.strapi, member).get(path);
        expect({ path, status: res.status, data: res.body.data, code: res.body.error?.details?.code }).toEqual({
          path,
          status: 403,
          data: null,
          code: 'supervision.forbidden',
        });
      }
    }
    expect((await rest(app.strapi).get('/api/my-work/team')).status).toBe(401);
    // The sales manager supervises the salespersons.
    const managers = await teamOf(staff.manager);
    expect(managers.status).toBe(200);
    const salespersons = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findMany({ where: { role: { type: 'salesperson' } }, select: ['id'] });
    expect(managers.body.data.members.map((member: { staffId: number }) => member.staffId).sort()).toEqual(
      salespersons.map((user: { id: number }) => user.id).sort()
    );
  });

  it('gives the admin panel the same team view', async () => {
    const admin = await createAdminUser(app.strapi, 'cs-supervisor');
    const http = request(app.strapi.server.httpServer);
    const viaAdmin = await http.get('/workflows/my-work/team').set('Authorization', `Bearer ${admin.token}`);
    expect(viaAdmin.status).toBe(200);
    const viaRest = await teamOf(staff.supervisor);
    expect(viaAdmin.body.data.members.map((member: { staffId: number }) => member.staffId)).toEqual(
      viaRest.body.data.members.map((member: { staffId: number }) => member.staffId)
    );
    const specialist = await createAdminUser(app.strapi, 'cs-specialist');
    expect((await http.get('/workflows/my-work/team').set('Authorization', `Bearer ${specialist.token}`)).status).toBe(403);
  });

  it('shows the VP the customers on credit hold with reason and balance, and the document waiting for an override', async () => {
    const res = await rest(app.strapi, staff.vp).get('/api/my-work');
    expect(res.status).toBe(200);
    const { items, creditHolds } = res.body.data;
    expect(creditHolds).toEqual([
      expect.objectContaining({
        documentId: records.held.documentId,
        name: records.held.name,
        reason: 'automatic credit hold: open balance 1,200.00 CNY exceeds the credit limit 1,000.00',
        reasonMessage: expect.objectContaining({ code: expect.any(String) }),
        openBalance: '1200.00',
        creditLimit: '1000.00',
        currency: 'CNY',
        waiting: 1,
      }),
    ]);
    expect(items.filter((item: { kind: string }) => item.kind === 'credit-override')).toEqual([
      expect.objectContaining({
        subject: 'shipment',
        documentId: records.heldShipment.documentId,
        customer: records.held.name,
        state: 'planned',
      }),
    ]);
    // Others do not get the VP's part.
    expect((await rest(app.strapi, staff.supervisor).get('/api/my-work')).body.data.creditHolds).toBeUndefined();

    // Once the VP grants the override, the shipment no longer waits for them.
    await ok(
      rest(app.strapi, staff.vp).post('/api/credit-overrides', {
        data: {
          customer: records.held.documentId,
          subject: 'shipment',
          subjectId: records.heldShipment.documentId,
          reason: '老客户，月底付清',
        },
      })
    );
    const after = (await rest(app.strapi, staff.vp).get('/api/my-work')).body.data;
    expect(after.items.filter((item: { kind: string }) => item.kind === 'credit-override')).toEqual([]);
    expect(after.creditHolds).toEqual([expect.objectContaining({ documentId: records.held.documentId, waiting: 0 })]);
  });

  describe('the performance sheet (考评)', () => {
    const month = thisMonth();
    interface SheetRow {
      staffId: number;
      tasksOnTime: number;
      tasksLate: number;
      complaintStepsOnTime: number;
      complaintStepsLate: number;
      contractsReviewed: number;
      averageReviewHours: string | null;
      lateOrdersOwned: number;
    }
    const zero = {
      tasksOnTime: 0,
      tasksLate: 0,
      complaintStepsOnTime: 0,
      complaintStepsLate: 0,
      contractsReviewed: 0,
      averageReviewHours: null,
      lateOrdersOwned: 0,
    };
    const sheet = async (member: StaffMember, query: string): Promise<Record<number, SheetRow>> => {
      const res = await rest(app.strapi, member).get(`/api/my-work/performance?${query}`);
      expect(res.status).toBe(200);
      return Object.fromEntries((res.body.data.rows as SheetRow[]).map((row) => [row.staffId, row]));
    };

    beforeAll(async () => {
      const { specialistA, clerk } = staff;
      // Specialist A completes one task before its due time and one after it.
      await ok(actOn(app.strapi, specialistA, TASK, records.taskOnTime.documentId, 'complete', { comment: '已整理' }));
      await ok(actOn(app.strapi, specialistA, TASK, records.taskLate.documentId, 'complete', { comment: '已回访' }));
      // ... confirms a complaint within its deadline, and puts it to analysis after the next deadline passed.
      const customer = await createCustomer(app.strapi, specialistA);
      const product = await createProduct(app.strapi, staff.supervisor);
      const complaint = (
        await ok(
          rest(app.strapi, specialistA).post('/api/complaints', {
            data: {
              customer: customer.documentId,
              product: product.documentId,
              channel: 'phone',
              description: '泵体渗漏',
              category: 'quality',
              severity: 'minor',
            },
          })
        )
      ).data as Doc;
      await ok(actOn(app.strapi, specialistA, COMPLAINT, complaint.documentId, 'confirm', { comment: '已核实' }));
      await table(COMPLAINT)
        .where({ document_id: complaint.documentId })
        .update({ due_at: new Date(Date.now() - 3600 * 1000) });
      await ok(actOn(app.strapi, specialistA, COMPLAINT, complaint.documentId, 'analyse'));
      // The clerk gives the credit opinion; the submission and the opinion are then put 6 h 30 min apart, early in the month.
      await ok(act(app.strapi, clerk, records.overLimit.documentId, 'review', { verdict: 'approve' }));
      const events = table(WORKFLOW_EVENT).where({ subject: 'contract', subject_id: records.overLimit.documentId });
      await events
        .clone()
        .where({ action: 'submit' })
        .update({ at: shanghai(`${month}-01`, '09:00') });
      await events
        .clone()
        .where({ action: 'review' })
        .update({ at: shanghai(`${month}-01`, '15:30') });
    });

    it('keeps with each step the deadline of the state it left', async () => {
      const late = await table(TASK).where({ document_id: records.taskLate.documentId }).first();
      const [step] = await table(WORKFLOW_EVENT).where({ subject: 'task', subject_id: records.taskLate.documentId, action: 'complete' });
      expect(new Date(step.due_at).getTime()).toBe(new Date(late.due_at).getTime());
    });

    it("counts each member's month as counted by hand", async () => {
      const rows = await sheet(staff.supervisor, `month=${month}`);
      expect(rows[staff.specialistA.id]).toMatchObject({
        ...zero,
        tasksOnTime: 1,
        tasksLate: 1,
        complaintStepsOnTime: 1,
        complaintStepsLate: 1,
      });
      expect(rows[staff.specialistB.id]).toMatchObject(zero);
      expect(rows[staff.coordinator.id]).toMatchObject(zero);
      expect(rows[staff.clerk.id]).toMatchObject({ ...zero, contractsReviewed: 1, averageReviewHours: '6.50' });
      // Another month holds none of it.
      const before = await sheet(staff.supervisor, `month=${previousMonth()}`);
      expect(before[staff.specialistA.id]).toMatchObject(zero);
    });

    it('counts the late orders a salesperson owns: open past the promise, or shipped after the promised day', async () => {
      const { specialistA, salesperson } = staff;
      // An order's salesperson is its customer's.
      const customer = await createCustomer(app.strapi, specialistA, { creditLimit: '1000000.00', salesperson: salesperson.id });
      const product = await createProduct(app.strapi, staff.supervisor, { stockOnHand: 10 });
      const owned = async (promised: string, state: string) => {
        const order = await createOrder(app.strapi, specialistA, {
          customer: customer.documentId,
          lines: [{ product: product.documentId, quantity: 1, unitPrice: '10.00' }],
        });
        // As time and the plant would leave them; the last line refuses Query Engine writes of orders, so straight to the table.
        await table(ORDER).where({ document_id: order.documentId }).update({ promised_date: promised, state });
        return order;
      };
      // The shipping step as the engine records it (a trusted write of the running app's own module).
      const { asTrustedWrite } = appModule('src', 'platform', 'trusted-write');
      const shippedAt = async (order: Doc, at: Date) =>
        asTrustedWrite(() =>
          app.strapi.db
            .query(WORKFLOW_EVENT)
            .create({ data: { subject: 'order', subjectId: order.documentId, action: 'ship', fromState: 'ready', toState: 'shipped', at } })
        );
      const prior = previousMonth();
      records.ownedLate = await owned(`${prior}-15`, 'in_production');
      records.ownedShippedLate = await owned(`${prior}-10`, 'shipped');
      await shippedAt(records.ownedShippedLate, shanghai(`${prior}-11`, '00:30'));
      records.ownedOnTime = await owned(`${prior}-10`, 'closed');
      await shippedAt(records.ownedOnTime, shanghai(`${prior}-10`, '23:30'));
      await owned(`${prior}-20`, 'cancelled');

      const rows = await sheet(staff.manager, `month=${prior}`);
      expect(rows[salesperson.id]).toMatchObject({ ...zero, lateOrdersOwned: 2 });
      expect((await sheet(staff.manager, `month=${month}`))[salesperson.id]).toMatchObject(zero);
    });

    it('writes the same figures as XLSX with bilingual headers, and refuses a malformed month', async () => {
      const res = await binary(rest(app.strapi, staff.supervisor).get(`/api/my-work/performance?month=${month}&format=xlsx`));
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toContain(`performance-${month}.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body);
      const [header, ...rows] = workbook.worksheets[0]
        .getSheetValues()
        .filter(Boolean)
        .map((row) => (row as unknown[]).slice(1));
      expect(header).toEqual([
        '员工 Staff',
        '岗位 Role',
        '按时完成工作 Tasks done on time',
        '逾期完成工作 Tasks done late',
        '投诉处理按时步骤 Complaint steps within deadline',
        '投诉处理超时步骤 Complaint steps late',
        '评审合同数 Contracts reviewed',
        '平均评审时长（小时） Average review time (hours)',
        '名下延期订单 Late orders owned',
      ]);
      const byName = Object.fromEntries(rows.map((row) => [row[0], row.slice(1)]));
      expect(byName['A 专员']).toEqual(['客户服务专员 CS specialist', 1, 1, 1, 1, 0, undefined, 0]);
      expect(byName['D 文员']).toEqual(['销售统计文员 Sales clerk', 0, 0, 0, 0, 1, 6.5, 0]);
      const bad = await rest(app.strapi, staff.supervisor).get('/api/my-work/performance?month=2026-13');
      expect({ status: bad.status, path: bad.body.error.details.errors[0].path }).toEqual({ status: 400, path: ['month'] });
    });
  });
});
