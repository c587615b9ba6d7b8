import { factories } from '@strapi/strapi';

/** Read-only through the core router: the server writes notifications, people only retry them. */
export default factories.createCoreRouter('api::notification.notification', { only: ['find', 'findOne'] });
