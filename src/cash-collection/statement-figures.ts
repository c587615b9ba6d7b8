/**
 * The figures of a customer statement (对账单), every one in SQL on PostgreSQL and SQLite alike:
 * the balance on a day, the unallocated money, the entries of a period and the open items.
 *
 * The balance on a day D (docs/collection.md): receivables invoiced on or before D and not voided
 * by D, less payments received on or before D and not reversed by D. A payment's reversal day is
 * its reversedAt in the report time zone.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { bucketOf } from '../domain/aging';
import { addDays, dateIn } from '../domain/business-date';
import { storedMoneyText } from '../domain/money';
import {
  agingOfItems,
  OpenItem,
  periodTotals,
  reconciliationProblems,
  StatementEntry,
  StatementEntryKind,
  statementLines,
} from '../domain/statement';
import { startOfDay } from '../domain/zone-offsets';
import { rowsOf } from '../platform/roll-up-writes';
import { metaOf } from '../platform/table-meta';
import { configuredBuckets, openItemsQuery } from './receivable-aging';
import { ALLOCATION, PAYMENT, RECEIVABLE, SHIPMENT } from '../platform/uids';

type Binding = string | number | Date;
const query = async <T>(strapi: Core.Strapi, sql: string, bindings: Binding[]) =>
  rowsOf<T>(await strapi.db.connection.raw(sql, bindings as never));
/** A money column as read: SQLite sums money as REAL, and two places are what the columns hold, so round the float noise away. */
export const readMoney = storedMoneyText;
/** A date column as read: node-postgres may hand back a Date at local midnight; SQLite gives the text. */
export const readDay = (value: unknown): string => {
  if (value instanceof Date)
    return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
  return String(value).slice(0, 10);
};

/** Whose statement, in which currency, and the report zone its days are in. */
export interface Scope {
  customerId: number;
  currency: string;
  timeZone: string;
}

const tables = (strapi: Core.Strapi) => {
  const r = metaOf(strapi, RECEIVABLE);
  const p = metaOf(strapi, PAYMENT);
  const a = metaOf(strapi, ALLOCATION);
  return {
    r,
    p,
    a,
    s: metaOf(strapi, SHIPMENT),
    rc: r.link('customer'),
    rs: r.link('shipment'),
    pc: p.link('customer'),
    ap: a.link('payment'),
  };
};

/** The first instant after the day D in the report zone: a payment reversed before it was reversed by D. */
const endOf = (scope: Scope, date: string) => startOfDay(scope.timeZone, addDays(date, 1));

/** What the customer owed at the end of `date`. */
export const balanceAt = async (strapi: Core.Strapi, scope: Scope, date: string): Promise<string> => {
  const { r, p, rc, pc } = tables(strapi);
  const [row] = await query<{ invoiced: unknown; paid: unknown }>(
    strapi,
    `SELECT
       (SELECT COALESCE(SUM(r.${r.column('amount')}), 0) FROM ${r.table} r JOIN ${rc.table} rc ON rc.${rc.owner} = r.id
         WHERE rc.${rc.target} = ? AND r.${r.column('currency')} = ? AND r.${r.column('invoiceDate')} <= ?
           AND (r.${r.column('voidedOn')} IS NULL OR r.${r.column('voidedOn')} > ?)) AS invoiced,
       (SELECT COALESCE(SUM(p.${p.column('amount')}), 0) FROM ${p.table} p JOIN ${pc.table} pc ON pc.${pc.owner} = p.id
         WHERE pc.${pc.target} = ? AND p.${p.column('currency')} = ? AND p.${p.column('receivedOn')} <= ?
           AND (p.${p.column('reversedAt')} IS NULL OR p.${p.column('reversedAt')} >= ?)) AS paid`,
    [scope.customerId, scope.currency, date, date, scope.customerId, scope.currency, date, endOf(scope, date)]
  );
  return readMoney(new Decimal(String(row.invoiced)).minus(String(row.paid)));
};

/** Money received by `date`, not reversed by then, and not allocated to any receivable by then. */
export const unallocatedAt = async (strapi: Core.Strapi, scope: Scope, date: string): Promise<string> => {
  const { p, a, pc, ap } = tables(strapi);
  const [row] = await query<{ unallocated: unknown }>(
    strapi,
    `SELECT COALESCE(SUM(p.${p.column('amount')} - COALESCE(al.amount, 0)), 0) AS unallocated
     FROM ${p.table} p JOIN ${pc.table} pc ON pc.${pc.owner} = p.id
     LEFT JOIN (
       SELECT ap.${ap.target} AS payment_id, SUM(a.${a.column('amount')}) AS amount
       FROM ${a.table} a JOIN ${ap.table} ap ON ap.${ap.owner} = a.id
       WHERE a.${a.column('allocatedOn')} <= ? AND (a.${a.column('reversedOn')} IS NULL OR a.${a.column('reversedOn')} > ?)
       GROUP BY ap.${ap.target}
     ) al ON al.payment_id = p.id
     WHERE pc.${pc.target} = ? AND p.${p.column('currency')} = ? AND p.${p.column('receivedOn')} <= ?
       AND (p.${p.column('reversedAt')} IS NULL OR p.${p.column('reversedAt')} >= ?)`,
    [date, date, scope.customerId, scope.currency, date, endOf(scope, date)]
  );
  return readMoney(row.unallocated);
};

/** Everything that moved the balance from the start of `from` to the end of `to`. */
export const periodEntries = async (strapi: Core.Strapi, scope: Scope, from: string, to: string): Promise<StatementEntry[]> => {
  const { r, p, s, rc, rs, pc } = tables(strapi);
  const receivables = (kind: StatementEntryKind, dateColumn: string) =>
    // Typed NULLs: PostgreSQL settles a UNION column's type branch by branch and reads two bare NULLs as text.
    `SELECT '${kind}' AS kind, r.${dateColumn} AS day, s.${s.column('number')} AS reference, CAST(NULL AS VARCHAR(100)) AS bank_reference,
        r.${r.column('amount')} AS amount, r.${r.column('dueDate')} AS due_date, CAST(NULL AS TIMESTAMP) AS at
     FROM ${r.table} r JOIN ${rc.table} rc ON rc.${rc.owner} = r.id
     LEFT JOIN ${rs.table} rs ON rs.${rs.owner} = r.id LEFT JOIN ${s.table} s ON s.id = rs.${rs.target}
     WHERE rc.${rc.target} = ? AND r.${r.column('currency')} = ? AND r.${dateColumn} >= ? AND r.${dateColumn} <= ?`;
  const payments = (kind: StatementEntryKind, condition: string) =>
    `SELECT '${kind}' AS kind, p.${p.column('receivedOn')} AS day, p.${p.column('number')} AS reference, p.${p.column('reference')} AS bank_reference,
        p.${p.column('amount')} AS amount, CAST(NULL AS DATE) AS due_date, p.${p.column('reversedAt')} AS at
     FROM ${p.table} p JOIN ${pc.table} pc ON pc.${pc.owner} = p.id
     WHERE pc.${pc.target} = ? AND p.${p.column('currency')} = ? AND ${condition}`;
  const periodStart = startOfDay(scope.timeZone, from);
  const rows = await query<{
    kind: StatementEntryKind;
    day: unknown;
    reference: string | null;
    bank_reference: string | null;
    amount: unknown;
    due_date: unknown;
    at: unknown;
  }>(
    strapi,
    [
      receivables('shipment', r.column('invoiceDate')),
      receivables('cancellation', r.column('voidedOn')),
      payments('payment', `p.${p.column('receivedOn')} >= ? AND p.${p.column('receivedOn')} <= ?`),
      payments('reversal', `p.${p.column('reversedAt')} >= ? AND p.${p.column('reversedAt')} < ?`),
    ].join(' UNION ALL '),
    [
      scope.customerId,
      scope.currency,
      from,
      to,
      scope.customerId,
      scope.currency,
      from,
      to,
      scope.customerId,
      scope.currency,
      from,
      to,
      scope.customerId,
      scope.currency,
      periodStart,
      endOf(scope, to),
    ]
  );
  return rows.map((row) => ({
    // A reversal is dated the day it happened in the report zone (SQLite keeps epoch ms, PostgreSQL a local timestamp).
    date:
      row.kind === 'reversal'
        ? dateIn(
            scope.timeZone,
            new Date(typeof row.at === 'string' && /^\d+$/.test(row.at) ? Number(row.at) : (row.at as string | number | Date))
          )
        : readDay(row.day),
    kind: row.kind,
    reference: [row.reference ?? '', row.bank_reference ?? ''].filter(Boolean).join(' ') || '-',
    amount: readMoney(row.amount),
    dueDate: row.due_date ? readDay(row.due_date) : null,
  }));
};

/** The receivables open at the end of `date`, oldest due first, each in its aging bucket. */
export const openItemsAt = async (strapi: Core.Strapi, scope: Scope, date: string): Promise<OpenItem[]> => {
  const { s, rs } = tables(strapi);
  const items = openItemsQuery(strapi, { asOf: date, currency: scope.currency, customerIds: [scope.customerId] });
  const buckets = configuredBuckets(strapi);
  const rows = await query<{
    reference: string | null;
    invoice_date: unknown;
    due_date: unknown;
    amount: unknown;
    open_amount: unknown;
    days_past_due: unknown;
  }>(
    strapi,
    `SELECT s.${s.column('number')} AS reference, o.invoice_date, o.due_date, o.amount, o.open_amount, o.days_past_due
     FROM (${items.sql}) o LEFT JOIN ${rs.table} rs ON rs.${rs.owner} = o.receivable_id LEFT JOIN ${s.table} s ON s.id = rs.${rs.target}
     ORDER BY o.due_date, o.receivable_id`,
    items.bindings
  );
  return rows.map((row) => {
    const daysPastDue = Number(row.days_past_due);
    return {
      reference: row.reference ?? '-',
      invoiceDate: readDay(row.invoice_date),
      dueDate: readDay(row.due_date),
      amount: readMoney(row.amount),
      openAmount: readMoney(row.open_amount),
      daysPastDue,
      bucket: bucketOf(daysPastDue, buckets).key,
    };
  });
};

/** Every figure of a statement, read from the database and reconciled; nothing is written. */
export const computeStatement = async (strapi: Core.Strapi, scope: Scope, periodFrom: string, periodTo: string) => {
  const [openingBalance, closingBalance, unallocated, entries, openItems] = [
    await balanceAt(strapi, scope, addDays(periodFrom, -1)),
    await balanceAt(strapi, scope, periodTo),
    await unallocatedAt(strapi, scope, periodTo),
    await periodEntries(strapi, scope, periodFrom, periodTo),
    await openItemsAt(strapi, scope, periodTo),
  ];
  const totals = periodTotals(entries);
  const aging = agingOfItems(openItems, configuredBuckets(strapi));
  const figures = { openingBalance, ...totals, closingBalance, unallocated, openItemsTotal: aging.total };
  return { figures, lines: statementLines(openingBalance, entries), openItems, aging, problems: reconciliationProblems(figures) };
};
