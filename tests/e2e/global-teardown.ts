/** Removes the demo database global-setup.ts prepared. */
export default async () => {
  (globalThis as { dropDemoTemplate?: () => void }).dropDemoTemplate?.();
};
