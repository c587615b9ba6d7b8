/**
 * The test environment: Node's, with the process's own `require` as `nativeRequire`. Jest gives
 * each test file a fresh module registry, so a Strapi required through it is loaded and evaluated
 * again for every file: about 4 of the 5 seconds a file's boot takes. Strapi and the compiled app
 * required with `nativeRequire` are evaluated once per run (the files run in band, in one
 * process) and each file still boots its own instance on its own database.
 *
 * Those modules live in the process's realm, not the test file's: the test file's Date is the
 * process's, so the dates a test hands to the app are the app's kind (the database drivers
 * recognise a Date by instanceof). They read the process's environment, not the test file's copy
 * of it: tests/helpers/strapi.ts copies the file's environment there before each boot, and it is
 * put back as it was after each file.
 */
const { TestEnvironment } = require('jest-environment-node');

class AppEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.nativeRequire = require;
    this.global.nativeEnv = process.env;
    this.global.Date = Date;
    this.savedEnv = { ...process.env };
  }

  async teardown() {
    for (const key of Object.keys(process.env)) if (!(key in this.savedEnv)) delete process.env[key];
    Object.assign(process.env, this.savedEnv);
    await super.teardown();
  }
}

module.exports = AppEnvironment;
