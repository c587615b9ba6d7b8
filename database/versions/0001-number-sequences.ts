/** `number_sequences`: one counter row per record-number series (src/platform/next-number.ts). */
import type { SchemaVersion } from './types';

const version: SchemaVersion = {
  version: 1,
  name: 'number-sequences',
  async up({ knex }) {
    if (await knex.schema.hasTable('number_sequences')) return;
    await knex.schema.createTable('number_sequences', (table) => {
      table.string('series', 40).primary();
      table.bigInteger('value').notNullable();
    });
  },
};

export default version;
