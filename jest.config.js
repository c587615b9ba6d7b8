/**
 * One jest run for unit and integration tests. Strapi is compiled once in globalSetup, which also
 * prepares a template database (the app started once on it); each integration file boots its own
 * Strapi on a fresh copy of it (SQLite file, or a PostgreSQL database created from the template and
 * dropped per file when DATABASE_CLIENT=postgres). Files run in band: each boots a whole Strapi.
 */
module.exports = {
  // Node's, with the process's require for Strapi and the compiled app (tests/helpers/environment.js).
  testEnvironment: '<rootDir>/tests/helpers/environment.js',
  // Jest's clean-up of a file's globals would walk into the process's require cache and environment
  // that the environment shares (Strapi, loaded once): off, as before Jest 30.
  testEnvironmentOptions: { globalsCleanup: 'off' },
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
  setupFiles: ['<rootDir>/tests/helpers/test-env.ts'],
  testTimeout: 120000,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
};
