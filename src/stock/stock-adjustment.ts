/**
 * Stock adjustments (库存调整): a receipt from production or outside supply, or a correction after a
 * count, recorded by whoever may update products (the planner, the cs-supervisor). On hand changes by
 * one conditional UPDATE that never lets it fall below what is reserved for orders, nor below zero;
 * the product's history records who, when, how much and why. The full stock ledger is issue 22's.
 */
import type { Core } from '@strapi/strapi';
import { conflict, invalidRequest, noSuchDocument, refuse } from '../platform/errors';
import { handlerOf } from '../platform/endpoint';
import { Actor, currentActor } from '../platform/actor';
import { asTrustedWrite } from '../platform/trusted-write';
import { recordEvent } from '../workflow-engine/workflow-service';
import { PRODUCT } from '../platform/uids';
import { message } from '../domain/messages';

export interface StockAdjustment {
  /** Pieces added (receipt) or taken away (correction); never 0. */
  quantity: number;
  reason: string;
}

export const parseStockAdjustment = (data: unknown): StockAdjustment => {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw invalidRequest(message('request.send_shape', { shape: '{ "data": { "quantity": n, "reason": "..." } }' }));
  const { quantity, reason, ...rest } = data as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw refuse([unknown[0]], message('stock.unknown_field'));
  if (!Number.isInteger(quantity) || quantity === 0) throw refuse(['quantity'], message('stock.adjustment_quantity'));
  if (typeof reason !== 'string' || !reason.trim()) throw refuse(['reason'], message('stock.reason_required'));
  if (reason.length > 500) throw refuse(['reason'], message('field.too_long', { max: 500 }));
  return { quantity: quantity as number, reason: reason.trim() };
};

export const adjustStock = async (strapi: Core.Strapi, documentId: string, adjustment: StockAdjustment, actor: Actor) =>
  strapi.db.transaction(async ({ trx }) => {
    const table = strapi.db.metadata.get(PRODUCT).tableName;
    const product = await trx(table).where({ document_id: documentId }).first('id', 'sku', 'stock_on_hand', 'stock_reserved');
    if (!product) throw noSuchDocument('product');
    const changed = await trx(table)
      .where({ id: product.id })
      .andWhereRaw('stock_on_hand + ? >= stock_reserved', [adjustment.quantity])
      .andWhereRaw('stock_on_hand + ? >= 0', [adjustment.quantity])
      .increment('stock_on_hand', adjustment.quantity);
    if (!changed) {
      const now = await trx(table).where({ id: product.id }).first('stock_on_hand', 'stock_reserved');
      throw conflict(message('stock.below_reserved', { sku: product.sku, onHand: now.stock_on_hand, reserved: now.stock_reserved }), {
        onHand: now.stock_on_hand,
        reserved: now.stock_reserved,
      });
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
