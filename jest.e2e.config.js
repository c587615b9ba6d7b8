/**
 * Browser tests: Debian's Chromium driven by playwright-core against `strapi start` (needs
 * `npm run build` first). Separate from `npm test` because Chromium is a system package that a
 * fresh machine may lack; .ci/run installs it and runs these.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  testTimeout: 180000,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tmp/'],
};
