/**
 * Payments (收款) and their allocation (核销) to receivables, the one way money reaches the books:
 * - `recordPayment`: checks every field, numbers the payment from the SK series, and allocates it
 *   (explicitly, oldest first by default, or not at all with `allocate: false`);
 * - `allocatePayment`: allocates what is still unallocated, explicitly or oldest first;
 * - `reversePayment`: with a reason and the version read, reopens everything the payment paid.
 * Each is one transaction: the payment's row is locked first, then the receivables it touches in
 * id order (PostgreSQL `FOR UPDATE`; SQLite has one writer), the plan is made from what the locks
 * show, and every amount moves by a conditional UPDATE that cannot take an open amount or an
 * unallocated amount below zero. A refusal rolls everything back. Each step is in the history
 * (subject `payment`) with the acting staff member.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { dateIn, yearIn } from '../domain/business-date';
import { SERIES } from '../domain/document-number';
import { formatMoney, storedMoney } from '../domain/money';
import { checkPaymentFields } from '../domain/payment';
import {
  allocatedOn,
  OpenReceivable,
  PlannedAllocation,
  planExplicit,
  planOldestFirst,
  RequestedAllocation,
} from '../domain/payment-allocation';
import { DomainValidationError, FieldProblem, fieldProblem } from '../domain/validation-error';
import { asValidation, conflict, notFound, refuse, refuseMissing } from '../platform/errors';
import { reassessCredit } from './credit-control';
import { syncReceivableRollUps } from './receivable-roll-ups';
import { nextNumber } from '../platform/next-number';
import { reportTimeZone } from '../platform/settings';
import { Actor } from '../platform/actor';
import { metaOf } from '../platform/table-meta';
import { asTrustedWrite } from '../platform/trusted-write';
import { recordEvent } from '../workflow-engine/workflow-service';
import { ALLOCATION, CUSTOMER, PAYMENT, RECEIVABLE } from '../platform/uids';

type Knex = Core.Strapi['db']['connection'];

/** The fields a client may send for a new payment. */
export const PAYMENT_INPUT_FIELDS = [
  'customer',
  'amount',
  'currency',
  'receivedOn',
  'method',
  'reference',
  'notes',
  'allocations',
  'allocate',
] as const;

export interface AllocationResult {
  payment: { id: number; documentId: string; number: string };
  allocated: { receivable: string; amount: string }[];
}

interface LockedPayment {
  id: number;
  documentId: string;
  number: string;
  customerId: number;
  currency: string;
  receivedOn: string;
  amount: Decimal;
  unallocated: Decimal;
  state: string;
  version: number;
}

const money = storedMoney;
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);
const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';
const today = (strapi: Core.Strapi, now: Date) => dateIn(reportTimeZone(strapi), now);
const roleOf = (actor: Actor) => actor.roles[0] ?? (actor.superAdmin ? 'super-admin' : undefined);

/** A customer named as a documentId, `{ documentId }`, a numeric id, or the admin panel's `{ connect: [{ id }] }`. */
const customerIdOf = async (strapi: Core.Strapi, value: unknown): Promise<number> => {
  let named: unknown = value;
  if (named && typeof named === 'object' && !Array.isArray(named) && 'connect' in named)
    named = (named as { connect: unknown[] }).connect?.[0];
  if (Array.isArray(named)) named = named[0];
  if (named && typeof named === 'object')
    named = (named as { documentId?: unknown; id?: unknown }).documentId ?? (named as { id?: unknown }).id;
  if (named === undefined || named === null || named === '') throw refuseMissing('customer');
  const where = typeof named === 'number' ? { id: named } : typeof named === 'string' ? { documentId: named } : null;
  const customer = where ? await strapi.db.query(CUSTOMER).findOne({ where, select: ['id'] }) : null;
  if (!customer) throw refuse(['customer'], { code: 'payment.unknown_customer', params: { customer: String(named) } });
  return customer.id;
};

const checkTexts = (data: Record<string, unknown>) => {
  const problems: FieldProblem[] = [];
  for (const [field, max] of [
    ['reference', 100],
    ['notes', 2000],
  ] as const) {
    const value = data[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') problems.push(fieldProblem([field], 'field.text'));
    else if (value.length > max) problems.push(fieldProblem([field], 'field.too_long', { max }));
  }
  if (data.allocate !== undefined && typeof data.allocate !== 'boolean') problems.push(fieldProblem(['allocate'], 'field.boolean'));
  if (data.allocations !== undefined && data.allocations !== null && !Array.isArray(data.allocations)) {
    problems.push(fieldProblem(['allocations'], 'allocation.list'));
  }
  if (Array.isArray(data.allocations) && data.allocate === false && data.allocations.length > 0) {
    problems.push(fieldProblem(['allocate'], 'allocation.contradiction'));
  }
  if (problems.length > 0) throw new DomainValidationError(problems);
};

/** Locks the payment's row, then reads it. */
const lockPayment = async (strapi: Core.Strapi, trx: Knex, documentId: string): Promise<LockedPayment> => {
  const p = metaOf(strapi, PAYMENT);
  const locked = await trx(p.table)
    .where({ document_id: documentId })
    .update({ version: trx.ref('version') });
  if (!locked) throw notFound({ code: 'workflow.not_found', params: { subject: 'payment', documentId } });
  const row = await strapi.db.query(PAYMENT).findOne({ where: { documentId }, populate: { customer: { select: ['id'] } } });
  return {
    id: row.id,
    documentId: row.documentId,
    number: row.number,
    customerId: row.customer?.id,
    currency: row.currency,
    receivedOn: row.receivedOn,
    amount: money(row.amount),
    unallocated: money(row.unallocatedAmount),
    state: row.state,
    version: row.version,
  };
};

/**
 * The receivables an allocation may touch, locked in id order: those named (by documentId), or
 * the customer's open ones in the payment's currency.
 */
const lockReceivables = async (
  strapi: Core.Strapi,
  trx: Knex,
  which: { refs: string[] } | { customerId: number; currency: string }
): Promise<OpenReceivable[]> => {
  const r = metaOf(strapi, RECEIVABLE);
  const owner = r.link('customer');
  const bindings: (string | number)[] = [];
  let where: string;
  if ('refs' in which) {
    if (which.refs.length === 0) return [];
    where = `r.document_id IN (${which.refs.map(() => '?').join(', ')})`;
    bindings.push(...which.refs);
  } else {
    where = `rc.${owner.target} = ? AND r.${r.column('currency')} = ? AND r.${r.column('state')} = 'open'`;
    bindings.push(which.customerId, which.currency);
  }
  const rows = rowsOf<Record<string, unknown>>(
    await trx.raw(
      `SELECT r.id, r.document_id, rc.${owner.target} AS customer_id, r.${r.column('currency')} AS currency, r.${r.column('state')} AS state,
         r.${r.column('openAmount')} AS open_amount, r.${r.column('invoiceDate')} AS invoice_date, r.${r.column('dueDate')} AS due_date
       FROM ${r.table} r LEFT JOIN ${owner.table} rc ON rc.${owner.owner} = r.id
       WHERE ${where} ORDER BY r.id ${isPostgres(strapi) ? 'FOR UPDATE OF r' : ''}`,
      bindings
    )
  );
  return rows.map((row) => ({
    id: Number(row.id),
    ref: String(row.document_id),
    customerId: row.customer_id === null || row.customer_id === undefined ? null : Number(row.customer_id),
    currency: String(row.currency),
    state: String(row.state),
    openAmount: money(row.open_amount),
    invoiceDate: String(row.invoice_date),
    dueDate: String(row.due_date),
  }));
};

/**
 * Allocates from a locked payment: plans from the locked receivables, then moves each amount with
 * a conditional UPDATE (never below zero) and records the allocation.
 */
const allocate = async (
  strapi: Core.Strapi,
  trx: Knex,
  payment: LockedPayment,
  requested: RequestedAllocation[] | undefined
): Promise<AllocationResult['allocated']> => {
  const paying = { customerId: payment.customerId, currency: payment.currency, unallocated: payment.unallocated };
  let plan: PlannedAllocation[];
  let receivables: OpenReceivable[];
  if (requested) {
    const refs = [...new Set(requested.map((item) => item.receivable).filter((ref): ref is string => typeof ref === 'string'))];
    receivables = await lockReceivables(strapi, trx, { refs });
    plan = planExplicit(paying, requested, receivables);
  } else {
    receivables = await lockReceivables(strapi, trx, { customerId: payment.customerId, currency: payment.currency });
    plan = planOldestFirst(paying, receivables);
  }
  if (plan.length === 0) return [];

  const r = metaOf(strapi, RECEIVABLE);
  const p = metaOf(strapi, PAYMENT);
  const open = r.column('openAmount');
  const state = r.column('state');
  const byId = new Map(receivables.map((receivable) => [receivable.id, receivable]));
  let total = new Decimal(0);
  for (const item of [...plan].sort((a, b) => a.receivableId - b.receivableId)) {
    const amount = Number(formatMoney(item.amount));
    const taken = await trx(r.table)
      .where({ id: item.receivableId, [state]: 'open' })
      .andWhere(open, '>=', amount)
      .update({
        [open]: trx.raw(`ROUND(${open} - ?, 2)`, [amount]),
        [state]: trx.raw(`CASE WHEN ROUND(${open} - ?, 2) <= 0 THEN 'paid' ELSE 'open' END`, [amount]),
      });
    if (!taken) throw conflict({ code: 'receivable.changed', params: { receivable: byId.get(item.receivableId)!.ref } });
    // Creating the allocation (a Query Engine write) brings the receivables roll-ups in step with this UPDATE too.
    await strapi.db.query(ALLOCATION).create({
      data: {
        payment: payment.id,
        receivable: item.receivableId,
        amount: formatMoney(item.amount),
        allocatedOn: allocatedOn(payment.receivedOn, byId.get(item.receivableId)!.invoiceDate),
        reversedOn: null,
      },
    });
    total = total.plus(item.amount);
  }
  const unallocated = p.column('unallocatedAmount');
  const spent = Number(formatMoney(total));
  const left = await trx(p.table)
    .where({ id: payment.id, [p.column('state')]: 'posted' })
    .andWhere(unallocated, '>=', spent)
    .update({ [unallocated]: trx.raw(`ROUND(${unallocated} - ?, 2)`, [spent]) });
  if (!left) throw conflict({ code: 'payment.short', params: { payment: payment.number, amount: formatMoney(total) } });
  payment.unallocated = payment.unallocated.minus(total);
  return plan.map((item) => ({ receivable: byId.get(item.receivableId)!.ref, amount: formatMoney(item.amount) }));
};

const requestedAllocations = (value: unknown): RequestedAllocation[] | undefined => {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw refuse(['allocations'], { code: 'allocation.list' });
  return value.map((item) =>
    item && typeof item === 'object' ? (item as RequestedAllocation) : { receivable: undefined, amount: undefined }
  );
};

/**
 * One payment write: a transaction of trusted writes (the record guards let the service through),
 * its domain refusals answered as 400s naming the fields.
 */
const paymentWrite = <T>(strapi: Core.Strapi, work: (trx: Knex) => Promise<T>, uniqueField?: string): Promise<T> =>
  asValidation(() => strapi.db.transaction(({ trx }) => asTrustedWrite(() => work(trx))) as Promise<T>, uniqueField);

/** Records a payment (and allocates it unless `allocate: false`). */
export const recordPayment = async (
  strapi: Core.Strapi,
  data: Record<string, unknown>,
  actor: Actor,
  now: Date = new Date()
): Promise<AllocationResult> =>
  paymentWrite(
    strapi,
    async (trx) => {
      const fields = checkPaymentFields(data, today(strapi, now));
      checkTexts(data);
      const customerId = await customerIdOf(strapi, data.customer);
      const requested = requestedAllocations(data.allocations);
      const number = await nextNumber(strapi, SERIES.payment, yearIn(reportTimeZone(strapi), now));
      const created = await strapi.db.query(PAYMENT).create({
        data: {
          number,
          customer: customerId,
          amount: formatMoney(fields.amount),
          unallocatedAmount: formatMoney(fields.amount),
          currency: fields.currency,
          receivedOn: fields.receivedOn,
          method: fields.method,
          reference: typeof data.reference === 'string' && data.reference.trim() ? data.reference.trim() : null,
          notes: typeof data.notes === 'string' && data.notes.trim() ? data.notes.trim() : null,
          state: 'posted',
          recordedBy: actor.staffUserId,
          version: 1,
        },
      });
      const payment = await lockPayment(strapi, trx, created.documentId);
      const allocated = data.allocate === false ? [] : await allocate(strapi, trx, payment, requested);
      await recordEvent(
        strapi,
        'payment',
        payment.documentId,
        {
          action: 'record',
          from: 'new',
          to: 'posted',
          role: roleOf(actor),
          // The history keeps what staff wrote; the amounts and allocations are the payment's own
          // records, shown by its panel in the reader's language (a composed sentence here was English only).
          comment: null,
        },
        actor,
        now
      );
      // The customer owes less now: the credit hold follows in the same transaction.
      await reassessCredit(strapi, customerId, now);
      return { payment: { id: payment.id, documentId: payment.documentId, number }, allocated };
    },
    'number'
  );

const checkVersion = (payment: LockedPayment, version: unknown, required: boolean) => {
  if (version === undefined || version === null) {
    if (required) throw refuse(['version'], { code: 'payment.version_required' });
    return;
  }
  if (!Number.isInteger(version)) throw refuse(['version'], { code: 'field.whole_number' });
  if (version !== payment.version) {
    throw conflict(
      { code: 'payment.stale', params: { payment: payment.number, current: payment.version, given: String(version) } },
      { version: payment.version }
    );
  }
};

const mustBePosted = (payment: LockedPayment) => {
  if (payment.state !== 'posted') {
    throw conflict(
      { code: 'payment.not_posted', params: { payment: payment.number, state: payment.state, subject: 'payment' } },
      { state: payment.state }
    );
  }
};

/** An action on a recorded payment, as the caller asked it (`data`), in one transaction. */
type PaymentStep = (
  strapi: Core.Strapi,
  documentId: string,
  data: Record<string, unknown>,
  actor: Actor,
  now?: Date
) => Promise<AllocationResult>;

/** Allocates what is left on a payment: `{ allocations: [{ receivable, amount }] }`, or oldest first without them. */
export const allocatePayment: PaymentStep = (strapi, documentId, data, actor, now = new Date()) =>
  paymentWrite(strapi, async (trx) => {
    const requested = requestedAllocations(data.allocations);
    const payment = await lockPayment(strapi, trx, documentId);
    mustBePosted(payment);
    checkVersion(payment, data.version, false);
    if (payment.unallocated.lte(0)) throw conflict({ code: 'payment.fully_allocated', params: { payment: payment.number } });
    const allocated = await allocate(strapi, trx, payment, requested);
    if (allocated.length === 0) throw conflict({ code: 'payment.nothing_open', params: { currency: payment.currency } });
    await strapi.db.query(PAYMENT).update({ where: { id: payment.id }, data: { version: payment.version + 1 } });
    const comment = typeof data.comment === 'string' && data.comment.trim() ? data.comment.trim() : null;
    await recordEvent(
      strapi,
      'payment',
      documentId,
      { action: 'allocate', from: 'posted', to: 'posted', role: roleOf(actor), comment },
      actor,
      now
    );
    await reassessCredit(strapi, payment.customerId, now);
    return { payment: { id: payment.id, documentId, number: payment.number }, allocated };
  });

/** Reverses a payment: every allocation in force ends today and its amount is open again. */
export const reversePayment: PaymentStep = (strapi, documentId, data, actor, now = new Date()) =>
  paymentWrite(strapi, async (trx) => {
    const reason = typeof data.reason === 'string' ? data.reason.trim() : '';
    if (!reason) throw refuse(['reason'], { code: 'payment.reason_required' });
    if (reason.length > 1000) throw refuse(['reason'], { code: 'field.too_long', params: { max: 1000 } });
    const payment = await lockPayment(strapi, trx, documentId);
    checkVersion(payment, data.version, true);
    mustBePosted(payment);

    const a = metaOf(strapi, ALLOCATION);
    const r = metaOf(strapi, RECEIVABLE);
    const p = metaOf(strapi, PAYMENT);
    const ofPayment = a.link('payment');
    const toReceivable = a.link('receivable');
    const inForce = rowsOf<{ id: number; amount: unknown; receivable_id: number; receivable_ref: string }>(
      await trx.raw(
        `SELECT a.id, a.${a.column('amount')} AS amount, ar.${toReceivable.target} AS receivable_id, r.document_id AS receivable_ref
         FROM ${a.table} a
         JOIN ${ofPayment.table} ap ON ap.${ofPayment.owner} = a.id
         JOIN ${toReceivable.table} ar ON ar.${toReceivable.owner} = a.id
         JOIN ${r.table} r ON r.id = ar.${toReceivable.target}
         WHERE ap.${ofPayment.target} = ? AND a.${a.column('reversedOn')} IS NULL
         ORDER BY ar.${toReceivable.target}, a.id`,
        [payment.id]
      )
    );
    const ids = [...new Set(inForce.map((row) => Number(row.receivable_id)))];
    if (ids.length > 0) await lockReceivables(strapi, trx, { refs: [...new Set(inForce.map((row) => row.receivable_ref))] });
    const open = r.column('openAmount');
    for (const row of inForce) {
      const amount = Number(formatMoney(money(row.amount)));
      // Back to open, never above the receivable's amount; a void receivable has no allocation in force.
      const reopened = await trx(r.table)
        .where({ id: row.receivable_id })
        .whereIn(r.column('state'), ['open', 'paid'])
        .andWhere(trx.raw(`ROUND(${open} + ?, 2) <= ${r.column('amount')}`, [amount]))
        .update({ [open]: trx.raw(`ROUND(${open} + ?, 2)`, [amount]), [r.column('state')]: 'open' });
      if (!reopened) {
        throw conflict({
          code: 'receivable.cannot_take_back',
          params: { receivable: row.receivable_ref, amount: formatMoney(money(row.amount)) },
        });
      }
    }
    const day = today(strapi, now);
    if (inForce.length > 0) {
      const ended = await trx(a.table)
        .whereIn(
          'id',
          inForce.map((row) => row.id)
        )
        .whereNull(a.column('reversedOn'))
        .update({ [a.column('reversedOn')]: day });
      if (ended !== inForce.length) throw conflict({ code: 'payment.changed', params: { payment: payment.number } });
      // These UPDATEs fire no lifecycle hooks: the receivables roll-ups follow them here.
      await syncReceivableRollUps(strapi, ids);
    }
    const reversed = await trx(p.table)
      .where({ id: payment.id, [p.column('state')]: 'posted', version: payment.version })
      .update({
        [p.column('state')]: 'reversed',
        [p.column('unallocatedAmount')]: Number(formatMoney(payment.amount)),
        [p.column('reversalReason')]: reason,
        [p.column('reversedAt')]: now,
        version: payment.version + 1,
      });
    if (!reversed) throw conflict({ code: 'payment.changed', params: { payment: payment.number } });
    await recordEvent(
      strapi,
      'payment',
      documentId,
      { action: 'reverse', from: 'posted', to: 'reversed', role: roleOf(actor), comment: reason },
      actor,
      now
    );
    // The customer owes more again: the credit hold may follow.
    await reassessCredit(strapi, payment.customerId, now);
    return {
      payment: { id: payment.id, documentId, number: payment.number },
      allocated: inForce.map((row) => ({ receivable: row.receivable_ref, amount: `-${formatMoney(money(row.amount))}` })),
    };
  });
