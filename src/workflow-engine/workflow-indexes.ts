/**
 * The unique indexes that back the workflow rules in the database itself — one revision number per
 * contract number, one opinion per role and review round — named here so that a violation can be
 * told apart (src/workflow-engine/workflow-service.ts). They are created by
 * database/versions/0004-workflow-indexes.ts, with the same names, tables and columns.
 */
import type { UniqueIndex } from '../platform/errors';

export const REVISION_INDEX: UniqueIndex = {
  name: 'contracts_number_revision_unique',
  table: 'contracts',
  columns: ['number', 'revision'],
};
export const OPINION_INDEX: UniqueIndex = {
  name: 'review_opinions_round_role_unique',
  table: 'review_opinions',
  columns: ['subject', 'subject_id', 'round', 'role'],
};
