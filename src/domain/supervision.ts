/**
 * Supervision (监督): whose work a supervisor watches — the team they give tasks to (the CS
 * supervisor the department's staff, the sales manager the salespersons, as `ASSIGNABLE` says) —
 * and the performance sheet (考评) of each member for a calendar month: which figures, what each
 * counts, and the month as an interval of business days.
 */
import { monthStart } from './sales-periods';
import { RoleCode } from './staff-roles';
import { ASSIGNABLE } from './tasks';
import { Label } from './workflow/machine';

/** The roles whose members someone holding `roles` supervises: those they may give tasks to. */
export const teamRolesOf = (roles: readonly RoleCode[]): RoleCode[] => [...new Set(roles.flatMap((role) => ASSIGNABLE[role] ?? []))];

/** Who supervises a team: the roles that give tasks. */
export const SUPERVISOR_ROLES = Object.keys(ASSIGNABLE) as RoleCode[];

/** A calendar month, `YYYY-MM`. */
export const isMonth = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** The month's first day and the first day after it (YYYY-MM-DD): the month is [first, next). */
export const monthDays = (month: string): { first: string; next: string } => ({ first: `${month}-01`, next: monthStart(`${month}-01`, 1) });

/**
 * The figures of one member's month. A step is on time when taken by the deadline of the state it
 * left (kept with the step, `workflow_events.due_at`); steps of a state without a deadline are not judged.
 */
export interface PerformanceFigures {
  /** Tasks the member completed in the month by their due time, and after it. */
  tasksOnTime: number;
  tasksLate: number;
  /** Complaint steps the member took in the month (those moving the complaint on) by the state's working-day deadline, and after it. */
  complaintStepsOnTime: number;
  complaintStepsLate: number;
  /** Contract review opinions the member gave in the month. */
  contractsReviewed: number;
  /** From the contract entering review to the member's opinion, in hours (two places); null without reviews. */
  averageReviewHours: string | null;
  /** Orders the member is the salesperson of, promised in the month and not shipped by the end of the promised day. */
  lateOrdersOwned: number;
}

export type PerformanceFigure = keyof PerformanceFigures;

export interface PerformanceRow extends PerformanceFigures {
  staffId: number;
  name: string;
  role: RoleCode | null;
}

export const PERFORMANCE_FIGURE_LABELS: Record<PerformanceFigure, Label> = {
  tasksOnTime: { en: 'Tasks done on time', zh: '按时完成工作' },
  tasksLate: { en: 'Tasks done late', zh: '逾期完成工作' },
  complaintStepsOnTime: { en: 'Complaint steps within deadline', zh: '投诉处理按时步骤' },
  complaintStepsLate: { en: 'Complaint steps late', zh: '投诉处理超时步骤' },
  contractsReviewed: { en: 'Contracts reviewed', zh: '评审合同数' },
  averageReviewHours: { en: 'Average review time (hours)', zh: '平均评审时长（小时）' },
  lateOrdersOwned: { en: 'Late orders owned', zh: '名下延期订单' },
};

export const PERFORMANCE_FIGURES = Object.keys(PERFORMANCE_FIGURE_LABELS) as PerformanceFigure[];
