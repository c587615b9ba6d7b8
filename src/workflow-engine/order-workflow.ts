/**
 * The order progress machine (src/domain/order-progress.ts) bound to the stored order: the
 * production plan written with `schedule`, a moved promise mailed to the customer, the state held
 * from for `resume`, allocation (配货) reserving stock against the products' available stock with
 * conditional updates that no two orders can overrun (released when the order is cancelled), and
 * progress notes escalated by mail.
 */
import type { Core } from '@strapi/strapi';
import { Allocation, ORDER_STATE_LABELS, orderMachine, OrderState } from '../domain/order-progress';
import { GOODS_GONE_STATES } from '../domain/shipping';
import { ROLE_CODES, RoleCode } from '../domain/staff-roles';
import { DomainValidationError, fieldProblem } from '../domain/validation-error';
import { Recipient } from '../domain/workflow/machine';
import { conflict } from '../platform/errors';
import { enforceCreditHold } from '../cash-collection/credit-control';
import { notify } from '../platform/outbox';
import { customerMailbox, CustomerWithContacts } from './customer-mailbox';
import { staffMailboxes } from '../platform/staff-mailboxes';
import { Mailbox, recordLoaders, StepContext, WorkflowDefinition, WorkflowRecord } from './workflow-service';
import { TemplateName } from '../domain/notification-templates';
import { ORDER, PRODUCT, SHIPMENT } from '../platform/uids';
import { message } from '../domain/messages';

const LINE = 'order.line';

export interface OrderRecord extends WorkflowRecord {
  number: string;
  promisedDate: string | null;
  heldFrom: OrderState | null;
  lines: {
    id: number;
    key: string | null;
    quantity: number;
    reservedQuantity: number;
    source: string;
    product: { id: number; sku: string } | null;
  }[];
  customer: (CustomerWithContacts & { id: number; code: string; name: string }) | null;
  packagingItems: { description: string; artworkConfirmedAt: string | null }[];
  shippedQuantity: number;
}

/** Orders with what has left the warehouse for each (`shippedQuantity`, from the shipments gone). */
export const { load: loadOrder, loadMany: loadOrders } = recordLoaders<OrderRecord>(async (strapi, where, forChecks) => {
  const packagingItems = { select: ['description', 'artworkConfirmedAt'] };
  const orders = await strapi.db.query(ORDER).findMany({
    where,
    // The machine's preconditions read the packaging items and the quantity shipped.
    populate: forChecks
      ? { packagingItems }
      : { lines: { populate: { product: { select: ['id', 'sku'] } } }, customer: { populate: { contacts: true } }, packagingItems },
  });
  if (orders.length === 0) return [];
  const gone = await strapi.db.query(SHIPMENT).findMany({
    where: { order: { id: { $in: orders.map((order: { id: number }) => order.id) } }, state: { $in: [...GOODS_GONE_STATES] } },
    select: ['id'],
    populate: { order: { select: ['id'] }, lines: { select: ['quantity'] } },
  });
  const shipped = new Map<number, number>();
  for (const shipment of gone as { order: { id: number }; lines: { quantity: number }[] }[]) {
    const quantity = shipment.lines.reduce((sum, line) => sum + line.quantity, 0);
    shipped.set(shipment.order.id, (shipped.get(shipment.order.id) ?? 0) + quantity);
  }
  return orders.map((order: OrderRecord) => ({ ...order, shippedQuantity: shipped.get(order.id) ?? 0 }));
});

/** Reserves or releases stock for each line named, never beyond what the product has available. */
const allocate = async (strapi: Core.Strapi, order: OrderRecord, allocations: Allocation[]) => {
  const products = strapi.db.metadata.get(PRODUCT).tableName;
  for (const [index, allocation] of allocations.entries()) {
    const line = order.lines.find((candidate) => candidate.key === allocation.line);
    if (!line || !line.product)
      throw new DomainValidationError([
        fieldProblem(['lines', index, 'line'], 'order.no_line', { line: allocation.line, order: order.number }),
      ]);
    if (allocation.reserve > line.quantity) {
      throw new DomainValidationError([fieldProblem(['lines', index, 'reserve'], 'order.reserve_over_open', { quantity: line.quantity })]);
    }
    const change = allocation.reserve - (line.reservedQuantity ?? 0);
    if (change !== 0) {
      await strapi.db.transaction(async ({ trx }) => {
        // One conditional UPDATE: the row lock makes concurrent reservations of one product queue,
        // and each sees what the others took.
        const updated = await trx(products)
          .where({ id: line.product!.id })
          .andWhereRaw(change > 0 ? 'stock_on_hand - stock_reserved >= ?' : 'stock_reserved >= ?', [Math.abs(change)])
          .increment('stock_reserved', change);
        if (!updated) {
          const product = await trx(products).where({ id: line.product!.id }).first('stock_on_hand', 'stock_reserved');
          throw conflict(
            message('stock.short', { available: product.stock_on_hand - product.stock_reserved, sku: line.product!.sku, asked: change }),
            {
              line: allocation.line,
              available: product.stock_on_hand - product.stock_reserved,
            }
          );
        }
      });
    }
    await strapi.db.query(LINE).update({
      where: { id: line.id },
      data: { reservedQuantity: allocation.reserve, ...(allocation.source ? { source: allocation.source } : {}) },
    });
  }
};

const prepare = async (
  strapi: Core.Strapi,
  { record: order, step, input, now }: StepContext<OrderRecord>
): Promise<Record<string, unknown>> => {
  switch (step.action) {
    case 'confirm':
      // The credit rule holds at confirmation too, not only when the draft was written.
      await enforceCreditHold(strapi, {
        customerId: order.customer?.id,
        subject: 'order',
        documentId: order.documentId,
        step: { code: 'credit.step_confirm_order', params: { number: order.number } },
        now,
      });
      return {};
    case 'schedule':
      return { plannedStart: input.plannedStart, plannedFinish: input.plannedFinish, promisedDate: input.promisedDate };
    case 'reschedule':
      if (input.promisedDate === order.promisedDate)
        throw new DomainValidationError([fieldProblem(['promisedDate'], 'order.same_promised_date')]);
      return { promisedDate: input.promisedDate };
    case 'hold':
      return { heldFrom: order.state };
    case 'resume':
      return { heldFrom: null };
    case 'note':
      if (input.escalateTo !== undefined && !(ROLE_CODES as readonly unknown[]).includes(input.escalateTo)) {
        throw new DomainValidationError([fieldProblem(['escalateTo'], 'field.one_of', { values: ROLE_CODES.join(', ') })]);
      }
      return {};
    case 'allocate':
      await allocate(strapi, order, input.lines as Allocation[]);
      return {};
    case 'cancel':
      // A cancelled order keeps no stock from other orders: each line's reservation is released.
      await allocate(
        strapi,
        order,
        order.lines.filter((line) => line.key && line.reservedQuantity > 0).map((line) => ({ line: line.key!, reserve: 0 }))
      );
      return {};
    default:
      return {};
  }
};

/** Mail that follows an action rather than a state: a moved promise to the customer, a note to the role it escalates to. */
const follow = async (strapi: Core.Strapi, { record: order, step, input }: StepContext<OrderRecord>) => {
  const data = {
    ...(await mailData(strapi, order)),
    previousPromisedDate: order.promisedDate,
    promisedDate: input.promisedDate,
    reason: input.comment,
    note: input,
  };
  const send = async (template: TemplateName, mailboxes: Mailbox[], step: string) => {
    for (const mailbox of mailboxes) {
      await notify(strapi, {
        event: template,
        key: `${template}:${order.documentId}:${step}:${mailbox.email}`,
        to: mailbox.email,
        template,
        locale: mailbox.language,
        data,
        record: { uid: ORDER, documentId: order.documentId },
      });
    }
  };
  const customer = customerMailbox(order.customer);
  if (step.action === 'reschedule' && customer) await send('order.promise-moved', [customer], `v${order.version}`);
  if (step.action === 'note' && input.escalateTo)
    await send('order.problem', await staffMailboxes(strapi, [input.escalateTo as RoleCode]), `v${order.version}`);
  return {};
};

const mailboxesOf = async (_strapi: Core.Strapi, record: OrderRecord, to: Recipient): Promise<Mailbox[]> => {
  const mailbox = 'customer' in to ? customerMailbox(record.customer) : null;
  return mailbox ? [mailbox] : [];
};

const mailData = async (_strapi: Core.Strapi, order: OrderRecord) => {
  return {
    order: {
      number: order.number,
      state: order.state,
      stateLabel: ORDER_STATE_LABELS[order.state as OrderState],
      promisedDate: order.promisedDate,
      plannedStart: order.plannedStart,
      plannedFinish: order.plannedFinish,
    },
    customer: { code: order.customer?.code, name: order.customer?.name },
  };
};

export const orderWorkflow: WorkflowDefinition<OrderRecord> = {
  uid: ORDER,
  subject: 'order',
  machine: orderMachine,
  load: loadOrder,
  loadMany: loadOrders,
  prepare,
  follow,
  mailboxesOf,
  mailData,
};
