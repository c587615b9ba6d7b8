/**
 * The sections of the customer file (客户档案), each read in SQL from Strapi's tables and the
 * receivables roll-up (table and column names from Strapi's metadata), on PostgreSQL and SQLite
 * alike. Each list is one statement that brings its page and its total count; the money amounts
 * are exact decimal strings.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import {
  CLOSED_ORDER_STATES,
  daysBetween,
  DocumentKind,
  justifiedOf,
  PageRequest,
  percentOf,
  REPLACED_CONTRACT_STATES,
} from '../domain/customer-file';
import { addDays, dateIn } from '../domain/business-date';
import { DEFAULT_CURRENCY } from '../domain/money';
import { latenessOf, OPEN_ORDER_STATES } from '../domain/my-work';
import { GOODS_GONE_STATES } from '../domain/shipping';
import { bucketSums, configuredBuckets, openItemsQuery } from '../cash-collection/receivable-aging';
import { COLLECTION_FACTS, RECEIVABLE_FACTS } from '../cash-collection/receivable-facts';
import { adminRecordUrl } from '../platform/public-url';
import { instant } from '../platform/stored-values';
import { componentJoin, metaOf, sqlList, rowsById } from '../platform/table-meta';
import {
  COMPLAINT,
  CONTRACT,
  CUSTOMER,
  CUSTOMER_NEED,
  CUSTOMER_OPINION,
  INQUIRY,
  ORDER,
  PAYMENT,
  PRODUCT,
  RECEIVABLE,
  SHIPMENT,
  STATEMENT,
  USER,
} from '../platform/uids';
import { Binding, centsText, dateText, moneyText, pageOf, run, SqlRow, textOrNull } from './file-sql';

/** What every section reads: the customer's row id and documentId, today in the report zone. */
export interface FileContext {
  strapi: Core.Strapi;
  customerId: number;
  documentId: string;
  today: string;
  now: Date;
  timeZone: string;
  page: PageRequest;
}

/** A complaint in these states is over: every other one is still being handled. */
const ENDED_COMPLAINT_STATES = ['closed', 'withdrawn'];

/** A staff user's columns (alias u) as a person: id, name (display name, else user name), e-mail. */
const personOf = (row: SqlRow, prefix: string) =>
  row[`${prefix}_id`] === null || row[`${prefix}_id`] === undefined
    ? null
    : {
        id: Number(row[`${prefix}_id`]),
        name: String(row[`${prefix}_display_name`] || row[`${prefix}_username`] || ''),
        email: textOrNull(row[`${prefix}_email`]),
      };

const personColumns = (strapi: Core.Strapi, alias: string, prefix: string) => {
  const u = metaOf(strapi, USER);
  return `${alias}.id AS ${prefix}_id, ${alias}.${u.column('displayName')} AS ${prefix}_display_name, ${alias}.${u.column('username')} AS ${prefix}_username, ${alias}.${u.column('email')} AS ${prefix}_email`;
};

/**
 * The customer's row (by documentId) with its salesperson and today's open and overdue amounts per
 * currency from the receivables roll-up: one row per currency owed, or one with none.
 */
export const headerSection = async (strapi: Core.Strapi, documentId: string, today: string) => {
  const c = metaOf(strapi, CUSTOMER);
  const salesperson = c.link('salesperson');
  const u = metaOf(strapi, USER);
  const rows = await run(
    strapi,
    `SELECT c.id, c.${c.column('documentId')} AS document_id, c.${c.column('code')} AS code, c.${c.column('name')} AS name,
        c.${c.column('shortName')} AS short_name, c.${c.column('grade')} AS grade, c.${c.column('region')} AS region,
        c.${c.column('paymentTermsDays')} AS payment_terms_days, c.${c.column('creditLimit')} AS credit_limit,
        c.${c.column('creditHold')} AS credit_hold, c.${c.column('creditHoldReason')} AS credit_hold_reason,
        c.${c.column('creditHoldSource')} AS credit_hold_source, c.${c.column('active')} AS active,
        ${personColumns(strapi, 'u', 'sp')},
        b.currency, b.open_cents, b.overdue_cents
      FROM ${c.table} c
      LEFT JOIN ${salesperson.table} cs ON cs.${salesperson.owner} = c.id
      LEFT JOIN ${u.table} u ON u.id = cs.${salesperson.target}
      LEFT JOIN (
        SELECT f.customer_id, f.currency, SUM(f.open_cents) AS open_cents,
          SUM(CASE WHEN f.due_date < ? THEN f.open_cents ELSE 0 END) AS overdue_cents
        FROM ${RECEIVABLE_FACTS} f
        WHERE f.open_cents > 0 AND f.customer_id = (SELECT id FROM ${c.table} WHERE ${c.column('documentId')} = ?)
        GROUP BY f.customer_id, f.currency
      ) b ON b.customer_id = c.id
      WHERE c.${c.column('documentId')} = ?
      ORDER BY b.currency`,
    [today, documentId, documentId]
  );
  if (rows.length === 0) return null;
  const [row] = rows;
  const balances = rows
    .filter((r) => r.currency !== null && r.currency !== undefined)
    .map((r) => ({ currency: String(r.currency), open: centsText(r.open_cents), overdue: centsText(r.overdue_cents) }));
  const inLimitCurrency = balances.find((b) => b.currency === DEFAULT_CURRENCY);
  const creditHold = Boolean(row.credit_hold);
  const overdue = balances.some((b) => new Decimal(b.overdue).gt(0));
  return {
    id: Number(row.id),
    header: {
      documentId: String(row.document_id),
      code: textOrNull(row.code),
      name: String(row.name),
      shortName: textOrNull(row.short_name),
      grade: textOrNull(row.grade),
      region: textOrNull(row.region),
      active: Boolean(row.active),
      salesperson: personOf(row, 'sp'),
      paymentTermsDays: row.payment_terms_days === null ? null : Number(row.payment_terms_days),
      currency: DEFAULT_CURRENCY,
      creditLimit: moneyText(row.credit_limit),
      openBalance: inLimitCurrency?.open ?? '0.00',
      overdue: inLimitCurrency?.overdue ?? '0.00',
      balances,
      creditHold,
      creditHoldReason: creditHold ? textOrNull(row.credit_hold_reason) : null,
      creditHoldSource: creditHold ? (textOrNull(row.credit_hold_source) ?? 'manual') : null,
      warnings: [...(creditHold ? ['creditHold'] : []), ...(overdue ? ['overdue'] : [])],
    },
  };
};

/** The customer's orders still running (not closed or cancelled), newest first, with progress and payment. */
export const openOrders = async ({ strapi, customerId, today, page }: FileContext) => {
  const o = metaOf(strapi, ORDER);
  const owner = o.link('customer');
  const orderLines = componentJoin(strapi, ORDER, 'lines', 'order.line', 'oo.id', 'ol');
  const olQuantity = metaOf(strapi, 'order.line').column('quantity');
  const s = metaOf(strapi, SHIPMENT);
  const shipmentOrder = s.link('order');
  const shipmentLines = componentJoin(strapi, SHIPMENT, 'lines', 'shipment.line', 's.id', 'sl');
  const slQuantity = metaOf(strapi, 'shipment.line').column('quantity');
  const r = metaOf(strapi, RECEIVABLE);
  const receivableOrder = r.link('order');
  const { rows, pagination, tallies } = await pageOf(
    strapi,
    {
      from: `${owner.table} oc ${rowsById(strapi, o.table, 'o', `oc.${owner.owner}`)}`,
      where: `oc.${owner.target} = ? AND o.${o.column('state')} NOT IN (${sqlList(CLOSED_ORDER_STATES)})`,
      bindings: [customerId],
      // Late as the items' flag says (latenessOf: promised date passed while open), over all open orders, not just this page.
      tallies: {
        late: {
          when: `o.${o.column('state')} IN (${sqlList(OPEN_ORDER_STATES)}) AND o.${o.column('promisedDate')} < ?`,
          bindings: [today],
        },
      },
      columns: `o.id, o.${o.column('documentId')} AS document_id, o.${o.column('number')} AS number, o.${o.column('state')} AS state,
        ${dateText(strapi, `o.${o.column('orderDate')}`)} AS order_date, ${dateText(strapi, `o.${o.column('requiredDate')}`)} AS required_date,
        ${dateText(strapi, `o.${o.column('promisedDate')}`)} AS promised_date, o.${o.column('total')} AS total, o.${o.column('currency')} AS currency`,
      orderBy: `o.${o.column('orderDate')} DESC, o.id DESC`,
      extra: {
        sql: `(SELECT COALESCE(SUM(ol.${olQuantity}), 0) FROM ${o.table} oo ${orderLines.sql} WHERE oo.id = p.id) AS ordered_quantity,
          (SELECT COALESCE(SUM(sl.${slQuantity}), 0) FROM ${shipmentOrder.table} so JOIN ${s.table} s ON s.id = so.${shipmentOrder.owner}
             ${shipmentLines.sql}
             WHERE so.${shipmentOrder.target} = p.id AND s.${s.column('state')} IN (${sqlList(GOODS_GONE_STATES)})) AS shipped_quantity,
          (SELECT COALESCE(SUM(r.${r.column('amount')}), 0) FROM ${receivableOrder.table} ro JOIN ${r.table} r ON r.id = ro.${receivableOrder.owner}
             WHERE ro.${receivableOrder.target} = p.id AND r.${r.column('state')} <> 'void') AS billed,
          (SELECT COALESCE(SUM(r.${r.column('openAmount')}), 0) FROM ${receivableOrder.table} ro JOIN ${r.table} r ON r.id = ro.${receivableOrder.owner}
             WHERE ro.${receivableOrder.target} = p.id AND r.${r.column('state')} = 'open') AS open_amount`,
        bindings: [],
      },
    },
    page
  );
  return {
    items: rows.map((row) => {
      const state = String(row.state);
      const promisedDate = textOrNull(row.promised_date);
      const total = moneyText(row.total);
      const billed = moneyText(row.billed);
      const paid = new Decimal(billed).minus(moneyText(row.open_amount)).toFixed(2);
      return {
        documentId: String(row.document_id),
        number: textOrNull(row.number),
        state,
        orderDate: textOrNull(row.order_date),
        requiredDate: textOrNull(row.required_date),
        promisedDate,
        late: latenessOf({ state, promisedDate }, today).includes('past_promised_date'),
        currency: String(row.currency ?? DEFAULT_CURRENCY),
        total,
        orderedQuantity: Number(row.ordered_quantity),
        shippedQuantity: Number(row.shipped_quantity),
        shippedPercent: percentOf(String(row.shipped_quantity), String(row.ordered_quantity)),
        billed,
        paid,
        billedPercent: percentOf(billed, total),
        paidPercent: percentOf(paid, total),
        link: adminRecordUrl(strapi, { uid: ORDER, documentId: String(row.document_id) }),
      };
    }),
    pagination,
    late: tallies.late,
  };
};

/** The customer's contracts (the revision in force of each; replaced revisions left out), newest first. */
export const contracts = async ({ strapi, customerId, page }: FileContext) => {
  const k = metaOf(strapi, CONTRACT);
  const owner = k.link('customer');
  const { rows, pagination } = await pageOf(
    strapi,
    {
      from: `${owner.table} kc ${rowsById(strapi, k.table, 'k', `kc.${owner.owner}`)}`,
      where: `kc.${owner.target} = ? AND k.${k.column('state')} NOT IN (${sqlList(REPLACED_CONTRACT_STATES)})`,
      bindings: [customerId],
      columns: `k.id, k.${k.column('documentId')} AS document_id, k.${k.column('number')} AS number, k.${k.column('revision')} AS revision,
        k.${k.column('state')} AS state, k.${k.column('total')} AS total, k.${k.column('currency')} AS currency,
        ${dateText(strapi, `k.${k.column('contractDate')}`)} AS contract_date, ${dateText(strapi, `k.${k.column('deliveryDate')}`)} AS delivery_date,
        k.${k.column('activatedAt')} AS activated_at`,
      orderBy: `k.${k.column('contractDate')} DESC, k.id DESC`,
    },
    page
  );
  return {
    items: rows.map((row) => ({
      documentId: String(row.document_id),
      number: textOrNull(row.number),
      revision: Number(row.revision ?? 1),
      state: String(row.state),
      currency: String(row.currency ?? DEFAULT_CURRENCY),
      total: moneyText(row.total),
      contractDate: textOrNull(row.contract_date),
      deliveryDate: textOrNull(row.delivery_date),
      activatedAt: instant(row.activated_at),
      link: adminRecordUrl(strapi, { uid: CONTRACT, documentId: String(row.document_id) }),
    })),
    pagination,
  };
};

/** Today's open receivables of the customer per currency and aging bucket (the aging's buckets and open items). */
export const agingOf = async ({ strapi, customerId, today }: FileContext) => {
  const buckets = configuredBuckets(strapi);
  const items = openItemsQuery(strapi, { asOf: today, customerIds: [customerId], fromRollUp: true });
  const sums = bucketSums(buckets, 'o.days_past_due', 'o.open_cents');
  const rows = await run(
    strapi,
    `SELECT o.currency, ${sums.sql}, SUM(o.open_cents) AS total, COUNT(*) AS items
     FROM (${items.sql}) o GROUP BY o.currency ORDER BY o.currency`,
    [...(sums.bindings as Binding[]), ...(items.bindings as Binding[])]
  );
  return {
    asOf: today,
    buckets: buckets.map((b) => ({ key: b.key, label: b.label, from: b.from, to: b.to })),
    byCurrency: rows.map((row) => ({
      currency: String(row.currency),
      items: Number(row.items),
      amounts: Object.fromEntries(buckets.map((b, i) => [b.key, centsText(row[`b${i}`])])),
      total: centsText(row.total),
    })),
  };
};

export const LAST_PAYMENTS = 10;
export const LAST_STATEMENTS = 10;

/** The customer's last payments, newest first: the payments by day (schema version 11's index) that are the customer's, not all of them sorted. */
export const lastPayments = async ({ strapi, customerId }: FileContext) => {
  const p = metaOf(strapi, PAYMENT);
  const owner = p.link('customer');
  const rows = await run(
    strapi,
    `SELECT p.${p.column('documentId')} AS document_id, p.${p.column('number')} AS number, ${dateText(strapi, `p.${p.column('receivedOn')}`)} AS received_on,
        p.${p.column('amount')} AS amount, p.${p.column('unallocatedAmount')} AS unallocated, p.${p.column('currency')} AS currency,
        p.${p.column('method')} AS method, p.${p.column('state')} AS state, p.${p.column('reference')} AS reference
      FROM ${p.table} p
      WHERE p.id IN (SELECT pc.${owner.owner} FROM ${owner.table} pc WHERE pc.${owner.target} = ?)
      ORDER BY p.${p.column('receivedOn')} DESC, p.id DESC LIMIT ${LAST_PAYMENTS}`,
    [customerId]
  );
  return rows.map((row) => ({
    documentId: String(row.document_id),
    number: textOrNull(row.number),
    receivedOn: textOrNull(row.received_on),
    currency: String(row.currency ?? DEFAULT_CURRENCY),
    amount: moneyText(row.amount),
    unallocated: moneyText(row.unallocated),
    method: textOrNull(row.method),
    state: String(row.state),
    reference: textOrNull(row.reference),
  }));
};

/** The customer's last statements with the customer's answer (confirmed or disputed, and the comment). */
export const lastStatements = async ({ strapi, customerId }: FileContext) => {
  const s = metaOf(strapi, STATEMENT);
  const owner = s.link('customer');
  const rows = await run(
    strapi,
    `SELECT s.${s.column('documentId')} AS document_id, s.${s.column('number')} AS number,
        ${dateText(strapi, `s.${s.column('periodFrom')}`)} AS period_from, ${dateText(strapi, `s.${s.column('periodTo')}`)} AS period_to,
        s.${s.column('currency')} AS currency, s.${s.column('closingBalance')} AS closing_balance, s.${s.column('state')} AS state,
        s.${s.column('sentAt')} AS sent_at, s.${s.column('respondedAt')} AS responded_at, s.${s.column('customerComment')} AS customer_comment
      FROM ${owner.table} sc ${rowsById(strapi, s.table, 's', `sc.${owner.owner}`)}
      WHERE sc.${owner.target} = ?
      ORDER BY s.${s.column('periodTo')} DESC, s.id DESC LIMIT ${LAST_STATEMENTS}`,
    [customerId]
  );
  return rows.map((row) => {
    const state = String(row.state);
    const answered = state === 'confirmed' || state === 'disputed';
    return {
      documentId: String(row.document_id),
      number: textOrNull(row.number),
      periodFrom: textOrNull(row.period_from),
      periodTo: textOrNull(row.period_to),
      currency: String(row.currency ?? DEFAULT_CURRENCY),
      closingBalance: moneyText(row.closing_balance),
      state,
      sentAt: instant(row.sent_at),
      answer: answered ? { state, comment: textOrNull(row.customer_comment), at: instant(row.responded_at) } : null,
    };
  });
};

/**
 * How late the customer paid the receivables it settled in the last twelve months: per paid
 * receivable, the days from its due date to the allocation that settled it (0 when on time),
 * averaged weighted by amount as in the credit record; from the receivables roll-up.
 */
export const averageDaysLate = async ({ strapi, customerId, today }: FileContext) => {
  const postgres = strapi.db.dialect.client === 'postgres';
  const late = postgres ? 'MAX(a.allocated_on) - f.due_date' : 'CAST(julianday(MAX(a.allocated_on)) - julianday(f.due_date) AS INTEGER)';
  const since = addDays(today, -365);
  const [row] = await run(
    strapi,
    `SELECT COUNT(*) AS paid, COALESCE(SUM(s.amount_cents), 0) AS amount_cents,
        COALESCE(SUM(s.amount_cents * CASE WHEN s.late > 0 THEN s.late ELSE 0 END), 0) AS weighted
      FROM (
        SELECT f.receivable_id, f.amount_cents, ${late} AS late
        FROM ${RECEIVABLE_FACTS} f JOIN ${COLLECTION_FACTS} a ON a.receivable_id = f.receivable_id AND a.customer_id = f.customer_id
        WHERE f.customer_id = ? AND f.open_cents = 0
        GROUP BY f.receivable_id, f.amount_cents, f.due_date
        HAVING MAX(a.allocated_on) > ?
      ) s`,
    [customerId, since]
  );
  const amount = new Decimal(String(row.amount_cents ?? 0));
  return {
    since,
    paidReceivables: Number(row.paid),
    averageDaysLate: amount.isZero() ? null : new Decimal(String(row.weighted ?? 0)).dividedBy(amount).toDecimalPlaces(1).toNumber(),
  };
};

/** The customer's complaints, newest first: how each stands, whether justified, how long it was open, the customer's rating. */
export const complaintList = async ({ strapi, customerId, today, timeZone, page }: FileContext) => {
  const k = metaOf(strapi, COMPLAINT);
  const owner = k.link('customer');
  const { rows, pagination, tallies } = await pageOf(
    strapi,
    {
      from: `${owner.table} kc ${rowsById(strapi, k.table, 'k', `kc.${owner.owner}`)}`,
      where: `kc.${owner.target} = ?`,
      bindings: [customerId],
      tallies: { open: { when: `k.${k.column('state')} NOT IN (${sqlList(ENDED_COMPLAINT_STATES)})`, bindings: [] } },
      columns: `k.id, k.${k.column('documentId')} AS document_id, k.${k.column('number')} AS number, k.${k.column('state')} AS state,
        k.${k.column('severity')} AS severity, k.${k.column('category')} AS category, k.${k.column('judgement')} AS judgement,
        k.${k.column('receivedAt')} AS received_at, k.${k.column('closedAt')} AS closed_at, k.${k.column('stateEnteredAt')} AS state_entered_at,
        k.${k.column('feedbackRating')} AS feedback_rating, k.${k.column('feedbackComment')} AS feedback_comment`,
      orderBy: `k.${k.column('receivedAt')} DESC, k.id DESC`,
    },
    page
  );
  return {
    items: rows.map((row) => {
      const state = String(row.state);
      const receivedAt = instant(row.received_at);
      // Open until closed; a withdrawn complaint stopped when it was withdrawn.
      const endedAt = instant(row.closed_at) ?? (state === 'withdrawn' ? instant(row.state_entered_at) : null);
      const end = endedAt ? dateIn(timeZone, new Date(endedAt)) : today;
      return {
        documentId: String(row.document_id),
        number: textOrNull(row.number),
        state,
        severity: textOrNull(row.severity),
        category: textOrNull(row.category),
        justified: justifiedOf(textOrNull(row.judgement)),
        receivedAt,
        closedAt: endedAt,
        daysOpen: receivedAt ? daysBetween(dateIn(timeZone, new Date(receivedAt)), end) : null,
        feedbackRating: row.feedback_rating === null || row.feedback_rating === undefined ? null : Number(row.feedback_rating),
        feedbackComment: textOrNull(row.feedback_comment),
        link: adminRecordUrl(strapi, { uid: COMPLAINT, documentId: String(row.document_id) }),
      };
    }),
    pagination,
    open: tallies.open,
  };
};

/** The customer's contact persons (the contacts component), in the order they were entered. */
export const contactPersons = async ({ strapi, customerId }: FileContext) => {
  const join = componentJoin(strapi, CUSTOMER, 'contacts', 'customer.contact', 'c.id', 'ct');
  const ct = metaOf(strapi, 'customer.contact');
  const c = metaOf(strapi, CUSTOMER);
  const rows = await run(
    strapi,
    `SELECT ct.${ct.column('name')} AS name, ct.${ct.column('title')} AS title, ct.${ct.column('phone')} AS phone,
        ct.${ct.column('email')} AS email, ct."${ct.column('primary')}" AS is_primary
      FROM ${c.table} c ${join.sql} WHERE c.id = ? ORDER BY ct.id`,
    [customerId]
  );
  return rows.map((row) => ({
    name: textOrNull(row.name),
    title: textOrNull(row.title),
    phone: textOrNull(row.phone),
    email: textOrNull(row.email),
    primary: Boolean(row.is_primary),
  }));
};

/**
 * The contact log (inquiries), newest first. A follow-up is due when its date has come (on or
 * before today) and no later contact with the customer has been logged since the entry: the
 * later entry is the follow-up.
 */
export const contactLog = async ({ strapi, customerId, today, page }: FileContext) => {
  const q = metaOf(strapi, INQUIRY);
  const owner = q.link('customer');
  const handledBy = q.link('handledBy');
  const u = metaOf(strapi, USER);
  const occurredAt = `q.${q.column('occurredAt')}`;
  const followUp = `q.${q.column('followUpDate')}`;
  const { rows, pagination } = await pageOf(
    strapi,
    {
      from: `${owner.table} qc ${rowsById(strapi, q.table, 'q', `qc.${owner.owner}`)}
        LEFT JOIN ${handledBy.table} qh ON qh.${handledBy.owner} = q.id LEFT JOIN ${u.table} u ON u.id = qh.${handledBy.target}`,
      where: `qc.${owner.target} = ?`,
      bindings: [customerId],
      columns: `q.id, q.${q.column('documentId')} AS document_id, q.${q.column('direction')} AS direction, q.${q.column('channel')} AS channel,
        q.${q.column('kind')} AS kind, q.${q.column('summary')} AS summary, q.${q.column('outcome')} AS outcome, ${occurredAt} AS occurred_at,
        ${dateText(strapi, followUp)} AS follow_up_date, ${followUp} AS follow_up_raw, ${personColumns(strapi, 'u', 'hb')}`,
      orderBy: `${occurredAt} DESC, q.id DESC`,
      extra: {
        sql: `CASE WHEN p.follow_up_raw IS NOT NULL AND p.follow_up_raw <= ? AND NOT EXISTS (
            SELECT 1 FROM ${owner.table} lc JOIN ${q.table} later ON later.id = lc.${owner.owner}
            WHERE lc.${owner.target} = ? AND later.id <> p.id
              AND (later.${q.column('occurredAt')} > p.occurred_at OR (later.${q.column('occurredAt')} = p.occurred_at AND later.id > p.id))
          ) THEN 1 ELSE 0 END AS follow_up_due`,
        bindings: [today, customerId],
      },
    },
    page
  );
  return {
    items: rows.map((row) => ({
      documentId: String(row.document_id),
      occurredAt: instant(row.occurred_at),
      direction: textOrNull(row.direction),
      channel: textOrNull(row.channel),
      kind: textOrNull(row.kind),
      summary: textOrNull(row.summary),
      outcome: textOrNull(row.outcome),
      handledBy: personOf(row, 'hb'),
      followUpDate: textOrNull(row.follow_up_date),
      followUpDue: Number(row.follow_up_due) === 1,
    })),
    pagination,
  };
};

/** What the customer said (客户意见), newest first: by hand, or from complaint feedback and statement disputes. */
export const opinionList = async ({ strapi, customerId, page }: FileContext) => {
  const o = metaOf(strapi, CUSTOMER_OPINION);
  const owner = o.link('customer');
  const recordedBy = o.link('recordedBy');
  const complaint = o.link('complaint');
  const statement = o.link('statement');
  const u = metaOf(strapi, USER);
  const k = metaOf(strapi, COMPLAINT);
  const st = metaOf(strapi, STATEMENT);
  const { rows, pagination } = await pageOf(
    strapi,
    {
      from: `${o.table} o JOIN ${owner.table} oc ON oc.${owner.owner} = o.id
        LEFT JOIN ${recordedBy.table} orb ON orb.${recordedBy.owner} = o.id LEFT JOIN ${u.table} u ON u.id = orb.${recordedBy.target}
        LEFT JOIN ${complaint.table} ok ON ok.${complaint.owner} = o.id LEFT JOIN ${k.table} k ON k.id = ok.${complaint.target}
        LEFT JOIN ${statement.table} os ON os.${statement.owner} = o.id LEFT JOIN ${st.table} st ON st.id = os.${statement.target}`,
      where: `oc.${owner.target} = ?`,
      bindings: [customerId],
      columns: `o.id, o.${o.column('documentId')} AS document_id, o.${o.column('recordedAt')} AS recorded_at, o.${o.column('topic')} AS topic,
        o.${o.column('text')} AS text, o.${o.column('source')} AS source, o.${o.column('sentiment')} AS sentiment,
        o.${o.column('marketInfo')} AS market_info, ${personColumns(strapi, 'u', 'rb')},
        k.${k.column('documentId')} AS complaint_document_id, k.${k.column('number')} AS complaint_number,
        st.${st.column('documentId')} AS statement_document_id, st.${st.column('number')} AS statement_number`,
      orderBy: `o.${o.column('recordedAt')} DESC, o.id DESC`,
    },
    page
  );
  const ref = (documentId: unknown, number: unknown) =>
    documentId === null || documentId === undefined ? null : { documentId: String(documentId), number: textOrNull(number) };
  return {
    items: rows.map((row) => ({
      documentId: String(row.document_id),
      recordedAt: instant(row.recorded_at),
      topic: textOrNull(row.topic),
      text: textOrNull(row.text),
      source: textOrNull(row.source),
      sentiment: textOrNull(row.sentiment),
      marketInfo: Boolean(row.market_info),
      recordedBy: personOf(row, 'rb'),
      complaint: ref(row.complaint_document_id, row.complaint_number),
      statement: ref(row.statement_document_id, row.statement_number),
    })),
    pagination,
  };
};

/** The customer's potential needs (潜在需求), newest first. */
export const needList = async ({ strapi, customerId, page }: FileContext) => {
  const n = metaOf(strapi, CUSTOMER_NEED);
  const owner = n.link('customer');
  const product = n.link('product');
  const recordedBy = n.link('recordedBy');
  const p = metaOf(strapi, PRODUCT);
  const u = metaOf(strapi, USER);
  const { rows, pagination } = await pageOf(
    strapi,
    {
      from: `${n.table} n JOIN ${owner.table} nc ON nc.${owner.owner} = n.id
        LEFT JOIN ${product.table} np ON np.${product.owner} = n.id LEFT JOIN ${p.table} p ON p.id = np.${product.target}
        LEFT JOIN ${recordedBy.table} nrb ON nrb.${recordedBy.owner} = n.id LEFT JOIN ${u.table} u ON u.id = nrb.${recordedBy.target}`,
      where: `nc.${owner.target} = ?`,
      bindings: [customerId],
      columns: `n.id, n.${n.column('documentId')} AS document_id, n.${n.column('description')} AS description, n.${n.column('category')} AS category,
        n.${n.column('estimatedQuantity')} AS estimated_quantity, n.${n.column('estimatedValue')} AS estimated_value, n.${n.column('currency')} AS currency,
        ${dateText(strapi, `n.${n.column('expectedDate')}`)} AS expected_date, n.${n.column('status')} AS status, n.${n.column('notes')} AS notes,
        n.${n.column('recordedAt')} AS recorded_at, p.${p.column('documentId')} AS product_document_id, p.${p.column('sku')} AS product_sku,
        p.${p.column('name')} AS product_name, ${personColumns(strapi, 'u', 'rb')}`,
      orderBy: `n.${n.column('recordedAt')} DESC, n.id DESC`,
    },
    page
  );
  return {
    items: rows.map((row) => ({
      documentId: String(row.document_id),
      description: textOrNull(row.description),
      product:
        row.product_document_id === null || row.product_document_id === undefined
          ? null
          : { documentId: String(row.product_document_id), sku: textOrNull(row.product_sku), name: textOrNull(row.product_name) },
      category: textOrNull(row.category),
      estimatedQuantity: row.estimated_quantity === null || row.estimated_quantity === undefined ? null : Number(row.estimated_quantity),
      estimatedValue: row.estimated_value === null || row.estimated_value === undefined ? null : moneyText(row.estimated_value),
      currency: String(row.currency ?? DEFAULT_CURRENCY),
      expectedDate: textOrNull(row.expected_date),
      status: textOrNull(row.status),
      notes: textOrNull(row.notes),
      recordedAt: instant(row.recorded_at),
      recordedBy: personOf(row, 'rb'),
    })),
    pagination,
  };
};

/**
 * The customer's documents of the kinds the reader may download, newest first: contracts (their
 * page in the admin panel), delivery notes of the shipments that left, statements (PDF and XLSX).
 */
export const documentList = async ({ strapi, customerId, page }: FileContext, kinds: DocumentKind[]) => {
  const k = metaOf(strapi, CONTRACT);
  const kc = k.link('customer');
  const s = metaOf(strapi, SHIPMENT);
  const sc = s.link('customer');
  const st = metaOf(strapi, STATEMENT);
  const stc = st.link('customer');
  const parts: Record<DocumentKind, string> = {
    contract: `SELECT 'contract' AS kind, k.id AS row_id, k.${k.column('documentId')} AS document_id, k.${k.column('number')} AS number,
        k.${k.column('revision')} AS revision, ${dateText(strapi, `k.${k.column('contractDate')}`)} AS day
      FROM ${k.table} k JOIN ${kc.table} kc ON kc.${kc.owner} = k.id
      WHERE kc.${kc.target} = ? AND k.${k.column('state')} NOT IN (${sqlList(REPLACED_CONTRACT_STATES)})`,
    deliveryNote: `SELECT 'deliveryNote' AS kind, s.id AS row_id, s.${s.column('documentId')} AS document_id, s.${s.column('number')} AS number,
        NULL AS revision, ${dateText(strapi, `s.${s.column('plannedDate')}`)} AS day
      FROM ${s.table} s JOIN ${sc.table} sc ON sc.${sc.owner} = s.id
      WHERE sc.${sc.target} = ? AND s.${s.column('state')} IN (${sqlList(GOODS_GONE_STATES)})`,
    statement: `SELECT 'statement' AS kind, st.id AS row_id, st.${st.column('documentId')} AS document_id, st.${st.column('number')} AS number,
        NULL AS revision, ${dateText(strapi, `st.${st.column('periodTo')}`)} AS day
      FROM ${st.table} st JOIN ${stc.table} stc ON stc.${stc.owner} = st.id
      WHERE stc.${stc.target} = ?`,
  };
  const union = kinds.map((kind) => parts[kind]).join(' UNION ALL ');
  const { rows, pagination } = await pageOf(
    strapi,
    {
      from: `(${union}) d`,
      where: '1 = 1',
      bindings: kinds.map(() => customerId),
      columns: 'd.kind, d.row_id AS id, d.document_id, d.number, d.revision, d.day',
      orderBy: "COALESCE(d.day, '') DESC, d.kind, d.row_id DESC",
    },
    page
  );
  const api = '/api';
  return {
    kinds,
    items: rows.map((row) => {
      const kind = String(row.kind) as DocumentKind;
      const documentId = String(row.document_id);
      const files =
        kind === 'contract'
          ? { page: adminRecordUrl(strapi, { uid: CONTRACT, documentId }) }
          : kind === 'deliveryNote'
            ? { pdf: `${api}/shipments/${documentId}/delivery-note.pdf` }
            : { pdf: `${api}/statements/${documentId}/statement.pdf`, xlsx: `${api}/statements/${documentId}/statement.xlsx` };
      return {
        kind,
        documentId,
        number: textOrNull(row.number),
        ...(kind === 'contract' ? { revision: Number(row.revision ?? 1) } : {}),
        date: textOrNull(row.day),
        ...files,
      };
    }),
    pagination,
  };
};
