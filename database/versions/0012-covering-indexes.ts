/**
 * Covering indexes for the dashboard's two widest reads, so that PostgreSQL reads an index alone
 * instead of visiting the table's pages row by row (at --scale large, about half the time each):
 * - the aging of open items (账龄), today's from the receivables roll-up and a past month end's
 *   from its snapshot: every open item's currency, due date, customer and open amount, and the
 *   customer's region and salesperson when filtered by them (62,000 of 300,000 receivables). The
 *   roll-up's index on (currency, due_date) of the open items is the first part of the new one, so
 *   it goes; in the snapshots the customer comes second, as the top customers' items are found by it.
 * - the sales by customer or specification of whole months, from the monthly cube: about 62,000
 *   customer-months in 13 months.
 */
import { createIndexes } from './indexes';
import type { SchemaVersion } from './types';

export const COVERING_INDEXES = {
  receivable_facts_open_items_index:
    'receivable_facts (currency, due_date, customer_id, open_cents, invoice_date, region, salesperson_id) WHERE open_cents > 0',
  aging_snapshot_items_open_index: 'aging_snapshot_items (as_of, customer_id, currency, due_date, open_cents, region, salesperson_id)',
  sales_monthly_by_sums_index: 'sales_monthly_by (dimension, currency, month, group_key, amount_cents, quantity)',
} as const;

const version: SchemaVersion = {
  version: 12,
  name: 'covering-indexes',
  async up({ knex }) {
    await createIndexes(knex, COVERING_INDEXES);
    await knex.raw('DROP INDEX IF EXISTS receivable_facts_open_index');
  },
};

export default version;
