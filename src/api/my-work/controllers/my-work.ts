/**
 * The caller's work list (src/my-work/work-list.ts), their team's (src/my-work/team-work.ts) and its performance sheet,
 * and the caller's own mail preferences.
 */
import type { Core } from '@strapi/strapi';
import { changeMailPreferences, readMailPreferences } from '../../../my-work/mail-preferences';
import { performanceEndpoint } from '../../../my-work/performance-sheet';
import { memberWork, teamWork } from '../../../my-work/team-work';
import { workList } from '../../../my-work/work-list';
import { currentActor } from '../../../platform/actor';
import { handlerOf } from '../../../platform/endpoint';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  find: handlerOf({ handle: async () => ({ data: await workList(strapi, await currentActor(strapi)) }) }),
  team: handlerOf({ handle: async () => ({ data: await teamWork(strapi, await currentActor(strapi)) }) }),
  member: handlerOf({
    handle: async (_ctx, { params }) => ({ data: await memberWork(strapi, await currentActor(strapi), params.staffId) }),
  }),
  performance: handlerOf(performanceEndpoint(strapi, () => currentActor(strapi))),
  mailPreferences: handlerOf(readMailPreferences(strapi)),
  setMailPreferences: handlerOf(changeMailPreferences(strapi)),
});
