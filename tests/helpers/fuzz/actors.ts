/**
 * Who the fuzzer acts as: one REST staff member per department role (tests/helpers/staff.ts) and
 * admin-panel users for the content manager (tests/helpers/admin.ts) — the two roles that write
 * customers and orders there, and the super admin, the only one who may delete. A step names the
 * roles whose job it is; most of the time one of them acts, sometimes anybody, so refusals for
 * lack of rights are exercised too.
 */
import type { Core } from '@strapi/strapi';
import { ROLE_CODES, RoleCode } from '../../../src/domain/staff-roles';
import { AdminMember, createAdminUser } from '../admin';
import { createStaffUser, StaffMember } from '../staff';
import { Random } from './prng';

export interface Actors {
  rest: Record<RoleCode, StaffMember>;
  admin: Record<'cs-specialist' | 'cs-supervisor' | 'super', AdminMember>;
}

export const createActors = async (strapi: Core.Strapi): Promise<Actors> => {
  const rest = {} as Record<RoleCode, StaffMember>;
  for (const role of ROLE_CODES) rest[role] = await createStaffUser(strapi, role);
  return {
    rest,
    admin: {
      'cs-specialist': await createAdminUser(strapi, 'cs-specialist'),
      'cs-supervisor': await createAdminUser(strapi, 'cs-supervisor'),
      super: await createAdminUser(strapi, 'strapi-super-admin'),
    },
  };
};

/** A role whose job the step is (four times in five), or any role. */
export const roleFor = (random: Random, roles: readonly RoleCode[]): RoleCode =>
  random.chance(0.8) && roles.length > 0 ? random.pick(roles)! : random.pick(ROLE_CODES)!;
