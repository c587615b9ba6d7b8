/**
 * The HTTP side of payments, shared by the REST controller (src/api/payment) and the admin routes
 * (src/admin-api/routes.ts): the fields each action takes in `{ data: {...} }`, calling the payment
 * service as the caller, and answering the payment as the caller may see it. Also what the admin
 * panel's side panel reads of a payment: state, version, the caller's actions, the history.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import Decimal from 'decimal.js';
import { ACCESS_MATRIX } from '../domain/access-matrix';
import { formatMoney } from '../domain/money';
import type { PayableReceivable } from '../domain/payment-allocation';
import { forbidden, noSuchDocument } from '../platform/errors';
import { handlerOf } from '../platform/endpoint';
import { Actor, currentActor } from '../platform/actor';
import { historyOf } from '../workflow-engine/workflow-service';
import { paymentProgress, ProgressSubject } from './payment-progress';
import { allocatePayment, AllocationResult, PAYMENT_INPUT_FIELDS, recordPayment, reversePayment } from './payments';
import { PAYMENT, RECEIVABLE } from '../platform/uids';
import { message } from '../domain/messages';

export const PAYMENT_ACTIONS = ['allocate', 'reverse'] as const;
export type PaymentAction = (typeof PAYMENT_ACTIONS)[number];
/** The fields of `{ data }` each action takes; the edge refuses any other. */
export const PAYMENT_ACTION_FIELDS: Record<PaymentAction, readonly string[]> = {
  allocate: ['version', 'allocations', 'comment'],
  reverse: ['version', 'reason', 'comment'],
};

/** Who may record, allocate and reverse payments: the roles the access matrix lets create them. */
export const mayHandlePayments = (actor: Actor): boolean => actor.roles.some((role) => ACCESS_MATRIX.payment[role]?.includes('create'));

/** Allocates or reverses a payment as `actor`: only those who handle payments (the sales clerk) may. */
export const takePaymentAction = async (
  strapi: Core.Strapi,
  documentId: string,
  action: PaymentAction,
  data: Record<string, unknown>,
  actor: Actor
): Promise<AllocationResult> => {
  if (!mayHandlePayments(actor)) throw forbidden(message('payment.clerk_only'));
  const run = action === 'allocate' ? allocatePayment : reversePayment;
  return run(strapi, documentId, data, actor);
};

/** The payment with its customer and allocations, sanitized for the caller. */
const paymentAnswer = async (strapi: Core.Strapi, ctx: Context, result: AllocationResult) => {
  const record = await strapi.documents(PAYMENT).findOne({
    documentId: result.payment.documentId,
    populate: { customer: true, allocations: { populate: { receivable: true } } },
  });
  const data = await strapi.contentAPI.sanitize.output(record, strapi.getModel(PAYMENT), { auth: ctx.state.auth });
  return { data, meta: { allocated: result.allocated } };
};

export const restPaymentHandlers = (strapi: Core.Strapi) => ({
  create: handlerOf({
    data: { fields: PAYMENT_INPUT_FIELDS },
    status: 201,
    handle: async (ctx, { data }) => paymentAnswer(strapi, ctx, await recordPayment(strapi, data, await currentActor(strapi))),
  }),
  ...Object.fromEntries(
    PAYMENT_ACTIONS.map((action) => [
      action,
      handlerOf({
        data: { fields: PAYMENT_ACTION_FIELDS[action] },
        handle: async (ctx, { params, data }) =>
          paymentAnswer(strapi, ctx, await takePaymentAction(strapi, params.documentId, action, data, await currentActor(strapi))),
      }),
    ])
  ),
});

/** How many open receivables the panel lists; more are still paid by oldest-first allocation or REST. */
export const PAYABLE_LIST_LIMIT = 100;

/** The customer's open receivables in a currency, oldest due first as the oldest-first allocation takes them. */
const payableReceivables = async (strapi: Core.Strapi, customerId: number, currency: string): Promise<PayableReceivable[]> => {
  const rows = await strapi.db.query(RECEIVABLE).findMany({
    where: { customer: { id: customerId }, currency, state: 'open' },
    select: ['documentId', 'invoiceDate', 'dueDate', 'openAmount', 'currency'],
    populate: { shipment: { select: ['number'] }, order: { select: ['number'] } },
    orderBy: [{ dueDate: 'asc' }, { invoiceDate: 'asc' }, { id: 'asc' }],
    limit: PAYABLE_LIST_LIMIT,
  });
  return rows.map(
    (row: {
      documentId: string;
      invoiceDate: string;
      dueDate: string;
      openAmount: unknown;
      currency: string;
      shipment?: { number: string } | null;
      order?: { number: string } | null;
    }) => ({
      documentId: row.documentId,
      reference: row.shipment?.number ?? row.order?.number ?? row.documentId,
      invoiceDate: String(row.invoiceDate),
      dueDate: String(row.dueDate),
      openAmount: formatMoney(new Decimal(String(row.openAmount))),
      currency: row.currency,
    })
  );
};

/**
 * What the admin panel shows of a payment, in the shape of a workflow's view; while it can be
 * allocated, also the customer's open receivables in its currency, to pay chosen ones.
 */
export const describePayment = async (strapi: Core.Strapi, documentId: string, actor: Actor) => {
  const payment = await strapi.db.query(PAYMENT).findOne({
    where: { documentId },
    select: ['state', 'version', 'unallocatedAmount', 'currency'],
    populate: { customer: { select: ['id'] } },
  });
  if (!payment) throw noSuchDocument('payment');
  const allowed: PaymentAction[] = [];
  if (payment.state === 'posted' && mayHandlePayments(actor)) {
    if (new Decimal(String(payment.unallocatedAmount)).gt(0)) allowed.push('allocate');
    allowed.push('reverse');
  }
  return {
    state: payment.state,
    version: payment.version,
    allowedActions: allowed,
    review: { round: 0, awaited: [], opinions: [] },
    history: await historyOf(strapi, 'payment', documentId),
    ...(allowed.includes('allocate') && payment.customer
      ? { openReceivables: await payableReceivables(strapi, payment.customer.id, payment.currency) }
      : {}),
  };
};

/** GET .../:documentId/payment-progress of an order or a contract (the route comes with reading receivables). */
export const paymentProgressHandler = (strapi: Core.Strapi, subject: ProgressSubject) =>
  handlerOf({ handle: async (_ctx, { params }) => ({ data: await paymentProgress(strapi, subject, params.documentId) }) });
