/**
 * Who sees the sales and receivables dashboard (plugin sales-dashboard): its three admin-panel
 * actions, the REST handlers each one opens, and the roles granted each. The single source from
 * which src/staff/role-sync.ts grants both the admin roles (RBAC) and the REST roles at every
 * bootstrap; docs/roles.md shows the same table, and a test keeps them equal.
 */
import { RoleCode } from './staff-roles';

export const DASHBOARD_PLUGIN = 'sales-dashboard';

export const DASHBOARD_PERMISSIONS = ['sales.read', 'receivables.read', 'export'] as const;
export type DashboardPermission = (typeof DASHBOARD_PERMISSIONS)[number];

/** The admin RBAC action id of a permission: `plugin::sales-dashboard.sales.read`. */
export const dashboardAction = (permission: DashboardPermission): string => `plugin::${DASHBOARD_PLUGIN}.${permission}`;

/** What each permission shows, for the role editor and docs/roles.md. */
export const DASHBOARD_PERMISSION_LABELS: Record<DashboardPermission, string> = {
  'sales.read': 'Read sales statistics, targets and complaint charts',
  'receivables.read': 'Read receivables aging, collection trend and overdue customers',
  export: 'Export the dashboard tables to XLSX',
};

/**
 * The REST handlers (`controller.action` of the plugin's content-api routes) each permission opens;
 * Users & Permissions checks `plugin::sales-dashboard.<controller>.<action>`.
 */
export const DASHBOARD_REST_HANDLERS: Record<DashboardPermission, string[]> = {
  'sales.read': ['sales.filters', 'sales.trend', 'sales.breakdown', 'sales.targets', 'sales.complaints', 'sales.monthWidget'],
  'receivables.read': ['receivables.aging', 'receivables.collection', 'receivables.overdueTop', 'receivables.overdueWidget'],
  export: ['exports.table'],
};

const SALES: RoleCode[] = ['cs-supervisor', 'sales-clerk', 'sales-manager', 'marketing-vp'];
const RECEIVABLES: RoleCode[] = ['sales-clerk', 'sales-manager', 'marketing-vp'];

export const DASHBOARD_ACCESS: Record<DashboardPermission, RoleCode[]> = {
  'sales.read': SALES,
  'receivables.read': RECEIVABLES,
  export: RECEIVABLES,
};

export const dashboardPermissionsOf = (role: RoleCode): DashboardPermission[] =>
  DASHBOARD_PERMISSIONS.filter((permission) => DASHBOARD_ACCESS[permission].includes(role));

/** REST action ids of a role, e.g. `plugin::sales-dashboard.sales.trend`. */
export const dashboardRestActionsOf = (role: RoleCode): string[] =>
  dashboardPermissionsOf(role).flatMap((permission) =>
    DASHBOARD_REST_HANDLERS[permission].map((handler) => `plugin::${DASHBOARD_PLUGIN}.${handler}`)
  );
