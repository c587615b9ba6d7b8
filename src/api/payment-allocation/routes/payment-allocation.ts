import { factories } from '@strapi/strapi';

/** Read-only: allocations are made and reversed with their payment. */
export default factories.createCoreRouter('api::payment-allocation.payment-allocation', { only: ['find', 'findOne'] });
