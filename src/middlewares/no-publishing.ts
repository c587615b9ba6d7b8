/**
 * Our business records have draft & publish turned off: the workflow state is the business state.
 * The content manager's publish, unpublish and discard actions (one record or in bulk) still have
 * routes for them, and answered 500 ("unpublish is not a function"); a publish with a body would
 * even save the record first. Refused here, before any of it runs, with a 400 that says why.
 */
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const PUBLISHING =
  /^\/content-manager\/collection-types\/([^/]+)\/(?:[^/]+\/)?actions\/(publish|unpublish|discard|bulkPublish|bulkUnpublish)$/;

type Context = { path: string; method: string };

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    const match = ctx.method === 'POST' ? PUBLISHING.exec(ctx.path) : null;
    if (match) {
      const uid = decodeURIComponent(match[1]);
      const model = strapi.getModel(uid as UID.Schema) as
        { options?: { draftAndPublish?: boolean }; info?: { pluralName?: string } } | undefined;
      if (model && model.options?.draftAndPublish !== true) {
        throw new errors.ValidationError(
          `${model.info?.pluralName ?? uid} are not drafted and published: a record is in force once saved, and its state changes only through its workflow actions (${match[2]} is not available)`,
          { errors: [{ path: ['publishedAt'], message: 'these records have no draft and published versions', name: 'ValidationError' }] }
        );
      }
    }
    await next();
  };
