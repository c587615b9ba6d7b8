import type { Core } from '@strapi/strapi';
import { SERVER_OWNED } from '../domain/server-owned';
import { attributesOf } from './types';

/**
 * Which fields an edit would change on a stored record. The content manager sends the whole form
 * with every save, so a rule like "after confirmation only the notes change" must tell the values
 * it merely echoes from the ones a person changed: scalars by value, relations by the documentId or
 * id named (an empty connect/disconnect is no change), repeatable components by their rows.
 */
const sameScalar = (stored: unknown, sent: unknown) =>
  (stored === null || stored === undefined ? '' : String(stored)) === (sent === null || sent === undefined ? '' : String(sent));

/** `populated` is the stored relation as read with populate: `{ id, documentId }`, or null. */
const relationUnchanged = (populated: unknown, sent: unknown): boolean => {
  const stored = populated as { id: number; documentId: string } | null;
  if (sent === undefined) return true;
  if (sent && typeof sent === 'object' && !Array.isArray(sent)) {
    const { connect = [], disconnect = [], set } = sent as { connect?: unknown[]; disconnect?: unknown[]; set?: unknown[] };
    if (set === undefined && connect.length === 0 && disconnect.length === 0) return true;
    const named = [...connect, ...(set ?? [])] as { id?: number; documentId?: string }[];
    return disconnect.length === 0 && named.length === 1 && (named[0].id === stored?.id || named[0].documentId === stored?.documentId);
  }
  if (typeof sent === 'string') return sent === stored?.documentId;
  if (typeof sent === 'number') return sent === stored?.id;
  return sent === null && stored === null;
};

const rowsUnchanged = (stored: Record<string, unknown>[], sent: unknown, fields: string[], relations: string[] = []): boolean =>
  Array.isArray(sent) &&
  sent.length === stored.length &&
  sent.every(
    (row: Record<string, unknown>, index) =>
      row.id === stored[index].id &&
      fields.every((field) => sameScalar(stored[index][field], row[field])) &&
      relations.every((field) => relationUnchanged(stored[index][field], row[field]))
  );

export interface FieldKinds {
  relations: string[];
  /** Repeatable components and the fields of their rows a person could change. */
  components: Record<string, string[]>;
  /** Relations inside those rows, e.g. a line's product. */
  componentRelations?: Record<string, string[]>;
}

/** Strapi's own bookkeeping, which it adds to every write. */
const BOOKKEEPING = ['createdBy', 'updatedBy', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'localizations'];

export const changedFields = (stored: Record<string, unknown>, sent: Record<string, unknown>, kinds: FieldKinds): string[] =>
  Object.keys(sent).filter((field) => {
    if (BOOKKEEPING.includes(field)) return false;
    if (kinds.relations.includes(field)) return !relationUnchanged(stored[field], sent[field]);
    if (kinds.components[field]) {
      return !rowsUnchanged(
        (stored[field] as Record<string, unknown>[]) ?? [],
        sent[field],
        kinds.components[field],
        kinds.componentRelations?.[field]
      );
    }
    return !sameScalar(stored[field], sent[field]);
  });

/**
 * The same, with the kinds of field read from the schema: relations, repeatable components (the
 * fields of their rows that a client may write), JSON by value. Anything else that is not a plain
 * value (media, single components, dynamic zones) counts as changed.
 */
export const changedFieldsOf = (
  strapi: Core.Strapi,
  uid: string,
  stored: Record<string, unknown>,
  sent: Record<string, unknown>
): string[] => {
  const attributes = attributesOf(strapi, uid);
  const kinds: FieldKinds = { relations: [], components: {}, componentRelations: {} };
  const opaque: string[] = [];
  for (const [field, attribute] of Object.entries(attributes)) {
    if (attribute.type === 'relation') kinds.relations.push(field);
    else if (attribute.type === 'component' && attribute.repeatable && attribute.component) {
      const rowFields = Object.entries(attributesOf(strapi, attribute.component)).filter(
        ([name]) => !(SERVER_OWNED[attribute.component!] ?? []).includes(name)
      );
      kinds.components[field] = rowFields.filter(([, row]) => row.type !== 'relation').map(([name]) => name);
      kinds.componentRelations![field] = rowFields.filter(([, row]) => row.type === 'relation').map(([name]) => name);
    } else if (['component', 'dynamiczone', 'media', 'json', 'blocks'].includes(attribute.type)) opaque.push(field);
  }
  return changedFields(stored, sent, kinds).filter(
    (field) => !opaque.includes(field) || JSON.stringify(stored[field] ?? null) !== JSON.stringify(sent[field] ?? null)
  );
};

/** A stored record with what changedFieldsOf compares for `fields`: relations as ids, repeatable components' rows. */
export const storedForComparison = async (strapi: Core.Strapi, uid: string, documentId: string, fields: string[]) => {
  const populate: Record<string, unknown> = {};
  for (const [field, attribute] of Object.entries(attributesOf(strapi, uid)).filter(([name]) => fields.includes(name))) {
    if (attribute.type === 'relation') populate[field] = { select: ['id', 'documentId'] };
    if (attribute.type === 'component' && attribute.component) {
      const rowRelations = Object.entries(attributesOf(strapi, attribute.component)).filter(([, row]) => row.type === 'relation');
      populate[field] = rowRelations.length
        ? { populate: Object.fromEntries(rowRelations.map(([name]) => [name, { select: ['id', 'documentId'] }])) }
        : true;
    }
  }
  return strapi.db.query(uid).findOne({ where: { documentId }, populate });
};
