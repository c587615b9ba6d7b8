/** The shipment's workflow and delivery note. The file name sorts before shipment.ts so these match before /shipments/:id. */
export default {
  routes: [
    { method: 'GET', path: '/shipments/:documentId/delivery-note.pdf', handler: 'api::shipment.shipment.deliveryNote', config: {} },
    { method: 'GET', path: '/shipments/:documentId/workflow', handler: 'api::shipment.shipment.workflow', config: {} },
    { method: 'POST', path: '/shipments/:documentId/workflow/:action', handler: 'api::shipment.shipment.act', config: {} },
  ],
};
