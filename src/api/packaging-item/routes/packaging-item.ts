import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::packaging-item.packaging-item');
