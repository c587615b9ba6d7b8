/**
 * REST controller for receivables (应收): read only (shipping creates them, payments pay them),
 * the aging report, and the payment progress of an order or a contract.
 */
import { factories } from '@strapi/strapi';
import { agingQuery, sendAging } from '../../../cash-collection/aging-report';
import { handlerOf } from '../../../platform/endpoint';
import { paymentProgressHandler } from '../../../cash-collection/payment-handlers';

export default factories.createCoreController('api::receivable.receivable', ({ strapi }) => ({
  /** GET /api/receivables/aging?asOf&groupBy&region&salesperson&top&currency&format */
  aging: handlerOf({ query: agingQuery(strapi), handle: (ctx, { query }) => sendAging(strapi, ctx, query) }),
  /** GET /api/orders/:documentId/payment-progress: billed, paid, open, overdue. */
  orderProgress: paymentProgressHandler(strapi, 'order'),
  /** GET /api/contracts/:documentId/payment-progress: the same over all the contract's orders. */
  contractProgress: paymentProgressHandler(strapi, 'contract'),
}));
