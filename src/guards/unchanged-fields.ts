/**
 * Which fields an edit would change on a stored record. The content manager sends the whole form
 * with every save, so a rule like "after confirmation only the notes change" must tell the values
 * it merely echoes from the ones a person changed: scalars by value, relations by the documentId or
 * id named (an empty connect/disconnect is no change), repeatable components by their rows.
 */
const sameScalar = (stored: unknown, sent: unknown) =>
  (stored === null || stored === undefined ? '' : String(stored)) === (sent === null || sent === undefined ? '' : String(sent));

const relationUnchanged = (stored: { id: number; documentId: string } | null, sent: unknown): boolean => {
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

const rowsUnchanged = (stored: Record<string, unknown>[], sent: unknown, fields: string[]): boolean =>
  Array.isArray(sent) &&
  sent.length === stored.length &&
  sent.every((row: Record<string, unknown>, index) => row.id === stored[index].id && fields.every((field) => sameScalar(stored[index][field], row[field])));

export interface FieldKinds {
  relations: string[];
  /** Repeatable components and the fields of their rows a person could change. */
  components: Record<string, string[]>;
}

/** Strapi's own bookkeeping, which it adds to every write. */
const BOOKKEEPING = ['createdBy', 'updatedBy', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'localizations'];

export const changedFields = (stored: Record<string, unknown>, sent: Record<string, unknown>, kinds: FieldKinds): string[] =>
  Object.keys(sent).filter((field) => {
    if (BOOKKEEPING.includes(field)) return false;
    if (kinds.relations.includes(field)) return !relationUnchanged(stored[field] as never, sent[field]);
    if (kinds.components[field]) return !rowsUnchanged((stored[field] as Record<string, unknown>[]) ?? [], sent[field], kinds.components[field]);
    return !sameScalar(stored[field], sent[field]);
  });
