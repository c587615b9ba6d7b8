/**
 * Packaging items (包材) of an order: each belongs to one order for good (the packaging gate of
 * `mark_ready` counts on them: an item moved away would let an order go out with unconfirmed
 * artwork); an artwork confirmation names who at the customer confirmed it and when; dates are real
 * dates.
 */
import { checkDateFields } from './date-fields';
import type { Core } from '@strapi/strapi';
import { asValidation, conflict, refuse, refuseMissing } from '../platform/errors';
import { changedFields } from './unchanged-fields';
import { checkRequiredRelations } from './required-relations';
import { Guard, isWrite } from './types';
import { PACKAGING_ITEM } from '../platform/uids';
import { message } from '../domain/messages';

export const packagingItemGuard: Guard = async (strapi, call, next) => {
  if (!isWrite(call.action)) return next();
  const data = call.params.data ?? {};
  checkDateFields(data, ['artworkConfirmedAt', 'printingSentAt', 'printingReceivedAt']);
  if (call.action === 'create' && !data.order) throw refuseMissing('order');
  if (call.action === 'clone') throw conflict(message('packaging.not_copied'));
  if (call.action === 'update' && data.order !== undefined) await refuseMove(strapi, call.params.documentId!, data.order);
  return asValidation(() =>
    strapi.db.transaction(async () => {
      const written = (await next()) as { documentId: string } | null;
      if (!written) return written;
      await checkRequiredRelations(strapi, PACKAGING_ITEM, written.documentId, ['order']);
      const item = await strapi.db
        .query(PACKAGING_ITEM)
        .findOne({ where: { documentId: written.documentId }, select: ['artworkConfirmedAt', 'artworkConfirmedBy'] });
      if (item.artworkConfirmedAt && !String(item.artworkConfirmedBy ?? '').trim()) {
        throw refuse(['artworkConfirmedBy'], message('packaging.confirmed_by_required'));
      }
      return written;
    })
  );
};

const refuseMove = async (strapi: Core.Strapi, documentId: string, order: unknown) => {
  const stored = await strapi.db
    .query(PACKAGING_ITEM)
    .findOne({ where: { documentId }, populate: { order: { select: ['id', 'documentId'] } } });
  if (stored && changedFields(stored, { order }, { relations: ['order'], components: {} }).length > 0) {
    throw conflict(message('packaging.stays_with_order'), { path: ['order'] });
  }
};
