/** REST controller for sales targets (销售目标): Strapi's core controller; the guard checks every write. */
import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::sales-target.sales-target');
