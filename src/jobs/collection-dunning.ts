/**
 * The collection job (daily by default, COLLECTION_JOB_SCHEDULE; config/cron-tasks.ts):
 * 1. credit holds follow the items that fell overdue since yesterday (reassessAllCredit);
 * 2. dunning reminders (催款): each overdue item, at the highest level it has reached
 *    (DUNNING_LEVELS), to the customer's salesperson (and DUNNING_COPY_ROLES) and, from
 *    DUNNING_CUSTOMER_FROM_LEVEL, to the customer's contact in its language;
 * 3. the weekly overdue-payment report (滞纳货款报表) to the sales managers, from the configured
 *    weekday on, with the XLSX attached;
 * and, between 1 and 2, the month-end aging snapshots of the last 13 month ends exist
 * (src/cash-collection/aging-snapshots.ts).
 * Exactly once: the job runs under a lease (one instance at a time), and every mail is written
 * with a row of the dunning log whose unique key (item + level, report + ISO week) is inserted in
 * the same transaction as the outbox rows — a second instance or a rerun inserts nothing and sends
 * nothing. `now` is a parameter so tests move the clock.
 */
import type { Core } from '@strapi/strapi';
import { keepMonthEndSnapshots } from '../cash-collection/aging-snapshots';
import { reassessAllCredit } from '../cash-collection/credit-control';
import { overdueReport } from '../cash-collection/overdue-report';
import { openItemsQuery } from '../cash-collection/receivable-aging';
import { dateIn } from '../domain/business-date';
import { moneyText } from '../domain/display-format';
import { groupedMoney } from '../domain/money';
import { dunningLevel, dunningLevels, isoWeek, isoWeekday } from '../domain/dunning';
import { isRoleCode, RoleCode } from '../domain/staff-roles';
import { AttachmentRef, notify } from '../platform/outbox';
import { reportTimeZone } from '../platform/settings';
import { customerMailbox } from '../workflow-engine/customer-mailbox';
import { mailLanguage, staffMailboxes } from '../platform/staff-mailboxes';
import { Mailbox } from '../workflow-engine/workflow-service';
import { TemplateName } from '../domain/notification-templates';
import { withJobLease } from './job-lease';
import { RECEIVABLE } from '../platform/uids';

export const DUNNING_LOG_TABLE = 'dunning_log';

export interface DunningSettings {
  levels: number[];
  customerFromLevel: number;
  copyRoles: RoleCode[];
  reportRoles: RoleCode[];
  reportWeekday: number;
}

const roles = (raw: unknown, name: string): RoleCode[] =>
  // An empty variable (DUNNING_COPY_ROLES=) reads as [''].
  ((raw ?? []) as string[])
    .map((role) => String(role).trim())
    .filter(Boolean)
    .map((role) => {
      if (!isRoleCode(role)) throw new Error(`${name}: unknown role ${role}`);
      return role;
    });

export const dunningSettings = (strapi: Core.Strapi): DunningSettings => {
  const raw = strapi.config.get('server.collection.dunning', {}) as Record<string, unknown>;
  const reportWeekday = Number(raw.reportWeekday ?? 1);
  if (!Number.isInteger(reportWeekday) || reportWeekday < 1 || reportWeekday > 7)
    throw new Error('OVERDUE_REPORT_WEEKDAY must be 1 (Monday) … 7 (Sunday)');
  return {
    levels: dunningLevels(raw.levels as string[] | undefined),
    customerFromLevel: Number(raw.customerFromLevel ?? 2),
    copyRoles: roles(raw.copyRoles, 'DUNNING_COPY_ROLES'),
    reportRoles: roles(raw.reportRoles ?? ['sales-manager'], 'OVERDUE_REPORT_ROLES'),
    reportWeekday,
  };
};

/** Runs `send` once per key, ever: the log row and the mails it queues commit together or not at all. */
const once = async (strapi: Core.Strapi, key: string, now: Date, send: () => Promise<void>): Promise<boolean> =>
  await strapi.db.transaction(async ({ trx }) => {
    const inserted = await trx(DUNNING_LOG_TABLE).insert({ key, sent_at: now.getTime() }).onConflict('key').ignore().returning('key');
    if (inserted.length === 0) return false;
    await send();
    return true;
  });

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

/** Reminders for every item past the first level; resolves to how many items were reminded. */
export const sendDunningReminders = async (strapi: Core.Strapi, now: Date, settings = dunningSettings(strapi)): Promise<number> => {
  const asOf = dateIn(reportTimeZone(strapi), now);
  const items = openItemsQuery(strapi, { asOf });
  const overdue = rowsOf<{ receivable_id: number; days_past_due: number | string; open_amount: unknown }>(
    await strapi.db.connection.raw(
      `SELECT o.receivable_id, o.days_past_due, o.open_amount FROM (${items.sql}) o WHERE o.days_past_due >= ? ORDER BY o.receivable_id`,
      [...items.bindings, settings.levels[0]]
    )
  );
  const copies = await staffMailboxes(strapi, settings.copyRoles);
  let reminded = 0;
  for (const item of overdue) {
    const days = Number(item.days_past_due);
    const level = dunningLevel(days, settings.levels);
    const sent = await once(strapi, `reminder:${item.receivable_id}:L${level}`, now, async () => {
      const receivable = await strapi.db.query(RECEIVABLE).findOne({
        where: { id: item.receivable_id },
        populate: {
          order: { select: ['number'] },
          shipment: { select: ['number'] },
          customer: { populate: { contacts: true, salesperson: { select: ['email', 'displayName', 'username', 'preferredLanguage'] } } },
        },
      });
      const customer = receivable.customer;
      const data = {
        level,
        levels: settings.levels.length,
        daysPastDue: days,
        receivable: {
          order: receivable.order?.number ?? '',
          shipment: receivable.shipment?.number ?? '',
          invoiceDate: receivable.invoiceDate,
          dueDate: receivable.dueDate,
          amount: groupedMoney(String(receivable.amount)),
          openAmount: groupedMoney(String(item.open_amount)),
          currency: receivable.currency,
          amountText: moneyText(String(receivable.amount), receivable.currency),
          openAmountText: moneyText(String(item.open_amount), receivable.currency),
        },
        customer: { code: customer?.code, name: customer?.name },
        salesperson: { name: customer?.salesperson ? customer.salesperson.displayName || customer.salesperson.username : '' },
      };
      const staff: Mailbox[] = [
        ...(customer?.salesperson?.email
          ? [{ email: customer.salesperson.email, language: mailLanguage(customer.salesperson.preferredLanguage) }]
          : []),
        ...copies,
      ];
      const mails = [...new Map(staff.map((mailbox) => [mailbox.email, mailbox])).values()].map(
        (mailbox): { mailbox: Mailbox; template: TemplateName } => ({ mailbox, template: 'collection.dunning-reminder' })
      );
      const contact = level >= settings.customerFromLevel ? customerMailbox(customer) : null;
      if (contact) mails.push({ mailbox: contact, template: 'collection.dunning-customer' });
      for (const { mailbox, template } of mails) {
        await notify(strapi, {
          event: template,
          key: `${template}:${receivable.documentId}:L${level}:${mailbox.email}`,
          to: mailbox.email,
          template,
          locale: mailbox.language,
          data,
          record: { uid: RECEIVABLE, documentId: receivable.documentId },
        });
      }
    });
    if (sent) reminded += 1;
  }
  return reminded;
};

/** The weekly report, once per ISO week from the configured weekday on; resolves to whether it was sent now. */
export const sendOverdueReport = async (strapi: Core.Strapi, now: Date, settings = dunningSettings(strapi)): Promise<boolean> => {
  const asOf = dateIn(reportTimeZone(strapi), now);
  if (isoWeekday(asOf) < settings.reportWeekday) return false;
  const week = isoWeek(asOf);
  const key = `overdue-report:${week}`;
  if (await strapi.db.connection(DUNNING_LOG_TABLE).where({ key }).first()) return false;
  // Read before the sending transaction: the report's SQL runs on the pool, not in that transaction.
  const report = await overdueReport(strapi, asOf);
  return once(strapi, key, now, async () => {
    const labels = new Map(report.buckets.map((bucket) => [bucket.key, bucket.label]));
    const data = {
      asOf,
      week,
      customers: report.rows.length,
      totals: report.totals.map((total) => ({
        currency: total.currency,
        overdue: groupedMoney(total.overdue),
        overdueText: moneyText(total.overdue, total.currency),
        customers: total.customers,
        buckets: Object.entries(total.amounts).map(([key, amount]) => ({
          en: labels.get(key)!.en,
          zh: labels.get(key)!.zh,
          amount: groupedMoney(amount),
          amountText: moneyText(amount, total.currency),
        })),
      })),
      top: report.rows.slice(0, 10).map((row) => ({
        customer: row.customer.label,
        salesperson: row.salesperson,
        overdue: groupedMoney(row.overdue),
        currency: row.currency,
        overdueText: moneyText(row.overdue, row.currency),
      })),
      nothingOverdue: report.rows.length === 0,
      // Rendered by the outbox worker when it sends (src/notifications/attachments.ts).
      attachments: [{ kind: 'overdue-report', ref: asOf }] satisfies AttachmentRef[],
    };
    for (const mailbox of await staffMailboxes(strapi, settings.reportRoles)) {
      await notify(strapi, {
        event: 'collection.overdue-report',
        key: `collection.overdue-report:${week}:${mailbox.email}`,
        to: mailbox.email,
        template: 'collection.overdue-report',
        locale: mailbox.language,
        data,
        // About all overdue receivables: the link opens their list.
        record: { uid: RECEIVABLE, documentId: null },
      });
    }
  });
};

/** One round of the collection job; null when another instance is running it. */
export const runCollectionJob = (strapi: Core.Strapi, now = new Date()) =>
  withJobLease(
    strapi,
    'collection',
    30 * 60 * 1000,
    async () => {
      const settings = dunningSettings(strapi);
      const credit = await reassessAllCredit(strapi, now);
      await keepMonthEndSnapshots(strapi, now);
      return {
        credit,
        reminders: await sendDunningReminders(strapi, now, settings),
        report: await sendOverdueReport(strapi, now, settings),
      };
    },
    now.getTime()
  );
