import { factories } from '@strapi/strapi';

/** Issued (create) by the server's figures, never edited or deleted: a statement is what the customer saw. */
export default factories.createCoreRouter('api::statement.statement', { only: ['find', 'findOne', 'create'] });
