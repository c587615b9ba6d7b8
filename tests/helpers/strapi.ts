/**
 * Boots a real Strapi for one test file on a fresh database: a temporary SQLite file, or with
 * DATABASE_CLIENT=postgres a PostgreSQL database created here and dropped afterwards. The base
 * PostgreSQL connection comes from TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres;
 * scripts/postgres-server.js, shared with the benchmarks).
 *
 * "Fresh" is a copy of the template that global-setup.ts prepares once per run: a database on which
 * the app has started once and stopped, i.e. the state every restart finds. Copying it (a file copy,
 * or CREATE DATABASE … TEMPLATE) saves each file Strapi's schema creation and first bootstrap, about
 * 4 of its 6 seconds of boot. Without a template (TEST_TEMPLATE_DATABASE unset) the database is empty.
 */
import { spawnSync } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';

export const APP_DIR = path.resolve(__dirname, '..', '..');
const DIST_DIR = path.join(APP_DIR, 'dist');

/**
 * The process's own require (tests/helpers/environment.js): Strapi and the compiled app are loaded
 * once per run instead of once per test file, which saves most of each file's boot.
 */
const nativeRequire: NodeJS.Require = (globalThis as { nativeRequire?: NodeJS.Require }).nativeRequire ?? require;
const sharedStrapi = nativeRequire('@strapi/strapi');

/**
 * A module of the compiled app, the very copy the booted Strapi runs (its trusted-write scope, its
 * jobs), e.g. `appModule('src', 'platform', 'trusted-write.js')`.
 */
export const appModule = (...segments: string[]): any => nativeRequire(path.join(DIST_DIR, ...segments));

export interface TestDatabase {
  client: 'sqlite' | 'postgres';
  env: Record<string, string>;
  drop(): Promise<void>;
}

const { databaseName, databaseUrl, onPostgres } = require('../../scripts/postgres-server') as {
  databaseName: (url: string) => string;
  databaseUrl: (name: string) => string;
  onPostgres: (sql: string) => Promise<void>;
};

/** The template global-setup.ts prepared: a SQLite file or a PostgreSQL database name. */
const TEMPLATE_VARIABLE = 'TEST_TEMPLATE_DATABASE';

export const createTestDatabase = async ({ empty = false } = {}): Promise<TestDatabase> => {
  const suffix = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const template = empty ? undefined : process.env[TEMPLATE_VARIABLE];
  if (process.env.DATABASE_CLIENT === 'postgres') {
    const name = `cs_test_${suffix}`;
    await onPostgres(template ? `CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY` : `CREATE DATABASE ${name}`);
    return {
      client: 'postgres',
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: databaseUrl(name) },
      drop: () => onPostgres(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const file = path.join(os.tmpdir(), `cs-test-${suffix}.db`);
  if (template) fs.copyFileSync(template, file);
  return {
    client: 'sqlite',
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
    drop: async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
    },
  };
};

/**
 * Prepares the template every test file's database is copied from: boots the app once on an empty
 * database in a child process (so this process keeps no Strapi of its own) and stops it. Returns a
 * function that removes the template. Called by global-setup.ts; the name reaches the test files
 * through the environment.
 */
export const prepareTemplateDatabase = async (): Promise<() => Promise<void>> => {
  const db = await createTestDatabase({ empty: true });
  const child = spawnSync(process.execPath, [path.join(__dirname, 'template-database-child.js')], {
    env: { ...process.env, ...db.env },
    cwd: APP_DIR,
    encoding: 'utf8',
  });
  if (child.status !== 0) {
    await db.drop();
    throw new Error(`preparing the test template database failed:\n${child.stdout}${child.stderr}`);
  }
  process.env[TEMPLATE_VARIABLE] = db.client === 'postgres' ? databaseName(db.env.DATABASE_URL) : db.env.DATABASE_FILENAME;
  return async () => {
    delete process.env[TEMPLATE_VARIABLE];
    await db.drop();
  };
};

/** The environment the natively loaded Strapi reads: the process's (tests/helpers/environment.js). */
const nativeEnv: NodeJS.ProcessEnv = (globalThis as { nativeEnv?: NodeJS.ProcessEnv }).nativeEnv ?? process.env;

export interface BootOptions {
  /**
   * Strapi and the app loaded through this file's own module registry, as in a process of their
   * own: for what must not see the module state that earlier files' instances left in the shared
   * modules (the API description names each schema once per process, as `npm run openapi` does).
   */
  isolated?: boolean;
}

export const bootStrapi = async (db: TestDatabase, { isolated = false }: BootOptions = {}): Promise<Core.Strapi> => {
  Object.assign(process.env, db.env);
  if (!isolated && nativeEnv !== process.env) {
    for (const key of Object.keys(nativeEnv)) if (!(key in process.env)) delete nativeEnv[key];
    Object.assign(nativeEnv, process.env);
  }
  const { createStrapi } = (isolated ? require('@strapi/strapi') : sharedStrapi) as typeof import('@strapi/strapi');
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
  const pool = (app.db.connection.client as { pool?: { numUsed(): number; numPendingAcquires(): number; numPendingCreates(): number } })
    .pool;
  const busy = () => Boolean(pool && pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0);
  let idleChecks = 0;
  for (const deadline = Date.now() + 10_000; idleChecks < 2 && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    idleChecks = busy() ? 0 : idleChecks + 1;
  }
  await app.destroy();
};

/**
 * Registers beforeAll/afterAll for a test file: one Strapi on one fresh database, shared by the
 * file's tests. The returned object is filled in by beforeAll.
 */
export const useStrapi = (options: BootOptions = {}): { strapi: Core.Strapi; db: TestDatabase } => {
  const handle = {} as { strapi: Core.Strapi; db: TestDatabase };
  beforeAll(async () => {
    handle.db = await createTestDatabase();
    handle.strapi = await bootStrapi(handle.db, options);
  });
  afterAll(async () => {
    if (handle.strapi) await stopStrapi(handle.strapi);
    await handle.db?.drop();
  });
  return handle;
};
