/**
 * Starts the compiled app once on the (empty) database the environment points at and stops it:
 * the schema is created and the bootstrap has run. The test helpers copy this database for each
 * test file (tests/helpers/strapi.ts, prepareTemplateDatabase).
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const APP_DIR = path.resolve(__dirname, '..', '..');

(async () => {
  const strapi = await createStrapi({
    appDir: APP_DIR,
    distDir: path.join(APP_DIR, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  await strapi.destroy();
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
