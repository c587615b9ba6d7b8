/**
 * REST controller for shipments (出货单): Strapi's core actions (the rules live in src/guards), the
 * shipment's workflow (ship, deliver, cancel) and its printable delivery note.
 */
import { factories } from '@strapi/strapi';
import { handlerOf } from '../../../platform/endpoint';
import { sendDeliveryNote } from '../../../shipments/delivery-note';
import { shipmentWorkflow } from '../../../workflow-engine/shipment-workflow';
import { restWorkflowHandlers } from '../../../workflow-engine/workflow-handlers';

export default factories.createCoreController('api::shipment.shipment', ({ strapi }) => ({
  ...restWorkflowHandlers(strapi, shipmentWorkflow, { lines: true }),

  deliveryNote: handlerOf({ file: 'application/pdf', handle: (ctx, { params }) => sendDeliveryNote(strapi, ctx, params.documentId) }),
}));
