import { factories } from '@strapi/strapi';

/** Overrides are granted (created) and read; a granted override is never edited or deleted. */
export default factories.createCoreRouter('api::credit-override.credit-override', { only: ['find', 'findOne', 'create'] });
