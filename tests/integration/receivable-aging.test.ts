/**
 * Receivable aging in SQL equals an independent computation over crafted receivables and
 * allocations: bucket edges (due today, 1, 30, 31, 180, 181 days past due), an `asOf` in the past
 * (allocations made later, allocations reversed since, receivables voided since, not yet invoiced),
 * today's figure read from the stored open amounts (the receivables roll-up, which follows a
 * customer moved to another region and salesperson), and grouping by customer, salesperson and region.
 */
import Decimal from 'decimal.js';
import { useStrapi, appModule } from '../helpers/strapi';
import { createStaffUser, StaffMember } from '../helpers/staff';
import { createCustomer, Doc } from '../helpers/fixtures';
import { expectReceivableRollupExact } from '../helpers/rollups';
import { addDays, dateIn } from '../../src/domain/business-date';
import { agingBuckets, bucketOf, daysPastDue, DEFAULT_AGING_BOUNDS } from '../../src/domain/aging';
import { ALLOCATION, RECEIVABLE } from '../../src/platform/uids';

// The app's own copies, so that the trusted-write context is the one its lifecycles read.
const { asTrustedWrite } = appModule('src', 'platform', 'trusted-write.js');
const { receivableAging, openItemsQuery } = appModule('src', 'cash-collection', 'receivable-aging.js');
const { buildAgingSnapshot, dropAgingSnapshots } = appModule('src', 'cash-collection', 'aging-snapshots.js');

interface Crafted {
  id?: number;
  customer: Doc;
  amount: string;
  invoiceDate: string;
  dueDate: string;
  voidedOn: string | null;
  allocations: { amount: string; allocatedOn: string; reversedOn: string | null }[];
}

const buckets = agingBuckets(DEFAULT_AGING_BOUNDS);

/** The same figures computed here from the crafted rows, without SQL. */
const expected = (items: Crafted[], asOf: string, groupOf: (item: Crafted) => string) => {
  const groups = new Map<string, Map<string, Decimal>>();
  for (const item of items) {
    if (item.invoiceDate > asOf || (item.voidedOn !== null && item.voidedOn <= asOf)) continue;
    const paid = item.allocations
      .filter((a) => a.allocatedOn <= asOf && (a.reversedOn === null || a.reversedOn > asOf))
      .reduce((sum, a) => sum.plus(a.amount), new Decimal(0));
    const open = new Decimal(item.amount).minus(paid);
    if (open.lte(0)) continue;
    const bucket = bucketOf(daysPastDue(item.dueDate, asOf), buckets).key;
    const amounts = groups.get(groupOf(item)) ?? new Map<string, Decimal>();
    amounts.set(bucket, (amounts.get(bucket) ?? new Decimal(0)).plus(open));
    groups.set(groupOf(item), amounts);
  }
  return Object.fromEntries(
    [...groups.entries()].map(([key, amounts]) => [
      key,
      Object.fromEntries(buckets.map((b) => [b.key, (amounts.get(b.key) ?? new Decimal(0)).toFixed(2)])),
    ])
  );
};

const actual = (aging: { rows: { key: string; amounts: Record<string, string> }[] }) =>
  Object.fromEntries(aging.rows.map((row) => [row.key, row.amounts]));

describe('receivable aging', () => {
  const app = useStrapi();
  const today = dateIn('Asia/Shanghai');
  const items: Crafted[] = [];
  let customers: Doc[];
  let salespeople: StaffMember[];

  beforeAll(async () => {
    const supervisor = await createStaffUser(app.strapi, 'cs-supervisor');
    salespeople = [await createStaffUser(app.strapi, 'salesperson'), await createStaffUser(app.strapi, 'salesperson')];
    customers = [
      await createCustomer(app.strapi, supervisor, { region: '华东', salesperson: salespeople[0].id }),
      await createCustomer(app.strapi, supervisor, { region: '华南', salesperson: salespeople[1].id }),
      await createCustomer(app.strapi, supervisor, { region: '华东', salesperson: salespeople[1].id }),
    ];
    const day = (offset: number) => addDays(today, offset);
    // Edges around today: due today, 1, 30, 31, 60, 61, 90, 91, 180, 181 days ago, and not yet due.
    [0, 1, 30, 31, 60, 61, 90, 91, 180, 181, -5].forEach((ago, index) =>
      items.push({
        customer: customers[index % 3],
        amount: `${1000 + index}.25`,
        invoiceDate: day(-ago - 30),
        dueDate: day(-ago),
        voidedOn: null,
        allocations: [],
      })
    );
    // Paid in part, in full, reversed later, allocated later than a past asOf, voided, invoiced after a past asOf.
    items.push({
      customer: customers[0],
      amount: '500.00',
      invoiceDate: day(-100),
      dueDate: day(-70),
      voidedOn: null,
      allocations: [{ amount: '120.10', allocatedOn: day(-65), reversedOn: null }],
    });
    items.push({
      customer: customers[1],
      amount: '800.00',
      invoiceDate: day(-100),
      dueDate: day(-70),
      voidedOn: null,
      allocations: [{ amount: '800.00', allocatedOn: day(-20), reversedOn: null }],
    });
    items.push({
      customer: customers[2],
      amount: '300.00',
      invoiceDate: day(-90),
      dueDate: day(-60),
      voidedOn: null,
      allocations: [{ amount: '300.00', allocatedOn: day(-50), reversedOn: day(-10) }],
    });
    items.push({ customer: customers[0], amount: '250.00', invoiceDate: day(-90), dueDate: day(-60), voidedOn: day(-15), allocations: [] });
    items.push({
      customer: customers[1],
      amount: '90.00',
      invoiceDate: day(-3),
      dueDate: day(27),
      voidedOn: null,
      allocations: [{ amount: '40.00', allocatedOn: day(-1), reversedOn: null }],
    });

    await asTrustedWrite(async () => {
      for (const item of items) {
        const paidToday = item.allocations.filter((a) => a.reversedOn === null).reduce((sum, a) => sum.plus(a.amount), new Decimal(0));
        const open = item.voidedOn ? new Decimal(0) : new Decimal(item.amount).minus(paidToday);
        const receivable = await app.strapi.db.query(RECEIVABLE).create({
          data: {
            customer: item.customer.id,
            amount: item.amount,
            openAmount: open.toFixed(2),
            currency: 'CNY',
            invoiceDate: item.invoiceDate,
            dueDate: item.dueDate,
            state: item.voidedOn ? 'void' : open.isZero() ? 'paid' : 'open',
            voidedOn: item.voidedOn,
          },
        });
        item.id = receivable.id;
        for (const allocation of item.allocations)
          await app.strapi.db.query(ALLOCATION).create({ data: { ...allocation, receivable: receivable.id } });
      }
    });
  });

  it('buckets today what is open, by customer, equal to the independent computation', async () => {
    const aging = await receivableAging(app.strapi, { asOf: today, groupBy: 'customer' });
    expect(aging.buckets.map((b: { key: string }) => b.key)).toEqual(['not_due', 'd1_30', 'd31_60', 'd61_90', 'd91_180', 'd180_plus']);
    expect(actual(aging)).toEqual(expected(items, today, (item) => item.customer.documentId));
    // Bucket edges: due today is not due; 30 days past due is 1–30, 31 is 31–60; 180 is 91–180, 181 is 180+.
    const all = await receivableAging(app.strapi, { asOf: today, groupBy: 'bucket' });
    expect(all.rows[0].amounts).toEqual(expected(items, today, () => 'all').all);
    expect(all.totals.total).toBe(
      Object.values(expected(items, today, () => 'all').all)
        .reduce((s, v) => s.plus(v), new Decimal(0))
        .toFixed(2)
    );
  });

  it.each([-1, -15, -20, -30, -61, -75, -200])(
    'equals the independent computation as of %i days ago, by region and salesperson',
    async (offset) => {
      const asOf = addDays(today, offset);
      const region = await receivableAging(app.strapi, { asOf, groupBy: 'region' });
      expect(region.rows.length).toBeGreaterThan(0);
      expect(actual(region)).toEqual(expected(items, asOf, (item) => item.customer.region));
      const bySalesperson = await receivableAging(app.strapi, { asOf, groupBy: 'salesperson' });
      const salespersonOf = (item: Crafted) => String(salespeople[customers.indexOf(item.customer) === 0 ? 0 : 1].id);
      expect(actual(bySalesperson)).toEqual(expected(items, asOf, salespersonOf));
    }
  );

  it('filters by salesperson and region, and keeps the largest groups with top', async () => {
    const aging = await receivableAging(app.strapi, { asOf: today, groupBy: 'customer', region: '华东', salespersonId: salespeople[1].id });
    expect(aging.rows.map((row: { key: string }) => row.key)).toEqual([customers[2].documentId]);
    const top = await receivableAging(app.strapi, { asOf: today, groupBy: 'customer', top: 1 });
    expect(top.rows).toHaveLength(1);
    expect(top.totals.total).toBe((await receivableAging(app.strapi, { asOf: today, groupBy: 'bucket' })).totals.total);
  });

  /** The statements `work` sends, in order. */
  const statementsOf = async (work: () => Promise<unknown>) => {
    const statements: { sql: string }[] = [];
    const listen = (query: { sql: string }) => statements.push({ sql: query.sql });
    app.strapi.db.connection.on('query', listen);
    try {
      await work();
    } finally {
      app.strapi.db.connection.off('query', listen);
    }
    return statements;
  };

  it('cut to the top, reads the roll-up in one snapshot transaction and the base tables of a past day once', async () => {
    const receivables = new RegExp(`FROM ${app.strapi.db.metadata.get(RECEIVABLE).tableName} r\\b`);
    const facts = /FROM receivable_facts f\b/;
    // Today: three reads of the receivables roll-up, all in one transaction (on PostgreSQL a repeatable-read snapshot).
    const todays = await statementsOf(() => receivableAging(app.strapi, { asOf: today, groupBy: 'customer', top: 1 }));
    const reads = todays.flatMap((statement, at) => (facts.test(statement.sql) ? [at] : []));
    expect(reads).toHaveLength(3);
    const begin = todays.findIndex((statement) => /^BEGIN/i.test(statement.sql));
    const commit = todays.findIndex((statement) => /^COMMIT/i.test(statement.sql));
    expect(begin).toBeGreaterThanOrEqual(0);
    expect(begin).toBeLessThan(reads[0]);
    expect(commit).toBeGreaterThan(reads[2]);
    if (app.strapi.db.dialect.client === 'postgres') expect(todays[begin].sql).toMatch(/ISOLATION LEVEL repeatable read READ ONLY/i);

    // A past day without a snapshot: the open items from the base tables, found once; same figures as uncut.
    for (const offset of [-20, -75]) {
      const asOf = addDays(today, offset);
      let top: { rows: unknown[]; totals: unknown } | undefined;
      const past = await statementsOf(async () => {
        top = await receivableAging(app.strapi, { asOf, groupBy: 'customer', top: 2 });
      });
      expect(past.filter((statement) => receivables.test(statement.sql))).toHaveLength(1);
      const all = await receivableAging(app.strapi, { asOf, groupBy: 'customer' });
      expect(all.rows.length).toBeGreaterThan(2);
      expect(top!.rows).toEqual(all.rows.slice(0, 2));
      expect(top!.totals).toEqual(all.totals);
      const byBucket = await receivableAging(app.strapi, { asOf, groupBy: 'bucket' });
      expect(byBucket.totals).toEqual(all.totals);
      expect(byBucket.rows[0].amounts).toEqual(all.totals.amounts);
    }
  });

  it("moves a customer's open items with it when it moves to another region and salesperson", async () => {
    await expectReceivableRollupExact(app.strapi);
    const moved = customers[0];
    await asTrustedWrite(() =>
      app.strapi
        .documents('api::customer.customer')
        .update({ documentId: moved.documentId, data: { region: '西北', salesperson: salespeople[1].id } as never })
    );
    moved.region = '西北';
    const region = await receivableAging(app.strapi, { asOf: today, groupBy: 'region' });
    expect(actual(region)).toEqual(expected(items, today, (item) => item.customer.region as string));
    const bySalesperson = await receivableAging(app.strapi, { asOf: today, groupBy: 'salesperson' });
    expect(actual(bySalesperson)).toEqual(expected(items, today, () => String(salespeople[1].id)));
    await expectReceivableRollupExact(app.strapi);
  });
  it('serves past days from their snapshots, kept exact as back-dated payments, reversals and voids come in', async () => {
    const days = [-1, -15, -20, -30, -61, -75, -200].map((offset) => addDays(today, offset));
    for (const day of days) expect(await buildAgingSnapshot(app.strapi, day)).toBe(true);
    expect(await buildAgingSnapshot(app.strapi, days[0])).toBe(false); // built once
    await expect(buildAgingSnapshot(app.strapi, today)).rejects.toThrow(/past day/);
    const rowsOf = (result: unknown) =>
      (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
    const openItemsAt = async (asOf: string, snapshot: boolean) => {
      const items = openItemsQuery(app.strapi, { asOf, snapshot });
      const rows = rowsOf(
        await app.strapi.db.connection.raw(
          `SELECT o.receivable_id, o.customer_id, o.region, o.salesperson_id, o.open_cents, o.days_past_due FROM (${items.sql}) o ORDER BY o.receivable_id`,
          items.bindings
        )
      );
      return rows.map((row) => ({
        ...row,
        open_cents: Number(row.open_cents),
        days_past_due: Number(row.days_past_due),
        salesperson_id: Number(row.salesperson_id),
      }));
    };
    const expectEverywhere = async () => {
      for (const asOf of days) {
        // The snapshot holds what the base tables say of that day, and the aging read from it is the independent computation's.
        expect({ asOf, items: await openItemsAt(asOf, true) }).toEqual({ asOf, items: await openItemsAt(asOf, false) });
        expect(actual(await receivableAging(app.strapi, { asOf, groupBy: 'customer' }))).toEqual(
          expected(items, asOf, (item) => item.customer.documentId)
        );
        expect(actual(await receivableAging(app.strapi, { asOf, groupBy: 'region' }))).toEqual(
          expected(items, asOf, (item) => item.customer.region as string)
        );
      }
    };
    await expectEverywhere();

    const day = (offset: number) => addDays(today, offset);
    const reopen = async (item: Crafted) => {
      const paid = item.allocations.filter((a) => a.reversedOn === null).reduce((sum, a) => sum.plus(a.amount), new Decimal(0));
      const open = item.voidedOn ? new Decimal(0) : new Decimal(item.amount).minus(paid);
      await app.strapi.db.query(RECEIVABLE).update({
        where: { id: item.id },
        data: { openAmount: open.toFixed(2), state: item.voidedOn ? 'void' : open.isZero() ? 'paid' : 'open', voidedOn: item.voidedOn },
      });
    };
    await asTrustedWrite(async () => {
      // A payment recorded today, received 50 days ago: every snapshot since then changes.
      const late = items[3];
      const allocation = { amount: '400.00', allocatedOn: day(-50), reversedOn: null };
      late.allocations.push(allocation);
      await app.strapi.db.query(ALLOCATION).create({ data: { ...allocation, receivable: late.id } });
      await reopen(late);
      // A transfer allocated long ago bounces: reversed today.
      const bounced = items[11];
      for (const { id } of await app.strapi.db.query(ALLOCATION).findMany({ where: { receivable: { id: bounced.id } }, select: ['id'] })) {
        await app.strapi.db.query(ALLOCATION).update({ where: { id }, data: { reversedOn: today } });
      }
      bounced.allocations = bounced.allocations.map((a) => ({ ...a, reversedOn: today }));
      await reopen(bounced);
      // A shipment cancelled: its receivable void from today.
      const cancelled = items[5];
      cancelled.voidedOn = today;
      await reopen(cancelled);
    });
    await expectEverywhere();
    // And a fresh build of every day gives the same rows.
    const snapshotRows = async () =>
      (await app.strapi.db.connection('aging_snapshot_items').select('*').orderBy(['as_of', 'receivable_id'])).map(
        (row: Record<string, unknown>) => ({ ...row, open_cents: Number(row.open_cents), amount_cents: Number(row.amount_cents) })
      );
    const kept = await snapshotRows();
    await dropAgingSnapshots(app.strapi);
    for (const asOf of days) await buildAgingSnapshot(app.strapi, asOf);
    expect(await snapshotRows()).toEqual(kept);
  });
});
