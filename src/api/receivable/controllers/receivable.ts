/** REST controller for receivables (应收): read only; shipping creates them, cancelling voids them. */
import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::receivable.receivable');
