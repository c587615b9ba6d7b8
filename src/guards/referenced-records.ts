/**
 * A customer or product that other records refer to is kept: deleting it would leave orders
 * without their customer, order lines without their product, receivables and payments pointing
 * nowhere (Strapi deletes the link rows and keeps the records). Such a delete is a 409 naming what
 * refers to it; a customer or product no longer in use is set inactive instead. The referring
 * relations are read from Strapi's metadata (every owning relation whose target is the type), so a
 * new record type that refers to a customer or product is covered without being listed here.
 */
import type { Core } from '@strapi/strapi';
import { conflict } from '../platform/errors';
import { Worded, message } from '../domain/messages';
import { FIELD_LABELS, TYPE_NAMES } from '../content-manager/labels';

/** The record types whose deletion is refused while anything refers to them, and the field that names one. */
export const KEPT_WHILE_REFERENCED: Record<string, { label: Worded; nameField: string }> = {
  'api::customer.customer': { label: { en: 'customer', zh: '客户' }, nameField: 'code' },
  'api::product.product': { label: { en: 'product', zh: '产品' }, nameField: 'sku' },
};

interface RelationMeta {
  type: string;
  target?: string;
  mappedBy?: string;
  joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
}

/** Every owning relation (model, attribute, link table) that points at `uid`. */
const referencesTo = (strapi: Core.Strapi, uid: string) => {
  const found: { model: string; attribute: string; table: string; targetColumn: string }[] = [];
  for (const [model, meta] of strapi.db.metadata) {
    for (const [attribute, shape] of Object.entries(meta.attributes as Record<string, RelationMeta>)) {
      if (shape.type !== 'relation' || shape.target !== uid || shape.mappedBy || !shape.joinTable) continue;
      found.push({ model, attribute, table: shape.joinTable.name, targetColumn: shape.joinTable.inverseJoinColumn.name });
    }
  }
  return found;
};

/** What a referring model is called in the message: its display name, or a component's own name. */
const nameOf = (strapi: Core.Strapi, model: string) => {
  const schema = (strapi.getModel as (uid: string) => { info?: { displayName?: string; singularName?: string } } | undefined)(model);
  return (schema?.info?.displayName ?? model).toLowerCase();
};

/** "3 order (customer)": how many records of a model refer through which field, in both languages. */
const referenceWords = (strapi: Core.Strapi, reference: { model: string; attribute: string }, count: number): Worded => ({
  en: `${count} ${nameOf(strapi, reference.model)} (${reference.attribute})`,
  zh: `${count} 条${TYPE_NAMES[reference.model]?.zh ?? nameOf(strapi, reference.model)}（${
    FIELD_LABELS[reference.model]?.[reference.attribute]?.zh ?? reference.attribute
  }）`,
});

export const refuseDeleteWhileReferenced = async (strapi: Core.Strapi, uid: string, documentId: string | undefined) => {
  const kept = KEPT_WHILE_REFERENCED[uid];
  if (!kept || !documentId) return;
  const stored = await strapi.db.query(uid).findMany({ where: { documentId }, select: ['id', kept.nameField] });
  if (stored.length === 0) return; // Strapi answers 404 itself
  const ids = stored.map((row: { id: number }) => row.id);
  const uses: Worded[] = [];
  for (const reference of referencesTo(strapi, uid)) {
    // In the caller's transaction if there is one (the content manager's bulk delete opens one).
    const [{ n }] = await strapi.db.transaction(({ trx }) => trx(reference.table).whereIn(reference.targetColumn, ids).count({ n: '*' }));
    if (Number(n) > 0) uses.push(referenceWords(strapi, reference, Number(n)));
  }
  if (uses.length === 0) return;
  const name = stored[0][kept.nameField] ?? documentId;
  throw conflict(message('record.referenced', { record: kept.label, name, uses }), {
    references: uses.map((use) => use.en),
  });
};
