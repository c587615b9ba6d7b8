/**
 * One table of endpoints, served twice: as admin routes under /sales-dashboard (admin RBAC action
 * checked by admin::hasPermissions) and as REST routes under /api/sales-dashboard (Users &
 * Permissions checks `plugin::sales-dashboard.<handler>`, granted from the same matrix).
 */
import { DashboardPermission, dashboardAction } from '../../../../../domain/dashboard-access';

interface Endpoint {
  path: string;
  handler: string;
  permission: DashboardPermission;
}

export const ENDPOINTS: Endpoint[] = [
  { path: '/filters', handler: 'sales.filters', permission: 'sales.read' },
  { path: '/sales/trend', handler: 'sales.trend', permission: 'sales.read' },
  { path: '/sales/breakdown', handler: 'sales.breakdown', permission: 'sales.read' },
  { path: '/sales/targets', handler: 'sales.targets', permission: 'sales.read' },
  { path: '/complaints', handler: 'sales.complaints', permission: 'sales.read' },
  { path: '/widgets/sales-month', handler: 'sales.monthWidget', permission: 'sales.read' },
  { path: '/receivables/aging', handler: 'receivables.aging', permission: 'receivables.read' },
  { path: '/receivables/collection', handler: 'receivables.collection', permission: 'receivables.read' },
  { path: '/receivables/overdue-top', handler: 'receivables.overdueTop', permission: 'receivables.read' },
  { path: '/widgets/receivables-overdue', handler: 'receivables.overdueWidget', permission: 'receivables.read' },
  { path: '/export/:table', handler: 'exports.table', permission: 'export' },
];

export default {
  admin: {
    type: 'admin',
    routes: ENDPOINTS.map(({ path, handler, permission }) => ({
      method: 'GET',
      path,
      handler,
      config: {
        policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [dashboardAction(permission)] } }],
      },
    })),
  },
  'content-api': {
    type: 'content-api',
    routes: ENDPOINTS.map(({ path, handler }) => ({ method: 'GET', path, handler, config: { policies: [] } })),
  },
};
