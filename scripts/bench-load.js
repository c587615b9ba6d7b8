/**
 * `npm run bench -- load`: the app under concurrent REST clients, on PostgreSQL, with one and with
 * two app processes on the same database (section `load` of scripts/bench.js).
 *
 * A fresh database cs_bench_load_<pid> (dropped afterwards) and a small SMTP server that records the
 * Message-ID of every mail. Instance A boots, and makes per client its own customer (a customer's
 * credit check locks its row, so clients sharing one would only queue) and its own cs-specialist,
 * two each of cs-supervisor, planner and order-coordinator shared by the clients (review requests
 * are mailed to the whole role), each with a Users & Permissions JWT, and 25 products with stock.
 * Both instances run with the production settings for jobs and mail (CRON_ENABLED=true,
 * NOTIFICATION_WORKER=true): each sends the outbox, each job runs on one instance at a time by itself.
 *
 * Per number of instances (BENCH_LOAD_INSTANCES, default 1,2) and of clients (BENCH_LOAD_CLIENTS,
 * default 1,8,32,64), for BENCH_LOAD_SECONDS (default 20) each: every client (client i talks to
 * instance i mod n) takes record after record through the workflows as the right role — an order
 * drafted, a contract drafted from it, submit, review by the supervisor and by the planner, reply,
 * seal, activate (which confirms the order), then the order scheduled, put in production, ready, a
 * shipment of all its lines planned, shipped (stock taken, receivable made, delivery note mailed),
 * delivered, and the order closed; versions are those of the previous answer, or of a GET of the
 * order where the workflow moved it. Then, the same clients on the same instances for the same time:
 * a plain authenticated `GET /api/products?pagination[pageSize]=25` (the baseline: the cheapest plain
 * Strapi request of the app). Prints workflow steps/s, p50/p95 ms per step, the ratios to the
 * baseline, 409 and 5xx answers (every 409 with its message: the clients never share a record, so
 * none is a real race), and p50/p95 per action.
 *
 * After the load, once every mail is sent: the history of every record is the steps that
 * succeeded (in order, none twice, none of a refused step), each contract has its opinions and seal
 * log, each record its state, stock on hand is the opening stock less what was shipped, each shipped
 * shipment one receivable of its amount, the sales and receivable roll-ups equal their rebuild, and
 * every mail of the outbox arrived exactly once. Fails (exit code 1) on any failed check, 409 or 5xx.
 */
const crypto = require('crypto');
const http = require('http');
const path = require('path');
const { fork } = require('child_process');
const { databaseUrl, onPostgres: onServer } = require('./postgres-server');

const APP_DIR = path.resolve(__dirname, '..');
const list = (value, fallback) =>
  (value || fallback)
    .split(',')
    .map((v) => Number(v.trim()))
    .filter((v) => Number.isInteger(v) && v > 0);
const CLIENTS = list(process.env.BENCH_LOAD_CLIENTS, '1,8,32,64');
const INSTANCES = list(process.env.BENCH_LOAD_INSTANCES, '1,2').filter((n) => n <= 2);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS || 20);
const PRODUCTS = 25;
const OPENING_STOCK = 100000000;
const BASELINE = '/api/products?pagination[pageSize]=25';
const SHA = 'c0'.repeat(32);
const MAIL_WAIT_MS = 300000;

const clock = () => process.hrtime.bigint();
const msSince = (start) => Number(clock() - start) / 1e6;
const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
};
const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const dayPlus = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);

// ---- in the instance's process ----

/** Instance A only: the clients' customers and staff, and the products; answers what the clients need. */
const prepare = async (strapi, clients) => {
  const jwt = strapi.plugin('users-permissions').service('jwt');
  const roles = {};
  for (const type of ['cs-specialist', 'cs-supervisor', 'planner', 'order-coordinator']) {
    roles[type] = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type } })).id;
  }
  const products = [];
  for (let n = 0; n < PRODUCTS; n += 1) {
    const product = await strapi.documents('api::product.product').create({
      data: {
        sku: `LOAD-${n}`,
        name: `离心泵 ${n}`,
        specification: `DN${50 + n} PN16`,
        unit: '台',
        listPrice: '100.00',
        stockOnHand: OPENING_STOCK,
      },
    });
    products.push(product.documentId);
  }
  // A department: a cs-specialist per client (she drafts; the decision is mailed to her), and two
  // each of the roles every client's records go to (review requests are mailed to the whole role).
  const user = async (name, type) => {
    const created = await strapi.db.query('plugin::users-permissions.user').create({
      data: { username: `load-${name}`, email: `${name}@load.test`, provider: 'local', confirmed: true, role: roles[type] },
    });
    return jwt.issue({ id: created.id });
  };
  const shared = {};
  for (const [name, type] of Object.entries({ supervisor: 'cs-supervisor', planner: 'planner', coordinator: 'order-coordinator' })) {
    shared[name] = [await user(`${name}0`, type), await user(`${name}1`, type)];
  }
  const staff = [];
  for (let c = 0; c < clients; c += 1) {
    const customer = await strapi.documents('api::customer.customer').create({
      data: {
        name: `负载客户 ${c}`,
        region: '华东',
        creditLimit: '900000000.00',
        contacts: [{ name: `Contact ${c}`, email: `buyer${c}@load.test`, primary: true }],
      },
    });
    staff.push({
      customer: customer.documentId,
      specialist: await user(`specialist${c}`, 'cs-specialist'),
      supervisor: shared.supervisor[c % 2],
      planner: shared.planner[c % 2],
      coordinator: shared.coordinator[c % 2],
    });
  }
  return { products, staff };
};

/** The roll-up tables as read now (ordered by their keys), for "roll-up equals rebuild". */
const rollupSnapshot = async (knex, tables) => {
  const snapshot = {};
  for (const [table, order] of tables) snapshot[table] = JSON.stringify(await knex(table).select('*').orderBy(order));
  return snapshot;
};

/** After the load, in instance A: compares the database with what the clients were answered; answers the failures. */
const check = async (strapi, distDir, expected) => {
  const failures = [];
  const fail = (message) => failures.push(message);
  const q = (uid) => strapi.db.query(uid);
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  // History: per record, the events of the actions the clients take are exactly the steps that succeeded.
  const events = await q('api::workflow-event.workflow-event').findMany({
    select: ['subject', 'subjectId', 'action', 'id'],
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
  const history = {};
  for (const e of events) (history[`${e.subject} ${e.subjectId}`] ??= []).push(e.action);
  const ownActions = {
    contract: ['submit', 'review', 'reply', 'seal', 'activate'],
    order: ['schedule', 'start_production', 'mark_ready', 'close'],
    shipment: ['ship', 'deliver'],
  };
  for (const [kind, records] of Object.entries(expected.records)) {
    for (const [documentId, record] of Object.entries(records)) {
      const actions = (history[`${kind} ${documentId}`] ?? []).filter((a) => ownActions[kind].includes(a));
      if (!same(actions, record.actions))
        fail(`${kind} ${documentId}: history ${JSON.stringify(actions)}, the clients were answered ${JSON.stringify(record.actions)}`);
    }
  }
  // State of every record.
  const uids = { contract: 'api::contract.contract', order: 'api::order.order', shipment: 'api::shipment.shipment' };
  for (const [kind, records] of Object.entries(expected.records)) {
    const rows = await q(uids[kind]).findMany({ where: { documentId: { $in: Object.keys(records) } }, select: ['documentId', 'state'] });
    const stored = Object.fromEntries(rows.map((r) => [r.documentId, r.state]));
    for (const [documentId, record] of Object.entries(records)) {
      if (stored[documentId] !== record.state) fail(`${kind} ${documentId}: state ${stored[documentId]}, expected ${record.state}`);
    }
  }
  // Opinions and seal log of every contract.
  const opinions = await q('api::review-opinion.review-opinion').findMany({
    where: { subject: 'contract' },
    select: ['subjectId', 'role', 'verdict', 'round'],
  });
  const opinionsOf = {};
  for (const o of opinions) (opinionsOf[o.subjectId] ??= []).push(`${o.round} ${o.role} ${o.verdict}`);
  const seals = await q('api::seal-use.seal-use').findMany({
    select: ['copies', 'documentSha256'],
    populate: { contract: { select: ['documentId'] } },
  });
  const sealsOf = {};
  for (const s of seals) (sealsOf[s.contract?.documentId] ??= []).push(s);
  for (const [documentId, record] of Object.entries(expected.records.contract)) {
    const want = record.actions.includes('review') ? record.reviewers.map((role) => `1 ${role} approve`).sort() : [];
    const got = (opinionsOf[documentId] ?? []).sort();
    if (!same(got, want)) fail(`contract ${documentId}: opinions ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    const sealed = sealsOf[documentId] ?? [];
    const wantSeals = record.actions.includes('seal') ? 1 : 0;
    if (sealed.length !== wantSeals || sealed.some((s) => s.documentSha256 !== SHA))
      fail(`contract ${documentId}: ${sealed.length} seal log entries, expected ${wantSeals}`);
  }
  // None of a contract the clients were not answered for (a refused draft leaves nothing behind).
  const strays = [...Object.keys(opinionsOf), ...Object.keys(sealsOf)].filter((documentId) => !expected.records.contract[documentId]);
  if (strays.length) fail(`opinions or seal log entries of contracts no client drafted: ${[...new Set(strays)].join(', ')}`);
  // Stock: the opening stock less what was shipped.
  const products = await q('api::product.product').findMany({
    where: { documentId: { $in: expected.products } },
    select: ['documentId', 'stockOnHand', 'stockReserved'],
  });
  for (const p of products) {
    const want = OPENING_STOCK - (expected.shipped[p.documentId] ?? 0);
    if (Number(p.stockOnHand) !== want) fail(`product ${p.documentId}: on hand ${p.stockOnHand}, expected ${want}`);
    if (Number(p.stockReserved ?? 0) !== 0) fail(`product ${p.documentId}: ${p.stockReserved} reserved, expected 0`);
  }
  // Receivables: one per shipped shipment, of its amount.
  const receivables = await q('api::receivable.receivable').findMany({
    select: ['amount', 'state'],
    populate: { shipment: { select: ['documentId'] } },
  });
  const byShipment = {};
  for (const r of receivables) (byShipment[r.shipment?.documentId] ??= []).push(r);
  for (const [documentId, record] of Object.entries(expected.records.shipment)) {
    const made = byShipment[documentId] ?? [];
    if (!record.actions.includes('ship')) {
      if (made.length) fail(`shipment ${documentId}: ${made.length} receivables but it was not shipped`);
    } else if (made.length !== 1 || Math.round(Number(made[0].amount) * 100) !== record.amountCents) {
      fail(
        `shipment ${documentId}: receivables ${JSON.stringify(made.map((r) => r.amount))}, expected one of ${(record.amountCents / 100).toFixed(2)}`
      );
    }
  }
  if (receivables.length !== Object.values(expected.records.shipment).filter((r) => r.actions.includes('ship')).length) {
    fail(
      `${receivables.length} receivables for ${Object.values(expected.records.shipment).filter((r) => r.actions.includes('ship')).length} shipped shipments`
    );
  }
  // The roll-ups equal their rebuild (tests/helpers/rollups.ts).
  const sales = require(path.join(distDir, 'src', 'statistics', 'sales-facts.js'));
  const collection = require(path.join(distDir, 'src', 'cash-collection', 'receivable-facts.js'));
  const knex = strapi.db.connection;
  const salesTables = [
    [sales.SALES_FACTS, 'line_id'],
    [sales.SALES_MONTHLY, ['month', 'region', 'salesperson_id', 'category', 'currency']],
    [sales.SALES_DAILY, ['currency', 'day', 'region', 'category']],
    [sales.SALES_MONTHLY_BY, ['dimension', 'currency', 'month', 'group_key']],
  ];
  const collectionTables = [
    [collection.RECEIVABLE_FACTS, 'receivable_id'],
    [collection.COLLECTION_FACTS, 'allocation_id'],
    [collection.COLLECTION_MONTHLY, ['currency', 'month', 'region', 'salesperson_id']],
  ];
  const salesKept = await rollupSnapshot(knex, salesTables);
  await sales.rebuildSalesFacts(strapi);
  const salesRebuilt = await rollupSnapshot(knex, salesTables);
  for (const [table] of salesTables) if (salesKept[table] !== salesRebuilt[table]) fail(`sales roll-up ${table} differs from its rebuild`);
  const collectionKept = await rollupSnapshot(knex, collectionTables);
  await collection.rebuildReceivableFacts(strapi);
  const collectionRebuilt = await rollupSnapshot(knex, collectionTables);
  for (const [table] of collectionTables)
    if (collectionKept[table] !== collectionRebuilt[table]) fail(`receivable roll-up ${table} differs from its rebuild`);
  const factRows = Number((await knex(sales.SALES_FACTS).count({ n: '*' }))[0].n);
  // Mails: every notification sent, each Message-ID received once.
  const mails = await q('api::notification.notification').findMany({ select: ['state', 'messageId', 'lastError'] });
  const notSent = mails.filter((m) => m.state !== 'sent');
  if (notSent.length) fail(`${notSent.length} notifications not sent: ${JSON.stringify(notSent.slice(0, 3))}`);
  const ids = new Set(mails.map((m) => m.messageId));
  const received = expected.messageIds;
  const distinct = new Set(received);
  if (received.length !== distinct.size) fail(`${received.length - distinct.size} mails received twice`);
  if (distinct.size !== mails.length || [...distinct].some((id) => !ids.has(id)))
    fail(`${distinct.size} distinct mails received for ${mails.length} notifications`);
  return {
    failures,
    counts: {
      events: events.length,
      opinions: opinions.length,
      seals: seals.length,
      receivables: receivables.length,
      factRows,
      mails: mails.length,
    },
  };
};

/** In the child (`bench.js --child load A|B distDir`): a Strapi serving HTTP until told to stop. */
const child = async (name, distDir) => {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: APP_DIR, distDir, autoReload: false, serveAdminPanel: false }).load();
  try {
    strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = strapi.server.httpServer.address();
    const setup = process.env.BENCH_LOAD_SETUP ? await prepare(strapi, Number(process.env.BENCH_LOAD_SETUP)) : null;
    const sending = async () =>
      Number(await strapi.db.query('api::notification.notification').count({ where: { state: { $in: ['pending', 'sending'] } } }));
    process.send({ ready: { port, setup } });
    await new Promise((resolve) => {
      process.on('message', async (message) => {
        try {
          if (message.sending) process.send({ sending: await sending() });
          if (message.check) process.send({ checked: await check(strapi, distDir, message.check) });
          if (message.stop) resolve();
        } catch (error) {
          process.send({ error: String(error.stack || error) });
        }
      });
    });
    return { name };
  } finally {
    await new Promise((resolve) => strapi.server.httpServer.close(resolve));
    await strapi.destroy();
  }
};

// ---- in the bench's process ----

/** An app instance in its own process; `ask(message)` resolves to its next answer. */
const startInstance = (name, distDir, env) =>
  new Promise((resolve, reject) => {
    const proc = fork(path.join(__dirname, 'bench.js'), ['--child', 'load', name, distDir], {
      env: { ...process.env, ...env },
      stdio: ['inherit', 'pipe', 'inherit', 'ipc'],
    });
    proc.stdout.on('data', (chunk) => {
      for (const line of String(chunk).split('\n'))
        if (line.trim() && !line.startsWith('{"name"')) process.stderr.write(`  [${name}] ${line}\n`);
    });
    const exited = new Promise((done) => proc.once('exit', done));
    const next = () =>
      new Promise((answer, fail) => {
        const onExit = (code) => fail(new Error(`instance ${name} exited with ${code}`));
        proc.once('exit', onExit);
        proc.once('message', (message) => {
          proc.off('exit', onExit);
          if (message.error) fail(new Error(`instance ${name}: ${message.error}`));
          else answer(message);
        });
      });
    next().then(({ ready }) => {
      resolve({
        name,
        ...ready,
        ask: (message) => {
          const answer = next();
          proc.send(message);
          return answer;
        },
        stop: async () => {
          if (proc.exitCode === null) proc.send({ stop: true });
          await exited;
        },
      });
    }, reject);
  });

/** One REST call on a keep-alive agent: { status, body, ms }. */
const call = (agent, port, method, url, token, body) =>
  new Promise((resolve) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const started = clock();
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url,
        agent,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const ms = msSince(started);
          try {
            resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString('utf8')), ms });
          } catch {
            resolve({ status: res.statusCode, body: null, ms });
          }
        });
      }
    );
    req.on('error', (error) => resolve({ status: 0, body: { error: { message: error.message } }, ms: msSince(started) }));
    req.end(payload);
  });

/** What the clients were answered, for the checks: per record its succeeded actions and state. */
const newLedger = () => ({ records: { contract: {}, order: {}, shipment: {} }, shipped: {} });

/**
 * One client for `seconds`: record after record through the workflows. Answers the ms of each
 * successful step by action, and every refusal.
 */
const runClient = async ({ agent, port, member, products, ledger, until }) => {
  const timings = {};
  const refusals = [];
  let steps = 0;
  const step = async (action, role, method, url, body, record) => {
    const res = await call(agent, port, method, url, member[role], body);
    if (res.status === 200 || res.status === 201) {
      (timings[action] ??= []).push(res.ms);
      if (method !== 'GET') steps += 1;
      if (record) {
        record.actions.push(action.replace(/^(order|contract|shipment) /, ''));
        if (res.body?.data?.state) record.state = res.body.data.state;
      }
      return res.body.data;
    }
    refusals.push({
      action,
      status: res.status,
      message: res.body?.error?.message ?? JSON.stringify(res.body),
      details: res.body?.error?.details,
    });
    return null;
  };
  const act = (kind, record, documentId, action, role, fields) =>
    step(
      `${kind} ${action}`,
      role,
      'POST',
      `/api/${kind}s/${documentId}/workflow/${action}`,
      { data: { version: record.version, ...fields } },
      record
    ).then((data) => {
      if (data) record.version = data.version;
      return data;
    });
  while (Date.now() < until) {
    // An order of 1–3 products, a contract drafted from it.
    const picked = crypto.randomInt(1, 4);
    const first = crypto.randomInt(0, products.length);
    const lines = Array.from({ length: picked }, (_, i) => ({
      product: products[(first + i) % products.length],
      quantity: crypto.randomInt(1, 6),
      unitPrice: '100.00',
    }));
    const order = await step('order create', 'specialist', 'POST', '/api/orders?populate[lines][populate]=product', {
      data: { customer: member.customer, channel: 'phone', requiredDate: dayPlus(60), lines },
    });
    if (!order) continue;
    const orderRecord = (ledger.records.order[order.documentId] = { actions: [], state: order.state, version: order.version });
    if (Date.now() >= until) break;
    const contract = await step('contract draft', 'specialist', 'POST', '/api/contracts', {
      data: { orders: [order.documentId], paymentTerms: 'T/T 30 days' },
    });
    if (!contract) continue;
    const c = (ledger.records.contract[contract.documentId] = {
      actions: [],
      state: contract.state,
      version: contract.version,
      reviewers: [],
    });
    const contractSteps = [
      ['submit', 'specialist', {}],
      ['review', 'supervisor', { verdict: 'approve' }],
      ['review', 'planner', { verdict: 'approve' }],
      ['reply', 'specialist', { channel: 'phone', content: 'approved, told by phone' }],
      ['seal', 'supervisor', { sealType: 'contract_seal', copies: 2, documentSha256: SHA }],
      ['activate', 'specialist', {}],
    ];
    let done = true;
    for (const [action, role, fields] of contractSteps) {
      if (Date.now() >= until || !(await act('contract', c, contract.documentId, action, role, fields))) {
        done = false;
        break;
      }
      if (action === 'review') c.reviewers.push(role === 'supervisor' ? 'cs-supervisor' : 'planner');
      if (action === 'activate') orderRecord.state = 'confirmed';
    }
    if (!done || Date.now() >= until) continue;
    // The order: read (activation moved it), scheduled, produced, ready.
    const read = await step('order read', 'planner', 'GET', `/api/orders/${order.documentId}`);
    if (!read) continue;
    orderRecord.version = read.version;
    const orderSteps = [
      ['schedule', 'planner', { plannedStart: dayPlus(10), plannedFinish: dayPlus(20), promisedDate: dayPlus(30) }],
      ['start_production', 'coordinator', {}],
      ['mark_ready', 'coordinator', {}],
    ];
    for (const [action, role, fields] of orderSteps) {
      if (Date.now() >= until || !(await act('order', orderRecord, order.documentId, action, role, fields))) {
        done = false;
        break;
      }
    }
    if (!done || Date.now() >= until) continue;
    // A shipment of every line, shipped and delivered; the order closed.
    const shipment = await step('shipment create', 'coordinator', 'POST', '/api/shipments', {
      data: {
        order: order.documentId,
        lines: order.lines.map((line) => ({ line: line.key, quantity: line.quantity })),
        transportMode: 'truck',
        truckPlate: '浙B·12345',
        driverName: '王师傅',
        plannedDate: dayPlus(1),
      },
    });
    if (!shipment) continue;
    const amountCents = order.lines.reduce((sum, line) => sum + line.quantity * Math.round(Number(line.unitPrice) * 100), 0);
    const s = (ledger.records.shipment[shipment.documentId] = {
      actions: [],
      state: shipment.state,
      version: shipment.version,
      amountCents,
    });
    if (Date.now() >= until || !(await act('shipment', s, shipment.documentId, 'ship', 'coordinator', {}))) continue;
    for (const line of order.lines)
      ledger.shipped[line.product.documentId] = (ledger.shipped[line.product.documentId] ?? 0) + line.quantity;
    orderRecord.state = 'shipped';
    if (Date.now() >= until || !(await act('shipment', s, shipment.documentId, 'deliver', 'coordinator', {}))) continue;
    const shippedOrder = await step('order read', 'coordinator', 'GET', `/api/orders/${order.documentId}`);
    if (!shippedOrder) continue;
    orderRecord.version = shippedOrder.version;
    if (Date.now() >= until) continue;
    await act('order', orderRecord, order.documentId, 'close', 'coordinator', {});
  }
  return { timings, refusals, steps };
};

/** The baseline: the same clients asking for the product list for `seconds`. */
const runBaseline = async ({ agent, port, member, until }) => {
  const ms = [];
  const refusals = [];
  while (Date.now() < until) {
    const res = await call(agent, port, 'GET', BASELINE, member.specialist);
    if (res.status === 200) ms.push(res.ms);
    else refusals.push({ action: 'GET products', status: res.status, message: res.body?.error?.message ?? JSON.stringify(res.body) });
  }
  return { ms, refusals };
};

/** `clients` clients spread over the instances' ports, each running `work` until the same moment. */
const drive = async (ports, clients, setup, seconds, work, extra = {}) => {
  const agents = ports.map(() => new http.Agent({ keepAlive: true, maxSockets: clients }));
  const started = clock();
  const until = Date.now() + seconds * 1000;
  const results = await Promise.all(
    Array.from({ length: clients }, (_, i) =>
      work({
        agent: agents[i % ports.length],
        port: ports[i % ports.length],
        member: setup.staff[i],
        products: setup.products,
        until,
        ...extra,
      })
    )
  );
  const elapsed = msSince(started) / 1000;
  for (const agent of agents) agent.destroy();
  return { results, elapsed };
};

/** A small SMTP server keeping only each mail's Message-ID: the real peer of the outbox, cheap to run beside the clients. */
const startMailCounter = () =>
  new Promise((resolve, reject) => {
    const { SMTPServer } = require('smtp-server');
    const messageIds = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let head = '';
        stream.on('data', (chunk) => {
          if (head.length < 65536 && !head.includes('\r\n\r\n')) head += chunk.toString('latin1');
        });
        stream.on('end', () => {
          const found = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(head);
          messageIds.push(found ? found[1] : `(none ${messageIds.length})`);
          callback();
        });
      },
    });
    server.on('error', () => undefined);
    server.listen(0, '127.0.0.1', () =>
      resolve({ port: server.server.address().port, messageIds, close: () => new Promise((done) => server.close(done)) })
    );
    server.server.once('error', reject);
  });

const run = async ({ distDir }) => {
  const os = require('os');
  const name = `cs_bench_load_${process.pid}`;
  const onPostgres = (sql) => onServer(sql, { connectionTimeoutMillis: 5000 });
  try {
    await onPostgres('SELECT 1');
  } catch (error) {
    console.log(`  postgres: skipped, unreachable: ${error.message || error.code}`);
    return;
  }
  const maxClients = Math.max(...CLIENTS);
  const dist = await distDir();
  await onPostgres(`CREATE DATABASE ${name}`);
  const mail = await startMailCounter();
  const env = {
    DATABASE_CLIENT: 'postgres',
    DATABASE_URL: databaseUrl(name),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mail.port),
    // As in production: every instance sends the outbox and runs the scheduled jobs.
    NOTIFICATION_WORKER: 'true',
    CRON_ENABLED: 'true',
  };
  const instances = [];
  const failures = [];
  try {
    instances.push(await startInstance('A', dist, { ...env, BENCH_LOAD_SETUP: String(maxClients) }));
    const { setup } = instances[0];
    const ledger = newLedger();
    const figures = [];
    const refusals = [];
    for (const count of INSTANCES) {
      while (instances.length < count) instances.push(await startInstance(String.fromCharCode(65 + instances.length), dist, env));
      const ports = instances.slice(0, count).map((i) => i.port);
      // Warm-up (not measured, checked like the rest): a record through each instance, the baseline read.
      await drive(ports, ports.length, setup, 3, runClient, { ledger });
      await drive(ports, ports.length, setup, 1, runBaseline);
      for (const clients of CLIENTS) {
        const load = await drive(ports, clients, setup, SECONDS, runClient, { ledger });
        const base = await drive(ports, clients, setup, SECONDS, runBaseline);
        const timings = {};
        for (const r of load.results) for (const [action, ms] of Object.entries(r.timings)) (timings[action] ??= []).push(...ms);
        const stepMs = Object.entries(timings)
          .filter(([action]) => !action.endsWith(' read'))
          .flatMap(([, ms]) => ms);
        const steps = load.results.reduce((sum, r) => sum + r.steps, 0);
        const refused = [...load.results.flatMap((r) => r.refusals), ...base.results.flatMap((r) => r.refusals)];
        for (const r of refused) refusals.push({ ...r, instances: count, clients });
        const baseMs = base.results.flatMap((r) => r.ms);
        figures.push({
          instances: count,
          clients,
          steps,
          stepsPerSecond: steps / load.elapsed,
          p50: percentile(stepMs, 50),
          p95: percentile(stepMs, 95),
          getsPerSecond: baseMs.length / base.elapsed,
          getP50: percentile(baseMs, 50),
          conflicts: refused.filter((r) => r.status === 409).length,
          serverErrors: refused.filter((r) => r.status >= 500 || r.status === 0).length,
          other: refused.filter((r) => r.status !== 409 && r.status < 500 && r.status !== 0).length,
          byAction: Object.fromEntries(
            Object.entries(timings).map(([action, ms]) => [action, { p50: percentile(ms, 50), p95: percentile(ms, 95), n: ms.length }])
          ),
          load: os.loadavg()[0],
        });
        const f = figures[figures.length - 1];
        console.log(
          `  ${count} instance(s), ${String(clients).padStart(2)} clients: ${fixed(f.stepsPerSecond)} steps/s, p50 ${fixed(f.p50, 0)} ms, p95 ${fixed(f.p95, 0)} ms; ${fixed(f.getsPerSecond)} GET/s; 409: ${f.conflicts}, 5xx: ${f.serverErrors} (load ${f.load.toFixed(2)})`
        );
      }
    }

    console.log(
      `\n  ${SECONDS} s per figure; a step: one workflow write through REST (order, contract, 6 contract actions, 3 order actions, shipment, ship, deliver, close); baseline: GET ${BASELINE} as cs-specialist, the same clients on the same instances for the same time; load = 1-minute load average at the end (${os.cpus().length} cores)`
    );
    const row = (...cells) => console.log(`  ${cells.map((c, i) => String(c)[i < 2 ? 'padEnd' : 'padStart'](i < 2 ? 10 : 11)).join('')}`);
    row(
      'instances',
      'clients',
      'steps',
      'steps/s',
      'p50 ms',
      'p95 ms',
      'GET/s',
      'GET p50',
      'steps/GET',
      'p50/GET',
      '409',
      '5xx',
      'other',
      'load'
    );
    for (const f of figures) {
      row(
        f.instances,
        f.clients,
        f.steps,
        fixed(f.stepsPerSecond),
        fixed(f.p50, 0),
        fixed(f.p95, 0),
        fixed(f.getsPerSecond),
        fixed(f.getP50, 1),
        `${fixed(f.stepsPerSecond / f.getsPerSecond, 2)}×`,
        `${fixed(f.p50 / f.getP50, 1)}×`,
        f.conflicts,
        f.serverErrors,
        f.other,
        f.load.toFixed(2)
      );
    }
    console.log('\n  p50/p95 ms per action (instances×clients)');
    const actions = [...new Set(figures.flatMap((f) => Object.keys(f.byAction)))];
    const cell = (s, w) => String(s).padStart(w);
    console.log(`  ${'action'.padEnd(26)}${figures.map((f) => cell(`${f.instances}×${f.clients}`, 12)).join('')}`);
    for (const action of actions) {
      console.log(
        `  ${action.padEnd(26)}${figures.map((f) => cell(f.byAction[action] ? `${fixed(f.byAction[action].p50, 0)}/${fixed(f.byAction[action].p95, 0)}` : '–', 12)).join('')}`
      );
    }

    const conflicts = refusals.filter((r) => r.status === 409);
    const errors = refusals.filter((r) => r.status !== 409);
    if (conflicts.length) {
      console.log(`\n  409 answers (${conflicts.length}; every client works its own records, so none is a real race):`);
      for (const r of conflicts)
        console.log(`    ${r.instances}×${r.clients} ${r.action}: ${r.message}${r.details ? ` ${JSON.stringify(r.details)}` : ''}`);
      failures.push(`${conflicts.length} answers 409`);
    }
    if (errors.length) {
      console.log(`\n  other refusals and errors (${errors.length}):`);
      for (const r of errors.slice(0, 50)) console.log(`    ${r.instances}×${r.clients} ${r.action}: ${r.status} ${r.message}`);
      failures.push(`${errors.length} answers neither 2xx nor 409`);
    }

    // Every mail sent (each instance's worker), then the checks on instance A.
    const waitStart = Date.now();
    let left = await instances[0].ask({ sending: true });
    while (left.sending > 0 && Date.now() - waitStart < MAIL_WAIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      left = await instances[0].ask({ sending: true });
    }
    console.log(
      `\n  outbox drained in ${((Date.now() - waitStart) / 1000).toFixed(1)} s after the load (${left.sending} left); ${mail.messageIds.length} mails received`
    );
    for (const instance of instances.slice(1)) await instance.stop();
    instances.splice(1);
    const expected = { ...ledger, products: setup.products, messageIds: mail.messageIds };
    for (const kind of Object.keys(expected.records)) for (const record of Object.values(expected.records[kind])) delete record.version;
    const { checked } = await instances[0].ask({ check: expected });
    const records = Object.values(ledger.records.contract);
    console.log(
      `  checked ${records.length} contracts (${records.filter((r) => r.state === 'active').length} active), ${Object.keys(ledger.records.order).length} orders (${
        Object.values(ledger.records.order).filter((r) => r.state === 'closed').length
      } closed), ${Object.keys(ledger.records.shipment).length} shipments; ${checked.counts.events} history events, ${checked.counts.opinions} opinions, ${checked.counts.seals} seal log entries, ${
        checked.counts.receivables
      } receivables, ${checked.counts.factRows} sales fact rows, ${checked.counts.mails} mails`
    );
    if (checked.failures.length) {
      console.log(`  checks FAILED (${checked.failures.length}):`);
      for (const f of checked.failures.slice(0, 50)) console.log(`    ${f}`);
      failures.push(`${checked.failures.length} checks failed`);
    } else {
      console.log(
        '  checks passed: history, opinions, seal log, states, stock, receivables, sales and receivable roll-ups = rebuild, mails exactly once'
      );
    }
  } finally {
    for (const instance of instances) await instance.stop().catch(() => undefined);
    await mail.close();
    await onPostgres(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  if (failures.length) throw new Error(failures.join('; '));
};

module.exports = { run, child };
