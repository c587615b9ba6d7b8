import { factories } from '@strapi/strapi';

/** Read-only: receivables are written by shipments (and, later, by payments). */
export default factories.createCoreRouter('api::receivable.receivable', { only: ['find', 'findOne'] });
