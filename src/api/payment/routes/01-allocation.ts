/** Allocating what is left on a payment, and reversing it (sales clerk). Sorted before payment.ts. */
export default {
  routes: [
    { method: 'POST', path: '/payments/:documentId/allocate', handler: 'api::payment.payment.allocate', config: {} },
    { method: 'POST', path: '/payments/:documentId/reverse', handler: 'api::payment.payment.reverse', config: {} },
  ],
};
