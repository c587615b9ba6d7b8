/**
 * The documentIds a client names in a relation field, in the formats Strapi 5 accepts:
 * `"docId"`, `{ documentId }`, `["docId"]`, `{ connect: [...] }`, `{ set: [...] }`. Numeric ids
 * (the admin panel's format) are left to Strapi and to the check after the write.
 */
export const referencedDocumentIds = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(referencedDocumentIds);
  if (value && typeof value === 'object') {
    const relation = value as { documentId?: unknown; connect?: unknown; set?: unknown };
    if (typeof relation.documentId === 'string') return [relation.documentId];
    return [...referencedDocumentIds(relation.connect ?? []), ...referencedDocumentIds(relation.set ?? [])];
  }
  return [];
};
