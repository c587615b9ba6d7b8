/**
 * PostgreSQL plans from table statistics, and a table Strapi's schema sync has just created has
 * none until autovacuum analyses it — after 50 changed rows. Until then the planner assumes a
 * table of several pages: a query joining a new, still empty table (customer opinions and needs
 * when they came) was planned costly enough to be JIT-compiled and took 420 ms instead of 26 ms.
 * At start, the tables of the app's schema never analysed are analysed (an empty one in
 * milliseconds). SQLite plans without such statistics: nothing to do there.
 */
import type { Core } from '@strapi/strapi';

export const analyseNewTables = async (strapi: Core.Strapi): Promise<string[]> => {
  if (strapi.db.dialect.client !== 'postgres') return [];
  const knex = strapi.db.connection;
  // reltuples is -1 for a table never vacuumed nor analysed (PostgreSQL 14 and later).
  const { rows } = await knex.raw<{ rows: { name: string }[] }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND c.reltuples < 0 AND n.nspname = current_schema()`
  );
  for (const { name } of rows) await knex.raw('ANALYZE ??', [name]);
  return rows.map((row) => row.name);
};
