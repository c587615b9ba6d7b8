/**
 * Admin panel customisation: languages offered to staff (English and Simplified Chinese), our
 * texts in both with the zh-Hans texts Strapi lacks (./translations), the workflow actions
 * (orders, contracts, complaints, shipments, payments) on the content manager's screens, the home
 * page's work list (待办), the customer file (客户档案), enumeration values, money and dates in
 * the content manager in the department's words and one format (./option-words), customers created
 * from their list rather than from pickers (./relation-pickers.ts), and none of Strapi's announcements (./quiet.ts).
 */
import { registerCustomerFileMenu, registerCustomerFilePanel } from './customer-file';
import { registerOptionWords } from './option-words';
import { dismissMediaLibraryBanner } from './quiet';
import { registerRelationPickers } from './relation-pickers';
import { registerServerOwnedHint } from './server-owned-hint';
import { adminTranslations } from './translations';
import { registerMyWork, registerReadOnlyRecords, registerWorkflows } from './workflow';

export default {
  config: {
    locales: ['zh-Hans'],
    translations: adminTranslations,
    // No "new Strapi version" notices and no guided tour: staff do not run the server.
    notifications: { releases: false },
    tutorials: false,
  },
  register(
    app: Parameters<typeof registerMyWork>[0] &
      Parameters<typeof registerCustomerFileMenu>[0] &
      Parameters<typeof registerReadOnlyRecords>[0]
  ) {
    dismissMediaLibraryBanner();
    registerReadOnlyRecords(app);
    registerRelationPickers(app);
    registerMyWork(app);
    registerCustomerFileMenu(app);
  },
  bootstrap(app: Parameters<typeof registerWorkflows>[0] & Parameters<typeof registerOptionWords>[0]) {
    registerWorkflows(app);
    registerOptionWords(app);
    registerCustomerFilePanel(app);
    registerServerOwnedHint(app);
  },
};
