/**
 * The record types each role finds in the content manager's menu: those it works with, by
 * docs/roles.md — what it records or changes, and what it looks up in its daily work. The menu is
 * not the permissions (src/domain/access-matrix.ts): a role still reads what its screens need (a
 * relation picker's staff, a payment's allocations, a customer's credit events, shown in the
 * panels and the customer file) — it just does not get a menu entry for each. Every type here is
 * one the role may read, and every type it may create or change is here (tests/unit/role-menus.test.ts).
 */
import type { RecordName } from './access-matrix';
import type { RoleCode } from './staff-roles';

/** What the people who take orders and answer customers open. */
const CUSTOMER_SERVICE: RecordName[] = [
  'customer',
  'order',
  'contract',
  'complaint',
  'inquiry',
  'customer-opinion',
  'customer-need',
  'product',
];

export const ROLE_MENUS: Record<RoleCode, RecordName[]> = {
  'cs-supervisor': [...CUSTOMER_SERVICE, 'packaging-item', 'shipment', 'receivable', 'task', 'seal-use', 'notification'],
  'cs-specialist': [...CUSTOMER_SERVICE, 'shipment', 'receivable'],
  'order-coordinator': ['order', 'shipment', 'packaging-item', 'customer', 'product', 'contract', 'inquiry', 'customer-opinion'],
  'sales-clerk': ['customer', 'order', 'contract', 'shipment', 'receivable', 'payment', 'statement', 'sales-target', 'customer-opinion'],
  planner: ['order', 'product', 'contract', 'complaint', 'packaging-item', 'shipment', 'customer-need'],
  quality: ['complaint', 'customer-opinion', 'product', 'order', 'contract', 'customer'],
  'sales-manager': [
    'customer',
    'order',
    'contract',
    'complaint',
    'customer-need',
    'receivable',
    'payment',
    'statement',
    'sales-target',
    'task',
  ],
  'marketing-vp': [
    'customer',
    'order',
    'contract',
    'complaint',
    'customer-need',
    'receivable',
    'payment',
    'statement',
    'credit-override',
    'sales-target',
    'task',
    'seal-use',
  ],
  salesperson: [
    'customer',
    'order',
    'contract',
    'complaint',
    'inquiry',
    'customer-opinion',
    'customer-need',
    'shipment',
    'receivable',
    'payment',
    'statement',
  ],
};

/** The menu of someone holding these roles: what any of them works with. */
export const menuOf = (roles: readonly RoleCode[]): Set<RecordName> => new Set(roles.flatMap((role) => ROLE_MENUS[role] ?? []));
