/**
 * REST controller for orders: Strapi's core actions (the rules live in src/guards), the order's
 * workflow (GET what the caller may do, POST an action) and its payment progress.
 */
import { factories } from '@strapi/strapi';
import { paymentProgressHandler } from '../../../collection/payment-handlers';
import { restWorkflowHandlers } from '../../../workflows/workflow-handlers';
import { orderWorkflow } from '../../../workflows/order-workflow';

export default factories.createCoreController('api::order.order', ({ strapi }) => ({
  ...restWorkflowHandlers(strapi, orderWorkflow, { lines: true }),
  /** GET /api/orders/:documentId/payment-progress: billed, paid, open, overdue. */
  paymentProgress: paymentProgressHandler(strapi, 'order'),
}));
