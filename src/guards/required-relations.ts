/**
 * Relations a record cannot be without. Checked on the written row, after Strapi has resolved
 * whichever relation format the client used (id, documentId, connect/disconnect/set).
 */
import type { Core } from '@strapi/strapi';
import { DomainValidationError, requiredField } from '../domain/validation-error';

export const checkRequiredRelations = async (strapi: Core.Strapi, uid: string, documentId: string, fields: string[]): Promise<void> => {
  const populate = Object.fromEntries(fields.map((field) => [field, { select: ['id'] }]));
  const row = await strapi.db.query(uid).findOne({ where: { documentId }, populate });
  const missing = fields.filter((field) => !row?.[field]);
  if (missing.length > 0) {
    throw new DomainValidationError(missing.map((field) => requiredField(field)));
  }
};
