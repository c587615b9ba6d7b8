/**
 * Every write of a shipment (出货单) passes here. A shipment is made from an order that is ready
 * or partially shipped: the next CK number, the order's customer, and for each line the order
 * line's product, specification and price. Its quantities never exceed what the order line still
 * has open across all the order's shipments: the order's row is locked for the check, so two
 * shipments made at once cannot both take the last pieces. A planned shipment can be corrected
 * (from the version read); after that only its workflow actions write.
 */
import type { Core } from '@strapi/strapi';
import { yearIn } from '../domain/business-date';
import { SERIES } from '../domain/document-number';
import { editingByState, mayEdit } from '../domain/record-editing';
import { COUNTED_SHIPMENT_STATES, openQuantities, overShipments } from '../domain/shipping';
import { DomainValidationError, fieldProblem, problemAt } from '../domain/validation-error';
import { nextNumber } from '../platform/next-number';
import { reportTimeZone } from '../platform/settings';
import { asTrustedWrite } from '../platform/trusted-write';
import { lockForEdit } from './editable-record';
import { asValidation, conflict, refuse, refuseMissing } from '../platform/errors';
import { referencedDocumentIds } from './relation-input';
import { Guard } from './types';
import { recordGuard } from './record-guard';
import { ORDER, SHIPMENT } from '../platform/uids';
import { message } from '../domain/messages';

const SHIPPABLE = ['ready', 'partially_shipped'];

export const shipmentGuard = recordGuard({
  clone: message('shipment.not_copied'),
  delete: message('shipment.kept'),
  write: (strapi, call, next) => writeShipment(strapi, call, next),
});

/** A client's create or update of a shipment. */
const writeShipment: Guard = async (strapi, call, next) => {
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  const readVersion = call.sent?.version;
  const askedState = call.sent?.state;

  return asValidation(
    () =>
      strapi.db.transaction(async ({ trx }) => {
        let version = 1;
        let orderDocumentId: string;
        if (call.action === 'update') {
          const edit = await lockForEdit(strapi, trx, {
            uid: SHIPMENT,
            documentId: call.params.documentId!,
            readVersion,
            askedState,
            isEditable: (state) => mayEdit(editingByState('shipment', state)),
            subject: 'shipment',
            describe: (shipment) => String(shipment.number),
            select: ['number'],
          });
          version = edit.version + 1;
          const stored = await strapi.db
            .query(SHIPMENT)
            .findOne({ where: { documentId: call.params.documentId }, populate: { order: { select: ['documentId'] } } });
          if (data.order !== undefined) throw refuse(['order'], { code: 'shipment.stays_with_order' });
          orderDocumentId = stored.order.documentId;
        } else {
          if (askedState !== undefined && askedState !== 'planned')
            throw refuse(['state'], { code: 'record.starts_as', params: { state: 'planned', subject: 'shipment' } });
          const [named] = referencedDocumentIds(data.order);
          if (!named) throw refuseMissing('order');
          orderDocumentId = named;
        }
        const order = await lockOrder(strapi, trx, orderDocumentId);
        if (call.action !== 'update') {
          if (!SHIPPABLE.includes(order.state))
            throw conflict(
              { code: 'shipment.order_not_ready', params: { order: order.number, state: order.state, subject: 'order' } },
              { state: order.state }
            );
          Object.assign(data, {
            number: await nextNumber(strapi, SERIES.shipment, yearIn(reportTimeZone(strapi))),
            customer: order.customer?.id ?? null,
            state: 'planned',
          });
        }
        if (Array.isArray(data.lines))
          data.lines = await priceFromOrder(strapi, order, data.lines as Record<string, unknown>[], call.params.documentId);
        else if (call.action !== 'update') throw refuse(['lines'], { code: 'shipment.name_lines' });
        call.params.data = { ...data, version };
        return asTrustedWrite(next);
      }),
    'number'
  );
};

interface LockedOrder {
  id: number;
  number: string;
  state: string;
  customer: { id: number } | null;
  lines: { key: string; quantity: number; unitPrice: unknown; specification: string | null; product: { documentId: string } | null }[];
}

/** Locks the order's row: shipments of one order are made one after another. */
const lockOrder = async (strapi: Core.Strapi, trx: Core.Strapi['db']['connection'], documentId: string): Promise<LockedOrder> => {
  const table = strapi.db.metadata.get(ORDER).tableName;
  const locked = await trx(table)
    .where({ document_id: documentId })
    .update({ version: trx.ref('version') });
  if (!locked) throw refuse(['order'], { code: 'shipment.unknown_order', params: { order: documentId } });
  return strapi.db.query(ORDER).findOne({
    where: { documentId },
    populate: { customer: { select: ['id'] }, lines: { populate: { product: { select: ['documentId'] } } } },
  });
};

/** Each shipment line takes its product, specification and price from its order line, within what is open. */
const priceFromOrder = async (strapi: Core.Strapi, order: LockedOrder, lines: Record<string, unknown>[], ownDocumentId?: string) => {
  const problems = lines.flatMap((line, index) =>
    Number.isInteger(line.quantity) && (line.quantity as number) > 0
      ? []
      : [fieldProblem(['lines', index, 'quantity'], 'field.whole_number_positive')]
  );
  if (problems.length > 0) throw new DomainValidationError(problems);
  const others = await strapi.db.query(SHIPMENT).findMany({
    where: {
      order: { id: order.id },
      state: { $in: [...COUNTED_SHIPMENT_STATES] },
      ...(ownDocumentId ? { documentId: { $ne: ownDocumentId } } : {}),
    },
    populate: { lines: true },
  });
  const open = openQuantities(
    order.lines.map((line) => ({ key: line.key, quantity: line.quantity })),
    others.flatMap((shipment: { lines: { line: string; quantity: number }[] }) => shipment.lines)
  );
  const asked = lines.map((line) => ({ line: String(line.line), quantity: line.quantity as number }));
  const over = overShipments(open, asked);
  if (over.length > 0) {
    throw new DomainValidationError(over.map(({ index, field, said }) => problemAt(['lines', index, field], said)));
  }
  return asked.map((line) => {
    const orderLine = order.lines.find((candidate) => candidate.key === line.line)!;
    return { ...line, product: orderLine.product?.documentId, specification: orderLine.specification, unitPrice: orderLine.unitPrice };
  });
};
