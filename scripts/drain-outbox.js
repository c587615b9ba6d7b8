#!/usr/bin/env node
/**
 * Sends every notification that is due now and exits: for operations (mail stuck behind a stopped
 * worker) and as a second, independent worker process in tests. Uses the configured database and
 * SMTP server; safe beside running instances (rows are claimed with SKIP LOCKED on PostgreSQL).
 * With `--now`, mails waiting for their next try (after the mail server was down) go out too.
 * Expects a compiled app (dist/), as after `npm run build`.
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const main = async () => {
  process.env.DEMO_DATA = 'false';
  process.env.NOTIFICATION_WORKER = 'false';
  process.env.STARTUP_LOG = 'false';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  const appDir = path.resolve(__dirname, '..');
  const distDir = path.join(appDir, 'dist');
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  const { drainOutbox, retryWaitingNow } = require(path.join(distDir, 'src', 'notifications', 'worker.js'));
  if (process.argv.includes('--now')) await retryWaitingNow(strapi);
  const result = await drainOutbox(strapi);
  console.log(JSON.stringify(result));
  await strapi.destroy();
  process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
