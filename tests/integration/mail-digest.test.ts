/**
 * Staff mail preferences and the daily digest (每日汇总) against the real SMTP catcher: a person
 * sets their own choice per kind of mail (refusals in English and Chinese; nobody reads or writes
 * another's); a routine mail of a kind taken in the digest is not sent alone but listed, with its
 * link, in exactly one digest mail with the person's overdue work, while a kind taken immediately
 * (or a blocking one by default) still goes out at once; the job run twice, by two instances at the
 * same moment, or past its lease, sends one digest per person and day.
 */
import path from 'path';
import request from 'supertest';
import { CaughtMail, useMailCatcher } from '../helpers/mail';
import { chooseMail, rest, StaffMember, useStaff } from '../helpers/staff';
import { contentManager, createAdminUser } from '../helpers/admin';
import { useStrapi } from '../helpers/strapi';
import { startSecondInstance, SecondInstance } from '../helpers/second-instance';
import { actOn, ok } from '../helpers/workflow';
import { addDays, dateIn } from '../../src/domain/business-date';
import { DEFAULT_MAIL_PREFERENCES } from '../../src/domain/mail-preferences';
import { runStaffDigest, sendStaffDigests } from '../../src/jobs/staff-digest';
import { drainOutbox } from '../../src/notifications/worker';
import { NOTIFICATION, TASK, USER } from '../../src/platform/uids';

const JOB = path.join('src', 'jobs', 'staff-digest.js');
const PUBLIC_URL = 'http://cs.factory.test:8080';
const ZH = { 'Accept-Language': 'zh-CN,zh;q=0.9' };
const EN = { 'Accept-Language': 'en-US,en;q=0.9' };
const today = () => dateIn('Asia/Shanghai');
/** 09:00 in the report time zone (Shanghai, no daylight saving), `days` after today: a digest's morning whatever the hour the test runs. */
const morning = (days: number) => new Date(`${addDays(today(), days)}T09:00:00+08:00`);
const taskPage = (documentId: string) => `${PUBLIC_URL}/admin/content-manager/collection-types/${TASK}/${documentId}`;

describe('mail preferences and the daily digest', () => {
  const mail = useMailCatcher();
  beforeAll(() => {
    process.env.PUBLIC_URL = PUBLIC_URL; // before Strapi boots: the links follow it
  });
  const app = useStrapi();
  const staff = useStaff(app, {
    supervisor: ['cs-supervisor', { displayName: '王主管' }],
    coordinator: ['order-coordinator', { displayName: '陈跟单' }],
    englishCoordinator: ['order-coordinator', { displayName: 'Coordinator Lee', preferredLanguage: 'en' }],
    specialist: ['cs-specialist', { displayName: '李专员' }],
  });

  const newMail = async (): Promise<CaughtMail[]> => {
    await drainOutbox(app.strapi);
    const caught = [...mail.catcher.messages];
    mail.catcher.messages.length = 0;
    return caught;
  };
  const preferences = (member: StaffMember, headers: Record<string, string> = EN) =>
    rest(app.strapi, member).get('/api/my-work/mail-preferences').set(headers);
  const setPreferences = (member: StaffMember, body: unknown, headers: Record<string, string> = EN) =>
    rest(app.strapi, member)
      .put('/api/my-work/mail-preferences', body as object)
      .set(headers);
  const stored = async (member: StaffMember) =>
    (await app.strapi.db.query(USER).findOne({ where: { id: member.id }, select: ['mailPreferences'] })).mailPreferences;
  const assign = async (assignee: StaffMember, title: string, dueDate = addDays(today(), 3)) =>
    (
      await ok(
        rest(app.strapi, staff.supervisor).post('/api/tasks', {
          data: { title, details: '跟进', dueDate, priority: 'normal', assignee: assignee.id },
        })
      )
    ).data.documentId as string;
  const cancel = (documentId: string) => ok(actOn(app.strapi, staff.supervisor, TASK, documentId, 'cancel', { comment: '不用做了' }));
  const line = (m: CaughtMail) => `${m.to.join(',')} | ${m.subject}`;

  describe('preferences', () => {
    it('are the defaults until the person chooses, and each choice is theirs alone', async () => {
      const first = await preferences(staff.coordinator);
      expect(first.status).toBe(200);
      expect(first.body.data).toEqual({ preferences: DEFAULT_MAIL_PREFERENCES, defaults: DEFAULT_MAIL_PREFERENCES });
      // Blocking mail comes at once, mail that only informs waits for the digest.
      expect(DEFAULT_MAIL_PREFERENCES).toEqual({
        action: 'immediately',
        information: 'digest',
        deadline: 'immediately',
        'customer-reply': 'immediately',
      });

      const set = await setPreferences(staff.specialist, { data: { preferences: { information: 'immediately', deadline: 'digest' } } });
      expect(set.status).toBe(200);
      expect(set.body.data.preferences).toEqual({ ...DEFAULT_MAIL_PREFERENCES, information: 'immediately', deadline: 'digest' });
      // A later change keeps what it leaves out.
      await setPreferences(staff.specialist, { data: { preferences: { deadline: 'immediately' } } });
      expect((await preferences(staff.specialist)).body.data.preferences).toEqual({
        ...DEFAULT_MAIL_PREFERENCES,
        information: 'immediately',
      });
      // Nobody else's changed.
      expect(await stored(staff.coordinator)).toBeNull();
    });

    it('refuse an unknown kind or delivery, in English and Chinese, and change nothing', async () => {
      await chooseMail(app.strapi, staff.supervisor, { action: 'digest' });
      const before = await stored(staff.supervisor);
      const body = { data: { preferences: { action: 'immediately', marketing: 'digest' } } };
      const en = await setPreferences(staff.supervisor, body, EN);
      const zh = await setPreferences(staff.supervisor, body, ZH);
      for (const answer of [en, zh]) {
        expect(answer.status).toBe(400);
        expect(answer.body.error.details.code).toBe('mail_preferences.unknown_kind');
        expect(answer.body.error.details.errors).toEqual([
          expect.objectContaining({ path: ['preferences', 'marketing'], code: 'mail_preferences.unknown_kind' }),
        ]);
      }
      expect(en.body.error.message).toBe(
        'preferences.marketing: there is no kind of mail "marketing"; the kinds are action, information, deadline, customer-reply'
      );
      expect(zh.body.error.message).toContain('没有“marketing”这种邮件类别');
      const badDelivery = await setPreferences(staff.supervisor, { data: { preferences: { action: 'weekly' } } }, ZH);
      expect(badDelivery.status).toBe(400);
      expect(badDelivery.body.error.details.code).toBe('mail_preferences.unknown_delivery');
      expect(badDelivery.body.error.message).toContain('“action”类邮件只能选择');
      // Naming whose preferences these are is not a field: they are always the caller's.
      const naming = await setPreferences(staff.supervisor, {
        data: { user: staff.coordinator.id, preferences: { information: 'immediately' } },
      });
      expect(naming.status).toBe(400);
      expect(await stored(staff.supervisor)).toEqual(before);
      expect(await stored(staff.coordinator)).toBeNull();
      // Anonymous callers have none.
      expect((await rest(app.strapi).get('/api/my-work/mail-preferences')).status).toBe(401);
    });

    it('cannot be read or written by anyone else: not through the users API, not by a supervisor or super admin in the content manager', async () => {
      await chooseMail(app.strapi, staff.coordinator, { deadline: 'digest' });
      const before = await stored(staff.coordinator);
      // The staff directory is readable, the preferences in it are not.
      const read = await rest(app.strapi, staff.supervisor).get(`/api/users/${staff.coordinator.id}`);
      expect(read.status).toBe(200);
      expect(read.body).not.toHaveProperty('mailPreferences');
      const list = await rest(app.strapi, staff.supervisor).get('/api/users');
      expect(list.body.every((user: Record<string, unknown>) => !('mailPreferences' in user))).toBe(true);
      expect(
        (
          await rest(app.strapi, staff.supervisor).put(`/api/users/${staff.coordinator.id}`, {
            mailPreferences: { deadline: 'immediately' },
          })
        ).status
      ).toBe(403);

      const admin = await createAdminUser(app.strapi, 'strapi-super-admin');
      const userDoc = await app.strapi.db.query(USER).findOne({ where: { id: staff.coordinator.id }, select: ['documentId'] });
      const shown = await contentManager(app.strapi, admin).findOne(USER, userDoc.documentId);
      expect(shown.status).toBe(200);
      expect(shown.body.data).not.toHaveProperty('mailPreferences');
      for (const [headers, text] of [
        [EN, "mail preferences are each person's own: they set them under My work, nobody else does"],
        [ZH, '邮件偏好只能由本人在“我的待办”中设置，他人不能代为更改'],
      ] as const) {
        const write = await contentManager(app.strapi, admin)
          .update(USER, userDoc.documentId, { mailPreferences: { deadline: 'immediately', action: 'digest' } })
          .set(headers);
        expect(write.status).toBe(403);
        expect(write.body.error.details.code).toBe('mail_preferences.own_only');
        expect(write.body.error.message).toBe(text);
      }
      expect(await stored(staff.coordinator)).toEqual(before);
      await chooseMail(app.strapi, staff.coordinator, { deadline: 'immediately' });
    });
    it('are the same in the admin panel, for the staff member the admin user is; a login without one has none', async () => {
      const admin = await createAdminUser(app.strapi, 'order-coordinator', staff.englishCoordinator.email);
      const panel = request(app.strapi.server.httpServer);
      const auth = (req: request.Test, who = admin) => req.set('Authorization', `Bearer ${who.token}`);
      const set = await auth(panel.put('/workflows/my-work/mail-preferences')).send({ data: { preferences: { action: 'digest' } } });
      expect(set.status).toBe(200);
      expect(set.body.data.preferences).toEqual({ ...DEFAULT_MAIL_PREFERENCES, action: 'digest' });
      expect(await stored(staff.englishCoordinator)).toEqual({ ...DEFAULT_MAIL_PREFERENCES, action: 'digest' });
      const refused = await auth(panel.put('/workflows/my-work/mail-preferences'))
        .set(ZH)
        .send({ data: { preferences: { reports: 'digest' } } });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toContain('没有“reports”这种邮件类别');
      await auth(panel.put('/workflows/my-work/mail-preferences')).send({ data: { preferences: { action: 'immediately' } } });

      const superAdmin = await createAdminUser(app.strapi, 'strapi-super-admin');
      const none = await auth(panel.get('/workflows/my-work/mail-preferences'), superAdmin).set(EN);
      expect(none.status).toBe(403);
      expect(none.body.error.details.code).toBe('mail_preferences.no_account');
    });
  });

  describe('the digest', () => {
    let second: SecondInstance;
    beforeAll(async () => {
      second = await startSecondInstance();
      await newMail();
    }, 120_000);
    afterAll(async () => {
      await second?.stop();
    });

    it('keeps a routine mail for the digest, sends a blocking one and an "immediately" one at once, then one digest with the items and overdue work, linked', async () => {
      const overdueTask = await assign(staff.coordinator, '催交包材图稿', today());
      const routine = await assign(staff.coordinator, '核对出货单');
      const english = await assign(staff.englishCoordinator, 'Check the packing list');
      const specialists = await assign(staff.specialist, '回访客户');
      // Assignments wait for the assignee's action: at once, by default.
      expect((await newMail()).map(line).sort()).toEqual(
        [
          `${staff.coordinator.email} | 工作安排：催交包材图稿（${today()} 前）`,
          `${staff.coordinator.email} | 工作安排：核对出货单（${addDays(today(), 3)} 前）`,
          `${staff.englishCoordinator.email} | Task: Check the packing list (due ${addDays(today(), 3)})`,
          `${staff.specialist.email} | 工作安排：回访客户（${addDays(today(), 3)} 前）`,
        ].sort()
      );

      // Cancellations only inform: kept for the digest of those with the default, sent to the specialist who takes them at once.
      for (const documentId of [routine, english, specialists]) await cancel(documentId);
      expect((await newMail()).map(line)).toEqual([`${staff.specialist.email} | 工作已撤销：回访客户`]);
      const kept = await app.strapi.db.query(NOTIFICATION).findMany({ where: { state: 'digest' }, select: ['template', 'recipients'] });
      expect(kept.map((row) => `${row.template} ${row.recipients}`).sort()).toEqual(
        [`task.cancelled ${staff.coordinator.email}`, `task.cancelled ${staff.englishCoordinator.email}`].sort()
      );

      // The morning after the overdue task's day: one digest each, in the reader's language.
      const at = morning(1);
      expect((await runStaffDigest(app.strapi, at))?.sort()).toEqual([staff.coordinator.email, staff.englishCoordinator.email].sort());
      const digests = await newMail();
      const day = dateIn('Asia/Shanghai', at);
      expect(digests.map(line).sort()).toEqual(
        [
          `${staff.coordinator.email} | 每日汇总 ${day}：新消息 1 条，逾期待办 1 项`,
          `${staff.englishCoordinator.email} | Daily digest ${day}: 1 new, 0 overdue`,
        ].sort()
      );
      const zh = digests.find((m) => m.to.includes(staff.coordinator.email))!;
      expect(zh.text).toBe(
        '自上次汇总以来的新消息：\n' +
          `- 工作已撤销：核对出货单\n  ${taskPage(routine)}\n` +
          '\n已逾期的待办：\n' +
          `- 工作安排 催交包材图稿，期限 ${today()} 23:59\n  ${taskPage(overdueTask)}\n` +
          `\n在管理后台打开：${PUBLIC_URL}/admin/my-work`
      );
      expect(zh.html).toContain(`<li><a href="${taskPage(routine)}">工作已撤销：核对出货单</a></li>`);
      expect(zh.html).toContain(
        `<li><a href="${taskPage(overdueTask)}">工作安排 催交包材图稿</a>，期限 <strong>${today()} 23:59</strong></li>`
      );
      const en = digests.find((m) => m.to.includes(staff.englishCoordinator.email))!;
      expect(en.text).toBe(
        `New since the last digest:\n- Task cancelled: Check the packing list\n  ${taskPage(english)}\n\nOpen in the admin panel: ${PUBLIC_URL}/admin/my-work`
      );
      expect(await app.strapi.db.query(NOTIFICATION).count({ where: { state: 'digest' } })).toBe(0);
      expect(await app.strapi.db.query(NOTIFICATION).count({ where: { state: 'digested', template: 'task.cancelled' } })).toBe(2);

      // Run again the same day: nothing more, even with a new item, which waits for the next day's digest.
      expect(await runStaffDigest(app.strapi, new Date(at.getTime() + 3_600_000))).toEqual([]);
      const later = await assign(staff.coordinator, '更新交期表');
      await cancel(later);
      await newMail();
      expect(await runStaffDigest(app.strapi, new Date(at.getTime() + 2 * 3_600_000))).toEqual([]);
      expect(await newMail()).toEqual([]);
      expect(await app.strapi.db.query(NOTIFICATION).count({ where: { state: 'digest' } })).toBe(1);
    });

    it('sends one digest per person and day when two instances run the job at the same moment, or pass the lease', async () => {
      const next = morning(2);
      const ran = await Promise.all([runStaffDigest(app.strapi, next), second.run<string[] | null>(JOB, 'runStaffDigest', next)]);
      expect(ran.filter(Boolean).flat()).toEqual([staff.coordinator.email]);
      const digests = await newMail();
      expect(digests.map(line)).toEqual([
        `${staff.coordinator.email} | 每日汇总 ${dateIn('Asia/Shanghai', next)}：新消息 1 条，逾期待办 1 项`,
      ]);
      expect(digests[0].text).toContain('- 工作已撤销：更新交期表');

      // Straight to the sending, without the lease: the key per person and day decides.
      const after = morning(3);
      const sent = await Promise.all([
        sendStaffDigests(app.strapi, after),
        second.run<string[]>(JOB, 'sendStaffDigests', after),
        sendStaffDigests(app.strapi, after),
      ]);
      expect(sent.flat()).toEqual([staff.coordinator.email]);
      expect((await newMail()).map(line)).toEqual([
        `${staff.coordinator.email} | 每日汇总 ${dateIn('Asia/Shanghai', after)}：新消息 0 条，逾期待办 1 项`,
      ]);
    });

    it('sends no digest when there is nothing, and none to a person who takes every kind at once', async () => {
      await chooseMail(app.strapi, staff.coordinator, { information: 'immediately' });
      const overdue = await app.strapi.db
        .query(TASK)
        .findMany({ where: { assignee: { id: staff.coordinator.id }, state: 'assigned' }, select: ['documentId'] });
      for (const { documentId } of overdue) await cancel(documentId);
      expect((await newMail()).map(line)).toEqual(overdue.map(() => expect.stringContaining('工作已撤销')));
      // The coordinator has no more overdue work and takes everything at once; the English coordinator has nothing new.
      expect(await runStaffDigest(app.strapi, morning(4))).toEqual([]);
      expect(await newMail()).toEqual([]);
    });
  });
});
