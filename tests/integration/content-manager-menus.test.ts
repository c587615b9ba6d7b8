/**
 * The content manager's menu per role (src/domain/role-menus.ts): each staff member's init data
 * marks displayed the record types their roles work with and no other, an administrator still
 * sees every type, and a type left out of a menu still works where the role needs it — its list,
 * and the relation pickers that point to it.
 */
import request from 'supertest';
import { menuOf, ROLE_MENUS } from '../../src/domain/role-menus';
import { ROLE_CODES, RoleCode } from '../../src/domain/staff-roles';
import { RECORD_UIDS } from '../../src/staff/role-sync';
import { useStrapi } from '../helpers/strapi';
import { contentManager, createAdminUser, AdminMember } from '../helpers/admin';

describe('content manager menus', () => {
  const app = useStrapi();
  const admins: Partial<Record<RoleCode | 'strapi-super-admin', AdminMember>> = {};
  const adminOf = async (role: RoleCode | 'strapi-super-admin') => (admins[role] ??= await createAdminUser(app.strapi, role));

  const get = async (admin: AdminMember, path: string) => {
    const res = await request(app.strapi.server.httpServer).get(path).set('Authorization', `Bearer ${admin.token}`);
    expect([path, res.status]).toEqual([path, 200]);
    return res.body;
  };
  /** The uids the admin panel's menu offers: displayed types (the panel then keeps those the user may read). */
  const displayed = async (admin: AdminMember) => {
    const body = await get(admin, '/content-manager/init');
    return (body.data.contentTypes as { uid: string; isDisplayed: boolean }[])
      .filter((type) => type.isDisplayed)
      .map((type) => type.uid)
      .sort();
  };

  it.each(ROLE_CODES)('shows %s the record types it works with, and no other', async (role) => {
    const expected = ROLE_MENUS[role].map((record) => RECORD_UIDS[record]).sort();
    expect(await displayed(await adminOf(role))).toEqual(expected);
  });

  it('shows an administrator every type, the ones no staff menu lists included', async () => {
    const all = await displayed(await adminOf('strapi-super-admin'));
    expect(all).toEqual(expect.arrayContaining(Object.values(RECORD_UIDS)));
    const listed = new Set([...menuOf(ROLE_CODES)].map((record) => RECORD_UIDS[record]));
    expect(all.filter((uid) => !listed.has(uid))).toEqual(
      expect.arrayContaining([
        'api::payment-allocation.payment-allocation',
        'api::credit-event.credit-event',
        'plugin::users-permissions.user',
      ])
    );
  });

  it('keeps a type out of the menu readable: its list, and the pickers that point to it', async () => {
    const clerk = await adminOf('sales-clerk');
    expect(await displayed(clerk)).not.toContain('api::payment-allocation.payment-allocation');
    const allocations = await contentManager(app.strapi, clerk).find('api::payment-allocation.payment-allocation', {
      page: '1',
      pageSize: '10',
    });
    expect(allocations.status).toBe(200);
    const specialist = await adminOf('cs-specialist');
    expect(await displayed(specialist)).not.toContain('plugin::users-permissions.user');
    const salespeople = await get(specialist, '/content-manager/relations/api::customer.customer/salesperson?page=1&pageSize=10');
    expect(Array.isArray(salespeople.results)).toBe(true);
  });
});
