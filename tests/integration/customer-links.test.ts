/**
 * Customer links (a statement's confirmation link, a complaint's feedback link) and secret fields:
 * the link's secret exists only in the mail the customer receives (caught here over real SMTP),
 * never in what staff can read — the outbox through REST, the content manager as super admin, the
 * record, the request log; the customer's answer through the mailed link works and records where it
 * came from; a malformed token is 404, an expired one 410; private fields (passwords, token hashes,
 * admin e-mails) are neither shown, nor sorted or filtered on, in REST or the content manager.
 */
import request from 'supertest';
import { contentManager, createAdminUser, AdminMember } from '../helpers/admin';
import { useMailCatcher } from '../helpers/mail';
import { useStrapi } from '../helpers/strapi';
import { createStaff, rest, StaffMember } from '../helpers/staff';
import { createCustomer, createProduct, Doc } from '../helpers/fixtures';
import { actOn, ok } from '../helpers/workflow';
import { drainOutbox } from '../../src/notifications/worker';
import { addDays, dateIn } from '../../src/domain/business-date';
import { COMPLAINT, NOTIFICATION, STATEMENT, USER } from '../../src/platform/uids';

describe('customer links and secret fields', () => {
  const mail = useMailCatcher();
  const app = useStrapi();
  let staff: Record<'clerk' | 'supervisor' | 'specialist' | 'quality', StaffMember>;
  let superAdmin: AdminMember;
  let customer: Doc;
  let product: Doc;
  const logged: string[] = [];

  beforeAll(async () => {
    staff = await createStaff(app.strapi, {
      clerk: 'sales-clerk',
      supervisor: 'cs-supervisor',
      specialist: 'cs-specialist',
      quality: 'quality',
    });
    superAdmin = await createAdminUser(app.strapi, 'strapi-super-admin');
    customer = await createCustomer(app.strapi, staff.supervisor, {
      preferredLanguage: 'en',
      contacts: [{ name: 'Wang', email: 'wang@customer.test', primary: true }],
    });
    product = await createProduct(app.strapi, staff.supervisor);
    // Everything the app logs from here on (the request log included).
    for (const level of ['http', 'info', 'warn', 'error', 'debug'] as const) {
      const original = app.strapi.log[level].bind(app.strapi.log);
      (app.strapi.log as unknown as Record<string, (m: unknown) => unknown>)[level] = (message: unknown) => {
        logged.push(String(message));
        return original(message as string);
      };
    }
  });

  const sentMail = async () => {
    await drainOutbox(app.strapi);
    return mail.catcher.messages.splice(0);
  };
  const agent = () => request(app.strapi.server.httpServer);
  const cmGet = (url: string) => agent().get(url).set('Authorization', `Bearer ${superAdmin.token}`);

  /** Everything staff can read about a record's mails and the record itself, as one string. */
  const whatStaffSee = async (documentId: string, uid: string, plural: string) => {
    const outbox = await rest(app.strapi, staff.supervisor).get(`/api/notifications?filters[idempotencyKey][$contains]=${documentId}`);
    expect(outbox.status).toBe(200);
    expect(outbox.body.data.length).toBeGreaterThan(0);
    const cmOutbox = await cmGet(
      `/content-manager/collection-types/${NOTIFICATION}?filters[$and][0][idempotencyKey][$contains]=${documentId}`
    );
    expect(cmOutbox.status).toBe(200);
    expect(cmOutbox.body.results.length).toBeGreaterThan(0);
    const cmOne = await Promise.all(
      cmOutbox.body.results.map((n: Doc) => cmGet(`/content-manager/collection-types/${NOTIFICATION}/${n.documentId}`).then((r) => r.body))
    );
    const record = await rest(app.strapi, staff.supervisor).get(`/api/${plural}/${documentId}`);
    const cmRecord = await cmGet(`/content-manager/collection-types/${uid}/${documentId}`);
    expect(cmRecord.status).toBe(200);
    return JSON.stringify([outbox.body, cmOutbox.body, cmOne, record.body, cmRecord.body]);
  };

  it('a statement link is only in the mail: staff cannot read it anywhere, the customer answers with it once, from where is recorded', async () => {
    const issued = await rest(app.strapi, staff.clerk).post('/api/statements', {
      data: {
        customer: customer.documentId,
        periodFrom: addDays(dateIn('Asia/Shanghai'), -30),
        periodTo: addDays(dateIn('Asia/Shanghai'), -1),
      },
    });
    expect(issued.status).toBe(201);
    const { documentId } = issued.body.data;
    expect((await rest(app.strapi, staff.clerk).post(`/api/statements/${documentId}/send`)).status).toBe(200);
    // Queued but not yet sent: the outbox holds no link.
    const queued = await whatStaffSee(documentId, STATEMENT, 'statements');
    expect(queued).not.toContain('/api/statements/respond/');

    const [message] = (await sentMail()).filter((m) => m.to.includes('wang@customer.test'));
    const token = message.text.match(/\/api\/statements\/respond\/(\S+)/)![1];
    const [, , signature] = token.split('.');
    const seen = await whatStaffSee(documentId, STATEMENT, 'statements');
    expect(seen).not.toContain(token);
    expect(seen).not.toContain(signature);
    expect(seen).not.toContain('/api/statements/respond/');
    expect(seen).not.toContain('linkTokenHash');
    expect(seen).not.toContain('linkExpiresAt');
    const row = await app.strapi.db.query(STATEMENT).findOne({ where: { documentId } });
    expect(JSON.stringify(row)).not.toContain(signature);
    expect(row.linkTokenHash).toMatch(/^[0-9a-f]{64}$/);

    // Malformed (something appended, a part missing) is not a link of ours: 404, nothing spent.
    expect(
      (await agent().post(`/api/statements/respond/${token}.x`).set('Accept', 'application/json').send({ answer: 'confirm' })).status
    ).toBe(404);
    expect(
      (
        await agent()
          .get(`/api/statements/respond/${token.split('.').slice(0, 2).join('.')}`)
          .set('Accept', 'application/json')
      ).status
    ).toBe(404);
    expect((await app.strapi.db.query(STATEMENT).findOne({ where: { documentId } })).state).toBe('sent');

    const answered = await agent()
      .post(`/api/statements/respond/${token}`)
      .set('Accept', 'application/json')
      .set('User-Agent', 'CustomerBrowser/1.0')
      .send({ answer: 'confirm' });
    expect(answered.status).toBe(200);
    const after = await app.strapi.db.query(STATEMENT).findOne({ where: { documentId } });
    expect(after).toMatchObject({ state: 'confirmed', linkTokenHash: null, respondedUserAgent: 'CustomerBrowser/1.0' });
    expect(after.respondedFromIp).toBeTruthy();
    expect(after.respondedAt).toBeTruthy();
    // Not in the request log either.
    expect(logged.join('\n')).not.toContain(signature);
    expect(logged.join('\n')).toContain('/api/statements/respond/');
  });

  it("the origin of an answer is the server's: no client writes it", async () => {
    const issued = await rest(app.strapi, staff.clerk).post('/api/statements', {
      data: {
        customer: customer.documentId,
        periodFrom: addDays(dateIn('Asia/Shanghai'), -60),
        periodTo: addDays(dateIn('Asia/Shanghai'), -31),
      },
    });
    const { documentId } = issued.body.data;
    await cmGet('/'); // warm
    const cm = contentManager(app.strapi, superAdmin);
    await cm.update(STATEMENT, documentId, { respondedFromIp: '10.9.9.9', respondedUserAgent: 'forged', linkTokenHash: 'f'.repeat(64) });
    const row = await app.strapi.db.query(STATEMENT).findOne({ where: { documentId } });
    expect(row).toMatchObject({ respondedFromIp: null, respondedUserAgent: null, linkTokenHash: null });
  });

  it('a feedback link is only in the mail; the customer closes the complaint with it; an expired link is 410', async () => {
    const act = (member: StaffMember, id: string, action: string, fields: Record<string, unknown> = {}) =>
      actOn(app.strapi, member, COMPLAINT, id, action, fields);
    const complaintOf = async () => {
      const res = await rest(app.strapi, staff.specialist).post('/api/complaints', {
        data: {
          customer: customer.documentId,
          product: product.documentId,
          channel: 'phone',
          description: '外箱破损',
          category: 'packaging',
          severity: 'minor',
        },
      });
      expect(res.status).toBe(201);
      const id = res.body.data.documentId as string;
      await ok(act(staff.specialist, id, 'confirm', { comment: 'by phone' }));
      await ok(act(staff.specialist, id, 'analyse'));
      await ok(act(staff.quality, id, 'judge_unjustified', { rootCause: 'damaged by the forwarder', comment: 'carrier damage' }));
      await ok(act(staff.specialist, id, 'reply', { channel: 'email', content: 'The forwarder will compensate.' }));
      return id;
    };
    const id = await complaintOf();
    expect(await whatStaffSee(id, COMPLAINT, 'complaints')).not.toContain('/api/complaints/feedback/');
    const [reply] = (await sentMail()).filter((m) => m.to.includes('wang@customer.test'));
    const token = reply.text.match(/\/api\/complaints\/feedback\/(\S+)/)![1];
    const seen = await whatStaffSee(id, COMPLAINT, 'complaints');
    expect(seen).not.toContain(token);
    expect(seen).not.toContain(token.split('.')[2]);
    expect(seen).not.toContain('feedbackTokenHash');
    expect(seen).not.toContain('feedbackTokenExpiresAt');

    expect((await agent().post(`/api/complaints/feedback/${token}.x`).set('Accept', 'application/json').send({ rating: 5 })).status).toBe(
      404
    );
    const given = await agent()
      .post(`/api/complaints/feedback/${token}`)
      .set('Accept', 'application/json')
      .set('User-Agent', 'MailApp/2')
      .send({ rating: 5 });
    expect(given.status).toBe(200);
    const row = await app.strapi.db.query(COMPLAINT).findOne({ where: { documentId: id } });
    expect(row).toMatchObject({ state: 'closed', feedbackRating: 5, feedbackUserAgent: 'MailApp/2', feedbackTokenHash: null });
    expect(row.feedbackFromIp).toBeTruthy();

    // Expired: 410, and the complaint stays replied.
    const second = await complaintOf();
    const [mail2] = (await sentMail()).filter((m) => m.to.includes('wang@customer.test'));
    const token2 = mail2.text.match(/\/api\/complaints\/feedback\/(\S+)/)![1];
    await app.strapi.db
      .query(COMPLAINT)
      .update({ where: { documentId: second }, data: { feedbackTokenExpiresAt: new Date(Date.now() - 1000) } })
      .catch(async () => {
        const table = app.strapi.db.metadata.get(COMPLAINT).tableName;
        await app.strapi.db
          .connection(table)
          .where({ document_id: second })
          .update({ feedback_token_expires_at: new Date(Date.now() - 1000) });
      });
    const expired = await agent().post(`/api/complaints/feedback/${token2}`).set('Accept', 'application/json').send({ rating: 5 });
    expect(expired.status).toBe(410);
    expect((await app.strapi.db.query(COMPLAINT).findOne({ where: { documentId: second } })).state).toBe('replied');
    expect(logged.join('\n')).not.toContain(token2.split('.')[2]);
  });

  it('an outbox row queued with a whole link (before links were rendered at send time) is redacted and still mails the same link', async () => {
    const { redactStoredLinks } = require('../../src/notifications/links');
    const { newLink, linkUrl } = require('../../src/platform/signed-link');
    const { STATEMENT_LINK } = require('../../src/cash-collection/statement-record');
    const { ref } = newLink(app.strapi, STATEMENT_LINK, 'legacydoc0000000000000000');
    const url = linkUrl(app.strapi, STATEMENT_LINK, ref) as string;
    const now = new Date();
    await app.strapi.db.connection('notifications').insert({
      document_id: 'legacynotification0000000',
      idempotency_key: 'legacy:statement',
      event: 'statement.sent',
      recipients: JSON.stringify(['wang@customer.test']),
      template: 'statement.sent',
      language: 'en',
      state: 'pending',
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
      updated_at: now,
      published_at: now,
      payload: JSON.stringify({ customer: { code: 'C', name: 'N' }, statement: { number: 'DZ-X' }, link: url, linkDays: 30 }),
    });
    expect(await redactStoredLinks(app.strapi)).toBe(1);
    const stored = await app.strapi.db.connection('notifications').where({ idempotency_key: 'legacy:statement' }).first();
    expect(JSON.stringify(stored)).not.toContain(url);
    expect(await redactStoredLinks(app.strapi)).toBe(0);
    const [message] = (await sentMail()).filter((m) => m.subject.includes('DZ-X'));
    expect(message.text).toContain(url);
  });

  describe('private fields are neither shown, nor sorted or filtered on', () => {
    const cmList = (uid: string, query: string) => cmGet(`/content-manager/collection-types/${uid}?${query}`);
    const refused = (res: request.Response, field: string) => {
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
      expect(JSON.stringify(res.body)).not.toMatch(/\$2[aby]\$/); // no bcrypt hash in the answer
    };

    it('refuses sorting on passwords, also through a relation, in the content manager and REST', async () => {
      await createCustomer(app.strapi, staff.supervisor, { salesperson: staff.clerk.id });
      refused(await cmList('plugin::users-permissions.user', 'sort=password:ASC'), 'password');
      refused(await cmList('api::customer.customer', 'sort=salesperson.password:ASC'), 'salesperson.password');
      refused(await cmList('api::order.order', 'sort=salesperson.password'), 'salesperson.password');
      refused(await cmList('api::customer.customer', 'sort[0]=salesperson.resetPasswordToken:DESC'), 'resetPasswordToken');
      refused(await rest(app.strapi, staff.supervisor).get('/api/customers?sort=salesperson.password:ASC'), 'salesperson.password');
      refused(await rest(app.strapi, staff.supervisor).get('/api/customers?sort[salesperson][password]=asc'), 'password');
      // The honest sorts still work.
      expect((await cmList('api::customer.customer', 'sort=salesperson.username:ASC')).status).toBe(200);
      expect((await rest(app.strapi, staff.supervisor).get('/api/customers?sort=name:ASC')).status).toBe(200);
    });

    it('refuses filtering on token hashes, expiries and admin e-mails, also nested and inside a populate', async () => {
      refused(await cmList(COMPLAINT, `filters[$and][0][feedbackTokenHash][$startsWith]=a`), 'feedbackTokenHash');
      refused(await cmList(COMPLAINT, `filters[$or][0][feedbackTokenExpiresAt][$gt]=2020-01-01`), 'feedbackTokenExpiresAt');
      refused(await cmList(STATEMENT, `filters[linkTokenHash][$null]=false`), 'linkTokenHash');
      refused(await cmList('api::customer.customer', `filters[$and][0][createdBy][email][$contains]=admin`), 'email');
      refused(await cmList('api::customer.customer', `filters[updatedBy][password][$startsWith]=$2`), 'password');
      refused(await cmList('api::customer.customer', `filters[$not][salesperson][confirmationToken][$null]=true`), 'confirmationToken');
      refused(
        await rest(app.strapi, staff.supervisor).get('/api/complaints?filters[feedbackTokenHash][$startsWith]=a'),
        'feedbackTokenHash'
      );
      refused(
        await rest(app.strapi, staff.supervisor).get('/api/customers?populate[salesperson][filters][password][$startsWith]=$2'),
        'password'
      );
      expect((await cmList('api::customer.customer', `filters[$and][0][createdBy][firstname][$contains]=Test`)).status).toBe(200);
      expect((await cmList(COMPLAINT, `filters[$and][0][state][$eq]=closed`)).status).toBe(200);
    });

    it('a search (_q) looks only into fields staff may see, never into tokens or password hashes', async () => {
      const user = await app.strapi.db.query(USER).findOne({ where: { id: staff.clerk.id }, select: ['id', 'username'] });
      await app.strapi.db.connection('up_users').where({ id: user.id }).update({ reset_password_token: 'zqresettoken0042' });
      const found = async (uid: string, q: string) => {
        const res = await cmList(uid, `_q=${encodeURIComponent(q)}`);
        expect(res.status).toBe(200);
        return res.body.results.length;
      };
      expect(await found(USER, user.username)).toBe(1);
      expect(await found(USER, 'zqresettoken')).toBe(0);
      expect(await found(USER, '$2')).toBe(0); // bcrypt hashes begin with $2a$/$2b$
      const complaint = await app.strapi.db.query(COMPLAINT).findOne({ select: ['id', 'number'] });
      await app.strapi.db.connection('complaints').where({ id: complaint.id }).update({ feedback_token_hash: 'zqfeedbackhash0042' });
      expect(await found(COMPLAINT, complaint.number)).toBe(1);
      expect(await found(COMPLAINT, 'zqfeedbackhash')).toBe(0);
      expect((await rest(app.strapi, staff.supervisor).get('/api/customers?_q=zqresettoken')).status).toBe(200);
    });

    it("the content manager shows neither token hashes nor admin users' e-mails", async () => {
      const cm = contentManager(app.strapi, superAdmin);
      const created = await cm.create('api::customer.customer', { name: '测试客户 CM', preferredLanguage: 'zh-CN', contacts: [] });
      expect(created.status).toBe(201);
      const documentId = created.body.data.documentId;
      const one = await cm.findOne('api::customer.customer', documentId);
      expect(one.status).toBe(200);
      const list = await cmList('api::customer.customer', 'page=1&pageSize=100');
      for (const body of [created.body, one.body, list.body]) expect(JSON.stringify(body)).not.toContain(superAdmin.email);
      const layout = await cmGet(`/content-manager/content-types/${COMPLAINT}/configuration`);
      expect(layout.status).toBe(200);
      expect(JSON.stringify(layout.body)).not.toContain('feedbackTokenHash');
    });
  });
});
