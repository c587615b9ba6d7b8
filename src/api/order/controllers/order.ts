/** REST controller for orders: Strapi's core actions; the rules live in src/guards. */
import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::order.order');
