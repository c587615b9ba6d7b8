/**
 * REST controller for products: Strapi's core actions plus the stock check (查库存) staff run
 * while a customer is on the phone, and stock adjustments (receipts, corrections).
 */
import { factories } from '@strapi/strapi';
import { handlerOf } from '../../../platform/endpoint';
import { stockAdjustmentHandler } from '../../../stock/stock-adjustment';
import { noSuchDocument } from '../../../platform/errors';

export default factories.createCoreController('api::product.product', ({ strapi }) => ({
  availability: handlerOf({
    handle: async (_ctx, { params: { documentId } }) => {
      const product = await strapi.db.query('api::product.product').findOne({
        where: { documentId },
        select: ['documentId', 'sku', 'name', 'specification', 'unit', 'stockOnHand', 'stockReserved'],
      });
      if (!product) throw noSuchDocument('product');
      const available = product.stockOnHand - product.stockReserved;
      return { data: { ...product, available } };
    },
  }),
  adjustStock: stockAdjustmentHandler(strapi),
}));
