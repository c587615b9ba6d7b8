/**
 * REST controller for contracts: Strapi's core actions (the rules live in src/guards), the
 * workflow (GET what the caller may do, POST an action) and the contract ledger with its export.
 */
import { factories } from '@strapi/strapi';
import { ledgerQuery, sendContractLedger } from '../../../ledger/contract-ledger';
import { handlerOf } from '../../../platform/endpoint';
import { contractWorkflow } from '../../../workflow-engine/contract-workflow';
import { restWorkflowHandlers } from '../../../workflow-engine/workflow-handlers';

export default factories.createCoreController('api::contract.contract', ({ strapi }) => ({
  ...restWorkflowHandlers(strapi, contractWorkflow, { lines: true }),

  ledger: handlerOf({ query: ledgerQuery(strapi, 'json'), handle: (ctx, { query }) => sendContractLedger(strapi, ctx, query) }),
}));
