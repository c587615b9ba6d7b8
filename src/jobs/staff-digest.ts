/**
 * The daily digest (每日汇总; STAFF_DIGEST_HOUR, in the report time zone; config/cron-tasks.ts): each
 * staff member who takes some kind of mail in their digest (src/domain/mail-preferences.ts) gets
 * ONE mail, in their language, listing the mails kept for it since their last digest (outbox rows
 * in state `digest`, each by its subject and its record's link) and their overdue work items (the
 * work list, src/my-work/work-list.ts), each with its link. No mail when there is nothing.
 * Exactly once per person and day: the job runs under a lease (one instance at a time), and the
 * digest's idempotency key is the person and the business day; the rows it lists turn `digested`
 * in the same transaction as the digest is queued, so a rerun (or a second instance) queues
 * nothing and the rows kept after a digest wait for the next day's. `now` is a parameter so tests
 * move the clock.
 */
import type { Core } from '@strapi/strapi';
import { dateIn } from '../domain/business-date';
import { dateText, dateTimeText } from '../domain/display-format';
import { wantsDigest } from '../domain/mail-preferences';
import { WorkItem } from '../domain/my-work';
import { MailLocale, renderMail, TemplateOverrides } from '../domain/notification-templates';
import { isRoleCode, ROLE_CODES } from '../domain/staff-roles';
import { TYPE_NAMES } from '../content-manager/labels';
import { workList } from '../my-work/work-list';
import { Actor } from '../platform/actor';
import { ADMIN_RECORD_KEY, DIGEST_STATE, DIGESTED_STATE, notify, NOTIFICATIONS_TABLE } from '../platform/outbox';
import { AdminRecord, adminRecordUrl } from '../platform/public-url';
import { reportTimeZone } from '../platform/settings';
import { mailLanguage } from '../platform/staff-mailboxes';
import { USER } from '../platform/uids';
import { withJobLease } from './job-lease';
import { storedJson } from '../platform/stored-values';

export const STAFF_DIGEST_JOB = 'staff-digest';

/** The page a digest links to as a whole: the person's My work page in the admin panel. */
export const DIGEST_PAGE = 'my-work';

interface KeptRow {
  id: number;
  recipients: string | string[];
  template: string;
  payload: string | Record<string, unknown> | null;
}

interface StaffRow {
  id: number;
  email: string | null;
  preferredLanguage?: string | null;
  mailPreferences?: unknown;
  role?: { type?: string } | null;
}

const LATE_ORDER_WORDS = { en: 'Late order', zh: '延期订单' };

/** An overdue work item as the digest lists it: what, whose, due when, where. */
const overdueLine = (strapi: Core.Strapi, item: WorkItem, language: MailLocale, zone: string) => {
  const words = item.kind === 'late-order' ? LATE_ORDER_WORDS : TYPE_NAMES[item.uid];
  const name = words ? (language === 'en' ? words.en : words.zh) : item.subject;
  return {
    what: `${name} ${item.number ?? ''}`.trim(),
    customer: item.customer,
    // A late order is due on its promised date; an action at its deadline's hour.
    due: item.kind === 'late-order' ? dateText(item.dueAt) : dateTimeText(item.dueAt, zone),
    link: adminRecordUrl(strapi, { uid: item.uid, documentId: item.documentId } as AdminRecord),
  };
};

/** A mail kept for the digest as one line: its subject in the reader's language and its record's link. */
const keptLine = (strapi: Core.Strapi, row: KeptRow, language: MailLocale, overrides: TemplateOverrides) => {
  const payload = storedJson<Record<string, unknown>>(row.payload) ?? {};
  const about = payload[ADMIN_RECORD_KEY] as AdminRecord | undefined;
  return {
    subject: renderMail(row.template, language, payload, overrides).subject,
    link: about ? adminRecordUrl(strapi, about) : adminRecordUrl(strapi, { page: DIGEST_PAGE }),
  };
};

/** Queues each person's digest of the day; resolves to the e-mail addresses a digest was queued for. */
export const sendStaffDigests = async (strapi: Core.Strapi, now: Date): Promise<string[]> => {
  const zone = reportTimeZone(strapi);
  const day = dateIn(zone, now);
  const overrides: TemplateOverrides = strapi.config.get('server.notifications.templateOverrides', {});
  const kept: KeptRow[] = await strapi.db
    .connection(NOTIFICATIONS_TABLE)
    .where({ state: DIGEST_STATE })
    .orderBy([{ column: 'created_at' }, { column: 'id' }])
    .select('id', 'recipients', 'template', 'payload');
  const keptFor = new Map<string, KeptRow[]>();
  for (const row of kept) {
    const email = String(storedJson<string[]>(row.recipients)?.[0] ?? '').toLowerCase();
    keptFor.set(email, [...(keptFor.get(email) ?? []), row]);
  }
  const staff: StaffRow[] = await strapi.db.query(USER).findMany({
    where: { blocked: false, role: { type: { $in: [...ROLE_CODES] } } },
    select: ['id', 'email', 'preferredLanguage', 'mailPreferences'],
    populate: { role: { select: ['type'] } },
    orderBy: { id: 'asc' },
  });
  const digested: string[] = [];
  for (const person of staff) {
    if (!person.email) continue;
    const rows = keptFor.get(person.email.toLowerCase()) ?? [];
    // Someone who takes every kind at once has no digest, unless mail was kept for them before they changed it.
    if (rows.length === 0 && !wantsDigest(person.mailPreferences)) continue;
    const role = person.role?.type;
    const actor: Actor = { staffUserId: person.id, roles: isRoleCode(role) ? [role] : [], via: 'rest', superAdmin: false };
    const overdue = (await workList(strapi, actor, now)).items.filter((item) => item.overdue);
    if (rows.length === 0 && overdue.length === 0) continue;
    const language = mailLanguage(person.preferredLanguage);
    const data = {
      day,
      items: rows.map((row) => keptLine(strapi, row, language, overrides)),
      overdue: overdue.map((item) => overdueLine(strapi, item, language, zone)),
      // The blank line between the text's two parts, when both are there: Mustache drops a line of section tags alone.
      gap: rows.length > 0 && overdue.length > 0 ? '\n' : '',
    };
    const queued = await strapi.db.transaction(async ({ trx }) => {
      const fresh = await notify(strapi, {
        event: 'staff.digest',
        key: `staff.digest:${person.id}:${day}`,
        to: person.email!,
        template: 'staff.digest',
        locale: language,
        data,
        record: { page: DIGEST_PAGE },
      });
      if (!fresh) return false;
      await trx(NOTIFICATIONS_TABLE)
        .whereIn(
          'id',
          rows.map((row) => row.id)
        )
        .andWhere({ state: DIGEST_STATE })
        .update({ state: DIGESTED_STATE, sent_at: now, updated_at: now });
      return true;
    });
    if (queued) digested.push(person.email);
  }
  return digested;
};

/** One round of the daily digest; null when another instance is running it. */
export const runStaffDigest = (strapi: Core.Strapi, now = new Date()) =>
  withJobLease(strapi, STAFF_DIGEST_JOB, 30 * 60 * 1000, () => sendStaffDigests(strapi, now), now.getTime());
