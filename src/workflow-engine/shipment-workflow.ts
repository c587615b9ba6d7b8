/**
 * The shipment machine (src/domain/shipping.ts) bound to the stored shipment. Shipping takes the
 * goods from stock (never below what other orders keep reserved) and releases what the order had reserved for them, creates
 * the receivable, moves the order to partially shipped or shipped, and mails the customer the
 * delivery note — all in the step's transaction; a customer on credit hold is refused unless
 * marketing-vp granted an override for the shipment, and the hold is reassessed. Cancelling a shipped shipment puts the goods back
 * and voids its receivable, unless payments were allocated to it.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { dateIn } from '../domain/business-date';
import {
  GOODS_GONE_STATES,
  orderStateAfterShipping,
  receivableOf,
  SHIPMENT_STATE_LABELS,
  shipmentMachine,
  ShipmentState,
} from '../domain/shipping';
import { Recipient } from '../domain/workflow/machine';
import { enforceCreditHold, reassessCredit } from '../cash-collection/credit-control';
import { conflict } from '../platform/errors';
import { reportTimeZone } from '../platform/settings';
import { customerMailbox, CustomerWithContacts } from './customer-mailbox';
import type { AttachmentRef } from '../platform/outbox';
import { recordEvent, recordLoaders, Mailbox, StepContext, WorkflowDefinition, WorkflowRecord } from './workflow-service';
import { CONTRACT, ORDER, PRODUCT, RECEIVABLE, SHIPMENT } from '../platform/uids';
import { message } from '../domain/messages';

const ORDER_LINE = 'order.line';

export interface ShipmentRecord extends WorkflowRecord {
  number: string;
  lines: { line: string; quantity: number; unitPrice: unknown; product: { id: number; sku: string } | null }[];
  order: {
    id: number;
    documentId: string;
    number: string;
    state: string;
    version: number;
    currency: string;
    lines: { id: number; key: string; quantity: number; reservedQuantity: number }[];
  };
  customer: (CustomerWithContacts & { id: number; code: string; name: string; paymentTermsDays: number }) | null;
}

export const { load: loadShipment, loadMany: loadShipments } = recordLoaders<ShipmentRecord>((strapi, where, forChecks) =>
  strapi.db.query(SHIPMENT).findMany({
    where,
    // The machine reads the shipment's own fields only.
    populate: forChecks
      ? {}
      : {
          lines: { populate: { product: { select: ['id', 'sku'] } } },
          order: { select: ['id', 'documentId', 'number', 'state', 'version', 'currency'], populate: { lines: true } },
          customer: { populate: { contacts: true } },
        },
  })
);

const productTable = (strapi: Core.Strapi) => strapi.db.metadata.get(PRODUCT).tableName;

/**
 * Takes each line's goods from stock and releases the order line's reservation for them. What is
 * left on hand must still cover what stays reserved for other orders: shipping may use free stock
 * and this line's own reservation, never another order's.
 */
const takeFromStock = async (strapi: Core.Strapi, shipment: ShipmentRecord) => {
  for (const line of shipment.lines) {
    const orderLine = shipment.order.lines.find((candidate) => candidate.key === line.line)!;
    const release = Math.min(orderLine.reservedQuantity ?? 0, line.quantity);
    const taken = await strapi.db.transaction(({ trx }) =>
      trx(productTable(strapi))
        .where({ id: line.product!.id })
        .andWhere('stock_reserved', '>=', release)
        // on hand after ≥ reserved after
        .andWhereRaw('stock_on_hand - ? >= stock_reserved - ?', [line.quantity, release])
        .update({ stock_on_hand: trx.raw('stock_on_hand - ?', [line.quantity]), stock_reserved: trx.raw('stock_reserved - ?', [release]) })
    );
    if (!taken) {
      const product = await strapi.db
        .query(PRODUCT)
        .findOne({ where: { id: line.product!.id }, select: ['sku', 'stockOnHand', 'stockReserved'] });
      const forOthers = product.stockReserved - release;
      throw conflict(
        message('stock.short_to_ship', {
          shippable: product.stockOnHand - forOthers,
          sku: product.sku,
          onHand: product.stockOnHand,
          reservedForOthers: forOthers,
          quantity: line.quantity,
        }),
        { line: line.line, onHand: product.stockOnHand, reservedForOthers: forOthers }
      );
    }
    if (release > 0)
      await strapi.db
        .query(ORDER_LINE)
        .update({ where: { id: orderLine.id }, data: { reservedQuantity: orderLine.reservedQuantity - release } });
  }
};

const putBackInStock = async (strapi: Core.Strapi, shipment: ShipmentRecord) => {
  for (const line of shipment.lines) {
    await strapi.db.transaction(({ trx }) =>
      trx(productTable(strapi)).where({ id: line.product!.id }).increment('stock_on_hand', line.quantity)
    );
  }
};

/** The order follows its shipments: shipped when every line has left, partially shipped when some has. */
const moveOrder = async (strapi: Core.Strapi, context: StepContext<ShipmentRecord>) => {
  const shipment = context.record;
  const gone = await strapi.db.query(SHIPMENT).findMany({
    where: { order: { id: shipment.order.id }, state: { $in: [...GOODS_GONE_STATES] } },
    populate: { lines: true },
  });
  const order = await strapi.db.query(ORDER).findOne({ where: { id: shipment.order.id }, select: ['state', 'version'] });
  if (!['ready', 'partially_shipped', 'shipped'].includes(order.state)) return;
  const to = orderStateAfterShipping(
    shipment.order.lines.map((line) => ({ key: line.key, quantity: line.quantity })),
    gone.flatMap((other: { lines: { line: string; quantity: number }[] }) => other.lines)
  );
  if (to === order.state) return;
  await strapi.db.query(ORDER).update({ where: { id: shipment.order.id }, data: { state: to, version: order.version + 1 } });
  await recordEvent(
    strapi,
    'order',
    shipment.order.documentId,
    {
      action: context.step.action === 'ship' ? 'ship' : 'cancel_shipment',
      from: order.state,
      to,
      role: context.step.role,
      comment: shipment.number,
    },
    context.actor,
    context.now
  );
};

const prepare = async (
  strapi: Core.Strapi,
  { record: shipment, step, now }: StepContext<ShipmentRecord>
): Promise<Record<string, unknown>> => {
  if (step.action === 'ship') {
    // Before the goods leave: a customer on credit hold ships only with marketing-vp's override.
    await enforceCreditHold(strapi, {
      customerId: shipment.customer?.id,
      subject: 'shipment',
      documentId: shipment.documentId,
      step: { code: 'credit.step_ship', params: { number: shipment.number } },
      now,
    });
    await takeFromStock(strapi, shipment);
    return { shippedAt: now };
  }
  if (step.action === 'deliver') return { deliveredAt: now };
  if (step.action === 'cancel' && shipment.state === 'shipped') {
    const receivable = await strapi.db
      .query(RECEIVABLE)
      .findOne({ where: { shipment: { id: shipment.id } }, select: ['id', 'amount', 'openAmount', 'state'] });
    if (receivable && new Decimal(String(receivable.openAmount)).lessThan(String(receivable.amount))) {
      throw conflict(message('shipment.receivable_allocated', { shipment: shipment.number }));
    }
    await putBackInStock(strapi, shipment);
  }
  return {};
};

const follow = async (strapi: Core.Strapi, context: StepContext<ShipmentRecord>) => {
  const shipment = context.record;
  if (context.step.action === 'ship') {
    const invoiceDate = dateIn(reportTimeZone(strapi), context.now);
    const { amount, dueDate } = receivableOf(
      shipment.lines.map((line) => ({ quantity: line.quantity, unitPrice: String(line.unitPrice ?? 0) })),
      invoiceDate,
      shipment.customer?.paymentTermsDays ?? 0
    );
    const contract = await strapi.db.query(CONTRACT).findOne({
      where: { orders: { id: shipment.order.id }, state: { $in: ['active', 'completed', 'sealed', 'replied', 'approved'] } },
      select: ['id'],
      orderBy: { revision: 'desc' },
    });
    await strapi.db.query(RECEIVABLE).create({
      data: {
        customer: shipment.customer?.id ?? null,
        shipment: shipment.id,
        order: shipment.order.id,
        contract: contract?.id ?? null,
        amount,
        openAmount: amount,
        currency: shipment.order.currency,
        invoiceDate,
        dueDate,
        state: 'open',
      },
    });
  }
  if (context.step.action === 'cancel' && context.step.from === 'shipped') {
    const receivable = await strapi.db.query(RECEIVABLE).findOne({ where: { shipment: { id: shipment.id } }, select: ['id'] });
    if (receivable)
      await strapi.db.query(RECEIVABLE).update({
        where: { id: receivable.id },
        data: { state: 'void', openAmount: 0, voidedAt: context.now, voidedOn: dateIn(reportTimeZone(strapi), context.now) },
      });
  }
  if (context.step.action === 'ship' || (context.step.action === 'cancel' && context.step.from === 'shipped')) {
    await moveOrder(strapi, context);
    // What the customer owes changed: the credit hold follows at once (src/cash-collection/credit-control.ts).
    if (shipment.customer) await reassessCredit(strapi, shipment.customer.id, context.now);
  }
  return {};
};

const mailboxesOf = async (_strapi: Core.Strapi, record: ShipmentRecord, to: Recipient): Promise<Mailbox[]> => {
  const mailbox = 'customer' in to ? customerMailbox(record.customer) : null;
  return mailbox ? [mailbox] : [];
};

const mailData = async (_strapi: Core.Strapi, shipment: ShipmentRecord) => {
  return {
    shipment: { number: shipment.number, state: shipment.state, stateLabel: SHIPMENT_STATE_LABELS[shipment.state as ShipmentState] },
    order: { number: shipment.order.number },
    customer: { code: shipment.customer?.code, name: shipment.customer?.name },
    // Rendered by the outbox worker when it sends (src/notifications/attachments.ts).
    attachments: [{ kind: 'delivery-note', ref: shipment.documentId }] satisfies AttachmentRef[],
  };
};

export const shipmentWorkflow: WorkflowDefinition<ShipmentRecord> = {
  uid: SHIPMENT,
  subject: 'shipment',
  machine: shipmentMachine,
  load: loadShipment,
  loadMany: loadShipments,
  prepare,
  follow,
  mailboxesOf,
  mailData,
};
