import { factories } from '@strapi/strapi';

/** No delete: a need that came to nothing is `lost`, so the file keeps what was hoped for. */
export default factories.createCoreRouter('api::customer-need.customer-need', { except: ['delete'] });
