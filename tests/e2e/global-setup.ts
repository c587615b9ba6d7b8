/** Loads the demo data once for all browser test files (see prepareDemoTemplate). */
import { prepareDemoTemplate } from './server';

export default async () => {
  (globalThis as { dropDemoTemplate?: () => void }).dropDemoTemplate = await prepareDemoTemplate();
};
