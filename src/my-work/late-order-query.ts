/**
 * The open orders late on a day, in SQL: the three conditions of `latenessOf` (src/domain/my-work.ts)
 * — promised date passed, planned finish overrun while planned, promised after the customer's
 * required date (two columns compared, which the Query Engine cannot) — so only late orders are
 * read; `latenessOf` then names each one's reasons. The work list and the late-order watch share it.
 *
 * The watch asks for the two risks too (`withRisks`): a packaging item whose artwork the customer
 * has not confirmed while the finish is near, and a line of an order shipping now that needs more
 * than it has reserved and its product has free (on hand less reserved for anyone). Each comes back
 * as a flag column (`artwork_open`, `stock_short`) for `latenessOf` to judge with the dates.
 */
import type { Core } from '@strapi/strapi';
import { addDays } from '../domain/business-date';
import { ARTWORK_WARNING_DAYS, BEFORE_READY_STATES, OPEN_ORDER_STATES, PLANNED_STATES, SHIPPING_STATES } from '../domain/my-work';
import { GOODS_GONE_STATES } from '../domain/shipping';
import { componentJoin, metaOf, sqlList } from '../platform/table-meta';
import { ORDER, PACKAGING_ITEM, PRODUCT, SHIPMENT } from '../platform/uids';

/** The two risk conditions on the order `o`, as SQL with its bindings. */
const riskConditions = (strapi: Core.Strapi, day: string) => {
  const o = metaOf(strapi, ORDER);
  const state = `o.${o.column('state')}`;
  const items = metaOf(strapi, PACKAGING_ITEM);
  const itemOrder = items.link('order');
  const artworkOpen = `${state} IN (${sqlList(BEFORE_READY_STATES)})
    AND COALESCE(o.${o.column('plannedFinish')}, o.${o.column('promisedDate')}) <= ?
    AND EXISTS (SELECT 1 FROM ${itemOrder.table} io JOIN ${items.table} pi ON pi.id = io.${itemOrder.owner}
      WHERE io.${itemOrder.target} = o.id AND pi.${items.column('artworkConfirmedAt')} IS NULL)`;

  const line = metaOf(strapi, 'order.line');
  const lineProduct = line.link('product');
  const product = metaOf(strapi, PRODUCT);
  const s = metaOf(strapi, SHIPMENT);
  const shipmentOrder = s.link('order');
  const shipmentLine = metaOf(strapi, 'shipment.line');
  const shippedOfLine = `(SELECT COALESCE(SUM(sl.${shipmentLine.column('quantity')}), 0)
      FROM ${shipmentOrder.table} so JOIN ${s.table} s ON s.id = so.${shipmentOrder.owner}
      ${componentJoin(strapi, SHIPMENT, 'lines', 'shipment.line', 's.id', 'sl').sql}
      WHERE so.${shipmentOrder.target} = o.id AND s.${s.column('state')} IN (${sqlList(GOODS_GONE_STATES)})
        AND sl.${shipmentLine.column('line')} = ol.${line.column('key')})`;
  const stockShort = `${state} IN (${sqlList(SHIPPING_STATES)})
    AND EXISTS (SELECT 1 FROM ${o.table} oo ${componentJoin(strapi, ORDER, 'lines', 'order.line', 'oo.id', 'ol').sql}
      JOIN ${lineProduct.table} lp ON lp.${lineProduct.owner} = ol.id JOIN ${product.table} p ON p.id = lp.${lineProduct.target}
      WHERE oo.id = o.id
        AND ol.${line.column('quantity')} - COALESCE(ol.${line.column('reservedQuantity')}, 0) - ${shippedOfLine}
          > COALESCE(p.${product.column('stockOnHand')}, 0) - COALESCE(p.${product.column('stockReserved')}, 0))`;
  return { artworkOpen, stockShort, bindings: [addDays(day, ARTWORK_WARNING_DAYS)] };
};

/**
 * The ids of the orders late on `day` (YYYY-MM-DD), as a query the caller may order and limit; with
 * the promised date's column. `withRisks` adds the orders at risk and the flag columns.
 */
export const lateOrderIds = (strapi: Core.Strapi, day: string, { withRisks = false } = {}) => {
  const o = metaOf(strapi, ORDER);
  const [state, promised, planned, required] = ['state', 'promisedDate', 'plannedFinish', 'requiredDate'].map(o.column);
  const risks = withRisks ? riskConditions(strapi, day) : null;
  const knex = strapi.db.connection;
  const query = knex({ o: o.table })
    .select('o.id')
    .whereIn(`o.${state}`, [...OPEN_ORDER_STATES])
    .andWhere((late) => {
      late
        .where(`o.${promised}`, '<', day)
        .orWhere((overrun) => overrun.where(`o.${planned}`, '<', day).whereIn(`o.${state}`, [...PLANNED_STATES]))
        .orWhereRaw(`o.${required} < o.${promised}`);
      if (risks) late.orWhereRaw(`(${risks.artworkOpen})`, risks.bindings).orWhereRaw(`(${risks.stockShort})`);
    });
  if (risks) {
    query.select(
      knex.raw(`CASE WHEN ${risks.artworkOpen} THEN 1 ELSE 0 END AS artwork_open`, risks.bindings),
      knex.raw(`CASE WHEN ${risks.stockShort} THEN 1 ELSE 0 END AS stock_short`)
    );
  }
  return { query, promised: `o.${promised}` };
};
