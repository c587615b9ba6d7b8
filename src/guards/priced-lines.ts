/**
 * Lines priced by the server, for orders and contracts alike: quantities and prices are checked
 * and the named products must exist before the write; after it, each line gets its amount and
 * the product's specification (unless one was typed), and the record's total is computed.
 */
import type { Core } from '@strapi/strapi';
import { priceOrderLines } from '../domain/order-pricing';
import { DomainValidationError, FieldProblem, fieldProblem, requiredField } from '../domain/validation-error';
import { referencedDocumentIds } from './relation-input';
import { PRODUCT } from '../platform/uids';

/** Line quantities and prices, and the products the lines name by documentId, before writing. */
export const checkLines = async (strapi: Core.Strapi, lines: Record<string, unknown>[]) => {
  priceOrderLines(lines);
  const named = lines.map((line) => referencedDocumentIds(line.product));
  const wanted = [...new Set(named.flat())];
  const found = await strapi.db.query(PRODUCT).findMany({ where: { documentId: { $in: wanted } }, select: ['documentId'] });
  const known = new Set(found.map((product: { documentId: string }) => product.documentId));
  const problems: FieldProblem[] = named.flatMap((ids, index) =>
    ids.filter((id) => !known.has(id)).map((id) => fieldProblem(['lines', index, 'product'], 'line.unknown_product', { product: id }))
  );
  if (problems.length > 0) throw new DomainValidationError(problems);
};

interface WrittenLine {
  id: number;
  quantity: number;
  unitPrice: unknown;
  specification: string | null;
  product: { specification: string | null } | null;
}

/**
 * Reads the record as written (Strapi has resolved every relation format by now), completes its
 * lines and returns the record with its total. `populate` adds what the caller needs besides lines.
 */
export const completeLines = async (
  strapi: Core.Strapi,
  uid: string,
  lineUid: string,
  documentId: string,
  populate: Record<string, unknown> = {}
) => {
  const record = await strapi.db.query(uid).findOne({
    where: { documentId },
    populate: { ...populate, lines: { populate: ['product'] } },
  });
  const lines: WrittenLine[] = record.lines ?? [];
  const problems: FieldProblem[] = [];
  lines.forEach((line, index) => {
    if (!line.product) problems.push(requiredField('product', ['lines', index, 'product']));
  });
  if (problems.length > 0) throw new DomainValidationError(problems);

  const priced = priceOrderLines(lines);
  for (const [index, line] of lines.entries()) {
    await strapi.db.query(lineUid).update({
      where: { id: line.id },
      data: { lineAmount: priced.lines[index].lineAmount, specification: line.specification || line.product!.specification },
    });
  }
  return { record, total: priced.total };
};
