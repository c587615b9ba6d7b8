/**
 * One jest run for unit and integration tests. Strapi is compiled once in globalSetup; each
 * integration file boots its own Strapi on a fresh database (SQLite file, or a PostgreSQL database
 * created and dropped per file when DATABASE_CLIENT=postgres). Files run in band: each boots a
 * whole Strapi, and two cores are better spent on one at a time.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  setupFiles: ['<rootDir>/tests/helpers/test-env.ts'],
  testTimeout: 120000,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
};
