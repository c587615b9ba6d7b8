/**
 * REST controller for contracts: Strapi's core actions (the rules live in src/guards), the
 * workflow (GET what the caller may do, POST an action) and the contract ledger with its export.
 */
import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { sendContractLedger } from '../../../ledger/contract-ledger';
import { currentActor } from '../../../staff/actor';
import { contractWorkflow, loadContract } from '../../../workflows/contract-workflow';
import { describeWorkflow, takeAction } from '../../../workflows/workflow-service';

const CONTRACT = 'api::contract.contract';

export default factories.createCoreController(CONTRACT, ({ strapi }) => {
  const sanitized = async (documentId: string, auth: unknown) => {
    const contract = await strapi.documents(CONTRACT).findOne({ documentId, populate: { lines: true } });
    return strapi.contentAPI.sanitize.output(contract, strapi.getModel(CONTRACT), { auth });
  };

  return {
    async workflow(ctx) {
      const contract = await loadContract(strapi, ctx.params.documentId);
      if (!contract) throw new errors.NotFoundError('No contract with this documentId');
      ctx.body = { data: await describeWorkflow(strapi, contractWorkflow, contract, await currentActor(strapi)) };
    },

    async act(ctx) {
      const body = (ctx.request.body ?? {}) as { data?: unknown };
      if (typeof body.data !== 'object' || body.data === null || Array.isArray(body.data)) {
        throw new errors.ValidationError('send { "data": { "version": <the version you read>, ... } }');
      }
      const { documentId, action } = ctx.params;
      const result = await takeAction(strapi, contractWorkflow, documentId, action, body.data as Record<string, unknown>, await currentActor(strapi));
      ctx.body = { data: await sanitized(documentId, ctx.state.auth), meta: result.meta };
    },

    async ledger(ctx) {
      await sendContractLedger(strapi, ctx, 'json');
    },
  };
});
