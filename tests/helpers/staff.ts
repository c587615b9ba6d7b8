/**
 * Acting as staff in tests: a Users & Permissions user with one of the department's roles and a
 * JWT for the REST API, or an admin-panel user with the same role code and its session token.
 */
import crypto from 'crypto';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import type { RoleCode } from '../../src/domain/staff-roles';

export const PASSWORD = 'Test-Passw0rd';

export interface StaffMember {
  id: number;
  email: string;
  jwt: string;
}

const unique = () => crypto.randomBytes(4).toString('hex');

export const createStaffUser = async (
  strapi: Core.Strapi,
  role: RoleCode | 'authenticated',
  fields: Record<string, unknown> = {}
): Promise<StaffMember> => {
  const roleRow = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: role } });
  const email = `${role}-${unique()}@test.local`;
  const user = await strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username: email,
      email,
      password: PASSWORD,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: roleRow.id,
      displayName: `${role} tester`,
      ...fields,
    });
  const jwt = strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
  return { id: user.id, email, jwt };
};

/** A role, or a role with fields of the user (`['salesperson', { displayName: '张业务' }]`). */
export type StaffRole = RoleCode | readonly [RoleCode, Record<string, unknown>];

/** One staff member per role, by the names a test calls them: `createStaff(strapi, { clerk: 'sales-clerk' })`. */
export const createStaff = async <Name extends string>(
  strapi: Core.Strapi,
  roles: Record<Name, StaffRole>
): Promise<Record<Name, StaffMember>> => {
  const staff = {} as Record<Name, StaffMember>;
  for (const [name, role] of Object.entries(roles) as [Name, StaffRole][]) {
    staff[name] = typeof role === 'string' ? await createStaffUser(strapi, role) : await createStaffUser(strapi, role[0], role[1]);
  }
  return staff;
};

/**
 * Registers a beforeAll that creates the staff of `createStaff` and answers them at once, as
 * objects that beforeAll fills in (like `useStrapi`): `const { clerk } = useStaff(app, { clerk: 'sales-clerk' })`.
 * Call it after `useStrapi`, whose beforeAll must run first.
 */
export const useStaff = <Name extends string>(app: { strapi: Core.Strapi }, roles: Record<Name, StaffRole>): Record<Name, StaffMember> => {
  const staff = Object.fromEntries(Object.keys(roles).map((name) => [name, {}])) as Record<Name, StaffMember>;
  beforeAll(async () => {
    const created = await createStaff(app.strapi, roles);
    for (const name of Object.keys(roles) as Name[]) Object.assign(staff[name], created[name]);
  });
  return staff;
};

/** A REST client: `rest(strapi, member).get('/api/...')` carries the member's JWT. */
export const rest = (strapi: Core.Strapi, member?: StaffMember) => {
  const agent = request(strapi.server.httpServer);
  const withAuth = (req: request.Test) => (member ? req.set('Authorization', `Bearer ${member.jwt}`) : req);
  return {
    get: (url: string) => withAuth(agent.get(url)),
    post: (url: string, body?: object) => withAuth(agent.post(url)).send(body ?? {}),
    put: (url: string, body?: object) => withAuth(agent.put(url)).send(body ?? {}),
    delete: (url: string) => withAuth(agent.delete(url)),
  };
};

/**
 * The member's own choice of mail, as they make it (PUT /api/my-work/mail-preferences): e.g. a test
 * that expects an informational mail at once has its reader take that kind immediately.
 */
export const chooseMail = async (strapi: Core.Strapi, member: StaffMember, preferences: Record<string, 'immediately' | 'digest'>) => {
  const res = await rest(strapi, member).put('/api/my-work/mail-preferences', { data: { preferences } });
  if (res.status !== 200) throw new Error(`mail preferences refused: ${JSON.stringify(res.body)}`);
  return res.body.data;
};
