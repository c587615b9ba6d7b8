/**
 * Grants exactly src/domain/access-matrix.ts at every bootstrap, idempotently: the department's
 * roles exist as Users & Permissions roles (REST) and admin-panel roles with the same codes, each
 * with the permissions of the matrix and nothing more. The Public role reads no business data,
 * self-registration is off, and Strapi's default Editor/Author admin roles lose access to records.
 */
import type { Core } from '@strapi/strapi';
import { ACCESS_MATRIX, AccessLevel, RecordName, RECORDS } from '../domain/access-matrix';
import { DASHBOARD_PLUGIN, dashboardAction, dashboardPermissionsOf, dashboardRestActionsOf } from '../domain/dashboard-access';
import { REST_ENDPOINTS, WITHHELD_CORE_LEVELS } from '../domain/rest-endpoints';
import { ROLE_CODES, RoleCode, STAFF_ROLES } from '../domain/staff-roles';

export const RECORD_UIDS: Record<RecordName, string> = {
  customer: 'api::customer.customer',
  product: 'api::product.product',
  order: 'api::order.order',
  inquiry: 'api::inquiry.inquiry',
  'customer-opinion': 'api::customer-opinion.customer-opinion',
  'customer-need': 'api::customer-need.customer-need',
  staff: 'plugin::users-permissions.user',
  notification: 'api::notification.notification',
  contract: 'api::contract.contract',
  'seal-use': 'api::seal-use.seal-use',
  complaint: 'api::complaint.complaint',
  'packaging-item': 'api::packaging-item.packaging-item',
  shipment: 'api::shipment.shipment',
  receivable: 'api::receivable.receivable',
  payment: 'api::payment.payment',
  'payment-allocation': 'api::payment-allocation.payment-allocation',
  statement: 'api::statement.statement',
  'credit-event': 'api::credit-event.credit-event',
  'credit-override': 'api::credit-override.credit-override',
  task: 'api::task.task',
  'sales-target': 'api::sales-target.sales-target',
};

const REST_ACTIONS: Record<AccessLevel, string[]> = {
  read: ['find', 'findOne'],
  create: ['create'],
  update: ['update'],
  delete: ['delete'],
};
/** A record's REST actions at a level: the core ones it offers, and its own endpoints granted with that level. */
const restActionsOf = (record: RecordName, level: AccessLevel) => [
  ...(WITHHELD_CORE_LEVELS[record]?.includes(level) ? [] : REST_ACTIONS[level]),
  ...(REST_ENDPOINTS[record] ?? []).filter((endpoint) => endpoint.grantedWith === level).map((endpoint) => endpoint.action),
];
/** What every staff member may do with their own account. */
const OWN_ACCOUNT_ACTIONS = ['plugin::users-permissions.user.me', 'plugin::users-permissions.auth.changePassword'];
/**
 * What every staff role may do beyond its records: read its own work list (filtered by the caller's roles), set its own
 * mail preferences, and ask for the team view and performance sheet, which the handler refuses to anyone who supervises nobody.
 */
const STAFF_ACTIONS = [
  'api::my-work.my-work.find',
  'api::my-work.my-work.mailPreferences',
  'api::my-work.my-work.setMailPreferences',
  'api::my-work.my-work.team',
  'api::my-work.my-work.member',
  'api::my-work.my-work.performance',
];

const ADMIN_ACTIONS: Record<AccessLevel, string> = {
  read: 'plugin::content-manager.explorer.read',
  create: 'plugin::content-manager.explorer.create',
  update: 'plugin::content-manager.explorer.update',
  delete: 'plugin::content-manager.explorer.delete',
};

const accessFor = (role: RoleCode): [RecordName, AccessLevel[]][] => RECORDS.map((record) => [record, ACCESS_MATRIX[record][role] ?? []]);

/** The REST (Users & Permissions) actions a role gets, sorted. */
export const restActionsFor = (role: RoleCode): string[] => {
  const actions = accessFor(role).flatMap(([record, levels]) =>
    levels.flatMap((level) => restActionsOf(record, level).map((action) => `${RECORD_UIDS[record]}.${action}`))
  );
  return [...actions, ...dashboardRestActionsOf(role), ...OWN_ACCOUNT_ACTIONS, ...STAFF_ACTIONS].sort();
};

/**
 * The admin-panel permissions a role gets, sorted: `action subject` for the records, the bare
 * action for the sales dashboard's actions (they have no subject).
 */
export const adminGrantsFor = (role: RoleCode): string[] =>
  [
    ...accessFor(role).flatMap(([record, levels]) => levels.map((level) => `${ADMIN_ACTIONS[level]} ${RECORD_UIDS[record]}`)),
    ...dashboardPermissionsOf(role).map(dashboardAction),
  ].sort();

const syncRestRoles = async (strapi: Core.Strapi) => {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const code of ROLE_CODES) {
    const { name, nameZh, description } = STAFF_ROLES[code];
    const wanted = { name: `${name} ${nameZh}`, description };
    let role = await roles.findOne({ where: { type: code } });
    if (!role) role = await roles.create({ data: { ...wanted, type: code } });
    else if (role.name !== wanted.name || role.description !== wanted.description) {
      await roles.update({ where: { id: role.id }, data: wanted });
    }
    const granted: { id: number; action: string }[] = await permissions.findMany({
      where: { role: role.id },
      select: ['id', 'action'],
    });
    const wantedActions = new Set(restActionsFor(code));
    const extra = granted.filter((p) => !wantedActions.has(p.action)).map((p) => p.id);
    if (extra.length > 0) await permissions.deleteMany({ where: { id: { $in: extra } } });
    const have = new Set(granted.map((p) => p.action));
    for (const action of wantedActions) {
      if (!have.has(action)) await permissions.create({ data: { action, role: role.id } });
    }
  }
  // Public and Authenticated (a user without a staff role) see no business data at all.
  const managedPrefixes = [...Object.values(RECORD_UIDS).map((uid) => `${uid}.`), `plugin::${DASHBOARD_PLUGIN}.`];
  for (const type of ['public', 'authenticated']) {
    const role = await roles.findOne({ where: { type } });
    if (!role) continue;
    const granted: { id: number; action: string }[] = await permissions.findMany({
      where: { role: role.id },
      select: ['id', 'action'],
    });
    const outside = granted
      .filter((p) => p.action.startsWith('api::') || managedPrefixes.some((prefix) => p.action.startsWith(prefix)))
      .filter((p) => !(type === 'authenticated' && OWN_ACCOUNT_ACTIONS.includes(p.action)))
      .map((p) => p.id);
    if (outside.length > 0) await permissions.deleteMany({ where: { id: { $in: outside } } });
  }
  // Staff accounts are created by administrators, not by self-registration.
  const advanced = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const settings = ((await advanced.get()) ?? {}) as Record<string, unknown>;
  if (settings.allow_register !== false) await advanced.set({ value: { ...settings, allow_register: false } });
};

const syncAdminRoles = async (strapi: Core.Strapi) => {
  const roleService = strapi.service('admin::role');
  const { actionProvider } = strapi.service('admin::permission');
  const contentTypes = strapi.service('admin::content-type');
  for (const code of ROLE_CODES) {
    const { name, nameZh, description } = STAFF_ROLES[code];
    const wanted = { name: `${name} ${nameZh}`, description };
    let role = await roleService.findOne({ code });
    if (!role) role = await roleService.create({ ...wanted, code });
    else if (role.name !== wanted.name || role.description !== wanted.description) {
      await roleService.update({ id: role.id }, wanted);
    }
    const permissions = adminGrantsFor(code).flatMap((grant) => {
      const [actionId, subject] = grant.split(' ');
      if (subject === undefined) return [{ action: actionId, subject: null, properties: {}, conditions: [] }];
      return contentTypes.getPermissionsWithNestedFields([{ ...actionProvider.get(actionId), subjects: [subject] }]);
    });
    await roleService.assignPermissions(role.id, permissions);
  }
  // Strapi's default Editor and Author roles would otherwise edit every record.
  await strapi.db.query('admin::permission').deleteMany({
    where: {
      subject: { $in: Object.values(RECORD_UIDS) },
      role: { code: { $in: ['strapi-editor', 'strapi-author'] } },
    },
  });
};

export const syncRoles = async (strapi: Core.Strapi): Promise<void> => {
  await syncRestRoles(strapi);
  await syncAdminRoles(strapi);
};
