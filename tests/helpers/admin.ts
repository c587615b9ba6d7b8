/**
 * Acting in the admin panel: an admin user with one of the department's admin roles, logged in
 * through POST /admin/login (5.54 answers `{ data: { token, accessToken, user } }` and sets a
 * refresh cookie), and a client for the content manager API carrying the access token.
 */
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import type { RoleCode } from '../../src/domain/staff-roles';
import { unique } from './fixtures';
import { PASSWORD } from './staff';

export interface AdminMember {
  id: number;
  email: string;
  token: string;
}

export const createAdminUser = async (
  strapi: Core.Strapi,
  /** One of the department's roles, Strapi's super admin, or any admin role's code. */
  roleCode: RoleCode | 'strapi-super-admin' | (string & {}),
  email = `admin-${roleCode}-${unique()}@test.local`
): Promise<AdminMember> => {
  const role = await strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  if (!role) throw new Error(`no admin role ${roleCode}`);
  const user = await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: roleCode,
    password: PASSWORD,
    isActive: true,
    roles: [role.id],
  });
  const login = await request(strapi.server.httpServer).post('/admin/login').send({ email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { id: user.id, email, token: login.body.data.token };
};

/** The content manager's collection-type API: `cm(strapi, admin).create('api::customer.customer', {...})`. */
export const contentManager = (strapi: Core.Strapi, admin: AdminMember) => {
  const agent = request(strapi.server.httpServer);
  const base = (uid: string) => `/content-manager/collection-types/${uid}`;
  const auth = (req: request.Test) => req.set('Authorization', `Bearer ${admin.token}`);
  return {
    create: (uid: string, body: object) => auth(agent.post(base(uid))).send(body),
    clone: (uid: string, sourceDocumentId: string, body: object = {}) =>
      auth(agent.post(`${base(uid)}/clone/${sourceDocumentId}`)).send(body),
    update: (uid: string, documentId: string, body: object) => auth(agent.put(`${base(uid)}/${documentId}`)).send(body),
    findOne: (uid: string, documentId: string) => auth(agent.get(`${base(uid)}/${documentId}`)),
    /** The list view's request: `find(uid, { _q: 'term', page: '1', pageSize: '10' })`. */
    find: (uid: string, query: Record<string, string>) => auth(agent.get(base(uid)).query(query)),
    delete: (uid: string, documentId: string) => auth(agent.delete(`${base(uid)}/${documentId}`)),
    bulkDelete: (uid: string, documentIds: string[]) => auth(agent.post(`${base(uid)}/actions/bulkDelete`)).send({ documentIds }),
  };
};

/** A relation value as the admin panel sends it. */
export const connect = (doc: { id: number; documentId: string }) => ({
  connect: [{ id: doc.id, documentId: doc.documentId }],
  disconnect: [],
});

/** What the content manager's edit view sends back on save: the record as read, without the fields Strapi keeps itself. */
export const editForm = (data: Record<string, unknown>): Record<string, unknown> => {
  const {
    id: _id,
    documentId: _d,
    createdAt: _c,
    updatedAt: _u,
    createdBy: _cb,
    updatedBy: _ub,
    publishedAt: _p,
    locale: _l,
    ...form
  } = data;
  return form;
};
