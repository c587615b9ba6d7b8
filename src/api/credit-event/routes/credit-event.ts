import { factories } from '@strapi/strapi';

/** Read-only: credit events are written by the server when a hold is placed, released or overridden. */
export default factories.createCoreRouter('api::credit-event.credit-event', { only: ['find', 'findOne'] });
