/**
 * The single gate every document write passes, whichever client made it: REST, the admin
 * panel's content manager, or our own services. Registered in register() so it is in place before
 * anything can write. Before a record's own guard sees a write, the gate removes the fields only the
 * server writes (./client-write.ts) and takes out the relations written from the other side, which
 * it then makes through the owning records' guards (./inverse-relations.ts), all in one transaction.
 * A customer or product still referred to is not deleted (./referenced-records.ts); a bulk delete is
 * all or nothing.
 */
import type { Core } from '@strapi/strapi';
import { complaintGuard } from './complaint-guard';
import { contractGuard } from './contract-guard';
import { creditOverrideGuard } from './credit-override-guard';
import { customerGuard } from './customer-guard';
import { customerNeedGuard, customerOpinionGuard } from './customer-voice-guards';
import { inquiryGuard } from './inquiry-guard';
import { notificationGuard } from './notification-guard';
import { orderGuard } from './order-guard';
import { packagingItemGuard } from './packaging-item-guard';
import { paymentGuard } from './payment-guard';
import { productGuard } from './product-guard';
import { salesTargetGuard } from './sales-target-guard';
import { shipmentGuard } from './shipment-guard';
import { staffGuard } from './staff-guard';
import { taskGuard } from './task-guard';
import { withoutServerOwned } from './client-write';
import { checkTemporalAttributes } from './date-fields';
import { checkRequiredText } from './required-text';
import { asValidation } from '../platform/errors';
import { applyInverseChanges, takeInverseChanges } from './inverse-relations';
import { refuseDeleteWhileReferenced } from './referenced-records';
import { conflict } from '../platform/errors';
import { changedFieldsOf, storedForComparison } from './unchanged-fields';
import { DocumentCall, Guard, isWrite } from './types';
import { isTrustedWrite } from '../platform/trusted-write';
import { statementGuard, workflowRecordGuard } from './workflow-record-guard';
import { message } from '../domain/messages';

const GUARDS: Record<string, Guard> = {
  'api::customer.customer': customerGuard,
  'api::product.product': productGuard,
  'api::order.order': orderGuard,
  'api::inquiry.inquiry': inquiryGuard,
  'api::customer-opinion.customer-opinion': customerOpinionGuard,
  'api::customer-need.customer-need': customerNeedGuard,
  'api::notification.notification': notificationGuard,
  'api::contract.contract': contractGuard,
  'api::complaint.complaint': complaintGuard,
  'api::packaging-item.packaging-item': packagingItemGuard,
  'api::shipment.shipment': shipmentGuard,
  'api::sales-target.sales-target': salesTargetGuard,
  'api::receivable.receivable': workflowRecordGuard,
  'api::payment.payment': paymentGuard,
  'api::payment-allocation.payment-allocation': workflowRecordGuard,
  // Issued, sent and answered only through src/cash-collection/statements.ts.
  'api::statement.statement': statementGuard,
  'api::review-opinion.review-opinion': workflowRecordGuard,
  'api::workflow-event.workflow-event': workflowRecordGuard,
  'api::seal-use.seal-use': workflowRecordGuard,
  'api::credit-event.credit-event': workflowRecordGuard,
  'api::credit-override.credit-override': creditOverrideGuard,
  'api::task.task': taskGuard,
  'plugin::users-permissions.user': staffGuard,
};

/**
 * The write itself, once the record's guard has checked it and set what the server adds: an update
 * that would change no field (the content manager's save of an untouched form, or a PUT of only
 * server-owned fields) writes nothing — no new version, no rewritten lines — and answers the record.
 */
const writeUnlessUnchanged = (strapi: Core.Strapi, call: DocumentCall, next: () => Promise<unknown>) => async () => {
  if (call.action !== 'update' || !call.params.documentId) return next();
  const { version: _version, ...data } = call.params.data ?? {};
  const stored = await storedForComparison(strapi, call.uid, call.params.documentId, Object.keys(data));
  if (!stored || changedFieldsOf(strapi, call.uid, stored, data).length > 0) return next();
  call.unchanged = true;
  const { data: _data, ...query } = call.params;
  return strapi.documents(call.uid).findOne({ ...query, documentId: call.params.documentId });
};

/**
 * Deletes within one transaction, one after the other, all or nothing. The content manager's bulk
 * delete runs its deletes side by side (Promise.all) in one transaction: when one is refused the
 * transaction is rolled back while the others are still running, and what they delete afterwards
 * is deleted outside it. Here each waits for the one before, and none runs after one was refused.
 */
const deleteQueues = new WeakMap<object, { tail: Promise<unknown>; refused: boolean }>();
const deleteInTurn = (strapi: Core.Strapi, run: () => Promise<unknown>) =>
  strapi.db.transaction(({ trx }) => {
    const queue = deleteQueues.get(trx) ?? { tail: Promise.resolve(), refused: false };
    deleteQueues.set(trx, queue);
    const mine = queue.tail.then(async () => {
      if (queue.refused) throw conflict(message('record.bulk_delete_refused'));
      try {
        return await run();
      } catch (error) {
        queue.refused = true;
        throw error;
      }
    });
    queue.tail = mine.catch(() => undefined);
    return mine;
  });

const guarded = async (strapi: Core.Strapi, call: DocumentCall, next: () => Promise<unknown>) => {
  const guard = GUARDS[call.uid];
  const write = isTrustedWrite() ? next : writeUnlessUnchanged(strapi, call, next);
  const pass = () => (guard ? guard(strapi, call, write) : write());
  if (call.action === 'delete' && !isTrustedWrite()) {
    return deleteInTurn(strapi, async () => {
      await refuseDeleteWhileReferenced(strapi, call.uid, call.params.documentId);
      return pass();
    });
  }
  if (!isWrite(call.action) || isTrustedWrite()) return pass();
  const sent = { ...(call.params.data ?? {}) };
  const data = withoutServerOwned(strapi, call.uid, sent);
  await asValidation(async () => {
    checkTemporalAttributes(strapi, call.uid, data);
    checkRequiredText(strapi, call.uid, data);
  });
  const changes = takeInverseChanges(strapi, call.uid, call.action, data);
  call.sent = sent;
  call.params.data = data;
  if (changes.length === 0) return pass();
  return strapi.db.transaction(async () => {
    const written = (await pass()) as { documentId: string } | null;
    if (!written) return written;
    await applyInverseChanges(strapi, call.uid, written.documentId, changes);
    const { data: _data, documentId: _id, ...query } = call.params;
    return strapi.documents(call.uid).findOne({ ...query, documentId: written.documentId });
  });
};

export const registerGuards = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (ctx, next) => {
    return (await guarded(strapi, ctx as DocumentCall, next)) as Awaited<ReturnType<typeof next>>;
  });
};
