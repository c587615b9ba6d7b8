/**
 * Credit control (信用控制) on the stored records:
 * - `reassessCredit`: the customer's position in one SQL statement (open receivables as of today
 *   through `openItemsQuery`, less its unallocated payments; the open item most days past due), decided by
 *   src/domain/credit-control.ts; puts the customer on automatic hold or releases an automatic hold,
 *   with a credit event, in one transaction under the customer's row lock. A hold placed by staff
 *   (creditHoldSource manual, or any hold from before the source was kept) is never touched.
 *   Called after shipping and cancelling a shipment, after payments, after a change of credit terms
 *   or a lifted manual hold, and daily (src/jobs/credit-review.ts: items fall overdue as days pass).
 * - `enforceCreditHold`: the one credit gate of orders (created, moved to another customer,
 *   confirmed), contracts (submitted, activated) and shipments: a customer on hold is refused (409
 *   with the reason) unless marketing-vp granted an override for that very document, which the gate
 *   uses up in the caller's transaction and which then covers the document's later steps.
 * - `creditRecord`: the credit record (信用记录): the events, overrides and payment behaviour.
 */
import type { Core } from '@strapi/strapi';
import { dateIn } from '../domain/business-date';
import { CreditDecision, CreditPosition, creditPolicy, decideCredit, holdReason, releaseReason } from '../domain/credit-control';
import { englishText } from '../domain/message-text';
import { Message, isMessage, message, messageColumns, storedMessage } from '../domain/messages';
import { CreditTerms } from '../domain/credit-terms';
import { CURRENCIES, Decimal, DEFAULT_CURRENCY, formatMoney, storedMoney } from '../domain/money';
import { conflict, noSuchDocument } from '../platform/errors';
import { notify } from '../platform/outbox';
import { reportTimeZone } from '../platform/settings';
import { metaOf } from '../platform/table-meta';
import { instant, storedJson } from '../platform/stored-values';
import { readRows } from '../platform/roll-up-writes';
import { asTrustedWrite } from '../platform/trusted-write';
import { openItemsQuery, Sql } from './receivable-aging';
import { COLLECTION_FACTS, RECEIVABLE_FACTS } from './receivable-facts';
import { ALLOCATION, CREDIT_EVENT, CREDIT_OVERRIDE, CUSTOMER, ORDER, PAYMENT, RECEIVABLE, SHIPMENT, USER } from '../platform/uids';

/** Credit limits are kept in the company's currency; balances in other currencies do not count against them. */
export const LIMIT_CURRENCY = DEFAULT_CURRENCY;

export type CreditSubject = 'order' | 'contract' | 'shipment';
export type CreditEventKind = 'hold' | 'release' | 'override' | 'manual_hold' | 'manual_release' | 'terms';

const money = storedMoney;

/** Runs a SELECT in the caller's transaction when there is one (it must see what the step just wrote). */
const select = <T>(strapi: Core.Strapi, query: Sql): Promise<T[]> => readRows<T>(strapi, query.sql, query.bindings);

export const configuredCreditPolicy = (strapi: Core.Strapi) =>
  creditPolicy({ overdueDays: strapi.config.get('server.collection.creditHoldOverdueDays', undefined) });

/**
 * Per customer, what it owes at the end of `asOf` in the limit's currency (`owed`: its open items)
 * and the money it sent that is not yet allocated (`unallocated`), as one grouped SELECT. The few
 * payments with money unallocated are found first (a partial index, schema version 11), not each
 * of the customer's payments.
 * `fromRollUp`: today's open items from the receivables roll-up, for a reader, never for a writer's
 * check (which reads the base tables).
 */
const balancesQuery = (strapi: Core.Strapi, customerIds: number[], asOf: string, fromRollUp: boolean): Sql => {
  const owed = openItemsQuery(strapi, { asOf, currency: LIMIT_CURRENCY, customerIds, fromRollUp });
  const p = metaOf(strapi, PAYMENT);
  const payer = p.link('customer');
  return {
    sql: `SELECT b.customer_id, COALESCE(SUM(b.owed), 0) AS owed, COALESCE(SUM(b.unallocated), 0) AS unallocated FROM (
        SELECT o.customer_id, o.open_amount AS owed, 0 AS unallocated FROM (${owed.sql}) o
        UNION ALL
        SELECT pc.${payer.target} AS customer_id, 0 AS owed, p.${p.column('unallocatedAmount')} AS unallocated
        FROM ${p.table} p JOIN ${payer.table} pc ON pc.${payer.owner} = p.id
        WHERE p.${p.column('unallocatedAmount')} > 0 AND pc.${payer.target} IN (${customerIds.map(() => '?').join(', ')}) AND p.${p.column('state')} = 'posted'
          AND p.${p.column('currency')} = ? AND p.${p.column('receivedOn')} <= ?
      ) b GROUP BY b.customer_id`,
    bindings: [...owed.bindings, ...customerIds, LIMIT_CURRENCY, asOf],
  };
};

/** A customer's balance: its open items less the money received and not yet allocated. */
const balanceOf = (row: { owed: unknown; unallocated: unknown } | undefined) => money(row?.owed).minus(money(row?.unallocated));

/**
 * What each customer owes at the end of `asOf`, in the limit's currency: its open items less the
 * money received and not yet allocated — one grouped query however many customers are asked for.
 */
export const openBalances = async (
  strapi: Core.Strapi,
  customerIds: number[],
  asOf: string,
  fromRollUp = false
): Promise<Map<number, Decimal>> => {
  const balances = new Map<number, Decimal>(customerIds.map((id) => [id, money(0)]));
  if (customerIds.length === 0) return balances;
  const rows = await select<{ customer_id: number; owed: unknown; unallocated: unknown }>(
    strapi,
    balancesQuery(strapi, customerIds, asOf, fromRollUp)
  );
  for (const row of rows) balances.set(Number(row.customer_id), balanceOf(row));
  return balances;
};

/**
 * What a customer owed at the end of `asOf` and how late its oldest open item was, with the order
 * (or shipment) it bills: one statement, since both a writer's check and the customer file wait for it.
 */
export const creditPosition = async (
  strapi: Core.Strapi,
  customer: { id: number; creditLimit: unknown },
  asOf: string,
  /** Today's open items from the receivables roll-up: for a reader, never for a writer's check (which reads the base tables). */
  fromRollUp = false
): Promise<CreditPosition> => ({
  ...(await openPosition(strapi, customer.id, asOf, fromRollUp)),
  creditLimit: formatMoney(money(customer.creditLimit)),
});

/** The position without the limit: it needs only the customer's id, so it is read beside the customer's row. */
const openPosition = async (
  strapi: Core.Strapi,
  customerId: number,
  asOf: string,
  fromRollUp: boolean
): Promise<Omit<CreditPosition, 'creditLimit'>> => {
  const balance = balancesQuery(strapi, [customerId], asOf, fromRollUp);
  const all = openItemsQuery(strapi, { asOf, customerIds: [customerId], fromRollUp });
  const r = metaOf(strapi, RECEIVABLE);
  const [byOrder, byShipment] = [r.link('order'), r.link('shipment')];
  const [o, sh] = [metaOf(strapi, ORDER), metaOf(strapi, SHIPMENT)];
  const [row] = await select<{
    owed: unknown;
    unallocated: unknown;
    receivable_id: number | null;
    days_past_due: number | string | null;
    order_number: string | null;
    shipment_number: string | null;
  }>(strapi, {
    sql: `SELECT b.owed, b.unallocated, x.receivable_id, x.days_past_due, ord.${o.column('number')} AS order_number,
        sh.${sh.column('number')} AS shipment_number
      FROM (SELECT 1 AS one) one
      LEFT JOIN (${balance.sql}) b ON 1 = 1
      LEFT JOIN (SELECT i.receivable_id, i.days_past_due FROM (${all.sql}) i ORDER BY i.days_past_due DESC, i.receivable_id ASC LIMIT 1) x ON 1 = 1
      LEFT JOIN ${byOrder.table} ro ON ro.${byOrder.owner} = x.receivable_id LEFT JOIN ${o.table} ord ON ord.id = ro.${byOrder.target}
      LEFT JOIN ${byShipment.table} rs ON rs.${byShipment.owner} = x.receivable_id LEFT JOIN ${sh.table} sh ON sh.id = rs.${byShipment.target}`,
    bindings: [...balance.bindings, ...all.bindings],
  });
  const oldestOpenItem: CreditPosition['oldestOpenItem'] =
    row?.receivable_id === null || row?.receivable_id === undefined
      ? null
      : {
          daysPastDue: Number(row.days_past_due),
          document: row.order_number ?? row.shipment_number ?? `receivable ${row.receivable_id}`,
        };
  return { openBalance: formatMoney(balanceOf(row)), currency: LIMIT_CURRENCY, oldestOpenItem };
};

/** Mails the customer's salesperson that the customer is on hold, with the reason (manual or automatic). */
export const tellSalespersonOfHold = async (strapi: Core.Strapi, documentId: string, at: Date) => {
  const customer = await strapi.db.query(CUSTOMER).findOne({
    where: { documentId },
    select: ['code', 'name', 'creditHoldReason'],
    populate: { salesperson: { select: ['email', 'displayName', 'preferredLanguage'] } },
  });
  const salesperson = customer?.salesperson;
  if (!salesperson?.email) return; // nobody to tell: the customer has no salesperson yet
  await notify(strapi, {
    event: 'customer.credit-hold',
    key: `customer.credit-hold:${documentId}:${at.toISOString()}`,
    to: salesperson.email,
    template: 'customer.credit-hold',
    locale: salesperson.preferredLanguage === 'en' ? 'en' : 'zh-CN',
    data: { customer: { code: customer.code, name: customer.name }, reason: customer.creditHoldReason },
    record: { uid: CUSTOMER, documentId },
  });
};

export const recordCreditEvent = (
  strapi: Core.Strapi,
  event: {
    customer: number;
    kind: CreditEventKind;
    /** A message of the catalogue (stored as its English text, code and parameters), or staff's own words. */
    reason: string | Message | null;
    at: Date;
    actor: number | null;
    terms?: { before: CreditTerms; after: CreditTerms };
  }
) => {
  const said = isMessage(event.reason) ? event.reason : null;
  const { code, params } = messageColumns(said);
  const reason = said ? englishText(said) : (event.reason as string | null);
  return asTrustedWrite(() => strapi.db.query(CREDIT_EVENT).create({ data: { ...event, reason, reasonCode: code, reasonParams: params } }));
};

export interface Reassessment {
  /** What happened: held, released, reason changed, nothing, or left alone (a manual hold). */
  outcome: 'held' | 'released' | 'updated' | 'unchanged' | 'manual';
  position: CreditPosition | null;
  decision: CreditDecision | null;
}

/** Puts the customer on automatic hold, releases its automatic hold, or leaves it; see the module comment. */
export const reassessCredit = async (strapi: Core.Strapi, customerId: number, now: Date = new Date()): Promise<Reassessment | null> =>
  strapi.db.transaction(async ({ trx }): Promise<Reassessment | null> => {
    const c = metaOf(strapi, CUSTOMER);
    // The row lock: a shipment, a payment and the daily job reassessing at once decide one after another.
    const locked = await trx(c.table)
      .where({ id: customerId })
      .update({ [c.column('creditHold')]: trx.ref(c.column('creditHold')) });
    if (!locked) return null;
    const customer = await strapi.db.query(CUSTOMER).findOne({
      where: { id: customerId },
      select: ['id', 'documentId', 'creditLimit', 'creditHold', 'creditHoldReason', 'creditHoldSource'],
    });
    const policy = configuredCreditPolicy(strapi);
    if (customer.creditHold && customer.creditHoldSource !== 'automatic') return { outcome: 'manual', position: null, decision: null };
    const position = await creditPosition(strapi, customer, dateIn(reportTimeZone(strapi), now));
    const decision = decideCredit(position, policy);
    const update = (data: Record<string, unknown>) => strapi.db.query(CUSTOMER).update({ where: { id: customerId }, data });
    if (decision.hold) {
      const reason = holdReason(decision);
      const text = englishText(reason);
      if (customer.creditHold && customer.creditHoldReason === text) return { outcome: 'unchanged', position, decision };
      const { code, params } = messageColumns(reason);
      await update({
        creditHold: true,
        creditHoldReason: text,
        creditHoldReasonCode: code,
        creditHoldReasonParams: params,
        creditHoldSource: 'automatic',
      });
      if (customer.creditHold) return { outcome: 'updated', position, decision };
      await recordCreditEvent(strapi, { customer: customerId, kind: 'hold', reason, at: now, actor: null });
      await tellSalespersonOfHold(strapi, customer.documentId, now);
      return { outcome: 'held', position, decision };
    }
    if (!customer.creditHold) return { outcome: 'unchanged', position, decision };
    await update({
      creditHold: false,
      creditHoldReason: null,
      creditHoldReasonCode: null,
      creditHoldReasonParams: null,
      creditHoldSource: null,
    });
    await recordCreditEvent(strapi, {
      customer: customerId,
      kind: 'release',
      reason: releaseReason(position, policy),
      at: now,
      actor: null,
    });
    return { outcome: 'released', position, decision };
  });

/**
 * Refuses the step (409 with the hold's reason) when the customer is on credit hold, unless an
 * override of marketing-vp already used for this document names it, or an unused one names this
 * document; that override is then used up in the
 * caller's transaction (a conditional UPDATE, so two requests cannot both use it). An order
 * override names no document when granted (the order does not exist yet): the next new order of
 * the customer uses it and is written into it.
 */
export const enforceCreditHold = async (
  strapi: Core.Strapi,
  check: {
    customerId: number | null | undefined;
    subject: CreditSubject;
    documentId: string;
    /** The step refused, e.g. `submitting HT-2026-00002` (a message of src/domain/messages.ts). */
    step: Message;
    now?: Date;
  }
): Promise<{ overrideId: number } | null> => {
  if (!check.customerId) return null;
  const customer = await strapi.db.query(CUSTOMER).findOne({
    where: { id: check.customerId },
    select: ['code', 'name', 'creditHold', 'creditHoldReason', 'creditHoldReasonCode', 'creditHoldReasonParams'],
  });
  if (!customer?.creditHold) return null;
  // An override once used for this document covers its later steps too (an order's confirmation
  // after its creation or change of customer, a contract's activation after its submission).
  const used = await strapi.db.query(CREDIT_OVERRIDE).findOne({
    where: { customer: { id: check.customerId }, subject: check.subject, subjectId: check.documentId, usedAt: { $notNull: true } },
    select: ['id'],
  });
  if (used) return { overrideId: used.id };
  const candidates = await strapi.db.query(CREDIT_OVERRIDE).findMany({
    where: {
      customer: { id: check.customerId },
      subject: check.subject,
      usedAt: { $null: true },
      $or: [{ subjectId: check.documentId }, ...(check.subject === 'order' ? [{ subjectId: { $null: true } }] : [])],
    },
    select: ['id', 'subjectId'],
    orderBy: { id: 'asc' },
  });
  // One naming this document first, then (orders) one for the next new order.
  candidates.sort(
    (a: { subjectId: string | null }, b: { subjectId: string | null }) =>
      Number(b.subjectId === check.documentId) - Number(a.subjectId === check.documentId)
  );
  for (const candidate of candidates) {
    const { count } = await asTrustedWrite(() =>
      strapi.db.query(CREDIT_OVERRIDE).updateMany({
        where: { id: candidate.id, usedAt: { $null: true } },
        data: { usedAt: check.now ?? new Date(), subjectId: check.documentId },
      })
    );
    if (count === 1) return { overrideId: candidate.id };
  }
  // An automatic hold's reason is said in the reader's language; a manual one in the words staff wrote.
  const reason = holdReasonOf(customer) ?? '';
  throw conflict(message('credit.on_hold', { customer: customer.code, name: customer.name, reason, step: check.step }), {
    creditHold: true,
    reason: customer.creditHoldReason,
    subject: check.subject,
  });
};

/** A customer's hold reason: the message of an automatic hold, else the text staff wrote (null: not held). */
const holdReasonOf = (customer: { creditHoldReason?: string | null; creditHoldReasonCode?: unknown; creditHoldReasonParams?: unknown }) =>
  storedMessage(customer.creditHoldReasonCode, customer.creditHoldReasonParams) ?? customer.creditHoldReason ?? null;

const dayDifference = (strapi: Core.Strapi, later: string, earlier: string) =>
  strapi.db.dialect.client === 'postgres' ? `(${later} - ${earlier})` : `CAST(julianday(${later}) - julianday(${earlier}) AS INTEGER)`;

/**
 * How the customer has paid: over its paid receivables, the days from the due date to the day the
 * allocation that settled it was made (0 when on time), averaged weighted by amount — a late
 * 100,000 weighs more than a late 100 — and the share of that amount paid by the due date.
 */
export const paymentBehaviour = async (strapi: Core.Strapi, customerId: number, fromRollUp = false) => {
  const r = metaOf(strapi, RECEIVABLE);
  const a = metaOf(strapi, ALLOCATION);
  const owner = r.link('customer');
  const allocatedTo = a.link('receivable');
  // In integer cents: sums are exact on SQLite's REAL columns too.
  const settled = fromRollUp
    ? // The receivables roll-up: paid receivables (nothing open) and the allocations in force.
      `SELECT f.receivable_id AS id, f.amount_cents AS amount_cents, ${dayDifference(strapi, 'MAX(a.allocated_on)', 'f.due_date')} AS late
      FROM ${RECEIVABLE_FACTS} f JOIN ${COLLECTION_FACTS} a ON a.receivable_id = f.receivable_id AND a.customer_id = f.customer_id
      WHERE f.customer_id = ? AND f.open_cents = 0
      GROUP BY f.receivable_id, f.amount_cents, f.due_date`
    : `SELECT r.id AS id, CAST(ROUND(r.${r.column('amount')} * 100) AS BIGINT) AS amount_cents,
      ${dayDifference(strapi, `MAX(a.${a.column('allocatedOn')})`, `r.${r.column('dueDate')}`)} AS late
    FROM ${r.table} r
    JOIN ${owner.table} rc ON rc.${owner.owner} = r.id
    JOIN ${allocatedTo.table} al ON al.${allocatedTo.target} = r.id
    JOIN ${a.table} a ON a.id = al.${allocatedTo.owner} AND a.${a.column('reversedOn')} IS NULL
    WHERE rc.${owner.target} = ? AND r.${r.column('state')} = 'paid'
    GROUP BY r.id, r.${r.column('amount')}, r.${r.column('dueDate')}`;
  const [row] = await select<{ paid: number | string; amount: unknown; weighted: unknown; on_time: unknown }>(strapi, {
    sql: `SELECT COUNT(*) AS paid, COALESCE(SUM(s.amount_cents), 0) AS amount,
        COALESCE(SUM(s.amount_cents * CASE WHEN s.late > 0 THEN s.late ELSE 0 END), 0) AS weighted,
        COALESCE(SUM(CASE WHEN s.late <= 0 THEN s.amount_cents ELSE 0 END), 0) AS on_time
      FROM (${settled}) s`,
    bindings: [customerId],
  });
  const cents = new Decimal(String(row.amount ?? 0));
  return {
    paidReceivables: Number(row.paid),
    paidAmount: formatMoney(cents.dividedBy(100)),
    averageDaysLate: cents.isZero() ? null : new Decimal(String(row.weighted ?? 0)).dividedBy(cents).toDecimalPlaces(1).toNumber(),
    paidOnTimeShare: cents.isZero() ? null : new Decimal(String(row.on_time ?? 0)).dividedBy(cents).toDecimalPlaces(4).toNumber(),
  };
};

/** What the customer owes today and how much of it is past due, per currency owed (the limit's currency always). */
export const openAndOverdue = async (strapi: Core.Strapi, customerId: number, asOf: string, fromRollUp = false) => {
  const items = openItemsQuery(strapi, { asOf, customerIds: [customerId], fromRollUp });
  const rows = await select<{ currency: string; open: unknown; overdue: unknown }>(strapi, {
    sql: `SELECT o.currency, COALESCE(SUM(o.open_amount), 0) AS open,
        COALESCE(SUM(CASE WHEN o.days_past_due > 0 THEN o.open_amount ELSE 0 END), 0) AS overdue
      FROM (${items.sql}) o GROUP BY o.currency`,
    bindings: items.bindings,
  });
  const byCurrency = new Map(rows.map((row) => [String(row.currency), row]));
  return CURRENCIES.filter((currency) => byCurrency.has(currency) || currency === LIMIT_CURRENCY).map((currency) => {
    const row = byCurrency.get(currency);
    return { currency, open: formatMoney(money(row?.open ?? 0)), overdue: formatMoney(money(row?.overdue ?? 0)) };
  });
};

/** The staff user read beside a row (columns `<prefix>_id`, `_username`, `_display_name`) as a person, or null. */
const personIn = (row: Record<string, unknown>, prefix: string) =>
  row[`${prefix}_id`] === null || row[`${prefix}_id`] === undefined
    ? null
    : { id: Number(row[`${prefix}_id`]), name: String(row[`${prefix}_display_name`] || row[`${prefix}_username`]) };

/**
 * The customer's credit events and overrides, newest first, each with the staff member who acted:
 * one SELECT each (the Query Engine's populate took three round trips per list).
 */
const creditHistory = async (strapi: Core.Strapi, customerId: number) => {
  const u = metaOf(strapi, USER);
  const staff = (alias: string, prefix: string) =>
    `${alias}.id AS ${prefix}_id, ${alias}.${u.column('username')} AS ${prefix}_username, ${alias}.${u.column('displayName')} AS ${prefix}_display_name`;
  const e = metaOf(strapi, CREDIT_EVENT);
  const [eventCustomer, eventActor] = [e.link('customer'), e.link('actor')];
  const o = metaOf(strapi, CREDIT_OVERRIDE);
  const [overrideCustomer, grantedBy] = [o.link('customer'), o.link('grantedBy')];
  const [events, overrides] = await Promise.all([
    select<Record<string, unknown>>(strapi, {
      sql: `SELECT e.${e.column('kind')} AS kind, e.${e.column('terms')} AS terms, e.${e.column('reason')} AS reason,
          e.${e.column('reasonCode')} AS reason_code, e.${e.column('reasonParams')} AS reason_params, e.${e.column('at')} AS at, ${staff('u', 'actor')}
        FROM ${eventCustomer.table} ec JOIN ${e.table} e ON e.id = ec.${eventCustomer.owner}
        LEFT JOIN ${eventActor.table} ea ON ea.${eventActor.owner} = e.id LEFT JOIN ${u.table} u ON u.id = ea.${eventActor.target}
        WHERE ec.${eventCustomer.target} = ? ORDER BY e.${e.column('at')} DESC, e.id DESC`,
      bindings: [customerId],
    }),
    select<Record<string, unknown>>(strapi, {
      sql: `SELECT o.${o.column('subject')} AS subject, o.${o.column('subjectId')} AS subject_id, o.${o.column('reason')} AS reason,
          o.${o.column('grantedAt')} AS granted_at, o.${o.column('usedAt')} AS used_at, ${staff('u', 'granted_by')}
        FROM ${overrideCustomer.table} oc JOIN ${o.table} o ON o.id = oc.${overrideCustomer.owner}
        LEFT JOIN ${grantedBy.table} og ON og.${grantedBy.owner} = o.id LEFT JOIN ${u.table} u ON u.id = og.${grantedBy.target}
        WHERE oc.${overrideCustomer.target} = ? ORDER BY o.${o.column('grantedAt')} DESC, o.id DESC`,
      bindings: [customerId],
    }),
  ]);
  return {
    events: events.map((event) => {
      const terms = storedJson<Record<string, unknown>>(event.terms as string | null);
      return {
        kind: String(event.kind),
        ...(terms ? { terms } : {}),
        reason: (event.reason as string | null) ?? null,
        /** The reason as a message, for the reader's language; null for staff's own words and older events. */
        reasonMessage: storedMessage(event.reason_code, storedJson(event.reason_params as string | null)),
        at: instant(event.at),
        actor: personIn(event, 'actor'),
      };
    }),
    overrides: overrides.map((override) => ({
      subject: String(override.subject),
      subjectId: (override.subject_id as string | null) ?? null,
      reason: String(override.reason),
      grantedBy: personIn(override, 'granted_by'),
      grantedAt: instant(override.granted_at),
      usedAt: instant(override.used_at),
    })),
  };
};

/**
 * The credit record (信用记录) of a customer, or null when there is none with the documentId. A
 * caller that knows the customer's row id (the customer file) passes it: then the customer's row is
 * read side by side with the rest, in one round trip's time.
 */
export const creditRecord = async (strapi: Core.Strapi, customerDocumentId: string, now: Date = new Date(), knownId?: number) => {
  const customerId =
    knownId ?? (await strapi.db.query(CUSTOMER).findOne({ where: { documentId: customerDocumentId }, select: ['id'] }))?.id;
  if (customerId === undefined) return null;
  const asOf = dateIn(reportTimeZone(strapi), now);
  // Independent reads, side by side: the customer file shows this record, and waits for the slowest only.
  const [customer, { events, overrides }, position, amounts, behaviour] = await Promise.all([
    strapi.db.query(CUSTOMER).findOne({
      where: { id: customerId },
      select: [
        'documentId',
        'code',
        'name',
        'creditLimit',
        'paymentTermsDays',
        'creditHold',
        'creditHoldReason',
        'creditHoldReasonCode',
        'creditHoldReasonParams',
        'creditHoldSource',
      ],
    }),
    creditHistory(strapi, customerId),
    openPosition(strapi, customerId, asOf, true),
    openAndOverdue(strapi, customerId, asOf, true),
    paymentBehaviour(strapi, customerId, true),
  ]);
  if (!customer) return null;
  return {
    customer: {
      documentId: customer.documentId,
      code: customer.code,
      name: customer.name,
      creditLimit: formatMoney(money(customer.creditLimit)),
      paymentTermsDays: customer.paymentTermsDays,
      creditHold: Boolean(customer.creditHold),
      creditHoldReason: customer.creditHoldReason ?? null,
      creditHoldReasonMessage: storedMessage(customer.creditHoldReasonCode, customer.creditHoldReasonParams),
      creditHoldSource: customer.creditHold ? (customer.creditHoldSource ?? 'manual') : null,
    },
    asOf,
    position: {
      openBalance: position.openBalance,
      currency: position.currency,
      oldestDaysPastDue: position.oldestOpenItem?.daysPastDue ?? null,
    },
    amounts,
    paymentBehaviour: behaviour,
    events,
    overrides,
  };
};

/**
 * Reassesses every customer that owes something or is on automatic hold: items fall overdue as the
 * days pass without any write, so the daily job (src/jobs/collection-dunning.ts) holds them then.
 */
export const reassessAllCredit = async (strapi: Core.Strapi, now: Date = new Date()) => {
  const r = metaOf(strapi, RECEIVABLE);
  const c = metaOf(strapi, CUSTOMER);
  const owner = r.link('customer');
  const rows = await select<{ id: number }>(strapi, {
    sql: `SELECT rc.${owner.target} AS id FROM ${r.table} r JOIN ${owner.table} rc ON rc.${owner.owner} = r.id WHERE r.${r.column('state')} = 'open'
      UNION SELECT c.id AS id FROM ${c.table} c WHERE c.${c.column('creditHoldSource')} = 'automatic'`,
    bindings: [],
  });
  const counts = { held: 0, released: 0 };
  for (const { id } of rows) {
    const result = await reassessCredit(strapi, Number(id), now);
    if (result?.outcome === 'held') counts.held += 1;
    if (result?.outcome === 'released') counts.released += 1;
  }
  return counts;
};

/** `{ data }` of a customer's credit record, or a 404 (REST and the admin panel's side panel). */
export const creditRecordAnswer = async (strapi: Core.Strapi, customerDocumentId: string) => {
  const record = await creditRecord(strapi, customerDocumentId);
  if (!record) throw noSuchDocument('customer');
  return { data: record };
};
