/**
 * REST controller for credit events (信用记录): read only, plus a customer's whole credit record —
 * its holds, releases and overrides, what it owes and how it has paid (src/cash-collection/credit-control.ts).
 */
import { factories } from '@strapi/strapi';
import { creditRecordAnswer } from '../../../cash-collection/credit-control';
import { handlerOf } from '../../../platform/endpoint';

export default factories.createCoreController('api::credit-event.credit-event', ({ strapi }) => ({
  creditRecord: handlerOf({ handle: (_ctx, { params }) => creditRecordAnswer(strapi, params.documentId) }),
}));
