/**
 * Our business records have draft & publish turned off: the workflow state is the business state.
 * The content manager's publish, unpublish and discard actions (one record or in bulk) still have
 * routes for them, and answered 500 ("unpublish is not a function"); a publish with a body would
 * even save the record first. Refused here, before any of it runs, with a 400 that says why.
 */
import type { Core, UID } from '@strapi/strapi';
import { Worded, message } from '../domain/messages';
import { fieldProblem } from '../domain/validation-error';
import { TYPE_NAMES } from '../content-manager/labels';
import { invalidRequest } from '../platform/errors';

const PUBLISHING =
  /^\/content-manager\/collection-types\/([^/]+)\/(?:[^/]+\/)?actions\/(publish|unpublish|discard|bulkPublish|bulkUnpublish)$/;

type Context = { path: string; method: string };

/** The content manager's publishing actions, as its buttons name them. */
const PUBLISHING_ACTIONS: Record<string, Worded> = {
  publish: { en: 'publish', zh: '发布' },
  unpublish: { en: 'unpublish', zh: '取消发布' },
  discard: { en: 'discard', zh: '放弃草稿' },
  bulkPublish: { en: 'bulkPublish', zh: '批量发布' },
  bulkUnpublish: { en: 'bulkUnpublish', zh: '批量取消发布' },
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    const match = ctx.method === 'POST' ? PUBLISHING.exec(ctx.path) : null;
    if (match) {
      const uid = decodeURIComponent(match[1]);
      const model = strapi.getModel(uid as UID.Schema) as
        { options?: { draftAndPublish?: boolean }; info?: { pluralName?: string } } | undefined;
      if (model && model.options?.draftAndPublish !== true) {
        const records = { en: model.info?.pluralName ?? uid, zh: TYPE_NAMES[uid]?.zh ?? uid };
        throw invalidRequest(message('record.not_published', { records, action: PUBLISHING_ACTIONS[match[2]] }), [
          fieldProblem(['publishedAt'], 'record.no_versions'),
        ]);
      }
    }
    await next();
  };
