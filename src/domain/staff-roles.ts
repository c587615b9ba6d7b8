/**
 * The department's roles (岗位). The same codes name the admin-panel roles and the Users &
 * Permissions roles of the REST API, so an action is attributed to one set of role codes whichever
 * client it came through.
 */

export const ROLE_CODES = [
  'cs-supervisor',
  'cs-specialist',
  'order-coordinator',
  'sales-clerk',
  'planner',
  'quality',
  'sales-manager',
  'marketing-vp',
  'salesperson',
] as const;

export type RoleCode = (typeof ROLE_CODES)[number];

export interface StaffRole {
  code: RoleCode;
  name: string;
  nameZh: string;
  description: string;
}

export const STAFF_ROLES: Record<RoleCode, StaffRole> = {
  'cs-supervisor': {
    code: 'cs-supervisor',
    name: 'CS supervisor',
    nameZh: '客服主管',
    description: 'Reviews contract terms, approves measures for major complaints, owns the contract ledger and seal log, assigns work.',
  },
  'cs-specialist': {
    code: 'cs-specialist',
    name: 'CS specialist',
    nameZh: '客户服务专员',
    description: 'Takes calls and visits, enters orders and drafts contracts, records complaints, keeps customer files.',
  },
  'order-coordinator': {
    code: 'order-coordinator',
    name: 'Order coordinator',
    nameZh: '销售跟单专员',
    description: 'Follows orders through production and shipping: schedule, packaging, delivery dates, shipments, samples.',
  },
  'sales-clerk': {
    code: 'sales-clerk',
    name: 'Sales clerk',
    nameZh: '销售统计文员',
    description: 'Issues delivery notes, keeps receivables and payment progress, statements, overdue report and statistics.',
  },
  planner: {
    code: 'planner',
    name: 'Planner',
    nameZh: '计划专员',
    description: 'Reviews contracts for capacity and delivery date; plans production and delivery.',
  },
  quality: {
    code: 'quality',
    name: 'Quality',
    nameZh: '品质',
    description: 'Analyses complaints and verifies the effectiveness of corrective actions.',
  },
  'sales-manager': {
    code: 'sales-manager',
    name: 'Sales manager',
    nameZh: '销售经理',
    description: "Receives the overdue-payment report, follows up salespeople and sets customers' credit terms.",
  },
  'marketing-vp': {
    code: 'marketing-vp',
    name: 'Marketing VP',
    nameZh: '营销副总',
    description: 'Approves disposal of returned and slow-moving stock, contract termination, credit-hold overrides and credit terms.',
  },
  salesperson: {
    code: 'salesperson',
    name: 'Salesperson',
    nameZh: '业务员',
    description: 'Owns customers and orders; chased for collection; earns commission.',
  },
};

export const isRoleCode = (value: unknown): value is RoleCode =>
  typeof value === 'string' && (ROLE_CODES as readonly string[]).includes(value);
