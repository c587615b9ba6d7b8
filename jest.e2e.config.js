/**
 * Browser tests: Debian's Chromium driven by playwright-core against `strapi start` (needs
 * `npm run build` first). Separate from `npm test` because Chromium is a system package that a
 * fresh machine may lack; .ci/run installs it and runs these. The demo data is loaded once, in
 * globalSetup; each file starts the app on its own copy of it, on its worker's port.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/tests/e2e/global-teardown.ts',
  testTimeout: 180000,
  // Two files at a time, each with its own app and Chromium: much of a browser test is waiting
  // (for the server, for rendering), so two share the two cores well.
  maxWorkers: 2,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
};
