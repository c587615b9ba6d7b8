/**
 * The customer search (src/customer-search/) looks for a substring of `customers.search_text`
 * (`ILIKE '%…%'`), which a B-tree index cannot serve. On PostgreSQL a trigram GIN index can, when
 * the pg_trgm extension can be created (it ships with PostgreSQL's contrib package; creating it
 * needs the CREATE privilege on the database, or a superuser on versions before 13). When it cannot,
 * the version completes without the index — searches then scan the customers, and
 * src/customer-search/search-text.ts (`checkSearchIndex`) says so at every start; database/README.md
 * shows the statements to run once the extension is available. SQLite has no such index: the
 * search scans (measured by `npm run bench -- search`).
 */
import type { SchemaVersion } from './types';

const version: SchemaVersion = {
  version: 8,
  name: 'customer-search-index',
  async up({ knex, client, table }) {
    if (client !== 'postgres') return;
    const customers = table('api::customer.customer');
    // A savepoint: a refused CREATE EXTENSION would otherwise abort the version's whole transaction.
    const extension = await knex
      .transaction(async (savepoint) => {
        await savepoint.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
        return true;
      })
      .catch(() => false);
    if (!extension) return;
    await knex.raw(`CREATE INDEX IF NOT EXISTS customers_search_text_trgm ON ?? USING gin (?? gin_trgm_ops)`, [
      customers.name,
      customers.column('searchText'),
    ]);
  },
};

export default version;
