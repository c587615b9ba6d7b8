/**
 * The staff directory (Users & Permissions users) as clients write it: a person's mail preferences
 * are theirs alone (GET/PUT /api/my-work/mail-preferences, src/my-work/mail-preferences.ts), so a
 * write of them through any other door — the content manager, the users API, whoever sends it — is
 * refused: a supervisor cannot silence someone else's mail.
 */
import { message } from '../domain/messages';
import { forbidden } from '../platform/errors';
import { Guard, isWrite } from './types';

export const staffGuard: Guard = async (_strapi, call, next) => {
  if (isWrite(call.action) && call.params.data && Object.hasOwn(call.params.data, 'mailPreferences')) {
    throw forbidden(message('mail_preferences.own_only'));
  }
  return next();
};
