/**
 * Indexes on Strapi's tables that the schema files cannot declare (several columns, or a plain
 * non-unique one): one revision per contract number, one opinion per role and review round, the
 * workflow history of a record, the complaint statistics' range on the received instant. The two
 * unique ones are named in src/workflow-engine/workflow-indexes.ts, which tells their violations apart.
 */
import type { SchemaVersion } from './types';

const version: SchemaVersion = {
  version: 4,
  name: 'workflow-indexes',
  async up({ knex }) {
    await knex.raw('CREATE UNIQUE INDEX IF NOT EXISTS contracts_number_revision_unique ON contracts (number, revision)');
    await knex.raw(
      'CREATE UNIQUE INDEX IF NOT EXISTS review_opinions_round_role_unique ON review_opinions (subject, subject_id, round, role)'
    );
    await knex.raw('CREATE INDEX IF NOT EXISTS workflow_events_subject_index ON workflow_events (subject, subject_id)');
    await knex.raw('CREATE INDEX IF NOT EXISTS complaints_received_at_index ON complaints (received_at)');
  },
};

export default version;
