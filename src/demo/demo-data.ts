/**
 * Realistic demo and benchmark data for a Chinese B2B manufacturer: salespeople, products,
 * customers across regions, orders over the last 24 months with priced lines, and contact-log
 * entries. Scale 1 is the demo loaded by the first `npm run develop`; `npm run seed -- --scale N`
 * multiplies it for benchmarks. Everything goes through the bulk writer in chunks, each chunk one
 * transaction; numbers come from the same counters the live system uses, so new records continue
 * the series.
 */
import crypto from 'crypto';
import { fakerEN, fakerZH_CN } from '@faker-js/faker';
import type { Core } from '@strapi/strapi';
import { addDays, dateIn } from '../domain/business-date';
import { Decimal } from '../domain/money';
import { newDocumentId, newLineKey } from '../domain/document-id';
import { formatNumber, SERIES, seriesKey } from '../domain/document-number';
import { OrderState } from '../domain/order-progress';
import { RoleCode } from '../domain/staff-roles';
import { devEmail } from '../staff/dev-accounts';
import { priceOrderLines } from '../domain/order-pricing';
import { reserveSequence } from '../platform/next-number';
import { reportTimeZone } from '../platform/settings';
import { syncSalesFactsRange } from '../statistics/sales-facts';
import { BulkRecord, createBulkWriter } from './bulk-writer';
import { orderPaperTrail, PaperTrailStep } from './order-paper-trail';
import {
  BRAND_WORDS,
  COMPANY_FORMS,
  CONTACT_TITLES,
  INDUSTRIES,
  HOLD_REASONS,
  INQUIRY_OUTCOMES,
  INQUIRY_SUMMARIES,
  POTENTIAL_NEEDS,
  PRODUCT_FAMILIES,
  REGIONS,
} from './catalogue';
import { USER } from '../platform/uids';

export interface DemoScale {
  salespeople: number;
  products: number;
  customers: number;
  orders: number;
  inquiries: number;
}

/** Scale 1: the demo. Orders have 1 to 9 lines, 5 on average: scale 200 gives 1,000,000 lines. */
export const demoScale = (factor: number): DemoScale => ({
  salespeople: Math.min(8 + Math.floor(factor / 5), 60),
  products: Math.min(100 * factor, 5000),
  customers: 60 * factor,
  orders: 1000 * factor,
  inquiries: 600 * factor,
});

export interface DemoOptions {
  seed?: number;
  chunkSize?: number;
  /** Password of created salespeople; random when absent. */
  password?: string;
  onProgress?: (step: string, done: number, total: number) => void;
}

interface CustomerRef { id: number; salespersonId: number | null; region: string; weight: number; overseas: boolean }
interface ProductRef { id: number; listPrice: Decimal; specification: string; stockOnHand: number; stockReserved: number }

const orderStateByAge = (faker: typeof fakerZH_CN, ageDays: number): OrderState => {
  if (faker.number.int({ min: 1, max: 100 }) <= 3) return 'cancelled';
  if (ageDays > 60) return faker.helpers.weightedArrayElement([{ value: 'closed', weight: 90 }, { value: 'shipped', weight: 10 }]);
  if (ageDays > 25) return faker.helpers.arrayElement(['shipped', 'partially_shipped', 'ready', 'closed']);
  if (ageDays > 7) return faker.helpers.arrayElement(['confirmed', 'scheduled', 'in_production', 'on_hold']);
  return faker.helpers.arrayElement(['draft', 'draft', 'confirmed']);
};

export const loadDemoData = async (strapi: Core.Strapi, scale: DemoScale, options: DemoOptions = {}) => {
  const faker = fakerZH_CN;
  faker.seed(options.seed ?? 20261127);
  fakerEN.seed(options.seed ?? 20261127);
  const chunkSize = options.chunkSize ?? 5000;
  const progress = options.onProgress ?? (() => undefined);
  const today = dateIn(reportTimeZone(strapi));
  const inChunks = async (step: string, total: number, write: (from: number, to: number) => Promise<void>) => {
    for (let from = 0; from < total; from += chunkSize) {
      const to = Math.min(total, from + chunkSize);
      await strapi.db.transaction(async ({ trx }) => {
        writer = createBulkWriter(strapi, trx);
        await write(from, to);
      });
      progress(step, to, total);
    }
  };
  let writer = createBulkWriter(strapi, strapi.db.connection);

  // Salespeople are staff users: they log in, so they are created through Users & Permissions.
  const salespeople = await ensureSalespeople(strapi, scale.salespeople, options.password);
  progress('salespeople', salespeople.length, scale.salespeople);

  const products: ProductRef[] = [];
  const firstSku = (await reserveSequence(strapi, 'demo-sku', scale.products)) - scale.products + 1;
  await inChunks('products', scale.products, async (from, to) => {
    const records: BulkRecord[] = [];
    for (let i = from; i < to; i += 1) {
      const family = PRODUCT_FAMILIES[i % PRODUCT_FAMILIES.length];
      const listPrice = new Decimal(faker.number.int({ min: family.price[0], max: family.price[1] })).plus(
        faker.helpers.arrayElement(['0', '0.5', '0.8'])
      );
      const specification = family.specification(faker);
      const stockOnHand = faker.number.int({ min: 0, max: 800 });
      // Drawn and discarded (it was a random reserved figure): keeps the seeded sequence, and so
      // every customer, order and the demo collection built on them, as before.
      faker.number.int({ min: 0, max: Math.floor(stockOnHand / 3) });
      // Nothing is reserved until orders allocate (below): reserved = the open lines' reservations.
      products.push({ id: 0, listPrice, specification, stockOnHand, stockReserved: 0 });
      records.push({
        values: {
          sku: `${family.code}-${String(firstSku + i).padStart(5, '0')}`,
          name: `${family.noun} ${faker.helpers.arrayElement(['标准型', '加强型', '节能型', '经济型', '重载型'])}`,
          specification,
          unit: family.unit,
          listPrice: listPrice.toFixed(2),
          stockOnHand,
          stockReserved: 0,
          category: family.category,
          active: faker.number.int({ min: 1, max: 100 }) > 4,
        },
      });
    }
    const ids = await writer.insert('api::product.product', records);
    ids.forEach((id, index) => (products[from + index].id = id));
  });

  const customers: CustomerRef[] = [];
  const lastCode = await reserveSequence(strapi, seriesKey(SERIES.customer, 0), scale.customers);
  const firstCode = lastCode - scale.customers + 1;
  await inChunks('customers', scale.customers, async (from, to) => {
    const records: BulkRecord[] = [];
    for (let i = from; i < to; i += 1) {
      const { region, provinces } = faker.helpers.weightedArrayElement(
        REGIONS.map((r) => ({ value: r, weight: r.weight }))
      );
      const overseas = Object.keys(provinces).length === 0;
      const grade = faker.helpers.weightedArrayElement([
        { value: 'A', weight: 15 }, { value: 'B', weight: 35 }, { value: 'C', weight: 40 }, { value: 'D', weight: 10 },
      ]);
      const province = overseas ? '' : faker.helpers.arrayElement(Object.keys(provinces));
      const city = overseas ? '' : faker.helpers.arrayElement(provinces[province]);
      const brand = faker.helpers.arrayElement(BRAND_WORDS);
      const industry = faker.helpers.arrayElement(INDUSTRIES);
      const name = overseas
        ? `${fakerEN.company.name()} ${fakerEN.helpers.arrayElement(['Ltd.', 'GmbH', 'LLC', 'Pte. Ltd.'])}`
        : `${city}${brand}${industry}${faker.helpers.arrayElement(COMPANY_FORMS)}`;
      const hold = faker.number.int({ min: 1, max: 100 }) <= 4;
      const salespersonId = salespeople.length ? faker.helpers.arrayElement(salespeople) : null;
      customers.push({ id: 0, salespersonId, region, overseas, weight: { A: 8, B: 4, C: 2, D: 1 }[grade] });
      const people = overseas ? fakerEN : faker;
      records.push({
        values: {
          code: formatNumber(SERIES.customer, 0, firstCode + i),
          name,
          shortName: overseas ? name.split(' ')[0] : `${brand}${industry.slice(0, 2)}`,
          region,
          address: overseas
            ? `${fakerEN.location.streetAddress()}, ${fakerEN.location.city()}, ${fakerEN.location.country()}`
            : `${province}${city}市${faker.location.street()}${faker.number.int({ min: 1, max: 999 })}号`,
          grade,
          creditLimit: new Decimal(faker.number.int({ min: 5, max: 300 }) * 10000).toFixed(2),
          paymentTermsDays: faker.helpers.arrayElement([0, 30, 30, 60, 60, 90]),
          creditHold: hold,
          creditHoldReason: hold ? faker.helpers.arrayElement(HOLD_REASONS) : null,
          potentialNeeds: faker.number.int({ min: 1, max: 100 }) <= 30 ? faker.helpers.arrayElement(POTENTIAL_NEEDS) : null,
          preferredLanguage: overseas ? 'en' : 'zh-CN',
          active: faker.number.int({ min: 1, max: 100 }) > 3,
        },
        links: { salesperson: salespersonId },
        components: {
          contacts: Array.from({ length: faker.number.int({ min: 1, max: 3 }) }, (_, c) => ({
            values: {
              name: people.person.fullName(),
              title: overseas ? 'Purchasing Manager' : faker.helpers.arrayElement(CONTACT_TITLES),
              phone: people.phone.number(),
              email: fakerEN.internet.email({ provider: 'example.com' }).toLowerCase(), // reserved domain: no stranger gets demo mail
              primary: c === 0,
            },
          })),
        },
      });
    }
    const ids = await writer.insert('api::customer.customer', records);
    ids.forEach((id, index) => (customers[from + index].id = id));
  });

  const weightedCustomers = customers.map((customer) => ({ value: customer, weight: customer.weight }));
  const trailStaff = await staffByRole(strapi, ['cs-supervisor', 'planner', 'order-coordinator']);
  await inChunks('orders', scale.orders, async (from, to) => {
    const drafts = Array.from({ length: to - from }, (_, k) => {
      const ageDays = faker.number.int({ min: 0, max: 729 });
      return { index: from + k, orderDate: addDays(today, -ageDays), ageDays };
    }).sort((a, b) => a.orderDate.localeCompare(b.orderDate));
    // Numbers follow the order date within each year, continuing the live counters.
    const perYear = new Map<number, number>();
    for (const draft of drafts) perYear.set(Number(draft.orderDate.slice(0, 4)), (perYear.get(Number(draft.orderDate.slice(0, 4))) ?? 0) + 1);
    const nextInYear = new Map<number, number>();
    for (const [year, count] of perYear) {
      nextInYear.set(year, (await reserveSequence(strapi, seriesKey(SERIES.order, year), count)) - count + 1);
    }
    const records: BulkRecord[] = [];
    const trails: { documentId: string; steps: PaperTrailStep[] }[] = [];
    const packaging: (Record<string, unknown> & { order: number })[] = [];
    for (const draft of drafts) {
      const year = Number(draft.orderDate.slice(0, 4));
      const sequence = nextInYear.get(year)!;
      nextInYear.set(year, sequence + 1);
      const customer = faker.helpers.weightedArrayElement(weightedCustomers);
      const lineCount = 1 + (draft.index % 9);
      const chosen = faker.helpers.arrayElements(products, lineCount);
      const lines = chosen.map((product) => ({
        quantity: faker.number.int({ min: 1, max: product.listPrice.greaterThan(5000) ? 10 : 200 }),
        unitPrice: product.listPrice.times(faker.helpers.arrayElement(['1', '0.98', '0.95', '0.92', '0.9', '0.85'])).toDecimalPlaces(2).toFixed(2),
      }));
      const priced = priceOrderLines(lines);
      const state = orderStateByAge(faker, draft.ageDays);
      const requiredDate = addDays(draft.orderDate, faker.number.int({ min: 10, max: 60 }));
      const channel = faker.helpers.weightedArrayElement([
        { value: 'phone', weight: 45 }, { value: 'email', weight: 25 }, { value: 'visit', weight: 12 },
        { value: 'fax', weight: 8 }, { value: 'letter', weight: 3 }, { value: 'other', weight: 7 },
      ]);
      const promisedDate = state === 'draft' ? null : addDays(requiredDate, faker.number.int({ min: -5, max: 10 }));
      const trail = orderPaperTrail({ state, orderDate: draft.orderDate, promisedDate, cancelledAfterConfirmation: draft.index % 2 === 1 }, today);
      const documentId = newDocumentId();
      trails.push({ documentId, steps: trail.steps });
      const pieces = lines.reduce((sum, line) => sum + line.quantity, 0);
      packaging.push(...demoPackagingItems(state, draft.index, draft.orderDate, pieces).map((item) => ({ ...item, order: records.length })));
      records.push({
        documentId,
        values: {
          number: formatNumber(SERIES.order, year, sequence),
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
      });
    }
    const orderIds = await writer.insert('api::order.order', records);
    // The history the workflow would have written, and the packaging items the packaging gate asked for.
    await writer.insert(
      'api::workflow-event.workflow-event',
      trails.flatMap(({ documentId, steps }) =>
        steps.map((step) => ({
          values: { subject: 'order', subjectId: documentId, action: step.action, fromState: step.from, toState: step.to, role: step.role, comment: step.comment, at: morningOf(step.day) },
          links: { actor: trailStaff.get(step.role) ?? null },
        }))
      )
    );
    await writer.insert(
      'api::packaging-item.packaging-item',
      packaging.map(({ order, ...values }) => ({ values, links: { order: orderIds[order] } }))
    );
    // The bulk writer bypasses the lifecycle hooks: bring the sales roll-up along in the same transaction.
    await syncSalesFactsRange(strapi, Math.min(...orderIds), Math.max(...orderIds));
  });

  // On hand and reserved as the orders' allocations left them: reserved = the open lines' reservations.
  await strapi.db.transaction(async ({ trx }) => {
    const table = strapi.db.metadata.get('api::product.product' as never).tableName;
    for (const product of products.filter((candidate) => candidate.stockReserved > 0)) {
      await trx(table).where({ id: product.id }).update({ stock_on_hand: product.stockOnHand, stock_reserved: product.stockReserved });
    }
  });

  const handlers = await staffIds(strapi, ['cs-specialist', 'cs-supervisor', 'order-coordinator', 'salesperson']);
  await inChunks('inquiries', scale.inquiries, async (from, to) => {
    const records: BulkRecord[] = [];
    for (let i = from; i < to; i += 1) {
      const kind = faker.helpers.weightedArrayElement([
        { value: 'order', weight: 25 }, { value: 'quotation', weight: 25 }, { value: 'stock_check', weight: 15 },
        { value: 'consultation', weight: 12 }, { value: 'complaint', weight: 5 }, { value: 'sample', weight: 6 },
        { value: 'catalogue', weight: 6 }, { value: 'other', weight: 6 },
      ]);
      const day = addDays(today, -faker.number.int({ min: 0, max: 729 }));
      const followUp = faker.number.int({ min: 1, max: 100 }) <= 25;
      records.push({
        values: {
          direction: ['catalogue', 'sample', 'other'].includes(kind) ? 'outgoing' : 'incoming',
          channel: faker.helpers.arrayElement(['phone', 'phone', 'email', 'visit', 'fax', 'other']),
          kind,
          summary: faker.helpers.arrayElement(INQUIRY_SUMMARIES[kind]),
          occurredAt: new Date(`${day}T${String(faker.number.int({ min: 0, max: 9 })).padStart(2, '0')}:${String(faker.number.int({ min: 0, max: 59 })).padStart(2, '0')}:00Z`),
          followUpDate: followUp ? addDays(day, faker.number.int({ min: 1, max: 14 })) : null,
          outcome: faker.helpers.arrayElement(INQUIRY_OUTCOMES),
        },
        links: {
          customer: faker.helpers.weightedArrayElement(weightedCustomers).id,
          handledBy: handlers.length ? faker.helpers.arrayElement(handlers) : null,
        },
      });
    }
    await writer.insert('api::inquiry.inquiry', records);
  });
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
  const confirmed = { artworkConfirmedBy: '客户采购部', artworkConfirmedAt: addDays(orderDate, 3), printingSentAt: addDays(orderDate, 4), printingReceivedAt: addDays(orderDate, 9) };
  const items: Record<string, unknown>[] = [
    { kind: 'carton', description: '出口五层瓦楞纸箱（印客户唛头）', quantityRequired: Math.ceil(pieces / 10), quantityInStock: Math.ceil(pieces / 10), ...confirmed },
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

/** 10:00 in the report zone of `day` (YYYY-MM-DD), for Asia/Shanghai; the day is what matters. */
const morningOf = (day: string) => new Date(`${day}T02:00:00Z`);


/** The staff member who takes each role's steps in the paper trail: the development account, else anyone with the role. */
const staffByRole = async (strapi: Core.Strapi, roles: RoleCode[]): Promise<Map<RoleCode, number>> => {
  const users = await strapi.db.query(USER).findMany({ where: { role: { type: { $in: roles } } }, select: ['id', 'email'], populate: { role: { select: ['type'] } }, orderBy: { id: 'asc' } });
  const byRole = new Map<RoleCode, number>();
  for (const role of roles) {
    const ofRole = users.filter((user: { role: { type: string } }) => user.role?.type === role);
    const chosen = ofRole.find((user: { email: string }) => user.email === devEmail(role)) ?? ofRole[0];
    if (chosen) byRole.set(role, chosen.id);
  }
  return byRole;
};

const staffIds = async (strapi: Core.Strapi, roles: string[]): Promise<number[]> => {
  const users = await strapi.db.query(USER).findMany({ where: { role: { type: { $in: roles } } }, select: ['id'] });
  return users.map((user: { id: number }) => user.id);
};

/** Makes sure at least `count` salespeople exist; returns their user ids. */
const ensureSalespeople = async (strapi: Core.Strapi, count: number, password?: string): Promise<number[]> => {
  const existing = await staffIds(strapi, ['salesperson']);
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'salesperson' } });
  const created: number[] = [];
  for (let n = existing.length; n < count; n += 1) {
    const email = `sales${String(n + 1).padStart(2, '0')}@demo.local`;
    const user = await strapi.plugin('users-permissions').service('user').add({
      username: email,
      email,
      displayName: fakerZH_CN.person.fullName(),
      password: password ?? crypto.randomBytes(18).toString('base64'),
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
    created.push(user.id);
  }
  return [...existing, ...created];
};
