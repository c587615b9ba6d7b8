import { factories } from '@strapi/strapi';

/** Read-only: a seal use is recorded by the contract's `seal` action, never edited. */
export default factories.createCoreRouter('api::seal-use.seal-use', { only: ['find', 'findOne'] });
