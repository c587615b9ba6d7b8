/**
 * The receivables roll-up (src/statistics/receivable-facts.ts) is what a rebuild from the base
 * tables gives: its three tables are read, rebuilt and read again, and must not have moved.
 */
import type { Core } from '@strapi/strapi';
import { COLLECTION_FACTS, COLLECTION_MONTHLY, RECEIVABLE_FACTS, rebuildReceivableFacts } from '../../src/statistics/receivable-facts';

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
