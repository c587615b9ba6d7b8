import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::seal-use.seal-use');
