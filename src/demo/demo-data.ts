/**
 * Realistic demo and benchmark data for a Chinese B2B manufacturer: salespeople, products,
 * customers across regions, orders over the last 24 months with priced lines (./demo-orders.ts), and
 * contact-log entries. Scale 1 is the demo loaded by the first `npm run develop`; `npm run seed -- --scale N`
 * multiplies it for benchmarks. Everything goes through the bulk writer in chunks, each chunk one
 * transaction; numbers come from the same counters the live system uses, so new records continue
 * the series.
 */
import crypto from 'crypto';
import { fakerEN, fakerZH_CN } from '@faker-js/faker';
import type { Core } from '@strapi/strapi';
import { addDays, dateIn } from '../domain/business-date';
import { Decimal } from '../domain/money';
import { customerSearchText, SearchedContact, SearchedCustomer } from '../domain/customer-search';
import { formatNumber, SERIES, seriesKey } from '../domain/document-number';
import { reserveSequence } from '../platform/next-number';
import { reportTimeZone } from '../platform/settings';
import { BulkRecord, createBulkWriter } from './bulk-writer';
import { writeDemoCustomerVoice } from './demo-customer-voice';
import { writeDemoOrders } from './demo-orders';
import { CustomerRef, DemoRun, Faker, ProductRef, WeightedCustomers } from './demo-run';
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
import { PRODUCT, USER } from '../platform/uids';

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

/** A record to write and what the later steps need of it (its row id filled in once written). */
type Made<Ref> = { ref: Ref; record: BulkRecord };

/** One product of the catalogue, number `sku` of its series: its record and what the orders need of it. */
const demoProduct = (faker: Faker, sku: number, i: number): Made<ProductRef> => {
  const family = PRODUCT_FAMILIES[i % PRODUCT_FAMILIES.length];
  const listPrice = new Decimal(faker.number.int({ min: family.price[0], max: family.price[1] })).plus(
    faker.helpers.arrayElement(['0', '0.5', '0.8'])
  );
  const specification = family.specification(faker);
  const stockOnHand = faker.number.int({ min: 0, max: 800 });
  // Drawn and discarded (it was a random reserved figure): keeps the seeded sequence, and so
  // every customer, order and the demo collection built on them, as before.
  faker.number.int({ min: 0, max: Math.floor(stockOnHand / 3) });
  return {
    // Nothing is reserved until orders allocate (./demo-orders.ts): reserved = the open lines' reservations.
    ref: { id: 0, listPrice, specification, stockOnHand, stockReserved: 0 },
    record: {
      values: {
        sku: `${family.code}-${String(sku).padStart(5, '0')}`,
        name: `${family.noun} ${faker.helpers.arrayElement(['标准型', '加强型', '节能型', '经济型', '重载型'])}`,
        specification,
        unit: family.unit,
        listPrice: listPrice.toFixed(2),
        stockOnHand,
        stockReserved: 0,
        category: family.category,
        active: faker.number.int({ min: 1, max: 100 }) > 4,
      },
    },
  };
};

/** One customer with code number `code`, assigned to one of `salespeople`: its record and what the orders need of it. */
const demoCustomer = (faker: Faker, code: number, salespeople: number[]): Made<CustomerRef> => {
  const { region, provinces } = faker.helpers.weightedArrayElement(REGIONS.map((r) => ({ value: r, weight: r.weight })));
  const overseas = Object.keys(provinces).length === 0;
  const grade = faker.helpers.weightedArrayElement([
    { value: 'A', weight: 15 },
    { value: 'B', weight: 35 },
    { value: 'C', weight: 40 },
    { value: 'D', weight: 10 },
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
  const people = overseas ? fakerEN : faker;
  // Drawn in the order customers always drew them (the need after the hold), so the rest of the demo stays as it was.
  const address = overseas
    ? `${fakerEN.location.streetAddress()}, ${fakerEN.location.city()}, ${fakerEN.location.country()}`
    : `${province}${city}市${faker.location.street()}${faker.number.int({ min: 1, max: 999 })}号`;
  const creditLimit = new Decimal(faker.number.int({ min: 5, max: 300 }) * 10000).toFixed(2);
  const paymentTermsDays = faker.helpers.arrayElement([0, 30, 30, 60, 60, 90]);
  const creditHoldReason = hold ? faker.helpers.arrayElement(HOLD_REASONS) : null;
  const need = faker.number.int({ min: 1, max: 100 }) <= 30 ? faker.helpers.arrayElement(POTENTIAL_NEEDS) : null;
  const made: Made<CustomerRef> = {
    ref: { id: 0, salespersonId, region, overseas, weight: { A: 8, B: 4, C: 2, D: 1 }[grade], need },
    record: {
      values: {
        code: formatNumber(SERIES.customer, 0, code),
        name,
        shortName: overseas ? name.split(' ')[0] : `${brand}${industry.slice(0, 2)}`,
        region,
        address,
        grade,
        creditLimit,
        paymentTermsDays,
        creditHold: hold,
        creditHoldReason,
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
    },
  };
  // Written around the Document Service, so with the search text the customer guard would write.
  const { values, components } = made.record;
  values.searchText = customerSearchText({
    ...(values as SearchedCustomer),
    contacts: components?.contacts.map((contact) => contact.values as SearchedContact),
  });
  return made;
};

/** One entry of the contact log, up to two years back. */
const demoInquiry = ({ faker, today }: DemoRun, weightedCustomers: WeightedCustomers, handlers: number[]): BulkRecord => {
  const kind = faker.helpers.weightedArrayElement([
    { value: 'order', weight: 25 },
    { value: 'quotation', weight: 25 },
    { value: 'stock_check', weight: 15 },
    { value: 'consultation', weight: 12 },
    { value: 'complaint', weight: 5 },
    { value: 'sample', weight: 6 },
    { value: 'catalogue', weight: 6 },
    { value: 'other', weight: 6 },
  ]);
  const day = addDays(today, -faker.number.int({ min: 0, max: 729 }));
  const followUp = faker.number.int({ min: 1, max: 100 }) <= 25;
  return {
    values: {
      direction: ['catalogue', 'sample', 'other'].includes(kind) ? 'outgoing' : 'incoming',
      channel: faker.helpers.arrayElement(['phone', 'phone', 'email', 'visit', 'fax', 'other']),
      kind,
      summary: faker.helpers.arrayElement(INQUIRY_SUMMARIES[kind]),
      occurredAt: new Date(
        `${day}T${String(faker.number.int({ min: 0, max: 9 })).padStart(2, '0')}:${String(faker.number.int({ min: 0, max: 59 })).padStart(2, '0')}:00Z`
      ),
      followUpDate: followUp ? addDays(day, faker.number.int({ min: 1, max: 14 })) : null,
      outcome: faker.helpers.arrayElement(INQUIRY_OUTCOMES),
    },
    links: {
      customer: faker.helpers.weightedArrayElement(weightedCustomers).id,
      handledBy: handlers.length ? faker.helpers.arrayElement(handlers) : null,
    },
  };
};

/** Writes `count` records of `uid`, the i-th made by `make(i)`, in chunks; answers what each made, with its row id. */
const writeEach = async <Ref extends { id: number }>(
  run: DemoRun,
  step: string,
  uid: string,
  count: number,
  make: (i: number) => Made<Ref>
): Promise<Ref[]> => {
  const refs: Ref[] = [];
  await run.inChunks(step, count, async (writer, from, to) => {
    const records: BulkRecord[] = [];
    for (let i = from; i < to; i += 1) {
      const { ref, record } = make(i);
      refs.push(ref);
      records.push(record);
    }
    const ids = await writer.insert(uid, records);
    ids.forEach((id, index) => (refs[from + index].id = id));
  });
  return refs;
};

const writeDemoProducts = async (run: DemoRun, count: number): Promise<ProductRef[]> => {
  const firstSku = (await reserveSequence(run.strapi, 'demo-sku', count)) - count + 1;
  return writeEach(run, 'products', 'api::product.product', count, (i) => demoProduct(run.faker, firstSku + i, i));
};

const writeDemoCustomers = async (run: DemoRun, count: number, salespeople: number[]): Promise<CustomerRef[]> => {
  const lastCode = await reserveSequence(run.strapi, seriesKey(SERIES.customer, 0), count);
  const firstCode = lastCode - count + 1;
  return writeEach(run, 'customers', 'api::customer.customer', count, (i) => demoCustomer(run.faker, firstCode + i, salespeople));
};

/** The seeded faker, today, and chunked writing (each chunk one transaction) the loaders share. */
const demoRun = (strapi: Core.Strapi, options: DemoOptions): DemoRun => {
  const faker = fakerZH_CN;
  faker.seed(options.seed ?? 20261127);
  fakerEN.seed(options.seed ?? 20261127);
  const chunkSize = options.chunkSize ?? 5000;
  const progress = options.onProgress ?? (() => undefined);
  return {
    strapi,
    faker,
    today: dateIn(reportTimeZone(strapi)),
    inChunks: async (step, total, write) => {
      for (let from = 0; from < total; from += chunkSize) {
        const to = Math.min(total, from + chunkSize);
        await strapi.db.transaction(async ({ trx }) => write(createBulkWriter(strapi, trx), from, to));
        progress(step, to, total);
      }
    },
  };
};

export const loadDemoData = async (strapi: Core.Strapi, scale: DemoScale, options: DemoOptions = {}) => {
  const run = demoRun(strapi, options);
  const progress = options.onProgress ?? (() => undefined);

  // Salespeople are staff users: they log in, so they are created through Users & Permissions.
  const salespeople = await ensureSalespeople(strapi, scale.salespeople, options.password);
  progress('salespeople', salespeople.length, scale.salespeople);
  // A load without products of its own (a later round of a large seed) orders those already stored.
  const made = await writeDemoProducts(run, scale.products);
  const products = made.length ? made : await storedProducts(strapi);
  const customers = await writeDemoCustomers(run, scale.customers, salespeople);
  const weightedCustomers = customers.map((customer) => ({ value: customer, weight: customer.weight }));
  await writeDemoOrders(run, scale.orders, weightedCustomers, products);

  const handlers = await staffIds(strapi, ['cs-specialist', 'cs-supervisor', 'order-coordinator', 'salesperson']);
  await run.inChunks('inquiries', scale.inquiries, async (writer, from, to) => {
    const records: BulkRecord[] = [];
    for (let i = from; i < to; i += 1) records.push(demoInquiry(run, weightedCustomers, handlers));
    await writer.insert('api::inquiry.inquiry', records);
  });
  await writeDemoCustomerVoice(run, customers, products, handlers);
};

/**
 * One more customer with `orders` orders of the products already there (the benchmark's large
 * account: a customer file with thousands of orders). Answers the customer's row id.
 */
export const loadLargeCustomer = async (strapi: Core.Strapi, orders: number, options: DemoOptions = {}): Promise<number> => {
  const run = demoRun(strapi, options);
  const salespeople = await staffIds(strapi, ['salesperson']);
  const [customer] = await writeDemoCustomers(run, 1, salespeople);
  await writeDemoOrders(run, orders, [{ value: customer, weight: 1 }], await storedProducts(strapi, 200));
  return customer.id;
};

/** The products already stored (the first `limit` of them), as the order writer takes them. */
const storedProducts = async (strapi: Core.Strapi, limit?: number): Promise<ProductRef[]> => {
  const stored = await strapi.db.query(PRODUCT).findMany({
    select: ['id', 'listPrice', 'specification', 'stockOnHand', 'stockReserved'],
    orderBy: { id: 'asc' },
    ...(limit === undefined ? {} : { limit }),
  });
  return stored.map((p: Record<string, unknown>) => ({
    id: Number(p.id),
    listPrice: new Decimal(String(p.listPrice ?? 0)),
    specification: String(p.specification ?? ''),
    stockOnHand: Number(p.stockOnHand ?? 0),
    stockReserved: Number(p.stockReserved ?? 0),
  }));
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
    const user = await strapi
      .plugin('users-permissions')
      .service('user')
      .add({
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
