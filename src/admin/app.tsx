/**
 * Admin panel customisation: languages offered to staff (English and Simplified Chinese), our
 * texts in both, and the contract workflow on the content manager's contract screens.
 */
import { registerContractWorkflow, workflowTranslations } from './workflow';

export default {
  config: {
    locales: ['zh-Hans'],
    translations: workflowTranslations,
  },
  bootstrap(app: { getPlugin: (id: string) => unknown }) {
    registerContractWorkflow(app);
  },
};
