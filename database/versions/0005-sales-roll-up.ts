/**
 * The sales roll-up (src/statistics/sales-facts.ts, docs/dashboard.md): the facts, one row per
 * counted order line, and the three cubes over them. Tables of an earlier layout (facts without
 * the category, rows by customer without the line count) are dropped; whenever a table is created
 * the roll-up is refilled from the orders.
 */
import type { SchemaVersion } from './types';

const TABLES = ['sales_facts', 'sales_monthly', 'sales_monthly_by', 'sales_daily'];

const version: SchemaVersion = {
  version: 5,
  name: 'sales-roll-up',
  async up({ knex, rebuild }) {
    const outdated =
      ((await knex.schema.hasTable('sales_facts')) && !(await knex.schema.hasColumn('sales_facts', 'category'))) ||
      ((await knex.schema.hasTable('sales_monthly_by')) && !(await knex.schema.hasColumn('sales_monthly_by', 'lines')));
    if (outdated) for (const table of TABLES) await knex.schema.dropTableIfExists(table);
    let created = false;
    if (!(await knex.schema.hasTable('sales_facts'))) {
      await knex.schema.createTable('sales_facts', (table) => {
        table.integer('line_id').primary();
        table.integer('order_id').notNullable();
        table.string('order_date', 10).notNullable();
        table.integer('customer_id');
        table.integer('salesperson_id');
        table.string('region', 40);
        table.integer('product_id');
        table.string('specification', 200);
        table.integer('quantity').notNullable();
        table.bigInteger('amount_cents').notNullable();
        table.string('currency', 3).notNullable();
        table.string('category', 255).notNullable();
      });
      created = true;
    }
    if (!(await knex.schema.hasTable('sales_monthly'))) {
      await knex.schema.createTable('sales_monthly', (table) => {
        table.string('month', 7).notNullable();
        table.string('region', 40).notNullable();
        table.integer('salesperson_id').notNullable();
        table.string('category', 255).notNullable();
        table.string('currency', 3).notNullable();
        table.bigInteger('amount_cents').notNullable();
        table.bigInteger('quantity').notNullable();
        table.integer('orders').notNullable();
        table.primary(['month', 'region', 'salesperson_id', 'category', 'currency']);
      });
      created = true;
    }
    if (!(await knex.schema.hasTable('sales_monthly_by'))) {
      await knex.schema.createTable('sales_monthly_by', (table) => {
        table.string('dimension', 12).notNullable();
        table.string('month', 7).notNullable();
        table.string('group_key', 255).notNullable();
        table.string('currency', 3).notNullable();
        table.bigInteger('amount_cents').notNullable();
        table.bigInteger('quantity').notNullable();
        table.integer('lines').notNullable();
        table.primary(['dimension', 'currency', 'month', 'group_key']);
      });
      created = true;
    }
    if (!(await knex.schema.hasTable('sales_daily'))) {
      await knex.schema.createTable('sales_daily', (table) => {
        table.string('day', 10).notNullable();
        table.string('region', 40).notNullable();
        table.string('category', 255).notNullable();
        table.string('currency', 3).notNullable();
        table.bigInteger('amount_cents').notNullable();
        table.bigInteger('quantity').notNullable();
        table.integer('orders').notNullable();
        table.primary(['currency', 'day', 'region', 'category']);
      });
      created = true;
    }
    await knex.raw('CREATE INDEX IF NOT EXISTS sales_facts_order_index ON sales_facts (order_id)');
    await knex.raw('CREATE INDEX IF NOT EXISTS sales_facts_date_index ON sales_facts (currency, order_date)');
    await knex.raw('CREATE INDEX IF NOT EXISTS sales_facts_customer_index ON sales_facts (customer_id, order_date)');
    await knex.raw('CREATE INDEX IF NOT EXISTS sales_facts_salesperson_index ON sales_facts (salesperson_id, order_date)');
    await knex.raw('CREATE INDEX IF NOT EXISTS sales_facts_region_index ON sales_facts (region, order_date)');
    await knex.raw('CREATE INDEX IF NOT EXISTS sales_facts_product_index ON sales_facts (product_id)');
    if (created) rebuild('sales');
  },
};

export default version;
