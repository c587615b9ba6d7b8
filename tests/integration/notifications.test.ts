/**
 * The e-mail outbox against a real SMTP server: mails arrive in the recipient's language with
 * escaped data, a staff mail ends with the admin-panel link of its record (a customer mail never),
 * nothing is lost while the server is down, nothing is sent twice, a refusal (5xx) is recorded and
 * not retried, a rolled-back change sends nothing, and a supervisor can retry.
 */
import { spawn } from 'child_process';
import path from 'path';
import { APP_DIR, useStrapi } from '../helpers/strapi';
import { adminLinks, useMailCatcher } from '../helpers/mail';
import { chooseMail, createStaffUser, rest, useStaff } from '../helpers/staff';
import { createCustomer } from '../helpers/fixtures';
import { notify } from '../../src/platform/outbox';
import { drainOutbox, retryWaitingNow } from '../../src/notifications/worker';
import { createAdminUser, contentManager } from '../helpers/admin';
import { CUSTOMER, NOTIFICATION } from '../../src/platform/uids';

const HOUR = 3_600_000;
const PUBLIC_URL = 'http://cs.factory.test:8080';

/** The admin-panel page of a record, as a staff member should find it at the end of the mail. */
const adminPage = (uid: string, documentId: string) => `${PUBLIC_URL}/admin/content-manager/collection-types/${uid}/${documentId}`;

describe('e-mail notifications', () => {
  const mail = useMailCatcher();
  beforeAll(() => {
    process.env.PUBLIC_URL = PUBLIC_URL; // before Strapi boots: the links must follow it
  });
  const app = useStrapi();
  const { specialist, supervisor } = useStaff(app, { specialist: 'cs-specialist', supervisor: 'cs-supervisor' });
  const later = () => new Date(Date.now() + 2 * HOUR); // far past any backoff

  const rows = (where: Record<string, unknown> = {}) => app.strapi.db.query(NOTIFICATION).findMany({ where, orderBy: { id: 'asc' } });
  const clearOutbox = async () => {
    await app.strapi.db.query(NOTIFICATION).deleteMany({ where: {} });
    mail.catcher.messages.length = 0;
  };
  const testMail = (n: number, extra: Partial<Parameters<typeof notify>[1]> = {}) =>
    notify(app.strapi, {
      event: 'customer.credit-hold',
      key: `test:${n}`,
      to: `rep${n}@factory.test`,
      template: 'customer.credit-hold',
      locale: 'zh-CN',
      data: { customer: { code: `C-${n}`, name: `客户${n}` }, reason: '逾期' },
      record: { uid: CUSTOMER, documentId: `customer${n}` },
      ...extra,
    });

  beforeEach(clearOutbox);

  it('tells the salesperson of a credit hold, in Chinese, from the same change that placed it', async () => {
    const rep = await createStaffUser(app.strapi, 'salesperson');
    // A hold only informs the salesperson: by default it waits for their daily digest; this one takes it at once.
    await chooseMail(app.strapi, rep, { information: 'immediately' });
    const customer = await createCustomer(app.strapi, specialist, { name: '苏州恒通机械有限公司', salesperson: rep.id });
    const res = await rest(app.strapi, specialist).put(`/api/customers/${customer.documentId}`, {
      data: { creditHold: true, creditHoldReason: '货款逾期超过90天' },
    });
    expect(res.status).toBe(200);
    const [queued] = await rows();
    expect(queued).toMatchObject({ event: 'customer.credit-hold', state: 'pending', language: 'zh-CN', recipients: [rep.email] });

    expect(await drainOutbox(app.strapi)).toEqual({ sent: 1, retry: 0, failed: 0 });
    expect(mail.catcher.messages).toHaveLength(1);
    const [message] = mail.catcher.messages;
    expect(message.to).toEqual([rep.email]);
    expect(message.subject).toBe(`信用冻结：${customer.code} 苏州恒通机械有限公司`);
    expect(message.text).toContain('原因：货款逾期超过90天');
    expect(message.html).toContain('<strong>苏州恒通机械有限公司</strong>');
    expect(message.from).toContain('cs@factory.test');
    // The mail ends with the held customer's page in the admin panel, in Chinese, text and HTML.
    const page = adminPage(CUSTOMER, customer.documentId);
    expect(adminLinks(message)).toEqual({ text: ['在管理后台打开：', page], html: ['在管理后台打开：', page, page] });
    expect(message.html).not.toContain('&#x2F;');
    const [sent] = await rows();
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, messageId: message.messageId });
    expect(sent.sentAt).toBeTruthy();

    // Saving the held customer again is no new hold: no second mail.
    await rest(app.strapi, specialist).put(`/api/customers/${customer.documentId}`, { data: { notes: '已电话催款' } });
    expect(await rows()).toHaveLength(1);
  });

  it('writes in English to a salesperson who reads English', async () => {
    const rep = await createStaffUser(app.strapi, 'salesperson', { preferredLanguage: 'en' });
    await chooseMail(app.strapi, rep, { information: 'immediately' });
    const other = await createCustomer(app.strapi, specialist, { name: 'Not held Ltd.', salesperson: rep.id });
    const customer = await createCustomer(app.strapi, specialist, {
      name: 'Acme Pumps Ltd.',
      salesperson: rep.id,
      creditHold: true,
      creditHoldReason: 'Invoice 90 days overdue',
    });
    await drainOutbox(app.strapi);
    const [message] = mail.catcher.messages;
    expect(message.subject).toMatch(/^Credit hold: C-\d{6} Acme Pumps Ltd\.$/);
    expect(message.text).toContain('Reason: Invoice 90 days overdue');
    const page = adminPage(CUSTOMER, customer.documentId);
    expect(adminLinks(message)).toEqual({ text: ['Open in the admin panel: ', page], html: ['Open in the admin panel: ', page, page] });
    expect(message.text + message.html).not.toContain(other.documentId);
  });

  it("links staff mail to its record, in the reader's language, and never customer mail", async () => {
    const complaint = { uid: 'api::complaint.complaint' as const, documentId: 'k3v9complaint0000000001' };
    const data = { complaint: { number: 'TS-2026-0001', dueAt: '2026-12-08', severity: 'major' }, customer: { name: '宁波甬达' } };
    const staffMail = (to: string, locale: 'zh-CN' | 'en') =>
      notify(app.strapi, {
        event: 'complaint.verify',
        key: `verify:${to}`,
        to,
        template: 'complaint.verify',
        locale,
        data,
        record: complaint,
      });
    await staffMail('quality-zh@factory.test', 'zh-CN');
    await staffMail('quality-en@factory.test', 'en');
    // A customer mail, even queued with its record, gets no admin link.
    await notify(app.strapi, {
      event: 'order.scheduled',
      key: 'scheduled:1',
      to: 'buyer@customer.test',
      template: 'order.scheduled',
      locale: 'zh-CN',
      data: { customer: { name: '宁波甬达' }, order: { number: 'SO-2026-000001', promisedDate: '2026-12-20' } },
      record: { uid: 'api::order.order', documentId: 'k3v9order000000000000001' },
    });
    // A staff template queued without its record is refused (the type refuses it too).
    await expect(
      notify(app.strapi, {
        event: 'complaint.verify',
        key: 'verify:none',
        to: 'q@factory.test',
        template: 'complaint.verify',
        locale: 'en',
        data,
      } as never)
    ).rejects.toThrow(/names no record/);
    expect(await drainOutbox(app.strapi)).toEqual({ sent: 3, retry: 0, failed: 0 });
    const to = (address: string) => mail.catcher.messages.find((m) => m.to.includes(address))!;
    const page = adminPage(complaint.uid, complaint.documentId);
    expect(adminLinks(to('quality-zh@factory.test'))).toEqual({ text: ['在管理后台打开：', page], html: ['在管理后台打开：', page, page] });
    expect(adminLinks(to('quality-en@factory.test'))).toEqual({
      text: ['Open in the admin panel: ', page],
      html: ['Open in the admin panel: ', page, page],
    });
    const customerMail = to('buyer@customer.test');
    expect(adminLinks(customerMail)).toEqual({ text: null, html: null });
    expect(customerMail.text + customerMail.html).not.toMatch(/\/admin|管理后台|admin panel|k3v9order/);
  });

  it('escapes HTML in customer data', async () => {
    const rep = await createStaffUser(app.strapi, 'salesperson');
    await chooseMail(app.strapi, rep, { information: 'immediately' });
    await createCustomer(app.strapi, specialist, {
      name: '<script>alert("x")</script> & <b>Co</b>',
      salesperson: rep.id,
      creditHold: true,
      creditHoldReason: '<img src=x onerror=alert(1)>',
    });
    await drainOutbox(app.strapi);
    const [message] = mail.catcher.messages;
    expect(message.html).not.toMatch(/<script|<img|<b>Co/);
    expect(message.html).toContain('&lt;script&gt;');
    expect(message.html).toContain('&lt;img src'); // = is escaped too: &lt;img src&#x3D;x ...
    expect(message.text).toContain('<script>alert("x")</script> & <b>Co</b>'); // plain text: shown as typed
  });

  it('sends nothing when the change that queued it rolls back', async () => {
    await expect(
      app.strapi.db.transaction(async () => {
        await testMail(1);
        throw new Error('the business change failed');
      })
    ).rejects.toThrow('the business change failed');
    const rep = await createStaffUser(app.strapi, 'salesperson');
    const customer = await createCustomer(app.strapi, specialist, { salesperson: rep.id });
    const refused = await rest(app.strapi, specialist).put(`/api/customers/${customer.documentId}`, { data: { creditHold: true } });
    expect(refused.status).toBe(400); // a hold without a reason
    expect(await rows()).toHaveLength(0);
    await drainOutbox(app.strapi);
    expect(mail.catcher.messages).toHaveLength(0);
  });

  it('queues one mail when the same step is queued twice', async () => {
    expect(await testMail(7)).toBe(true);
    expect(await testMail(7, { data: { customer: { code: 'C-7', name: 'again' }, reason: 'again' } })).toBe(false);
    await drainOutbox(app.strapi);
    expect(mail.catcher.messages.map((m) => m.to)).toEqual([['rep7@factory.test']]);
  });

  it('loses nothing while the mail server is down, and delivers each mail once when it is back', async () => {
    for (let n = 0; n < 50; n += 1) await testMail(n);
    await mail.stop();
    try {
      const now = new Date();
      expect(await drainOutbox(app.strapi, () => now)).toEqual({ sent: 0, retry: 50, failed: 0 });
      const waiting = await rows();
      expect(waiting.map((r: { state: string }) => r.state)).toEqual(Array(50).fill('pending'));
      expect(waiting[0].lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      expect(new Date(waiting[0].nextAttemptAt).getTime()).toBeGreaterThan(now.getTime());
      expect(await drainOutbox(app.strapi, () => now)).toEqual({ sent: 0, retry: 0, failed: 0 }); // backing off
    } finally {
      await mail.restart();
    }
    expect(await drainOutbox(app.strapi, later)).toEqual({ sent: 50, retry: 0, failed: 0 });
    const ids = mail.catcher.messages.map((m) => m.messageId);
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
    expect((await rows()).every((r: { state: string; attempts: number }) => r.state === 'sent' && r.attempts === 2)).toBe(true);
    expect(await drainOutbox(app.strapi, later)).toEqual({ sent: 0, retry: 0, failed: 0 });
  });

  it('sends the waiting backlog at once when asked (npm run outbox:drain -- --now), and leaves failed mails alone', async () => {
    await testMail(1);
    await testMail(2);
    await mail.stop();
    try {
      expect(await drainOutbox(app.strapi)).toEqual({ sent: 0, retry: 2, failed: 0 });
    } finally {
      await mail.restart();
    }
    mail.catcher.fail(550);
    await testMail(3);
    try {
      expect(await drainOutbox(app.strapi)).toEqual({ sent: 0, retry: 0, failed: 1 });
    } finally {
      mail.catcher.fail(null);
    }
    expect(await drainOutbox(app.strapi)).toEqual({ sent: 0, retry: 0, failed: 0 }); // both still backing off
    expect(await retryWaitingNow(app.strapi)).toBe(2);
    expect(await drainOutbox(app.strapi)).toEqual({ sent: 2, retry: 0, failed: 0 });
    expect(mail.catcher.messages.flatMap((m) => m.to).sort()).toEqual(['rep1@factory.test', 'rep2@factory.test']);
    expect((await rows({ state: 'failed' })).map((r: { idempotencyKey: string }) => r.idempotencyKey)).toEqual(['test:3']);
  });

  it('records a refusal (5xx) as failed with the reason and does not retry it', async () => {
    await testMail(1);
    mail.catcher.fail(550);
    try {
      expect(await drainOutbox(app.strapi)).toEqual({ sent: 0, retry: 0, failed: 1 });
      expect(await drainOutbox(app.strapi, later)).toEqual({ sent: 0, retry: 0, failed: 0 });
    } finally {
      mail.catcher.fail(null);
    }
    const [row] = await rows();
    expect(row).toMatchObject({ state: 'failed', attempts: 1 });
    expect(row.lastError).toMatch(/^SMTP 550/);
    expect(mail.catcher.messages).toHaveLength(0);
  });

  it('retries a temporary refusal (4xx) later', async () => {
    await testMail(1);
    mail.catcher.fail(451);
    const now = new Date();
    try {
      expect(await drainOutbox(app.strapi, () => now)).toEqual({ sent: 0, retry: 1, failed: 0 });
    } finally {
      mail.catcher.fail(null);
    }
    const [row] = await rows();
    expect(row.lastError).toMatch(/^SMTP 451/);
    const delay = new Date(row.nextAttemptAt).getTime() - now.getTime();
    expect(delay).toBeGreaterThanOrEqual(0.8 * 30_000);
    expect(delay).toBeLessThanOrEqual(1.2 * 30_000);
    expect(await drainOutbox(app.strapi, later)).toEqual({ sent: 1, retry: 0, failed: 0 });
  });

  it('takes again a notification left "sending" by a worker that died', async () => {
    await testMail(1);
    const [row] = await rows();
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    await app.strapi.db
      .query(NOTIFICATION)
      .update({ where: { id: row.id }, data: { state: 'sending', claimedAt: tenMinutesAgo, attempts: 1 } });
    expect(await drainOutbox(app.strapi)).toEqual({ sent: 1, retry: 0, failed: 0 });
    expect(mail.catcher.messages[0].messageId).toBe(`<notification.${row.documentId}@factory.test>`);
  });

  it('lets a supervisor retry a failed notification, through REST and the admin panel, and nobody else', async () => {
    await testMail(1);
    await testMail(2);
    mail.catcher.fail(550);
    try {
      await drainOutbox(app.strapi);
    } finally {
      mail.catcher.fail(null);
    }
    const [first, second] = await rows();
    expect(await rest(app.strapi, specialist).post(`/api/notifications/${first.documentId}/retry`)).toHaveProperty('status', 403);
    expect(await rest(app.strapi, specialist).get('/api/notifications')).toHaveProperty('status', 403);
    const listed = await rest(app.strapi, supervisor).get('/api/notifications');
    expect(listed.body.data.map((n: { state: string }) => n.state)).toEqual(['failed', 'failed']);

    const retried = await rest(app.strapi, supervisor).post(`/api/notifications/${first.documentId}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.data).toMatchObject({ state: 'pending', attempts: 0 });
    // a pending notification is not failed: retrying it is a 400 naming the state, and changes nothing
    const pendingAgain = await rest(app.strapi, supervisor).post(`/api/notifications/${first.documentId}/retry`);
    expect(pendingAgain.status).toBe(400);
    expect(pendingAgain.body.error.details.errors[0].path).toEqual(['state']);
    expect(await app.strapi.db.query(NOTIFICATION).findOne({ where: { documentId: first.documentId } })).toMatchObject({
      state: 'pending',
      attempts: 0,
    });

    const admin = await createAdminUser(app.strapi, 'cs-supervisor');
    const cm = contentManager(app.strapi, admin);
    const viaPanel = await cm.update(NOTIFICATION, second.documentId, {
      state: 'pending',
      payload: { reason: 'forged' },
      recipients: ['evil@x.test'],
    });
    expect([viaPanel.status, viaPanel.body.error]).toEqual([200, undefined]);

    expect(await drainOutbox(app.strapi)).toEqual({ sent: 2, retry: 0, failed: 0 });
    expect(mail.catcher.messages.map((m) => m.to[0]).sort()).toEqual(['rep1@factory.test', 'rep2@factory.test']);
    expect(mail.catcher.messages.some((m) => m.text.includes('forged'))).toBe(false);

    const again = await rest(app.strapi, supervisor).post(`/api/notifications/${first.documentId}/retry`);
    expect(again.status).toBe(400); // sent mail is not sent again
    const created = await rest(app.strapi, supervisor).post('/api/notifications', { data: { event: 'x' } });
    expect(created.status).toBe(405); // no create route at all: the server alone writes notifications
  });

  it('never sends a notification twice when two workers drain the outbox at once', async () => {
    for (let n = 0; n < 500; n += 1) await testMail(n);
    const env = { ...process.env };
    const second =
      app.db.client === 'postgres'
        ? new Promise<string>((resolve, reject) => {
            // A second Strapi process on the same database: the case of several instances.
            const child = spawn(process.execPath, [path.join(APP_DIR, 'scripts', 'drain-outbox.js')], { cwd: APP_DIR, env });
            let out = '';
            child.stdout.on('data', (d) => (out += d));
            child.stderr.on('data', (d) => (out += d));
            child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(out))));
          })
        : drainOutbox(app.strapi).then((r) => JSON.stringify(r));
    const [mine, theirs] = await Promise.all([drainOutbox(app.strapi), second]);
    const theirsSent = JSON.parse(theirs.trim().split('\n').pop()!).sent;
    expect(mine.sent + theirsSent).toBe(500);
    const ids = mail.catcher.messages.map((m) => m.messageId);
    expect(ids).toHaveLength(500);
    expect(new Set(ids).size).toBe(500);
    expect((await rows({ state: 'sent' })).length).toBe(500);
  });
});
