/** GET /api/customers/:documentId/credit-record: a customer's credit record (信用记录), granted with reading credit events. */
export default {
  routes: [{ method: 'GET', path: '/customers/:documentId/credit-record', handler: 'api::credit-event.credit-event.creditRecord', config: {} }],
};
