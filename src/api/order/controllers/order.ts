/**
 * REST controller for orders: Strapi's core actions (the rules live in src/guards), the order's
 * workflow (GET what the caller may do, POST an action), and a customer's order statistics
 * (客户订货统计一览表, src/customer-file/order-statistics.ts).
 */
import { factories } from '@strapi/strapi';
import { orderStatisticsEndpoint } from '../../../customer-file/order-statistics';
import { lateOrdersEndpoint } from '../../../my-work/late-orders';
import { handlerOf } from '../../../platform/endpoint';
import { restWorkflowHandlers } from '../../../workflow-engine/workflow-handlers';
import { orderWorkflow } from '../../../workflow-engine/order-workflow';

export default factories.createCoreController('api::order.order', ({ strapi }) => ({
  ...restWorkflowHandlers(strapi, orderWorkflow, { lines: true }),
  /** GET /api/customers/:documentId/order-statistics?grain&from&to&format */
  customerStatistics: handlerOf(orderStatisticsEndpoint(strapi)),
  /** GET /api/orders/late?format=json|xlsx: the late-order watch (进度交期跟踪, src/my-work/late-orders.ts) */
  late: handlerOf(lateOrdersEndpoint(strapi)),
}));
