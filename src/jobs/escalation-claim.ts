/**
 * Escalating a record past its deadline, once: the record is claimed by a conditional write as its
 * transaction's first statement (its escalation mark still empty, its state still one that can be
 * late). Whoever else escalated it meanwhile — another instance, or a second call past the lease —
 * wins, and a record that moved on since the list was read is left alone. On SQLite a transaction
 * that writes first waits for the lock instead of failing to upgrade a read lock ("database is
 * locked"). Returns whether this call claimed it; the mark is then stored again through the Query
 * Engine, in the form it keeps dates in on each database.
 */
import type { Core, UID } from '@strapi/strapi';
import { metaOf } from '../platform/table-meta';
import { asTrustedWrite } from '../platform/trusted-write';

type Knex = Core.Strapi['db']['connection'];

export const claimEscalation = async (
  strapi: Core.Strapi,
  trx: Knex,
  uid: UID.ContentType,
  documentId: string,
  stillLate: { states: readonly string[]; within: 'in' | 'notIn' },
  now: Date
): Promise<boolean> => {
  const meta = metaOf(strapi, uid);
  const query = trx(meta.table).where(meta.column('documentId'), documentId).whereNull(meta.column('escalatedAt'));
  const claimed = await (
    stillLate.within === 'in'
      ? query.whereIn(meta.column('state'), [...stillLate.states])
      : query.whereNotIn(meta.column('state'), [...stillLate.states])
  ).update({ [meta.column('escalatedAt')]: now.toISOString() });
  if (claimed === 0) return false;
  await asTrustedWrite(() => strapi.db.query(uid).update({ where: { documentId }, data: { escalatedAt: now } as never }));
  return true;
};
