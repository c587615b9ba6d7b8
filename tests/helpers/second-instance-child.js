/**
 * A second Strapi instance in its own process, on the database the test's environment points at:
 * it boots from the compiled app (dist), says { ready }, then on { run: { module, fn, at } } calls
 * `require(dist/<module>)[fn](strapi, new Date(at))` and answers { result } or { error }; { stop }
 * destroys it. Used to show that a job runs once across instances.
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
  process.on('message', async (message) => {
    if (message.stop) {
      await strapi.destroy();
      process.exit(0);
    }
    if (message.run) {
      try {
        const module = require(path.join(APP_DIR, 'dist', message.run.module));
        process.send({ result: await module[message.run.fn](strapi, new Date(message.run.at)) });
      } catch (error) {
        process.send({ error: String(error && error.stack) });
      }
    }
  });
  process.send({ ready: true });
})().catch((error) => {
  process.send({ error: String(error && error.stack) });
  process.exit(1);
});
