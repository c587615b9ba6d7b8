/**
 * The last line behind the Document Service guards: database lifecycle hooks that refuse any
 * Query Engine write of a contract, its lines, an opinion, a history event or a seal use that
 * neither the workflow engine nor a guard has let through (see ./trusted-write.ts). Without it,
 * `strapi.db.query('api::contract.contract').update(...)` in some service could move a state.
 */
import type { Core } from '@strapi/strapi';
import { forbidden } from '../guards/errors';
import { isTrustedWrite } from './trusted-write';

export const WORKFLOW_MODELS = [
  'api::contract.contract',
  'contract.line',
  'api::review-opinion.review-opinion',
  'api::workflow-event.workflow-event',
  'api::seal-use.seal-use',
  'api::complaint.complaint',
  'complaint.measure',
  'api::order.order',
  'order.line',
  'api::shipment.shipment',
  'shipment.line',
  'api::receivable.receivable',
  'api::payment.payment',
  'api::payment-allocation.payment-allocation',
  'api::statement.statement',
  'api::credit-event.credit-event',
  'api::credit-override.credit-override',
];

const refuseUntrusted = (event: { model: { uid: string }; action: string }) => {
  if (isTrustedWrite()) return;
  throw forbidden(
    `${event.action} on ${event.model.uid} refused: workflow records change only through the Document Service or workflow actions`
  );
};

export const protectWorkflowRecords = (strapi: Core.Strapi) => {
  strapi.db.lifecycles.subscribe({
    models: WORKFLOW_MODELS,
    beforeCreate: refuseUntrusted,
    beforeCreateMany: refuseUntrusted,
    beforeUpdate: refuseUntrusted,
    beforeUpdateMany: refuseUntrusted,
    beforeDelete: refuseUntrusted,
    beforeDeleteMany: refuseUntrusted,
  } as never);
};
