import { factories } from '@strapi/strapi';

/** No update or delete: a payment is reversed, never edited away. */
export default factories.createCoreRouter('api::payment.payment', { only: ['find', 'findOne', 'create'] });
