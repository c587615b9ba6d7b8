/**
 * The month-end aging snapshots (src/cash-collection/aging-snapshots.ts): the days built and, per day,
 * the receivables open at its end with what they owed then. Built by the daily collection job.
 */
import { openItemColumns } from './0006-receivables-roll-up';
import type { SchemaVersion } from './types';

const version: SchemaVersion = {
  version: 7,
  name: 'aging-snapshots',
  async up({ knex }) {
    if (!(await knex.schema.hasTable('aging_snapshot_days'))) {
      await knex.schema.createTable('aging_snapshot_days', (table) => {
        table.date('as_of').primary();
        table.timestamp('built_at').notNullable();
      });
    }
    if (!(await knex.schema.hasTable('aging_snapshot_items'))) {
      await knex.schema.createTable('aging_snapshot_items', (table) => {
        table.date('as_of').notNullable();
        table.integer('receivable_id').notNullable();
        openItemColumns(table);
        table.primary(['as_of', 'receivable_id']);
      });
    }
    await knex.raw('CREATE INDEX IF NOT EXISTS aging_snapshot_items_receivable_index ON aging_snapshot_items (receivable_id)');
  },
};

export default version;
