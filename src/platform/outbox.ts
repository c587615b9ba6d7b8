/**
 * The one call features use to send mail: `notify(strapi, { event, key, to, template, locale, data, record })`
 * writes a pending notification in the caller's database transaction (Strapi's transactions nest,
 * so inside a guard or service it joins the business change: if that rolls back, nothing is
 * queued). The idempotency key names the business step (event + record + step); queuing the same
 * step twice queues one mail. The worker (./worker.ts) sends it later — unless its one reader takes
 * mail of its kind in their daily digest (src/domain/mail-preferences.ts): then it is queued in
 * state `digest`, which the worker never claims, and src/jobs/staff-digest.ts lists it in the digest.
 */
import type { Core } from '@strapi/strapi';
import { CustomerTemplate, isKnownTemplate, isStaffTemplate, MailLocale, TemplateName } from '../domain/notification-templates';
import { newDocumentId } from '../domain/document-id';
import { goesToDigest, mailKindOf } from '../domain/mail-preferences';
import type { AdminRecord } from './public-url';
import { USER } from './uids';

export const NOTIFICATIONS_TABLE = 'notifications';

/** The state of an outbox row kept for its reader's daily digest; `digested` once a digest listed it. */
export const DIGEST_STATE = 'digest';
export const DIGESTED_STATE = 'digested';

/** Whether the one reader of a staff mail takes mail of its kind in their daily digest (by their preferences, else the defaults). */
const keptForDigest = async (strapi: Core.Strapi, template: string, email: string): Promise<boolean> => {
  if (mailKindOf(template) === null) return false;
  // In the caller's transaction (Strapi's query engine joins it).
  const user = await strapi.db.query(USER).findOne({ where: { email: email.toLowerCase(), blocked: false }, select: ['mailPreferences'] });
  return user ? goesToDigest(template, user.mailPreferences) : false;
};

/** The payload key under which the outbox keeps the mail's record; the worker renders its admin link. */
export const ADMIN_RECORD_KEY = 'adminRecord';

interface NotificationOf<T extends TemplateName> {
  event: string;
  /** Unique per business step, e.g. `customer.credit-hold:<documentId>:<when>`. */
  key: string;
  to: string | string[];
  template: T;
  locale: MailLocale;
  data: Record<string, unknown>;
}

/**
 * A notification. `record` is what the mail is about (content type and documentId): required unless
 * the template is known to be a customer's (a template chosen at run time, typed `TemplateName`,
 * needs it too), so no staff mail is queued without the link to its record. A customer mail shows
 * no admin link even when it names its record.
 */
export type Notification<T extends TemplateName = TemplateName> = NotificationOf<T> &
  ([T] extends [CustomerTemplate] ? { record?: AdminRecord } : { record: AdminRecord });

/** Queues a notification; resolves to false when the same key was queued before. */
export const notify = async <T extends TemplateName>(strapi: Core.Strapi, notification: Notification<T>): Promise<boolean> => {
  const recipients = [notification.to].flat().filter((address) => typeof address === 'string' && address.includes('@'));
  if (recipients.length === 0) throw new Error(`Notification ${notification.key} has no recipient`);
  if (!isKnownTemplate(notification.template)) throw new Error(`Unknown mail template ${notification.template}`);
  const record: AdminRecord | undefined = notification.record;
  // The type asks for it; plain JavaScript callers (scripts) are held to it here.
  if (isStaffTemplate(notification.template) && !(record && ('page' in record ? record.page : record.uid)))
    throw new Error(`Staff mail ${notification.key} names no record`);
  const about = record && ('page' in record ? { page: record.page } : { uid: record.uid, documentId: record.documentId });
  const payload = about ? { ...notification.data, [ADMIN_RECORD_KEY]: about } : notification.data;
  const now = new Date();
  return strapi.db.transaction(async ({ trx }) => {
    // A staff mail of a kind its one reader takes in the daily digest waits there (src/jobs/staff-digest.ts).
    const digest = recipients.length === 1 && (await keptForDigest(strapi, notification.template, recipients[0]));
    const inserted = await trx(NOTIFICATIONS_TABLE)
      .insert({
        document_id: newDocumentId(),
        idempotency_key: notification.key,
        event: notification.event,
        recipients: JSON.stringify(recipients),
        template: notification.template,
        language: notification.locale,
        payload: JSON.stringify(payload),
        state: digest ? DIGEST_STATE : 'pending',
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
        updated_at: now,
        published_at: now,
      })
      .onConflict('idempotency_key')
      .ignore()
      .returning('id');
    return inserted.length > 0;
  });
};

/**
 * What a mail may attach: its payload names each as `attachments: [{ kind, ref }]`, and the worker
 * renders it when it sends (src/notifications/attachments.ts), so a queued mail stays small and
 * carries the document as it is then.
 */
export const ATTACHMENT_KINDS = ['delivery-note', 'statement', 'overdue-report', 'late-orders'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export interface AttachmentRef {
  kind: AttachmentKind;
  /** What to render, e.g. a documentId or a day. */
  ref: string;
}
export const isAttachmentKind = (kind: string): kind is AttachmentKind => (ATTACHMENT_KINDS as readonly string[]).includes(kind);
