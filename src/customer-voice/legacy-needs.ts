/**
 * Before needs were records, a customer had one free-text box of potential needs. At start, each
 * such text still there becomes one open need of its customer (the text kept whole in its notes,
 * its first line as the need) and the box is emptied, in one transaction per customer: a second
 * instance starting at once finds the box empty and moves nothing twice. The field stays in the
 * schema, hidden and server-owned, so Strapi's schema sync does not drop the text before it moved.
 */
import type { Core } from '@strapi/strapi';
import { documentData } from '../platform/document-data';
import { metaOf } from '../platform/table-meta';
import { asTrustedWrite } from '../platform/trusted-write';
import { CUSTOMER, CUSTOMER_NEED } from '../platform/uids';

/** The need's own line: the text's first line, shortened to what a list shows. */
export const needOfLegacyText = (text: string): string => {
  const first = text.trim().split(/\r?\n/)[0].trim();
  return first.length > 200 ? `${first.slice(0, 199)}…` : first;
};

export const moveLegacyNeeds = async (strapi: Core.Strapi): Promise<number> => {
  const customers = metaOf(strapi, CUSTOMER);
  const table = customers.table;
  const column = customers.column('potentialNeeds');
  const waiting: { id: number }[] = await strapi.db.connection(table).whereNotNull(column).select('id');
  let moved = 0;
  for (const { id } of waiting) {
    await strapi.db.transaction(async ({ trx }) => {
      // Locked by a write first (SQLite takes its write lock only so), then read and emptied: a second
      // instance waits here and then finds the box empty.
      await trx(table)
        .where({ id })
        .update({ [column]: trx.ref(column) });
      const row = await trx(table).where({ id }).whereNotNull(column).first(column);
      if (!row) return;
      await trx(table)
        .where({ id })
        .update({ [column]: null });
      const text = String(row[column] ?? '').trim();
      if (!text) return;
      await asTrustedWrite(() =>
        strapi.documents(CUSTOMER_NEED).create({
          data: documentData(CUSTOMER_NEED, {
            customer: id,
            description: needOfLegacyText(text),
            notes: text,
            status: 'open',
            currency: 'CNY',
            recordedAt: new Date().toISOString(),
          }),
        })
      );
      moved += 1;
    });
  }
  return moved;
};
