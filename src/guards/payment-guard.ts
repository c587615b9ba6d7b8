/**
 * Every Document Service write of a payment passes here. A create — the admin panel's content
 * manager, or any service — is recorded by the payment service (number, exact amounts, oldest-first
 * allocation, history), which writes it as a trusted write; the created payment is answered as the
 * Document Service would. A payment is never updated, copied or deleted: it is allocated or
 * reversed through its own actions.
 */
import { recordPayment } from '../cash-collection/payments';
import { currentActor } from '../platform/actor';
import { isTrustedWrite } from '../platform/trusted-write';
import { conflict } from '../platform/errors';
import { Guard } from './types';
import { PAYMENT } from '../platform/uids';

const READS = new Set(['findOne', 'findMany', 'findFirst', 'count']);

export const paymentGuard: Guard = async (strapi, call, next) => {
  if (READS.has(call.action) || isTrustedWrite()) return next();
  if (call.action !== 'create') throw conflict({ code: 'payment.unchangeable' });
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  // An allocation list in the service's own shape is kept; the content manager's relation input is not one.
  if (Array.isArray(call.sent?.allocations)) data.allocations = call.sent.allocations;
  const { payment } = await recordPayment(strapi, data, await currentActor(strapi));
  const { data: _data, ...read } = call.params;
  return strapi.documents(PAYMENT).findOne({ ...read, documentId: payment.documentId });
};
