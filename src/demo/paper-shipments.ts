/**
 * The goods of the bulk-loaded demo orders that left on paper (states partially shipped, shipped
 * and closed: their paper trail has a `ship` step): the shipment that step made, with its lines,
 * history and receivable, and the payment of every receivable already due — so an order's file
 * reads shipped and billed as its state says, and this paper adds nothing overdue (what is owed
 * late in the demo comes from the orders the demo collection ships through the workflows).
 * Orders that already have a shipment (those the demo collection took) are left alone.
 */
import type { Core } from '@strapi/strapi';
import { fakerZH_CN as faker } from '@faker-js/faker';
import { addDays } from '../domain/business-date';
import { newDocumentId } from '../domain/document-id';
import { SERIES } from '../domain/document-number';
import { Decimal } from '../domain/money';
import { receivableOf } from '../domain/shipping';
import { addFreshReceivables } from '../cash-collection/receivable-facts';
import { ORDER, SHIPMENT } from '../platform/uids';
import { createBulkWriter } from './bulk-writer';
import { DemoReceivable, SHIPPED_STATES, writePayments } from './bulk-collection';
import { staffByRole } from './demo-orders';
import { morningOf, numbersForDays } from './demo-run';
import { STEP_DAY } from './order-paper-trail';

interface PaperOrder {
  id: number;
  documentId: string;
  state: string;
  orderDate: string;
  currency: string;
  customer: { id: number; paymentTermsDays: number | null } | null;
  lines: { key: string; quantity: number; unitPrice: string | number; specification: string | null; product: { id: number } | null }[];
}

/** Delivery takes three days; the youngest shipped orders are still on the road. */
const DELIVERY_DAYS = 3;

/** What left: all of each line, or for a partly shipped order the first half of its lines (half of a single line). */
const linesShipped = (order: PaperOrder) => {
  if (order.state !== 'partially_shipped') return order.lines.map((line) => ({ line, quantity: line.quantity }));
  if (order.lines.length > 1)
    return order.lines.slice(0, Math.ceil(order.lines.length / 2)).map((line) => ({ line, quantity: line.quantity }));
  const [line] = order.lines;
  return line && line.quantity > 1 ? [{ line, quantity: Math.floor(line.quantity / 2) }] : [];
};

/** Writes the paper orders' shipments, history, receivables and payments; answers how many shipments and payments. */
export const shipOnPaper = async (strapi: Core.Strapi, today: string): Promise<{ shipments: number; payments: number }> => {
  faker.seed(20261207);
  const shipped = await strapi.db.query(SHIPMENT).findMany({ select: ['id'], populate: { order: { select: ['id'] } } });
  const haveShipments = new Set(shipped.map((shipment: { order: { id: number } | null }) => shipment.order?.id));
  const orders: PaperOrder[] = (
    await strapi.db.query(ORDER).findMany({
      where: { state: { $in: SHIPPED_STATES } },
      select: ['id', 'documentId', 'state', 'orderDate', 'currency'],
      populate: {
        customer: { select: ['id', 'paymentTermsDays'] },
        lines: { select: ['key', 'quantity', 'unitPrice', 'specification'], populate: { product: { select: ['id'] } } },
      },
      orderBy: { id: 'asc' },
    })
  ).filter((order: PaperOrder) => !haveShipments.has(order.id) && order.customer && linesShipped(order).length > 0);
  if (orders.length === 0) return { shipments: 0, payments: 0 };

  const coordinator = (await staffByRole(strapi, ['order-coordinator'])).get('order-coordinator') ?? null;
  const plans = orders.map((order) => {
    const shipDay = addDays(order.orderDate, STEP_DAY.ship);
    const deliverDay = addDays(shipDay, DELIVERY_DAYS);
    // The order's close step comes after delivery; a shipped order not closed may still be on the road.
    const delivered = order.state !== 'shipped' || addDays(deliverDay, 30) < today;
    return { order, shipDay, deliverDay: delivered && deliverDay < today ? deliverDay : null, lines: linesShipped(order) };
  });

  return strapi.db.transaction(async ({ trx }) => {
    const writer = createBulkWriter(strapi, trx);
    const numbers = await numbersForDays(
      strapi,
      SERIES.shipment,
      plans.map((plan) => plan.shipDay)
    );

    const documentIds = plans.map(() => newDocumentId());
    const shipmentIds = await writer.insert(
      SHIPMENT,
      plans.map((plan, index) => ({
        documentId: documentIds[index],
        values: {
          number: numbers[index],
          transportMode: 'truck',
          plannedDate: plan.shipDay,
          shippedAt: morningOf(plan.shipDay),
          deliveredAt: plan.deliverDay ? morningOf(plan.deliverDay) : null,
          state: plan.deliverDay ? 'delivered' : 'shipped',
          version: plan.deliverDay ? 3 : 2,
          reviewRound: 0,
        },
        links: { order: plan.order.id, customer: plan.order.customer!.id },
        components: {
          lines: plan.lines.map(({ line, quantity }) => ({
            values: { line: line.key, specification: line.specification, quantity, unitPrice: String(line.unitPrice) },
            links: { product: line.product?.id ?? null },
          })),
        },
      }))
    );
    await writer.insert(
      'api::workflow-event.workflow-event',
      plans.flatMap((plan, index) =>
        [
          { action: 'ship', fromState: 'planned', toState: 'shipped', day: plan.shipDay },
          ...(plan.deliverDay ? [{ action: 'deliver', fromState: 'shipped', toState: 'delivered', day: plan.deliverDay }] : []),
        ].map(({ day, ...step }) => ({
          values: {
            subject: 'shipment',
            subjectId: documentIds[index],
            ...step,
            role: 'order-coordinator',
            comment: null,
            at: morningOf(day),
          },
          links: { actor: coordinator },
        }))
      )
    );

    // What shipping bills (src/workflow-engine/shipment-workflow.ts): the lines at their price, due after the customer's terms.
    const receivables: DemoReceivable[] = plans.map((plan, index) => {
      const { amount, dueDate } = receivableOf(
        plan.lines.map(({ line, quantity }) => ({ quantity, unitPrice: String(line.unitPrice) })),
        plan.shipDay,
        plan.order.customer!.paymentTermsDays ?? 30
      );
      const cents = new Decimal(amount).times(100).toNumber();
      // Paid once due (around the due day, never after today: see writePayments); not yet due, still open.
      const paid = dueDate < today ? cents : 0;
      return {
        values: {
          amount,
          openAmount: ((cents - paid) / 100).toFixed(2),
          currency: plan.order.currency,
          invoiceDate: plan.shipDay,
          dueDate,
          state: paid === cents ? 'paid' : 'open',
        },
        links: { customer: plan.order.customer!.id, order: plan.order.id, shipment: shipmentIds[index] },
        cents,
        paid,
        reversed: false,
        customerId: plan.order.customer!.id,
        dueDate,
        invoiceDate: plan.shipDay,
        currency: plan.order.currency,
      };
    });
    const receivableIds = await writer.insert('api::receivable.receivable', receivables);
    const payments = await writePayments(strapi, writer, receivables, receivableIds, today);
    // Written with Knex (no lifecycle hooks): they join the receivables roll-up here.
    await addFreshReceivables(strapi, Math.min(...receivableIds), Math.max(...receivableIds));
    return { shipments: shipmentIds.length, payments };
  });
};
