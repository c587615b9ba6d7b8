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
  it('loads a scale of demo data into the configured database, with a progress report, and continues the series', async () => {
    const db = await createTestDatabase();
    try {
      const env = { ...process.env, ...db.env, DEMO_PASSWORD: 'Seed-Passw0rd' };
      const seed = () => {
        const run = spawnSync(process.execPath, [path.join(APP_DIR, 'scripts', 'seed.js'), '--scale', '1'], {
          env,
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
      seed(); // a second run adds as much again, numbers continuing
      const { Client } = await import('pg');
      const count = async (sql: string) => {
        if (db.client === 'postgres') {
          const client = new Client({ connectionString: db.env.DATABASE_URL });
          await client.connect();
          try {
            return Number((await client.query(sql)).rows[0].n);
          } finally {
            await client.end();
          }
        }
        const Database = (await import('better-sqlite3')).default;
        const sqlite = new Database(db.env.DATABASE_FILENAME, { readonly: true });
        try {
          return Number((sqlite.prepare(sql).get() as { n: number }).n);
        } finally {
          sqlite.close();
        }
      };
      expect(await count('SELECT COUNT(*) AS n FROM orders')).toBe(2000);
      expect(await count('SELECT COUNT(DISTINCT number) AS n FROM orders')).toBe(2000);
      expect(await count('SELECT COUNT(DISTINCT code) AS n FROM customers')).toBe(120);
      expect(await count('SELECT COUNT(*) AS n FROM products')).toBe(200);
    } finally {
      await db.drop();
    }
  });
});
