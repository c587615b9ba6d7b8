/**
 * Stock adjustments (库存调整): a receipt from production or outside supply, or a correction after a
 * count, recorded by whoever may update products (the planner, the cs-supervisor). On hand changes by
 * one conditional UPDATE that never lets it fall below what is reserved for orders, nor below zero;
 * the product's history records who, when, how much and why. The full stock ledger is issue 22's.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { conflict, refuse } from '../platform/errors';
import { handlerOf } from '../platform/endpoint';
import { Actor, currentActor } from '../platform/actor';
import { asTrustedWrite } from '../platform/trusted-write';
import { recordEvent } from '../workflow-engine/workflow-service';
import { PRODUCT } from '../platform/uids';

export interface StockAdjustment {
  /** Pieces added (receipt) or taken away (correction); never 0. */
  quantity: number;
  reason: string;
}

export const parseStockAdjustment = (data: unknown): StockAdjustment => {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new errors.ValidationError('send { "data": { "quantity": n, "reason": "..." } }');
  const { quantity, reason, ...rest } = data as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw refuse([unknown[0]], 'unknown field; a stock adjustment takes quantity and reason');
  if (!Number.isInteger(quantity) || quantity === 0)
    throw refuse(['quantity'], 'must be a whole number of pieces, not 0 (negative to take stock away)');
  if (typeof reason !== 'string' || !reason.trim()) throw refuse(['reason'], 'say why stock changes (receipt from production, count, …)');
  if (reason.length > 500) throw refuse(['reason'], 'must be at most 500 characters');
  return { quantity: quantity as number, reason: reason.trim() };
};

export const adjustStock = async (strapi: Core.Strapi, documentId: string, adjustment: StockAdjustment, actor: Actor) =>
  strapi.db.transaction(async ({ trx }) => {
    const table = strapi.db.metadata.get(PRODUCT).tableName;
    const product = await trx(table).where({ document_id: documentId }).first('id', 'sku', 'stock_on_hand', 'stock_reserved');
    if (!product) throw new errors.NotFoundError('No product with this documentId');
    const changed = await trx(table)
      .where({ id: product.id })
      .andWhereRaw('stock_on_hand + ? >= stock_reserved', [adjustment.quantity])
      .andWhereRaw('stock_on_hand + ? >= 0', [adjustment.quantity])
      .increment('stock_on_hand', adjustment.quantity);
    if (!changed) {
      const now = await trx(table).where({ id: product.id }).first('stock_on_hand', 'stock_reserved');
      throw conflict(
        `${product.sku}: ${now.stock_on_hand} on hand, ${now.stock_reserved} reserved for orders; on hand cannot fall below what is reserved`,
        {
          onHand: now.stock_on_hand,
          reserved: now.stock_reserved,
        }
      );
    }
    const after = await trx(table).where({ id: product.id }).first('stock_on_hand', 'stock_reserved');
    await asTrustedWrite(() =>
      recordEvent(
        strapi,
        'product',
        documentId,
        {
          action: 'adjust_stock',
          from: String(after.stock_on_hand - adjustment.quantity),
          to: String(after.stock_on_hand),
          role: actor.roles[0],
          comment: adjustment.reason,
        },
        actor,
        new Date()
      )
    );
    return {
      documentId,
      sku: product.sku,
      stockOnHand: after.stock_on_hand,
      stockReserved: after.stock_reserved,
      available: after.stock_on_hand - after.stock_reserved,
    };
  });

/** POST /api/products/:documentId/stock-adjustments { data: { quantity, reason } } */
export const stockAdjustmentHandler = (strapi: Core.Strapi) =>
  handlerOf({
    data: { fields: ['quantity', 'reason'] },
    handle: async (_ctx, { params, data }) => ({
      data: await adjustStock(strapi, params.documentId, parseStockAdjustment(data), await currentActor(strapi)),
    }),
  });
