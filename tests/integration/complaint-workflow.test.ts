/**
 * The complaint workflow as the department runs it through REST: recorded (the supervisor told),
 * confirmed, analysed by quality, judged; justified → measures with owners (told by mail), reviewed
 * by the departments for a major complaint, carried out, verified; replied to the customer by mail
 * with a single-use feedback link; closed by the feedback or after a quiet period; reopened within
 * 30 days. Deadlines per state and severity, escalated by the scheduled job with a clock of its own.
 * Refusals change nothing. Mail is received by a real SMTP server.
 */
import request from 'supertest';
import { adminLinks, linkedTo, useMailCatcher } from '../helpers/mail';
import { useStrapi, appModule } from '../helpers/strapi';
import { rest, StaffMember, useStaff } from '../helpers/staff';
import { createAdminUser, contentManager } from '../helpers/admin';
import { businessYear, countRows, createCustomer, createProduct, Doc, expectValidationError } from '../helpers/fixtures';
import { drainOutbox } from '../../src/notifications/worker';
import { actOn, ok } from '../helpers/workflow';
import { COMPLAINT, CUSTOMER_OPINION, WORKFLOW_EVENT as EVENT } from '../../src/platform/uids';

const DAY = 24 * 60 * 60 * 1000;

describe('complaint workflow', () => {
  const mail = useMailCatcher();
  const app = useStrapi();
  // The job as the running app has it (its trusted-write scope is the app's own).
  const job = () => appModule('src', 'jobs', 'complaint-deadlines');
  const { specialist, supervisor, quality, planner, coordinator } = useStaff(app, {
    specialist: 'cs-specialist',
    supervisor: 'cs-supervisor',
    quality: ['quality', { preferredLanguage: 'en' }],
    planner: 'planner',
    coordinator: 'order-coordinator',
  });
  let customer: Doc;
  let product: Doc;

  beforeAll(async () => {
    customer = await createCustomer(app.strapi, specialist, {
      preferredLanguage: 'en',
      contacts: [{ name: 'Wang', email: 'wang@customer.test', primary: true }],
    });
    product = await createProduct(app.strapi, supervisor);
  });

  const sentMail = async () => {
    await drainOutbox(app.strapi);
    return mail.catcher.messages.splice(0).map((m) => ({ to: m.to.join(','), subject: m.subject, text: m.text, html: m.html }));
  };
  /** The complaint's page in the admin panel, which every staff mail about it ends with. */
  const adminPage = (documentId: string) =>
    `http://localhost:${app.strapi.config.get('server.port')}/admin/content-manager/collection-types/${COMPLAINT}/${documentId}`;
  const record = async (fields: Record<string, unknown> = {}) => {
    const res = await rest(app.strapi, specialist).post('/api/complaints', {
      data: {
        customer: customer.documentId,
        product: product.documentId,
        channel: 'phone',
        description: '泵体有砂眼，渗漏',
        category: 'quality',
        severity: 'minor',
        ...fields,
      },
    });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body.error)}`);
    return res.body.data as Doc;
  };
  const stored = (documentId: string) => app.strapi.db.query(COMPLAINT).findOne({ where: { documentId }, populate: { measures: true } });
  const act = (member: StaffMember, documentId: string, action: string, fields: Record<string, unknown> = {}) =>
    actOn(app.strapi, member, COMPLAINT, documentId, action, fields);
  const workflow = async (documentId: string) =>
    (await rest(app.strapi, supervisor).get(`/api/complaints/${documentId}/workflow`)).body.data;
  /** Takes a recorded complaint to analysis and judges it justified. */
  const justified = async (fields: Record<string, unknown> = {}) => {
    const complaint = await record(fields);
    await ok(act(specialist, complaint.documentId, 'confirm', { comment: 'confirmed with Mr Wang by phone' }));
    await ok(act(specialist, complaint.documentId, 'analyse'));
    await ok(act(quality, complaint.documentId, 'judge_justified', { rootCause: 'casting porosity, supplier lot 2611' }));
    return complaint;
  };
  const measure = (owner: string, description: string) => ({ kind: 'corrective', description, ownerRole: owner, dueDate: '2027-01-15' });
  const linkIn = (text: string) => text.match(/https?:\/\/\S+\/api\/complaints\/feedback\/(\S+)/)![1];

  it('records a complaint as received with its number, receiver and deadline, and tells the supervisors', async () => {
    mail.catcher.messages.splice(0);
    const complaint = await record({ receivedAt: '2026-11-27T02:00:00.000Z', severity: 'major' }); // a Friday, 10:00 in Shanghai
    expect(complaint).toMatchObject({ state: 'received', version: 1, severity: 'major' });
    expect(complaint.number).toBe(`TS-${businessYear()}-00001`);
    const row = await stored(complaint.documentId);
    expect(row.receivedAt).toBeTruthy();
    // confirm within 1 working day: the stateEnteredAt is now; the deadline is the end of the next working day in Shanghai
    const entered = new Date(row.stateEnteredAt);
    const due = new Date(row.dueAt);
    expect(due.getTime()).toBeGreaterThan(entered.getTime());
    expect(due.toISOString().slice(11, 19)).toBe('15:59:59'); // 23:59:59 +08:00
    const weekday = new Date(due.getTime() + 8 * 3600 * 1000).getUTCDay();
    expect([1, 2, 3, 4, 5]).toContain(weekday);
    const mails = await sentMail();
    expect(mails).toEqual([
      expect.objectContaining({ to: supervisor.email, subject: `新投诉：${complaint.number} ${customer.name}（重大）` }),
    ]);
    expect(adminLinks(mails[0])).toEqual(linkedTo(adminPage(complaint.documentId), 'zh-CN'));
    // The mail names the deadline just set (it said "请在 - 前" when built before the deadline was written).
    const dueInShanghai = new Date(due.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
    expect(mails[0].text).toContain(`请在 ${dueInShanghai} 前与客户确认事实`);
    expect(mails[0].text).toContain('（类别 质量，严重度 重大）'); // words, not the codes quality and major
  });

  it('takes a minor justified complaint through measures, verification, reply and feedback to closed', async () => {
    const complaint = await justified();
    const id = complaint.documentId;
    expect((await stored(id)).state).toBe('justified');
    await sentMail();

    let body = await ok(act(quality, id, 'add_measure', { ...measure('quality', 'Sort the stock: leak test 100%'), kind: 'containment' }));
    const first = body.meta.measure as string;
    body = await ok(act(quality, id, 'add_measure', measure('planner', 'Re-plan the replacement pumps')));
    const second = body.meta.measure as string;
    expect(body.data.measures).toHaveLength(2);
    const assigned = await sentMail();
    expect(assigned.map((m) => m.to).sort()).toEqual([planner.email, quality.email].sort());
    // each in the reader's language: quality reads English
    const linkTo = (to: string) => adminLinks(assigned.find((m) => m.to === to)!);
    expect(linkTo(quality.email)).toEqual(linkedTo(adminPage(id), 'en'));
    expect(linkTo(planner.email)).toEqual(linkedTo(adminPage(id), 'zh-CN'));

    await ok(act(quality, id, 'submit_measures'));
    expect((await stored(id)).state).toBe('in_progress'); // minor: no departmental review
    const notOwner = await act(coordinator, id, 'complete_measure', { measure: first, result: 'done' });
    expect(notOwner.status).toBe(403);
    await ok(act(quality, id, 'complete_measure', { measure: first, result: '1,200 pumps tested, 3 rejected' }));
    const early = await act(specialist, id, 'request_verification');
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('1 measure(s) still open: Re-plan the replacement pumps');
    await ok(act(planner, id, 'complete_measure', { measure: second, result: 'shipped 2026-12-02' }));
    await ok(act(specialist, id, 'request_verification'));
    await ok(act(quality, id, 'confirm_effective', { comment: 'no leak in the next two lots' }));
    expect((await stored(id)).state).toBe('replying');
    await sentMail();

    await ok(act(specialist, id, 'reply', { channel: 'email', content: 'We replaced the pumps and tightened incoming inspection.' }));
    const [reply] = (await sentMail()).filter((m) => m.to === 'wang@customer.test');
    expect(reply.subject).toBe(`Our reply to your complaint ${complaint.number}`);
    expect(reply.text).toContain('tightened incoming inspection');
    expect(adminLinks(reply)).toEqual({ text: null, html: null }); // the customer's mail: no admin link
    expect(reply.text + reply.html).not.toContain('/admin');
    const token = linkIn(reply.text);

    const close = await act(specialist, id, 'close');
    expect(close.status).toBe(409); // no feedback yet, and the quiet period has not passed

    const agent = request(app.strapi.server.httpServer);
    const form = await agent.get(`/api/complaints/feedback/${token}`);
    expect(form.status).toBe(200);
    expect(form.type).toBe('text/html');
    expect(form.text).toContain(complaint.number);
    expect(form.text).not.toContain('砂眼'); // nothing but the number
    const bad = await agent.post(`/api/complaints/feedback/${token}`).type('form').send({ rating: '9' });
    expect(bad.status).toBe(400);
    const given = await agent.post(`/api/complaints/feedback/${token}`).type('form').send({ rating: '4', comment: '处理及时' });
    expect(given.status).toBe(200);
    expect(given.text).toContain('Thank you');
    const row = await stored(id);
    expect(row).toMatchObject({ state: 'closed', feedbackRating: 4, feedbackComment: '处理及时', feedbackTokenHash: null });
    // The comment is kept in the customer's file as an opinion (rated 4 of 5: pleased), linked to the complaint.
    const opinions = await app.strapi.db.query(CUSTOMER_OPINION).findMany({
      where: { complaint: { documentId: id } },
      populate: { customer: { select: ['documentId'] } },
    });
    expect(opinions).toEqual([
      expect.objectContaining({
        text: '处理及时',
        source: 'complaint_feedback',
        sentiment: 'positive',
        topic: row.category === 'quantity' ? 'delivery' : row.category,
        customer: expect.objectContaining({ documentId: customer.documentId }),
      }),
    ]);
    expect((await agent.get(`/api/complaints/feedback/${token}`)).status).toBe(410);
    expect((await agent.post(`/api/complaints/feedback/${token}`).send({ rating: 5 })).status).toBe(410);

    const history = (await workflow(id)).history;
    expect(history.map((e: { action: string }) => e.action)).toEqual([
      'confirm',
      'analyse',
      'judge_justified',
      'add_measure',
      'add_measure',
      'submit_measures',
      'complete_measure',
      'complete_measure',
      'request_verification',
      'confirm_effective',
      'reply',
      'close',
    ]);
    expect(history.at(-1)).toMatchObject({ role: 'system', actor: null, comment: 'customer feedback: 4/5' });
  });

  it('sends the measures of a major complaint to the departments; the supervisor decides', async () => {
    const complaint = await justified({ severity: 'major' });
    const id = complaint.documentId;
    const noMeasure = await act(quality, id, 'submit_measures');
    expectValidationError(noMeasure, 'measures');
    await ok(act(quality, id, 'add_measure', measure('order-coordinator', 'Send replacement parts by air')));
    await sentMail();
    await ok(act(quality, id, 'submit_measures'));
    expect((await stored(id)).state).toBe('measures_review');
    expect((await sentMail()).map((m) => m.to).sort()).toEqual([coordinator.email, planner.email, quality.email, supervisor.email].sort());

    await ok(act(quality, id, 'review_measures', { verdict: 'approve' }));
    await ok(act(planner, id, 'review_measures', { verdict: 'approve' }));
    await ok(act(coordinator, id, 'review_measures', { verdict: 'request_changes', comment: 'air freight needs the VP' }));
    expect((await act(specialist, id, 'review_measures', { verdict: 'approve' })).status).toBe(403);
    await ok(act(supervisor, id, 'review_measures', { verdict: 'request_changes', comment: 'ship by sea, add a containment step' }));
    expect((await stored(id)).state).toBe('justified'); // back with comments
    await ok(act(quality, id, 'add_measure', { ...measure('quality', 'Quarantine the lot'), kind: 'containment' }));
    await ok(act(quality, id, 'submit_measures'));
    for (const member of [quality, planner, coordinator])
      await ok(act(member, id, 'review_measures', { verdict: 'request_changes', comment: 'still costly' }));
    await ok(act(supervisor, id, 'review_measures', { verdict: 'approve' }));
    const body = await ok(rest(app.strapi, supervisor).get(`/api/complaints/${id}/workflow`));
    expect(body.data).toMatchObject({ state: 'in_progress', review: { round: 2 } });
  });

  it('sends ineffective measures back to work; an unjustified complaint is replied and closes after the quiet period', async () => {
    const complaint = await justified();
    const id = complaint.documentId;
    const { meta } = await ok(act(quality, id, 'add_measure', measure('quality', 'Retrain the casting shift')));
    await ok(act(quality, id, 'submit_measures'));
    await ok(act(quality, id, 'complete_measure', { measure: meta.measure, result: 'trained 12 people' }));
    await ok(act(specialist, id, 'request_verification'));
    expectValidationError(await act(quality, id, 'reject_effectiveness'), 'comment');
    await ok(act(quality, id, 'reject_effectiveness', { comment: 'porosity found again in lot 2612' }));
    expect((await stored(id)).state).toBe('in_progress');
    // the measures did not work: verification waits for a new one
    const again = await act(specialist, id, 'request_verification');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('the measures were not effective: add a new measure first');
    const added = await ok(act(quality, id, 'add_measure', measure('quality', 'Change the casting supplier')));
    await ok(act(quality, id, 'complete_measure', { measure: added.meta.measure, result: 'supplier changed' }));
    await ok(act(specialist, id, 'request_verification'));
    expect((await stored(id)).state).toBe('verifying');

    const other = await record({ description: '说明书缺页' });
    await ok(act(specialist, other.documentId, 'confirm', { comment: 'photo received' }));
    await ok(act(specialist, other.documentId, 'analyse'));
    expectValidationError(await act(quality, other.documentId, 'judge_unjustified', { rootCause: 'customer damage' }), 'comment');
    await ok(
      act(quality, other.documentId, 'judge_unjustified', {
        rootCause: 'pages torn in transit by the customer',
        comment: 'packing was intact',
      })
    );
    await ok(act(specialist, other.documentId, 'reply', { channel: 'phone', content: 'explained by phone' }));
    const replied = await stored(other.documentId);
    expect(replied.state).toBe('replied');
    const { runComplaintJob } = job();
    expect(await runComplaintJob(app.strapi, new Date(Date.parse(replied.repliedAt) + 13 * DAY))).toMatchObject({ closed: 0 });
    expect(await runComplaintJob(app.strapi, new Date(Date.parse(replied.repliedAt) + 14 * DAY + 1000))).toMatchObject({ closed: 1 });
    expect((await stored(other.documentId)).state).toBe('closed');
    expect((await workflow(other.documentId)).history.at(-1)).toMatchObject({
      action: 'close',
      role: 'system',
      comment: 'no feedback 14 days after the reply',
    });

    // reopened within 30 days; not after
    await ok(act(specialist, other.documentId, 'reopen', { comment: 'customer sent new photos' }));
    expect((await stored(other.documentId)).state).toBe('under_analysis');
  });

  it('escalates a complaint past its deadline to the supervisors once per state, with a clock of its own', async () => {
    const complaint = await record({ severity: 'critical' });
    await sentMail();
    const { runComplaintJob } = job();
    const row = await stored(complaint.documentId);
    const before = await runComplaintJob(app.strapi, new Date(Date.parse(row.dueAt) - 60_000));
    expect(before.escalated).toBe(0);
    const after = await runComplaintJob(app.strapi, new Date(Date.parse(row.dueAt) + 60_000));
    expect(after.escalated).toBeGreaterThanOrEqual(1);
    const mails = (await sentMail()).filter((m) => m.subject.includes(complaint.number));
    expect(mails).toEqual([expect.objectContaining({ to: supervisor.email, subject: `投诉逾期：${complaint.number} 已受理` })]);
    expect((await runComplaintJob(app.strapi, new Date(Date.parse(row.dueAt) + 120_000))).escalated).toBe(0);
    // a new state has a new deadline and can be escalated again
    await ok(act(specialist, complaint.documentId, 'confirm', { comment: 'confirmed' }));
    const confirmed = await stored(complaint.documentId);
    expect(confirmed.escalatedAt).toBeNull();
    expect(Date.parse(confirmed.dueAt)).toBeGreaterThan(Date.now());
  });

  it('escalates a late complaint once when two rounds pass the lease at the same moment, and counts it once', async () => {
    const { escalateOverdue } = job();
    const late = await record({ severity: 'critical' });
    await sentMail();
    const at = new Date(Date.parse((await stored(late.documentId)).dueAt) + 60_000);
    const rounds: number[] = await Promise.all([escalateOverdue(app.strapi, at), escalateOverdue(app.strapi, at)]);
    const mails = (await sentMail()).filter((m) => m.subject.includes(late.number));
    expect(mails.map((m) => m.subject)).toEqual([`投诉逾期：${late.number} 已受理`]);
    // Other tests' complaints may be late at that moment too: the rounds count each escalated one once.
    const escalatedNow = await app.strapi.db.query(COMPLAINT).count({ where: { escalatedAt: at } });
    expect(rounds[0] + rounds[1]).toBe(escalatedNow);
    expect(await escalateOverdue(app.strapi, at)).toBe(0);
  });

  it('runs the job on one instance at a time', async () => {
    const { runComplaintJob } = job();
    const { withJobLease } = appModule('src', 'jobs', 'job-lease');
    // Another instance is in the middle of a round: it holds the lease until `finish` is called.
    let finish = () => {};
    const running = new Promise<void>((resolve) => (finish = resolve));
    let started = () => {};
    const hasStarted = new Promise<void>((resolve) => (started = resolve));
    const other = withJobLease(app.strapi, 'complaint-deadlines', 60_000, async () => {
      started();
      await running;
      return 'other round';
    });
    await hasStarted;
    expect(await runComplaintJob(app.strapi)).toBeNull();
    finish();
    expect(await other).toBe('other round');
    // Once the other round has given the lease back, this instance runs the next one.
    expect(await runComplaintJob(app.strapi)).toEqual({ escalated: expect.any(Number), closed: expect.any(Number) });
  });

  describe('refusals change nothing', () => {
    it('details can be corrected until analysis; never the state, the measures or the judgement', async () => {
      const complaint = await justified();
      const before = await stored(complaint.documentId);
      const events = await countRows(app.strapi, EVENT);
      const put = await rest(app.strapi, specialist).put(`/api/complaints/${complaint.documentId}`, { data: { description: 'rewritten' } });
      expect(put.status).toBe(409);
      const fresh = await record();
      expectValidationError(
        await rest(app.strapi, specialist).put(`/api/complaints/${fresh.documentId}`, { data: { state: 'closed' } }),
        'state'
      );
      expectValidationError(
        await rest(app.strapi, specialist).put(`/api/complaints/${fresh.documentId}`, {
          data: { measures: [measure('quality', 'sneaked in')] },
        }),
        'measures'
      );
      const severity = await rest(app.strapi, specialist).put(`/api/complaints/${fresh.documentId}`, {
        data: { severity: 'critical', rootCause: 'x', version: 1 },
      });
      expect(severity.status).toBe(200);
      expect(severity.body.data).toMatchObject({ severity: 'critical', rootCause: null, version: 2 });
      expect(await stored(complaint.documentId)).toEqual(before);
      expect(await countRows(app.strapi, EVENT)).toBe(events);
    });

    it('403 wrong role, 409 wrong state and stale version, 400 bad input; content manager cannot delete or clone', async () => {
      const complaint = await record();
      const id = complaint.documentId;
      const before = await stored(id);
      expect((await act(planner, id, 'confirm', { comment: 'x' })).status).toBe(403);
      const wrongState = await act(specialist, id, 'reply', { channel: 'email', content: 'x' });
      expect(wrongState.status).toBe(409);
      expect(wrongState.body.error.details.allowedActions).toEqual(['confirm']);
      expect((await act(specialist, id, 'confirm', { comment: 'x', version: 0 })).status).toBe(409);
      expectValidationError(await act(specialist, id, 'confirm'), 'comment');
      const admin = await createAdminUser(app.strapi, 'strapi-super-admin');
      const del = await request(app.strapi.server.httpServer)
        .delete(`/content-manager/collection-types/${COMPLAINT}/${id}`)
        .set('Authorization', `Bearer ${admin.token}`);
      expect(del.status).toBe(409);
      expect((await contentManager(app.strapi, admin).clone(COMPLAINT, id)).status).toBe(409);
      await expect(app.strapi.db.query(COMPLAINT).update({ where: { documentId: id }, data: { state: 'closed' } })).rejects.toThrow(
        /refused/
      );
      expect(await stored(id)).toEqual(before);
    });

    it('a feedback link that is tampered with or expired is refused', async () => {
      const complaint = await record();
      const id = complaint.documentId;
      await ok(act(specialist, id, 'confirm', { comment: 'ok' }));
      await ok(act(specialist, id, 'analyse'));
      await ok(act(quality, id, 'judge_unjustified', { rootCause: 'none', comment: 'within tolerance' }));
      await sentMail();
      await ok(act(specialist, id, 'reply', { channel: 'email', content: 'within tolerance, see the report' }));
      const token = linkIn((await sentMail()).find((m) => m.to === 'wang@customer.test')!.text);
      const agent = request(app.strapi.server.httpServer);
      const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
      expect((await agent.get(`/api/complaints/feedback/${tampered}`).set('Accept', 'application/json')).status).toBe(404);
      expect((await agent.get(`/api/complaints/feedback/not-a-token`)).status).toBe(404);
      const table = app.strapi.db.metadata.get(COMPLAINT as never).tableName;
      await app.strapi.db
        .connection(table)
        .where({ document_id: id })
        .update({ feedback_token_expires_at: new Date(Date.now() - 1000) });
      const expired = await agent.post(`/api/complaints/feedback/${token}`).set('Accept', 'application/json').send({ rating: 5 });
      expect(expired.status).toBe(410);
      expect(expired.body.error.message).toContain('expired');
      expect((await stored(id)).feedbackRating).toBeNull();
    });
  });
});
