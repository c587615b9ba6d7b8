/**
 * REST controller for payments (收款): Strapi's core reads; recording, allocating and reversing go
 * through the payment service (src/cash-collection/payments.ts), whose allocation list and `allocate`
 * flag the core create could not take.
 */
import { factories } from '@strapi/strapi';
import { restPaymentHandlers } from '../../../cash-collection/payment-handlers';

export default factories.createCoreController('api::payment.payment', ({ strapi }) => restPaymentHandlers(strapi));
