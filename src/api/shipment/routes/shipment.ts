import { factories } from '@strapi/strapi';

/** No delete: a shipment is cancelled through its workflow. */
export default factories.createCoreRouter('api::shipment.shipment', { except: ['delete'] });
