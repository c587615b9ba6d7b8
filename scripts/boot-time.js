/**
 * How long the compiled app takes to boot, the way the tests boot it (tests/helpers/strapi.ts): in
 * one process, on copies of a database the app has started on once. Prints the time to require
 * Strapi, then create and load per boot: the first boot evaluates Strapi's and the app's modules, the
 * later ones reuse them (what tests/helpers/environment.js saves each test file).
 * Usage: npm run build && node scripts/boot-time.js [boots, default 3]
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

const APP_DIR = path.resolve(__dirname, '..');
const BOOTS = Number(process.argv[2] || 3);
Object.assign(process.env, {
  NODE_ENV: 'test',
  STRAPI_TELEMETRY_DISABLED: 'true',
  APP_KEYS: 'boot-1,boot-2',
  ADMIN_JWT_SECRET: 'boot-admin-jwt',
  API_TOKEN_SALT: 'boot-api-token-salt',
  TRANSFER_TOKEN_SALT: 'boot-transfer-salt',
  ENCRYPTION_KEY: 'boot-encryption-key',
  JWT_SECRET: 'boot-jwt',
  LOG_LEVEL: 'error',
  STARTUP_LOG: 'false',
  DEMO_DATA: 'false',
  NOTIFICATION_WORKER: 'false',
  CRON_ENABLED: 'false',
  DATABASE_CLIENT: 'sqlite',
});

const since = (start) => `${Math.round(performance.now() - start)} ms`;

(async () => {
  const files = [];
  const fileFor = (name) => {
    const file = path.join(os.tmpdir(), `cs-boot-time-${process.pid}-${name}.db`);
    files.push(file);
    return file;
  };
  let start = performance.now();
  const { createStrapi } = require('@strapi/strapi');
  console.log(`require @strapi/strapi: ${since(start)}`);
  const boot = async (file) => {
    process.env.DATABASE_FILENAME = file;
    start = performance.now();
    const app = createStrapi({ appDir: APP_DIR, distDir: path.join(APP_DIR, 'dist'), autoReload: false, serveAdminPanel: false });
    const created = since(start);
    start = performance.now();
    await app.load();
    const loaded = since(start);
    await app.destroy();
    return `create ${created}, load ${loaded}`;
  };
  const template = fileFor('template');
  console.log(`first start on an empty database (schema, bootstrap): ${await boot(template)}`);
  for (let i = 1; i <= BOOTS; i += 1) {
    const copy = fileFor(String(i));
    fs.copyFileSync(template, copy);
    console.log(`boot ${i} on a copy: ${await boot(copy)}`);
  }
  for (const file of files) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
