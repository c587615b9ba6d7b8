/**
 * The app's schema versions (database/versions, src/platform/schema-versions.ts): a new database
 * records them all; a database the old ensure… functions made (no schema_versions) and a database
 * at the previous version come up on the newest without losing a row; a start on an up-to-date
 * database applies nothing; two instances starting at once both come up and apply a version once;
 * a version that fails leaves nothing behind.
 */
import { VERSIONS } from '../../database/versions';
import type { SchemaVersion } from '../../database/versions';
import { WORK_LIST_TABLES, workListIndex } from '../../database/versions/0010-work-list-indexes';
import { READ_INDEXES } from '../../database/versions/0011-read-indexes';
import { COVERING_INDEXES } from '../../database/versions/0012-covering-indexes';
import { applySchemaVersions, SCHEMA_VERSIONS_TABLE } from '../../src/platform/schema-versions';
import { analyseNewTables } from '../../src/platform/table-statistics';
import { startSecondInstance } from '../helpers/second-instance';
import { bootStrapi, stopStrapi, useStrapi } from '../helpers/strapi';

/** A row in each of the app's tables, with the table's key: what must survive every upgrade. */
const OWN_ROWS: Record<string, Record<string, unknown>> = {
  number_sequences: { series: 'TEST-2026', value: 41 },
  job_leases: { job: 'probe-job', leased_until: 123 },
  dunning_log: { key: 'probe:1:2026-W01', sent_at: 456 },
  // Roll-up rows no base table backs: a rebuild would delete them, so their survival also shows none ran.
  sales_facts: {
    line_id: 990001,
    order_id: 990001,
    order_date: '2026-01-15',
    customer_id: 1,
    salesperson_id: 1,
    region: '华东',
    product_id: 1,
    specification: 'DN50',
    quantity: 3,
    amount_cents: 384000,
    currency: 'CNY',
    category: 'pumps',
  },
  sales_monthly: {
    month: '2026-01',
    region: '华东',
    salesperson_id: 1,
    category: '*',
    currency: 'CNY',
    amount_cents: 384000,
    quantity: 3,
    orders: 1,
  },
  sales_monthly_by: {
    dimension: 'customer',
    month: '2026-01',
    group_key: '1',
    currency: 'CNY',
    amount_cents: 384000,
    quantity: 3,
    lines: 1,
  },
  sales_daily: { day: '2026-01-15', region: '华东', category: '*', currency: 'CNY', amount_cents: 384000, quantity: 3, orders: 1 },
  receivable_facts: {
    receivable_id: 990001,
    customer_id: 1,
    region: '华东',
    salesperson_id: 1,
    currency: 'CNY',
    invoice_date: '2026-01-15',
    due_date: '2026-02-14',
    amount_cents: 384000,
    open_cents: 84000,
  },
  collection_facts: {
    allocation_id: 990001,
    receivable_id: 990001,
    customer_id: 1,
    region: '华东',
    salesperson_id: 1,
    currency: 'CNY',
    allocated_on: '2026-01-20',
    amount_cents: 300000,
  },
  collection_monthly: {
    month: '2026-01',
    region: '华东',
    salesperson_id: 1,
    currency: 'CNY',
    billed_cents: 384000,
    collected_cents: 300000,
    facts: 2,
  },
};

describe('schema versions', () => {
  const app = useStrapi();
  const knex = () => app.strapi.db.connection;
  const postgres = () => app.strapi.db.dialect.client === 'postgres';
  const restart = async () => {
    await stopStrapi(app.strapi);
    app.strapi = await bootStrapi(app.db);
  };
  const recorded = () => knex()(SCHEMA_VERSIONS_TABLE).select('*').orderBy('version');
  const tableRows = async () =>
    Object.fromEntries(
      await Promise.all(Object.keys(OWN_ROWS).map(async (table) => [table, (await knex()(table).count({ n: '*' }))[0].n] as const))
    );
  const ownRowsKept = async () => {
    for (const [table, row] of Object.entries(OWN_ROWS)) {
      const [key, value] = Object.entries(row)[0];
      expect([
        table,
        await knex()(table)
          .where(key, value as never)
          .first(key),
      ]).toEqual([table, { [key]: value }]);
    }
  };
  const indexExists = async (name: string) =>
    postgres()
      ? (await knex().raw('SELECT 1 FROM pg_indexes WHERE indexname = ?', [name])).rows.length === 1
      : (await knex().raw("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", [name])).length === 1;
  let customers = 0;

  beforeAll(async () => {
    for (const [table, row] of Object.entries(OWN_ROWS)) await knex()(table).insert(row);
    await app.strapi.db.query('api::customer.customer').create({ data: { name: '客户 schema-versions', region: '华东' } });
    customers = await app.strapi.db.query('api::customer.customer').count();
  });

  it('records every version on a new database, in order', async () => {
    const rows = await recorded();
    expect(rows.map((row) => [Number(row.version), row.name])).toEqual(VERSIONS.map((v) => [v.version, v.name]));
    for (const row of rows) expect(row.applied_at).toBeTruthy();
  });

  it('takes over a database the ensure… functions made: records every version, keeps every row, rebuilds nothing', async () => {
    const before = await tableRows();
    await knex().schema.dropTable(SCHEMA_VERSIONS_TABLE);
    await restart();
    expect((await recorded()).map((row) => Number(row.version))).toEqual(VERSIONS.map((v) => v.version));
    expect(await tableRows()).toEqual(before);
    await ownRowsKept();
    expect(await app.strapi.db.query('api::customer.customer').count()).toBe(customers);
  });

  it('brings a database at the previous version up to the newest without loss', async () => {
    // The previous version: the newest version's indexes and row are not there yet.
    const newest = VERSIONS[VERSIONS.length - 1];
    expect(newest.name).toBe('covering-indexes'); // a new version: make this test drop its objects instead
    for (const index of Object.keys(COVERING_INDEXES)) await knex().raw(`DROP INDEX ${index}`);
    // The index it replaces, as the previous version left it.
    await knex().raw('CREATE INDEX receivable_facts_open_index ON receivable_facts (currency, due_date) WHERE open_cents > 0');
    expect(await indexExists('receivable_facts_open_items_index')).toBe(false);
    await knex()(SCHEMA_VERSIONS_TABLE).where({ version: newest.version }).delete();
    const earlier = await recorded();
    const before = await tableRows();

    await restart();

    const rows = await recorded();
    expect(rows.slice(0, -1)).toEqual(earlier);
    expect([Number(rows[rows.length - 1].version), rows[rows.length - 1].name]).toEqual([newest.version, newest.name]);
    for (const index of Object.keys(COVERING_INDEXES)) expect([index, await indexExists(index)]).toEqual([index, true]);
    expect(await indexExists('receivable_facts_open_index')).toBe(false);
    // The earlier versions' objects stay: the read indexes, the work-list indexes, the late-order mail log, the customers' trigram index where pg_trgm can be created (PostgreSQL here).
    for (const index of Object.keys(READ_INDEXES)) expect([index, await indexExists(index)]).toEqual([index, true]);
    for (const table of WORK_LIST_TABLES) expect([table, await indexExists(workListIndex(table))]).toEqual([table, true]);
    expect(await knex().schema.hasTable('late_order_mail_log')).toBe(true);
    expect(await indexExists('customers_search_text_trgm')).toBe(postgres());
    expect(await tableRows()).toEqual(before);
    await ownRowsKept();
    expect(await app.strapi.db.query('api::customer.customer').count()).toBe(customers);
  });

  it('applies nothing on an up-to-date database', async () => {
    const before = await recorded();
    const run = await applySchemaVersions(app.strapi);
    expect(run.applied).toEqual([]);
    expect([...run.rebuild]).toEqual([]);
    expect(await recorded()).toEqual(before);
  });

  it('starts two instances at once on a database without versions: both come up, each version recorded once, no row lost', async () => {
    const before = await tableRows();
    await knex().schema.dropTable(SCHEMA_VERSIONS_TABLE);
    await stopStrapi(app.strapi);
    const [second, first] = await Promise.all([startSecondInstance(), bootStrapi(app.db)]);
    app.strapi = first;
    try {
      expect((await recorded()).map((row) => Number(row.version))).toEqual(VERSIONS.map((v) => v.version));
      expect(await tableRows()).toEqual(before);
      await ownRowsKept();
    } finally {
      await second.stop();
    }
  });

  it('applies a version once when two runs race', async () => {
    let calls = 0;
    const probe: SchemaVersion = {
      version: 9001,
      name: 'probe',
      async up({ knex: trx }) {
        calls += 1;
        await trx.schema.createTable('schema_probe', (table) => table.integer('id').primary());
        await new Promise((resolve) => setTimeout(resolve, 300));
      },
    };
    try {
      const runs = await Promise.all([
        applySchemaVersions(app.strapi, [...VERSIONS, probe]),
        applySchemaVersions(app.strapi, [...VERSIONS, probe]),
      ]);
      expect(runs.map((run) => run.applied).sort()).toEqual([[], [9001]]);
      expect(calls).toBe(1);
      expect(Number((await knex()(SCHEMA_VERSIONS_TABLE).where({ version: 9001 }).count({ n: '*' }))[0].n)).toBe(1);
      expect(await knex().schema.hasTable('schema_probe')).toBe(true);
    } finally {
      await knex()(SCHEMA_VERSIONS_TABLE).where({ version: 9001 }).delete();
      await knex().schema.dropTableIfExists('schema_probe');
    }
  });

  it('rolls a failing version back whole: no table, no row, retried next time', async () => {
    const failing: SchemaVersion = {
      version: 9002,
      name: 'failing',
      async up({ knex: trx }) {
        await trx.schema.createTable('schema_probe_failed', (table) => table.integer('id').primary());
        throw new Error('the version fails half-way');
      },
    };
    await expect(applySchemaVersions(app.strapi, [...VERSIONS, failing])).rejects.toThrow('the version fails half-way');
    expect(await knex().schema.hasTable('schema_probe_failed')).toBe(false);
    expect(await knex()(SCHEMA_VERSIONS_TABLE).where({ version: 9002 }).first('version')).toBeUndefined();
  });

  it("analyses at start the tables PostgreSQL has no statistics of yet (a new record type's), so their first queries are planned from facts", async () => {
    await knex().schema.dropTableIfExists('schema_probe_unanalysed');
    await knex().schema.createTable('schema_probe_unanalysed', (table) => table.increments('id'));
    const analysed = await analyseNewTables(app.strapi);
    if (postgres()) {
      expect(analysed).toContain('schema_probe_unanalysed');
      const { rows } = await knex().raw(`SELECT reltuples FROM pg_class WHERE relname = 'schema_probe_unanalysed'`);
      expect(Number(rows[0].reltuples)).toBe(0);
      expect(await analyseNewTables(app.strapi)).not.toContain('schema_probe_unanalysed');
    } else {
      expect(analysed).toEqual([]); // SQLite keeps no such statistics
    }
    await knex().schema.dropTable('schema_probe_unanalysed');
  });
});
