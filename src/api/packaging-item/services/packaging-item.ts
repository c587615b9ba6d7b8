import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::packaging-item.packaging-item');
