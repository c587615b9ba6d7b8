/**
 * Complaint statistics (GET /api/complaints/statistics): ~50 complaints crafted with known
 * instants, written with Knex (the workflow's lifecycle hooks refuse other writes), then every
 * figure, for every filter, compared with a computation written here in plain JavaScript over the
 * same crafted data; month boundaries in the report zone (and in a zone with daylight saving), the
 * refusals, the XLSX summary read back, and who may ask.
 */
import ExcelJS from 'exceljs';
import request from 'supertest';
import { createBulkWriter } from '../../src/demo/bulk-writer';
import { complaintStatistics } from '../../src/statistics/complaint-statistics';
import { expectValidationError } from '../helpers/fixtures';
import { useStrapi } from '../helpers/strapi';
import { createStaffUser, rest, StaffMember } from '../helpers/staff';
import { COMPLAINT } from '../../src/platform/uids';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const CATEGORIES = ['quality', 'delivery', 'packaging', 'quantity', 'documents', 'service', 'other'];
const SEVERITIES = ['minor', 'major', 'critical'];
const STATES = [
  'received',
  'confirmed',
  'under_analysis',
  'justified',
  'measures_review',
  'in_progress',
  'verifying',
  'replying',
  'replied',
  'closed',
  'withdrawn',
];

interface Crafted {
  number: string;
  receivedAt: number | null;
  category: string;
  severity: string;
  state: string;
  judgement: 'justified' | 'unjustified' | null;
  repliedAt: number | null;
  closedAt: number | null;
  rating: number | null;
  dueAt: number | null;
  /** Indexes into the crafted customers and products. */
  customer: number | null;
  product: number | null;
}

interface Party {
  id: number;
  documentId: string;
  key: string;
  name: string;
}

/** The customers' regions and salespeople (indexes into the crafted salespeople) and the products' categories, for the dashboard's filters. */
const REGION_OF = (k: number) => ['华东', '华南', null][k % 3];
const SALESPERSON_OF = (k: number) => (k % 4 === 3 ? null : k % 2);
const PRODUCT_CATEGORY_OF = (k: number) => ['离心泵', '阀门', null][k % 3];

const crafted: Crafted[] = [];
for (let i = 0; i < 40; i += 1) {
  const receivedAt = Date.UTC(2025, 9 + (i % 6), 1 + ((i * 5) % 27), (i * 7) % 24, (i * 13) % 60, (i * 17) % 60, (i * 37) % 1000);
  crafted.push({
    number: `TS-${String(i).padStart(3, '0')}`,
    receivedAt,
    category: CATEGORIES[(i * 3) % 7],
    severity: SEVERITIES[(i * i) % 3],
    state: STATES[i % 11],
    judgement: i % 4 === 0 ? null : i % 4 === 2 ? 'unjustified' : 'justified',
    repliedAt: i % 3 === 0 ? null : receivedAt + (((i * 37) % 200) + 1) * HOUR + ((i * 11) % 60) * MINUTE + 250,
    closedAt: i % 4 === 1 || i % 4 === 2 ? receivedAt + (((i * 53) % 400) + 5) * HOUR + ((i * 7) % 60) * MINUTE : null,
    rating: i % 2 === 0 ? (i % 5) + 1 : null,
    dueAt: i % 5 === 0 ? null : i % 7 === 3 ? Date.UTC(2099, 0, 1) : receivedAt + (((i * 29) % 60) + 1) * 24 * HOUR,
    customer: i % 10 === 9 ? null : (i * 7 + Math.floor(i / 3)) % 13,
    product: i % 8 === 7 ? null : (i * 5) % 12,
  });
}
/**
 * Instants on month and day edges: in Shanghai (UTC+8) and in Berlin (UTC+1, +2 in summer), where
 * a single offset for the whole range would put TS-E06 or TS-E08 in the wrong month. TS-E08 has no
 * reply, so that 30 complaints have one: the nearest rank ceil(0.9 n) then falls on 0.9 n exactly.
 */
const edges: [string, string | null][] = [
  ['TS-E01', '2025-12-31T15:59:59.999Z'], // 2025-12-31 23:59:59.999 in Shanghai
  ['TS-E02', '2025-12-31T16:00:00.000Z'], // 2026-01-01 00:00 in Shanghai
  ['TS-E03', '2026-01-31T16:00:00.000Z'], // 2026-02-01 00:00 in Shanghai
  ['TS-E04', '2026-03-31T21:30:00.000Z'], // 2026-03-31 23:30 in Berlin (summer time)
  ['TS-E05', '2026-03-31T22:30:00.000Z'], // 2026-04-01 00:30 in Berlin
  ['TS-E06', '2025-10-31T22:30:00.000Z'], // 2025-10-31 23:30 in Berlin (winter time again), 2025-11-01 in Shanghai
  ['TS-E07', null], // received instant not recorded
  ['TS-E08', '2026-01-31T22:30:00.000Z'], // 2026-01-31 23:30 in Berlin
];
edges.forEach(([number, iso], index) =>
  crafted.push({
    number,
    receivedAt: iso === null ? null : Date.parse(iso),
    category: CATEGORIES[index % 7],
    severity: SEVERITIES[index % 3],
    state: ['closed', 'replied', 'closed', 'in_progress', 'closed', 'replied', 'received', 'under_analysis'][index],
    judgement: index % 2 === 0 ? 'justified' : 'unjustified',
    repliedAt: iso === null || number === 'TS-E08' ? null : Date.parse(iso) + (index + 1) * 30 * MINUTE,
    closedAt: iso === null ? null : Date.parse(iso) + (index + 2) * 24 * HOUR,
    rating: index + 1 <= 5 ? index + 1 : null,
    dueAt: null,
    customer: index,
    product: index,
  })
);

// ---- the independent computation ----------------------------------------------------------

const wallClock = (timeZone: string, at: number) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value])
  );
  return { month: `${parts.year}-${parts.month}`, date: `${parts.year}-${parts.month}-${parts.day}` };
};

/** a / b rounded half up to `digits` places, in exact integer arithmetic, as text. */
const divide = (a: number, b: number, digits: number): string => {
  const scale = 10n ** BigInt(digits);
  const scaled = (2n * BigInt(a) * scale + BigInt(b)) / (2n * BigInt(b));
  const text = scaled.toString().padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
};

interface Filter {
  from?: string;
  to?: string;
  customer?: number;
  category?: string;
  severity?: string;
  /** The sales dashboard's: the customer's region and salesperson (index), the product's category. */
  region?: string;
  salesperson?: number;
  productCategory?: string;
}

const expectedStatistics = (filter: Filter, now: number, timeZone: string, customers: Party[], products: Party[]) => {
  const selected = crafted.filter((c) => {
    const day = c.receivedAt === null ? null : wallClock(timeZone, c.receivedAt).date;
    if (filter.from && (day === null || day < filter.from)) return false;
    if (filter.to && (day === null || day > filter.to)) return false;
    if (filter.customer !== undefined && c.customer !== filter.customer) return false;
    if (filter.category && c.category !== filter.category) return false;
    if (filter.severity && c.severity !== filter.severity) return false;
    if (filter.region !== undefined && (c.customer === null || REGION_OF(c.customer) !== filter.region)) return false;
    if (filter.salesperson !== undefined && (c.customer === null || SALESPERSON_OF(c.customer) !== filter.salesperson)) return false;
    if (filter.productCategory !== undefined && (c.product === null || PRODUCT_CATEGORY_OF(c.product) !== filter.productCategory))
      return false;
    return true;
  });
  const counted = selected.filter((c) => c.state !== 'withdrawn');
  const tally = (rows: Crafted[]) => ({
    count: rows.length,
    justified: rows.filter((c) => c.judgement === 'justified').length,
    unjustified: rows.filter((c) => c.judgement === 'unjustified').length,
  });
  const groups = <K extends string | number | null>(keyOf: (c: Crafted) => K) => {
    const map = new Map<K, Crafted[]>();
    for (const c of counted) map.set(keyOf(c), [...(map.get(keyOf(c)) ?? []), c]);
    return [...map.entries()];
  };
  const timeliness = (end: (c: Crafted) => number | null) => {
    const durations = counted
      .filter((c) => c.receivedAt !== null && end(c) !== null)
      .map((c) => end(c)! - c.receivedAt!)
      .sort((a, b) => a - b);
    const n = durations.length;
    if (n === 0) return { count: 0, averageHours: null, p90Hours: null };
    const rank = Math.floor((9 * n + 9) / 10); // ceil(0.9 n)
    return {
      count: n,
      averageHours: Number(
        divide(
          durations.reduce((a, b) => a + b, 0),
          n * HOUR,
          2
        )
      ),
      p90Hours: Number(divide(durations[rank - 1], HOUR, 2)),
    };
  };
  const ranking = (indexOf: (c: Crafted) => number | null, parties: Party[]) => {
    const linked = counted.filter((c) => indexOf(c) !== null);
    const top = groups(indexOf)
      .filter(([index]) => index !== null)
      .map(([index, rows]) => ({ party: parties[index as number], count: rows.length }))
      .sort((a, b) => b.count - a.count || (a.party.key < b.party.key ? -1 : 1))
      .slice(0, 10);
    return { top, others: linked.length - top.reduce((sum, row) => sum + row.count, 0), none: counted.length - linked.length };
  };
  const judged = counted.filter((c) => c.judgement !== null);
  const justified = counted.filter((c) => c.judgement === 'justified').length;
  const ratings = counted.filter((c) => c.rating !== null).map((c) => c.rating!);
  const byProduct = ranking((c) => c.product, products);
  const byCustomer = ranking((c) => c.customer, customers);
  const customer = filter.customer === undefined ? null : customers[filter.customer].documentId;
  return {
    filters: {
      from: filter.from ?? null,
      to: filter.to ?? null,
      customer,
      category: filter.category ?? null,
      severity: filter.severity ?? null,
    },
    timeZone,
    asOf: new Date(now).toISOString(),
    total: counted.length,
    withdrawn: selected.length - counted.length,
    overdue: counted.filter((c) => c.dueAt !== null && c.dueAt < now && !['replied', 'closed'].includes(c.state)).length,
    judgement: {
      judged: judged.length,
      justified,
      unjustified: judged.length - justified,
      rate: judged.length === 0 ? null : divide(justified, judged.length, 4),
    },
    timeToReply: timeliness((c) => c.repliedAt),
    timeToClose: timeliness((c) => c.closedAt),
    satisfaction: {
      count: ratings.length,
      average:
        ratings.length === 0
          ? null
          : Number(
              divide(
                ratings.reduce((a, b) => a + b, 0),
                ratings.length,
                2
              )
            ),
    },
    byMonth: groups((c) => (c.receivedAt === null ? null : wallClock(timeZone, c.receivedAt).month))
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
      .map(([month, rows]) => ({ month, ...tally(rows) })),
    byCategory: groups((c) => c.category)
      .map(([category, rows]) => ({ category, ...tally(rows) }))
      .sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : 1)),
    bySeverity: groups((c) => c.severity)
      .map(([severity, rows]) => ({ severity, ...tally(rows) }))
      .sort((a, b) => b.count - a.count || (a.severity < b.severity ? -1 : 1)),
    byProduct: {
      top: byProduct.top.map(({ party, count }) => ({ documentId: party.documentId, sku: party.key, name: party.name, count })),
      others: byProduct.others,
      none: byProduct.none,
    },
    byCustomer: {
      top: byCustomer.top.map(({ party, count }) => ({ documentId: party.documentId, code: party.key, name: party.name, count })),
      others: byCustomer.others,
      none: byCustomer.none,
    },
  };
};

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('complaint statistics', () => {
  const app = useStrapi();
  let manager: StaffMember;
  let salespeople: StaffMember[];
  let customers: Party[];
  let products: Party[];

  const statistics = (query = '', member: StaffMember = manager) => rest(app.strapi, member).get(`/api/complaints/statistics${query}`);
  const queryOf = (filter: Filter) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(filter)) {
      params.set(name, name === 'customer' ? customers[value as number].documentId : String(value));
    }
    return params.toString() === '' ? '' : `?${params}`;
  };

  beforeAll(async () => {
    manager = await createStaffUser(app.strapi, 'sales-manager');
    salespeople = [await createStaffUser(app.strapi, 'salesperson'), await createStaffUser(app.strapi, 'salesperson')];
    const writer = createBulkWriter(app.strapi, app.strapi.db.connection);
    // Keys descend while ids ascend, so a tie in the ranking is broken by key, not by insertion order.
    const productIds = await writer.insert(
      'api::product.product',
      Array.from({ length: 12 }, (_, k) => ({
        values: {
          sku: `P-${90 - k}`,
          name: `离心泵 Pump ${k}`,
          unit: 'pcs',
          listPrice: 100,
          active: true,
          category: PRODUCT_CATEGORY_OF(k),
        },
      }))
    );
    const customerIds = await writer.insert(
      'api::customer.customer',
      Array.from({ length: 13 }, (_, k) => ({
        values: {
          code: `C-${String(900 - k)}`,
          name: `客户 Customer ${k}`,
          grade: 'C',
          creditLimit: 0,
          active: true,
          region: REGION_OF(k),
        },
        links: { salesperson: SALESPERSON_OF(k) === null ? null : salespeople[SALESPERSON_OF(k)!].id },
      }))
    );
    const parties = async (uid: string, ids: number[], key: 'sku' | 'code') => {
      const rows = await app.strapi.db
        .query(uid as never)
        .findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId', key, 'name'] });
      return ids.map((id) => {
        const row = rows.find((r: { id: number }) => r.id === id)!;
        return { id, documentId: row.documentId, key: row[key], name: row.name };
      });
    };
    products = await parties('api::product.product', productIds, 'sku');
    customers = await parties('api::customer.customer', customerIds, 'code');
    const date = (at: number | null) => (at === null ? null : new Date(at));
    await writer.insert(
      COMPLAINT,
      crafted.map((c) => ({
        values: {
          number: c.number,
          channel: 'phone',
          description: `Crafted complaint ${c.number}`,
          category: c.category,
          severity: c.severity,
          state: c.state,
          judgement: c.judgement,
          judgedAt: c.judgement ? date(c.receivedAt) : null,
          receivedAt: date(c.receivedAt),
          repliedAt: date(c.repliedAt),
          closedAt: date(c.closedAt),
          feedbackRating: c.rating,
          feedbackAt: c.rating === null ? null : date(c.closedAt ?? c.repliedAt),
          dueAt: date(c.dueAt),
        },
        links: {
          customer: c.customer === null ? null : customers[c.customer].id,
          product: c.product === null ? null : products[c.product].id,
        },
      }))
    );
  });

  it('stores the crafted instants as Strapi reads them back', async () => {
    const rows = await app.strapi.db
      .query(COMPLAINT)
      .findMany({ select: ['number', 'receivedAt', 'repliedAt', 'dueAt'], populate: { customer: { select: ['id'] } } });
    expect(rows).toHaveLength(crafted.length);
    for (const c of crafted) {
      const row = rows.find((r: { number: string }) => r.number === c.number)!;
      const instant = (value: unknown) => (value === null ? null : new Date(value as string).getTime());
      expect([instant(row.receivedAt), instant(row.repliedAt), instant(row.dueAt), row.customer?.id ?? null]).toEqual([
        c.receivedAt,
        c.repliedAt,
        c.dueAt,
        c.customer === null ? null : customers[c.customer].id,
      ]);
    }
  });

  it('counts every figure as the independent computation does, with overdue at an injected instant', async () => {
    for (const now of ['2026-01-15T00:00:00.000Z', '2025-11-20T08:00:00.000Z']) {
      const result = await complaintStatistics(app.strapi, {}, { now: new Date(now) });
      expect(result).toEqual(expectedStatistics({}, Date.parse(now), 'Asia/Shanghai', customers, products));
    }
    // The data exercise what the figures claim to do.
    const result = await complaintStatistics(app.strapi, {}, { now: new Date('2026-01-15T00:00:00.000Z') });
    expect(result.overdue).toBeGreaterThan(0);
    expect(result.withdrawn).toBeGreaterThan(0);
    expect(result.byProduct.others).toBeGreaterThan(0);
    expect(result.byCustomer.others).toBeGreaterThan(0);
    expect(result.byProduct.none).toBeGreaterThan(0);
    expect(result.byMonth.map((row) => row.month)).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      null,
    ]);
    expect(result.timeToReply.count).toBe(30);
  });

  it('puts instants on the edge of a month in the month of the report zone', async () => {
    const result = await complaintStatistics(app.strapi, {});
    const month = (number: string) => {
      const c = crafted.find((row) => row.number === number)!;
      return wallClock('Asia/Shanghai', c.receivedAt!).month;
    };
    // The independent computation agrees with a fixed reading of Shanghai's clock (UTC+8, no daylight saving since 1991).
    expect(['TS-E01', 'TS-E02', 'TS-E03'].map(month)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(result.byMonth.find((row) => row.month === '2026-04')).toBeDefined();
  });

  it('follows daylight saving when the report zone has it', async () => {
    const before = app.strapi.config.get('server.business.reportTimeZone');
    app.strapi.config.set('server.business.reportTimeZone', 'Europe/Berlin');
    try {
      const now = '2026-01-15T00:00:00.000Z';
      const result = await complaintStatistics(app.strapi, {}, { now: new Date(now) });
      expect(result).toEqual(expectedStatistics({}, Date.parse(now), 'Europe/Berlin', customers, products));
      expect(
        ['TS-E04', 'TS-E05', 'TS-E06', 'TS-E08'].map(
          (number) => wallClock('Europe/Berlin', crafted.find((c) => c.number === number)!.receivedAt!).month
        )
      ).toEqual(['2026-03', '2026-04', '2025-10', '2026-01']);
      const filtered = await complaintStatistics(app.strapi, { from: '2026-04-01', to: '2026-04-01' }, { now: new Date(now) });
      expect(filtered).toEqual(
        expectedStatistics({ from: '2026-04-01', to: '2026-04-01' }, Date.parse(now), 'Europe/Berlin', customers, products)
      );
      expect(filtered.total).toBe(1);
    } finally {
      app.strapi.config.set('server.business.reportTimeZone', before);
    }
  });

  it('answers over REST with the same figures, overdue as of the instant it reports', async () => {
    const res = await statistics();
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual(expectedStatistics({}, Date.parse(res.body.data.asOf), 'Asia/Shanghai', customers, products));
    const specialist = await createStaffUser(app.strapi, 'cs-specialist');
    expect((await statistics('?format=json', specialist)).status).toBe(200);
  });

  it('filters by received date in the report zone, customer, category and severity, alone and together', async () => {
    const filters: Filter[] = [
      { from: '2026-01-01' },
      { to: '2025-12-31' },
      { from: '2026-01-01', to: '2026-01-31' },
      { from: '2026-02-01', to: '2026-02-01' },
      { customer: 0 },
      { customer: 3 },
      { category: 'quality' },
      { severity: 'critical' },
      { from: '2025-11-01', to: '2026-02-28', category: 'delivery', severity: 'major' },
      { customer: 2, severity: 'minor' },
      { from: '2030-01-01' },
    ];
    for (const filter of filters) {
      const res = await statistics(queryOf(filter));
      expect(res.status).toBe(200);
      const expected = expectedStatistics(filter, Date.parse(res.body.data.asOf), 'Asia/Shanghai', customers, products);
      expect({ filter, data: res.body.data }).toEqual({ filter, data: expected });
    }
    // The day edges in Shanghai: 15:59:59.999 UTC is still 2025-12-31, 16:00:00.000 already 2026-01-01.
    const onDay = (day: string) =>
      crafted.filter((c) => c.receivedAt !== null && c.state !== 'withdrawn' && wallClock('Asia/Shanghai', c.receivedAt).date === day);
    expect(onDay('2025-12-31').map((c) => c.number)).toContain('TS-E01');
    expect(onDay('2026-01-01').map((c) => c.number)).toContain('TS-E02');
    expect((await statistics('?from=2025-12-31&to=2025-12-31')).body.data.total).toBe(onDay('2025-12-31').length);
    expect((await statistics('?from=2026-01-01&to=2026-01-01')).body.data.total).toBe(onDay('2026-01-01').length);
    const empty = (await statistics('?from=2030-01-01')).body.data;
    expect([empty.timeToReply, empty.satisfaction.average, empty.judgement.rate, empty.byMonth]).toEqual([
      { count: 0, averageHours: null, p90Hours: null },
      null,
      null,
      [],
    ]);
  });

  it("answers the sales dashboard with its filters: the customer's region and salesperson, the product's category", async () => {
    const whole = { from: '2025-01-01', to: '2026-12-31' };
    const filters: Filter[] = [
      whole,
      { ...whole, region: '华东' },
      { ...whole, salesperson: 1 },
      { ...whole, productCategory: '阀门' },
      { from: '2025-10-01', to: '2025-10-31', region: '华南', salesperson: 0, productCategory: '离心泵' },
      { ...whole, customer: 4, productCategory: '离心泵' },
    ];
    for (const filter of filters) {
      const params = new URLSearchParams({ from: filter.from!, to: filter.to! });
      if (filter.region !== undefined) params.set('region', filter.region);
      if (filter.salesperson !== undefined) params.set('salesperson', String(salespeople[filter.salesperson].id));
      if (filter.productCategory !== undefined) params.set('category', filter.productCategory);
      if (filter.customer !== undefined) params.set('customer', customers[filter.customer].documentId);
      const res = await rest(app.strapi, manager).get(`/api/sales-dashboard/complaints?${params}`);
      expect(res.status).toBe(200);
      const expected = expectedStatistics(filter, Date.parse(res.body.asOf), 'Asia/Shanghai', customers, products);
      expect(expected.total).toBeGreaterThan(0);
      expect({ filter, data: res.body }).toEqual({ filter, data: expected });
    }
  });

  it('refuses unknown and malformed parameters with a 400 naming each', async () => {
    expectValidationError(await statistics('?state=closed'), 'state');
    expectValidationError(await statistics('?from=2026-02-30'), 'from');
    expectValidationError(await statistics('?to=2026-13-01'), 'to');
    expectValidationError(await statistics('?from=2026-03-01&to=2026-02-01'), 'to');
    expectValidationError(await statistics('?category=colour'), 'category');
    expectValidationError(await statistics('?severity=fatal'), 'severity');
    expectValidationError(await statistics('?customer=nosuchcustomer0000000000'), 'customer');
    expectValidationError(await statistics('?customer[$ne]=x'), 'customer');
    expectValidationError(await statistics('?category=quality&category=delivery'), 'category');
    expectValidationError(await statistics('?format=pdf'), 'format');
    const both = await statistics('?from=yesterday&colour=red');
    expectValidationError(both, 'from');
    expect(both.body.error.details.errors.map((e: { path: string[] }) => e.path[0]).sort()).toEqual(['colour', 'from']);
  });

  it('writes the XLSX summary with one sheet per table, numbers as numbers', async () => {
    const json = (await statistics('?from=2025-11-01')).body.data;
    const res = await statistics('?format=xlsx&from=2025-11-01').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="complaint-summary-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    expect(workbook.title).toBe('投诉汇总统计 Complaint summary');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '概览 Summary',
      '时效 Timeliness',
      '按月 By month',
      '按类别 By category',
      '按严重度 By severity',
      '按产品 By product',
      '按客户 By customer',
    ]);
    const rows = (name: string) => {
      // Empty cells come back as holes: read them as null, up to the header's width.
      const sheet = workbook.getWorksheet(name)!;
      const width = sheet.getRow(1).cellCount;
      const values: unknown[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) =>
        values.push(Array.from({ length: width }, (_, i) => (row.values as unknown[])[i + 1] ?? null))
      );
      return values;
    };
    const summary = new Map(rows('概览 Summary').map(([label, value]) => [label, value]));
    expect(rows('概览 Summary')[0]).toEqual(['指标 Measure', '数值 Value']);
    expect(
      [
        '投诉总数 Complaints',
        '已撤销 Withdrawn',
        '逾期 Overdue',
        '已判定 Judged',
        '成立 Justified',
        '不成立 Unjustified',
        '成立率 Justified rate',
        '满意度评价数 Ratings',
        '平均满意度 Average rating',
        '受理日期自 Received from',
      ].map((label) => summary.get(label))
    ).toEqual([
      json.total,
      json.withdrawn,
      json.overdue,
      json.judgement.judged,
      json.judgement.justified,
      json.judgement.unjustified,
      Number(json.judgement.rate),
      json.satisfaction.count,
      json.satisfaction.average,
      '2025-11-01',
    ]);
    const rateRow = workbook
      .getWorksheet('概览 Summary')!
      .getRow(rows('概览 Summary').findIndex(([label]) => label === '成立率 Justified rate') + 1);
    expect(rateRow.getCell(2).numFmt).toBe('0.00%');
    expect(rows('时效 Timeliness')).toEqual([
      ['指标 Measure', '件数 Count', '平均小时 Average hours', '90%分位小时 P90 hours'],
      ['回复用时 Time to reply', json.timeToReply.count, json.timeToReply.averageHours, json.timeToReply.p90Hours],
      ['结案用时 Time to close', json.timeToClose.count, json.timeToClose.averageHours, json.timeToClose.p90Hours],
    ]);
    expect(rows('按月 By month')).toEqual([
      ['月份 Month', '投诉数 Complaints', '成立 Justified', '不成立 Unjustified'],
      ...json.byMonth.map((row: { month: string; count: number; justified: number; unjustified: number }) => [
        row.month,
        row.count,
        row.justified,
        row.unjustified,
      ]),
    ]);
    const labelled = (sheet: string, key: 'category' | 'severity') =>
      rows(sheet)
        .slice(1)
        .map(([code, label, count, justified, unjustified]) => ({ [key]: code, label: typeof label, count, justified, unjustified }));
    expect(labelled('按类别 By category', 'category')).toEqual(json.byCategory.map((row: object) => ({ ...row, label: 'string' })));
    expect(labelled('按严重度 By severity', 'severity')).toEqual(json.bySeverity.map((row: object) => ({ ...row, label: 'string' })));
    expect(
      rows('按严重度 By severity')
        .slice(1)
        .map((row) => row[1])
    ).toEqual(
      json.bySeverity.map(
        (row: { severity: string }) => ({ minor: '轻微 Minor', major: '严重 Major', critical: '致命 Critical' })[row.severity]
      )
    );
    expect(rows('按产品 By product')).toEqual([
      ['排名 Rank', '物料号 SKU', '产品名称 Product', '投诉数 Complaints'],
      ...json.byProduct.top.map((row: { sku: string; name: string; count: number }, index: number) => [
        index + 1,
        row.sku,
        row.name,
        row.count,
      ]),
      [null, '其他 Others', null, json.byProduct.others],
      [null, '未指定产品 No product', null, json.byProduct.none],
    ]);
    expect(rows('按客户 By customer')).toEqual([
      ['排名 Rank', '客户编号 Code', '客户名称 Customer', '投诉数 Complaints'],
      ...json.byCustomer.top.map((row: { code: string; name: string; count: number }, index: number) => [
        index + 1,
        row.code,
        row.name,
        row.count,
      ]),
      [null, '其他 Others', null, json.byCustomer.others],
      [null, '未指定客户 No customer', null, json.byCustomer.none],
    ]);
  });

  it('is for staff only: 401 without credentials, 403 for a user without a staff role', async () => {
    const anonymous = await request(app.strapi.server.httpServer).get('/api/complaints/statistics');
    expect({ status: anonymous.status, name: anonymous.body?.error?.name }).toEqual({ status: 401, name: 'UnauthorizedError' });
    const outsider = await createStaffUser(app.strapi, 'authenticated');
    const refused = await statistics('', outsider);
    expect({ status: refused.status, data: refused.body?.data ?? null, name: refused.body?.error?.name }).toEqual({
      status: 403,
      data: null,
      name: 'ForbiddenError',
    });
  });
});
