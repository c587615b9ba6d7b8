/** Index creation shared by the versions that add a set of named indexes (each `name: 'table (columns) [WHERE …]'`). */
import type { Knex } from './types';

export const createIndexes = async (knex: Knex, indexes: Record<string, string>): Promise<void> => {
  for (const [name, on] of Object.entries(indexes)) await knex.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${on}`);
};
