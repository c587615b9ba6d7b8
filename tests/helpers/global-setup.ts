/**
 * Compiles the TypeScript app into dist/ once, before any test file boots Strapi from it. CI compiles
 * once and runs the SQLite and PostgreSQL suites side by side on that build (TEST_SKIP_COMPILE=true):
 * two compilations into one dist/ at once would trip over each other.
 */
import path from 'path';
import { compileStrapi } from '@strapi/strapi';
import './test-env';

export default async () => {
  if (process.env.TEST_SKIP_COMPILE === 'true') return;
  await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });
};
