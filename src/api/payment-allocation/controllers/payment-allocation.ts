/** REST controller for payment allocations (核销): read only; written with their payment. */
import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::payment-allocation.payment-allocation');
