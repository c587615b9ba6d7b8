/**
 * Orders taken to ready and shipped, as staff would through REST: `readyOrder` (confirmed,
 * scheduled, produced), `planShipment`, `ship` and `shipLine`; `settle`: receivables paid in full
 * through the payment API; and the setups of the files that follow orders (`useOrderSetup`) or
 * ship and collect (`useCollectionSetup`).
 */
import type { Core } from '@strapi/strapi';
import type { RoleCode } from '../../src/domain/staff-roles';
import { Doc, createCustomer, createOrder, createProduct } from './fixtures';
import { appModule } from './strapi';
import { rest, StaffMember, useStaff } from './staff';
import { actOn, ok } from './workflow';
import { ORDER, RECEIVABLE, SHIPMENT } from '../../src/platform/uids';

/** Who takes an order to ready and ships it; with `createStaff` (./staff.ts). */
export const SHIPPING_ROLES = {
  specialist: 'cs-specialist',
  supervisor: 'cs-supervisor',
  planner: 'planner',
  coordinator: 'order-coordinator',
} as const;
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
  await ok(
    actOn(strapi, staff.planner, ORDER, order.documentId, 'schedule', {
      plannedStart: '2027-01-04',
      plannedFinish: '2027-01-15',
      promisedDate: '2027-01-20',
    })
  );
  await ok(actOn(strapi, staff.coordinator, ORDER, order.documentId, 'start_production'));
  await ok(actOn(strapi, staff.coordinator, ORDER, order.documentId, 'mark_ready'));
  const stored = await strapi.db.query(ORDER).findOne({ where: { documentId: order.documentId }, populate: { lines: true } });
  return { order, keys: stored.lines.map((line: { key: string }) => line.key) as string[] };
};

export const planShipment = async (
  strapi: Core.Strapi,
  member: StaffMember,
  order: Doc,
  lines: { line: string; quantity: number }[]
): Promise<Doc> =>
  (
    await ok(
      rest(strapi, member).post('/api/shipments', {
        data: { order: order.documentId, lines, transportMode: 'truck', truckPlate: '浙B·12345', driverName: '王师傅' },
      })
    )
  ).data;

export const ship = (strapi: Core.Strapi, member: StaffMember, shipment: Doc) =>
  actOn(strapi, member, SHIPMENT, shipment.documentId, 'ship');

export const receivableOf = (strapi: Core.Strapi, shipment: Doc) =>
  strapi.db.query(RECEIVABLE).findOne({ where: { shipment: { documentId: shipment.documentId } } });

/** Plans and ships `quantity` of one line of a ready order; answers the shipment and its receivable. */
export const shipLine = async (strapi: Core.Strapi, coordinator: StaffMember, order: Doc, line: string, quantity = 1) => {
  const shipment = await planShipment(strapi, coordinator, order, [{ line, quantity }]);
  await ok(ship(strapi, coordinator, shipment));
  return { shipment, receivable: await receivableOf(strapi, shipment) };
};

/** Dates a receivable as if shipped earlier (what aging and oldest-first look at), past the guards as the system writes. */
export const redateReceivable = async (
  strapi: Core.Strapi,
  receivable: { id: number },
  dates: { invoiceDate: string; dueDate: string }
) => {
  // The compiled module: the one the booted Strapi's guards consult.
  const { asTrustedWrite } = appModule('src', 'platform', 'trusted-write.js');
  await asTrustedWrite(() => strapi.db.query(RECEIVABLE).update({ where: { id: receivable.id }, data: dates }));
};

/** Pays the receivables in full on `receivedOn` through the payment API: one payment, allocated to each. */
export const settle = async (
  strapi: Core.Strapi,
  clerk: StaffMember,
  customer: Doc,
  receivables: { documentId: string; amount: unknown }[],
  receivedOn: string
) => {
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

/**
 * The setup of a file that follows orders of one customer: the staff of SHIPPING_ROLES and of
 * `more`, and a customer of `customerFields` made by the specialist; filled in by beforeAll hooks
 * (call it after `useStrapi`).
 */
export const useOrderSetup = <More extends string>(
  app: { strapi: Core.Strapi },
  more: Record<More, RoleCode>,
  customerFields: Record<string, unknown>
) => {
  const staff = useStaff(app, { ...SHIPPING_ROLES, ...more } as Record<keyof typeof SHIPPING_ROLES | More, RoleCode>);
  const customer = {} as Doc;
  beforeAll(async () => {
    Object.assign(customer, await createCustomer(app.strapi, staff.specialist, customerFields));
  });
  return { ...staff, customer };
};

/** Who ships orders and collects their money: the shipping staff, a sales clerk and a salesperson. */
export const COLLECTION_ROLES = { ...SHIPPING_ROLES, clerk: 'sales-clerk', salesperson: 'salesperson' } as const;

/**
 * The setup of a file that ships orders of one product and collects the money: the staff of
 * COLLECTION_ROLES and a product of `productFields` with stock for every order; filled in by
 * beforeAll hooks (call it after `useStrapi`).
 */
export const useCollectionSetup = (app: { strapi: Core.Strapi }, productFields: Record<string, unknown>) => {
  const staff = useStaff(app, COLLECTION_ROLES);
  const product = {} as Doc;
  beforeAll(async () => {
    Object.assign(product, await createProduct(app.strapi, staff.supervisor, { ...productFields, stockOnHand: 100000, unit: '台' }));
  });
  return { ...staff, product };
};
