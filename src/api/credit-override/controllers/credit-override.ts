/** REST controller for credit overrides (信用放行): the rules live in src/guards/credit-override-guard.ts. */
import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::credit-override.credit-override');
