/**
 * The marketing VP's side of credit control on their home page: the customers on credit hold, each
 * with its reason and what it owes against its limit (the credit position the gate decided on), and
 * the documents of those customers that wait at the credit gate for the VP's override (an order to
 * confirm, a contract to submit or activate, a shipment to ship, with no override granted for it).
 */
import type { Core } from '@strapi/strapi';
import { dateIn } from '../domain/business-date';
import { CREDIT_GATED_STATES, CreditHold, WorkItem } from '../domain/my-work';
import { storedMessage } from '../domain/messages';
import { reportTimeZone } from '../platform/settings';
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
  const documents: { subject: string; uid: string; record: Record<string, unknown> }[] = [];
  for (const { subject, uid } of GATED) {
    const records = await strapi.db.query(uid).findMany({
      where: { customer: { id: { $in: customerIds } }, state: { $in: [...CREDIT_GATED_STATES[subject]] } },
      select: ['documentId', 'number', 'state', 'updatedAt'],
      populate: { customer: { select: ['id', 'name'] } },
      orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
    });
    documents.push(...records.map((record: Record<string, unknown>) => ({ subject, uid, record })));
  }
  // A document with an override already has the VP's decision (an unused one lets its step through, a used one covers its later steps).
  const decided = new Set(
    (
      await strapi.db.query(CREDIT_OVERRIDE).findMany({
        where: { customer: { id: { $in: customerIds } }, subjectId: { $in: documents.map(({ record }) => String(record.documentId)) } },
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
      documentId: String(record.documentId),
      number: record.number ? String(record.number) : null,
      customer: (record.customer as { name?: string } | null)?.name ?? null,
      state: String(record.state),
      actions: [],
      reasons: [],
      since: record.updatedAt ? new Date(record.updatedAt as string).toISOString() : null,
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
        ({ subject, record }) =>
          (record.customer as { id?: number } | null)?.id === customer.id && !decided.has(`${subject} ${record.documentId}`)
      ).length,
    });
  }
  return { holds, items, more: held.length > HELD_SHOWN };
};
