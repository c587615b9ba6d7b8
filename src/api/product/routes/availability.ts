/** GET /api/products/:documentId/availability: on hand, reserved and available stock. */
export default {
  routes: [
    {
      method: 'GET',
      path: '/products/:documentId/availability',
      handler: 'api::product.product.availability',
      config: {},
    },
  ],
};
