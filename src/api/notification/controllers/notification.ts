/** REST controller for the outbox: read, and retry a failed notification (cs-supervisor). */
import { factories } from '@strapi/strapi';
import { handlerOf } from '../../../platform/endpoint';
import { retryNotification } from '../../../guards/notification-guard';
import { noSuchDocument } from '../../../platform/errors';

export default factories.createCoreController('api::notification.notification', ({ strapi }) => ({
  retry: handlerOf({
    handle: async (ctx, { params: { documentId } }) => {
      const exists = await strapi.db.query('api::notification.notification').count({ where: { documentId } });
      if (!exists) throw noSuchDocument('notification');
      const updated = await retryNotification(strapi, documentId);
      const model = strapi.getModel('api::notification.notification');
      return { data: await strapi.contentAPI.sanitize.output(updated, model, { auth: ctx.state.auth }) };
    },
  }),
}));
