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
 *   p50 and p95 of a step in ms, the queries it sends and the ms it waits on them, and steps per
 *   second, per action. Then 50 more contracts under V8's CPU profiler: ms per step by whose code
 *   ran (./step-profile.js), the profile kept in .tmp/bench-workflow-<database>.cpuprofile.
 *
 * - statistics: the sales dashboard's endpoints on PostgreSQL at `npm run seed -- --scale large`
 *   (1,000,000 order lines, 300,000 receivables; database cs_bench_stats_large) and at a tenth of it
 *   (cs_bench_stats_tenth); at 10M lines (cs_bench_stats_10m) only when BENCH_STATISTICS_ONLY names
 *   it. Each database is seeded once and kept: a rerun reuses it (drop it to reseed). Per endpoint:
 *   p50 and p95 of 20 requests through the admin API as a sales clerk, the time of the same figures
 *   by the cheapest plain SQL over the base tables (p50 of 5) and of their money alone from
 *   orders.total, their ratios, the growth from one scale to the next, and the endpoints over the
 *   p50 target. BENCH_STATISTICS_ONLY=cs_bench_stats_tenth measures one.
 *
 * - customer-file: the customer file (GET /api/customers/:documentId/file) on PostgreSQL in the
 *   statistics' large database (BENCH_CUSTOMER_FILE_DB=cs_bench_stats_tenth for the tenth), for the
 *   customer with the most orders — one with 2,000 orders (and their receivables) is added once when
 *   none has as many: p50 and p95 of 30 requests over REST as a CS supervisor (every section), and
 *   the p50 of the same sections read through the Document Service (findMany with populate), their ratio.
 *
 * - search: the customer search (src/customer-search/) on SQLite and PostgreSQL, on the demo's
 *   customers at the large scale (12,000 customers, about 24,000 contacts; nothing else loaded).
 *   Per term (a part of a name, a contact's name, a phone typed with separators, its last 4 digits,
 *   a part of an e-mail, a term that matches nothing): p50 of 20 REST requests with `_q` and with
 *   `filters[searchText][$containsi]`, against the plain SQL of the same match
 *   (`SELECT id FROM customers WHERE search_text LIKE '%term%'`), their ratio, and on PostgreSQL
 *   whether that SQL uses the trigram index (BENCH_DEBUG=1 prints the plans).
 *
 * - my-work: the work list (GET /api/my-work) on PostgreSQL in the statistics' large database
 *   (BENCH_MY_WORK_DB=cs_bench_stats_tenth for the tenth) for a bench user of each department role
 *   that has one, and the supervisor's team view: p50/p95 over REST, against the plain SQL listing
 *   the same candidates without the engine's checks, their ratio.
 *
 * - load: concurrent REST clients through the contract, order and shipment workflows on PostgreSQL,
 *   one and two app instances, against a plain product-list GET, then SQL checks (scripts/bench-load.js).
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
const { basePostgresUrl, databaseUrl, onPostgres: onServer } = require('./postgres-server');
const { queryMeter, startProfile, timeByCategory } = require('./step-profile');

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

/** One line of a results table: the first cell left-aligned, the others right-aligned in columns. */
const row = (...cells) =>
  console.log(
    `  ${cells[0].padEnd(10)}${cells
      .slice(1)
      .map((c) => String(c).padStart(12))
      .join('')}`
  );

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

const onPostgres = (sql) =>
  onServer(sql, {
    connectionTimeoutMillis: 5000,
    unreachable: (error) =>
      Object.assign(new Error(`PostgreSQL unreachable at ${basePostgresUrl()}`), { skip: error.message || error.code || String(error) }),
  });

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
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: databaseUrl(name) },
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
    const { notify } = require(path.join(distDir, 'src', 'platform', 'outbox.js'));
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
        data: {
          customer: { code, name: n % 2 ? `苏州客户${n}有限公司` : `Customer ${n} Ltd.` },
          reason: n % 2 ? '货款逾期超过90天' : 'Payment overdue by 90 days',
        },
        // A staff mail names its record (its admin-panel link ends the mail).
        record: { uid: 'api::customer.customer', documentId: `bench${n}` },
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
        throw new Error(
          `${variant}: the catcher received ${catcher.messages.length} messages with ${ids.size} distinct Message-IDs, expected ${MAILS}`
        );
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
const PROFILED_CONTRACTS = 50;
const STEPS = [
  ['cs-specialist', 'submit', {}],
  ['cs-supervisor', 'review', { verdict: 'approve' }],
  ['planner', 'review', { verdict: 'approve' }],
  ['cs-specialist', 'reply', { channel: 'phone', content: 'approved' }],
  ['cs-supervisor', 'seal', { sealType: 'contract_seal', copies: 2, documentSha256: 'a'.repeat(64) }],
  ['cs-specialist', 'activate', {}],
];
/** Runs `work` once to warm up (plan caches, buffers), then `times` times; answers the ms of each. */
const timedRuns = async (work, times) => {
  await work();
  const ms = [];
  for (let n = 0; n < times; n += 1) {
    const start = clock();
    await work();
    ms.push(msSince(start));
  }
  return ms;
};
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** In the child: boot Strapi, draft CONTRACTS contracts, take each through STEPS; returns ms per step by action. */
const workflowChild = async (variant, distDir) => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir, autoReload: false, serveAdminPanel: false }).load();
  try {
    const { takeAction } = require(path.join(distDir, 'src', 'workflow-engine', 'workflow-service.js'));
    const { contractWorkflow } = require(path.join(distDir, 'src', 'workflow-engine', 'contract-workflow.js'));
    const customer = await strapi.documents('api::customer.customer').create({ data: { name: '基准客户', creditLimit: '100000000.00' } });
    const products = [];
    for (let n = 0; n < 3; n += 1) {
      products.push(
        await strapi
          .documents('api::product.product')
          .create({ data: { sku: `BENCH-${n}`, name: `泵 ${n}`, unit: '台', listPrice: '100.00' } })
      );
    }
    const staff = {};
    for (const role of ['cs-specialist', 'cs-supervisor', 'planner']) {
      const user = await strapi.db
        .query('plugin::users-permissions.user')
        .create({ data: { username: role, email: `${role}@bench.test`, provider: 'local' } });
      staff[role] = { staffUserId: user.id, roles: [role], via: 'system', superAdmin: false };
    }
    const meter = queryMeter(strapi.db.connection);
    /** Drafts a contract and takes it through STEPS; per action, ms, queries and ms waiting on them. */
    const throughSteps = async (measured) => {
      const contract = await strapi.documents('api::contract.contract').create({
        data: {
          customer: customer.documentId,
          paymentTerms: 'T/T 30',
          deliveryDate: '2027-06-30',
          lines: products.map((product, i) => ({ product: product.documentId, quantity: 1 + i, unitPrice: '100.00' })),
        },
      });
      for (const [role, action, input] of STEPS) {
        const { version } = await strapi.db
          .query('api::contract.contract')
          .findOne({ where: { documentId: contract.documentId }, select: ['version'] });
        meter.take();
        const step = clock();
        await takeAction(strapi, contractWorkflow, contract.documentId, action, { version, ...input }, staff[role]);
        const ms = msSince(step);
        const { queries, waitMs } = meter.take();
        const m = (measured[action] ??= { ms: [], queries: 0, waitMs: 0 });
        m.ms.push(ms);
        m.queries += queries;
        m.waitMs += waitMs;
      }
    };
    const timings = {};
    const started = clock();
    for (let n = 0; n < CONTRACTS; n += 1) await throughSteps(timings);
    const totalMs = msSince(started);
    // A second pass under the CPU profiler (it slows what it watches, so apart from the timed pass).
    const profiled = {};
    const stopProfile = await startProfile();
    const profileStart = clock();
    for (let n = 0; n < PROFILED_CONTRACTS; n += 1) await throughSteps(profiled);
    const profileMs = msSince(profileStart);
    const profile = await stopProfile();
    fs.mkdirSync(path.join(APP_DIR, '.tmp'), { recursive: true });
    const profileFile = path.join(APP_DIR, '.tmp', `bench-workflow-${variant}.cpuprofile`);
    fs.writeFileSync(profileFile, JSON.stringify(profile));
    const all = Object.values(timings).flatMap((t) => t.ms);
    const byAction = Object.fromEntries(
      Object.entries(timings).map(([action, t]) => [
        action,
        {
          p50: percentile(t.ms, 50),
          p95: percentile(t.ms, 95),
          n: t.ms.length,
          queries: t.queries / t.ms.length,
          waitMs: t.waitMs / t.ms.length,
        },
      ])
    );
    const stepsProfiled = Object.values(profiled).reduce((n, t) => n + t.ms.length, 0);
    const stepMs = Object.values(profiled).reduce((sum, t) => sum + t.ms.reduce((a, b) => a + b, 0), 0);
    return {
      database: strapi.db.getInfo().client,
      totalMs,
      steps: all.length,
      p50: percentile(all, 50),
      p95: percentile(all, 95),
      byAction,
      queriesPerStep: Object.values(timings).reduce((n, t) => n + t.queries, 0) / all.length,
      waitMsPerStep: Object.values(timings).reduce((n, t) => n + t.waitMs, 0) / all.length,
      // The profiled pass, drafting included: ms per step of each category, and the share of the pass in steps.
      profile: {
        file: path.relative(APP_DIR, profileFile),
        steps: stepsProfiled,
        stepShare: stepMs / profileMs,
        msPerStep: Object.fromEntries(
          Object.entries(timeByCategory(profile, APP_DIR)).map(([category, ms]) => [category, ms / stepsProfiled])
        ),
      },
    };
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
  row('database', 'action', 'p50 ms', 'p95 ms', 'queries', 'db wait ms');
  for (const r of results) {
    for (const [action, t] of Object.entries(r.byAction))
      row(r.variant, action, t.p50.toFixed(1), t.p95.toFixed(1), t.queries.toFixed(1), t.waitMs.toFixed(1));
    row(r.variant, 'all steps', r.p50.toFixed(1), r.p95.toFixed(1), r.queriesPerStep.toFixed(1), r.waitMsPerStep.toFixed(1));
    console.log(
      `  ${r.variant}: ${r.steps} steps in ${(r.totalMs / 1000).toFixed(1)} s including drafting, ${(r.steps / (r.totalMs / 1000)).toFixed(0)} steps/s`
    );
  }
  // The profiled pass: where a step's time goes, by whose code ran (drafting included, see the share).
  console.log(`  CPU profile of ${PROFILED_CONTRACTS} more contracts (ms per step, drafting included; flame graph: the .cpuprofile file)`);
  const line = (...cells) => console.log(`  ${cells[0].padEnd(10)}${cells[1].padEnd(34)}${cells[2].padStart(10)}${cells[3].padStart(8)}`);
  line('database', 'category', 'ms/step', 'share');
  for (const r of results) {
    const total = Object.values(r.profile.msPerStep).reduce((a, b) => a + b, 0);
    for (const [category, ms] of Object.entries(r.profile.msPerStep))
      line(r.variant, category, ms.toFixed(2), `${((100 * ms) / total).toFixed(0)} %`);
    console.log(
      `  ${r.variant}: ${r.profile.steps} steps, ${(100 * r.profile.stepShare).toFixed(0)} % of the pass in the steps themselves; profile in ${r.profile.file}`
    );
  }
  const [sqlite, postgres] = ['sqlite', 'postgres'].map((v) => results.find((r) => r.variant === v));
  if (sqlite && postgres) console.log(`  PostgreSQL/SQLite p50 per step: ${(postgres.p50 / sqlite.p50).toFixed(2)}×`);
};

// ---- section: rest ----

const REST_SECONDS = 3;
const REST_CLIENTS = 8;
const REST_ROUNDS = 3;
const REST_ROLES = ['cs-supervisor', 'quality'];
const REST_PATHS = ['/api/products?pagination[pageSize]=25', '/api/products/PRODUCT', '/api/orders?populate=lines&pagination[pageSize]=25'];

/** Requests/s of `clients` keep-alive clients asking for `path` for `seconds`; non-200 answers are counted apart. */
const hammer = async (port, path, token, clients, seconds) => {
  const http = require('http');
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const until = Date.now() + seconds * 1000;
  let ok = 0;
  let bad = 0;
  const one = () =>
    new Promise((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path, agent, headers: { Authorization: `Bearer ${token}` } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) ok += 1;
          else bad += 1;
          resolve();
        });
      });
      req.on('error', () => {
        bad += 1;
        resolve();
      });
    });
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) await one();
    })
  );
  agent.destroy();
  return { perSecond: ok / seconds, bad };
};

/** In the child: a Strapi serving HTTP; each role's REST reads with the compiled abilities reused and compiled every time, interleaved. */
const restChild = async (variant, distDir) => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir, autoReload: false, serveAdminPanel: false }).load();
  try {
    const abilities = require(path.join(distDir, 'src', 'platform', 'ability-cache.js'));
    const customer = await strapi.documents('api::customer.customer').create({ data: { name: '基准客户', creditLimit: '100000000.00' } });
    let product;
    for (let n = 0; n < 25; n += 1) {
      product = await strapi
        .documents('api::product.product')
        .create({ data: { sku: `REST-${n}`, name: `泵 ${n}`, unit: '台', listPrice: '100.00' } });
    }
    for (let n = 0; n < 25; n += 1) {
      await strapi.documents('api::order.order').create({
        data: {
          customer: customer.documentId,
          lines: [
            { product: product.documentId, quantity: 2, unitPrice: '100.00' },
            { product: product.documentId, quantity: 1, unitPrice: '50.00' },
          ],
        },
      });
    }
    const tokens = {};
    const permissions = {};
    for (const code of REST_ROLES) {
      const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: code }, populate: ['permissions'] });
      const user = await strapi.db.query('plugin::users-permissions.user').create({
        data: { username: `rest-${code}`, email: `rest-${code}@bench.test`, provider: 'local', confirmed: true, role: role.id },
      });
      tokens[code] = strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
      permissions[code] = role.permissions.length;
    }
    strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = strapi.server.httpServer.address();
    const samples = {};
    for (let round = 0; round < REST_ROUNDS; round += 1) {
      for (const reuse of [true, false]) {
        if (reuse) abilities.reuseCompiledAbilities(strapi);
        else abilities.compileAbilitiesEveryTime(strapi);
        for (const code of REST_ROLES) {
          for (const p of REST_PATHS) {
            const url = p.replace('PRODUCT', product.documentId);
            const { perSecond, bad } = await hammer(port, url, tokens[code], REST_CLIENTS, REST_SECONDS);
            if (bad > 0) throw new Error(`${bad} failed requests to ${url} as ${code}`);
            (samples[`${code} ${reuse ? 'reused' : 'compiled'} ${p}`] ??= []).push(perSecond);
          }
        }
      }
    }
    abilities.reuseCompiledAbilities(strapi);
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return {
      database: strapi.db.getInfo().client,
      permissions,
      medians: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])),
    };
  } finally {
    await new Promise((resolve) => strapi.server.httpServer.close(resolve));
    await strapi.destroy();
  }
};

const restRun = async ({ distDir }) => {
  const results = [];
  await forEachDatabase(async (variant, db) => {
    results.push({ ...(await inChild('rest', variant, await distDir(), db.env)), variant });
  });
  console.log(
    `  ${REST_CLIENTS} keep-alive clients, ${REST_SECONDS} s per figure, median of ${REST_ROUNDS} interleaved rounds; baseline: the same app compiling the caller's abilities on every request (Users & Permissions as shipped)`
  );
  for (const r of results) {
    for (const code of REST_ROLES) {
      for (const p of REST_PATHS) {
        const reused = r.medians[`${code} reused ${p}`];
        const compiled = r.medians[`${code} compiled ${p}`];
        console.log(
          `  ${r.variant.padEnd(9)}${`${code} (${r.permissions[code]} permissions)`.padEnd(34)}${p.padEnd(52)}${reused.toFixed(0).padStart(6)} req/s  vs ${compiled.toFixed(0).padStart(5)}  ${(reused / compiled).toFixed(2)}×`
        );
      }
    }
  }
};

// ---- section: search ----

/** Customers at the statistics bench's large scale (`npm run seed -- --scale large`: 12,000 with 1 to 3 contacts each). */
const SEARCH_SCALE = 200;
const SEARCH_REQUESTS = 20;

/** The rows of a raw query's result: an array on SQLite, `{ rows }` on PostgreSQL. */
const rowsOf = (result) => (Array.isArray(result) ? result : result.rows);

/** In the child: the demo's customers at SEARCH_SCALE (nothing else), then REST searches against the plain SQL of the same match. */
const searchChild = async (variant, distDir) => {
  const { createStrapi } = require('@strapi/strapi');
  const request = require('supertest');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir, autoReload: false, serveAdminPanel: false }).load();
  strapi.server.mount();
  try {
    const { demoScale, loadDemoData } = require(path.join(distDir, 'src', 'demo', 'demo-data.js'));
    const { searchTermOf } = require(path.join(distDir, 'src', 'domain', 'customer-search.js'));
    const loadStart = clock();
    await loadDemoData(strapi, { ...demoScale(SEARCH_SCALE), products: 0, orders: 0, inquiries: 0 });
    const loadMs = msSince(loadStart);
    const knex = strapi.db.connection;
    // As after any bulk load (and as autovacuum would soon): statistics for the planner, and on
    // PostgreSQL the GIN index's pending list merged, without which the planner prices the index out.
    await knex.raw(strapi.db.dialect.client === 'postgres' ? 'VACUUM ANALYZE customers' : 'ANALYZE');
    const customers = Number((await knex('customers').count({ n: '*' }))[0].n);
    const contacts = Number((await knex('components_customer_contacts').count({ n: '*' }))[0].n);
    // The terms: taken from a customer in the middle, as a specialist would type them.
    const sample = await strapi.db.query('api::customer.customer').findOne({
      where: { id: Math.ceil(customers / 2) },
      populate: { contacts: true },
    });
    const contact = sample.contacts.find((c) => /\d{7,}/.test(c.phone.replace(/\D/g, ''))) ?? sample.contacts[0];
    const digits = contact.phone.replace(/\D/g, '');
    const terms = [
      ['name part', sample.name.slice(0, 4)],
      ['contact', contact.name],
      ['phone 0772-1234 567 style', `${digits.slice(0, 4)}-${digits.slice(4, 8)} ${digits.slice(8)}`],
      ['last 4 digits', digits.slice(-4)],
      ['e-mail part', contact.email.split('@')[0]],
      ['no match', 'zzqx-nothing'],
    ];
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'cs-specialist' } });
    const user = await strapi.db.query('plugin::users-permissions.user').create({
      data: { username: 'search-bench', email: 'search-bench@bench.test', provider: 'local', confirmed: true, role: role.id },
    });
    const token = strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
    const time = async (n, work) => {
      await work(); // warm up
      const ms = [];
      for (let i = 0; i < n; i += 1) {
        const start = clock();
        await work();
        ms.push(msSince(start));
      }
      return percentile(ms, 50);
    };
    const indexUsed = async (pattern) => {
      if (strapi.db.dialect.client !== 'postgres') return null;
      const plan = await knex.raw(`EXPLAIN SELECT id FROM customers WHERE search_text LIKE ?`, [pattern]);
      const text = plan.rows.map((r) => r['QUERY PLAN']).join(' ');
      if (process.env.BENCH_DEBUG) process.stderr.write(`${text}\n`);
      return text.includes('customers_search_text_trgm');
    };
    const results = [];
    for (const [what, term] of terms) {
      const rest = async (query) => {
        const res = await request(strapi.server.httpServer)
          .get(`/api/customers?${query}&pagination[pageSize]=25`)
          .set('Authorization', `Bearer ${token}`);
        if (res.status !== 200) throw new Error(`${query}: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body.meta.pagination.total;
      };
      const q = `_q=${encodeURIComponent(term)}`;
      const filter = `filters[searchText][$containsi]=${encodeURIComponent(term)}`;
      const pattern = `%${searchTermOf(term)}%`;
      const sql = async () => knex.raw('SELECT id FROM customers WHERE search_text LIKE ?', [pattern]);
      const found = { q: await rest(q), filter: await rest(filter), sql: rowsOf(await sql()).length };
      results.push({
        what,
        term,
        found,
        qMs: await time(SEARCH_REQUESTS, () => rest(q)),
        filterMs: await time(SEARCH_REQUESTS, () => rest(filter)),
        sqlMs: await time(SEARCH_REQUESTS, sql),
        index: await indexUsed(pattern),
      });
    }
    return { database: strapi.db.getInfo().client, customers, contacts, loadMs, results };
  } finally {
    await strapi.destroy();
  }
};

const searchRun = async ({ distDir }) => {
  const results = [];
  await forEachDatabase(async (variant, db) => {
    results.push({ ...(await inChild('search', variant, await distDir(), db.env)), variant });
  });
  for (const r of results) {
    console.log(
      `  ${r.variant}: ${r.customers} customers, ${r.contacts} contacts (demo data at scale ${SEARCH_SCALE}, loaded in ${(r.loadMs / 1000).toFixed(1)} s); p50 of ${SEARCH_REQUESTS} requests as a CS specialist, page of 25`
    );
    const line = (...cells) =>
      console.log(
        `  ${cells[0].padEnd(28)}${cells[1].padEnd(22)}${cells
          .slice(2)
          .map((c) => String(c).padStart(10))
          .join('')}`
      );
    line('term', '', 'found', '_q ms', 'filter ms', 'SQL ms', '_q/SQL', 'index');
    for (const x of r.results) {
      const found =
        x.found.q === x.found.filter && x.found.filter === x.found.sql ? x.found.q : `${x.found.q}/${x.found.filter}/${x.found.sql}`;
      line(
        x.what,
        JSON.stringify(x.term),
        found,
        x.qMs.toFixed(1),
        x.filterMs.toFixed(1),
        x.sqlMs.toFixed(2),
        `${(x.qMs / x.sqlMs).toFixed(1)}×`,
        x.index === null ? '-' : x.index ? 'trgm' : 'scan'
      );
    }
  }
  console.log(
    "  _q and the filter are both `search_text LIKE '%term%'` (src/customer-search/search-text.ts) plus Strapi's count and page; SQL = SELECT id FROM customers WHERE search_text LIKE '%term%'; index: whether PostgreSQL's plan for that SQL uses the trigram index"
  );
};

// ---- section: statistics ----

/**
 * Bench databases seeded once and kept (by name) for reruns: the large scale and a tenth of it, and
 * on request (BENCH_STATISTICS_ONLY naming it: about an hour to seed) ten times the large one, seeded
 * without the contact log and resumed where an interrupted seed stopped. The p50 target per scale.
 */
const STATISTICS_SCALES = [
  { name: 'cs_bench_stats_tenth', factor: 20, targetMs: 50 },
  { name: 'cs_bench_stats_large', factor: 200, targetMs: 50 },
  { name: 'cs_bench_stats_10m', factor: 2000, targetMs: 100, resumable: true, optIn: true },
].filter((scale) => (process.env.BENCH_STATISTICS_ONLY ? process.env.BENCH_STATISTICS_ONLY.split(',').includes(scale.name) : !scale.optIn));
const REQUESTS = 20;

/**
 * The dashboard endpoints measured, with the cheapest plain SQL over the base tables that gives the
 * same numbers (`scan`), and for the figures with quantities, which only the lines have, the SQL
 * giving their money alone from `orders.total` (`money`: less than the endpoint answers, a floor).
 */
const STATISTICS_ENDPOINTS = [
  { path: '/sales/trend?grain=month', scan: 'trend', money: 'trendMoney' },
  { path: '/sales/trend?grain=day', scan: 'trendDay', money: 'trendDayMoney' },
  { path: '/sales/trend?grain=month&region=华东', scan: 'trendRegion', money: 'trendRegionMoney' },
  { path: '/sales/trend?grain=month&category=阀门', scan: 'trendCategory' },
  { path: '/sales/breakdown?by=region', scan: 'byRegion', money: 'byRegionMoney' },
  { path: '/sales/breakdown?by=salesperson', scan: 'bySalesperson', money: 'bySalespersonMoney' },
  { path: '/sales/breakdown?by=customer', scan: 'byCustomer', money: 'byCustomerMoney' },
  { path: '/sales/breakdown?by=spec', scan: 'bySpec' },
  { path: '/sales/breakdown?by=category', scan: 'byCategory' },
  { path: '/sales/targets?by=salesperson', scan: 'targets' },
  { path: '/widgets/sales-month', scan: 'salesMonth' },
  { path: '/filters', scan: 'filters' },
  { path: '/receivables/aging?groupBy=bucket', scan: 'aging' },
  { path: '/receivables/aging?groupBy=customer', scan: 'agingCustomer' },
  // The end of last month (the month-end report): read from its snapshot, built before measuring.
  { path: '/receivables/aging?groupBy=bucket&asOf=LAST_MONTH_END', scan: 'agingMonthEnd' },
  { path: '/receivables/aging?groupBy=customer&asOf=LAST_MONTH_END', scan: 'agingMonthEndCustomer' },
  { path: '/receivables/collection', scan: 'collection' },
  { path: '/receivables/overdue-top', scan: 'overdueTop' },
  { path: '/widgets/receivables-overdue', scan: 'overdueWidget' },
  { path: '/complaints', scan: 'complaints' },
];

/**
 * Plain SQL scans of the base tables for the same figures: the orders' own total where amount and
 * order count are all a figure has (an order's total is the sum of its line amounts), their line
 * components where quantity, specification or category are needed.
 */
const baseScans = (from, to, today, monthEnd) => {
  const lines = `FROM orders o
    JOIN orders_cmps c ON c.entity_id = o.id AND c.field = 'lines'
    JOIN components_order_lines l ON l.id = c.cmp_id
    WHERE o.state NOT IN ('draft', 'cancelled') AND o.currency = 'CNY'`;
  const range = (f, t) => `AND o.order_date >= '${f}' AND o.order_date <= '${t}'`;
  const yearBefore = (d) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`.replace(/-02-29$/, '-02-28');
  const trend = (period, extraJoin = '', extraWhere = '') => [
    `SELECT ${period} AS p, SUM(l.line_amount), SUM(l.quantity), COUNT(DISTINCT o.id) ${lines.replace('WHERE', `${extraJoin} WHERE`)} ${range(from, to)} ${extraWhere} GROUP BY 1`,
    `SELECT ${period} AS p, SUM(l.line_amount) ${lines.replace('WHERE', `${extraJoin} WHERE`)} ${range(yearBefore(from), yearBefore(to))} ${extraWhere} GROUP BY 1`,
  ];
  const byKey = (key, join = '') => [
    `SELECT ${key} AS k, SUM(l.line_amount) AS a, SUM(l.quantity) ${lines.replace('WHERE', `${join} WHERE`)} ${range(from, to)} GROUP BY 1 ORDER BY a DESC`,
  ];
  const counted = `FROM orders o WHERE o.state NOT IN ('draft', 'cancelled') AND o.currency = 'CNY'`;
  const money = (key, join = '', extraWhere = '', f = from, t = to) =>
    `SELECT ${key} AS k, SUM(o.total) AS a, COUNT(*) ${counted.replace('WHERE', `${join} WHERE`)} ${range(f, t)} ${extraWhere} GROUP BY 1 ORDER BY a DESC`;
  const moneyTrend = (period, extraWhere = '') => [
    money(period, '', extraWhere),
    money(period, '', extraWhere, yearBefore(from), yearBefore(to)),
  ];
  const productJoin = `LEFT JOIN components_order_lines_product_lnk lp ON lp.line_id = l.id LEFT JOIN products pr ON pr.id = lp.product_id`;
  const open = `FROM receivables r JOIN receivables_customer_lnk rc ON rc.receivable_id = r.id WHERE r.state = 'open' AND r.currency = 'CNY' AND r.open_amount > 0`;
  const bucket = `CASE WHEN DATE '${today}' - r.due_date <= 0 THEN 0 WHEN DATE '${today}' - r.due_date <= 30 THEN 1 WHEN DATE '${today}' - r.due_date <= 60 THEN 2 WHEN DATE '${today}' - r.due_date <= 90 THEN 3 WHEN DATE '${today}' - r.due_date <= 180 THEN 4 ELSE 5 END`;
  const monthStart = `${today.slice(0, 7)}-01`;
  // Open at the end of a past day: each receivable less its allocations in force that day.
  const bucketAt = (day) => bucket.replaceAll(`DATE '${today}'`, `DATE '${day}'`);
  const openAt = (day) => `FROM receivables r JOIN receivables_customer_lnk rc ON rc.receivable_id = r.id
    LEFT JOIN (SELECT ar.receivable_id, SUM(a.amount) AS paid FROM payment_allocations a JOIN payment_allocations_receivable_lnk ar ON ar.payment_allocation_id = a.id
      WHERE a.allocated_on <= '${day}' AND (a.reversed_on IS NULL OR a.reversed_on > '${day}') GROUP BY 1) p ON p.receivable_id = r.id
    WHERE r.currency = 'CNY' AND r.invoice_date <= '${day}' AND (r.voided_on IS NULL OR r.voided_on > '${day}') AND r.amount - COALESCE(p.paid, 0) > 0`;
  return {
    trend: trend(`to_char(o.order_date, 'YYYY-MM')`),
    trendDay: trend(`o.order_date`),
    trendRegion: trend(`to_char(o.order_date, 'YYYY-MM')`, '', `AND o.region = '华东'`),
    trendCategory: trend(`to_char(o.order_date, 'YYYY-MM')`, productJoin, `AND pr.category = '阀门'`),
    byRegion: byKey('o.region'),
    bySalesperson: byKey('os.user_id', 'LEFT JOIN orders_salesperson_lnk os ON os.order_id = o.id'),
    byCustomer: byKey('oc.customer_id', 'JOIN orders_customer_lnk oc ON oc.order_id = o.id'),
    bySpec: byKey('l.specification'),
    byCategory: byKey('pr.category', productJoin),
    trendMoney: moneyTrend(`to_char(o.order_date, 'YYYY-MM')`),
    trendDayMoney: moneyTrend(`o.order_date`),
    trendRegionMoney: moneyTrend(`to_char(o.order_date, 'YYYY-MM')`, `AND o.region = '华东'`),
    byRegionMoney: [money('o.region')],
    bySalespersonMoney: [money('os.user_id', 'LEFT JOIN orders_salesperson_lnk os ON os.order_id = o.id')],
    byCustomerMoney: [money('oc.customer_id', 'JOIN orders_customer_lnk oc ON oc.order_id = o.id')],
    targets: [
      money(
        'os.user_id',
        'JOIN orders_salesperson_lnk os ON os.order_id = o.id',
        '',
        `${today.slice(0, 4)}-01-01`,
        `${today.slice(0, 4)}-12-31`
      ),
      `SELECT * FROM sales_targets WHERE year = ${Number(today.slice(0, 4))}`,
    ],
    salesMonth: [money(`'all'`, '', '', monthStart, today), money(`'all'`, '', '', `${yearBefore(monthStart).slice(0, 8)}01`, monthStart)],
    filters: [
      `SELECT DISTINCT region FROM customers`,
      `SELECT DISTINCT category FROM products`,
      `SELECT MIN(order_date), MAX(order_date) FROM orders`,
    ],
    aging: [`SELECT ${bucket} AS b, SUM(r.open_amount) ${open} GROUP BY 1`],
    agingCustomer: [`SELECT rc.customer_id, ${bucket} AS b, SUM(r.open_amount) ${open} GROUP BY 1, 2`],
    agingMonthEnd: [`SELECT ${bucketAt(monthEnd)} AS b, SUM(r.amount - COALESCE(p.paid, 0)) ${openAt(monthEnd)} GROUP BY 1`],
    agingMonthEndCustomer: [
      `SELECT rc.customer_id, ${bucketAt(monthEnd)} AS b, SUM(r.amount - COALESCE(p.paid, 0)) ${openAt(monthEnd)} GROUP BY 1, 2`,
    ],
    collection: [
      `SELECT to_char(r.invoice_date, 'YYYY-MM'), SUM(r.amount) FROM receivables r WHERE r.currency = 'CNY' AND r.state <> 'void' AND r.invoice_date >= '${from}' AND r.invoice_date <= '${to}' GROUP BY 1`,
      `SELECT to_char(a.allocated_on, 'YYYY-MM'), SUM(a.amount) FROM payment_allocations a JOIN payment_allocations_receivable_lnk ar ON ar.payment_allocation_id = a.id JOIN receivables r ON r.id = ar.receivable_id WHERE r.currency = 'CNY' AND a.reversed_on IS NULL AND a.allocated_on >= '${from}' AND a.allocated_on <= '${to}' GROUP BY 1`,
    ],
    overdueTop: [
      `SELECT rc.customer_id, SUM(r.open_amount) AS a, MAX(DATE '${today}' - r.due_date) ${open} AND r.due_date < DATE '${today}' GROUP BY 1 ORDER BY a DESC LIMIT 10`,
    ],
    overdueWidget: [
      `SELECT SUM(r.open_amount), COUNT(DISTINCT rc.customer_id) ${open} AND r.due_date < DATE '${today}'`,
      `SELECT SUM(r.open_amount) ${open}`,
    ],
    complaints: [`SELECT COUNT(*) FROM complaints`],
  };
};

/** Whether PostgreSQL answers; when it cannot be reached the section says so and is skipped. */
const postgresReachable = async () => {
  try {
    await onPostgres('SELECT 1');
    return true;
  } catch (error) {
    if (!error.skip) throw error;
    console.log(`  postgres: skipped, ${error.message}: ${error.skip}`);
    return false;
  }
};

/**
 * Creates and seeds a bench database unless a finished seed of that scale is recorded in it. An
 * interrupted seed starts again empty, or for a resumable scale continues after its last round.
 */
const ensureSeeded = async ({ name, factor, resumable = false }) => {
  const { Client } = require('pg');
  const url = databaseUrl(name);
  const probe = new Client({ connectionString: url });
  let seeded = false;
  try {
    await probe.connect();
    const { rows } = await probe.query(`SELECT factor FROM bench_seed WHERE factor = $1`, [factor]).catch(() => ({ rows: [] }));
    seeded = rows.length > 0;
  } catch {
    await onPostgres(`CREATE DATABASE ${name}`);
  } finally {
    await probe.end().catch(() => undefined);
  }
  if (!seeded && !resumable) {
    await onPostgres(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await onPostgres(`CREATE DATABASE ${name}`);
  }
  if (seeded) {
    console.log(`  ${name}: seeded at scale ${factor} already, reused`);
    return url;
  }
  const args = ['--scale', String(factor), ...(resumable ? ['--resume', '--without-contact-log'] : [])];
  console.log(`  ${name}: seeding (npm run seed -- ${args.join(' ')}) ...`);
  const started = clock();
  await new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'seed.js'), args, {
      env: { ...process.env, DATABASE_CLIENT: 'postgres', DATABASE_URL: url },
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seeding ${name} ended with exit code ${code}`))));
  });
  const done = new Client({ connectionString: url });
  await done.connect();
  await done.query('CREATE TABLE IF NOT EXISTS bench_seed (factor integer PRIMARY KEY, seeded_at timestamp DEFAULT now())');
  await done.query('INSERT INTO bench_seed (factor) VALUES ($1) ON CONFLICT DO NOTHING', [factor]);
  await done.query('VACUUM ANALYZE');
  await done.end();
  console.log(`  ${name}: seeded in ${(msSince(started) / 1000).toFixed(0)} s`);
  return url;
};

/** In the child: boot Strapi on the seeded database, log in a sales clerk, time every endpoint and its base scan. */
const statisticsChild = async (variant, distDir) => {
  const { createStrapi } = require('@strapi/strapi');
  const request = require('supertest');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir, autoReload: false, serveAdminPanel: false }).load();
  strapi.server.mount();
  try {
    const email = 'bench-sales-clerk@bench.test';
    const password = 'Bench-Passw0rd';
    if (!(await strapi.db.query('admin::user').findOne({ where: { email } }))) {
      const role = await strapi.db.query('admin::role').findOne({ where: { code: 'sales-clerk' } });
      await strapi
        .service('admin::user')
        .create({ email, firstname: 'Bench', lastname: 'Clerk', password, isActive: true, roles: [role.id] });
    }
    const login = await request(strapi.server.httpServer).post('/admin/login').send({ email, password });
    const token = login.body.data.token;
    const { defaultRange } = require(path.join(distDir, 'src', 'domain', 'sales-periods.js'));
    const { dateIn } = require(path.join(distDir, 'src', 'domain', 'business-date.js'));
    const today = dateIn(strapi.config.get('server.business.reportTimeZone', 'Asia/Shanghai'));
    const { from, to } = defaultRange(today);
    const { keepMonthEndSnapshots, recentMonthEnds } = require(path.join(distDir, 'src', 'cash-collection', 'aging-snapshots.js'));
    const [lastMonthEnd] = recentMonthEnds(today, 1);
    const scans = baseScans(from, to, today, lastMonthEnd);
    // What the daily collection job does: the month-end snapshots exist (built once, kept by the writers).
    const snapshotStart = clock();
    const built = await keepMonthEndSnapshots(strapi);
    const snapshotMs = msSince(snapshotStart);
    const knex = strapi.db.connection;
    // As autovacuum soon does after such writes: planner statistics, and the visibility map the
    // aging's and the customer breakdown's index-only scans rely on.
    await knex.raw('VACUUM ANALYZE aging_snapshot_items, receivable_facts, sales_monthly_by');
    const counts = {};
    for (const table of ['orders', 'components_order_lines', 'customers', 'receivables', 'payment_allocations', 'sales_facts']) {
      counts[table] = Number((await knex(table).count({ n: '*' }))[0].n);
    }
    const results = [];
    for (const endpoint of STATISTICS_ENDPOINTS) {
      const url = `/sales-dashboard${endpoint.path.replace('LAST_MONTH_END', lastMonthEnd).replace(/=([^&]+)/g, (_, v) => `=${encodeURIComponent(v)}`)}`;
      const get = async () => {
        const res = await request(strapi.server.httpServer).get(url).set('Authorization', `Bearer ${token}`);
        if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
      };
      const ms = await timedRuns(get, REQUESTS);
      const timeSql = async (statements) =>
        percentile(
          await timedRuns(async () => {
            for (const sql of statements) await knex.raw(sql);
          }, 5),
          50
        );
      results.push({
        path: endpoint.path,
        p50: percentile(ms, 50),
        p95: percentile(ms, 95),
        scanP50: await timeSql(scans[endpoint.scan]),
        moneyP50: endpoint.money ? await timeSql(scans[endpoint.money]) : null,
      });
    }
    return { database: strapi.db.getInfo().client, counts, results, snapshots: { built: built.length, ms: snapshotMs, lastMonthEnd } };
  } finally {
    await strapi.destroy();
  }
};

const statisticsRun = async ({ distDir }) => {
  if (!(await postgresReachable())) return;
  const byScale = [];
  for (const scale of STATISTICS_SCALES) {
    const url = await ensureSeeded(scale);
    const result = await inChild('statistics', scale.name, await distDir(), { DATABASE_CLIENT: 'postgres', DATABASE_URL: url });
    byScale.push({ ...scale, ...result });
    const c = result.counts;
    console.log(
      `  ${scale.name}: ${c.orders} orders, ${c.components_order_lines} lines, ${c.customers} customers, ${c.receivables} receivables, ${c.payment_allocations} allocations; ${REQUESTS} requests per endpoint (admin API, sales clerk)`
    );
    const snap = result.snapshots;
    console.log(
      `  month-end aging snapshots: ${snap.built} built in ${(snap.ms / 1000).toFixed(1)} s (none when they existed); LAST_MONTH_END = ${snap.lastMonthEnd}`
    );
    const row = (...cells) =>
      console.log(
        `  ${cells[0].padEnd(62)}${cells
          .slice(1)
          .map((c) => String(c).padStart(10))
          .join('')}`
      );
    row('endpoint', 'p50 ms', 'p95 ms', 'scan ms', 'scan/p50', 'money ms', 'money/p50');
    for (const r of result.results)
      row(
        r.path,
        r.p50.toFixed(1),
        r.p95.toFixed(1),
        r.scanP50.toFixed(1),
        `${(r.scanP50 / r.p50).toFixed(1)}×`,
        r.moneyP50 === null ? '' : r.moneyP50.toFixed(1),
        r.moneyP50 === null ? '' : `${(r.moneyP50 / r.p50).toFixed(1)}×`
      );
    const slow = result.results.filter((r) => r.p50 > scale.targetMs);
    console.log(
      slow.length
        ? `  over the ${scale.targetMs} ms p50 target: ${slow.map((r) => r.path).join(', ')}`
        : `  every endpoint p50 <= ${scale.targetMs} ms`
    );
  }
  // Growth from each scale to the next measured.
  for (const [i, large] of byScale.entries()) {
    const small = byScale[i - 1];
    if (!small) continue;
    console.log(
      `  growth from ${small.name} to ${large.name} (${(large.counts.components_order_lines / small.counts.components_order_lines).toFixed(1)}× the lines):`
    );
    for (const r of large.results) {
      const before = small.results.find((x) => x.path === r.path);
      console.log(`  ${r.path.padEnd(62)}p50 ${(r.p50 / before.p50).toFixed(2)}×   scan ${(r.scanP50 / before.scanP50).toFixed(2)}×`);
    }
  }
};

/** A REST token of the bench's user of a Users & Permissions role (made once in the bench database). */
const benchUserJwt = async (strapi, roleType) => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  const email = `bench-${roleType}@bench.test`;
  let user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email } });
  if (!user)
    user = await strapi.plugin('users-permissions').service('user').add({
      username: email,
      email,
      password: 'Bench-Passw0rd',
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
  return strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
};

// ---- section: customer-file ----

/** The customer file's scale: the large bench database, or another of STATISTICS_SCALES by name (BENCH_CUSTOMER_FILE_DB). */
const CUSTOMER_FILE_SCALE =
  STATISTICS_SCALES.find((scale) => scale.name === (process.env.BENCH_CUSTOMER_FILE_DB || 'cs_bench_stats_large')) ??
  [
    { name: 'cs_bench_stats_tenth', factor: 20 },
    { name: 'cs_bench_stats_large', factor: 200 },
  ].find((scale) => scale.name === process.env.BENCH_CUSTOMER_FILE_DB);
/** The issue's large account: a customer with 2,000 orders (made once in the bench database when none has as many). */
const LARGE_ACCOUNT_ORDERS = 2000;
const FILE_REQUESTS = 30;

/**
 * In the child: the customer with the most orders (one of LARGE_ACCOUNT_ORDERS made first when
 * none has as many), its file over REST as a CS supervisor (every section), and the same sections
 * read through the Document Service (findMany with populate, the figures summed in JS).
 */
const customerFileChild = async (variant, distDir) => {
  const { createStrapi } = require('@strapi/strapi');
  const request = require('supertest');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir, autoReload: false, serveAdminPanel: false }).load();
  strapi.server.mount();
  try {
    const knex = strapi.db.connection;
    const heaviest = async () =>
      (
        await knex.raw(
          `SELECT oc.customer_id AS id, COUNT(*) AS orders FROM orders_customer_lnk oc GROUP BY oc.customer_id ORDER BY orders DESC, id LIMIT 1`
        )
      ).rows[0];
    let top = await heaviest();
    let made = null;
    if (!top || Number(top.orders) < LARGE_ACCOUNT_ORDERS) {
      const started = clock();
      const { loadLargeCustomer } = require(path.join(distDir, 'src', 'demo', 'demo-data.js'));
      const { loadBulkCollection } = require(path.join(distDir, 'src', 'demo', 'bulk-collection.js'));
      const id = await loadLargeCustomer(strapi, LARGE_ACCOUNT_ORDERS, { seed: 2000 });
      await loadBulkCollection(strapi, { receivables: Math.round(LARGE_ACCOUNT_ORDERS * 1.5), customerIds: [id], seed: 2000 });
      await knex.raw('ANALYZE');
      made = { ms: msSince(started) };
      top = await heaviest();
    }
    const customer = await strapi.db
      .query('api::customer.customer')
      .findOne({ where: { id: top.id }, select: ['id', 'documentId', 'code', 'name'] });
    // A CS supervisor reads every section.
    const jwt = await benchUserJwt(strapi, 'cs-supervisor');
    const url = `/api/customers/${customer.documentId}/file`;
    let answer;
    const get = async () => {
      const res = await request(strapi.server.httpServer).get(url).set('Authorization', `Bearer ${jwt}`);
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
      answer = res.body.data;
    };
    const ms = await timedRuns(get, FILE_REQUESTS);
    const dsMs = await timedRuns(await documentServiceFile(strapi, customer.documentId, distDir), 5);
    return {
      database: strapi.db.getInfo().client,
      customer: { code: customer.code, orders: Number(top.orders), openOrders: answer.orders.open.pagination.total },
      made,
      p50: percentile(ms, 50),
      p95: percentile(ms, 95),
      documentServiceP50: percentile(dsMs, 50),
      documentServiceP95: percentile(dsMs, 95),
    };
  } finally {
    await strapi.destroy();
  }
};

/**
 * The same sections through the Document Service, as a client of it would read them: the customer
 * with its salesperson and contacts; a page of open orders (lines, their shipments' lines and
 * receivables for the shipped and billed figures) and its count; contracts; the open receivables
 * (header balance, aging) and the paid ones with their allocations (days late); last payments and
 * statements; the credit events and overrides; complaints; the contact log; the documents.
 */
const documentServiceFile = async (strapi, documentId, distDir) => {
  const { dateIn, addDays } = require(path.join(distDir, 'src', 'domain', 'business-date.js'));
  const today = dateIn('Asia/Shanghai');
  const of = { customer: { documentId } };
  const docs = (uid) => strapi.documents(uid);
  return async () => {
    const customer = await docs('api::customer.customer').findOne({ documentId, populate: { salesperson: true, contacts: true } });
    const page = { start: 0, limit: 20 };
    const open = { ...of, state: { $notIn: ['closed', 'cancelled'] } };
    const orders = await docs('api::order.order').findMany({
      filters: open,
      populate: { lines: true },
      sort: [{ orderDate: 'desc' }],
      ...page,
    });
    const ids = orders.map((o) => o.documentId);
    await Promise.all([
      docs('api::order.order').count({ filters: open }),
      docs('api::shipment.shipment').findMany({
        filters: { order: { documentId: { $in: ids } }, state: { $in: ['shipped', 'delivered'] } },
        populate: { lines: true },
      }),
      docs('api::receivable.receivable').findMany({ filters: { order: { documentId: { $in: ids } } } }),
      docs('api::contract.contract').findMany({ filters: of, sort: [{ contractDate: 'desc' }], ...page }),
      docs('api::receivable.receivable').findMany({ filters: { ...of, state: 'open' } }),
      docs('api::receivable.receivable').findMany({
        filters: { ...of, state: 'paid', dueDate: { $gte: addDays(today, -400) } },
        populate: { allocations: true },
      }),
      docs('api::payment.payment').findMany({ filters: of, sort: [{ receivedOn: 'desc' }], limit: 10 }),
      docs('api::statement.statement').findMany({ filters: of, sort: [{ periodTo: 'desc' }], limit: 10 }),
      docs('api::credit-event.credit-event').findMany({ filters: of, populate: { actor: true } }),
      docs('api::credit-override.credit-override').findMany({ filters: of }),
      docs('api::complaint.complaint').findMany({ filters: of, sort: [{ receivedAt: 'desc' }], ...page }),
      docs('api::inquiry.inquiry').findMany({ filters: of, sort: [{ occurredAt: 'desc' }], populate: { handledBy: true }, ...page }),
      docs('api::shipment.shipment').findMany({
        filters: { ...of, state: { $in: ['shipped', 'delivered'] } },
        fields: ['number', 'plannedDate'],
      }),
      docs('api::statement.statement').findMany({ filters: of, fields: ['number', 'periodTo'] }),
    ]);
    return customer;
  };
};

const customerFileRun = async ({ distDir }) => {
  if (!(await postgresReachable())) return;
  const scale = CUSTOMER_FILE_SCALE;
  const url = await ensureSeeded(scale);
  const r = await inChild('customer-file', scale.name, await distDir(), { DATABASE_CLIENT: 'postgres', DATABASE_URL: url });
  if (r.made) console.log(`  made a customer with ${LARGE_ACCOUNT_ORDERS} orders (none had as many) in ${(r.made.ms / 1000).toFixed(1)} s`);
  console.log(
    `  ${scale.name}: customer ${r.customer.code} with ${r.customer.orders} orders (${r.customer.openOrders} open); ${FILE_REQUESTS} requests over REST as cs-supervisor (every section)`
  );
  const line = (...cells) =>
    console.log(
      `  ${cells[0].padEnd(52)}${cells
        .slice(1)
        .map((c) => String(c).padStart(10))
        .join('')}`
    );
  line('', 'p50 ms', 'p95 ms');
  line('GET /api/customers/:documentId/file (SQL per section)', r.p50.toFixed(1), r.p95.toFixed(1));
  line('same sections via the Document Service (in process)', r.documentServiceP50.toFixed(1), r.documentServiceP95.toFixed(1));
  console.log(
    `  Document Service / file endpoint (p50): ${(r.documentServiceP50 / r.p50).toFixed(1)}×; target p50 <= 50 ms: ${r.p50 <= 50 ? 'met' : 'NOT met'}`
  );
};

// ---- section: my-work ----

const MY_WORK_SCALE = [
  { name: 'cs_bench_stats_tenth', factor: 20 },
  { name: 'cs_bench_stats_large', factor: 200 },
].find((scale) => scale.name === (process.env.BENCH_MY_WORK_DB || 'cs_bench_stats_large'));
const MY_WORK_REQUESTS = 30;
const MY_WORK_ROLES = ['cs-supervisor', 'order-coordinator', 'marketing-vp', 'cs-specialist'];
const MY_WORK_TABLES = {
  task: 'tasks',
  contract: 'contracts',
  complaint: 'complaints',
  order: 'orders',
  shipment: 'shipments',
};

/**
 * In the child: GET /api/my-work over REST for each role's bench user (and the supervisor's team
 * view), p50/p95 of MY_WORK_REQUESTS; the baseline is the plain SQL that lists the same candidates
 * (per workflow, the first PER_KIND+1 rows in a state waiting for the role, with the customer's
 * name; for those who watch delivery also the late orders) without the engine's checks of each
 * record — the floor of reading what waits. The VP's held customers are not in it.
 */
const myWorkChild = async (variant, distDir) => {
  const { createStrapi } = require('@strapi/strapi');
  const request = require('supertest');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir, autoReload: false, serveAdminPanel: false }).load();
  strapi.server.mount();
  const { waitingStates, LATE_ORDER_WATCHERS } = require(path.join(distDir, 'src', 'domain', 'my-work.js'));
  const { lateOrderIds } = require(path.join(distDir, 'src', 'my-work', 'late-order-query.js'));
  const { dateIn } = require(path.join(distDir, 'src', 'domain', 'business-date.js'));
  const { machineOf } = require(path.join(distDir, 'src', 'workflow-engine', 'workflow-service.js'));
  const { PER_KIND } = require(path.join(distDir, 'src', 'my-work', 'work-list.js'));
  const definitions = ['task', 'contract', 'complaint', 'order', 'shipment'].map(
    (subject) => require(path.join(distDir, 'src', 'workflow-engine', `${subject}-workflow.js`))[`${subject}Workflow`]
  );
  try {
    const knex = strapi.db.connection;
    const timed = async (work, times) => {
      const ms = await timedRuns(work, times);
      return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
    };
    const results = [];
    for (const roleType of MY_WORK_ROLES) {
      const jwt = await benchUserJwt(strapi, roleType);
      let answer;
      const get = (url) => async () => {
        const res = await request(strapi.server.httpServer).get(url).set('Authorization', `Bearer ${jwt}`);
        if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
        answer = res.body.data;
      };
      const list = await timed(get('/api/my-work'), MY_WORK_REQUESTS);
      const counts = answer.counts;
      const candidates = async () => {
        for (const definition of definitions) {
          const states = waitingStates(definition.subject, machineOf(strapi, definition), [roleType]);
          if (states.length === 0 || definition.concerning) continue;
          const table = MY_WORK_TABLES[definition.subject];
          // The rows first (the work list's index on state, updated_at), then their customers' names.
          await knex.raw(
            `SELECT t.document_id, t.number, t.state, t.updated_at, c.name FROM
               (SELECT id, document_id, number, state, updated_at FROM ${table} WHERE state = ANY(?) ORDER BY updated_at, id LIMIT ?) t
             LEFT JOIN ${table}_customer_lnk l ON l.${table.replace(/s$/, '')}_id = t.id LEFT JOIN customers c ON c.id = l.customer_id`,
            [states, PER_KIND + 1]
          );
        }
      };
      // Those who watch delivery also get the late orders: their ids by the same SQL, then their numbers and customers.
      const lateOrders = async () => {
        const { query, promised } = lateOrderIds(strapi, dateIn('Asia/Shanghai'));
        const ids = (await query.orderBy([{ column: promised }, { column: 'id' }]).limit(PER_KIND + 1)).map((row) => row.id);
        await knex.raw(
          `SELECT o.document_id, o.number, o.state, o.promised_date, c.name FROM orders o
           LEFT JOIN orders_customer_lnk l ON l.order_id = o.id LEFT JOIN customers c ON c.id = l.customer_id WHERE o.id = ANY(?)`,
          [ids]
        );
      };
      const watcher = LATE_ORDER_WATCHERS.includes(roleType);
      const baseline = await timed(async () => {
        await candidates();
        if (watcher) await lateOrders();
      }, MY_WORK_REQUESTS);
      const team = roleType === 'cs-supervisor' ? await timed(get('/api/my-work/team'), 5) : null;
      results.push({ roleType, counts, list, baseline, team });
    }
    return { database: strapi.db.getInfo().client, results };
  } finally {
    await strapi.destroy();
  }
};

const myWorkRun = async ({ distDir }) => {
  if (!(await postgresReachable())) return;
  const url = await ensureSeeded(MY_WORK_SCALE);
  const r = await inChild('my-work', MY_WORK_SCALE.name, await distDir(), { DATABASE_CLIENT: 'postgres', DATABASE_URL: url });
  console.log(`  ${MY_WORK_SCALE.name}: GET /api/my-work, ${MY_WORK_REQUESTS} requests per role over REST`);
  const line = (...cells) =>
    console.log(
      `  ${cells[0].padEnd(22)}${cells
        .slice(1)
        .map((c) => String(c).padStart(12))
        .join('')}`
    );
  line('role', 'items', 'p50 ms', 'p95 ms', 'SQL p50 ms', 'ratio');
  for (const { roleType, counts, list, baseline } of r.results) {
    line(
      roleType,
      counts.total,
      list.p50.toFixed(1),
      list.p95.toFixed(1),
      baseline.p50.toFixed(1),
      `${(list.p50 / baseline.p50).toFixed(1)}×`
    );
  }
  const supervisor = r.results.find((result) => result.roleType === 'cs-supervisor');
  console.log(
    `  GET /api/my-work/team (cs-supervisor): p50 ${supervisor.team.p50.toFixed(1)} ms, p95 ${supervisor.team.p95.toFixed(1)} ms`
  );
  console.log(`  target: the supervisor's list p50 <= 50 ms: ${supervisor.list.p50 <= 50 ? 'met' : 'NOT met'}`);
};

const SECTIONS = {
  notifications: { run: notificationsRun, child: notificationsChild },
  workflow: { run: workflowRun, child: workflowChild },
  statistics: { run: statisticsRun, child: statisticsChild },
  rest: { run: restRun, child: restChild },
  'customer-file': { run: customerFileRun, child: customerFileChild },
  'my-work': { run: myWorkRun, child: myWorkChild },
  search: { run: searchRun, child: searchChild },
  load: require('./bench-load'),
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
    distDir: () =>
      (compiled ??= require('@strapi/strapi')
        .compileStrapi({ appDir: APP_DIR })
        .then((r) => r.distDir)),
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
