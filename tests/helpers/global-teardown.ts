/** Removes the template database global-setup.ts prepared. */
export default async () => {
  await (globalThis as { dropTestTemplate?: () => Promise<void> }).dropTestTemplate?.();
};
