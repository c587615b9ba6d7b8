/** REST controller for tasks (工作安排): Strapi's core actions (rules in src/guards/task-guard.ts) and the workflow. */
import { factories } from '@strapi/strapi';
import { restWorkflowHandlers } from '../../../workflow-engine/workflow-handlers';
import { taskWorkflow } from '../../../workflow-engine/task-workflow';
import { TASK } from '../../../platform/uids';

export default factories.createCoreController(TASK, ({ strapi }) => ({
  ...restWorkflowHandlers(strapi, taskWorkflow, { assignee: true, assignedBy: true, customer: true }),
}));
