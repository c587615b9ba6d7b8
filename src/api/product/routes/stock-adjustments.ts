/** POST /api/products/:documentId/stock-adjustments: a receipt or correction of on-hand stock (src/stock/stock-adjustment.ts). */
export default {
  routes: [
    {
      method: 'POST',
      path: '/products/:documentId/stock-adjustments',
      handler: 'api::product.product.adjustStock',
      config: {},
    },
  ],
};
