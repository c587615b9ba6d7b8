/** The caller's work list, derived from the records (src/my-work/work-list.ts). */
import type { Core } from '@strapi/strapi';
import { workList } from '../../../my-work/work-list';
import { currentActor } from '../../../platform/actor';
import { handlerOf } from '../../../platform/endpoint';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  find: handlerOf({ handle: async () => ({ data: await workList(strapi, await currentActor(strapi)) }) }),
});
