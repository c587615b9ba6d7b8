/**
 * Packaging items (包材) of an order: each belongs to an order; an artwork confirmation names who
 * at the customer confirmed it and when; dates are real dates.
 */
import { checkDateFields } from './date-fields';
import { asValidation, refuse } from './errors';
import { checkRequiredRelations } from './required-relations';
import { Guard, isWrite } from './types';

const PACKAGING_ITEM = 'api::packaging-item.packaging-item';

export const packagingItemGuard: Guard = async (strapi, call, next) => {
  if (!isWrite(call.action)) return next();
  const data = call.params.data ?? {};
  checkDateFields(data, ['artworkConfirmedAt', 'printingSentAt', 'printingReceivedAt']);
  if (call.action === 'create' && !data.order) throw refuse(['order'], 'order is required');
  return asValidation(() =>
    strapi.db.transaction(async () => {
      const written = (await next()) as { documentId: string } | null;
      if (!written) return written;
      await checkRequiredRelations(strapi, PACKAGING_ITEM, written.documentId, ['order']);
      const item = await strapi.db.query(PACKAGING_ITEM).findOne({ where: { documentId: written.documentId }, select: ['artworkConfirmedAt', 'artworkConfirmedBy'] });
      if (item.artworkConfirmedAt && !String(item.artworkConfirmedBy ?? '').trim()) {
        throw refuse(['artworkConfirmedBy'], 'name who at the customer confirmed the artwork');
      }
      return written;
    })
  );
};
