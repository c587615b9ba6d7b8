import { factories } from '@strapi/strapi';

/** No delete: a contract is cancelled or terminated through its workflow, never removed. */
export default factories.createCoreRouter('api::contract.contract', { except: ['delete'] });
