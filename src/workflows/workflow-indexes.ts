/**
 * Indexes Strapi's schema files cannot declare (several columns, or a plain non-unique one), created at every
 * bootstrap if missing. They back the workflow rules in the database itself: one revision number
 * per contract number, one opinion per role and review round, and a fast history lookup; and the
 * complaint statistics' range filter on the received instant.
 */
import type { Core } from '@strapi/strapi';

const INDEXES = [
  'CREATE UNIQUE INDEX IF NOT EXISTS contracts_number_revision_unique ON contracts (number, revision)',
  'CREATE UNIQUE INDEX IF NOT EXISTS review_opinions_round_role_unique ON review_opinions (subject, subject_id, round, role)',
  'CREATE INDEX IF NOT EXISTS workflow_events_subject_index ON workflow_events (subject, subject_id)',
  'CREATE INDEX IF NOT EXISTS complaints_received_at_index ON complaints (received_at)',
];

export const ensureWorkflowIndexes = async (strapi: Core.Strapi) => {
  for (const statement of INDEXES) await strapi.db.connection.raw(statement);
};
