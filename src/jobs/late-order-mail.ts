/**
 * The daily late-order mail (进度交期跟踪; once a day by default, LATE_ORDER_MAIL_SCHEDULE;
 * config/cron-tasks.ts): each order coordinator and CS supervisor gets, in their language, the
 * late-order risks new since the last mail — an order with a reason (and, for a passed promise,
 * the promise it passed: a new promise missed again is a new risk) — with the whole current list
 * (src/my-work/late-orders.ts) attached as XLSX. No mail when nothing is new.
 * Exactly once: the job runs under a lease (one instance at a time), and the risks mailed are rows
 * of `late_order_mail_log` (database/versions/0009), inserted in the same transaction as the outbox
 * rows: the risks a run inserts are the ones it mails, so a rerun or a second instance finds none
 * new and sends nothing. `now` is a parameter so tests move the clock.
 */
import type { Core } from '@strapi/strapi';
import { dateIn } from '../domain/business-date';
import { LATE_ORDER_WATCHERS, LATE_REASON_LABELS } from '../domain/my-work';
import { LateOrder, lateOrderList, STATE_WORDS } from '../my-work/late-orders';
import { AttachmentRef, notify } from '../platform/outbox';
import { reportTimeZone } from '../platform/settings';
import { staffMailboxes } from '../platform/staff-mailboxes';
import { ORDER } from '../platform/uids';
import { withJobLease } from './job-lease';

export const LATE_ORDER_MAIL_LOG_TABLE = 'late_order_mail_log';

/** The risks of a late order: one key per reason (a passed promise with its date). */
export const riskKeys = (order: LateOrder): string[] =>
  order.reasons.map((reason) =>
    reason === 'past_promised_date' ? `${order.documentId}:${reason}:${order.promisedDate}` : `${order.documentId}:${reason}`
  );

const orZero = (value: string | null) => value ?? '—';

/** Mails the new risks; resolves to the orders mailed (none: no mail). */
export const sendLateOrderMail = async (strapi: Core.Strapi, now: Date): Promise<string[]> => {
  const asOf = dateIn(reportTimeZone(strapi), now);
  // Read before the sending transaction: the list's SQL runs on the pool, not in that transaction.
  const list = await lateOrderList(strapi, asOf);
  const keys = list.orders.flatMap(riskKeys);
  if (keys.length === 0) return [];
  const known = new Set(
    (await strapi.db.connection(LATE_ORDER_MAIL_LOG_TABLE).whereIn('key', keys).select('key')).map((row: { key: string }) => row.key)
  );
  if (keys.every((key) => known.has(key))) return [];
  const mailboxes = await staffMailboxes(strapi, [...LATE_ORDER_WATCHERS]);
  return strapi.db.transaction(async ({ trx }) => {
    const inserted = new Set<string>();
    for (const key of keys.filter((k) => !known.has(k))) {
      const rows = await trx(LATE_ORDER_MAIL_LOG_TABLE).insert({ key, sent_at: now.getTime() }).onConflict('key').ignore().returning('key');
      if (rows.length > 0) inserted.add(key);
    }
    const fresh = list.orders.filter((order) => riskKeys(order).some((key) => inserted.has(key)));
    if (fresh.length === 0) return [];
    const data = {
      asOf,
      count: fresh.length,
      total: list.orders.length,
      orders: fresh.map((order) => ({
        number: order.number ?? order.documentId,
        customer: order.customer ?? '',
        stateZh: STATE_WORDS[order.state]?.zh ?? order.state,
        stateEn: STATE_WORDS[order.state]?.en ?? order.state,
        promisedDate: orZero(order.promisedDate),
        plannedFinish: orZero(order.plannedFinish),
        requiredDate: orZero(order.requiredDate),
        openQuantity: order.openQuantity,
        reasonsZh: order.reasons.map((reason) => LATE_REASON_LABELS[reason].zh).join('；'),
        reasonsEn: order.reasons.map((reason) => LATE_REASON_LABELS[reason].en).join('; '),
      })),
      // Rendered by the outbox worker when it sends (src/notifications/attachments.ts).
      attachments: [{ kind: 'late-orders', ref: asOf }] satisfies AttachmentRef[],
    };
    for (const mailbox of mailboxes) {
      await notify(strapi, {
        event: 'order.late-digest',
        key: `order.late-digest:${now.getTime()}:${mailbox.email}`,
        to: mailbox.email,
        template: 'order.late-digest',
        locale: mailbox.language,
        data,
        // About all late orders: the link opens the order list.
        record: { uid: ORDER, documentId: null },
      });
    }
    return fresh.map((order) => order.documentId);
  });
};

/** One round of the late-order mail; null when another instance is running it. */
export const runLateOrderMail = (strapi: Core.Strapi, now = new Date()) =>
  withJobLease(strapi, 'late-order-mail', 10 * 60 * 1000, () => sendLateOrderMail(strapi, now), now.getTime());
