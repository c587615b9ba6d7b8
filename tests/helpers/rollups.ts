/**
 * The roll-ups are what a rebuild from the base tables gives: their tables are read, rebuilt and
 * read again, and must not have moved.
 */
import type { Core } from '@strapi/strapi';
import { COLLECTION_FACTS, COLLECTION_MONTHLY, RECEIVABLE_FACTS, rebuildReceivableFacts } from '../../src/cash-collection/receivable-facts';
import { rebuildSalesFacts, SALES_DAILY, SALES_FACTS, SALES_MONTHLY, SALES_MONTHLY_BY } from '../../src/statistics/sales-facts';

const snapshot = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  return {
    receivables: await knex(RECEIVABLE_FACTS).select('*').orderBy('receivable_id'),
    allocations: await knex(COLLECTION_FACTS).select('*').orderBy('allocation_id'),
    monthly: await knex(COLLECTION_MONTHLY).select('*').orderBy(['currency', 'month', 'region', 'salesperson_id']),
  };
};

export const expectReceivableRollupExact = async (strapi: Core.Strapi) => {
  const kept = await snapshot(strapi);
  await rebuildReceivableFacts(strapi);
  expect(kept).toEqual(await snapshot(strapi));
};

const salesSnapshot = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  return {
    facts: await knex(SALES_FACTS).select('*').orderBy('line_id'),
    monthly: await knex(SALES_MONTHLY).select('*').orderBy(['month', 'region', 'salesperson_id', 'category', 'currency']),
    daily: await knex(SALES_DAILY).select('*').orderBy(['currency', 'day', 'region', 'category']),
    by: await knex(SALES_MONTHLY_BY).select('*').orderBy(['dimension', 'currency', 'month', 'group_key']),
  };
};

/** The sales roll-up (src/statistics/sales-facts.ts) is what a rebuild from the base tables gives. */
export const expectSalesRollupExact = async (strapi: Core.Strapi) => {
  const kept = await salesSnapshot(strapi);
  await rebuildSalesFacts(strapi);
  expect(kept).toEqual(await salesSnapshot(strapi));
};
