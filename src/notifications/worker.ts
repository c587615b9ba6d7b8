/**
 * Sends due notifications in the background. A batch is claimed in one statement (state
 * `sending`, attempts + 1); on PostgreSQL with FOR UPDATE SKIP LOCKED, so several instances sharing
 * the database never claim the same row. Each message is sent through Strapi's email plugin
 * (nodemailer) with a Message-ID derived from the notification, so a resend after a crash between
 * sending and recording is recognisable as the same message (delivery is at-least-once). A row left
 * `sending` longer than the timeout (a crashed worker) is claimed again.
 */
import type { Core } from '@strapi/strapi';
import { afterFailure, RetryPolicy } from '../domain/notification-policy';
import { MailLocale, renderMail } from '../domain/notification-templates';
import { renderAttachments } from './attachments';
import { renderLinks } from './links';
import { ADMIN_RECORD_KEY, NOTIFICATIONS_TABLE as TABLE } from '../platform/outbox';
import { AdminRecord, adminRecordUrl } from '../platform/public-url';
import { storedJson } from '../platform/stored-values';

export interface WorkerSettings extends RetryPolicy {
  pollMs: number;
  batchSize: number;
  sendingTimeoutMs: number;
  messageIdDomain: string;
}

export const workerSettings = (strapi: Core.Strapi): WorkerSettings => strapi.config.get('server.notifications');

interface ClaimedRow {
  id: number;
  document_id: string;
  recipients: string | string[];
  template: string;
  language: MailLocale;
  payload: string | Record<string, unknown> | null;
  attempts: number;
}

export const messageIdOf = (documentId: string, domain: string) => `<notification.${documentId}@${domain}>`;

/** Claims up to `batchSize` due notifications for this worker. */
const claim = async (strapi: Core.Strapi, settings: WorkerSettings, now: Date): Promise<ClaimedRow[]> => {
  const knex = strapi.db.connection;
  const skipLocked = strapi.db.getInfo().client === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
  const stuckBefore = new Date(now.getTime() - settings.sendingTimeoutMs);
  const result = await knex.raw(
    `UPDATE ${TABLE} SET state = 'sending', claimed_at = ?, attempts = attempts + 1, updated_at = ?
     WHERE id IN (
       SELECT id FROM ${TABLE}
       WHERE (state = 'pending' AND next_attempt_at <= ?) OR (state = 'sending' AND claimed_at <= ?)
       ORDER BY next_attempt_at, id
       LIMIT ? ${skipLocked}
     )
     RETURNING id, document_id, recipients, template, language, payload, attempts`,
    [now, now, now, stuckBefore, settings.batchSize]
  );
  return Array.isArray(result) ? result : result.rows;
};

/** Records the outcome, only if this worker still holds the row. */
const record = (strapi: Core.Strapi, id: number, changes: Record<string, unknown>) =>
  strapi.db
    .connection(TABLE)
    .where({ id, state: 'sending' })
    .update({ ...changes, updated_at: new Date() });

const sendOne = async (strapi: Core.Strapi, settings: WorkerSettings, row: ClaimedRow, now: Date) => {
  const messageId = messageIdOf(row.document_id, settings.messageIdDomain);
  try {
    const stored = storedJson<Record<string, unknown>>(row.payload) ?? {};
    // Customer links are rendered now, never stored (./links.ts).
    const payload = { ...stored, ...renderLinks(strapi, stored.links) };
    // A staff mail ends with its record's admin-panel URL, made now from the server's public URL.
    const about = stored[ADMIN_RECORD_KEY] as AdminRecord | undefined;
    const adminLink = about && ('page' in about || about.uid) ? adminRecordUrl(strapi, about) : null;
    const overrides = strapi.config.get('server.notifications.templateOverrides', {});
    const mail = renderMail(row.template, row.language, payload, overrides, adminLink);
    const attachments = await renderAttachments(strapi, payload.attachments);
    await strapi
      .plugin('email')
      .service('email')
      .send({ to: storedJson<string[]>(row.recipients), messageId, ...mail, ...(attachments.length ? { attachments } : {}) });
    await record(strapi, row.id, { state: 'sent', sent_at: new Date(), message_id: messageId, last_error: null });
    return 'sent';
  } catch (error) {
    const outcome = afterFailure(error, row.attempts, settings);
    if (outcome.kind === 'retry') {
      await record(strapi, row.id, {
        state: 'pending',
        next_attempt_at: new Date(now.getTime() + outcome.delayMs),
        last_error: outcome.reason,
      });
      return 'retry';
    }
    await record(strapi, row.id, { state: 'failed', last_error: outcome.kind === 'failed' ? outcome.reason : null });
    strapi.log.warn(`Notification ${row.document_id} failed: ${outcome.kind === 'failed' ? outcome.reason : ''}`);
    return 'failed';
  }
};

export interface DrainResult {
  sent: number;
  retry: number;
  failed: number;
}

/**
 * Sends everything due at `now`, batch after batch, until nothing is due. Returns the counts.
 * Tests and the benchmark call it directly; the background loop calls it every `pollMs`.
 */
export const drainOutbox = async (strapi: Core.Strapi, now: () => Date = () => new Date()): Promise<DrainResult> => {
  const settings = workerSettings(strapi);
  const counts: DrainResult = { sent: 0, retry: 0, failed: 0 };
  for (;;) {
    const at = now();
    const batch = await claim(strapi, settings, at);
    if (batch.length === 0) return counts;
    // The batch goes out over the pooled SMTP connections at once.
    const outcomes = await Promise.all(batch.map((row) => sendOne(strapi, settings, row, at)));
    for (const outcome of outcomes) counts[outcome] += 1;
  }
};

/**
 * Makes every pending notification that waits for its next try due now, so a drain sends the
 * backlog at once (after the mail server was down, not failed ones: those need a person).
 */
export const retryWaitingNow = async (strapi: Core.Strapi, now: Date = new Date()): Promise<number> =>
  strapi.db
    .connection(TABLE)
    .where({ state: 'pending' })
    .andWhere('next_attempt_at', '>', now)
    .update({ next_attempt_at: now, updated_at: now });

/** The background loop; returns a function that stops it and waits for the current round. */
export const startOutboxWorker = (strapi: Core.Strapi): (() => Promise<void>) => {
  const { pollMs } = workerSettings(strapi);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<unknown> = Promise.resolve();
  const tick = () => {
    round = drainOutbox(strapi)
      .catch((error) => strapi.log.error(`Outbox worker: ${error instanceof Error ? error.message : error}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };
  timer = setTimeout(tick, pollMs);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await round;
  };
};
