import { factories } from '@strapi/strapi';

/** No delete: nothing a customer said is lost; the super admin alone deletes, in the admin panel. */
export default factories.createCoreRouter('api::customer-opinion.customer-opinion', { except: ['delete'] });
