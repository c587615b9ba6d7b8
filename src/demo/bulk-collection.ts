/**
 * Benchmark volumes for the receivables side of the dashboard (`npm run seed`): receivables for
 * the orders that have shipped (one to three per order, splitting its total — partial shipments),
 * payments with one allocation each for most of those due (some partial, some reversed), the open
 * amounts and states that follow from them; and sales targets per salesperson and region. Written
 * through the bulk writer in chunks, each one transaction that also adds the chunk to the
 * receivables roll-up; numbers continue the live series.
 */
import type { Core } from '@strapi/strapi';
import { fakerZH_CN as faker } from '@faker-js/faker';
import { addDays, dateIn } from '../domain/business-date';
import { formatNumber, SERIES, seriesKey } from '../domain/document-number';
import { Decimal, DEFAULT_CURRENCY } from '../domain/money';
import { reserveSequence } from '../platform/next-number';
import { reportTimeZone } from '../platform/settings';
import { dropAgingSnapshots } from '../cash-collection/aging-snapshots';
import { addFreshReceivables } from '../cash-collection/receivable-facts';
import { metaOf } from '../platform/table-meta';
import { rowsOf } from '../platform/roll-up-writes';
import { BulkRecord, createBulkWriter } from './bulk-writer';
import { morningOf } from './demo-run';

/** The order states whose goods have left, in part or whole. */
export const SHIPPED_STATES = ['partially_shipped', 'shipped', 'closed'];

interface ShippedOrder {
  id: number;
  order_date: unknown;
  total: unknown;
  currency: string;
  customer_id: number;
}

export interface CollectionOptions {
  /** At least this many receivables (spread over the shipped orders). */
  receivables: number;
  /** Only the orders of these customers (the benchmark's large account); all shipped orders when absent. */
  customerIds?: number[];
  seed?: number;
  chunkSize?: number;
  onProgress?: (step: string, done: number, total: number) => void;
}

const dateText = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

/** Splits an amount in cents into `parts` positive parts. */
const split = (cents: number, parts: number): number[] => {
  if (parts <= 1 || cents < parts) return [cents];
  const cuts = Array.from({ length: parts - 1 }, () => faker.number.int({ min: 1, max: cents - 1 })).sort((a, b) => a - b);
  const bounds = [0, ...new Set(cuts), cents];
  return bounds.slice(1).map((bound, index) => bound - bounds[index]);
};

/** A receivable to write, with what its payment needs: its cents, the part paid (and whether that was reversed) and its dates. */
export type DemoReceivable = BulkRecord & {
  cents: number;
  paid: number;
  reversed: boolean;
  customerId: number;
  dueDate: string;
  invoiceDate: string;
  currency: string;
};

/**
 * The orders that have shipped (in part or whole) with a total and no receivable yet, oldest first:
 * their date, total, currency and customer. A second load (a later seed round) invoices only what
 * came since.
 */
const shippedOrders = async (strapi: Core.Strapi, customerIds?: number[]): Promise<ShippedOrder[]> => {
  const o = metaOf(strapi, 'api::order.order');
  const customerLink = o.link('customer');
  const invoiced = metaOf(strapi, 'api::receivable.receivable').link('order');
  const postgres = strapi.db.dialect.client === 'postgres';
  return rowsOf<ShippedOrder>(
    await strapi.db.connection.raw(
      `SELECT o.id, ${postgres ? `to_char(o.${o.column('orderDate')}, 'YYYY-MM-DD')` : `o.${o.column('orderDate')}`} AS order_date,
          o.${o.column('total')} AS total, o.${o.column('currency')} AS currency, oc.${customerLink.target} AS customer_id
       FROM ${o.table} o JOIN ${customerLink.table} oc ON oc.${customerLink.owner} = o.id
       WHERE o.${o.column('state')} IN (${SHIPPED_STATES.map(() => '?').join(', ')}) AND o.${o.column('total')} > 0
         AND NOT EXISTS (SELECT 1 FROM ${invoiced.table} ro WHERE ro.${invoiced.target} = o.id)
         ${customerIds ? `AND oc.${customerLink.target} IN (${customerIds.map(() => '?').join(', ') || 'NULL'})` : ''}
       ORDER BY o.id`,
      [...SHIPPED_STATES, ...(customerIds ?? [])]
    )
  );
};

/** An order's receivables: its total split in `parts`, invoiced days apart, due after the customer's terms, paid as befits their age. */
const orderReceivables = (order: ShippedOrder, parts: number, termsDays: number, today: string): DemoReceivable[] => {
  const receivables: DemoReceivable[] = [];
  const cents = new Decimal(String(order.total)).times(100).toNumber();
  let invoiceDate = addDays(dateText(order.order_date), faker.number.int({ min: 7, max: 30 }));
  for (const part of split(cents, parts)) {
    if (invoiceDate > today) invoiceDate = today;
    const dueDate = addDays(invoiceDate, termsDays);
    const age = (Date.parse(today) - Date.parse(dueDate)) / 86_400_000;
    // Older items are mostly paid; some are paid in part, a few payments were reversed.
    const roll = faker.number.int({ min: 1, max: 100 });
    const paid = age > 0 && roll <= 85 ? part : age > -20 && roll <= 95 ? Math.floor(part * faker.number.float({ min: 0.2, max: 0.8 })) : 0;
    const reversed = paid > 0 && faker.number.int({ min: 1, max: 100 }) <= 3;
    const open = part - (reversed ? 0 : paid);
    receivables.push({
      values: {
        amount: (part / 100).toFixed(2),
        openAmount: (open / 100).toFixed(2),
        currency: order.currency,
        invoiceDate,
        dueDate,
        state: open === 0 ? 'paid' : 'open',
      },
      links: { customer: Number(order.customer_id), order: order.id },
      cents: part,
      paid,
      reversed,
      customerId: Number(order.customer_id),
      dueDate,
      invoiceDate,
      currency: order.currency,
    });
    invoiceDate = addDays(invoiceDate, faker.number.int({ min: 5, max: 20 }));
  }
  return receivables;
};

/** Writes a payment with one allocation for each paid receivable, numbered per year of its day; answers how many. */
export const writePayments = async (
  strapi: Core.Strapi,
  writer: ReturnType<typeof createBulkWriter>,
  receivables: DemoReceivable[],
  receivableIds: number[],
  today: string
) => {
  const settled = receivables.map((item, index) => ({ item, id: receivableIds[index] })).filter(({ item }) => item.paid > 0);
  const byYear = new Map<number, { item: DemoReceivable; id: number; on: string }[]>();
  for (const entry of settled) {
    const on = [addDays(entry.item.dueDate, faker.number.int({ min: -15, max: 40 })), today].sort()[0];
    const allocatedOn = on < entry.item.invoiceDate ? entry.item.invoiceDate : on;
    const year = Number(allocatedOn.slice(0, 4));
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year)!.push({ ...entry, on: allocatedOn });
  }
  let payments = 0;
  for (const [year, entries] of byYear) {
    const first = (await reserveSequence(strapi, seriesKey(SERIES.payment, year), entries.length)) - entries.length + 1;
    const paymentIds = await writer.insert(
      'api::payment.payment',
      entries.map(({ item, on }, index) => ({
        values: {
          number: formatNumber(SERIES.payment, year, first + index),
          amount: (item.paid / 100).toFixed(2),
          unallocatedAmount: '0.00',
          currency: item.currency,
          receivedOn: on,
          method: faker.helpers.weightedArrayElement([
            { value: 'bank_transfer', weight: 80 },
            { value: 'acceptance_bill', weight: 18 },
            { value: 'cash', weight: 2 },
          ]),
          state: item.reversed ? 'reversed' : 'posted',
          reversedAt: item.reversed ? morningOf(addDays(on, 3)) : null,
          reversalReason: item.reversed ? '银行退票 bounced' : null,
          version: 1,
        },
        links: { customer: item.customerId },
      }))
    );
    await writer.insert(
      'api::payment-allocation.payment-allocation',
      entries.map(({ item, id, on }, index) => ({
        values: { amount: (item.paid / 100).toFixed(2), allocatedOn: on, reversedOn: item.reversed ? addDays(on, 3) : null },
        links: { payment: paymentIds[index], receivable: id },
      }))
    );
    payments += entries.length;
  }
  return payments;
};

export const loadBulkCollection = async (strapi: Core.Strapi, options: CollectionOptions) => {
  faker.seed(options.seed ?? 20261127);
  const chunkSize = options.chunkSize ?? 5000;
  const progress = options.onProgress ?? (() => undefined);
  const today = dateIn(reportTimeZone(strapi));
  const knex = strapi.db.connection;
  // Past month ends change with what is loaded here around the hooks: the daily job rebuilds them.
  await dropAgingSnapshots(strapi);
  const c = metaOf(strapi, 'api::customer.customer');
  const rows = await shippedOrders(strapi, options.customerIds);
  if (rows.length === 0) return { receivables: 0, payments: 0 };
  const terms: { id: number; days: number | null }[] = await knex(c.table).select({ id: 'id', days: c.column('paymentTermsDays') });
  const termsOf = new Map(terms.map((row) => [Number(row.id), Number(row.days ?? 30)]));
  const perOrder = options.receivables / rows.length;

  let done = 0;
  let payments = 0;
  const total = rows.length;
  for (let from = 0; from < total; from += chunkSize) {
    const chunk = rows.slice(from, from + chunkSize);
    await strapi.db.transaction(async ({ trx }) => {
      const writer = createBulkWriter(strapi, trx);
      const receivables: DemoReceivable[] = [];
      for (const order of chunk) {
        const parts = Math.max(1, Math.floor(perOrder) + (faker.number.float() < perOrder - Math.floor(perOrder) ? 1 : 0));
        receivables.push(...orderReceivables(order, parts, termsOf.get(Number(order.customer_id)) ?? 30, today));
      }
      const receivableIds = await writer.insert('api::receivable.receivable', receivables);
      payments += await writePayments(strapi, writer, receivables, receivableIds, today);
      // Written with Knex (no lifecycle hooks): the chunk's figures join the receivables roll-up here.
      await addFreshReceivables(strapi, Math.min(...receivableIds), Math.max(...receivableIds));
      done += receivables.length;
    });
    progress('receivables', Math.min(total, from + chunkSize), total);
  }
  return { receivables: done, payments };
};

/** Annual targets per salesperson and quarterly ones per region, for this year and last, near last year's sales. */
export const loadDemoTargets = async (strapi: Core.Strapi) => {
  const year = Number(dateIn(reportTimeZone(strapi)).slice(0, 4));
  const knex = strapi.db.connection;
  const writer = createBulkWriter(strapi, knex);
  const target = (values: Record<string, unknown>, salesperson: number | null): BulkRecord => ({
    values,
    links: salesperson === null ? {} : { salesperson },
  });
  const existing = new Set(
    (await knex('sales_targets').select('subject_period')).map((row: { subject_period: string }) => row.subject_period)
  );
  const bySalesperson: { id: unknown; amount: unknown }[] = await knex('sales_facts')
    .select({ id: 'salesperson_id' })
    .sum({ amount: 'amount_cents' })
    .whereNotNull('salesperson_id')
    .where('currency', DEFAULT_CURRENCY)
    .groupBy('salesperson_id');
  const byRegion: { region: string; amount: unknown }[] = await knex('sales_facts')
    .select('region')
    .sum({ amount: 'amount_cents' })
    .whereNotNull('region')
    .where('currency', DEFAULT_CURRENCY)
    .groupBy('region');
  const records: BulkRecord[] = [];
  for (const y of [year - 1, year]) {
    for (const row of bySalesperson) {
      const key = `salesperson:${row.id}:${y}`;
      // Two years of sales in the data: half of it, give or take 20%, is a year's target.
      const amount = new Decimal(String(row.amount))
        .div(200)
        .times(faker.number.float({ min: 0.8, max: 1.2 }))
        .div(1000)
        .toDecimalPlaces(0)
        .times(1000);
      if (!existing.has(key)) records.push(target({ year: y, amount: amount.toFixed(2), subjectPeriod: key }, Number(row.id)));
    }
    for (const row of byRegion) {
      for (let quarter = 1; quarter <= 4; quarter += 1) {
        const key = `region:${row.region}:${y}-Q${quarter}`;
        const amount = new Decimal(String(row.amount))
          .div(800)
          .times(faker.number.float({ min: 0.8, max: 1.2 }))
          .div(1000)
          .toDecimalPlaces(0)
          .times(1000);
        if (!existing.has(key))
          records.push(target({ region: row.region, year: y, quarter, amount: amount.toFixed(2), subjectPeriod: key }, null));
      }
    }
  }
  await writer.insert('api::sales-target.sales-target', records);
  return records.length;
};
