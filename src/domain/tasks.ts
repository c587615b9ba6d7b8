/**
 * Work assignment (工作安排与监督): the customer service supervisor gives a task to a member of the
 * department, the sales manager to a salesperson — what, by when, how urgent, optionally about a
 * record. The assignee accepts and completes it (saying what was done); the assigner verifies the
 * result or reopens it with a reason. Either of them may add a note; the assigner may cancel it
 * while open. A task past its due day is escalated to the assigner once (src/jobs/task-deadlines.ts).
 */
import { ROLE_CODES, RoleCode } from './staff-roles';
import { Label, Machine } from './workflow/machine';

export const TASK_STATES = ['assigned', 'accepted', 'done', 'reopened', 'verified', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_STATE_LABELS: Record<TaskState, Label> = {
  assigned: { en: 'Assigned', zh: '已布置' },
  accepted: { en: 'Accepted', zh: '已接受' },
  done: { en: 'Done: to verify', zh: '已完成待验收' },
  reopened: { en: 'Reopened', zh: '已退回重做' },
  verified: { en: 'Verified', zh: '已验收' },
  cancelled: { en: 'Cancelled', zh: '已撤销' },
};

/** States in which the assignee still owes the work. */
export const OPEN_TASK_STATES: readonly TaskState[] = ['assigned', 'accepted', 'reopened'];

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export const TASK_PRIORITY_LABELS: Record<TaskPriority, Label> = {
  low: { en: 'Low', zh: '低' },
  normal: { en: 'Normal', zh: '一般' },
  high: { en: 'High', zh: '高' },
  urgent: { en: 'Urgent', zh: '紧急' },
};

/** Who may assign work to whom: the supervisor to the department's staff, the sales manager to salespersons. */
export const ASSIGNABLE: Partial<Record<RoleCode, readonly RoleCode[]>> = {
  'cs-supervisor': ['cs-specialist', 'order-coordinator', 'sales-clerk'],
  'sales-manager': ['salesperson'],
};
export const TASK_ASSIGNERS = Object.keys(ASSIGNABLE) as RoleCode[];

/** Whether someone holding `assignerRoles` may give a task to someone holding `assigneeRole`. */
export const mayAssign = (assignerRoles: readonly RoleCode[], assigneeRole: RoleCode | null): boolean =>
  assigneeRole !== null && assignerRoles.some((role) => (ASSIGNABLE[role] ?? []).includes(assigneeRole));

export const TASK_ACTIONS = ['accept', 'complete', 'verify', 'reopen', 'note', 'cancel'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export interface TaskSubject {
  state: string;
  assignee: { id: number } | null;
  assignedBy: { id: number } | null;
}

/** The parties a task names; every staff role may hold them, so the party decides, not the role. */
export const taskParties = (task: TaskSubject, staffUserId: number | null): string[] => {
  if (staffUserId === null) return [];
  const parties: string[] = [];
  if (task.assignee?.id === staffUserId) parties.push('assignee');
  if (task.assignedBy?.id === staffUserId) parties.push('assigner');
  return parties;
};

const ANYONE = ROLE_CODES;
const OPEN = OPEN_TASK_STATES;

export const taskMachine: Machine<TaskState, TaskAction, TaskSubject> = {
  name: 'task',
  initial: 'assigned',
  states: {
    assigned: { mail: [{ template: 'task.assigned', to: { party: 'assignee' } }] },
    accepted: {},
    done: { mail: [{ template: 'task.done', to: { party: 'assigner' } }] },
    reopened: { mail: [{ template: 'task.reopened', to: { party: 'assignee' } }] },
    verified: { final: true },
    cancelled: { final: true, mail: [{ template: 'task.cancelled', to: { party: 'assignee' } }] },
  },
  actions: {
    accept: { from: ['assigned'], roles: ANYONE, by: ['assignee'], to: 'accepted' },
    // What was done is the result the assigner verifies.
    complete: { from: OPEN, roles: ANYONE, by: ['assignee'], to: 'done', inputRequires: ['comment'] },
    verify: { from: ['done'], roles: ANYONE, by: ['assigner'], to: 'verified' },
    reopen: { from: ['done'], roles: ANYONE, by: ['assigner'], to: 'reopened', inputRequires: ['comment'] },
    note: {
      from: [...OPEN, 'done'],
      roles: ANYONE,
      by: ['assignee', 'assigner'],
      to: (task) => task.state as TaskState,
      inputRequires: ['comment'],
    },
    cancel: { from: OPEN, roles: ANYONE, by: ['assigner'], to: 'cancelled', inputRequires: ['comment'] },
  },
  verdicts: [],
  partiesOf: taskParties,
};

/** The records a task may be about (its `subject`). */
export const TASK_SUBJECT_TYPES = ['contract', 'order', 'complaint', 'shipment'] as const;
export type TaskSubjectType = (typeof TASK_SUBJECT_TYPES)[number];
