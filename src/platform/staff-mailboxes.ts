/** The e-mail addresses and languages of the staff holding some roles (active accounts only). */
import type { Core } from '@strapi/strapi';
import { MAIL_LOCALES, MailLocale } from '../domain/notification-templates';
import { RoleCode } from '../domain/staff-roles';
import { USER } from './uids';

export const mailLanguage = (value: unknown): MailLocale =>
  (MAIL_LOCALES as readonly unknown[]).includes(value) ? (value as MailLocale) : 'zh-CN';

export const staffMailboxes = async (strapi: Core.Strapi, roles: RoleCode[]) => {
  if (roles.length === 0) return [];
  const users = await strapi.db.query(USER).findMany({
    where: { role: { type: { $in: roles } }, blocked: false },
    select: ['email', 'preferredLanguage'],
    orderBy: { id: 'asc' },
  });
  return users
    .filter((user: { email: string | null }) => user.email)
    .map((user: { email: string; preferredLanguage?: string }) => ({ email: user.email, language: mailLanguage(user.preferredLanguage) }));
};
