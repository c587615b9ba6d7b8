/**
 * The paper trail of a bulk-loaded demo order: the workflow steps a person would have taken to
 * bring a new draft to the state the demo gives it (confirm, schedule, start production, mark
 * ready, ship, close; or hold, cancel), by which role, on which day after the order date, and what
 * those steps leave on the order (plan dates, the state held from, the version). The bulk writer
 * stores it as the history events and fields the workflow engine would have written, so the side
 * panel shows a history and the next action (with the version read) works as on a hand-made order.
 */
import { addDays } from '../domain/business-date';
import { OrderState } from '../domain/order-progress';
import { RoleCode } from '../domain/staff-roles';

export interface PaperTrailStep {
  action: string;
  from: OrderState;
  to: OrderState;
  role: RoleCode;
  comment: string | null;
  /** Business day (YYYY-MM-DD) the step was taken. */
  day: string;
}

export interface PaperTrail {
  steps: PaperTrailStep[];
  /** The order's fields the steps wrote. */
  fields: { version: number; plannedStart: string | null; plannedFinish: string | null; heldFrom: OrderState | null };
}

/** Days after the order date on which each step is taken (never after today). */
export const STEP_DAY: Record<string, number> = {
  confirm: 1,
  schedule: 2,
  start_production: 4,
  hold: 6,
  mark_ready: 12,
  ship: 14,
  close: 20,
  cancel: 3,
};

const FORWARD: [string, OrderState, RoleCode, string | null][] = [
  ['confirm', 'confirmed', 'cs-supervisor', '价格与交期已与客户确认'],
  ['schedule', 'scheduled', 'planner', null],
  ['start_production', 'in_production', 'order-coordinator', null],
  ['mark_ready', 'ready', 'order-coordinator', null],
  ['ship', 'shipped', 'order-coordinator', null],
  ['close', 'closed', 'order-coordinator', '货已送达，客户签收'],
];

/** How far along FORWARD each state is (on hold: held after scheduling; cancelled: from draft or confirmed). */
const REACHED: Partial<Record<OrderState, number>> = {
  draft: 0,
  confirmed: 1,
  scheduled: 2,
  in_production: 3,
  ready: 4,
  shipped: 5,
  closed: 6,
};

export const orderPaperTrail = (
  order: { state: OrderState; orderDate: string; promisedDate: string | null; cancelledAfterConfirmation?: boolean },
  today: string
): PaperTrail => {
  let last = order.orderDate;
  const dayOf = (action: string) => {
    const wanted = addDays(order.orderDate, STEP_DAY[action]);
    // Steps happen in order and in the past: an order of yesterday was confirmed today at the latest.
    const day = wanted > today ? today : wanted;
    last = day < last ? last : day;
    return last;
  };
  const steps: PaperTrailStep[] = [];
  let state: OrderState = 'draft';
  const take = (action: string, to: OrderState, role: RoleCode, comment: string | null) => {
    steps.push({ action, from: state, to, role, comment, day: dayOf(action) });
    state = to;
  };
  const forward = (count: number) => {
    for (const [action, to, role, comment] of FORWARD.slice(0, count)) {
      // A partly shipped order has shipped some of its goods: the shipping step leaves it partially shipped.
      take(action, action === 'ship' && order.state === 'partially_shipped' ? 'partially_shipped' : to, role, comment);
    }
  };

  let heldFrom: OrderState | null = null;
  if (order.state === 'on_hold') {
    forward(2);
    heldFrom = 'scheduled';
    take('hold', 'on_hold', 'order-coordinator', '客户要求暂缓生产，等待通知');
  } else if (order.state === 'cancelled') {
    if (order.cancelledAfterConfirmation) forward(1);
    take('cancel', 'cancelled', 'cs-supervisor', '客户取消订货');
  } else if (order.state === 'partially_shipped') {
    forward(5);
  } else {
    forward(REACHED[order.state] ?? 0);
  }

  const scheduled = steps.some((step) => step.action === 'schedule');
  const plannedFinishWanted = addDays(order.orderDate, STEP_DAY.mark_ready);
  // The plan the planner wrote: finished by the promised date.
  const plannedFinish = !scheduled
    ? null
    : order.promisedDate && order.promisedDate < plannedFinishWanted
      ? order.promisedDate
      : plannedFinishWanted;
  const plannedStartWanted = addDays(order.orderDate, STEP_DAY.start_production);
  const plannedStart = !plannedFinish ? null : plannedStartWanted > plannedFinish ? plannedFinish : plannedStartWanted;
  return { steps, fields: { version: 1 + steps.length, plannedStart, plannedFinish, heldFrom } };
};
