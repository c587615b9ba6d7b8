/**
 * Relations written from the other side. Strapi lets a client write a two-sided relation from
 * either side: an order's `customer` is also the customer's `orders`. The side that holds the
 * relation (`inversedBy`) owns it, and its guard keeps the rules (a confirmed order keeps its
 * customer, a packaging item stays with its order). A write naming the relation from the other side
 * (`mappedBy`) is therefore taken out of that write and made as writes of the owning records through
 * the Document Service, in the same transaction: the owner's guard decides, and only a caller who
 * may update the owner makes them. A copy takes none of the other side's records: they stay with the
 * source. The relations are read from the schemas, so a new one is covered without a declaration.
 * Query Engine writes of these fields are refused by the last line (src/workflow-engine/last-line.ts).
 */
import type { Core, UID } from '@strapi/strapi';
import { ACCESS_MATRIX, RecordName } from '../domain/access-matrix';
import { currentActor } from '../platform/actor';
import { RECORD_UIDS } from '../staff/role-sync';
import { forbidden, refuse } from '../platform/errors';
import { attributesOf } from './types';
import { message } from '../domain/messages';

export interface InverseRelation {
  /** The field on this side, e.g. a customer's `orders`. */
  field: string;
  /** The record type holding the relation, e.g. `api::order.order`. */
  owner: UID.ContentType;
  /** Its field, e.g. `customer`. */
  ownerField: string;
}

type Ref = { id?: number; documentId?: string };
interface RelationChange {
  relation: InverseRelation;
  set?: Ref[];
  connect: Ref[];
  disconnect: Ref[];
}

export const inverseRelationsOf = (strapi: Core.Strapi, uid: string): InverseRelation[] => {
  const attributes = attributesOf(strapi, uid);
  return Object.entries(attributes)
    .filter(([, attribute]) => attribute.type === 'relation' && attribute.mappedBy && attribute.target)
    .map(([field, attribute]) => ({ field, owner: attribute.target!, ownerField: attribute.mappedBy! }));
};

const refOf = (value: unknown): Ref | null => {
  if (typeof value === 'string') return { documentId: value };
  if (typeof value === 'number') return { id: value };
  if (value && typeof value === 'object') {
    const { id, documentId } = value as Ref;
    if (typeof documentId === 'string') return { documentId };
    if (typeof id === 'number') return { id };
  }
  return null;
};
const refsOf = (value: unknown): Ref[] =>
  (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
    .map(refOf)
    .filter((ref): ref is Ref => ref !== null);

/** The change a relation value asks for, in any of the shapes Strapi 5 accepts; null when it asks none. */
export const relationChange = (relation: InverseRelation, value: unknown): RelationChange | null => {
  if (value === undefined) return null;
  if (
    value === null ||
    Array.isArray(value) ||
    typeof value !== 'object' ||
    !('connect' in value || 'disconnect' in value || 'set' in value)
  ) {
    const named = refsOf(value);
    return { relation, set: named, connect: [], disconnect: [] };
  }
  const { connect, disconnect, set } = value as { connect?: unknown; disconnect?: unknown; set?: unknown };
  const change = { relation, set: set === undefined ? undefined : refsOf(set), connect: refsOf(connect), disconnect: refsOf(disconnect) };
  return change.set === undefined && change.connect.length === 0 && change.disconnect.length === 0 ? null : change;
};

/**
 * Takes the relations written from the other side out of a client's write. Returns the changes to
 * make through the owners once the write is done.
 */
export const takeInverseChanges = (strapi: Core.Strapi, uid: string, action: string, data: Record<string, unknown>): RelationChange[] => {
  const changes: RelationChange[] = [];
  for (const relation of inverseRelationsOf(strapi, uid)) {
    const value = data[relation.field];
    delete data[relation.field];
    // Strapi copies a record's relations into its clone; one-to-many children would move.
    if (action === 'clone') data[relation.field] = { set: [] };
    else {
      const change = relationChange(relation, value);
      if (change) changes.push(change);
    }
  }
  return changes;
};

const recordNameOf = (uid: string): RecordName | undefined =>
  (Object.entries(RECORD_UIDS) as [RecordName, string][]).find(([, recordUid]) => recordUid === uid)?.[0];

const mayUpdateOwner = async (strapi: Core.Strapi, owner: UID.ContentType): Promise<boolean> => {
  const actor = await currentActor(strapi);
  if (actor.via === 'system' || actor.superAdmin) return true;
  const record = recordNameOf(owner);
  return Boolean(record && actor.roles.some((role) => ACCESS_MATRIX[record][role]?.includes('update')));
};

/** The owning records named, as documentIds (one query); an unknown one is a 400 naming the field. */
const resolve = async (strapi: Core.Strapi, change: RelationChange, refs: Ref[]): Promise<string[]> => {
  if (refs.length === 0) return [];
  const documentIds = refs.flatMap((ref) => (ref.documentId ? [ref.documentId] : []));
  const ids = refs.flatMap((ref) => (ref.documentId ? [] : [ref.id!]));
  const rows: { id: number; documentId: string }[] = await strapi.db.query(change.relation.owner).findMany({
    where: { $or: [{ documentId: { $in: documentIds } }, { id: { $in: ids } }] },
    select: ['id', 'documentId'],
  });
  return refs.map((ref) => {
    const row = rows.find((candidate) => (ref.documentId ? candidate.documentId === ref.documentId : candidate.id === ref.id));
    if (!row) throw refuse([change.relation.field], message('relation.no_such_record', { ref: String(ref.documentId ?? ref.id) }));
    return row.documentId;
  });
};

/** Makes the changes as writes of the owning records, each through its own guard. */
export const applyInverseChanges = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  changes: RelationChange[]
): Promise<void> => {
  if (changes.length === 0) return;
  const self = await strapi.db.query(uid).findOne({ where: { documentId }, select: ['id'] });
  for (const change of changes) {
    const { owner, ownerField, field } = change.relation;
    const current: string[] = (
      await strapi.db.query(owner).findMany({ where: { [ownerField]: { id: self.id } }, select: ['documentId'] })
    ).map((row: { documentId: string }) => row.documentId);
    const named = new Set(await resolve(strapi, change, change.set ?? change.connect));
    const dropped = new Set(change.set ? current.filter((id) => !named.has(id)) : await resolve(strapi, change, change.disconnect));
    const toConnect = [...named].filter((id) => !current.includes(id));
    const toDisconnect = [...dropped].filter((id) => current.includes(id) && !named.has(id));
    if (toConnect.length + toDisconnect.length === 0) continue;
    if (!(await mayUpdateOwner(strapi, owner))) {
      throw forbidden(message('relation.owner_forbidden', { field, owner: owner.split('.').pop()! }), { path: [field] });
    }
    for (const ownerId of toConnect) await strapi.documents(owner).update({ documentId: ownerId, data: { [ownerField]: documentId } });
    for (const ownerId of toDisconnect) await strapi.documents(owner).update({ documentId: ownerId, data: { [ownerField]: null } });
  }
};
