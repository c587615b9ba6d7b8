/** Compiles the TypeScript app into dist/ once, before any test file boots Strapi from it. */
import path from 'path';
import { compileStrapi } from '@strapi/strapi';
import './test-env';

export default async () => {
  await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });
};
