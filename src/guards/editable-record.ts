/**
 * Editing a workflow record outside its actions (a contract's draft terms, a complaint's details
 * before analysis): the row is locked for the edit; the edit is refused (409) once the record has
 * left its editable states or when the editor read an older version (someone saved in between),
 * and (400) when it tries to move the state — the content manager sends the state it shows, which
 * is fine. Returns the record's current version.
 */
import type { Core } from '@strapi/strapi';
import { Message } from '../domain/messages';
import { conflict, refuse } from '../platform/errors';

export interface EditRequest {
  uid: string;
  documentId: string;
  /** The `version` the client sent, if any. */
  readVersion: unknown;
  /** The `state` the client sent, if any. */
  askedState: unknown;
  isEditable: (state: string) => boolean;
  /** How the record names itself in a refusal, e.g. `HT-2026-00012 revision 2`. */
  describe: (record: Record<string, unknown>) => string | Message;
  /** The workflow subject whose state words name its state, e.g. `contract`. */
  subject: string;
  select: string[];
}

export const lockForEdit = async (strapi: Core.Strapi, trx: Core.Strapi['db']['connection'], edit: EditRequest) => {
  const table = strapi.db.metadata.get(edit.uid).tableName;
  await trx(table)
    .where({ document_id: edit.documentId })
    .update({ version: trx.ref('version') });
  const current = await strapi.db
    .query(edit.uid)
    .findOne({ where: { documentId: edit.documentId }, select: ['state', 'version', ...edit.select] });
  if (!current) return { version: 0, current: null }; // Strapi answers 404 itself
  if (!edit.isEditable(current.state)) {
    const said: Message = {
      code: 'record.frozen',
      params: { record: edit.describe(current), state: current.state, subject: edit.subject },
    };
    throw conflict(said, { state: current.state });
  }
  if (edit.askedState !== undefined && edit.askedState !== current.state) {
    throw refuse(['state'], { code: 'record.state_by_action' });
  }
  if (edit.readVersion !== undefined && edit.readVersion !== null && edit.readVersion !== current.version) {
    throw conflict(
      { code: 'record.stale_edit', params: { given: String(edit.readVersion), current: current.version } },
      { currentVersion: current.version }
    );
  }
  return { version: current.version as number, current };
};
