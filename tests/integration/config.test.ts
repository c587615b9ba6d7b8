/**
 * Setup a newcomer and an operator rely on: development secrets are generated into an ignored .env
 * (and never overwritten), and a production start without a secret stops, naming it.
 */
import { execFileSync, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createStrapi } from '@strapi/strapi';
import { APP_DIR, createTestDatabase } from '../helpers/strapi';

const SECRETS = ['APP_KEYS', 'ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY', 'JWT_SECRET'];

describe('development secrets (scripts/prepare-env.js)', () => {
  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-env-'));
  fs.mkdirSync(path.join(sandbox, 'scripts'));
  fs.copyFileSync(path.join(APP_DIR, 'scripts', 'prepare-env.js'), path.join(sandbox, 'scripts', 'prepare-env.js'));
  const envFile = path.join(sandbox, '.env');
  const run = (env: Record<string, string> = {}) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => ![...SECRETS, 'DEMO_PASSWORD'].includes(key)));
    execFileSync(process.execPath, [path.join(sandbox, 'scripts', 'prepare-env.js')], {
      env: { ...clean, NODE_ENV: 'development', ...env },
    });
  };
  const read = () =>
    Object.fromEntries(
      fs
        .readFileSync(envFile, 'utf8')
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
    );
  afterAll(() => fs.rmSync(sandbox, { recursive: true, force: true }));

  it('generates every secret and the demo password on first run', () => {
    run();
    const env = read();
    for (const key of [...SECRETS, 'DEMO_PASSWORD']) expect([key, (env[key] ?? '').length > 15]).toEqual([key, true]);
    expect(env.APP_KEYS.split(',')).toHaveLength(4);
    expect(env.DEMO_PASSWORD).toMatch(/[a-z]/);
    expect(env.DEMO_PASSWORD).toMatch(/[A-Z]/);
    expect(env.DEMO_PASSWORD).toMatch(/\d/);
    expect(fs.statSync(envFile).mode & 0o077).toBe(0); // readable by the owner only
  });

  it('keeps existing values and only adds what is missing', () => {
    const before = read();
    fs.writeFileSync(envFile, fs.readFileSync(envFile, 'utf8').replace(/^JWT_SECRET=.*\n/m, '') + 'PORT=4000');
    run();
    const after = read();
    expect(after.ADMIN_JWT_SECRET).toBe(before.ADMIN_JWT_SECRET);
    expect(after.PORT).toBe('4000');
    expect(after.JWT_SECRET).not.toBe(before.JWT_SECRET);
    expect(after.JWT_SECRET.length).toBeGreaterThan(15);
  });

  it('does nothing in production', () => {
    fs.rmSync(envFile);
    run({ NODE_ENV: 'production' });
    expect(fs.existsSync(envFile)).toBe(false);
  });
});

describe('production start', () => {
  it('stops when a secret is missing and names it', async () => {
    const db = await createTestDatabase();
    const saved = { ...process.env };
    Object.assign(process.env, db.env, { NODE_ENV: 'production' });
    delete process.env.ADMIN_JWT_SECRET;
    try {
      const start = async () =>
        createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist'), autoReload: false, serveAdminPanel: false }).load();
      await expect(start()).rejects.toThrow(/Missing secret ADMIN_JWT_SECRET/);
    } finally {
      process.env = saved;
      await db.drop();
    }
  });
});

describe('npm run seed', () => {
  it('loads a scale of demo data into the configured database, with a progress report, continues the series, resuming after the last finished round', async () => {
    const db = await createTestDatabase();
    try {
      const env = { ...process.env, ...db.env, DEMO_PASSWORD: 'Seed-Passw0rd' };
      const seed = (args = ['--scale', '1'], extraEnv: Record<string, string> = {}) => {
        const run = spawnSync(process.execPath, [path.join(APP_DIR, 'scripts', 'seed.js'), ...args], {
          env: { ...env, ...extraEnv },
          cwd: APP_DIR,
          encoding: 'utf8',
        });
        // On failure, the end of what the seed wrote says why (a CI run once failed here with nothing to go on).
        expect({ status: run.status, tail: run.status === 0 ? '' : `${run.stdout}\n${run.stderr}`.slice(-3000) }).toEqual({
          status: 0,
          tail: '',
        });
        return run.stdout + run.stderr; // the progress bars write to stderr
      };
      const first = seed();
      expect(first).toMatch(/orders\s+\|.*\| 1000\/1000/);
      expect(first).toMatch(/Done in/);
      const { Client } = await import('pg');
      const count = async (sql: string) => {
        if (db.client === 'postgres') {
          const client = new Client({ connectionString: db.env.DATABASE_URL });
          await client.connect();
          try {
            const result = await client.query(sql);
            return sql.startsWith('SELECT') ? Number(result.rows[0].n) : (result.rowCount ?? 0);
          } finally {
            await client.end();
          }
        }
        const Database = (await import('better-sqlite3')).default;
        const sqlite = new Database(db.env.DATABASE_FILENAME, { readonly: sql.startsWith('SELECT') });
        try {
          return sql.startsWith('SELECT') ? Number((sqlite.prepare(sql).get() as { n: number }).n) : sqlite.prepare(sql).run().changes;
        } finally {
          sqlite.close();
        }
      };
      const volumes = async () => ({
        orders: await count('SELECT COUNT(*) AS n FROM orders'),
        numbers: await count('SELECT COUNT(DISTINCT number) AS n FROM orders'),
        customers: await count('SELECT COUNT(DISTINCT code) AS n FROM customers'),
        products: await count('SELECT COUNT(*) AS n FROM products'),
        // Every shipped order invoiced once, however many runs and rounds invoiced what was new.
        uninvoiced: await count(
          "SELECT COUNT(*) AS n FROM orders o WHERE o.state IN ('partially_shipped', 'shipped', 'closed') AND o.total > 0 AND NOT EXISTS (SELECT 1 FROM receivables_order_lnk r WHERE r.order_id = o.id)"
        ),
        // An order's receivables add up to its total: one invoiced twice would owe double.
        billedOtherThanTotal: await count(
          'SELECT COUNT(*) AS n FROM (SELECT r.order_id, SUM(x.amount) AS billed FROM receivables_order_lnk r JOIN receivables x ON x.id = r.receivable_id GROUP BY r.order_id) t JOIN orders o ON o.id = t.order_id WHERE ROUND(t.billed * 100) <> ROUND(o.total * 100)'
        ),
      });
      // A second run adds as much again, numbers continuing. It is a scale of two rounds of one
      // unit resumed after its first round (as if that had finished before an interruption): it
      // loads the second round only, ordering the products stored and invoicing only its own
      // shipped orders.
      expect(await count("INSERT INTO seed_rounds (scale, round, finished_at) VALUES (2, 0, '2026-12-07T00:00:00Z')")).toBe(1);
      const resumed = seed(['--scale', '2', '--resume'], { SEED_ROUND_UNITS: '1' });
      expect(resumed).toMatch(/in 2 round\(s\), 1 finished before \(--resume\)/);
      expect(resumed).toMatch(/Round 2\/2 finished/);
      expect(resumed).not.toMatch(/Round 1\/2 finished/);
      expect(await volumes()).toEqual({
        orders: 2000,
        numbers: 2000,
        customers: 120,
        products: 100,
        uninvoiced: 0,
        billedOtherThanTotal: 0,
      });
    } finally {
      await db.drop();
    }
    // Two runs of the seed script, each compiling and booting the app.
  }, 300_000);
});
