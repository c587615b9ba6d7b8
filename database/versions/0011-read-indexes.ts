/**
 * Indexes for two reads every person makes all day: the customer file and the work list.
 *
 * What one customer owes is read on every credit check and customer file: its open items from the
 * receivables roll-up and its payments not yet allocated. Partial indexes hold just those rows, so
 * a customer with 3,000 receivables and 2,800 payments no longer has its open items found by
 * intersecting all customers' open items (8 → 1.6 ms at --scale large) nor each payment looked up
 * to find the few unallocated (8 → 0.3 ms). The customer file's last payments walk the payments by
 * day, newest first, until ten are the customer's, instead of reading all 2,800 to sort them (7 → 0.2 ms).
 * The work list's late orders walk the open orders by promised date until 200 are late, instead of
 * reading the 9,000 open orders to sort them (18 → 0.5 ms).
 */
import { createIndexes } from './indexes';
import type { SchemaVersion } from './types';

export const READ_INDEXES = {
  receivable_facts_customer_open_index: 'receivable_facts (customer_id) WHERE open_cents > 0',
  payments_unallocated_index: 'payments (id) WHERE unallocated_amount > 0',
  payments_received_index: 'payments (received_on, id)',
  // The open states as the late-order query names them (OPEN_ORDER_STATES, src/domain/my-work.ts), so the planner may use
  // it; written out, as a version is history: a change of those states needs a new version.
  orders_open_promised_index:
    "orders (promised_date, id) WHERE state IN ('confirmed', 'scheduled', 'in_production', 'ready', 'partially_shipped')",
} as const;

const version: SchemaVersion = {
  version: 11,
  name: 'read-indexes',
  async up({ knex }) {
    await createIndexes(knex, READ_INDEXES);
  },
};

export default version;
