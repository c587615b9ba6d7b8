/** REST controller for customer-needs: Strapi's core actions; the rules live in src/guards. */
import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::customer-need.customer-need');
