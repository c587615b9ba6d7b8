#!/usr/bin/env node
/**
 * Benchmarks against real services. `npm run bench` runs every section; `npm run bench -- NAME …`
 * only the named ones. Exits non-zero when anything fails. Sections:
 *
 * - notifications: the e-mail outbox on SQLite (temporary file) and PostgreSQL (database
 *   cs_bench_<pid> created on TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres,
 *   dropped afterwards; skipped with the reason when unreachable). Per database: queue 1,000 mails
 *   with notify() one after another (enqueue ms), then send them with one drainOutbox() to a real
 *   SMTP server, the mail catcher (drain ms, messages/s), and check exactly 1,000 distinct
 *   Message-IDs arrived.
 *
 * - workflow: the workflow engine on SQLite and PostgreSQL. Per database: 100 contracts drafted
 *   with 3 lines and taken through submit, two review opinions, reply, seal and activate (600
 *   steps, one transaction each: row lock, opinion, state, history event, outbox mail); prints the
 *   p50 and p95 of a step in ms, and steps per second, per action.
 *
 * Each database runs in a child process (this script with `--child SECTION VARIANT DIST_DIR`), as
 * only one Strapi can be loaded per process; the child prints one JSON line of results. The app is
 * compiled once, into dist/. The app's own settings apply (NOTIFICATION_BATCH_SIZE, SMTP_POOL, …).
 * To add a section, add an entry to SECTIONS: `run(ctx)` in this process, `child(variant, distDir)`
 * for work that needs a Strapi.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { fork } = require('child_process');

const APP_DIR = path.resolve(__dirname, '..');
const MAILS = 1000;

const BENCH_ENV = {
  NODE_ENV: 'test',
  DEMO_DATA: 'false',
  NOTIFICATION_WORKER: 'false',
  STARTUP_LOG: 'false',
  LOG_LEVEL: 'error',
  STRAPI_TELEMETRY_DISABLED: 'true',
};
// Test-only secrets, used only when the environment has none.
const TEST_SECRETS = {
  APP_KEYS: 'test-key-1,test-key-2',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  API_TOKEN_SALT: 'test-api-token-salt',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  ENCRYPTION_KEY: 'test-encryption-key',
  JWT_SECRET: 'test-jwt-secret',
};

const clock = () => process.hrtime.bigint();
const msSince = (start) => Number(clock() - start) / 1e6;

/** Runs `--child section variant distDir` with extra env; resolves to the child's last JSON line. */
const inChild = (section, variant, distDir, env) =>
  new Promise((resolve, reject) => {
    const child = fork(__filename, ['--child', section, variant, distDir], {
      env: { ...process.env, ...env },
      stdio: ['inherit', 'pipe', 'inherit', 'ipc'],
    });
    let result;
    let rest = '';
    const onLine = (line) => {
      try {
        result = JSON.parse(line);
      } catch {
        if (line.trim()) process.stderr.write(`  [${variant}] ${line}\n`);
      }
    };
    child.stdout.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      lines.forEach(onLine);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      onLine(rest);
      if (code === 0 && result) resolve(result);
      else reject(new Error(`${section} on ${variant}: child process ended with ${signal ?? `exit code ${code}`}`));
    });
  });

// ---- databases: each resolves to { env, drop() }, or throws { skip: reason } ----

const basePostgresUrl = () => process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const onPostgres = async (sql) => {
  const { Client } = require('pg');
  const client = new Client({ connectionString: basePostgresUrl(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw Object.assign(new Error(`PostgreSQL unreachable at ${basePostgresUrl()}`), { skip: error.message || error.code || String(error) });
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

const DATABASES = {
  sqlite: async () => {
    const file = path.join(os.tmpdir(), `cs-bench-${process.pid}-${crypto.randomBytes(3).toString('hex')}.db`);
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
      drop: async () => {
        for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
      },
    };
  },
  postgres: async () => {
    const name = `cs_bench_${process.pid}`;
    await onPostgres(`CREATE DATABASE ${name}`);
    const url = new URL(basePostgresUrl());
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
      drop: () => onPostgres(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  },
};

/** Runs `work(variant, db)` on each reachable database (saying which were skipped and why), dropping each afterwards. */
const forEachDatabase = async (work) => {
  for (const [variant, create] of Object.entries(DATABASES)) {
    let db;
    try {
      db = await create();
    } catch (error) {
      if (!error.skip) throw error;
      console.log(`  ${variant}: skipped, ${error.message}: ${error.skip}`);
      continue;
    }
    try {
      await work(variant, db);
    } finally {
      await db.drop();
    }
  }
};

// ---- section: notifications ----

/** In the child: boot Strapi, queue MAILS notifications, send them all; returns the timings. */
const notificationsChild = async (variant, distDir) => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir, autoReload: false, serveAdminPanel: false }).load();
  try {
    const { notify } = require(path.join(distDir, 'src', 'notifications', 'outbox.js'));
    const { drainOutbox } = require(path.join(distDir, 'src', 'notifications', 'worker.js'));
    const run = `${Date.now()}`;
    let started = clock();
    for (let n = 1; n <= MAILS; n += 1) {
      const code = `C-${String(n).padStart(5, '0')}`;
      const queued = await notify(strapi, {
        event: 'customer.credit-hold',
        key: `bench:${run}:${n}`,
        to: `rep${n}@bench.test`,
        template: 'customer.credit-hold',
        locale: n % 2 ? 'zh-CN' : 'en',
        data: { customer: { code, name: n % 2 ? `苏州客户${n}有限公司` : `Customer ${n} Ltd.` }, reason: n % 2 ? '货款逾期超过90天' : 'Payment overdue by 90 days' },
      });
      if (!queued) throw new Error(`notification ${n} was not queued`);
    }
    const enqueueMs = msSince(started);
    started = clock();
    const drained = await drainOutbox(strapi);
    const drainMs = msSince(started);
    if (drained.sent !== MAILS) throw new Error(`drainOutbox sent ${drained.sent} of ${MAILS}: ${JSON.stringify(drained)}`);
    const { batchSize } = strapi.config.get('server.notifications');
    const { pool, maxConnections } = strapi.config.get('plugin::email.providerOptions') ?? {};
    return { database: strapi.db.getInfo().client, enqueueMs, drainMs, drained, batchSize, pool, maxConnections };
  } finally {
    await strapi.destroy();
  }
};

/** In this process: per database, a mail catcher and a child; then checks and prints the table. */
const notificationsRun = async ({ distDir }) => {
  const { startMailCatcher } = require('./mail-catcher');
  const results = [];
  const failures = [];
  await forEachDatabase(async (variant, db) => {
    const catcher = await startMailCatcher({ smtpPort: 0 });
    try {
      const env = { ...db.env, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(catcher.port) };
      const result = await inChild('notifications', variant, await distDir(), env);
      const ids = new Set(catcher.messages.map((m) => m.messageId));
      if (catcher.messages.length !== MAILS || ids.size !== MAILS) {
        throw new Error(`${variant}: the catcher received ${catcher.messages.length} messages with ${ids.size} distinct Message-IDs, expected ${MAILS}`);
      }
      results.push({ ...result, variant });
    } catch (error) {
      failures.push(error); // still measure the other databases
      console.error(`  ${variant}: FAILED: ${error.message}`);
    } finally {
      await catcher.close();
    }
  });
  if (results[0]) {
    const { batchSize, pool, maxConnections } = results[0];
    console.log(`  ${MAILS} × customer.credit-hold; batch ${batchSize}, SMTP pool ${pool ? `on, ${maxConnections} connections` : 'off'}`);
  }
  const row = (...cells) => console.log(`  ${cells[0].padEnd(10)}${cells.slice(1).map((c) => String(c).padStart(12)).join('')}`);
  row('database', 'enqueue ms', 'drain ms', 'msg/s');
  const rate = {};
  for (const r of results) {
    rate[r.variant] = MAILS / (r.drainMs / 1000);
    row(r.variant, r.enqueueMs.toFixed(0), r.drainMs.toFixed(0), rate[r.variant].toFixed(1));
  }
  const ratio = rate.postgres && rate.sqlite ? `${(rate.postgres / rate.sqlite).toFixed(2)}×` : 'n/a (needs both databases)';
  console.log(`  PostgreSQL/SQLite msg/s: ${ratio}`);
  if (failures.length > 0) throw new Error(`${failures.length} database(s) failed`);
};

// ---- section: workflow ----

const CONTRACTS = 100;
const STEPS = [
  ['cs-specialist', 'submit', {}],
  ['cs-supervisor', 'review', { verdict: 'approve' }],
  ['planner', 'review', { verdict: 'approve' }],
  ['cs-specialist', 'reply', { channel: 'phone', content: 'approved' }],
  ['cs-supervisor', 'seal', { sealType: 'contract_seal', copies: 2, documentSha256: 'a'.repeat(64) }],
  ['cs-specialist', 'activate', {}],
];
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** In the child: boot Strapi, draft CONTRACTS contracts, take each through STEPS; returns ms per step by action. */
const workflowChild = async (variant, distDir) => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir, autoReload: false, serveAdminPanel: false }).load();
  try {
    const { takeAction } = require(path.join(distDir, 'src', 'workflows', 'workflow-service.js'));
    const { contractWorkflow } = require(path.join(distDir, 'src', 'workflows', 'contract-workflow.js'));
    const customer = await strapi.documents('api::customer.customer').create({ data: { name: '基准客户', creditLimit: '100000000.00' } });
    const products = [];
    for (let n = 0; n < 3; n += 1) {
      products.push(await strapi.documents('api::product.product').create({ data: { sku: `BENCH-${n}`, name: `泵 ${n}`, unit: '台', listPrice: '100.00' } }));
    }
    const staff = {};
    for (const role of ['cs-specialist', 'cs-supervisor', 'planner']) {
      const user = await strapi.db.query('plugin::users-permissions.user').create({ data: { username: role, email: `${role}@bench.test`, provider: 'local' } });
      staff[role] = { staffUserId: user.id, roles: [role], via: 'system', superAdmin: false };
    }
    const timings = {};
    const started = clock();
    for (let n = 0; n < CONTRACTS; n += 1) {
      const contract = await strapi.documents('api::contract.contract').create({
        data: {
          customer: customer.documentId,
          paymentTerms: 'T/T 30',
          deliveryDate: '2027-06-30',
          lines: products.map((product, i) => ({ product: product.documentId, quantity: 1 + i, unitPrice: '100.00' })),
        },
      });
      for (const [role, action, input] of STEPS) {
        const { version } = await strapi.db.query('api::contract.contract').findOne({ where: { documentId: contract.documentId }, select: ['version'] });
        const step = clock();
        await takeAction(strapi, contractWorkflow, contract.documentId, action, { version, ...input }, staff[role]);
        (timings[action] ??= []).push(msSince(step));
      }
    }
    const totalMs = msSince(started);
    const all = Object.values(timings).flat();
    const byAction = Object.fromEntries(Object.entries(timings).map(([action, ms]) => [action, { p50: percentile(ms, 50), p95: percentile(ms, 95), n: ms.length }]));
    return { database: strapi.db.getInfo().client, totalMs, steps: all.length, p50: percentile(all, 50), p95: percentile(all, 95), byAction };
  } finally {
    await strapi.destroy();
  }
};

const workflowRun = async ({ distDir }) => {
  const results = [];
  await forEachDatabase(async (variant, db) => {
    results.push({ ...(await inChild('workflow', variant, await distDir(), db.env)), variant });
  });
  console.log(`  ${CONTRACTS} contracts × ${STEPS.length} steps (submit, review ×2, reply, seal, activate), one after another`);
  const row = (...cells) => console.log(`  ${cells[0].padEnd(10)}${cells.slice(1).map((c) => String(c).padStart(12)).join('')}`);
  row('database', 'action', 'p50 ms', 'p95 ms');
  for (const r of results) {
    for (const [action, t] of Object.entries(r.byAction)) row(r.variant, action, t.p50.toFixed(1), t.p95.toFixed(1));
    row(r.variant, 'all steps', r.p50.toFixed(1), r.p95.toFixed(1));
    console.log(`  ${r.variant}: ${r.steps} steps in ${(r.totalMs / 1000).toFixed(1)} s including drafting, ${(r.steps / (r.totalMs / 1000)).toFixed(0)} steps/s`);
  }
  const [sqlite, postgres] = ['sqlite', 'postgres'].map((v) => results.find((r) => r.variant === v));
  if (sqlite && postgres) console.log(`  PostgreSQL/SQLite p50 per step: ${(postgres.p50 / sqlite.p50).toFixed(2)}×`);
};

const SECTIONS = {
  notifications: { run: notificationsRun, child: notificationsChild },
  workflow: { run: workflowRun, child: workflowChild },
};

// ---- main ----

const main = async () => {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const [, section, variant, distDir] = args;
    const result = await SECTIONS[section].child(variant, distDir);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  }
  const names = args.length > 0 ? args : Object.keys(SECTIONS);
  const unknown = names.filter((name) => !SECTIONS[name]);
  if (unknown.length > 0) {
    console.error(`Unknown section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`);
    process.exit(2);
  }
  Object.assign(process.env, BENCH_ENV);
  for (const [key, value] of Object.entries(TEST_SECRETS)) process.env[key] ||= value;

  const started = clock();
  let compiled;
  const ctx = {
    // Compiles the app into dist/ once, on first use.
    distDir: () => (compiled ??= require('@strapi/strapi').compileStrapi({ appDir: APP_DIR }).then((r) => r.distDir)),
  };
  let failed = false;
  for (const name of names) {
    console.log(`\n${name}`);
    try {
      await SECTIONS[name].run(ctx);
    } catch (error) {
      failed = true;
      console.error(`  FAILED: ${error.stack || error}`);
    }
  }
  console.log(`\n${failed ? 'Failed' : 'Done'} in ${(msSince(started) / 1000).toFixed(1)} s (${new Date().toISOString()}).`);
  process.exit(failed ? 1 : 0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
