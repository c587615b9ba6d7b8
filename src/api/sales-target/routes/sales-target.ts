import { factories } from '@strapi/strapi';

/** Targets are corrected, never deleted through REST. */
export default factories.createCoreRouter('api::sales-target.sales-target', { only: ['find', 'findOne', 'create', 'update'] });
