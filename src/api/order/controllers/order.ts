/**
 * REST controller for orders: Strapi's core actions (the rules live in src/guards) and the order's
 * workflow (GET what the caller may do, POST an action).
 */
import { factories } from '@strapi/strapi';
import { restWorkflowHandlers } from '../../../workflow-engine/workflow-handlers';
import { orderWorkflow } from '../../../workflow-engine/order-workflow';

export default factories.createCoreController('api::order.order', ({ strapi }) =>
  restWorkflowHandlers(strapi, orderWorkflow, { lines: true })
);
