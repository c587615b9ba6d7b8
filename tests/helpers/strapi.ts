/**
 * Boots a real Strapi for one test file on a fresh database: a temporary SQLite file, or with
 * DATABASE_CLIENT=postgres a PostgreSQL database created here and dropped afterwards. The base
 * PostgreSQL connection comes from DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';
import { createStrapi } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';

export const APP_DIR = path.resolve(__dirname, '..', '..');
const DIST_DIR = path.join(APP_DIR, 'dist');

export interface TestDatabase {
  client: 'sqlite' | 'postgres';
  env: Record<string, string>;
  drop(): Promise<void>;
}

const basePostgresUrl = () => process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const onPostgres = async (sql: string) => {
  const client = new Client({ connectionString: basePostgresUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

export const createTestDatabase = async (): Promise<TestDatabase> => {
  const suffix = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (process.env.DATABASE_CLIENT === 'postgres') {
    const name = `cs_test_${suffix}`;
    await onPostgres(`CREATE DATABASE ${name}`);
    const url = new URL(basePostgresUrl());
    url.pathname = `/${name}`;
    return {
      client: 'postgres',
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
      drop: () => onPostgres(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const file = path.join(os.tmpdir(), `cs-test-${suffix}.db`);
  return {
    client: 'sqlite',
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
    drop: async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
    },
  };
};

export const bootStrapi = async (db: TestDatabase): Promise<Core.Strapi> => {
  Object.assign(process.env, db.env);
  const app = await createStrapi({ appDir: APP_DIR, distDir: DIST_DIR, autoReload: false, serveAdminPanel: false }).load();
  app.server.mount();
  return app;
};

/**
 * Stops a Strapi once the work it still has in flight is done. Strapi emits its document events
 * after each commit without anyone awaiting them; destroying the instance (or dropping its
 * database) under them leaves a query that fails after the test run and crashes the process.
 * So wait until the connection pool has been idle twice in a row (at most 10 s), then destroy.
 */
export const stopStrapi = async (app: Core.Strapi): Promise<void> => {
  const pool = (app.db.connection.client as { pool?: { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number } }).pool;
  const busy = () => Boolean(pool && pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0);
  let idleChecks = 0;
  for (const deadline = Date.now() + 10_000; idleChecks < 2 && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    idleChecks = busy() ? 0 : idleChecks + 1;
  }
  await app.destroy();
};

/**
 * Registers beforeAll/afterAll for a test file: one Strapi on one fresh database, shared by the
 * file's tests. The returned object is filled in by beforeAll.
 */
export const useStrapi = (): { strapi: Core.Strapi; db: TestDatabase } => {
  const handle = {} as { strapi: Core.Strapi; db: TestDatabase };
  beforeAll(async () => {
    handle.db = await createTestDatabase();
    handle.strapi = await bootStrapi(handle.db);
  });
  afterAll(async () => {
    if (handle.strapi) await stopStrapi(handle.strapi);
    await handle.db?.drop();
  });
  return handle;
};
