/**
 * The receivables' reports: the aging, and the payment progress of an order or a contract (they
 * come with reading receivables, not with reading the order). The file name sorts before
 * receivable.ts so /receivables/aging matches before the core /receivables/:id.
 */
export default {
  routes: [
    { method: 'GET', path: '/receivables/aging', handler: 'api::receivable.receivable.aging', config: {} },
    { method: 'GET', path: '/orders/:documentId/payment-progress', handler: 'api::receivable.receivable.orderProgress', config: {} },
    { method: 'GET', path: '/contracts/:documentId/payment-progress', handler: 'api::receivable.receivable.contractProgress', config: {} },
  ],
};
