/** REST controller for customer-opinions: Strapi's core actions; the rules live in src/guards. */
import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::customer-opinion.customer-opinion');
