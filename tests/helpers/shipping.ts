/**
 * Orders taken to ready and shipped, as staff would through REST: `readyOrder` (confirmed,
 * scheduled, produced), `planShipment` and `ship`. Also `settle`: receivables paid in full by a
 * payment and its allocations written straight to the tables (trusted), until payments have their
 * own service to call.
 */
import path from 'path';
import type { Core } from '@strapi/strapi';
import { Doc, createOrder } from './fixtures';
import { rest, StaffMember } from './staff';
import { APP_DIR } from './strapi';
import { actOn, ok } from './workflow';

const ORDER = 'api::order.order';
const SHIPMENT = 'api::shipment.shipment';
const RECEIVABLE = 'api::receivable.receivable';
const PAYMENT = 'api::payment.payment';
const ALLOCATION = 'api::payment-allocation.payment-allocation';

// The app's own copy, so that the trusted-write context is the one its lifecycles read.
const { asTrustedWrite } = require(path.join(APP_DIR, 'dist', 'src', 'workflows', 'trusted-write.js'));

export interface ShippingStaff {
  specialist: StaffMember;
  supervisor: StaffMember;
  planner: StaffMember;
  coordinator: StaffMember;
}

export const readyOrder = async (strapi: Core.Strapi, staff: ShippingStaff, customer: Doc, lines: { product: Doc; quantity: number; unitPrice: string }[]) => {
  const order = await createOrder(strapi, staff.specialist, {
    customer: customer.documentId,
    lines: lines.map((line) => ({ product: line.product.documentId, quantity: line.quantity, unitPrice: line.unitPrice })),
  });
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

let payments = 0;
/** Pays the receivables in full on `receivedOn`: one posted payment, one allocation each. */
export const settle = async (strapi: Core.Strapi, customer: Doc, receivables: { id: number; amount: unknown }[], receivedOn: string) =>
  strapi.db.transaction(() =>
    asTrustedWrite(async () => {
      const total = receivables.reduce((sum, r) => sum + Math.round(Number(r.amount) * 100), 0) / 100;
      payments += 1;
      const payment = await strapi.db.query(PAYMENT).create({
        data: { number: `SK-T-${process.pid}-${payments}`, customer: customer.id, amount: total, unallocatedAmount: 0, currency: 'CNY', receivedOn, method: 'bank_transfer', state: 'posted', version: 1 },
      });
      for (const receivable of receivables) {
        await strapi.db.query(ALLOCATION).create({ data: { payment: payment.id, receivable: receivable.id, amount: receivable.amount, allocatedOn: receivedOn } });
        await strapi.db.query(RECEIVABLE).update({ where: { id: receivable.id }, data: { openAmount: 0, state: 'paid' } });
      }
      return payment;
    })
  );
