/**
 * The HTTP side of every workflow, shared by the REST controllers and the admin routes: read where
 * a record stands for the caller, and take an action from `{ data: { version, ...fields } }`.
 */
import type { Core } from '@strapi/strapi';
import { currentActor } from '../platform/actor';
import { handlerOf } from '../platform/endpoint';
import { editingOf, type EditedSubject } from './record-editing';
import { describeWorkflow, StepResult, takeAction, WorkflowDefinition } from './workflow-service';
import { noSuchDocument } from '../platform/errors';

/**
 * Where a record stands for the caller: state, version, their actions, the review, the history, and
 * whether it may still be edited outside the actions (`editing`, the guards' own rule).
 */
export const describeFor = async (strapi: Core.Strapi, definition: WorkflowDefinition, documentId: string) => {
  const record = await definition.load(strapi, documentId);
  if (!record) throw noSuchDocument(definition.subject);
  const view = await describeWorkflow(strapi, definition, record, await currentActor(strapi));
  return { ...view, editing: await editingOf(strapi, definition.subject as EditedSubject, record) };
};

/** Takes an action from `{ data: { version, ...fields } }` as the caller. */
export const actFor = async (
  strapi: Core.Strapi,
  definition: WorkflowDefinition,
  params: Record<string, string>,
  data: Record<string, unknown>
): Promise<StepResult> => takeAction(strapi, definition, params.documentId, params.action, data, await currentActor(strapi));

const machineOf = (strapi: Core.Strapi, definition: WorkflowDefinition) =>
  typeof definition.machine === 'function' ? definition.machine(strapi) : definition.machine;

/** REST handlers: GET .../workflow and POST .../workflow/:action answering the record as the caller may see it. */
export const restWorkflowHandlers = (strapi: Core.Strapi, definition: WorkflowDefinition, populate: Record<string, unknown>) => ({
  workflow: handlerOf({ handle: async (_ctx, { params }) => ({ data: await describeFor(strapi, definition, params.documentId) }) }),
  act: handlerOf({
    data: {},
    params: { action: { type: 'string', enum: Object.keys(machineOf(strapi, definition).actions) } },
    handle: async (ctx, { params, data: input }) => {
      const result = await actFor(strapi, definition, params, input);
      const record = await strapi.documents(definition.uid).findOne({ documentId: params.documentId, populate });
      const data = await strapi.contentAPI.sanitize.output(record, strapi.getModel(definition.uid), { auth: ctx.state.auth });
      return { data, meta: result.meta };
    },
  }),
});
