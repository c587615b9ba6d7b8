/**
 * My work (待办): what waits for a person, in the order they should take it. The server derives
 * every item from the records each time (nothing is copied that could drift): the workflow actions
 * the person may take now, and for those who watch delivery (进度交期跟踪) the orders running late.
 */
import { addDays } from './business-date';
import { contractMachine } from './contract-review';
import { orderMachine } from './order-progress';
import { shipmentMachine } from './shipping';
import type { Message } from './messages';
import type { Label, Machine } from './workflow/machine';
import { RoleCode } from './staff-roles';

/** Orders between confirmation and the last shipment: the ones that can run late. Held orders wait on credit, not on the plant. */
export const OPEN_ORDER_STATES = ['confirmed', 'scheduled', 'in_production', 'ready', 'partially_shipped'] as const;
/** Orders whose plan can overrun its finish date. */
export const PLANNED_STATES: readonly string[] = ['scheduled', 'in_production'];

/** Who watches late orders: the order coordinator follows progress, the supervisor oversees it. */
export const LATE_ORDER_WATCHERS: readonly RoleCode[] = ['order-coordinator', 'cs-supervisor'];

export const LATE_REASONS = [
  'past_promised_date',
  'planned_finish_overrun',
  'promised_after_required',
  'artwork_not_confirmed',
  'stock_short',
] as const;
export type LateReason = (typeof LATE_REASONS)[number];
export const LATE_REASON_LABELS: Record<LateReason, Label> = {
  past_promised_date: { en: 'Promised date passed, not shipped', zh: '已过承诺交期，未发完' },
  planned_finish_overrun: { en: 'Planned finish passed, not ready', zh: '已过计划完工日，未完工' },
  promised_after_required: { en: "Promised after the customer's required date", zh: '承诺交期晚于客户要求日期' },
  artwork_not_confirmed: { en: 'Packaging artwork not confirmed, finish near', zh: '包材稿样未确认，临近完工' },
  stock_short: { en: 'Stock short for allocation', zh: '库存不足，无法分配' },
};

/** Orders not yet made ready: their packaging artwork can still hold up `mark_ready`. */
export const BEFORE_READY_STATES: readonly string[] = ['confirmed', 'scheduled', 'in_production'];
/** Orders whose goods leave from stock now: what is not reserved for them must be available. */
export const SHIPPING_STATES: readonly string[] = ['ready', 'partially_shipped'];
/**
 * How many days before the planned finish (the promised date when there is no plan) an item whose
 * artwork the customer has not confirmed becomes a risk: printing takes about a week after it.
 */
export const ARTWORK_WARNING_DAYS = 7;

export interface OrderDates {
  state: string;
  promisedDate?: string | null;
  plannedFinish?: string | null;
  requiredDate?: string | null;
  /** A packaging item of the order waits for the customer's artwork confirmation. */
  artworkOpen?: boolean;
  /** A line needs more than it has reserved and the product has available. */
  stockShort?: boolean;
}

/** Why an open order is late or at risk on `today` (YYYY-MM-DD); empty when it is not. */
export const latenessOf = (order: OrderDates, today: string): LateReason[] => {
  if (!(OPEN_ORDER_STATES as readonly string[]).includes(order.state)) return [];
  const reasons: LateReason[] = [];
  if (order.promisedDate && order.promisedDate < today) reasons.push('past_promised_date');
  if (order.plannedFinish && order.plannedFinish < today && PLANNED_STATES.includes(order.state)) reasons.push('planned_finish_overrun');
  if (order.requiredDate && order.promisedDate && order.requiredDate < order.promisedDate) reasons.push('promised_after_required');
  const finish = order.plannedFinish ?? order.promisedDate;
  if (order.artworkOpen && BEFORE_READY_STATES.includes(order.state) && finish && finish <= addDays(today, ARTWORK_WARNING_DAYS)) {
    reasons.push('artwork_not_confirmed');
  }
  if (order.stockShort && SHIPPING_STATES.includes(order.state)) reasons.push('stock_short');
  return reasons;
};

/**
 * Actions a person may take but that no record waits for: holding, cancelling, amending, notes,
 * re-planning. A record is someone's work when it waits for one of the other actions.
 */
export const OPTIONAL_ACTIONS: Record<string, readonly string[]> = {
  contract: ['cancel', 'complete', 'amend'],
  complaint: ['withdraw', 'reopen'],
  order: ['reschedule', 'allocate', 'hold', 'cancel', 'note'],
  shipment: ['cancel'],
  task: ['note', 'cancel'],
};

/** The actions of `subject` that a record in their state waits for. */
export const awaitedActions = (subject: string, actions: readonly string[]): string[] =>
  actions.filter((action) => !(OPTIONAL_ACTIONS[subject] ?? []).includes(action));

/** The states in which a record of `subject` waits for `roles`: the records worth looking at for their work. */
export const waitingStates = (subject: string, machine: Pick<Machine, 'actions'>, roles: readonly RoleCode[]): string[] => [
  ...new Set(
    Object.entries(machine.actions)
      .filter(([action, spec]) => awaitedActions(subject, [action]).length > 0 && spec.roles.some((role) => roles.includes(role)))
      .flatMap(([, spec]) => spec.from)
  ),
];

/** Who decides credit overrides (信用放行): a customer on hold goes on only with their override per document. */
export const CREDIT_OVERRIDE_DECIDERS: readonly RoleCode[] = ['marketing-vp'];

/**
 * The states in which a document's next step passes the credit gate (src/cash-collection/credit-control.ts
 * `enforceCreditHold`): confirming an order, submitting or activating a contract, shipping. A held
 * customer's document there waits for the VP's override.
 */
export const CREDIT_GATED_STATES: Record<'order' | 'contract' | 'shipment', readonly string[]> = {
  order: orderMachine.actions.confirm.from,
  contract: [...contractMachine.actions.submit.from, ...contractMachine.actions.activate.from],
  shipment: shipmentMachine.actions.ship.from,
};

/** A customer on credit hold as the VP's home shows it (src/my-work/credit-holds.ts). */
export interface CreditHold {
  documentId: string;
  code: string | null;
  name: string;
  reason: string | null;
  reasonMessage: Message | null;
  source: string | null;
  openBalance: string;
  creditLimit: string;
  currency: string;
  /** Its documents waiting for an override (items of kind `credit-override`). */
  waiting: number;
}

export interface WorkItem {
  /** A workflow action, a late order, or a held customer's document waiting for a credit override. */
  kind: 'action' | 'late-order' | 'credit-override';
  /** The workflow's subject: task, contract, complaint, order, shipment. */
  subject: string;
  /** The content type, for the link to the record in the admin panel. */
  uid: string;
  documentId: string;
  number: string | null;
  customer: string | null;
  state: string;
  /** The actions the person may take now (action items). */
  actions: string[];
  /** Why a late order is listed. */
  reasons: LateReason[];
  /** Since when it waits (the state's entry where known, else the record's last change). */
  since: string | null;
  dueAt: string | null;
  overdue: boolean;
}

/** Overdue first, then by due time, then the longest waiting. */
export const byUrgency = (a: WorkItem, b: WorkItem): number =>
  Number(b.overdue) - Number(a.overdue) ||
  (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff') ||
  (a.since ?? '').localeCompare(b.since ?? '') ||
  a.documentId.localeCompare(b.documentId);
