/**
 * Where the time of a workflow step goes, for the workflow bench (scripts/bench.js): the round trips
 * to the database and the time spent waiting on them, counted from Knex's query events, and the CPU
 * by whose code ran, from a V8 sampling profile taken in process (node:inspector). The profile is
 * also written as a .cpuprofile file: Chrome DevTools (Performance › Load profile) or speedscope
 * draw it as a flame graph.
 */
const inspector = require('node:inspector');

/**
 * Counts the queries sent through `knex` (transactions copy its listeners) and the ms during which
 * at least one of them was waiting for its answer (queries side by side count once; BEGIN and
 * COMMIT, which Knex reports without an answer, count as queries only). `take()` answers both
 * since the last `take()`.
 */
const queryMeter = (knex) => {
  const started = new Map();
  let queries = 0;
  let answered = [];
  knex.on('query', (query) => {
    queries += 1;
    started.set(query.__knexQueryUid, process.hrtime.bigint());
  });
  const done = (query) => {
    const at = started.get(query?.__knexQueryUid);
    if (at === undefined) return;
    started.delete(query.__knexQueryUid);
    answered.push([at, process.hrtime.bigint()]);
  };
  knex.on('query-response', (_response, query) => done(query));
  knex.on('query-error', (_error, query) => done(query));
  return {
    take() {
      let waitNs = 0n;
      let reach = 0n;
      for (const [from, to] of answered.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
        const start = from > reach ? from : reach;
        if (to > start) waitNs += to - start;
        if (to > reach) reach = to;
      }
      const taken = { queries, waitMs: Number(waitNs) / 1e6 };
      queries = 0;
      answered = [];
      return taken;
    },
  };
};

/** Starts V8's sampling profiler in this process; the answer stops it and resolves to the profile. */
const startProfile = async (intervalMicros = 250) => {
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) =>
    new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: intervalMicros });
  await post('Profiler.start');
  return async () => {
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    return profile;
  };
};

/** Whose code a profile node is, in the order asked: the first category that matches. */
const CATEGORIES = [
  ['idle (waiting for the database)', ({ functionName }) => functionName === '(idle)'],
  ['garbage collection', ({ functionName }) => functionName === '(garbage collector)'],
  ['V8 and native code', ({ functionName }) => functionName === '(program)'],
  ['this app', ({ url }, appDir) => url.includes(`${appDir}/dist/`)],
  ['Strapi', ({ url }) => url.includes('/node_modules/@strapi/')],
  ['Knex and the pg driver', ({ url }) => /\/node_modules\/(knex|pg|pg-protocol|pg-pool|pg-types|tarn)\//.test(url)],
  ['other libraries', ({ url }) => url.includes('/node_modules/')],
  ['the profiler itself', ({ functionName, url }) => functionName === 'dispatch' && url === ''],
  // Without a script: SQLite's engine (better-sqlite3's run, all, Statement), socket writes (writev).
  ['native calls (SQLite, sockets)', ({ url }) => url === ''],
  ['Node.js', () => true],
];

/** The profile's time in ms by category (self time of each sampled function). */
const timeByCategory = (profile, appDir) => {
  const categoryOf = new Map(profile.nodes.map((node) => [node.id, CATEGORIES.find(([, matches]) => matches(node.callFrame, appDir))[0]]));
  const ms = Object.fromEntries(CATEGORIES.map(([name]) => [name, 0]));
  profile.samples.forEach((id, i) => {
    ms[categoryOf.get(id)] += (profile.timeDeltas[i] ?? 0) / 1000;
  });
  return ms;
};

module.exports = { queryMeter, startProfile, timeByCategory, CATEGORIES };
