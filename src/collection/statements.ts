/**
 * Customer statements (对账单): issuing one (every figure in SQL, on PostgreSQL and SQLite alike,
 * frozen into the record with its lines and open items), sending it to the customer's contact with
 * the PDF and a signed single-use link, and the customer's answer through that link (confirmed, or
 * disputed with a comment that goes to the sales clerks and the customer's salesperson).
 *
 * The balance on a day D (docs/collection.md): receivables invoiced on or before D and not voided
 * by D, less payments received on or before D and not reversed by D. A payment's reversal day is
 * its reversedAt in the report time zone.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import Decimal from 'decimal.js';
import { bucketOf } from '../domain/aging';
import { addDays, dateIn, isCalendarDate, yearIn } from '../domain/business-date';
import { SERIES } from '../domain/document-number';
import { formatMoney } from '../domain/money';
import { MailLocale } from '../domain/notification-templates';
import {
  agingOfItems, IssuedStatement, OpenItem, periodProblems, periodTotals, reconciliationProblems, StatementEntry, StatementEntryKind, StatementLine,
  statementLines, StatementState, STATEMENT_STATE_LABELS,
} from '../domain/statement';
import { startOfDay } from '../domain/zone-offsets';
import { conflict, refuse, validationError } from '../platform/errors';
import { notify } from '../platform/outbox';
import { nextNumber } from '../platform/next-number';
import { reportTimeZone } from '../platform/settings';
import { Actor } from '../platform/actor';
import { metaOf } from '../platform/table-meta';
import { customerMailbox } from '../workflows/customer-mailbox';
import { AnswerOrigin, linkExpiry, newLink, OpenedLink, openSignedLink, SignedLinkKind, spendSignedLink } from '../platform/signed-link';
import { mailLanguage, staffMailboxes } from '../platform/staff-mailboxes';
import { asTrustedWrite } from '../platform/trusted-write';
import { configuredBuckets, openItemsQuery } from './receivable-aging';
import { ALLOCATION, CUSTOMER, PAYMENT, RECEIVABLE, SHIPMENT, STATEMENT } from '../platform/uids';

const CURRENCIES = ['CNY', 'USD', 'EUR'];

export const STATEMENT_LINK: SignedLinkKind = {
  uid: STATEMENT,
  purpose: 'statement-confirmation-link',
  path: '/api/statements/respond',
  hashField: 'linkTokenHash',
  expiresField: 'linkExpiresAt',
  noun: 'statement link',
};

type Binding = string | number | Date;
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);
const query = async <T>(strapi: Core.Strapi, sql: string, bindings: Binding[]) => rowsOf<T>(await strapi.db.connection.raw(sql, bindings as never));
/** SQLite sums money as REAL: two places are what the columns hold, so round the float noise away. */
const money = (value: unknown) => formatMoney(new Decimal(String(value ?? 0)).toDecimalPlaces(2));
/** node-postgres may hand back a date column as a Date at local midnight; SQLite gives the text. */
const day = (value: unknown): string => {
  if (value instanceof Date) return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
  return String(value).slice(0, 10);
};

interface Scope {
  customerId: number;
  currency: string;
  timeZone: string;
}

const tables = (strapi: Core.Strapi) => {
  const r = metaOf(strapi, RECEIVABLE);
  const p = metaOf(strapi, PAYMENT);
  const a = metaOf(strapi, ALLOCATION);
  return { r, p, a, s: metaOf(strapi, SHIPMENT), rc: r.link('customer'), rs: r.link('shipment'), pc: p.link('customer'), ap: a.link('payment') };
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
  return money(new Decimal(String(row.invoiced)).minus(String(row.paid)));
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
  return money(row.unallocated);
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
  const rows = await query<{ kind: StatementEntryKind; day: unknown; reference: string | null; bank_reference: string | null; amount: unknown; due_date: unknown; at: unknown }>(
    strapi,
    [
      receivables('shipment', r.column('invoiceDate')),
      receivables('cancellation', r.column('voidedOn')),
      payments('payment', `p.${p.column('receivedOn')} >= ? AND p.${p.column('receivedOn')} <= ?`),
      payments('reversal', `p.${p.column('reversedAt')} >= ? AND p.${p.column('reversedAt')} < ?`),
    ].join(' UNION ALL '),
    [
      scope.customerId, scope.currency, from, to,
      scope.customerId, scope.currency, from, to,
      scope.customerId, scope.currency, from, to,
      scope.customerId, scope.currency, periodStart, endOf(scope, to),
    ]
  );
  return rows.map((row) => ({
    // A reversal is dated the day it happened in the report zone (SQLite keeps epoch ms, PostgreSQL a local timestamp).
    date: row.kind === 'reversal' ? dateIn(scope.timeZone, new Date(typeof row.at === 'string' && /^\d+$/.test(row.at) ? Number(row.at) : (row.at as string | number | Date))) : day(row.day),
    kind: row.kind,
    reference: [row.reference ?? '', row.bank_reference ?? ''].filter(Boolean).join(' ') || '-',
    amount: money(row.amount),
    dueDate: row.due_date ? day(row.due_date) : null,
  }));
};

/** The receivables open at the end of `date`, oldest due first, each in its aging bucket. */
export const openItemsAt = async (strapi: Core.Strapi, scope: Scope, date: string): Promise<OpenItem[]> => {
  const { s, rs } = tables(strapi);
  const items = openItemsQuery(strapi, { asOf: date, currency: scope.currency, customerIds: [scope.customerId] });
  const buckets = configuredBuckets(strapi);
  const rows = await query<{ reference: string | null; invoice_date: unknown; due_date: unknown; amount: unknown; open_amount: unknown; days_past_due: unknown }>(
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
      invoiceDate: day(row.invoice_date),
      dueDate: day(row.due_date),
      amount: money(row.amount),
      openAmount: money(row.open_amount),
      daysPastDue,
      bucket: bucketOf(daysPastDue, buckets).key,
    };
  });
};

export interface StatementSnapshot {
  company: { name: string; address: string };
  customer: { code: string; name: string; address: string };
  lines: StatementLine[];
  openItems: OpenItem[];
  aging: ReturnType<typeof agingOfItems>;
}

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

export interface IssueInput {
  customer?: unknown;
  periodFrom?: unknown;
  periodTo?: unknown;
  currency?: unknown;
}

/** Issues a statement: 400 for a bad period or an unknown customer, 409 when the books do not reconcile. */
export const issueStatement = async (strapi: Core.Strapi, input: IssueInput, actor: Actor, now = new Date()) => {
  const timeZone = reportTimeZone(strapi);
  const problems = periodProblems(input.periodFrom, input.periodTo, dateIn(timeZone, now), isCalendarDate);
  const currency = input.currency ?? 'CNY';
  if (!CURRENCIES.includes(currency as string)) problems.push({ path: ['currency'], message: `must be one of ${CURRENCIES.join(', ')}` });
  const customer =
    typeof input.customer === 'string' && input.customer
      ? await strapi.db.query(CUSTOMER).findOne({ where: { documentId: input.customer }, select: ['id', 'documentId', 'code', 'name', 'address'] })
      : null;
  if (!customer) problems.push({ path: ['customer'], message: 'must be the documentId of a known customer' });
  if (problems.length) throw validationError(problems);
  const periodFrom = input.periodFrom as string;
  const periodTo = input.periodTo as string;
  const scope = { customerId: customer.id, currency: currency as string, timeZone };
  const statement = await computeStatement(strapi, scope, periodFrom, periodTo);
  if (statement.problems.length) throw conflict(`The books do not reconcile for this customer: ${statement.problems.join('; ')}`, { problems: statement.problems });
  const snapshot: StatementSnapshot = {
    company: strapi.config.get('server.business.company') as StatementSnapshot['company'],
    customer: { code: customer.code ?? '', name: customer.name ?? '', address: customer.address ?? '' },
    lines: statement.lines,
    openItems: statement.openItems,
    aging: statement.aging,
  };
  const { openItemsTotal: _total, ...figures } = statement.figures;
  return strapi.db.transaction(async (): Promise<{ id: number; documentId: string; number: string }> =>
    asTrustedWrite(async () =>
      strapi.db.query(STATEMENT).create({
        data: {
          number: await nextNumber(strapi, SERIES.statement, yearIn(timeZone, now)),
          customer: customer.id,
          periodFrom,
          periodTo,
          currency,
          ...figures,
          snapshot,
          state: 'issued',
          issuedBy: actor.staffUserId,
          version: 1,
        },
      })
    )
  );
};

export interface StoredStatement extends IssuedStatement {
  id: number;
  documentId: string;
  snapshot: StatementSnapshot;
  state: StatementState;
  version: number;
  sentAt: string | null;
  respondedAt: string | null;
  customerComment: string | null;
  customer: {
    id: number;
    code: string;
    name: string;
    preferredLanguage: string;
    contacts: { email: string | null; primary: boolean }[];
    salesperson: { email: string | null; preferredLanguage?: string } | null;
  } | null;
}

export const loadStatement = async (strapi: Core.Strapi, documentId: string): Promise<StoredStatement> => {
  const statement = await strapi.db.query(STATEMENT).findOne({
    where: { documentId },
    populate: { customer: { populate: { contacts: true, salesperson: { select: ['email', 'preferredLanguage'] } } } },
  });
  if (!statement) throw new errors.NotFoundError('No statement with this documentId');
  for (const field of ['openingBalance', 'shipped', 'received', 'reversed', 'closingBalance', 'unallocated'] as const) statement[field] = money(statement[field]);
  statement.periodFrom = day(statement.periodFrom);
  statement.periodTo = day(statement.periodTo);
  if (typeof statement.snapshot === 'string') statement.snapshot = JSON.parse(statement.snapshot);
  return statement;
};

const mailFigures = (statement: StoredStatement) => ({
  number: statement.number,
  periodFrom: statement.periodFrom,
  periodTo: statement.periodTo,
  currency: statement.currency,
  openingBalance: statement.openingBalance,
  closingBalance: statement.closingBalance,
  comment: statement.customerComment,
});

/** Moves a statement on if it is still at `version` (one conditional UPDATE); 409 when someone else moved it first. */
const moveStatement = async (strapi: Core.Strapi, statement: StoredStatement, data: Record<string, unknown>) => {
  const { count } = await asTrustedWrite(() =>
    strapi.db.query(STATEMENT).updateMany({ where: { id: statement.id, version: statement.version }, data: { ...data, version: statement.version + 1 } })
  );
  if (count !== 1) throw conflict('The statement was changed by someone else meanwhile; reload it.');
};

/**
 * Mails the statement (PDF attached, rendered when sent) to the customer's primary contact in the
 * customer's language, with a fresh link; a resend replaces the link, so only the last one works.
 */
export const sendStatement = async (strapi: Core.Strapi, documentId: string, now = new Date()) => {
  const statement = await loadStatement(strapi, documentId);
  if (statement.state !== 'issued' && statement.state !== 'sent') {
    throw conflict(`The statement is ${statement.state}: the customer has answered it, issue a new one`);
  }
  const mailbox = customerMailbox(statement.customer);
  if (!mailbox) throw refuse(['customer'], 'the customer has no contact with an e-mail address');
  const { ref, hash } = newLink(strapi, STATEMENT_LINK, statement.documentId);
  const days = Number(strapi.config.get('server.collection.statementLinkDays', 30));
  await strapi.db.transaction(async () => {
    await moveStatement(strapi, statement, { state: 'sent', sentAt: now, sentTo: mailbox.email, linkTokenHash: hash, linkExpiresAt: linkExpiry(now, days) });
    await notify(strapi, {
      event: 'statement.sent',
      key: `statement.sent:${statement.documentId}:v${statement.version + 1}`,
      to: mailbox.email,
      template: 'statement.sent',
      locale: mailbox.language,
      data: {
        customer: { code: statement.customer!.code, name: statement.customer!.name },
        statement: mailFigures(statement),
        // The link is rendered by the outbox worker when it sends (src/notifications/links.ts).
        links: { link: ref },
        linkDays: days,
        // Rendered by the outbox worker when it sends (src/notifications/attachments.ts).
        attachments: [{ kind: 'statement', ref: statement.documentId }],
      },
    });
  });
  return { sentTo: mailbox.email };
};

export interface LinkedStatement extends OpenedLink {
  number: string;
  periodFrom: string;
  periodTo: string;
  closingBalance: string;
  currency: string;
}

/** What the link shows: the number, period, closing balance and currency; nothing else. */
export const openStatementLink = async (strapi: Core.Strapi, token: string, now = new Date()): Promise<LinkedStatement> => {
  const statement = await openSignedLink<LinkedStatement>(strapi, STATEMENT_LINK, token, ['number', 'periodFrom', 'periodTo', 'closingBalance', 'currency'], now);
  return { ...statement, periodFrom: day(statement.periodFrom), periodTo: day(statement.periodTo), closingBalance: money(statement.closingBalance) };
};

export const STATEMENT_ANSWERS = ['confirm', 'dispute'] as const;
export type StatementAnswer = (typeof STATEMENT_ANSWERS)[number];

export const parseStatementAnswer = (body: Record<string, unknown>) => {
  const answer = body.answer as StatementAnswer;
  const comment = body.comment === undefined || body.comment === null ? '' : String(body.comment).trim();
  const problems = [];
  if (!(STATEMENT_ANSWERS as readonly unknown[]).includes(answer)) problems.push({ path: ['answer'], message: 'must be confirm or dispute' });
  if (answer === 'dispute' && !comment) problems.push({ path: ['comment'], message: 'say what does not match when disputing the balance' });
  if (comment.length > 2000) problems.push({ path: ['comment'], message: 'must be at most 2000 characters' });
  if (problems.length) throw validationError(problems);
  return { answer, comment: comment || null };
};

/**
 * The customer's answer: the link spent and the statement confirmed or disputed in one transaction;
 * a dispute mails the sales clerks and the customer's salesperson with the comment.
 */
export const answerStatement = async (
  strapi: Core.Strapi,
  target: LinkedStatement,
  answer: { answer: StatementAnswer; comment: string | null },
  origin: AnswerOrigin | null,
  now = new Date()
) =>
  strapi.db.transaction(async () => {
    await spendSignedLink(strapi, STATEMENT_LINK, target);
    const statement = await loadStatement(strapi, target.documentId);
    const state: StatementState = answer.answer === 'confirm' ? 'confirmed' : 'disputed';
    await moveStatement(strapi, statement, {
      state,
      respondedAt: now,
      respondedFromIp: origin?.ip ?? null,
      respondedUserAgent: origin?.userAgent ?? null,
      customerComment: answer.comment,
      linkExpiresAt: null,
    });
    if (state !== 'disputed') return state;
    const salesperson = statement.customer?.salesperson;
    const mailboxes: { email: string; language: MailLocale }[] = [
      ...(await staffMailboxes(strapi, ['sales-clerk'])),
      ...(salesperson?.email ? [{ email: salesperson.email, language: mailLanguage(salesperson.preferredLanguage) }] : []),
    ];
    const data = {
      customer: { code: statement.customer?.code, name: statement.customer?.name },
      statement: { ...mailFigures(statement), comment: answer.comment, stateLabel: STATEMENT_STATE_LABELS.disputed },
    };
    for (const mailbox of new Map(mailboxes.map((m) => [m.email, m])).values()) {
      await notify(strapi, {
        event: 'statement.disputed',
        key: `statement.disputed:${statement.documentId}:v${statement.version + 1}:${mailbox.email}`,
        to: mailbox.email,
        template: 'statement.disputed',
        locale: mailbox.language,
        data,
      });
    }
    return state;
  });
