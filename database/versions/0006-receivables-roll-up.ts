/**
 * The receivables roll-up (src/cash-collection/receivable-facts.ts, docs/dashboard.md): receivable and
 * collection facts and the monthly billed/collected cube; a cube of an earlier layout (without the
 * count of its facts) is dropped. When a table is created the roll-up is refilled from the
 * receivables. Also two indexes on Strapi's tables, for the open items of past days: receivables by
 * invoice date, allocations by allocation date (names from Strapi's metadata).
 */
import type { SchemaVersion, TableBuilder } from './types';

/** Whose figures a row is: the customer with its region ('' none) and salesperson (0 none), and the currency. */
const ownerColumns = (table: TableBuilder) => {
  table.integer('customer_id').notNullable();
  table.string('region', 40).notNullable();
  table.integer('salesperson_id').notNullable();
  table.string('currency', 3).notNullable();
};

/** A receivable as an open item, as this version defines it (the month-end snapshots of version 7 have the same columns). */
export const openItemColumns = (table: TableBuilder) => {
  ownerColumns(table);
  table.date('invoice_date');
  table.date('due_date');
  table.bigInteger('amount_cents').notNullable();
  table.bigInteger('open_cents').notNullable();
};

const version: SchemaVersion = {
  version: 6,
  name: 'receivables-roll-up',
  async up({ knex, table: strapiTable, rebuild }) {
    let created = false;
    if ((await knex.schema.hasTable('collection_monthly')) && !(await knex.schema.hasColumn('collection_monthly', 'facts'))) {
      await knex.schema.dropTable('collection_monthly');
    }
    if (!(await knex.schema.hasTable('receivable_facts'))) {
      await knex.schema.createTable('receivable_facts', (table) => {
        table.integer('receivable_id').primary();
        openItemColumns(table);
      });
      created = true;
    }
    if (!(await knex.schema.hasTable('collection_facts'))) {
      await knex.schema.createTable('collection_facts', (table) => {
        table.integer('allocation_id').primary();
        table.integer('receivable_id').notNullable();
        ownerColumns(table);
        table.date('allocated_on');
        table.bigInteger('amount_cents').notNullable();
      });
      created = true;
    }
    if (!(await knex.schema.hasTable('collection_monthly'))) {
      await knex.schema.createTable('collection_monthly', (table) => {
        table.string('month', 7).notNullable();
        table.string('region', 40).notNullable();
        table.integer('salesperson_id').notNullable();
        table.string('currency', 3).notNullable();
        table.bigInteger('billed_cents').notNullable();
        table.bigInteger('collected_cents').notNullable();
        table.integer('facts').notNullable();
        table.primary(['currency', 'month', 'region', 'salesperson_id']);
      });
      created = true;
    }
    await knex.raw('CREATE INDEX IF NOT EXISTS receivable_facts_open_index ON receivable_facts (currency, due_date) WHERE open_cents > 0');
    await knex.raw('CREATE INDEX IF NOT EXISTS receivable_facts_invoice_index ON receivable_facts (currency, invoice_date)');
    await knex.raw('CREATE INDEX IF NOT EXISTS receivable_facts_customer_index ON receivable_facts (customer_id)');
    await knex.raw('CREATE INDEX IF NOT EXISTS collection_facts_receivable_index ON collection_facts (receivable_id)');
    await knex.raw('CREATE INDEX IF NOT EXISTS collection_facts_day_index ON collection_facts (currency, allocated_on)');
    await knex.raw('CREATE INDEX IF NOT EXISTS collection_facts_customer_index ON collection_facts (customer_id)');
    const receivables = strapiTable('api::receivable.receivable');
    const allocations = strapiTable('api::payment-allocation.payment-allocation');
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS receivables_invoice_date_index ON ${receivables.name} (${receivables.column('invoiceDate')})`
    );
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS payment_allocations_allocated_on_index ON ${allocations.name} (${allocations.column('allocatedOn')})`
    );
    if (created) rebuild('receivables');
  },
};

export default version;
