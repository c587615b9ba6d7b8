#!/usr/bin/env node
/**
 * `npm run openapi`: writes the REST API's description, docs/openapi.json, and the client types
 * generated from it, types/openapi.d.ts. Boots the compiled app on a throwaway SQLite database (the
 * routes and content types are all it reads), runs Strapi's generator and completes its output
 * from the endpoints' own declarations (src/platform/openapi.ts), validates it, and writes both.
 * `--no-compile` reuses dist/. See docs/api.md.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');
const { DESCRIPTION_FILE, TYPES_FILE, descriptionText, typesText, validateDescription } = require('./openapi-files');

const appDir = path.resolve(__dirname, '..');
const database = path.join(os.tmpdir(), `cs-openapi-${process.pid}.db`);
const secret = () => crypto.randomBytes(24).toString('base64');

const main = async () => {
  // Only generating: no database of anyone's, no mail, no jobs, no demo accounts; secrets nobody keeps.
  Object.assign(process.env, {
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: database,
    STRAPI_TELEMETRY_DISABLED: 'true',
    LOG_LEVEL: 'error',
    STARTUP_LOG: 'false',
    DEMO_DATA: 'false',
    NOTIFICATION_WORKER: 'false',
    CRON_ENABLED: 'false',
  });
  for (const name of ['ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY', 'JWT_SECRET'])
    process.env[name] ??= secret();
  process.env.APP_KEYS ??= `${secret()},${secret()}`;

  const distDir = process.argv.includes('--no-compile') ? path.join(appDir, 'dist') : (await compileStrapi({ appDir })).distDir;
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  strapi.server.mount();
  const { apiDescription } = require(path.join(distDir, 'src', 'platform', 'openapi.js'));
  const document = apiDescription(strapi);
  await strapi.destroy();

  await validateDescription(document);
  fs.writeFileSync(DESCRIPTION_FILE, descriptionText(document));
  fs.writeFileSync(TYPES_FILE, await typesText(document));
  console.log(
    `${path.relative(appDir, DESCRIPTION_FILE)}: ${Object.keys(document.paths).length} paths, valid; ${path.relative(appDir, TYPES_FILE)} written`
  );
};

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const file of [database, `${database}-wal`, `${database}-shm`, `${database}-journal`]) fs.rmSync(file, { force: true });
    process.exit();
  });
