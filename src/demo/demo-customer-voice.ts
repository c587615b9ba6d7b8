/**
 * Demo opinions (客户意见) and potential needs (潜在需求): some customers have a few of each, so the
 * customer file shows both. Written by the bulk writer like the rest of the demo.
 */
import { addDays } from '../domain/business-date';
import { Decimal } from '../domain/money';
import { BulkRecord } from './bulk-writer';
import { base, Faker, zh_CN } from '@faker-js/faker';
import { OPINION_TEXTS, PRODUCT_FAMILIES } from './catalogue';
import { CustomerRef, DemoRun, morningOf, ProductRef } from './demo-run';

const demoNeed = (
  faker: Faker,
  today: string,
  customer: CustomerRef,
  description: string,
  products: ProductRef[],
  recorders: number[]
): BulkRecord => {
  const status = faker.helpers.weightedArrayElement([
    { value: 'open', weight: 5 },
    { value: 'quoted', weight: 3 },
    { value: 'won', weight: 1 },
    { value: 'lost', weight: 1 },
  ]);
  const product = faker.number.int({ min: 1, max: 100 }) <= 60 && products.length ? faker.helpers.arrayElement(products) : null;
  const quantity = faker.number.int({ min: 5, max: 200 });
  return {
    values: {
      description,
      category: faker.helpers.arrayElement(PRODUCT_FAMILIES).category,
      estimatedQuantity: quantity,
      estimatedValue: product
        ? product.listPrice.times(quantity).toFixed(2)
        : new Decimal(faker.number.int({ min: 2, max: 80 }) * 10000).toFixed(2),
      currency: customer.overseas ? 'USD' : 'CNY',
      expectedDate: addDays(today, faker.number.int({ min: -60, max: 300 })),
      status,
      recordedAt: morningOf(addDays(today, -faker.number.int({ min: 1, max: 365 }))),
    },
    links: {
      customer: customer.id,
      product: product?.id ?? null,
      recordedBy: recorders.length ? faker.helpers.arrayElement(recorders) : null,
    },
  };
};

const demoOpinion = (faker: Faker, today: string, customer: CustomerRef, recorders: number[]): BulkRecord => {
  const topic = faker.helpers.arrayElement(Object.keys(OPINION_TEXTS));
  const said = faker.helpers.arrayElement(OPINION_TEXTS[topic]);
  return {
    values: {
      topic,
      text: said.text,
      sentiment: said.sentiment,
      marketInfo: said.marketInfo ?? false,
      source: faker.helpers.arrayElement(['call', 'call', 'visit', 'email', 'survey']),
      recordedAt: new Date(`${addDays(today, -faker.number.int({ min: 0, max: 540 }))}T03:00:00Z`),
    },
    links: { customer: customer.id, recordedBy: recorders.length ? faker.helpers.arrayElement(recorders) : null },
  };
};

/**
 * The needs customers were drawn with (about three in ten), and one to three opinions for about four
 * customers in ten. Drawn with a faker of their own, so adding them changed nothing else of the demo.
 */
export const writeDemoCustomerVoice = async (run: DemoRun, customers: CustomerRef[], products: ProductRef[], recorders: number[]) => {
  const faker = new Faker({ locale: [zh_CN, base] });
  faker.seed(20261206);
  const needs: BulkRecord[] = [];
  const opinions: BulkRecord[] = [];
  for (const customer of customers) {
    if (customer.need) needs.push(demoNeed(faker, run.today, customer, customer.need, products, recorders));
    if (faker.number.int({ min: 1, max: 100 }) <= 40) {
      for (let n = faker.number.int({ min: 1, max: 3 }); n > 0; n -= 1) opinions.push(demoOpinion(faker, run.today, customer, recorders));
    }
  }
  await run.inChunks('customer needs', needs.length, async (writer, from, to) => {
    await writer.insert('api::customer-need.customer-need', needs.slice(from, to));
  });
  await run.inChunks('customer opinions', opinions.length, async (writer, from, to) => {
    await writer.insert('api::customer-opinion.customer-opinion', opinions.slice(from, to));
  });
};
