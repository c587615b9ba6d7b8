/**
 * The last line behind the Document Service guards: database lifecycle hooks that refuse any
 * Query Engine write of a contract, its lines, an opinion, a history event or a seal use that
 * neither the workflow engine nor a guard has let through (see ./trusted-write.ts). Without it,
 * `strapi.db.query('api::contract.contract').update(...)` in some service could move a state.
 */
import type { Core } from '@strapi/strapi';
import { forbidden } from '../platform/errors';
import { isTrustedWrite } from '../platform/trusted-write';
import { inverseRelationsOf, relationChange } from '../guards/inverse-relations';
import { message } from '../domain/messages';

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
  throw forbidden(message('workflow.write_refused', { action: event.action, model: event.model.uid }));
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
  });
};

/**
 * Relations written from the other side (src/guards/inverse-relations.ts) through the Query Engine:
 * `strapi.db.query('api::customer.customer').update({ data: { orders: [...] } })` would move orders
 * without their guard. Refused unless trusted; the Document Service gate never passes them on.
 */
export const protectInverseRelations = (strapi: Core.Strapi) => {
  const models = Object.keys(strapi.contentTypes).filter((uid) => inverseRelationsOf(strapi, uid).length > 0);
  const refuseInverse = (event: {
    model: { uid: string };
    action: string;
    params: { data?: Record<string, unknown> | Record<string, unknown>[] };
  }) => {
    if (isTrustedWrite()) return;
    const rows = Array.isArray(event.params.data) ? event.params.data : [event.params.data ?? {}];
    for (const relation of inverseRelationsOf(strapi, event.model.uid)) {
      const creating = event.action.startsWith('beforeCreate');
      const changes = rows.map((row) => relationChange(relation, row[relation.field]));
      // A new record has nothing to unset: a clone's `set: []` (src/guards/inverse-relations.ts) names no record.
      if (
        changes.some(
          (change) =>
            change && (change.connect.length + change.disconnect.length + (change.set?.length ?? 0) > 0 || (!creating && change.set))
        )
      ) {
        throw forbidden(
          message('workflow.relation_owned', {
            action: event.action,
            model: event.model.uid,
            field: relation.field,
            owner: relation.owner,
            ownerField: relation.ownerField,
          })
        );
      }
    }
  };
  strapi.db.lifecycles.subscribe({
    models,
    beforeCreate: refuseInverse,
    beforeUpdate: refuseInverse,
    beforeCreateMany: refuseInverse,
    beforeUpdateMany: refuseInverse,
  });
};
