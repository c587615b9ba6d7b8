/**
 * The order progress machine (售中跟进). A confirmed order (from an active contract, or a repeat
 * order confirmed by the supervisor) is scheduled by the planner (planned start and finish, promised
 * delivery date), produced, made ready once every packaging item's artwork is confirmed by the
 * customer, shipped (by its shipments) and closed. It can be put on hold and resumed, or cancelled,
 * with a reason. A moved promise date needs a reason, stays in the history and is mailed to the
 * customer; progress notes (milestones, problems) are recorded and, when asked, escalated by mail.
 */
import { isCalendarDate } from './business-date';
import { RoleCode } from './staff-roles';
import { message } from './messages';
import { InputProblem, Label, Machine } from './workflow/machine';

export const ORDER_STATES = [
  'draft',
  'confirmed',
  'scheduled',
  'in_production',
  'ready',
  'partially_shipped',
  'shipped',
  'closed',
  'on_hold',
  'cancelled',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const ORDER_STATE_LABELS: Record<OrderState, Label> = {
  draft: { en: 'Draft', zh: '草稿' },
  confirmed: { en: 'Confirmed', zh: '已确认' },
  scheduled: { en: 'Scheduled', zh: '已排产' },
  in_production: { en: 'In production', zh: '生产中' },
  ready: { en: 'Ready to ship', zh: '待出货' },
  partially_shipped: { en: 'Partially shipped', zh: '部分出货' },
  shipped: { en: 'Shipped', zh: '已出货' },
  closed: { en: 'Closed', zh: '已结案' },
  on_hold: { en: 'On hold', zh: '暂停' },
  cancelled: { en: 'Cancelled', zh: '已取消' },
};

export const ORDER_ACTIONS = [
  'confirm',
  'schedule',
  'reschedule',
  'allocate',
  'start_production',
  'mark_ready',
  'close',
  'hold',
  'resume',
  'cancel',
  'note',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export const NOTE_KINDS = ['milestone', 'problem'] as const;

export interface PackagingItemState {
  description: string;
  artworkConfirmedAt: string | null;
}

export interface OrderSubject {
  state: string;
  heldFrom: OrderState | null;
  promisedDate: string | null;
  packagingItems: PackagingItemState[];
  /** Quantities shipped by shipments that are not cancelled. */
  shippedQuantity: number;
  [field: string]: unknown;
}

/** States in which the order is being worked on: it can be noted, held, and its promise moved. */
const ACTIVE: OrderState[] = ['confirmed', 'scheduled', 'in_production', 'ready', 'partially_shipped'];
const FOLLOWERS: RoleCode[] = ['order-coordinator', 'cs-supervisor'];

export const LINE_SOURCES = ['own_production', 'outsourced'] as const;

export interface Allocation {
  /** The order line's key. */
  line: string;
  source?: (typeof LINE_SOURCES)[number];
  /** The quantity to hold in stock for the line from now on (not a change). */
  reserve: number;
}

const allocationProblems = (lines: unknown): InputProblem[] => {
  if (!Array.isArray(lines) || lines.length === 0)
    return [{ path: ['lines'], said: message('order.allocation_list', { shape: '{ line, source, reserve }' }) }];
  return (lines as Record<string, unknown>[]).flatMap((allocation, index) => {
    const problems: InputProblem[] = [];
    if (typeof allocation?.line !== 'string') problems.push({ path: [`lines.${index}.line`], said: message('order.line_key') });
    if (allocation?.source !== undefined && !(LINE_SOURCES as readonly unknown[]).includes(allocation.source)) {
      problems.push({ path: [`lines.${index}.source`], said: message('field.one_of', { values: LINE_SOURCES.join(', ') }) });
    }
    if (!Number.isInteger(allocation?.reserve) || (allocation.reserve as number) < 0) {
      problems.push({ path: [`lines.${index}.reserve`], said: message('field.whole_number_not_negative') });
    }
    return problems;
  });
};

export const orderMachine: Machine<OrderState, OrderAction, OrderSubject> = {
  name: 'order',
  initial: 'draft',
  states: {
    draft: {},
    confirmed: {},
    scheduled: { mail: [{ template: 'order.scheduled', to: { customer: true } }] },
    in_production: {},
    ready: {},
    partially_shipped: {},
    shipped: {},
    closed: { final: true },
    on_hold: {},
    cancelled: { final: true },
  },
  actions: {
    confirm: { from: ['draft'], roles: ['cs-supervisor'], to: 'confirmed', inputRequires: ['comment'] },
    schedule: {
      from: ['confirmed'],
      roles: ['planner'],
      to: 'scheduled',
      inputRequires: ['plannedStart', 'plannedFinish', 'promisedDate'],
    },
    reschedule: {
      from: ACTIVE.filter((s) => s !== 'confirmed'),
      roles: ['planner'],
      to: (order) => order.state as OrderState,
      inputRequires: ['promisedDate', 'comment'],
    },
    // 配货: per line, own production or outside supply, and the stock reserved for it.
    allocate: { from: ACTIVE, roles: ['order-coordinator'], to: (order) => order.state as OrderState, inputRequires: ['lines'] },
    start_production: { from: ['scheduled'], roles: ['planner', 'order-coordinator'], to: 'in_production' },
    mark_ready: { from: ['in_production'], roles: ['order-coordinator'], to: 'ready' },
    close: { from: ['shipped'], roles: FOLLOWERS, to: 'closed' },
    hold: { from: ACTIVE, roles: FOLLOWERS, to: 'on_hold', inputRequires: ['comment'] },
    resume: { from: ['on_hold'], roles: FOLLOWERS, to: (order) => order.heldFrom ?? 'confirmed', inputRequires: ['comment'] },
    cancel: {
      from: ['draft', 'confirmed', 'scheduled', 'in_production', 'ready', 'on_hold'],
      roles: ['cs-supervisor'],
      to: 'cancelled',
      inputRequires: ['comment'],
    },
    note: {
      from: [...ACTIVE, 'on_hold'],
      roles: ['order-coordinator', 'planner', 'quality', 'cs-supervisor', 'cs-specialist'],
      to: (order) => order.state as OrderState,
      inputRequires: ['kind', 'comment'],
    },
  },
  verdicts: [],
  checkInput: (action, input) => {
    const problems: InputProblem[] = [];
    for (const field of ['plannedStart', 'plannedFinish', 'promisedDate']) {
      if (input[field] !== undefined && !isCalendarDate(input[field])) problems.push({ path: [field], said: message('field.date') });
    }
    if (problems.length > 0) return problems;
    if (action === 'allocate') problems.push(...allocationProblems(input.lines));
    if (action === 'note' && !(NOTE_KINDS as readonly unknown[]).includes(input.kind)) {
      problems.push({ path: ['kind'], said: message('field.one_of', { values: NOTE_KINDS.join(', ') }) });
    }
    if (
      action === 'schedule' &&
      typeof input.plannedStart === 'string' &&
      typeof input.plannedFinish === 'string' &&
      input.plannedFinish < input.plannedStart
    ) {
      problems.push({ path: ['plannedFinish'], said: message('order.finish_before_start') });
    }
    if (
      action === 'schedule' &&
      typeof input.plannedFinish === 'string' &&
      typeof input.promisedDate === 'string' &&
      input.promisedDate < input.plannedFinish
    ) {
      problems.push({ path: ['promisedDate'], said: message('order.promised_before_finish') });
    }
    return problems;
  },
  precondition: (action, order) => {
    if (action === 'mark_ready') {
      const unconfirmed = order.packagingItems.filter((item) => !item.artworkConfirmedAt);
      if (unconfirmed.length > 0) {
        return message('order.artwork_unconfirmed', { items: unconfirmed.map((item) => item.description).join('; ') });
      }
    }
    if (action === 'cancel' && order.shippedQuantity > 0) return message('order.shipped_cannot_cancel');
    return null;
  },
};
