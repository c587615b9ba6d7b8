/**
 * Orders taken to ready and shipped, as staff would through REST: `readyOrder` (confirmed,
 * scheduled, produced), `planShipment` and `ship`; and `settle`: receivables paid in full through
 * the payment API.
 */
import type { Core } from '@strapi/strapi';
import { Doc, createOrder } from './fixtures';
import { rest, StaffMember } from './staff';
import { actOn, ok } from './workflow';
import { ORDER, RECEIVABLE, SHIPMENT } from '../../src/platform/uids';


/** Who takes an order to ready and ships it; with `createStaff` (./staff.ts). */
export const SHIPPING_ROLES = { specialist: 'cs-specialist', supervisor: 'cs-supervisor', planner: 'planner', coordinator: 'order-coordinator' } as const;
export type ShippingStaff = Record<keyof typeof SHIPPING_ROLES, StaffMember>;

/** An order of `lines` taken to ready; `beforeConfirm` runs on the draft (e.g. to put it in a contract). */
export const readyOrder = async (
  strapi: Core.Strapi,
  staff: ShippingStaff,
  customer: Doc,
  lines: { product: Doc; quantity: number; unitPrice: string }[],
  beforeConfirm?: (order: Doc) => Promise<void>
) => {
  const order = await createOrder(strapi, staff.specialist, {
    customer: customer.documentId,
    lines: lines.map((line) => ({ product: line.product.documentId, quantity: line.quantity, unitPrice: line.unitPrice })),
  });
  await beforeConfirm?.(order);
  await ok(actOn(strapi, staff.supervisor, ORDER, order.documentId, 'confirm', { comment: 'confirmed by phone' }));
  await ok(actOn(strapi, staff.planner, ORDER, order.documentId, 'schedule', { plannedStart: '2027-01-04', plannedFinish: '2027-01-15', promisedDate: '2027-01-20' }));
  await ok(actOn(strapi, staff.coordinator, ORDER, order.documentId, 'start_production'));
  await ok(actOn(strapi, staff.coordinator, ORDER, order.documentId, 'mark_ready'));
  const stored = await strapi.db.query(ORDER).findOne({ where: { documentId: order.documentId }, populate: { lines: true } });
  return { order, keys: stored.lines.map((line: { key: string }) => line.key) as string[] };
};

export const planShipment = async (strapi: Core.Strapi, member: StaffMember, order: Doc, lines: { line: string; quantity: number }[]): Promise<Doc> =>
  (await ok(rest(strapi, member).post('/api/shipments', { data: { order: order.documentId, lines, transportMode: 'truck', truckPlate: '浙B·12345', driverName: '王师傅' } }))).data;

export const ship = (strapi: Core.Strapi, member: StaffMember, shipment: Doc) => actOn(strapi, member, SHIPMENT, shipment.documentId, 'ship');

export const receivableOf = (strapi: Core.Strapi, shipment: Doc) => strapi.db.query(RECEIVABLE).findOne({ where: { shipment: { documentId: shipment.documentId } } });

/** Pays the receivables in full on `receivedOn` through the payment API: one payment, allocated to each. */
export const settle = async (strapi: Core.Strapi, clerk: StaffMember, customer: Doc, receivables: { documentId: string; amount: unknown }[], receivedOn: string) => {
  const cents = receivables.reduce((sum, r) => sum + Math.round(Number(r.amount) * 100), 0);
  return ok(
    rest(strapi, clerk).post('/api/payments', {
      data: {
        customer: customer.documentId,
        amount: (cents / 100).toFixed(2),
        receivedOn,
        method: 'bank_transfer',
        allocations: receivables.map((r) => ({ receivable: r.documentId, amount: String(r.amount) })),
      },
    })
  );
};
