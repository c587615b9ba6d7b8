/** REST controller for payments (收款). Recording and reversing go through the payment service (issue 6). */
import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::payment.payment');
