/** REST controller for packaging items (包材): Strapi's core actions; the rules live in src/guards. */
import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::packaging-item.packaging-item');
