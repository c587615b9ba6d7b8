/**
 * Admin panel customisation: languages offered to staff (English and Simplified Chinese), our
 * texts in both, and the workflow actions (orders, contracts, complaints, shipments, payments) on
 * the content manager's screens, and the home page's work list (待办).
 */
import { registerMyWork, registerWorkflows, workflowTranslations } from './workflow';

export default {
  config: {
    locales: ['zh-Hans'],
    translations: workflowTranslations,
  },
  register(app: Parameters<typeof registerMyWork>[0]) {
    registerMyWork(app);
  },
  bootstrap(app: Parameters<typeof registerWorkflows>[0]) {
    registerWorkflows(app);
  },
};
