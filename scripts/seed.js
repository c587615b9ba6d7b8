#!/usr/bin/env node
/**
 * Loads generated data in bulk: `npm run seed -- --scale N` adds N times the demo volume
 * (60 customers, 100 products, 1,000 orders with 5,000 lines, 600 contact-log entries per unit;
 * products capped at 5,000 a run). `--scale large` is 200: 12,000 customers, 200,000
 * orders and 1,000,000 order lines; `--scale 10x-large` is 2,000: 10,000,000 lines. Then
 * receivables (1.5 per newly shipped order: 300,000 at large), payments and allocations for most of
 * those due, and sales targets. Uses the configured database (DATABASE_CLIENT etc.); data is added
 * to what is there, continuing the number series.
 *
 * It loads in rounds of at most 100 units (500,000 lines; SEED_ROUND_UNITS sets another size), each round whole: its records, then the
 * receivables of the orders it shipped. Every finished round is recorded in the table `seed_rounds`
 * (under the scale asked for), so `--resume` continues an interrupted seed of the same scale after
 * its last finished round. A round cut off part-way leaves the chunks it had committed (each a
 * whole, consistent transaction) and is loaded again in full: a resumed seed holds at most one
 * round's part more than asked. `--without-contact-log` leaves out the contact-log entries (the
 * inquiries: nothing in the sales figures reads them; a tenth of the seeding time).
 */
const path = require('path');
const cliProgress = require('cli-progress');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const PRESETS = { demo: 1, large: 200, '10x-large': 2000 };
// Units per round (SEED_ROUND_UNITS: smaller rounds, e.g. to try --resume on a small scale).
const ROUND = Number(process.env.SEED_ROUND_UNITS) || 100;
const ROUNDS_TABLE = 'seed_rounds';

const parseScale = (argv) => {
  const at = argv.indexOf('--scale');
  const raw = at >= 0 ? argv[at + 1] : 'demo';
  const factor = PRESETS[raw] ?? Number(raw);
  if (!Number.isInteger(factor) || factor < 1) {
    console.error(`--scale must be a whole number >= 1 or one of ${Object.keys(PRESETS).join(', ')}; got ${raw}`);
    process.exit(2);
  }
  return factor;
};

/** The rounds of a scale: factors of at most ROUND units that add up to it. */
const roundsOf = (factor) => Array.from({ length: Math.ceil(factor / ROUND) }, (_, i) => Math.min(ROUND, factor - i * ROUND));

const main = async () => {
  const argv = process.argv.slice(2);
  const factor = parseScale(argv);
  const resume = argv.includes('--resume');
  const withoutContactLog = argv.includes('--without-contact-log');
  process.env.DEMO_DATA = 'false'; // no development accounts or automatic demo load at boot
  process.env.STARTUP_LOG = 'false';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  const appDir = path.resolve(__dirname, '..');
  const { distDir } = await compileStrapi({ appDir });
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  const { demoScale, loadDemoData } = require(path.join(distDir, 'src', 'demo', 'demo-data.js'));
  const { loadBulkCollection, loadDemoTargets } = require(path.join(distDir, 'src', 'demo', 'bulk-collection.js'));
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(ROUNDS_TABLE))) {
    await knex.schema.createTable(ROUNDS_TABLE, (table) => {
      table.integer('scale').notNullable();
      table.integer('round').notNullable();
      table.string('finished_at').notNullable();
      table.primary(['scale', 'round']);
    });
  }
  // Without --resume a seed starts afresh (and adds all its rounds to whatever is there).
  if (!resume) await knex(ROUNDS_TABLE).where({ scale: factor }).delete();
  const finished = new Set((await knex(ROUNDS_TABLE).where({ scale: factor }).select('round')).map((row) => Number(row.round)));
  const rounds = roundsOf(factor);
  console.log(
    `Seeding scale ${factor} into ${strapi.db.getInfo().client} in ${rounds.length} round(s)` +
      (finished.size ? `, ${finished.size} finished before (--resume)` : '') +
      `: ${JSON.stringify(demoScale(factor))}${withoutContactLog ? ', without the contact log' : ''}`
  );

  const started = Date.now();
  let receivables = 0;
  let payments = 0;
  for (const [round, units] of rounds.entries()) {
    if (finished.has(round)) continue;
    // One set of progress bars per round.
    const bars = new cliProgress.MultiBar(
      { format: '{step} |{bar}| {value}/{total} ({duration}s)', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 },
      cliProgress.Presets.shades_classic
    );
    const byStep = new Map();
    const onProgress = (step, done, total) => {
      if (!byStep.has(step)) byStep.set(step, bars.create(total, 0, { step: `${round + 1}/${rounds.length} ${step}`.padEnd(18) }));
      byStep.get(step).update(done);
    };
    const seed = (Date.now() + round) % 1_000_000;
    // The run's products come with its first round (later rounds order the products stored) and
    // its salespeople are the whole scale's; everything else is the round's share.
    const whole = demoScale(factor);
    const scale = { ...demoScale(units), products: round === 0 ? whole.products : 0, salespeople: whole.salespeople };
    if (withoutContactLog) scale.inquiries = 0;
    await loadDemoData(strapi, scale, { seed, password: process.env.DEMO_PASSWORD, onProgress });
    // The receivables side of the dashboard: 1.5 receivables per order shipped in this round,
    // payments and allocations for most of those due.
    const collection = await loadBulkCollection(strapi, { receivables: Math.round(scale.orders * 1.5), seed, onProgress });
    receivables += collection.receivables;
    payments += collection.payments;
    await knex(ROUNDS_TABLE).insert({ scale: factor, round, finished_at: new Date().toISOString() });
    bars.stop();
    console.log(`Round ${round + 1}/${rounds.length} finished after ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  }
  const targets = await loadDemoTargets(strapi);
  console.log(`Receivables ${receivables}, payments ${payments}, sales targets ${targets}.`);
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  await strapi.destroy();
  process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
