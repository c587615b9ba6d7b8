/**
 * Whether a customer need may still be edited, for the admin panel's read-only form: its status
 * and the rule the need's guard refuses by (src/domain/record-editing.ts). The content manager
 * cannot tell: it reads an attribute called `status` as draft & publish's and leaves it out of
 * the document it sends the edit view.
 */
import type { Core } from '@strapi/strapi';
import { editingByState, type Editing } from '../domain/record-editing';
import { noSuchDocument } from '../platform/errors';
import { CUSTOMER_NEED } from '../platform/uids';

export const needEditing = async (strapi: Core.Strapi, documentId: string): Promise<{ status: string; editing: Editing }> => {
  const need = await strapi.db.query(CUSTOMER_NEED).findOne({ where: { documentId }, select: ['status'] });
  if (!need) throw noSuchDocument('customer-need');
  return { status: need.status, editing: editingByState('need', need.status) };
};
