/**
 * The marketing VP's side of credit control on their home page: the customers on credit hold, each
 * with its reason and what it owes against its limit (the credit position the gate decided on), and
 * the documents of those customers that wait at the credit gate for the VP's override (an order to
 * confirm, a contract to submit or activate, a shipment to ship, with no override granted for it).
 */
import type { Core, UID } from '@strapi/strapi';
import { dateIn } from '../domain/business-date';
import { CREDIT_GATED_STATES, CreditHold, WorkItem } from '../domain/my-work';
import { storedMessage } from '../domain/messages';
import { rowsOf } from '../platform/roll-up-writes';
import { reportTimeZone } from '../platform/settings';
import { metaOf, rowsById } from '../platform/table-meta';
import { CONTRACT, CREDIT_OVERRIDE, CUSTOMER, ORDER, SHIPMENT } from '../platform/uids';
import { LIMIT_CURRENCY, openBalances } from '../cash-collection/credit-control';
import { formatMoney, storedMoneyText } from '../domain/money';

/** How many held customers the home page lists, longest held first. */
export const HELD_SHOWN = 200;

const GATED = [
  { subject: 'order', uid: ORDER },
  { subject: 'contract', uid: CONTRACT },
  { subject: 'shipment', uid: SHIPMENT },
] as const;

interface GatedRecord {
  documentId: string;
  number: string | null;
  state: string;
  updatedAt: string | null;
  customerId: number;
}

/**
 * The records of `uid` of these customers in a state that waits at the credit gate, longest waiting
 * first: from the customers' link rows, each record by its key (the Query Engine's join scanned
 * every order's link row: 58 → 5 ms for 200 held customers at --scale large).
 */
const gatedRecords = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  customerIds: number[],
  states: readonly string[]
): Promise<GatedRecord[]> => {
  const t = metaOf(strapi, uid);
  const link = t.link('customer');
  const rows = rowsOf<Record<string, unknown>>(
    await strapi.db.connection.raw(
      `SELECT r.${t.column('documentId')} AS document_id, r.${t.column('number')} AS number, r.${t.column('state')} AS state,
          r.${t.column('updatedAt')} AS updated_at, l.${link.target} AS customer_id
        FROM ${link.table} l ${rowsById(strapi, t.table, 'r', `l.${link.owner}`)}
        WHERE l.${link.target} IN (${customerIds.map(() => '?').join(', ')}) AND r.${t.column('state')} IN (${states.map(() => '?').join(', ')})
        ORDER BY r.${t.column('updatedAt')}, r.id`,
      [...customerIds, ...states]
    )
  );
  return rows.map((row) => ({
    documentId: String(row.document_id),
    number: row.number === null || row.number === undefined ? null : String(row.number),
    state: String(row.state),
    updatedAt: row.updated_at === null || row.updated_at === undefined ? null : new Date(row.updated_at as string | number).toISOString(),
    customerId: Number(row.customer_id),
  }));
};

/** The held customers and their documents waiting at the gate; a handful of queries however many are held. */
export const creditHolds = async (
  strapi: Core.Strapi,
  now: Date = new Date()
): Promise<{ holds: CreditHold[]; items: WorkItem[]; more: boolean }> => {
  const held = await strapi.db.query(CUSTOMER).findMany({
    where: { creditHold: true },
    select: [
      'id',
      'documentId',
      'code',
      'name',
      'creditLimit',
      'creditHoldReason',
      'creditHoldReasonCode',
      'creditHoldReasonParams',
      'creditHoldSource',
    ],
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
    limit: HELD_SHOWN + 1,
  });
  const shown = held.slice(0, HELD_SHOWN);
  if (shown.length === 0) return { holds: [], items: [], more: false };
  const customerIds = shown.map((customer: { id: number }) => customer.id);
  const names = new Map(shown.map((customer: { id: number; name: string }) => [customer.id, customer.name]));
  // Each gated record type read side by side, each from the held customers' links by key.
  const documents = (
    await Promise.all(
      GATED.map(async ({ subject, uid }) =>
        (await gatedRecords(strapi, uid, customerIds, CREDIT_GATED_STATES[subject])).map((record) => ({ subject, uid, record }))
      )
    )
  ).flat();
  // A document with an override already has the VP's decision (an unused one lets its step through, a used one covers its later steps).
  const decided = new Set(
    (
      await strapi.db.query(CREDIT_OVERRIDE).findMany({
        where: { customer: { id: { $in: customerIds } }, subjectId: { $in: documents.map(({ record }) => record.documentId) } },
        select: ['subject', 'subjectId'],
      })
    ).map((override: { subject: string; subjectId: string }) => `${override.subject} ${override.subjectId}`)
  );
  const items: WorkItem[] = documents
    .filter(({ subject, record }) => !decided.has(`${subject} ${record.documentId}`))
    .map(({ subject, uid, record }) => ({
      kind: 'credit-override' as const,
      subject,
      uid,
      documentId: record.documentId,
      number: record.number,
      customer: names.get(record.customerId) ?? null,
      state: record.state,
      actions: [],
      reasons: [],
      since: record.updatedAt,
      dueAt: null,
      overdue: false,
    }));
  const today = dateIn(reportTimeZone(strapi), now);
  const balances = await openBalances(strapi, customerIds, today, true);
  const holds: CreditHold[] = [];
  for (const customer of shown) {
    holds.push({
      documentId: customer.documentId,
      code: customer.code ?? null,
      name: customer.name,
      reason: customer.creditHoldReason ?? null,
      reasonMessage: storedMessage(customer.creditHoldReasonCode, customer.creditHoldReasonParams),
      source: customer.creditHoldSource ?? null,
      openBalance: formatMoney(balances.get(customer.id)!),
      creditLimit: storedMoneyText(customer.creditLimit),
      currency: LIMIT_CURRENCY,
      waiting: documents.filter(
        ({ subject, record }) => record.customerId === customer.id && !decided.has(`${subject} ${record.documentId}`)
      ).length,
    });
  }
  return { holds, items, more: held.length > HELD_SHOWN };
};
