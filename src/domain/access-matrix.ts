/**
 * Who may do what with each business record: the single source from which both the REST roles
 * (Users & Permissions) and the admin-panel roles (RBAC) are granted at every bootstrap.
 * docs/roles.md shows the same table for people; a test keeps the two equal.
 *
 * Nobody deletes business records through REST or the role-based admin screens: customers and
 * products are deactivated, orders are cancelled through their workflow. Only the super admin can
 * delete, in the admin panel.
 */
import { RoleCode } from './staff-roles';

export const ACCESS_LEVELS = ['read', 'create', 'update', 'delete'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** `staff` is the staff directory (Users & Permissions users): who is the salesperson, who handled it. */
/** `notification` is the e-mail outbox: read it, and (update) retry a failed mail. */
/**
 * `contract`: reading includes the workflow and the ledger, and asking for a workflow action;
 * the workflow machine (src/domain/contract-review.ts) then decides by role which action a
 * reader may take. Create and update are drafting: only a draft's terms can be edited.
 * `seal-use` is the seal log (合同印章使用登记), written by the contract's `seal` action.
 */
/**
 * `complaint`: reading includes the workflow, asking for an action (the machine decides by role)
 * and the statistics; create and update are recording a complaint and correcting it before analysis.
 */
/** `packaging-item` (包材): an order's cartons, manuals and labels, kept by the order coordinator. */
/** `sales-target` (销售目标): a salesperson's or region's target, set by the sales manager and the sales clerk. */
/**
 * `shipment` (出货单): reading includes its workflow (shipping is an action) and the delivery note.
 * `receivable` (应收): written by shipping only; read by those who chase or report payment.
 * `payment` (收款): the sales clerk records a payment with its allocations (create) and reverses it
 * (update); `payment-allocation` (核销) is written only with its payment.
 * `statement` (对账单): the sales clerk issues one (create; the server computes every figure) and
 * sends it (update); the customer confirms or disputes it through the mailed link.
 * `credit-event` (信用记录): holds, releases and overrides, written by the server; reading includes a
 * customer's whole credit record. `credit-override` (信用放行): granted (create) by the marketing VP only.
 * `customer-opinion` (客户意见): recorded (create) by whoever hears it, never changed or deleted, so
 * nothing the customer said is lost; the server also records complaint feedback and statement
 * disputes as opinions. `customer-need` (潜在需求): recorded and followed (update: status, notes)
 * by the supervisor, the specialists and the salespeople.
 * `task` (工作安排): those who give or receive tasks, and the marketing VP who oversees them, read
 * them; each acts on their own through the workflow (the task names who may: its assignee, its
 * assigner); the supervisor and the sales manager assign (create) and correct (update) the tasks
 * they gave (src/guards/task-guard.ts). Planning and quality are other departments: no tasks.
 */
export const RECORDS = [
  'customer',
  'product',
  'order',
  'inquiry',
  'customer-opinion',
  'customer-need',
  'staff',
  'notification',
  'contract',
  'seal-use',
  'complaint',
  'packaging-item',
  'shipment',
  'receivable',
  'payment',
  'payment-allocation',
  'statement',
  'credit-event',
  'credit-override',
  'sales-target',
  'task',
] as const;
export type RecordName = (typeof RECORDS)[number];

const R: AccessLevel[] = ['read'];
const RCU: AccessLevel[] = ['read', 'create', 'update'];
const RU: AccessLevel[] = ['read', 'update'];
const RC: AccessLevel[] = ['read', 'create'];

/** Who reads the money side of an order (receivables, payments, allocations, credit): those who chase or report payment. */
const MONEY_READERS: Partial<Record<RoleCode, AccessLevel[]>> = {
  'cs-supervisor': R,
  'cs-specialist': R,
  'order-coordinator': R,
  'sales-clerk': R,
  'sales-manager': R,
  'marketing-vp': R,
  salesperson: R,
};

export const ACCESS_MATRIX: Record<RecordName, Partial<Record<RoleCode, AccessLevel[]>>> = {
  customer: {
    'cs-supervisor': RCU,
    'cs-specialist': RCU,
    'order-coordinator': R,
    'sales-clerk': RU,
    planner: R,
    quality: R,
    // Update is setting the credit terms, with a reason, and nothing else (src/guards/customer-guard.ts).
    'sales-manager': RU,
    'marketing-vp': RU,
    salesperson: R,
  },
  product: {
    'cs-supervisor': RCU,
    'cs-specialist': R,
    'order-coordinator': R,
    'sales-clerk': R,
    planner: RU,
    quality: R,
    'sales-manager': R,
    'marketing-vp': R,
    salesperson: R,
  },
  order: {
    'cs-supervisor': RCU,
    'cs-specialist': RCU,
    'order-coordinator': R,
    'sales-clerk': R,
    planner: R,
    quality: R,
    'sales-manager': R,
    'marketing-vp': R,
    salesperson: R,
  },
  inquiry: {
    'cs-supervisor': RCU,
    'cs-specialist': RCU,
    'order-coordinator': RCU,
    'sales-clerk': R,
    'sales-manager': R,
    'marketing-vp': R,
    salesperson: RCU,
  },
  // Whoever talks with customers records what they said; quality reads it (it is often about the product).
  'customer-opinion': {
    'cs-supervisor': RC,
    'cs-specialist': RC,
    'order-coordinator': RC,
    'sales-clerk': RC,
    quality: R,
    'sales-manager': R,
    'marketing-vp': R,
    salesperson: RC,
  },
  // Needs are worked by those who sell and take orders; planning reads them to see demand coming.
  'customer-need': {
    'cs-supervisor': RCU,
    'cs-specialist': RCU,
    'order-coordinator': R,
    'sales-clerk': R,
    planner: R,
    'sales-manager': R,
    'marketing-vp': R,
    salesperson: RCU,
  },
  staff: {
    'cs-supervisor': R,
    'cs-specialist': R,
    'order-coordinator': R,
    'sales-clerk': R,
    planner: R,
    quality: R,
    'sales-manager': R,
    'marketing-vp': R,
    salesperson: R,
  },
  notification: {
    'cs-supervisor': RU,
  },
  contract: {
    'cs-supervisor': RCU,
    'cs-specialist': RCU,
    'order-coordinator': R,
    'sales-clerk': R,
    planner: R,
    quality: R,
    'sales-manager': R,
    'marketing-vp': R,
    salesperson: R,
  },
  'seal-use': {
    'cs-supervisor': R,
    'marketing-vp': R,
  },
  complaint: {
    'cs-supervisor': RCU,
    'cs-specialist': RCU,
    'order-coordinator': R,
    'sales-clerk': R,
    planner: R,
    quality: R,
    'sales-manager': R,
    'marketing-vp': R,
    salesperson: R,
  },
  'packaging-item': {
    'cs-supervisor': RCU,
    'cs-specialist': R,
    'order-coordinator': RCU,
    'sales-clerk': R,
    planner: R,
    quality: R,
    'sales-manager': R,
    'marketing-vp': R,
    salesperson: R,
  },
  shipment: {
    'cs-supervisor': R,
    'cs-specialist': R,
    'order-coordinator': RCU,
    'sales-clerk': RCU,
    planner: R,
    quality: R,
    'sales-manager': R,
    'marketing-vp': R,
    salesperson: R,
  },
  receivable: MONEY_READERS,
  payment: { ...MONEY_READERS, 'sales-clerk': RCU },
  'payment-allocation': MONEY_READERS,
  statement: {
    'cs-supervisor': R,
    'sales-clerk': RCU,
    'sales-manager': R,
    'marketing-vp': R,
    salesperson: R,
  },
  'credit-event': MONEY_READERS,
  'credit-override': {
    'cs-supervisor': R,
    'cs-specialist': R,
    'order-coordinator': R,
    'sales-clerk': R,
    'sales-manager': R,
    'marketing-vp': RC,
    salesperson: R,
  },
  'sales-target': {
    'cs-supervisor': R,
    'sales-clerk': RCU,
    'sales-manager': RCU,
    'marketing-vp': R,
  },
  task: {
    'cs-supervisor': RCU,
    'cs-specialist': R,
    'order-coordinator': R,
    'sales-clerk': R,
    'sales-manager': RCU,
    'marketing-vp': R,
    salesperson: R,
  },
};
