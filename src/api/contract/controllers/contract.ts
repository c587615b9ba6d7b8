/**
 * REST controller for contracts: Strapi's core actions (the rules live in src/guards), the
 * workflow (GET what the caller may do, POST an action) and the contract ledger with its export.
 */
import { factories } from '@strapi/strapi';
import { sendContractLedger } from '../../../ledger/contract-ledger';
import { contractWorkflow } from '../../../workflows/contract-workflow';
import { restWorkflowHandlers } from '../../../workflows/workflow-handlers';

export default factories.createCoreController('api::contract.contract', ({ strapi }) => ({
  ...restWorkflowHandlers(strapi, contractWorkflow, { lines: true }),

  async ledger(ctx) {
    await sendContractLedger(strapi, ctx, 'json');
  },
}));
