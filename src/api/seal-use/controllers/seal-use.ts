/** REST controller for the seal log: read only; seal uses are written by the contract's `seal` action. */
import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::seal-use.seal-use');
