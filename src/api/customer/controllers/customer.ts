/**
 * REST controller for customers: Strapi's core actions (the rules live in src/guards) and the
 * customer file (客户档案, src/customer-file), each section for those who may read its records.
 */
import { factories } from '@strapi/strapi';
import { customerFileEndpoint } from '../../../customer-file/customer-file';
import { handlerOf } from '../../../platform/endpoint';

export default factories.createCoreController('api::customer.customer', ({ strapi }) => ({
  /** GET /api/customers/:documentId/file?page&pageSize */
  file: handlerOf(customerFileEndpoint(strapi)),
}));
