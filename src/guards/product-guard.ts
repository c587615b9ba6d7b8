/**
 * Product writes: the list price is exact money. Stock on hand and reserved are the server's:
 * shipments, allocations and stock adjustments move them (src/stock/stock-adjustment.ts). A new
 * product may be entered with its counted opening stock; after that an edit that sends other
 * figures is refused, since a planner typing a count would otherwise believe it was taken.
 */
import type { Core } from '@strapi/strapi';
import { asValidation, refuse } from '../platform/errors';
import { checkMoneyFields } from './money-fields';
import { Guard, isWrite } from './types';
import { PRODUCT } from '../platform/uids';
import { message } from '../domain/messages';

const COUNTERS = ['stockOnHand', 'stockReserved'] as const;

export const productGuard: Guard = async (strapi, call, next) => {
  if (!isWrite(call.action)) return next();
  const sent = call.sent ?? {};
  const data = call.params.data ?? {};
  if (call.action === 'create') {
    if (sent.stockOnHand !== undefined && sent.stockOnHand !== null) {
      if (!Number.isInteger(sent.stockOnHand) || (sent.stockOnHand as number) < 0)
        throw refuse(['stockOnHand'], message('stock.opening_whole'));
      data.stockOnHand = sent.stockOnHand;
    }
    if (sent.stockReserved) throw refuse(['stockReserved'], message('stock.reserved_not_typed'));
  } else if (call.action === 'update') {
    await refuseChangedCounters(strapi, call.params.documentId, sent);
  }
  return asValidation(async () => {
    checkMoneyFields(data, ['listPrice']);
    return next();
  }, 'sku');
};

/** The content manager echoes the counters it shows; only a different figure is refused. */
const refuseChangedCounters = async (strapi: Core.Strapi, documentId: string | undefined, sent: Record<string, unknown>) => {
  if (!COUNTERS.some((field) => sent[field] !== undefined)) return;
  const stored = await strapi.db.query(PRODUCT).findOne({ where: { documentId }, select: [...COUNTERS] });
  if (!stored) return; // Strapi answers 404 itself
  for (const field of COUNTERS) {
    if (sent[field] !== undefined && sent[field] !== null && Number(sent[field]) !== stored[field]) {
      throw refuse([field], message('stock.counter_by_server', { field }));
    }
  }
};
