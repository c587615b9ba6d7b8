/**
 * Development only: a super admin and, for every role, an admin-panel user and a REST (Users &
 * Permissions) user sharing one e-mail, all with the generated DEMO_PASSWORD from .env, so anyone
 * can try each job at once. Never called in production.
 */
import type { Core } from '@strapi/strapi';
import { ROLE_CODES, RoleCode, STAFF_ROLES } from '../domain/staff-roles';

export const SUPER_ADMIN_EMAIL = 'admin@demo.local';
export const devEmail = (role: RoleCode) => `${role}@demo.local`;

const DEMO_NAMES: Record<RoleCode, [string, string]> = {
  'cs-supervisor': ['王', '静'],
  'cs-specialist': ['李', '娜'],
  'order-coordinator': ['张', '伟'],
  'sales-clerk': ['刘', '芳'],
  planner: ['陈', '强'],
  quality: ['杨', '洋'],
  'sales-manager': ['赵', '磊'],
  'marketing-vp': ['黄', '勇'],
  salesperson: ['周', '杰'],
};

const ensureAdminUser = async (
  strapi: Core.Strapi,
  email: string,
  [lastname, firstname]: [string, string],
  roleCode: string,
  password: string
) => {
  const users = strapi.service('admin::user');
  if (await users.exists({ email })) return;
  const role = await strapi.service('admin::role').findOne({ code: roleCode });
  await users.create({ email, firstname, lastname, password, isActive: true, roles: [role.id] });
};

/**
 * A staff member's display name is their name alone: the history, the opinions and the work list
 * add the role someone acted in, and a role in the name too read "刘芳（销售统计文员）（销售统计文员）".
 */
const demoName = (role: RoleCode) => DEMO_NAMES[role].join('');

/** How development accounts were named before: with their role. */
const nameWithRole = (role: RoleCode) => `${demoName(role)}（${STAFF_ROLES[role].nameZh}）`;

const ensureRestUser = async (strapi: Core.Strapi, role: RoleCode, password: string) => {
  const email = devEmail(role);
  const users = strapi.db.query('plugin::users-permissions.user');
  const existing = await users.findOne({ where: { email } });
  if (existing) {
    // A development database made before keeps its accounts; only the old name is corrected.
    if (existing.displayName === nameWithRole(role))
      await users.update({ where: { id: existing.id }, data: { displayName: demoName(role) } });
    return;
  }
  const roleRow = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: role } });
  await strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username: role,
      email,
      displayName: demoName(role),
      password,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: roleRow.id,
    });
};

export const ensureDevAccounts = async (strapi: Core.Strapi, password: string): Promise<void> => {
  await ensureAdminUser(strapi, SUPER_ADMIN_EMAIL, ['超级', '管理员'], 'strapi-super-admin', password);
  for (const role of ROLE_CODES) {
    await ensureAdminUser(strapi, devEmail(role), DEMO_NAMES[role], role, password);
    await ensureRestUser(strapi, role, password);
  }
};

export const printDevAccounts = (strapi: Core.Strapi, password: string): void => {
  const url = `${strapi.config.get('server.url') || `http://localhost:${strapi.config.get('server.port')}`}/admin`;
  const lines = [
    'Development accounts (never created in production)',
    `  admin panel: ${url}`,
    `  super admin: ${SUPER_ADMIN_EMAIL}`,
    ...ROLE_CODES.map((role) => `  ${STAFF_ROLES[role].nameZh.padEnd(7, '　')} ${devEmail(role)}  (admin panel and REST /api/auth/local)`),
    `  password for all: ${password}   (DEMO_PASSWORD in .env)`,
  ];
  strapi.log.info(`\n${lines.join('\n')}`);
};
