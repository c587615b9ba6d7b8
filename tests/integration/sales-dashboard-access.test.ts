/**
 * Who may open the sales dashboard (plugin sales-dashboard): every endpoint, in the admin panel
 * (RBAC actions checked by admin::hasPermissions) and through REST (Users & Permissions), answers
 * the roles of src/domain/dashboard-access.ts and refuses the others with 403; bad parameters are
 * 400s naming the parameter. Sales targets: who may write them and what a target must be.
 */
import request from 'supertest';
import { DASHBOARD_ACCESS, DashboardPermission } from '../../src/domain/dashboard-access';
import { ROLE_CODES, RoleCode } from '../../src/domain/staff-roles';
import { createAdminUser, AdminMember } from '../helpers/admin';
import { expectValidationError } from '../helpers/fixtures';
import { useStrapi } from '../helpers/strapi';
import { createStaffUser, rest, StaffMember } from '../helpers/staff';

const ENDPOINTS: [string, DashboardPermission][] = [
  ['/filters', 'sales.read'],
  ['/sales/trend?grain=quarter', 'sales.read'],
  ['/sales/breakdown?by=customer&top=5', 'sales.read'],
  ['/sales/targets?year=2026&by=region', 'sales.read'],
  ['/complaints', 'sales.read'],
  ['/widgets/sales-month', 'sales.read'],
  ['/receivables/aging?groupBy=customer', 'receivables.read'],
  ['/receivables/collection', 'receivables.read'],
  ['/receivables/overdue-top?top=5', 'receivables.read'],
  ['/widgets/receivables-overdue', 'receivables.read'],
  ['/export/trend', 'export'],
  ['/export/collection', 'export'],
];

describe('sales dashboard access', () => {
  const app = useStrapi();
  const admins = {} as Record<RoleCode, AdminMember>;
  const staff = {} as Record<RoleCode, StaffMember>;

  beforeAll(async () => {
    for (const role of ROLE_CODES) {
      admins[role] = await createAdminUser(app.strapi, role);
      staff[role] = await createStaffUser(app.strapi, role);
    }
  });

  const adminGet = (admin: AdminMember, path: string) =>
    request(app.strapi.server.httpServer).get(`/sales-dashboard${path}`).set('Authorization', `Bearer ${admin.token}`);

  it.each(ENDPOINTS)('answers %s in the admin panel to exactly the roles granted %s', async (path, permission) => {
    for (const role of ROLE_CODES) {
      const res = await adminGet(admins[role], path);
      const allowed = DASHBOARD_ACCESS[permission].includes(role);
      expect({ role, status: res.status }).toEqual({ role, status: allowed ? 200 : 403 });
      if (!allowed) expect(res.body.error).toMatchObject({ status: 403 });
    }
  });

  it.each(ENDPOINTS)('answers %s through REST to exactly the roles granted %s', async (path, permission) => {
    for (const role of ROLE_CODES) {
      const res = await rest(app.strapi, staff[role]).get(`/api/sales-dashboard${path}`);
      const allowed = DASHBOARD_ACCESS[permission].includes(role);
      expect({ role, status: res.status }).toEqual({ role, status: allowed ? 200 : 403 });
    }
  });

  it('refuses anonymous requests', async () => {
    expect((await request(app.strapi.server.httpServer).get('/sales-dashboard/sales/trend')).status).toBe(401);
    expect((await request(app.strapi.server.httpServer).get('/api/sales-dashboard/sales/trend')).status).toBe(401);
  });

  it('names each bad parameter in a 400', async () => {
    const clerk = admins['sales-clerk'];
    expectValidationError(await adminGet(clerk, '/sales/trend?grain=week'), 'grain');
    expectValidationError(await adminGet(clerk, '/sales/trend?from=2026-02-30'), 'from');
    expectValidationError(await adminGet(clerk, '/sales/trend?from=2026-03-01&to=2026-02-01'), 'to');
    expectValidationError(await adminGet(clerk, '/sales/breakdown?by=colour'), 'by');
    expectValidationError(await adminGet(clerk, '/sales/breakdown?top=0'), 'top');
    expectValidationError(await adminGet(clerk, '/sales/trend?customer=nobody'), 'customer');
    expectValidationError(await adminGet(clerk, '/sales/trend?salesperson=999999'), 'salesperson');
    expectValidationError(await adminGet(clerk, '/sales/trend?regoin=x'), 'regoin');
    expectValidationError(await adminGet(clerk, '/sales/targets?year=20x6'), 'year');
    const unknownTable = await adminGet(clerk, '/export/everything');
    expect(unknownTable.status).toBe(404);
  });

  describe('sales targets', () => {
    const target = (member: StaffMember, data: Record<string, unknown>) => rest(app.strapi, member).post('/api/sales-targets', { data });

    it('lets the sales manager and the sales clerk set targets, and nobody else', async () => {
      expect((await target(staff['sales-manager'], { region: '华东', year: 2026, amount: '1000000.00' })).status).toBe(201);
      expect((await target(staff['sales-clerk'], { region: '华南', year: 2026, quarter: 1, amount: '250000.50' })).status).toBe(201);
      for (const role of ['cs-supervisor', 'marketing-vp', 'planner', 'quality', 'salesperson'] as RoleCode[]) {
        expect({ role, status: (await target(staff[role], { region: '华北', year: 2026, amount: '1.00' })).status }).toEqual({
          role,
          status: 403,
        });
      }
      expect((await rest(app.strapi, staff['marketing-vp']).get('/api/sales-targets')).status).toBe(200);
      expect((await rest(app.strapi, staff.planner).get('/api/sales-targets')).status).toBe(403);
    });

    it('refuses a target for both or neither subject, for a quarter and a month, twice for one period, or with inexact money', async () => {
      const manager = staff['sales-manager'];
      const salesperson = staff.salesperson;
      const before = await app.strapi.db.query('api::sales-target.sales-target').count();
      expectValidationError(await target(manager, { year: 2026, amount: '10.00' }), 'salesperson');
      expectValidationError(await target(manager, { salesperson: salesperson.id, region: '华东', year: 2026, amount: '10.00' }), 'region');
      expectValidationError(await target(manager, { region: '西南', year: 2026, quarter: 2, month: 4, amount: '10.00' }), 'month');
      expectValidationError(await target(manager, { region: '西南', year: 2026, amount: '10.001' }), 'amount');
      expect((await target(manager, { salesperson: salesperson.id, year: 2026, month: 3, amount: '10.00' })).status).toBe(201);
      expectValidationError(await target(manager, { salesperson: salesperson.id, year: 2026, month: 3, amount: '20.00' }), 'year');
      expect(await app.strapi.db.query('api::sales-target.sales-target').count()).toBe(before + 1);
    });
  });
});
