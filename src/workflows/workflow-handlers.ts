/**
 * The HTTP side of every workflow, shared by the REST controllers and the admin routes: read where
 * a record stands for the caller, and take an action from `{ data: { version, ...fields } }`.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { currentActor } from '../platform/actor';
import { describeWorkflow, StepResult, takeAction, WorkflowDefinition } from './workflow-service';

export const describeFor = async (strapi: Core.Strapi, definition: WorkflowDefinition, documentId: string) => {
  const record = await definition.load(strapi, documentId);
  if (!record) throw new errors.NotFoundError(`No ${definition.subject} with this documentId`);
  return describeWorkflow(strapi, definition, record, await currentActor(strapi));
};

/** The action's input: the request's `data` object, or a 400 saying what to send. */
const actionInput = (ctx: Context): Record<string, unknown> => {
  const data = (ctx.request as unknown as { body?: { data?: unknown } }).body?.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new errors.ValidationError('send { "data": { "version": <the version you read>, ... } }');
  }
  return data as Record<string, unknown>;
};

export const actFor = async (strapi: Core.Strapi, definition: WorkflowDefinition, ctx: Context): Promise<StepResult> =>
  takeAction(strapi, definition, ctx.params.documentId, ctx.params.action, actionInput(ctx), await currentActor(strapi));

/** REST handlers: GET .../workflow and POST .../workflow/:action answering the record as the caller may see it. */
export const restWorkflowHandlers = (strapi: Core.Strapi, definition: WorkflowDefinition, populate: Record<string, unknown>) => ({
  async workflow(ctx: Context) {
    ctx.body = { data: await describeFor(strapi, definition, ctx.params.documentId) };
  },
  async act(ctx: Context) {
    const result = await actFor(strapi, definition, ctx);
    const record = await strapi.documents(definition.uid as never).findOne({ documentId: ctx.params.documentId, populate } as never);
    const data = await strapi.contentAPI.sanitize.output(record, strapi.getModel(definition.uid as never), { auth: ctx.state.auth });
    ctx.body = { data, meta: result.meta };
  },
});
