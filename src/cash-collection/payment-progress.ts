/**
 * Payment progress (货款回收进度) of an order or a contract, in one SQL query on both databases:
 * billed = its receivables that are not void; paid = the allocations to them in force; open = what
 * they still owe; overdue = what is open past its due date (today in the report time zone). An
 * order's receivables are its shipments'; a contract's are those of its orders or made under it.
 */
import type { Core } from '@strapi/strapi';
import { dateIn } from '../domain/business-date';
import { DEFAULT_CURRENCY, storedMoneyText } from '../domain/money';
import type { PaymentProgress } from '../domain/payment';
import { reportTimeZone } from '../platform/settings';
import { metaOf } from '../platform/table-meta';
import { ALLOCATION, CONTRACT, ORDER, RECEIVABLE } from '../platform/uids';
import { noSuchDocument } from '../platform/errors';

export type ProgressSubject = 'order' | 'contract';

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

export const paymentProgress = async (
  strapi: Core.Strapi,
  subject: ProgressSubject,
  documentId: string,
  now: Date = new Date()
): Promise<PaymentProgress> => {
  const knex = strapi.db.connection;
  const uid = subject === 'order' ? ORDER : CONTRACT;
  const record = await strapi.db.query(uid).findOne({ where: { documentId }, select: ['id', 'number', 'total', 'currency'] });
  if (!record) throw noSuchDocument(subject);
  const r = metaOf(strapi, RECEIVABLE);
  const a = metaOf(strapi, ALLOCATION);
  const ofOrder = r.link('order');
  const allocatedTo = a.link('receivable');
  let which: { sql: string; bindings: number[] };
  if (subject === 'order') {
    which = { sql: `SELECT ${ofOrder.owner} AS receivable_id FROM ${ofOrder.table} WHERE ${ofOrder.target} = ?`, bindings: [record.id] };
  } else {
    const ofContract = r.link('contract');
    const contractOrders = metaOf(strapi, CONTRACT).link('orders');
    which = {
      sql: `SELECT ${ofContract.owner} AS receivable_id FROM ${ofContract.table} WHERE ${ofContract.target} = ?
            UNION
            SELECT ro.${ofOrder.owner} FROM ${ofOrder.table} ro JOIN ${contractOrders.table} co ON co.${contractOrders.target} = ro.${ofOrder.target}
            WHERE co.${contractOrders.owner} = ?`,
      bindings: [record.id, record.id],
    };
  }
  const today = dateIn(reportTimeZone(strapi), now);
  const [row] = rowsOf<Record<string, unknown>>(
    await knex.raw(
      `SELECT COUNT(r.id) AS receivables,
         COALESCE(SUM(r.${r.column('amount')}), 0) AS billed,
         COALESCE(SUM(COALESCE(paid.amount, 0)), 0) AS paid,
         COALESCE(SUM(CASE WHEN r.${r.column('state')} = 'open' THEN r.${r.column('openAmount')} ELSE 0 END), 0) AS open,
         COALESCE(SUM(CASE WHEN r.${r.column('state')} = 'open' AND r.${r.column('dueDate')} < ? THEN r.${r.column('openAmount')} ELSE 0 END), 0) AS overdue
       FROM ${r.table} r
       JOIN (${which.sql}) w ON w.receivable_id = r.id
       LEFT JOIN (
         SELECT al.${allocatedTo.target} AS receivable_id, SUM(a.${a.column('amount')}) AS amount
         FROM ${a.table} a JOIN ${allocatedTo.table} al ON al.${allocatedTo.owner} = a.id
         WHERE a.${a.column('reversedOn')} IS NULL
         GROUP BY al.${allocatedTo.target}
       ) paid ON paid.receivable_id = r.id
       WHERE r.${r.column('state')} <> 'void'`,
      [today, ...which.bindings]
    )
  );
  const money = storedMoneyText;
  return {
    number: record.number,
    currency: record.currency ?? DEFAULT_CURRENCY,
    total: money(record.total),
    receivables: Number(row.receivables),
    billed: money(row.billed),
    paid: money(row.paid),
    open: money(row.open),
    overdue: money(row.overdue),
    asOf: today,
  };
};
