/**
 * Application lifecycle. register(): the document-service guards, before anything can write, and
 * the admin panel's own routes. bootstrap(): the app's own tables and indexes (the schema versions
 * in database/versions/), the workflows' last-line lifecycle hooks, the customers' search text, the department's roles and
 * permissions, the content manager's layouts, in development the demo accounts and (on an empty
 * database) demo data, and the e-mail outbox worker; the sales dashboard's roll-up and the hooks
 * that keep it exact. destroy(): the worker stops after its current round.
 */
import type { Core } from '@strapi/strapi';
import { registerAdminRoutes } from './admin-api/routes';
import { applyContentManagerLayouts } from './content-manager/layouts';
import { loadDemoWorkflows } from './demo/demo-workflows';
import { demoScale, loadDemoData } from './demo/demo-data';
import { moveLegacyNeeds } from './customer-voice/legacy-needs';
import { registerGuards } from './guards';
import { checkSearchIndex, fillMissingSearchTexts, searchCustomersBySearchText } from './customer-search/search-text';
import { keepPrivateFieldsOutOfSearch } from './middlewares/private-fields';
import { redactStoredLinks } from './notifications/links';
import { reuseCompiledAbilities } from './platform/ability-cache';
import { applySchemaVersions } from './platform/schema-versions';
import { analyseNewTables } from './platform/table-statistics';
import { startOutboxWorker } from './notifications/worker';
import { rebuildReceivableFacts } from './cash-collection/receivable-facts';
import { followReceivableChanges } from './cash-collection/receivable-roll-ups';
import { followSalesChanges, rebuildSalesFacts, salesCubesLeftEmpty } from './statistics/sales-facts';
import { ensureDevAccounts, printDevAccounts } from './staff/dev-accounts';
import { syncRoles } from './staff/role-sync';
import { protectInverseRelations, protectWorkflowRecords } from './workflow-engine/last-line';

const loadDevelopmentData = async (strapi: Core.Strapi) => {
  const password = process.env.DEMO_PASSWORD;
  if (!password) {
    strapi.log.warn('DEMO_PASSWORD is not set: no development accounts (run `npm run develop`, which generates it).');
    return;
  }
  await ensureDevAccounts(strapi, password);
  if ((await strapi.db.query('api::customer.customer').count()) === 0) {
    strapi.log.info('Empty database: loading demo data ...');
    const started = Date.now();
    await loadDemoData(strapi, demoScale(1), { password });
    strapi.log.info(`Demo records (customers, products, orders with their history, contact log) in ${Date.now() - started} ms.`);
    await loadDemoWorkflows(strapi, (message) => strapi.log.info(message));
    strapi.log.info('Demo data loaded.');
  }
  printDevAccounts(strapi, password);
};

let stopOutboxWorker: (() => Promise<void>) | undefined;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerGuards(strapi);
    searchCustomersBySearchText(strapi);
    registerAdminRoutes(strapi);
    keepPrivateFieldsOutOfSearch(strapi);
    reuseCompiledAbilities(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // The app's own tables and indexes (database/versions/, database/README.md), after Strapi's schema sync.
    const schema = await applySchemaVersions(strapi);
    await analyseNewTables(strapi);
    protectWorkflowRecords(strapi);
    protectInverseRelations(strapi);
    // Customers written before their search text existed (or around the Document Service) get it now.
    const searchTexts = await fillMissingSearchTexts(strapi);
    if (searchTexts > 0) strapi.log.info(`Customer search: filled the search text of ${searchTexts} customers.`);
    await checkSearchIndex(strapi);
    // The sales roll-up: filled from the orders when its tables are created, then kept in step by every write.
    if (schema.rebuild.has('sales') || (await salesCubesLeftEmpty(strapi))) await rebuildSalesFacts(strapi);
    followSalesChanges(strapi);
    // The receivables roll-up likewise, kept by the writers of receivables, allocations and customers.
    if (schema.rebuild.has('receivables')) await rebuildReceivableFacts(strapi);
    followReceivableChanges(strapi);
    // Outbox rows from before links were rendered at send time keep no link (notifications/links.ts).
    await redactStoredLinks(strapi);
    await syncRoles(strapi);
    await applyContentManagerLayouts(strapi);
    const needs = await moveLegacyNeeds(strapi);
    if (needs > 0) strapi.log.info(`Moved ${needs} customers' free-text potential needs into need records.`);
    if (process.env.NODE_ENV !== 'production' && process.env.DEMO_DATA !== 'false') {
      await loadDevelopmentData(strapi);
    }
    if (strapi.config.get('server.notifications.worker')) stopOutboxWorker = startOutboxWorker(strapi);
  },

  async destroy() {
    await stopOutboxWorker?.();
    stopOutboxWorker = undefined;
  },
};
