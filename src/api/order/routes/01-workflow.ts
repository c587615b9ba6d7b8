/** The order's workflow. The file name sorts before order.ts so these paths match before the core /orders/:id. */
export default {
  routes: [
    { method: 'GET', path: '/orders/:documentId/workflow', handler: 'api::order.order.workflow', config: {} },
    { method: 'POST', path: '/orders/:documentId/workflow/:action', handler: 'api::order.order.act', config: {} },
  ],
};
