/**
 * Contact-log entries: every entry names its customer; a new entry is handled by whoever records
 * it and happened now, unless the client says otherwise.
 */
import { currentActor } from '../platform/actor';
import { checkDateFields } from './date-fields';
import { asValidation, refuseMissing } from '../platform/errors';
import { checkRequiredRelations } from './required-relations';
import { Guard, isWrite } from './types';
import { INQUIRY } from '../platform/uids';

export const inquiryGuard: Guard = async (strapi, call, next) => {
  if (!isWrite(call.action)) return next();
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  if (call.action === 'create') {
    if (!data.customer) throw refuseMissing('customer');
    if (!data.handledBy) {
      const actor = await currentActor(strapi);
      if (actor.staffUserId) data.handledBy = actor.staffUserId;
    }
    data.occurredAt ??= new Date().toISOString();
  }
  call.params.data = data;
  return asValidation(() =>
    strapi.db.transaction(async () => {
      checkDateFields(data, ['followUpDate']);
      const written = (await next()) as { documentId: string } | null;
      if (written) await checkRequiredRelations(strapi, INQUIRY, written.documentId, ['customer']);
      return written;
    })
  );
};
