#!/usr/bin/env node
/**
 * Loads generated data in bulk: `npm run seed -- --scale N` adds N times the demo volume
 * (60 customers, 100 products, 1,000 orders with 5,000 lines, 600 contact-log entries per unit;
 * products capped at 5,000). `--scale large` is 200: 12,000 customers, 200,000 orders and
 * 1,000,000 order lines; then receivables (1.5 per order: 300,000 at large), payments and
 * allocations for most of those due, and sales targets. Uses the configured database (DATABASE_CLIENT etc.); data is added to
 * what is there, continuing the number series.
 */
const path = require('path');
const cliProgress = require('cli-progress');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const PRESETS = { demo: 1, large: 200 };

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

const main = async () => {
  const factor = parseScale(process.argv.slice(2));
  process.env.DEMO_DATA = 'false'; // no development accounts or automatic demo load at boot
  process.env.STARTUP_LOG = 'false';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  const appDir = path.resolve(__dirname, '..');
  const { distDir } = await compileStrapi({ appDir });
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  const { demoScale, loadDemoData } = require(path.join(distDir, 'src', 'demo', 'demo-data.js'));
  const scale = demoScale(factor);
  console.log(`Seeding scale ${factor} into ${strapi.db.getInfo().client}:`, scale);

  const bars = new cliProgress.MultiBar(
    { format: '{step} |{bar}| {value}/{total} ({duration}s)', hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000 },
    cliProgress.Presets.shades_classic
  );
  const byStep = new Map();
  const started = Date.now();
  await loadDemoData(strapi, scale, {
    seed: Date.now() % 1_000_000,
    password: process.env.DEMO_PASSWORD,
    onProgress: (step, done, total) => {
      if (!byStep.has(step)) byStep.set(step, bars.create(total, 0, { step: step.padEnd(11) }));
      byStep.get(step).update(done);
    },
  });
  // The receivables side of the dashboard: 1.5 receivables per order (300,000 at --scale large),
  // payments and allocations for most of those due, and sales targets.
  const { loadBulkCollection, loadDemoTargets } = require(path.join(distDir, 'src', 'demo', 'bulk-collection.js'));
  const collection = await loadBulkCollection(strapi, {
    receivables: Math.round(scale.orders * 1.5),
    seed: Date.now() % 1_000_000,
    onProgress: (step, done, total) => {
      if (!byStep.has(step)) byStep.set(step, bars.create(total, 0, { step: step.padEnd(11) }));
      byStep.get(step).update(done);
    },
  });
  const targets = await loadDemoTargets(strapi);
  bars.stop();
  console.log(`Receivables ${collection.receivables}, payments ${collection.payments}, sales targets ${targets}.`);
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  await strapi.destroy();
  process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
