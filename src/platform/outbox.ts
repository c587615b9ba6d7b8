/**
 * The one call features use to send mail: `notify(strapi, { event, key, to, template, locale, data })`
 * writes a pending notification in the caller's database transaction (Strapi's transactions nest,
 * so inside a guard or service it joins the business change: if that rolls back, nothing is
 * queued). The idempotency key names the business step (event + record + step); queuing the same
 * step twice queues one mail. The worker (./worker.ts) sends it later.
 */
import type { Core } from '@strapi/strapi';
import { isKnownTemplate, MailLocale, TemplateName } from '../domain/notification-templates';
import { newDocumentId } from '../domain/document-id';

export const NOTIFICATIONS_TABLE = 'notifications';

export interface Notification {
  event: string;
  /** Unique per business step, e.g. `customer.credit-hold:<documentId>:<when>`. */
  key: string;
  to: string | string[];
  template: TemplateName;
  locale: MailLocale;
  data: Record<string, unknown>;
}

/** Queues a notification; resolves to false when the same key was queued before. */
export const notify = async (strapi: Core.Strapi, notification: Notification): Promise<boolean> => {
  const recipients = [notification.to].flat().filter((address) => typeof address === 'string' && address.includes('@'));
  if (recipients.length === 0) throw new Error(`Notification ${notification.key} has no recipient`);
  if (!isKnownTemplate(notification.template)) throw new Error(`Unknown mail template ${notification.template}`);
  const now = new Date();
  return strapi.db.transaction(async ({ trx }) => {
    const inserted = await trx(NOTIFICATIONS_TABLE)
      .insert({
        document_id: newDocumentId(),
        idempotency_key: notification.key,
        event: notification.event,
        recipients: JSON.stringify(recipients),
        template: notification.template,
        language: notification.locale,
        payload: JSON.stringify(notification.data),
        state: 'pending',
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
export const ATTACHMENT_KINDS = ['delivery-note', 'statement', 'overdue-report'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export interface AttachmentRef {
  kind: AttachmentKind;
  /** What to render, e.g. a documentId or a day. */
  ref: string;
}
export const isAttachmentKind = (kind: string): kind is AttachmentKind => (ATTACHMENT_KINDS as readonly string[]).includes(kind);
