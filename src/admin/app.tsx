/**
 * Admin panel customisation: languages offered to staff (English and Simplified Chinese), our
 * texts in both with the zh-Hans texts Strapi lacks (./translations), and the workflow actions
 * (orders, contracts, complaints, shipments, payments) on the content manager's screens.
 */
import { registerServerOwnedHint } from './server-owned-hint';
import { adminTranslations } from './translations';
import { registerWorkflows } from './workflow';

export default {
  config: {
    locales: ['zh-Hans'],
    translations: adminTranslations,
  },
  bootstrap(app: { getPlugin: (id: string) => unknown; registerHook: (name: string, fn: (args: never) => unknown) => void }) {
    registerWorkflows(app);
    registerServerOwnedHint(app);
  },
};
