/**
 * The sales dashboard's figures equal an independent computation: ~300 orders with ~750 lines
 * crafted here (states, currencies, dates on period edges, lines without product or
 * specification, customers without region or salesperson) are written with the bulk writer (as the
 * seeder does, roll-up synced per chunk), and every endpoint's answer, for each filter and grain,
 * is compared with plain JavaScript over the same crafted rows. Then the roll-up is shown exact
 * right after an order is confirmed and cancelled through its workflow, and the collection trend
 * and overdue customers over crafted receivables and allocations.
 */
import request from 'supertest';
import Decimal from 'decimal.js';
import { createBulkWriter } from '../../src/demo/bulk-writer';
import { addFreshReceivables } from '../../src/cash-collection/receivable-facts';
import { syncSalesFactsRange } from '../../src/statistics/sales-facts';
import { createAdminUser, AdminMember } from '../helpers/admin';
import { createCustomer, createOrder, createProduct, Doc } from '../helpers/fixtures';
import { useStrapi, appModule } from '../helpers/strapi';
import { createStaffUser, rest, StaffMember } from '../helpers/staff';
import { actOn, ok } from '../helpers/workflow';
import { expectSalesRollupExact } from '../helpers/rollups';

// The app's own copy, so that the trusted-write context is the one its lifecycles read.
const { asTrustedWrite } = appModule('src', 'platform', 'trusted-write.js');

const STATES = ['draft', 'confirmed', 'scheduled', 'shipped', 'closed', 'on_hold', 'cancelled'];
const REGIONS = ['华东', '华南', '华北', null];
const CATEGORIES = ['离心泵', '阀门', '电机', null];
const SPECS = ['DN50 PN16', 'DN80 PN25', null];
/** Dates on the edges the filters below cut at, besides random ones. */
const EDGE_DATES = [
  '2024-02-29',
  '2025-02-28',
  '2025-03-01',
  '2025-12-31',
  '2026-01-01',
  '2026-02-28',
  '2026-03-01',
  '2026-03-31',
  '2026-04-01',
];

/** A small deterministic generator, so a failure can be replayed. */
const random = (() => {
  let state = 20261127;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
})();
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

interface Line {
  order: number;
  date: string;
  state: string;
  currency: string;
  customer: number;
  region: string | null;
  salesperson: number | null;
  category: string | null;
  spec: string | null;
  quantity: number;
  cents: number;
}

interface Filters {
  from: string;
  to: string;
  region?: string;
  salesperson?: number;
  customer?: number;
  category?: string;
}

// ---- the independent computation ---------------------------------------------------------------
const addDay = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The same day a year earlier; 29 February falls back to the 28th. */
const yearEarlier = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(year - 1, month - 1, day));
  return moved.getUTCMonth() === month - 1 ? moved.toISOString().slice(0, 10) : `${year - 1}-02-28`;
};
const keyOf = (date: string, grain: string) =>
  grain === 'day'
    ? date
    : grain === 'month'
      ? date.slice(0, 7)
      : grain === 'quarter'
        ? `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`
        : date.slice(0, 4);
const money = (cents: number) => new Decimal(cents).div(100).toFixed(2);
const counted = (lines: Line[], f: Filters, currency = 'CNY') =>
  lines.filter(
    (l) =>
      !['draft', 'cancelled'].includes(l.state) &&
      l.currency === currency &&
      l.date >= f.from &&
      l.date <= f.to &&
      (f.region === undefined || l.region === f.region) &&
      (f.salesperson === undefined || l.salesperson === f.salesperson) &&
      (f.customer === undefined || l.customer === f.customer) &&
      (f.category === undefined || l.category === f.category)
  );

/** A period some of whose days lie outside the range or after today (walked day by day). */
const isPartial = (period: string, f: Filters, grain: string) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  let first = f.from > `${period.slice(0, 4)}-01-01` ? f.from : `${period.slice(0, 4)}-01-01`;
  while (keyOf(first, grain) !== period) first = addDay(first, 1);
  let last = first;
  while (keyOf(addDay(last, 1), grain) === period) last = addDay(last, 1);
  while (keyOf(addDay(first, -1), grain) === period) first = addDay(first, -1);
  return first < f.from || last > f.to || last > today;
};

const expectedTrend = (lines: Line[], f: Filters, grain: string) => {
  const periods: string[] = [];
  for (let d = f.from; d <= f.to; d = addDay(d, 1)) if (!periods.includes(keyOf(d, grain))) periods.push(keyOf(d, grain));
  const now = counted(lines, f);
  const before = counted(lines, { ...f, from: yearEarlier(f.from), to: yearEarlier(f.to) });
  const sum = (rows: Line[]) => rows.reduce((s, l) => s + l.cents, 0);
  const later = (period: string) => `${Number(period.slice(0, 4)) + 1}${period.slice(4)}`;
  return {
    rows: periods.map((period) => {
      const inPeriod = now.filter((l) => keyOf(l.date, grain) === period);
      return {
        period,
        amount: money(sum(inPeriod)),
        quantity: inPeriod.reduce((s, l) => s + l.quantity, 0),
        orders: new Set(inPeriod.map((l) => l.order)).size,
        previousAmount: money(sum(before.filter((l) => later(keyOf(l.date, grain)) === period))),
        partial: isPartial(period, f, grain),
      };
    }),
    totals: { amount: money(sum(now)), quantity: now.reduce((s, l) => s + l.quantity, 0), orders: new Set(now.map((l) => l.order)).size },
    otherCurrencyOrders: new Set([...counted(lines, f, 'USD'), ...counted(lines, f, 'EUR')].map((l) => l.order)).size,
  };
};

describe('sales statistics', () => {
  const app = useStrapi();
  let clerk: AdminMember;
  let manager: StaffMember;
  const lines: Line[] = [];
  const salespeople: number[] = [];
  const customers: { id: number; documentId: string; code: string; name: string; region: string | null; salesperson: number | null }[] = [];

  const get = async (path: string) => {
    const res = await request(app.strapi.server.httpServer).get(`/sales-dashboard${path}`).set('Authorization', `Bearer ${clerk.token}`);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const qs = (f: Partial<Filters>) =>
    Object.entries(f)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${encodeURIComponent(k === 'customer' ? customers.find((c) => c.id === v)!.documentId : String(v))}`)
      .join('&');

  beforeAll(async () => {
    clerk = await createAdminUser(app.strapi, 'sales-clerk');
    manager = await createStaffUser(app.strapi, 'sales-manager');
    for (let i = 0; i < 3; i += 1) salespeople.push((await createStaffUser(app.strapi, 'salesperson', { displayName: `业务员 ${i}` })).id);
    const writer = createBulkWriter(app.strapi, app.strapi.db.connection);
    const productCategories = [...CATEGORIES, '离心泵', '阀门'];
    const productIds = await writer.insert(
      'api::product.product',
      productCategories.map((category, i) => ({
        values: {
          sku: `T-${i}`,
          name: `Product ${i}`,
          unit: 'pcs',
          listPrice: '1.00',
          stockOnHand: 0,
          stockReserved: 0,
          category,
          active: true,
        },
      }))
    );
    const customerRows = Array.from({ length: 8 }, (_, i) => ({
      code: `C-T${i}`,
      name: `客户 ${i}`,
      region: REGIONS[i % REGIONS.length],
      salesperson: i === 7 ? null : salespeople[i % salespeople.length],
    }));
    const customerIds = await writer.insert(
      'api::customer.customer',
      customerRows.map((c) => ({
        values: { code: c.code, name: c.name, region: c.region, active: true },
        links: { salesperson: c.salesperson },
      }))
    );
    const stored = await app.strapi.db
      .query('api::customer.customer')
      .findMany({ where: { id: { $in: customerIds } }, select: ['id', 'documentId'] });
    customerRows.forEach((c, i) =>
      customers.push({ ...c, id: customerIds[i], documentId: stored.find((s: { id: number }) => s.id === customerIds[i]).documentId })
    );

    const orders = Array.from({ length: 300 }, (_, i) => {
      const customer = pick(customers);
      const date = i < EDGE_DATES.length * 3 ? EDGE_DATES[i % EDGE_DATES.length] : addDay('2024-01-01', between(0, 1095));
      const state = i < EDGE_DATES.length * 2 ? 'confirmed' : pick(STATES);
      const currency = random() < 0.1 ? 'USD' : 'CNY';
      const orderLines = Array.from({ length: between(1, 4) }, () => {
        const product = between(0, productIds.length - 1);
        return { product, spec: pick(SPECS), quantity: between(1, 40), unitCents: between(1, 500_000) };
      });
      return { index: i, customer, date, state, currency, orderLines };
    });
    const ids = await writer.insert(
      'api::order.order',
      orders.map((o) => ({
        values: {
          number: `SO-T-${o.index}`,
          orderDate: o.date,
          channel: 'phone',
          total: money(o.orderLines.reduce((s, l) => s + l.quantity * l.unitCents, 0)),
          currency: o.currency,
          region: o.customer.region,
          state: o.state,
          version: 1,
        },
        links: { customer: o.customer.id, salesperson: o.customer.salesperson },
        components: {
          lines: o.orderLines.map((l, k) => ({
            values: {
              specification: l.spec,
              quantity: l.quantity,
              unitPrice: money(l.unitCents),
              lineAmount: money(l.quantity * l.unitCents),
              key: `L${k}`,
            },
            links: { product: l.product === 3 ? null : productIds[l.product] },
          })),
        },
      }))
    );
    // As the seeder does: per chunk of fresh orders by id range, the chunks' sums added to the
    // cube (both chunks fall into the same cells, so the second adds to what the first wrote).
    const sorted = [...ids].sort((a, b) => a - b);
    const middle = sorted[Math.floor(sorted.length / 2)];
    await syncSalesFactsRange(app.strapi, sorted[0], middle - 1);
    await syncSalesFactsRange(app.strapi, middle, sorted[sorted.length - 1]);
    orders.forEach((o, i) =>
      o.orderLines.forEach((l) =>
        lines.push({
          order: ids[i],
          date: o.date,
          state: o.state,
          currency: o.currency,
          customer: o.customer.id,
          region: o.customer.region,
          salesperson: o.customer.salesperson,
          category: l.product === 3 ? null : productCategories[l.product],
          spec: l.spec,
          quantity: l.quantity,
          cents: l.quantity * l.unitCents,
        })
      )
    );
  });

  const FILTERS: Filters[] = [
    { from: '2025-03-01', to: '2026-02-28' },
    { from: '2024-01-01', to: '2026-12-31' },
    { from: '2025-12-31', to: '2026-01-01' },
    { from: '2025-03-01', to: '2026-03-31', region: '华东' },
    { from: '2025-01-01', to: '2026-12-31', category: '阀门' },
    { from: '2025-01-01', to: '2026-12-31', region: '华南', category: '离心泵' },
  ];

  it.each(FILTERS.flatMap((f) => ['day', 'month', 'quarter', 'year'].map((grain) => [grain, f] as const)))(
    'gives the %s trend of %j with last year beside it',
    async (grain, f) => {
      const answer = await get(`/sales/trend?grain=${grain}&${qs(f)}`);
      expect(answer).toMatchObject({ grain, ...expectedTrend(lines, f, grain) });
    }
  );

  it('filters by salesperson and by customer', async () => {
    for (const salesperson of salespeople) {
      const f = { from: '2024-06-01', to: '2026-06-30', salesperson };
      expect(await get(`/sales/trend?grain=quarter&${qs(f)}`)).toMatchObject(expectedTrend(lines, f, 'quarter'));
    }
    for (const customer of customers.slice(0, 4)) {
      const f = { from: '2024-06-01', to: '2026-06-30', customer: customer.id };
      expect(await get(`/sales/trend?grain=month&${qs(f)}`)).toMatchObject(expectedTrend(lines, f, 'month'));
    }
  });

  it.each(['region', 'salesperson', 'customer', 'spec', 'category'])('breaks the sales down by %s, top 2 and the others', async (by) => {
    for (const f of [FILTERS[0], FILTERS[3], FILTERS[4]]) {
      const rows = counted(lines, f);
      const keyOfLine = (l: Line) =>
        by === 'region'
          ? (l.region ?? '')
          : by === 'salesperson'
            ? l.salesperson === null
              ? ''
              : String(l.salesperson)
            : by === 'customer'
              ? String(l.customer)
              : by === 'spec'
                ? (l.spec ?? '')
                : (l.category ?? '');
      const groups = new Map<string, { cents: number; quantity: number }>();
      for (const l of rows) {
        const g = groups.get(keyOfLine(l)) ?? { cents: 0, quantity: 0 };
        groups.set(keyOfLine(l), { cents: g.cents + l.cents, quantity: g.quantity + l.quantity });
      }
      const total = rows.reduce((s, l) => s + l.cents, 0);
      const ranked = [...groups.entries()].sort((a, b) => b[1].cents - a[1].cents);
      const top = ranked.slice(0, 2);
      const answer = await get(`/sales/breakdown?by=${by}&top=2&${qs(f)}`);
      const publicKey = (key: string) => (by === 'customer' ? customers.find((c) => String(c.id) === key)!.documentId : key);
      expect(
        answer.rows.map((r: { key: string; amount: string; quantity: number; share: string }) => [r.key, r.amount, r.quantity, r.share])
      ).toEqual(
        top.map(([key, g]) => [
          publicKey(key),
          money(g.cents),
          g.quantity,
          new Decimal(g.cents).div(total).toFixed(4, Decimal.ROUND_HALF_UP),
        ])
      );
      const rest = ranked.slice(2);
      expect(answer.others).toEqual({
        amount: money(rest.reduce((s, [, g]) => s + g.cents, 0)),
        quantity: rest.reduce((s, [, g]) => s + g.quantity, 0),
        count: rest.length,
      });
      expect(answer.total).toEqual({ amount: money(total), quantity: rows.reduce((s, l) => s + l.quantity, 0) });
      if (by === 'salesperson')
        expect(answer.rows.filter((r: { key: string }) => r.key !== '').every((r: { label: string }) => r.label.startsWith('业务员'))).toBe(
          true
        );
    }
  });

  it('sets targets against the year, finer periods summed when there is no annual target', async () => {
    const post = (data: Record<string, unknown>) => ok(rest(app.strapi, manager).post('/api/sales-targets', { data }));
    await post({ salesperson: salespeople[0], year: 2025, amount: '1000000.00' });
    await post({ salesperson: salespeople[0], year: 2025, quarter: 1, amount: '1.00' }); // the annual target wins
    await post({ salesperson: salespeople[1], year: 2025, quarter: 1, amount: '300000.00' });
    await post({ salesperson: salespeople[1], year: 2025, quarter: 2, amount: '200000.50' });
    await post({ region: '华东', year: 2025, month: 1, amount: '50000.00' });
    await post({ region: '华东', year: 2025, month: 2, amount: '70000.00' });
    const actual = (pred: (l: Line) => boolean) =>
      counted(lines, { from: '2025-01-01', to: '2025-12-31' })
        .filter(pred)
        .reduce((s, l) => s + l.cents, 0);
    const bySalesperson = await get('/sales/targets?year=2025&by=salesperson');
    const row = (rows: { key: string }[], key: string) => rows.find((r) => r.key === key);
    const first = actual((l) => l.salesperson === salespeople[0]);
    expect(row(bySalesperson.rows, String(salespeople[0]))).toMatchObject({
      target: '1000000.00',
      actual: money(first),
      completion: new Decimal(first).div(100_000_000).toFixed(4, Decimal.ROUND_HALF_UP),
    });
    const second = actual((l) => l.salesperson === salespeople[1]);
    expect(row(bySalesperson.rows, String(salespeople[1]))).toMatchObject({
      target: '500000.50',
      actual: money(second),
      completion: new Decimal(second).div(50_000_050).toFixed(4, Decimal.ROUND_HALF_UP),
    });
    expect(row(bySalesperson.rows, String(salespeople[2]))).toMatchObject({
      target: null,
      completion: null,
      actual: money(actual((l) => l.salesperson === salespeople[2])),
    });
    const byRegion = await get('/sales/targets?year=2025&by=region');
    expect(row(byRegion.rows, '华东')).toMatchObject({ target: '120000.00', actual: money(actual((l) => l.region === '华东')) });
  });

  it('offers the regions, salespeople, categories and years to filter by', async () => {
    const choices = await get('/filters');
    expect(choices.regions.sort()).toEqual(['华东', '华北', '华南']);
    expect(choices.salespeople.map((s: { id: number }) => s.id).sort()).toEqual([...salespeople].sort());
    expect(choices.categories.sort()).toEqual(['电机', '离心泵', '阀门'].sort());
    expect(choices.years).toEqual(expect.arrayContaining([2024, 2025, 2026]));
  });

  it('stays exact right after an order is confirmed and cancelled through its workflow', async () => {
    const specialist = await createStaffUser(app.strapi, 'cs-specialist');
    const supervisor = await createStaffUser(app.strapi, 'cs-supervisor');
    const customer = await createCustomer(app.strapi, specialist, { region: '西南' });
    const product = await createProduct(app.strapi, supervisor, { category: '电机' });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const range = `from=${today}&to=${today}&region=${encodeURIComponent('西南')}`;
    const order = await createOrder(app.strapi, specialist, {
      customer: customer.documentId,
      orderDate: today,
      lines: [
        { product: product.documentId, quantity: 3, unitPrice: '1234.56' },
        { product: product.documentId, quantity: 7, unitPrice: '0.07' },
      ],
    });
    const trendNow = () => get(`/sales/trend?grain=day&${range}`);
    expect((await trendNow()).totals).toEqual({ amount: '0.00', quantity: 0, orders: 0 }); // a draft is no sale
    await ok(actOn(app.strapi, supervisor, 'api::order.order', order.documentId, 'confirm', { comment: 'repeat order' }));
    expect((await trendNow()).totals).toEqual({ amount: '3704.17', quantity: 10, orders: 1 });
    expect((await get(`/sales/breakdown?by=category&${range}`)).rows).toEqual([
      { key: '电机', label: '电机', amount: '3704.17', quantity: 10, share: '1.0000' },
    ]);
    // The product recategorised: today's cells (daily and monthly cube) move with it at once.
    expect((await rest(app.strapi, supervisor).put(`/api/products/${product.documentId}`, { data: { category: '变频器' } })).status).toBe(
      200
    );
    expect((await get(`/sales/breakdown?by=category&${range}`)).rows).toEqual([
      { key: '变频器', label: '变频器', amount: '3704.17', quantity: 10, share: '1.0000' },
    ]);
    expect((await trendNow()).totals).toEqual({ amount: '3704.17', quantity: 10, orders: 1 });
    expect((await get(`/sales/trend?grain=day&${range}&category=${encodeURIComponent('变频器')}`)).totals).toEqual({
      amount: '3704.17',
      quantity: 10,
      orders: 1,
    });
    expect((await get(`/sales/trend?grain=day&${range}&category=${encodeURIComponent('电机')}`)).totals).toEqual({
      amount: '0.00',
      quantity: 0,
      orders: 0,
    });
    await ok(actOn(app.strapi, supervisor, 'api::order.order', order.documentId, 'cancel', { comment: 'customer withdrew' }));
    expect((await trendNow()).totals).toEqual({ amount: '0.00', quantity: 0, orders: 0 });
    // And the roll-up as a whole is what a rebuild from the base tables gives.
    const [{ cells }] = await app.strapi.db.connection('sales_monthly').count({ cells: '*' });
    expect(Number(cells)).toBeGreaterThan(0);
    await expectSalesRollupExact(app.strapi);
  });

  it('lets two people confirm orders of the same day at the same moment: both succeed and the figures add up', async () => {
    const specialist = await createStaffUser(app.strapi, 'cs-specialist');
    const supervisor = await createStaffUser(app.strapi, 'cs-supervisor');
    const product = await createProduct(app.strapi, supervisor, { category: '阀门' });
    const day = '2019-06-14'; // a day of its own, so the other tests' figures do not move
    const orders: Doc[] = [];
    for (const quantity of [2, 5]) {
      const customer = await createCustomer(app.strapi, specialist, { region: '东北' });
      orders.push(
        await createOrder(app.strapi, specialist, {
          customer: customer.documentId,
          orderDate: day,
          lines: [{ product: product.documentId, quantity, unitPrice: '50.00' }],
        })
      );
    }
    const confirm = (documentId: string) =>
      asTrustedWrite(() => app.strapi.db.query('api::order.order').update({ where: { documentId }, data: { state: 'confirmed' } }));
    // The first confirmation's transaction stays open while the second one writes the same cells.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = app.strapi.db.transaction(async () => {
      await confirm(orders[0].documentId);
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = confirm(orders[1].documentId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await expect(Promise.all([first, second])).resolves.toBeDefined();
    const trend = await get(`/sales/trend?grain=day&from=${day}&to=${day}&region=${encodeURIComponent('东北')}`);
    expect(trend.totals).toEqual({ amount: '350.00', quantity: 7, orders: 2 });
    await expectSalesRollupExact(app.strapi);
  });

  it('reports sales this month so far against the same days of last month, the whole last month beside them', async () => {
    const widget = await get('/widgets/sales-month');
    expect(Object.keys(widget).sort()).toEqual(['change', 'lastMonth', 'month', 'sameDaysLastMonth', 'thisMonth', 'today']);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(widget.today).toBe(today);
    const month = today.slice(0, 7);
    expect(widget.month).toBe(month);
    const first = `${month}-01`;
    const lastFirst = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1)).toISOString().slice(0, 10);
    const lastEnd = addDay(first, -1);
    // Day 1 to today's day of last month, no further than its last day (the 31st against a 30-day month).
    const sameDayLastMonth = `${lastFirst.slice(0, 8)}${today.slice(8)}`;
    const sameDaysEnd = sameDayLastMonth > lastEnd ? lastEnd : sameDayLastMonth;
    const sumOf = (f: Filters) => counted(lines, f).reduce((s, l) => s + l.cents, 0);
    const ordersOf = (f: Filters) => new Set(counted(lines, f).map((l) => l.order)).size;
    const thisMonth = { from: first, to: today };
    const sameDays = { from: lastFirst, to: sameDaysEnd };
    const lastMonth = { from: lastFirst, to: lastEnd };
    expect(widget.thisMonth).toEqual({ amount: money(sumOf(thisMonth)), orders: ordersOf(thisMonth) });
    expect(widget.sameDaysLastMonth).toEqual({
      from: lastFirst,
      to: sameDaysEnd,
      amount: money(sumOf(sameDays)),
      orders: ordersOf(sameDays),
    });
    expect(widget.lastMonth).toEqual({ amount: money(sumOf(lastMonth)), orders: ordersOf(lastMonth) });
    const [now, before] = [sumOf(thisMonth), sumOf(sameDays)];
    expect(widget.change).toBe(before === 0 ? null : new Decimal(now - before).div(before).toFixed(4, Decimal.ROUND_HALF_UP));
  });

  it('offers the default range in the filter choices, and marks the running month of the trend as partial', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const { defaultRange } = await get('/filters');
    const trend = await get('/sales/trend?grain=month');
    expect(defaultRange).toEqual({ from: trend.from, to: trend.to });
    expect(trend.rows).toHaveLength(13);
    expect(trend.rows.map((row: { partial: boolean }) => row.partial)).toEqual([...Array(12).fill(false), true]);
    expect(trend.rows[12].period).toBe(today.slice(0, 7));
  });

  describe('receivables', () => {
    interface Receivable {
      customer: number;
      invoiceDate: string;
      dueDate: string;
      cents: number;
      currency: string;
      voided: boolean;
      allocations: { cents: number; on: string; reversed: string | null }[];
    }
    const receivables: Receivable[] = [];

    beforeAll(async () => {
      const writer = createBulkWriter(app.strapi, app.strapi.db.connection);
      for (let i = 0; i < 80; i += 1) {
        const invoiceDate = addDay('2025-06-01', between(0, 500));
        const cents = between(1000, 9_000_000);
        const allocations: Receivable['allocations'] = [];
        let left = cents;
        for (let k = between(0, 2); k > 0 && left > 0; k -= 1) {
          const part = Math.min(left, between(100, cents));
          left -= part;
          allocations.push({
            cents: part,
            on: addDay(invoiceDate, between(0, 90)),
            reversed: random() < 0.2 ? addDay(invoiceDate, 100) : null,
          });
        }
        receivables.push({
          customer: pick(customers).id,
          invoiceDate,
          dueDate: addDay(invoiceDate, pick([0, 30, 60])),
          cents,
          currency: random() < 0.1 ? 'USD' : 'CNY',
          voided: random() < 0.05,
          allocations,
        });
      }
      const paidOf = (r: Receivable) => r.allocations.filter((a) => a.reversed === null).reduce((s, a) => s + a.cents, 0);
      const ids = await writer.insert(
        'api::receivable.receivable',
        receivables.map((r) => ({
          values: {
            amount: money(r.cents),
            openAmount: money(r.voided ? 0 : r.cents - paidOf(r)),
            currency: r.currency,
            invoiceDate: r.invoiceDate,
            dueDate: r.dueDate,
            state: r.voided ? 'void' : r.cents - paidOf(r) > 0 ? 'open' : 'paid',
            voidedOn: r.voided ? addDay(r.invoiceDate, 1) : null,
          },
          links: { customer: r.customer },
        }))
      );
      const allocations = receivables.flatMap((r, i) =>
        r.allocations.map((a) => ({
          values: { amount: money(a.cents), allocatedOn: a.on, reversedOn: a.reversed },
          links: { receivable: ids[i] },
        }))
      );
      await writer.insert('api::payment-allocation.payment-allocation', allocations);
      // As the seeder does: the freshly written receivables join the roll-up in one step.
      await addFreshReceivables(app.strapi, Math.min(...ids), Math.max(...ids));
    });

    it('gives billed against collected per month', async () => {
      for (const f of [{ from: '2025-06-01', to: '2026-11-30' }, { from: '2025-09-15', to: '2026-02-14', region: '华东' } as Filters]) {
        const answer = await get(`/receivables/collection?${qs(f)}`);
        const inScope = receivables.filter(
          (r) => r.currency === 'CNY' && (f.region === undefined || customers.find((c) => c.id === r.customer)!.region === f.region)
        );
        const months: string[] = [];
        for (let d = f.from; d <= f.to; d = addDay(d, 1)) if (!months.includes(d.slice(0, 7))) months.push(d.slice(0, 7));
        expect(answer.rows).toEqual(
          months.map((month) => ({
            month,
            billed: money(
              inScope
                .filter((r) => !r.voided && r.invoiceDate >= f.from && r.invoiceDate <= f.to && r.invoiceDate.startsWith(month))
                .reduce((s, r) => s + r.cents, 0)
            ),
            collected: money(
              inScope
                .flatMap((r) => r.allocations)
                .filter((a) => a.reversed === null && a.on >= f.from && a.on <= f.to && a.on.startsWith(month))
                .reduce((s, a) => s + a.cents, 0)
            ),
          }))
        );
      }
    });

    it('lists the customers most overdue', async () => {
      const asOf = '2026-03-15';
      const answer = await get(`/receivables/overdue-top?asOf=${asOf}&top=3`);
      const open = (r: Receivable) =>
        r.cents - r.allocations.filter((a) => a.on <= asOf && (a.reversed === null || a.reversed > asOf)).reduce((s, a) => s + a.cents, 0);
      const overdue = new Map<number, { cents: number; days: number }>();
      for (const r of receivables.filter(
        (x) =>
          x.currency === 'CNY' &&
          x.invoiceDate <= asOf &&
          !(x.voided && addDay(x.invoiceDate, 1) <= asOf) &&
          x.dueDate < asOf &&
          open(x) > 0
      )) {
        const days = Math.round((Date.parse(asOf) - Date.parse(r.dueDate)) / 86_400_000);
        const g = overdue.get(r.customer) ?? { cents: 0, days: 0 };
        overdue.set(r.customer, { cents: g.cents + open(r), days: Math.max(g.days, days) });
      }
      const ranked = [...overdue.entries()].sort((a, b) => b[1].cents - a[1].cents).slice(0, 3);
      expect(answer.rows).toEqual(
        ranked.map(([id, g]) => {
          const c = customers.find((x) => x.id === id)!;
          return { key: c.documentId, label: `${c.code} ${c.name}`, overdue: money(g.cents), oldestDaysOverdue: g.days };
        })
      );
    });
  });
});
