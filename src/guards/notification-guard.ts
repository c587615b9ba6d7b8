/**
 * The outbox is written by the server (src/notifications), not by clients. The one change a person
 * may make is a retry: a failed notification back to pending, due now, with its attempts reset —
 * from the admin panel (State field) or REST (POST /api/notifications/:documentId/retry). Every
 * other field a client sends is ignored; creating and cloning are refused.
 */
import type { Core } from '@strapi/strapi';
import { refuse } from '../platform/errors';
import { Guard, isWrite } from './types';
import { NOTIFICATION } from '../platform/uids';
import { message } from '../domain/messages';
import { optionLabel } from '../content-manager/option-words';

export const notificationGuard: Guard = async (strapi, call, next) => {
  if (!isWrite(call.action)) return next();
  if (call.action !== 'update') throw refuse([], message('notification.server_only'));
  const wanted = call.params.data?.state;
  const current = await strapi.db.query(NOTIFICATION).findOne({ where: { documentId: call.params.documentId }, select: ['state'] });
  if (!current || wanted === undefined || wanted === current.state) {
    call.params.data = {};
    return next();
  }
  if (current.state !== 'failed' || wanted !== 'pending') {
    throw refuse(['state'], message('notification.retry_failed_only'));
  }
  call.params.data = { state: 'pending', attempts: 0, nextAttemptAt: new Date().toISOString(), claimedAt: null };
  return next();
};

/**
 * Retry as a service call, for the REST endpoint. Asking to retry is asking for a change: a
 * notification that is not failed (pending, sending, sent) is refused, not answered as a no-op.
 */
export const retryNotification = async (strapi: Core.Strapi, documentId: string) => {
  const current = await strapi.db.query(NOTIFICATION).findOne({ where: { documentId }, select: ['state'] });
  if (current && current.state !== 'failed')
    throw refuse(['state'], message('notification.retry_state', { state: optionLabel(NOTIFICATION, 'state', current.state) }));
  return strapi.documents(NOTIFICATION).update({ documentId, data: { state: 'pending' } });
};
