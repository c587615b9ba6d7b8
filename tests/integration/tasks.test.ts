/**
 * Work assignment (工作安排与监督) through REST, as the supervisor, the sales manager and their
 * staff use it: assigning (with what only the server sets sent anyway), the refusals, the
 * assignee's and assigner's steps with their mail (real SMTP), the work lists before and after each
 * step, corrections by the assigner only, and the escalation of an overdue task by the job, once,
 * with two instances running it at the same moment.
 */
import path from 'path';
import { adminLinks, CaughtMail, linkedTo, useMailCatcher } from '../helpers/mail';
import { createCustomer, createOrder, createProduct, Doc } from '../helpers/fixtures';
import { chooseMail, rest, StaffMember, useStaff } from '../helpers/staff';
import { useStrapi } from '../helpers/strapi';
import { startSecondInstance, SecondInstance } from '../helpers/second-instance';
import { actOn, ok } from '../helpers/workflow';
import { addDays, dateIn } from '../../src/domain/business-date';
import { escalateOverdueTasks, runTaskJob } from '../../src/jobs/task-deadlines';
import { workList } from '../../src/my-work/work-list';
import { drainOutbox } from '../../src/notifications/worker';
import { TASK } from '../../src/platform/uids';

const JOB = path.join('src', 'jobs', 'task-deadlines.js');
const today = () => dateIn('Asia/Shanghai');

describe('tasks (工作安排)', () => {
  const mail = useMailCatcher();
  const app = useStrapi();
  const staff = useStaff(app, {
    supervisor: ['cs-supervisor', { preferredLanguage: 'en', displayName: 'Supervisor Wang' }],
    otherSupervisor: 'cs-supervisor',
    specialist: ['cs-specialist', { displayName: '李专员' }],
    otherSpecialist: 'cs-specialist',
    coordinator: 'order-coordinator',
    manager: ['sales-manager', { displayName: '赵经理' }],
    salesperson: ['salesperson', { displayName: '张业务' }],
  });
  let order: Doc;

  beforeAll(async () => {
    const customer = await createCustomer(app.strapi, staff.specialist);
    const product = await createProduct(app.strapi, staff.supervisor);
    order = await createOrder(app.strapi, staff.specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 1, unitPrice: '10.00' }],
    });
    await drainOutbox(app.strapi);
    mail.catcher.messages.length = 0;
  });

  const newMail = async (): Promise<CaughtMail[]> => {
    await drainOutbox(app.strapi);
    const caught = [...mail.catcher.messages];
    mail.catcher.messages.length = 0;
    return caught;
  };
  const assign = (by: StaffMember, data: Record<string, unknown>) => rest(app.strapi, by).post('/api/tasks', { data });
  const task = (assignee: StaffMember, fields: Record<string, unknown> = {}) => ({
    title: '回访柳州正大，确认二季度需求',
    details: '电话回访，记录在来电记录中',
    dueDate: addDays(today(), 3),
    priority: 'high',
    assignee: assignee.id,
    ...fields,
  });
  const act = (member: StaffMember, documentId: string, action: string, fields: Record<string, unknown> = {}) =>
    actOn(app.strapi, member, TASK, documentId, action, fields);
  /** The member's task items as `title: actions`. */
  const tasksOf = async (member: StaffMember) => {
    const res = await rest(app.strapi, member).get('/api/my-work');
    expect(res.status).toBe(200);
    return (res.body.data.items as { subject: string; number: string; actions: string[]; overdue: boolean }[])
      .filter((item) => item.subject === 'task')
      .map((item) => `${item.number}: ${item.actions.join(',')}${item.overdue ? ' (overdue)' : ''}`);
  };
  const stored = (documentId: string) =>
    app.strapi.db.query(TASK).findOne({ where: { documentId }, populate: { assignee: true, assignedBy: true } });

  it('the supervisor assigns a task: the server sets the assigner, state and due time whatever was sent, and the assignee is told', async () => {
    // Asking for another state is refused, as on every workflow record; the rest the server owns is dropped.
    const skipping = await assign(staff.supervisor, task(staff.specialist, { state: 'verified' }));
    expect(skipping.status).toBe(400);
    expect(skipping.body.error.details.errors[0].path).toEqual(['state']);
    const res = await assign(
      staff.supervisor,
      task(staff.specialist, { assignedBy: staff.otherSupervisor.id, escalatedAt: new Date().toISOString(), version: 7 })
    );
    expect(res.status).toBe(201);
    const row = await stored(res.body.data.documentId);
    expect(row).toMatchObject({ state: 'assigned', version: 1, escalatedAt: null, priority: 'high' });
    expect(row.assignedBy.id).toBe(staff.supervisor.id);
    expect(row.assignee.id).toBe(staff.specialist.id);
    // The end of the due day in the report's time zone (UTC+8).
    expect(new Date(row.dueAt).toISOString()).toBe(`${row.dueDate}T15:59:59.000Z`);

    const mails = await newMail();
    expect(mails.map((m) => `${m.to.join(',')} | ${m.subject}`)).toEqual([
      `${staff.specialist.email} | 工作安排：回访柳州正大，确认二季度需求（${row.dueDate} 前）`,
    ]);
    expect(mails[0].text).toContain('Supervisor Wang 给您布置了一项工作（优先级：高）');
    const page = `http://localhost:${app.strapi.config.get('server.port')}/admin/content-manager/collection-types/${TASK}/${row.documentId}`;
    expect(adminLinks(mails[0])).toEqual(linkedTo(page, 'zh-CN'));

    expect(await tasksOf(staff.specialist)).toEqual(['回访柳州正大，确认二季度需求: accept,complete']);
    expect(await tasksOf(staff.otherSpecialist)).toEqual([]);
    expect(await tasksOf(staff.supervisor)).toEqual([]); // nothing waits for the assigner yet
  });

  it('refuses who may not assign, to whom, a past due day, a missing assignee and a link to no record, writing nothing', async () => {
    const before = await app.strapi.db.query(TASK).count();
    const refusals: [StaffMember, Record<string, unknown>, number, string][] = [
      [staff.specialist, task(staff.otherSpecialist), 403, ''],
      [staff.supervisor, task(staff.salesperson), 400, 'assignee'],
      [staff.manager, task(staff.specialist), 400, 'assignee'],
      [staff.supervisor, task(staff.supervisor), 400, 'assignee'],
      [staff.supervisor, task(staff.specialist, { dueDate: addDays(today(), -1) }), 400, 'dueDate'],
      [staff.supervisor, task(staff.specialist, { assignee: null }), 400, 'assignee'],
      [staff.supervisor, task(staff.specialist, { subject: 'order', subjectId: 'nosuchorder000000000000' }), 400, 'subjectId'],
      [staff.supervisor, task(staff.specialist, { subject: 'order' }), 400, 'subjectId'],
    ];
    for (const [by, data, status, field] of refusals) {
      const res = await assign(by, data);
      expect({ status: res.status, field }).toEqual({ status, field });
      if (status === 400) expect(JSON.stringify(res.body.error.details)).toContain(field);
    }
    expect(await app.strapi.db.query(TASK).count()).toBe(before);
    expect(await newMail()).toEqual([]);
  });

  it('goes through accept → complete → reopen → complete → verify, each step by its party only, with mail and work lists following', async () => {
    const created = await ok(
      assign(staff.supervisor, task(staff.specialist, { title: '整理三月对账差异', subject: 'order', subjectId: order.documentId }))
    );
    const id = created.data.documentId;
    await newMail();

    // Someone else's task: neither another specialist nor the assigner may do the assignee's steps.
    expect((await act(staff.otherSpecialist, id, 'accept')).status).toBe(403);
    const byAssigner = await act(staff.supervisor, id, 'complete', { comment: 'done' });
    expect(byAssigner.status).toBe(403);
    expect(byAssigner.body.error.message).toBe("only the task's assignee may complete it");

    await ok(act(staff.specialist, id, 'accept'));
    await ok(act(staff.specialist, id, 'note', { comment: '客户下周一回复' }));
    expect((await act(staff.specialist, id, 'complete')).status).toBe(400); // what was done is required
    expect((await act(staff.specialist, id, 'verify')).status).toBe(403);
    await ok(act(staff.specialist, id, 'complete', { comment: '差异3笔已核对，见对账单备注' }));
    let mails = await newMail();
    expect(mails.map((m) => `${m.to.join(',')} | ${m.subject}`)).toEqual([
      `${staff.supervisor.email} | Task done, to verify: 整理三月对账差异`,
    ]);
    expect(mails[0].text).toContain('What was done: 差异3笔已核对，见对账单备注');
    expect(await tasksOf(staff.supervisor)).toEqual(['整理三月对账差异: verify,reopen']);
    expect(await tasksOf(staff.specialist)).not.toContain('整理三月对账差异: accept,complete');
    expect((await tasksOf(staff.otherSupervisor)).filter((item) => item.startsWith('整理'))).toEqual([]);

    expect((await act(staff.supervisor, id, 'reopen')).status).toBe(400); // a reason is required
    await ok(act(staff.supervisor, id, 'reopen', { comment: '缺少第3笔的银行回单' }));
    mails = await newMail();
    expect(mails.map((m) => `${m.to.join(',')} | ${m.subject}`)).toEqual([`${staff.specialist.email} | 工作被退回：整理三月对账差异`]);
    expect(mails[0].text).toContain('原因：缺少第3笔的银行回单');
    expect(await tasksOf(staff.specialist)).toContain('整理三月对账差异: complete');

    await ok(act(staff.specialist, id, 'complete', { comment: '已补回单' }));
    await ok(act(staff.supervisor, id, 'verify'));
    expect(await tasksOf(staff.supervisor)).toEqual([]);
    expect((await tasksOf(staff.specialist)).filter((item) => item.startsWith('整理'))).toEqual([]);

    const history = (await ok(rest(app.strapi, staff.specialist).get(`/api/tasks/${id}/workflow`))).data;
    expect(history.history.map((event: { action: string; toState: string }) => `${event.action}→${event.toState}`)).toEqual([
      'accept→accepted',
      'note→accepted',
      'complete→done',
      'reopen→reopened',
      'complete→done',
      'verify→verified',
    ]);
    // A verified task is history: no more corrections, and it is never deleted.
    const edit = await rest(app.strapi, staff.supervisor).put(`/api/tasks/${id}`, { data: { title: '改' } });
    expect(edit.status).toBe(409);
    await expect(app.strapi.documents(TASK).delete({ documentId: id })).rejects.toThrow('a task is kept');
  });

  it('only the assigner corrects an open task, from the version read; the due time follows the due day', async () => {
    const { data } = await ok(assign(staff.supervisor, task(staff.coordinator, { title: '催交包材图稿' })));
    const put = (member: StaffMember, fields: Record<string, unknown>) =>
      rest(app.strapi, member).put(`/api/tasks/${data.documentId}`, { data: fields });
    expect((await put(staff.coordinator, { dueDate: addDays(today(), 30) })).status).toBe(403);
    expect((await put(staff.otherSupervisor, { dueDate: addDays(today(), 30) })).status).toBe(403);
    expect((await put(staff.supervisor, { dueDate: addDays(today(), 5), version: 99 })).status).toBe(409);
    expect((await put(staff.supervisor, { state: 'verified' })).status).toBe(400); // only through the workflow
    expect((await put(staff.supervisor, { assignee: staff.salesperson.id })).status).toBe(400);
    expect((await put(staff.supervisor, { dueDate: addDays(today(), 5) })).status).toBe(200);
    const row = await stored(data.documentId);
    expect(row).toMatchObject({ state: 'assigned', dueDate: addDays(today(), 5) });
    expect(row.assignee.id).toBe(staff.coordinator.id);
    expect(new Date(row.dueAt).toISOString()).toBe(`${addDays(today(), 5)}T15:59:59.000Z`);

    expect((await act(staff.specialist, data.documentId, 'cancel', { comment: 'x' })).status).toBe(403);
    await newMail();
    // A cancellation only informs: by default it waits for the daily digest; this coordinator takes it at once.
    await chooseMail(app.strapi, staff.coordinator, { information: 'immediately' });
    await ok(act(staff.supervisor, data.documentId, 'cancel', { comment: '客户已自行寄来图稿' }));
    const mails = await newMail();
    expect(mails.map((m) => `${m.to.join(',')} | ${m.subject}`)).toEqual([`${staff.coordinator.email} | 工作已撤销：催交包材图稿`]);
    expect(await tasksOf(staff.coordinator)).toEqual([]);
  });

  it('the sales manager assigns to a salesperson, who sees it in their work list', async () => {
    await ok(assign(staff.manager, task(staff.salesperson, { title: '拜访合肥江淮泵业', priority: 'normal' })));
    expect(await tasksOf(staff.salesperson)).toEqual(['拜访合肥江淮泵业: accept,complete']);
  });

  describe('escalation of overdue tasks', () => {
    let second: SecondInstance;
    beforeAll(async () => {
      second = await startSecondInstance();
    }, 120_000);
    afterAll(async () => {
      await second?.stop();
    });

    it('mails the assigner once when an open task is past its due day, even with two instances running the job at once', async () => {
      const { data } = await ok(assign(staff.manager, task(staff.salesperson, { title: '收回逾期货款', dueDate: today() })));
      const done = await ok(assign(staff.manager, task(staff.salesperson, { title: '已完成的工作', dueDate: today() })));
      await ok(act(staff.salesperson, done.data.documentId, 'complete', { comment: '已完成' }));
      await newMail();
      const dueAt = new Date((await stored(data.documentId)).dueAt);

      expect((await runTaskJob(app.strapi, new Date(dueAt.getTime() - 60_000)))?.escalated).toBe(0);
      const at = new Date(dueAt.getTime() + 60_000);
      const ran = (await Promise.all([runTaskJob(app.strapi, at), second.run<{ escalated: number } | null>(JOB, 'runTaskJob', at)])).filter(
        Boolean
      );
      expect(ran.reduce((sum, result) => sum + result!.escalated, 0)).toBe(1);
      const mails = await newMail();
      expect(mails.map((m) => `${m.to.join(',')} | ${m.subject}`)).toEqual([`${staff.manager.email} | 工作逾期：收回逾期货款（张业务）`]);
      expect((await runTaskJob(app.strapi, new Date(at.getTime() + 3_600_000)))?.escalated).toBe(0);
      expect(await newMail()).toEqual([]);
      // At that time the assignee's work list has it first, overdue.
      const list = await workList(
        app.strapi,
        { staffUserId: staff.salesperson.id, roles: ['salesperson'], via: 'rest', superAdmin: false },
        at
      );
      expect(list.items[0]).toMatchObject({ subject: 'task', documentId: data.documentId, overdue: true });
    });

    it('escalates a task once even when two instances pass the lease and escalate at the same moment', async () => {
      const { data } = await ok(assign(staff.manager, task(staff.salesperson, { title: '确认回款计划', dueDate: today() })));
      await newMail();
      const at = new Date(new Date((await stored(data.documentId)).dueAt).getTime() + 60_000);
      // Straight to the escalation, without the job's lease: the claim on the task decides.
      const counts = await Promise.all([
        escalateOverdueTasks(app.strapi, at),
        second.run<number>(JOB, 'escalateOverdueTasks', at),
        escalateOverdueTasks(app.strapi, at),
      ]);
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(1);
      expect((await newMail()).map((m) => `${m.to.join(',')} | ${m.subject}`)).toEqual([
        `${staff.manager.email} | 工作逾期：确认回款计划（张业务）`,
      ]);
    });
  });
});
