/**
 * `late_order_mail_log`: one row per late-order risk already mailed (order, reason and the promise
 * it was late against), its key unique, so the daily late-order mail (src/jobs/late-order-mail.ts)
 * lists only the risks new since the last one.
 */
import type { SchemaVersion } from './types';

const version: SchemaVersion = {
  version: 9,
  name: 'late-order-mail-log',
  async up({ knex }) {
    if (await knex.schema.hasTable('late_order_mail_log')) return;
    await knex.schema.createTable('late_order_mail_log', (table) => {
      table.string('key', 120).primary();
      table.bigInteger('sent_at').notNullable();
    });
  },
};

export default version;
