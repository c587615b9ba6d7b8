/**
 * Every write of a sales order, from REST, the admin panel or our own services, passes here:
 * the number, line amounts, total, salesperson and region are the server's; a new order is a
 * `draft` whose lines and terms can be edited (from the version read); once confirmed only its notes
 * and required date, and it moves only through its workflow actions (src/domain/order-progress.ts). A customer on credit hold
 * gets no new order, and no draft moved to it, without marketing-vp's override (src/cash-collection/credit-control.ts). Every line has a known product and a
 * key. The write and the server's completion of it are one transaction: a refused write leaves
 * nothing behind.
 */
import type { Core } from '@strapi/strapi';
import { dateIn, yearIn } from '../domain/business-date';
import { SERIES } from '../domain/document-number';
import { mayEdit, orderEditing } from '../domain/record-editing';
import { newLineKey } from '../domain/document-id';
import { Message, message } from '../domain/messages';
import { nextNumber } from '../platform/next-number';
import { asTrustedWrite } from '../platform/trusted-write';
import { reportTimeZone } from '../platform/settings';
import { checkDateFields } from './date-fields';
import { lockForEdit } from './editable-record';
import { contractHoldingOrder } from '../workflow-engine/record-editing';
import { changedFields } from './unchanged-fields';
import { asValidation, conflict, refuse, refuseMissing } from '../platform/errors';
import { checkLines, completeLines } from './priced-lines';
import { checkRequiredRelations } from './required-relations';
import { enforceCreditHold } from '../cash-collection/credit-control';
import { Guard } from './types';
import { recordGuard } from './record-guard';
import { ORDER } from '../platform/uids';

const LINE = 'order.line';

export const orderGuard = recordGuard({
  delete: (strapi, call, next) => deleteDraft(strapi, call.params.documentId, next),
  write: (strapi, call, next) => writeOrder(strapi, call, next),
});

/** A client's create or update of an order (a copy too). */
const writeOrder: Guard = async (strapi, call, next) => {
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  const readVersion = call.sent?.version;
  const askedState = call.sent?.state;

  if (call.action !== 'update') {
    if (askedState !== undefined && askedState !== 'draft') {
      throw refuse(['state'], message('order.starts_as_draft'));
    }
    data.orderDate ??= dateIn(reportTimeZone(strapi));
    if (call.action === 'create' && !data.customer) throw refuseMissing('customer');
  }

  return asValidation(
    () =>
      strapi.db.transaction(async ({ trx }) => {
        let version = 1;
        let customerBefore: number | null = null;
        if (call.action === 'update') {
          const edit = await lockForEdit(strapi, trx, {
            uid: ORDER,
            documentId: call.params.documentId!,
            readVersion,
            askedState,
            isEditable: (state) => mayEdit(orderEditing(state, false)),
            subject: 'order',
            describe: (order) => String(order.number),
            select: ['number'],
          });
          const reviewing = edit.current.state === 'draft' ? await contractHoldingOrder(strapi, call.params.documentId!) : null;
          const editing = orderEditing(edit.current.state, reviewing !== null);
          if (editing.scope === 'some') {
            await refuseChangedTerms(strapi, call.params.documentId!, edit.current, data, reviewing, editing.fields);
            // What the edit merely echoed is not written again.
            for (const field of Object.keys(data)) if (!editing.fields.includes(field)) delete data[field];
          }
          version = edit.version + 1;
          customerBefore =
            (
              await strapi.db
                .query(ORDER)
                .findOne({ where: { documentId: call.params.documentId }, select: ['id'], populate: { customer: { select: ['id'] } } })
            )?.customer?.id ?? null;
        } else {
          data.number = await nextNumber(strapi, SERIES.order, yearIn(reportTimeZone(strapi)));
          data.state = 'draft';
        }
        // clear 400s naming the field, before anything is written
        checkDateFields(data, ['orderDate', 'requiredDate', 'promisedDate']);
        if (Array.isArray(data.lines)) {
          await checkLines(strapi, data.lines);
          // A line's key and reservation are the server's (allocation happens after confirmation).
          data.lines = (data.lines as Record<string, unknown>[]).map(({ key: _key, reservedQuantity: _reserved, ...line }) => line);
        }
        call.params.data = { ...data, version };
        const written = (await asTrustedWrite(next)) as { documentId: string } | null;
        if (!written || call.unchanged) return written; // nothing was written: nothing to complete
        await checkRequiredRelations(strapi, ORDER, written.documentId, ['customer']);
        // No new order for a customer on credit hold, and no draft moved to one, unless marketing-vp
        // granted one (409, all rolled back).
        const { number, customer } = await strapi.db
          .query(ORDER)
          .findOne({ where: { documentId: written.documentId }, select: ['number'], populate: { customer: { select: ['id'] } } });
        if (call.action !== 'update' || (customer && customer.id !== customerBefore)) {
          const step: Message =
            call.action === 'update' ? { code: 'credit.step_move_order', params: { number } } : { code: 'credit.step_new_order' };
          await enforceCreditHold(strapi, { customerId: customer?.id, subject: 'order', documentId: written.documentId, step });
        }
        await asTrustedWrite(() => completeOrder(strapi, written.documentId, { copy: call.action === 'clone' }));
        // A clone answers { documentId, entries }, which the content manager reads as such.
        if (call.action === 'clone') return written;
        const { data: _data, documentId: _id, ...query } = call.params;
        return strapi.documents(ORDER).findOne({ ...query, documentId: written.documentId });
      }),
    'number'
  );
};

/** After confirmation, or while a contract holds it in review, the customer, lines and terms are the contract's: an edit may change only the remarks. */
const refuseChangedTerms = async (
  strapi: Core.Strapi,
  documentId: string,
  current: Record<string, unknown>,
  data: Record<string, unknown>,
  reviewing: Message | null,
  editable: readonly string[]
) => {
  const stored = await strapi.db.query(ORDER).findOne({
    where: { documentId },
    populate: { customer: { select: ['id', 'documentId'] }, packagingItems: { select: ['id', 'documentId'] }, lines: true },
  });
  const changed = changedFields(stored, data, {
    relations: ['customer', 'packagingItems'],
    components: { lines: ['quantity', 'unitPrice', 'specification'] },
  }).filter((field) => !editable.includes(field));
  if (changed.length > 0) {
    const said = reviewing
      ? message('order.terms_held', { order: String(current.number), contract: reviewing, fields: changed })
      : message('order.terms_confirmed', {
          order: String(current.number),
          state: String(current.state),
          subject: 'order',
          fields: changed,
        });
    throw conflict(said, { state: current.state, fields: changed });
  }
};

const deleteDraft = async (strapi: Core.Strapi, documentId: string | undefined, next: () => Promise<unknown>) => {
  const current = await strapi.db.query(ORDER).findOne({ where: { documentId }, select: ['state', 'number'] });
  if (current && current.state !== 'draft')
    throw conflict(message('order.kept', { order: current.number, state: current.state, subject: 'order' }));
  const reviewing = current ? await contractHoldingOrder(strapi, documentId!) : null;
  if (reviewing) throw conflict(message('order.kept_for_contract', { order: current.number, contract: reviewing }));
  return asTrustedWrite(next);
};

/** Line amounts, specification snapshots and total from the lines; salesperson and region from the customer. */
const completeOrder = async (strapi: Core.Strapi, documentId: string, { copy }: { copy: boolean }) => {
  const { record: order, total } = await completeLines(strapi, ORDER, LINE, documentId, {
    customer: { populate: ['salesperson'] },
  });
  // Each line gets a key that shipments and allocations name it by, once; its reservation is
  // allocate's (a new line starts at the schema's 0).
  for (const line of (order.lines as { id: number; key: string | null }[]).filter((candidate) => !candidate.key)) {
    await strapi.db.query(LINE).update({ where: { id: line.id }, data: { key: newLineKey() } });
  }
  // A copy (content manager's clone) is a new draft: the source's reservations stay the source's.
  if (copy) {
    for (const line of (order.lines as { id: number; reservedQuantity: number | null }[]).filter(
      (candidate) => candidate.reservedQuantity
    )) {
      await strapi.db.query(LINE).update({ where: { id: line.id }, data: { reservedQuantity: 0 } });
    }
  }
  await strapi.db.query(ORDER).update({
    where: { id: order.id },
    data: { total, salesperson: order.customer.salesperson?.id ?? null, region: order.customer.region ?? null },
  });
};
