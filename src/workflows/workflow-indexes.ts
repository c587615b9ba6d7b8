/**
 * Indexes Strapi's schema files cannot declare (several columns, or a plain non-unique one), created at every
 * bootstrap if missing. They back the workflow rules in the database itself: one revision number
 * per contract number, one opinion per role and review round, and a fast history lookup; and the
 * complaint statistics' range filter on the received instant.
 */
import type { Core } from '@strapi/strapi';
import type { UniqueIndex } from '../platform/errors';

export const REVISION_INDEX: UniqueIndex = { name: 'contracts_number_revision_unique', table: 'contracts', columns: ['number', 'revision'] };
export const OPINION_INDEX: UniqueIndex = { name: 'review_opinions_round_role_unique', table: 'review_opinions', columns: ['subject', 'subject_id', 'round', 'role'] };

const unique = (index: UniqueIndex) => `CREATE UNIQUE INDEX IF NOT EXISTS ${index.name} ON ${index.table} (${index.columns.join(', ')})`;

const INDEXES = [
  unique(REVISION_INDEX),
  unique(OPINION_INDEX),
  'CREATE INDEX IF NOT EXISTS workflow_events_subject_index ON workflow_events (subject, subject_id)',
  'CREATE INDEX IF NOT EXISTS complaints_received_at_index ON complaints (received_at)',
];

export const ensureWorkflowIndexes = async (strapi: Core.Strapi) => {
  for (const statement of INDEXES) await strapi.db.connection.raw(statement);
};
