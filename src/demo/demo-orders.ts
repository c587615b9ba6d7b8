/**
 * The demo's orders: spread over the last 24 months, priced, in states that fit their age, with
 * the paper trail the workflow would have written, the packaging items the packaging gate asks
 * for and the stock their allocations reserved; numbers continue the live counters.
 */
import type { Core } from '@strapi/strapi';
import { addDays } from '../domain/business-date';
import { newDocumentId, newLineKey } from '../domain/document-id';
import { SERIES } from '../domain/document-number';
import { OrderState } from '../domain/order-progress';
import { priceOrderLines } from '../domain/order-pricing';
import { RoleCode } from '../domain/staff-roles';
import { PRODUCT, USER } from '../platform/uids';
import { syncSalesFactsRange } from '../statistics/sales-facts';
import { devEmail } from '../staff/dev-accounts';
import { BulkRecord } from './bulk-writer';
import { BulkWriter, DemoRun, Faker, morningOf, numbersForDays, ProductRef, WeightedCustomers } from './demo-run';
import { orderPaperTrail, PaperTrailStep } from './order-paper-trail';

interface OrderDraft {
  index: number;
  orderDate: string;
  ageDays: number;
}

/** One demo order as written: its record, the steps of its paper trail and its packaging items. */
interface DemoOrder {
  record: BulkRecord & { documentId: string };
  steps: PaperTrailStep[];
  packaging: Record<string, unknown>[];
}

const orderStateByAge = (faker: Faker, ageDays: number): OrderState => {
  if (faker.number.int({ min: 1, max: 100 }) <= 3) return 'cancelled';
  if (ageDays > 60)
    return faker.helpers.weightedArrayElement([
      { value: 'closed', weight: 90 },
      { value: 'shipped', weight: 10 },
    ]);
  if (ageDays > 25) return faker.helpers.arrayElement(['shipped', 'partially_shipped', 'ready', 'closed']);
  if (ageDays > 7) return faker.helpers.arrayElement(['confirmed', 'scheduled', 'in_production', 'on_hold']);
  return faker.helpers.arrayElement(['draft', 'draft', 'confirmed']);
};

/**
 * The stock allocate (配货) would have reserved for a line: an order in production holds what its
 * product has available; a ready order holds its whole quantity, the goods it made having come
 * into stock (on hand raised by what was missing). Other states hold nothing.
 */
const reserveFor = (state: string, product: ProductRef, quantity: number): number => {
  let reserve = 0;
  if (state === 'ready') {
    product.stockOnHand = Math.max(product.stockOnHand, product.stockReserved + quantity);
    reserve = quantity;
  } else if (state === 'in_production') {
    reserve = Math.max(0, Math.min(quantity, product.stockOnHand - product.stockReserved));
  }
  product.stockReserved += reserve;
  return reserve;
};

/** States in which the packaging gate (mark_ready) has been or is about to be passed. */
const PACKED_STATES = ['in_production', 'ready', 'partially_shipped', 'shipped', 'closed'];

/**
 * The packaging items (包材) of an order from production on: a carton whose artwork the customer
 * confirmed, every third order also a label; in production every other label still awaits the
 * customer's artwork, so the order coordinator has something to follow up.
 */
const demoPackagingItems = (state: string, index: number, orderDate: string, pieces: number): Record<string, unknown>[] => {
  if (!PACKED_STATES.includes(state)) return [];
  const confirmed = {
    artworkConfirmedBy: '客户采购部',
    artworkConfirmedAt: addDays(orderDate, 3),
    printingSentAt: addDays(orderDate, 4),
    printingReceivedAt: addDays(orderDate, 9),
  };
  const items: Record<string, unknown>[] = [
    {
      kind: 'carton',
      description: '出口五层瓦楞纸箱（印客户唛头）',
      quantityRequired: Math.ceil(pieces / 10),
      quantityInStock: Math.ceil(pieces / 10),
      ...confirmed,
    },
  ];
  if (index % 3 === 0) {
    const waiting = state === 'in_production' && index % 2 === 0;
    items.push({
      kind: 'label',
      description: '产品铭牌及合格证标签',
      quantityRequired: pieces,
      quantityInStock: waiting ? 0 : pieces,
      ...(waiting ? { artworkConfirmedBy: null, artworkConfirmedAt: null, printingSentAt: null, printingReceivedAt: null } : confirmed),
    });
  }
  return items;
};

/** The staff member who takes each role's steps in the paper trail: the development account, else anyone with the role. */
export const staffByRole = async (strapi: Core.Strapi, roles: RoleCode[]): Promise<Map<RoleCode, number>> => {
  const users = await strapi.db.query(USER).findMany({
    where: { role: { type: { $in: roles } } },
    select: ['id', 'email'],
    populate: { role: { select: ['type'] } },
    orderBy: { id: 'asc' },
  });
  const byRole = new Map<RoleCode, number>();
  for (const role of roles) {
    const ofRole = users.filter((user: { role: { type: string } }) => user.role?.type === role);
    const chosen = ofRole.find((user: { email: string }) => user.email === devEmail(role)) ?? ofRole[0];
    if (chosen) byRole.set(role, chosen.id);
  }
  return byRole;
};

/** One order of `draft`'s date: customer, lines, prices and state drawn, its stock reserved. */
const demoOrder = (
  { faker, today }: DemoRun,
  draft: OrderDraft,
  number: string,
  weightedCustomers: WeightedCustomers,
  products: ProductRef[]
): DemoOrder => {
  const customer = faker.helpers.weightedArrayElement(weightedCustomers);
  const lineCount = 1 + (draft.index % 9);
  const chosen = faker.helpers.arrayElements(products, lineCount);
  const lines = chosen.map((product) => ({
    quantity: faker.number.int({ min: 1, max: product.listPrice.greaterThan(5000) ? 10 : 200 }),
    unitPrice: product.listPrice
      .times(faker.helpers.arrayElement(['1', '0.98', '0.95', '0.92', '0.9', '0.85']))
      .toDecimalPlaces(2)
      .toFixed(2),
  }));
  const priced = priceOrderLines(lines);
  const state = orderStateByAge(faker, draft.ageDays);
  const requiredDate = addDays(draft.orderDate, faker.number.int({ min: 10, max: 60 }));
  const channel = faker.helpers.weightedArrayElement([
    { value: 'phone', weight: 45 },
    { value: 'email', weight: 25 },
    { value: 'visit', weight: 12 },
    { value: 'fax', weight: 8 },
    { value: 'letter', weight: 3 },
    { value: 'other', weight: 7 },
  ]);
  const promisedDate = state === 'draft' ? null : addDays(requiredDate, faker.number.int({ min: -5, max: 10 }));
  const trail = orderPaperTrail(
    { state, orderDate: draft.orderDate, promisedDate, cancelledAfterConfirmation: draft.index % 2 === 1 },
    today
  );
  const documentId = newDocumentId();
  const pieces = lines.reduce((sum, line) => sum + line.quantity, 0);
  const packaging = demoPackagingItems(state, draft.index, draft.orderDate, pieces);
  const record = {
    documentId,
    values: {
      number,
      orderDate: draft.orderDate,
      channel,
      total: priced.total,
      currency: customer.overseas ? 'USD' : 'CNY',
      requiredDate,
      promisedDate,
      region: customer.region,
      state,
      notes: faker.number.int({ min: 1, max: 100 }) <= 10 ? '客户要求木箱包装，随货附合格证' : null,
      reviewRound: 0,
      ...trail.fields,
    },
    links: { customer: customer.id, salesperson: customer.salespersonId },
    components: {
      lines: chosen.map((product, l) => ({
        values: {
          specification: product.specification,
          ...priced.lines[l],
          // What the order guard gives every line: its key, and allocate's reservation.
          key: newLineKey(),
          source: 'own_production',
          reservedQuantity: reserveFor(state, product, lines[l].quantity),
        },
        links: { product: product.id },
      })),
    },
  };
  return { record, steps: trail.steps, packaging };
};

/** Writes a chunk's orders, the history the workflow would have written and the packaging items the packaging gate asked for. */
const writeOrders = async (strapi: Core.Strapi, writer: BulkWriter, orders: DemoOrder[], trailStaff: Map<RoleCode, number>) => {
  const orderIds = await writer.insert(
    'api::order.order',
    orders.map((order) => order.record)
  );
  await writer.insert(
    'api::workflow-event.workflow-event',
    orders.flatMap(({ record, steps }) =>
      steps.map((step) => ({
        values: {
          subject: 'order',
          subjectId: record.documentId,
          action: step.action,
          fromState: step.from,
          toState: step.to,
          role: step.role,
          comment: step.comment,
          at: morningOf(step.day),
        },
        links: { actor: trailStaff.get(step.role) ?? null },
      }))
    )
  );
  await writer.insert(
    'api::packaging-item.packaging-item',
    orders.flatMap((order, index) => order.packaging.map((values) => ({ values, links: { order: orderIds[index] } })))
  );
  // The bulk writer bypasses the lifecycle hooks: bring the sales roll-up along in the same transaction.
  await syncSalesFactsRange(strapi, Math.min(...orderIds), Math.max(...orderIds));
};

/** Writes `count` orders in chunks; reserves on `products` what their allocations hold. */
export const writeDemoOrders = async (run: DemoRun, count: number, weightedCustomers: WeightedCustomers, products: ProductRef[]) => {
  const { strapi, faker, today } = run;
  const trailStaff = await staffByRole(strapi, ['cs-supervisor', 'planner', 'order-coordinator']);
  await run.inChunks('orders', count, async (writer, from, to) => {
    const drafts = Array.from({ length: to - from }, (_, k) => {
      const ageDays = faker.number.int({ min: 0, max: 729 });
      return { index: from + k, orderDate: addDays(today, -ageDays), ageDays };
    }).sort((a, b) => a.orderDate.localeCompare(b.orderDate));
    const numbers = await numbersForDays(
      strapi,
      SERIES.order,
      drafts.map((draft) => draft.orderDate)
    );
    const orders = drafts.map((draft, index) => demoOrder(run, draft, numbers[index], weightedCustomers, products));
    await writeOrders(strapi, writer, orders, trailStaff);
  });
  // On hand and reserved as the orders' allocations left them: reserved = the open lines' reservations.
  await strapi.db.transaction(async ({ trx }) => {
    const table = strapi.db.metadata.get(PRODUCT).tableName;
    for (const product of products.filter((candidate) => candidate.stockReserved > 0)) {
      await trx(table).where({ id: product.id }).update({ stock_on_hand: product.stockOnHand, stock_reserved: product.stockReserved });
    }
  });
};
