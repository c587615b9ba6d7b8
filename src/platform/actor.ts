/**
 * Who is acting: the staff user (a Users & Permissions user) and their role codes, whether the
 * request came through the REST API (JWT of the staff user) or the admin panel (admin user linked
 * to the staff user with the same e-mail). Work done by the server itself has no staff user.
 */
import type { Core } from '@strapi/strapi';
import { isRoleCode, RoleCode } from '../domain/staff-roles';
import { USER as USER_UID } from './uids';

export interface Actor {
  staffUserId: number | null;
  roles: RoleCode[];
  via: 'rest' | 'admin' | 'system';
  /** Admin-panel super admins may do everything the panel lets them. */
  superAdmin: boolean;
}

export const SYSTEM_ACTOR: Actor = { staffUserId: null, roles: [], via: 'system', superAdmin: false };

export const findStaffUserIdByEmail = async (strapi: Core.Strapi, email: string): Promise<number | null> => {
  const user = await strapi.db.query(USER_UID).findOne({ where: { email: email.toLowerCase() }, select: ['id'] });
  return user ? user.id : null;
};

export const currentActor = async (strapi: Core.Strapi): Promise<Actor> => {
  const ctx = strapi.requestContext.get();
  const user = ctx?.state?.user;
  if (!ctx || !user) return SYSTEM_ACTOR;
  const strategy = ctx.state.auth?.strategy?.name;
  if (strategy === 'users-permissions') {
    const code = user.role?.type;
    return { staffUserId: user.id, roles: isRoleCode(code) ? [code] : [], via: 'rest', superAdmin: false };
  }
  if (strategy === 'admin') {
    const codes: string[] = (user.roles ?? []).map((role: { code: string }) => role.code);
    return {
      staffUserId: user.email ? await findStaffUserIdByEmail(strapi, user.email) : null,
      roles: codes.filter(isRoleCode),
      via: 'admin',
      superAdmin: codes.includes('strapi-super-admin'),
    };
  }
  return SYSTEM_ACTOR;
};
