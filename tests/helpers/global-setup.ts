/**
 * Compiles the TypeScript app into dist/ once (unless TEST_SKIP_COMPILE=true: CI has just built
 * it and runs the two databases' suites at once, which must not write dist/ together), then
 * prepares the database every test file starts from (see prepareTemplateDatabase).
 */
import path from 'path';
import { compileStrapi } from '@strapi/strapi';
import './test-env';
import { prepareTemplateDatabase } from './strapi';

export default async () => {
  if (process.env.TEST_SKIP_COMPILE !== 'true') await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });
  (globalThis as { dropTestTemplate?: () => Promise<void> }).dropTestTemplate = await prepareTemplateDatabase();
};
