/**
 * The admin panel's door to the workflows: the same engine as REST, for the admin user (linked to
 * their staff user and role codes by src/staff/actor.ts). Used by the contract edit view's document
 * actions and side panel (src/admin/workflow) and the ledger export button.
 *   GET  /workflows/contract/:documentId           state, version, the caller's actions, opinions, history
 *   POST /workflows/contract/:documentId/:action   { data: { version, comment, ...fields } }
 *   GET  /workflows/contract-ledger?format=xlsx    the ledger, as for REST
 */
import type { Core } from '@strapi/strapi';
import { forbidden } from '../guards/errors';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { sendContractLedger } from '../ledger/contract-ledger';
import { currentActor } from '../staff/actor';
import { contractWorkflow, loadContract } from './contract-workflow';
import { describeWorkflow, takeAction } from './workflow-service';

const CONTRACT = 'api::contract.contract';
const READ = 'plugin::content-manager.explorer.read';

const mayReadContracts = (ctx: Context) => {
  if (!ctx.state.userAbility?.can(READ, CONTRACT)) throw forbidden('You may not read contracts');
};

export const registerWorkflowAdminRoutes = (strapi: Core.Strapi) => {
  const describe = async (documentId: string) => {
    const contract = await loadContract(strapi, documentId);
    if (!contract) throw new errors.NotFoundError('No contract with this documentId');
    return describeWorkflow(strapi, contractWorkflow, contract, await currentActor(strapi));
  };

  strapi.server.routes({
    type: 'admin',
    prefix: '/workflows',
    routes: [
      {
        method: 'GET',
        path: '/contract-ledger',
        handler: async (ctx: Context) => {
          mayReadContracts(ctx);
          await sendContractLedger(strapi, ctx, 'xlsx');
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'GET',
        path: '/contract/:documentId',
        handler: async (ctx: Context) => {
          mayReadContracts(ctx);
          ctx.body = { data: await describe(ctx.params.documentId) };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'POST',
        path: '/contract/:documentId/:action',
        handler: async (ctx: Context) => {
          mayReadContracts(ctx);
          const data = (ctx.request as unknown as { body?: { data?: unknown } }).body?.data;
          if (typeof data !== 'object' || data === null || Array.isArray(data)) {
            throw new errors.ValidationError('send { "data": { "version": <the version you read>, ... } }');
          }
          const { documentId, action } = ctx.params;
          const result = await takeAction(strapi, contractWorkflow, documentId, action, data as Record<string, unknown>, await currentActor(strapi));
          ctx.body = { data: await describe(documentId), meta: result.meta };
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
};
