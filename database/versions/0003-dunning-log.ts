/** `dunning_log`: one row per reminder or weekly report sent, its key unique (src/jobs/collection-dunning.ts). */
import type { SchemaVersion } from './types';

const version: SchemaVersion = {
  version: 3,
  name: 'dunning-log',
  async up({ knex }) {
    if (await knex.schema.hasTable('dunning_log')) return;
    await knex.schema.createTable('dunning_log', (table) => {
      table.string('key', 120).primary();
      table.bigInteger('sent_at').notNullable();
    });
  },
};

export default version;
