/**
 * What must hold after every step of the fuzzer, read straight from the tables in SQL (Knex, table
 * and column names from Strapi's metadata), not through the API under test. `readWorld` takes a
 * snapshot; `checkInvariants` compares it with the one before the step and with the step itself:
 * - a confirmed order's customer and lines never change (no action changes them either);
 * - a submitted contract's orders carry exactly its lines, and belong to its customer;
 * - product reserved = sum of the reservations of lines of orders not cancelled, 0 ≤ reserved ≤ on
 *   hand; a cancelled order's lines reserve nothing;
 * - a receivable's customer is its order's customer; no order, line or receivable refers to a
 *   record that is gone;
 * - a customer on hold before a step gets no order confirmed, contract submitted or shipment
 *   shipped by it without a used credit override for that document;
 * - allocations in force ≤ the payment and ≤ the receivable;
 * - a successful action adds exactly one history event of its own; a refused request (4xx)
 *   changes nothing at all; no request answers 5xx.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { metaOf } from '../../../src/platform/table-meta';

type Id = number;

export interface OrderRow {
  documentId: string;
  state: string;
  customer: Id | null;
  lines: { key: string | null; product: Id | null; quantity: number; unitPrice: string; reserved: number }[];
}

export interface World {
  customers: Map<Id, { documentId: string; hold: boolean }>;
  products: Map<Id, { documentId: string; onHand: number; reserved: number }>;
  orders: Map<Id, OrderRow>;
  contracts: Map<Id, { documentId: string; state: string; customer: Id | null; orders: Id[]; lines: string[] }>;
  shipments: Map<Id, { documentId: string; state: string; customer: Id | null; order: Id | null }>;
  receivables: Map<Id, { documentId: string; state: string; amount: string; openAmount: string; customer: Id | null; order: Id | null }>;
  payments: Map<Id, { documentId: string; state: string; amount: string; unallocated: string; customer: Id | null }>;
  allocations: Map<Id, { amount: string; reversed: boolean; payment: Id | null; receivable: Id | null }>;
  /** History events counted by `subject:documentId:action`. */
  events: Map<string, number>;
  /** Credit overrides used, as `subject:documentId`. */
  overridesUsed: Set<string>;
}

/** What the fuzzer did in a step, as far as the invariants need to know. */
export interface StepOutcome {
  name: string;
  /** The kind of step, for the figures: a step of ./actions.ts, or `subject action`. */
  kind?: string;
  status: number;
  /** A workflow action taken through /workflow/:action. */
  action?: { subject: string; documentId: string; action: string };
}

const money = (value: unknown) => new Decimal(String(value ?? 0)).toFixed(2);

export const readWorld = async (strapi: Core.Strapi): Promise<World> => {
  const knex = strapi.db.connection;
  const rows = async (uid: string, attributes: string[]) => {
    const meta = metaOf(strapi, uid);
    const selected = await knex(meta.table).select(['id', ...attributes.map((a) => `${meta.column(a)} as ${a}`)]);
    return selected as Record<string, any>[];
  };
  /** owner id → target id of a to-one relation (or the list of a to-many). */
  const links = async (uid: string, attribute: string) => {
    const link = metaOf(strapi, uid).link(attribute);
    const found = new Map<Id, Id[]>();
    for (const row of await knex(link.table).select({ owner: link.owner, target: link.target })) {
      found.set(row.owner, [...(found.get(row.owner) ?? []), row.target]);
    }
    return found;
  };
  const one = (map: Map<Id, Id[]>, id: Id) => map.get(id)?.[0] ?? null;
  /** owner id → component ids, in order. */
  const components = async (uid: string, attribute: string) => {
    const joinTable = (
      strapi.db.metadata.get(uid as never) as unknown as {
        attributes: Record<
          string,
          { joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string }; orderColumnName?: string } }
        >;
      }
    ).attributes[attribute].joinTable;
    const found = new Map<Id, Id[]>();
    const selected = await knex(joinTable.name)
      .where({ field: attribute })
      .select({ owner: joinTable.joinColumn.name, target: joinTable.inverseJoinColumn.name })
      .orderBy('id');
    for (const row of selected) found.set(row.owner, [...(found.get(row.owner) ?? []), row.target]);
    return found;
  };

  const customers = new Map<Id, World['customers'] extends Map<Id, infer V> ? V : never>();
  for (const row of await rows('api::customer.customer', ['documentId', 'creditHold']))
    customers.set(row.id, { documentId: row.documentId, hold: Boolean(row.creditHold) });

  const products = new Map<Id, { documentId: string; onHand: number; reserved: number }>();
  for (const row of await rows('api::product.product', ['documentId', 'stockOnHand', 'stockReserved'])) {
    products.set(row.id, { documentId: row.documentId, onHand: Number(row.stockOnHand ?? 0), reserved: Number(row.stockReserved ?? 0) });
  }

  const orderLineRows = new Map<Id, Record<string, any>>();
  for (const row of await rows('order.line', ['key', 'quantity', 'unitPrice', 'reservedQuantity'])) orderLineRows.set(row.id, row);
  const orderLineProduct = await links('order.line', 'product');
  const orderLines = await components('api::order.order', 'lines');
  const orderCustomer = await links('api::order.order', 'customer');
  const orders = new Map<Id, OrderRow>();
  for (const row of await rows('api::order.order', ['documentId', 'state'])) {
    orders.set(row.id, {
      documentId: row.documentId,
      state: row.state,
      customer: one(orderCustomer, row.id),
      lines: (orderLines.get(row.id) ?? []).map((lineId) => {
        const line = orderLineRows.get(lineId)!;
        return {
          key: line.key ?? null,
          product: one(orderLineProduct, lineId),
          quantity: Number(line.quantity),
          unitPrice: money(line.unitPrice),
          reserved: Number(line.reservedQuantity ?? 0),
        };
      }),
    });
  }

  const contractLineRows = new Map<Id, Record<string, any>>();
  for (const row of await rows('contract.line', ['quantity', 'unitPrice'])) contractLineRows.set(row.id, row);
  const contractLineProduct = await links('contract.line', 'product');
  const contractLines = await components('api::contract.contract', 'lines');
  const contractCustomer = await links('api::contract.contract', 'customer');
  const contractOrders = await links('api::contract.contract', 'orders');
  const contracts: World['contracts'] = new Map();
  for (const row of await rows('api::contract.contract', ['documentId', 'state'])) {
    contracts.set(row.id, {
      documentId: row.documentId,
      state: row.state,
      customer: one(contractCustomer, row.id),
      orders: contractOrders.get(row.id) ?? [],
      lines: (contractLines.get(row.id) ?? []).map((lineId) => {
        const line = contractLineRows.get(lineId)!;
        return terms(one(contractLineProduct, lineId), Number(line.quantity), money(line.unitPrice));
      }),
    });
  }

  const shipmentCustomer = await links('api::shipment.shipment', 'customer');
  const shipmentOrder = await links('api::shipment.shipment', 'order');
  const shipments: World['shipments'] = new Map();
  for (const row of await rows('api::shipment.shipment', ['documentId', 'state'])) {
    shipments.set(row.id, {
      documentId: row.documentId,
      state: row.state,
      customer: one(shipmentCustomer, row.id),
      order: one(shipmentOrder, row.id),
    });
  }

  const receivableCustomer = await links('api::receivable.receivable', 'customer');
  const receivableOrder = await links('api::receivable.receivable', 'order');
  const receivables: World['receivables'] = new Map();
  for (const row of await rows('api::receivable.receivable', ['documentId', 'state', 'amount', 'openAmount'])) {
    receivables.set(row.id, {
      documentId: row.documentId,
      state: row.state,
      amount: money(row.amount),
      openAmount: money(row.openAmount),
      customer: one(receivableCustomer, row.id),
      order: one(receivableOrder, row.id),
    });
  }

  const paymentCustomer = await links('api::payment.payment', 'customer');
  const payments: World['payments'] = new Map();
  for (const row of await rows('api::payment.payment', ['documentId', 'state', 'amount', 'unallocatedAmount'])) {
    payments.set(row.id, {
      documentId: row.documentId,
      state: row.state,
      amount: money(row.amount),
      unallocated: money(row.unallocatedAmount),
      customer: one(paymentCustomer, row.id),
    });
  }
  const allocationPayment = await links('api::payment-allocation.payment-allocation', 'payment');
  const allocationReceivable = await links('api::payment-allocation.payment-allocation', 'receivable');
  const allocations: World['allocations'] = new Map();
  for (const row of await rows('api::payment-allocation.payment-allocation', ['amount', 'reversedOn'])) {
    allocations.set(row.id, {
      amount: money(row.amount),
      reversed: row.reversedOn != null,
      payment: one(allocationPayment, row.id),
      receivable: one(allocationReceivable, row.id),
    });
  }

  const events = new Map<string, number>();
  const eventMeta = metaOf(strapi, 'api::workflow-event.workflow-event');
  const counted = await knex(eventMeta.table)
    .select({ subject: eventMeta.column('subject'), subjectId: eventMeta.column('subjectId'), action: eventMeta.column('action') })
    .count({ n: '*' })
    .groupBy(eventMeta.column('subject'), eventMeta.column('subjectId'), eventMeta.column('action'));
  for (const row of counted as { subject: string; subjectId: string; action: string; n: number | string }[])
    events.set(`${row.subject}:${row.subjectId}:${row.action}`, Number(row.n));

  const overrideMeta = metaOf(strapi, 'api::credit-override.credit-override');
  const used = await knex(overrideMeta.table)
    .whereNotNull(overrideMeta.column('usedAt'))
    .select({ subject: overrideMeta.column('subject'), subjectId: overrideMeta.column('subjectId') });
  const overridesUsed = new Set((used as { subject: string; subjectId: string }[]).map((row) => `${row.subject}:${row.subjectId}`));

  return { customers, products, orders, contracts, shipments, receivables, payments, allocations, events, overridesUsed };
};

const terms = (product: Id | null, quantity: number, unitPrice: string) => `${product}|${quantity}|${unitPrice}`;

/** Contract states in which the contract has gone to review and its orders are bound to it. */
const SUBMITTED = ['in_review', 'changes_requested', 'termination_proposed', 'approved', 'replied', 'sealed', 'active', 'completed'];

/** A comparable copy of the world, for "a refused request changes nothing". */
const fingerprint = (world: World) =>
  JSON.stringify(world, (_key, value) => (value instanceof Map ? [...value.entries()] : value instanceof Set ? [...value].sort() : value));

/** Which records differ between two snapshots, briefly: `orders 12 (gone), products 3`. */
const changesBetween = (before: World, after: World) => {
  const changed: string[] = [];
  for (const name of Object.keys(before) as (keyof World)[]) {
    const [was, now] = [before[name], after[name]] as unknown[];
    if (!(was instanceof Map) || !(now instanceof Map)) continue;
    for (const id of new Set([...was.keys(), ...now.keys()])) {
      const [a, b] = [JSON.stringify(was.get(id)), JSON.stringify(now.get(id))];
      if (a !== b) changed.push(`${name} ${id}${a === undefined ? ' (new)' : b === undefined ? ' (gone)' : ''}`);
    }
  }
  return changed.slice(0, 6).join(', ') || 'the credit overrides';
};

export const checkInvariants = (before: World, after: World, step: StepOutcome): string[] => {
  const violations: string[] = [];
  const fail = (message: string) => violations.push(message);

  if (step.status >= 500) fail(`${step.name} answered ${step.status}`);
  if (step.status >= 400 && fingerprint(before) !== fingerprint(after))
    fail(`${step.name} was refused (${step.status}) but changed ${changesBetween(before, after)}`);

  // A confirmed order's customer and lines never change.
  for (const [id, was] of before.orders) {
    if (was.state === 'draft') continue;
    const now = after.orders.get(id);
    if (!now) {
      fail(`order ${was.documentId} (${was.state}) was deleted`);
      continue;
    }
    if (now.customer !== was.customer) fail(`order ${was.documentId} (${was.state}) changed customer ${was.customer} → ${now.customer}`);
    const lineTerms = (order: OrderRow) => JSON.stringify(order.lines.map((l) => [l.key, l.product, l.quantity, l.unitPrice]));
    if (lineTerms(now) !== lineTerms(was))
      fail(`order ${was.documentId} (${was.state}) changed lines ${lineTerms(was)} → ${lineTerms(now)}`);
  }

  // No record refers to one that is gone.
  for (const [, order] of after.orders) {
    if (order.customer === null || !after.customers.has(order.customer)) fail(`order ${order.documentId} has no customer`);
    for (const line of order.lines)
      if (line.product === null || !after.products.has(line.product)) fail(`order ${order.documentId} line ${line.key} has no product`);
  }

  // A submitted contract's orders carry exactly its lines and belong to its customer.
  for (const [, contract] of after.contracts) {
    if (!SUBMITTED.includes(contract.state) || contract.orders.length === 0) continue;
    const orders = contract.orders.map((id) => after.orders.get(id));
    const ordered = orders
      .flatMap((order) => order?.lines.map((l) => terms(l.product, l.quantity, l.unitPrice)) ?? ['(order gone)'])
      .sort();
    if (JSON.stringify(ordered) !== JSON.stringify([...contract.lines].sort())) {
      fail(
        `contract ${contract.documentId} (${contract.state}) has lines ${JSON.stringify([...contract.lines].sort())}, its orders ${JSON.stringify(ordered)}`
      );
    }
    for (const order of orders) {
      if (order && order.customer !== contract.customer)
        fail(
          `contract ${contract.documentId} (${contract.state}) of customer ${contract.customer} binds order ${order.documentId} of customer ${order.customer}`
        );
    }
  }

  // Stock: reserved = the open lines' reservations, 0 ≤ reserved ≤ on hand.
  const reservedByLines = new Map<Id, number>();
  for (const [, order] of after.orders) {
    for (const line of order.lines) {
      if (order.state === 'cancelled') {
        if (line.reserved !== 0) fail(`cancelled order ${order.documentId} line ${line.key} still reserves ${line.reserved}`);
        continue;
      }
      if (line.product !== null) reservedByLines.set(line.product, (reservedByLines.get(line.product) ?? 0) + line.reserved);
    }
  }
  for (const [id, product] of after.products) {
    const lines = reservedByLines.get(id) ?? 0;
    if (product.reserved !== lines) fail(`product ${product.documentId} reserved ${product.reserved}, its open lines reserve ${lines}`);
    if (product.reserved < 0 || product.onHand < 0)
      fail(`product ${product.documentId} on hand ${product.onHand}, reserved ${product.reserved}: negative`);
    if (product.reserved > product.onHand) fail(`product ${product.documentId} reserved ${product.reserved} > on hand ${product.onHand}`);
  }

  // A receivable's customer is its order's customer.
  for (const [, receivable] of after.receivables) {
    const order = receivable.order === null ? undefined : after.orders.get(receivable.order);
    if (!order) fail(`receivable ${receivable.documentId} has no order`);
    else if (receivable.customer !== order.customer)
      fail(
        `receivable ${receivable.documentId} is customer ${receivable.customer}'s, its order ${order.documentId} customer ${order.customer}'s`
      );
  }

  // Allocations in force never exceed the payment nor the receivable.
  const byPayment = new Map<Id, Decimal>();
  const byReceivable = new Map<Id, Decimal>();
  for (const [, allocation] of after.allocations) {
    if (allocation.reversed) continue;
    if (allocation.payment !== null)
      byPayment.set(allocation.payment, (byPayment.get(allocation.payment) ?? new Decimal(0)).plus(allocation.amount));
    if (allocation.receivable !== null)
      byReceivable.set(allocation.receivable, (byReceivable.get(allocation.receivable) ?? new Decimal(0)).plus(allocation.amount));
  }
  for (const [id, sum] of byPayment) {
    const payment = after.payments.get(id);
    if (!payment || sum.greaterThan(payment.amount))
      fail(`payment ${payment?.documentId ?? id} has ${sum.toFixed(2)} allocated of ${payment?.amount}`);
  }
  for (const [id, sum] of byReceivable) {
    const receivable = after.receivables.get(id);
    if (!receivable || sum.greaterThan(receivable.amount))
      fail(`receivable ${receivable?.documentId ?? id} has ${sum.toFixed(2)} allocated of ${receivable?.amount}`);
  }

  // A customer on hold gets nothing through without a used override.
  const newEvents = [...after.events].filter(([key, n]) => n > (before.events.get(key) ?? 0)).map(([key]) => key.split(':'));
  for (const [subject, documentId, action] of newEvents) {
    const guarded =
      (subject === 'order' && action === 'confirm' && step.action?.subject === 'order') ||
      (subject === 'contract' && action === 'submit') ||
      (subject === 'shipment' && action === 'ship');
    if (!guarded) continue;
    const records = subject === 'order' ? before.orders : subject === 'contract' ? before.contracts : before.shipments;
    const record = [...records.values()].find((candidate) => candidate.documentId === documentId);
    const customer = record?.customer == null ? undefined : before.customers.get(record.customer);
    if (customer?.hold && !after.overridesUsed.has(`${subject}:${documentId}`)) {
      fail(`held customer ${customer.documentId}: ${subject} ${documentId} ${action} without a used credit override`);
    }
  }

  // One history event per successful action.
  if (step.action) {
    const key = `${step.action.subject}:${step.action.documentId}:${step.action.action}`;
    const added = (after.events.get(key) ?? 0) - (before.events.get(key) ?? 0);
    const expected = step.status < 300 ? 1 : 0;
    if (added !== expected) fail(`${step.name} answered ${step.status} and recorded ${added} history events (${expected} expected)`);
  }
  return violations;
};
