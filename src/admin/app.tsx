/**
 * Admin panel customisation: languages offered to staff (English and Simplified Chinese), our
 * texts in both, and the workflow actions (orders, contracts, complaints, shipments, payments) on
 * the content manager's screens.
 */
import { registerWorkflows, workflowTranslations } from './workflow';

export default {
  config: {
    locales: ['zh-Hans'],
    translations: workflowTranslations,
  },
  bootstrap(app: { getPlugin: (id: string) => unknown }) {
    registerWorkflows(app);
  },
};
