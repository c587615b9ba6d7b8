/**
 * The complaint machine (客户投诉). A complaint is received, its facts confirmed with the customer,
 * handed to quality for analysis and judged. Unjustified → the reasons are replied. Justified →
 * measures (containment, corrective, preventive) are recorded; for a major or critical complaint
 * the departments concerned review them and the customer service supervisor decides. The measures
 * are carried out, quality verifies their effectiveness, the customer gets the reply and a feedback
 * link, and the complaint closes on feedback or after a quiet period. A closed complaint can be
 * reopened for a while. It cannot close while a measure is open or unverified.
 */
import { ROLE_CODES, RoleCode } from './staff-roles';
import { message } from './messages';
import { InputProblem, Label, Machine, Opinion } from './workflow/machine';

export const COMPLAINT_STATES = [
  'received',
  'confirmed',
  'under_analysis',
  'justified',
  'measures_review',
  'in_progress',
  'verifying',
  'replying',
  'replied',
  'closed',
  'withdrawn',
] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export const COMPLAINT_STATE_LABELS: Record<ComplaintState, Label> = {
  received: { en: 'Received', zh: '已受理' },
  confirmed: { en: 'Facts confirmed', zh: '已确认' },
  under_analysis: { en: 'Under analysis', zh: '分析中' },
  justified: { en: 'Justified: measures', zh: '投诉成立：制定措施' },
  measures_review: { en: 'Measures in review', zh: '措施评审中' },
  in_progress: { en: 'Measures in progress', zh: '措施实施中' },
  verifying: { en: 'Verifying effectiveness', zh: '有效性验证中' },
  replying: { en: 'Replying', zh: '待回复' },
  replied: { en: 'Replied: awaiting feedback', zh: '已回复：待反馈' },
  closed: { en: 'Closed', zh: '已结案' },
  withdrawn: { en: 'Withdrawn', zh: '已撤销' },
};

export const COMPLAINT_ACTIONS = [
  'confirm',
  'withdraw',
  'analyse',
  'judge_unjustified',
  'judge_justified',
  'add_measure',
  'submit_measures',
  'review_measures',
  'complete_measure',
  'request_verification',
  'confirm_effective',
  'reject_effectiveness',
  'reply',
  'close',
  'reopen',
] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const MEASURE_KINDS = ['containment', 'corrective', 'preventive'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const COMPLAINT_REPLY_CHANNELS = ['email', 'phone', 'letter', 'visit'] as const;

export interface Measure {
  key: string;
  kind: MeasureKind;
  description: string;
  ownerRole: RoleCode;
  dueDate: string;
  doneAt: string | Date | null;
  result: string | null;
}

export interface ComplaintSubject {
  severity: Severity;
  measures: Measure[];
  repliedAt: string | Date | null;
  feedbackAt: string | Date | null;
  closedAt: string | Date | null;
  /** Set when quality found the measures not effective, until a new measure is added. */
  needsNewMeasure?: boolean | null;
  [field: string]: unknown;
}

/** How long a replied complaint waits for feedback, and how long a closed one can be reopened. */
export interface ComplaintPolicy {
  closeWithoutFeedbackAfterDays: number;
  reopenWithinDays: number;
}

const RECORDERS = ['cs-specialist', 'cs-supervisor'] as const;
/** The departments that review the measures of a major or critical complaint; the supervisor decides. */
export const MEASURE_REVIEWERS: RoleCode[] = ['quality', 'planner', 'order-coordinator', 'cs-supervisor'];
const MEASURE_OWNERS: RoleCode[] = ['quality', 'planner', 'order-coordinator', 'cs-specialist', 'cs-supervisor', 'sales-clerk'];
const DAY = 24 * 60 * 60 * 1000;

export const openMeasures = (complaint: ComplaintSubject): Measure[] => complaint.measures.filter((measure) => !measure.doneAt);

const daysSince = (at: string | Date, now: Date) => (now.getTime() - new Date(at).getTime()) / DAY;

export const complaintMachine = (policy: ComplaintPolicy): Machine<ComplaintState, ComplaintAction, ComplaintSubject> => ({
  name: 'complaint',
  initial: 'received',
  states: {
    received: {},
    confirmed: {},
    under_analysis: { mail: [{ template: 'complaint.assigned', to: { role: 'quality' } }] },
    justified: {},
    measures_review: { mail: [{ template: 'complaint.measures-review', to: { awaited: true } }] },
    in_progress: {},
    verifying: { mail: [{ template: 'complaint.verify', to: { role: 'quality' } }] },
    replying: {},
    replied: { mail: [{ template: 'complaint.reply', to: { customer: true } }] },
    closed: {},
    withdrawn: { final: true },
  },
  actions: {
    confirm: { from: ['received'], roles: RECORDERS, to: 'confirmed', inputRequires: ['comment'] },
    withdraw: { from: ['received', 'confirmed'], roles: ['cs-supervisor'], to: 'withdrawn', inputRequires: ['comment'] },
    analyse: { from: ['confirmed'], roles: RECORDERS, to: 'under_analysis' },
    judge_unjustified: { from: ['under_analysis'], roles: ['quality'], to: 'replying', inputRequires: ['rootCause', 'comment'] },
    judge_justified: { from: ['under_analysis'], roles: ['quality'], to: 'justified', inputRequires: ['rootCause'] },
    add_measure: {
      from: ['justified', 'in_progress'],
      roles: ['quality', 'cs-supervisor', 'cs-specialist', 'planner', 'order-coordinator'],
      to: (complaint) => complaint.state as ComplaintState,
      inputRequires: ['kind', 'description', 'ownerRole', 'dueDate'],
    },
    submit_measures: {
      from: ['justified'],
      roles: ['quality', 'cs-supervisor'],
      to: (complaint) => (complaint.severity === 'minor' ? 'in_progress' : 'measures_review'),
      subjectRequires: ['measures'],
    },
    review_measures: { from: ['measures_review'], roles: MEASURE_REVIEWERS, opinion: true, inputRequires: ['verdict'] },
    complete_measure: { from: ['in_progress'], roles: MEASURE_OWNERS, to: 'in_progress', inputRequires: ['measure', 'result'] },
    request_verification: {
      from: ['in_progress'],
      roles: ['cs-specialist', 'cs-supervisor', 'quality'],
      to: 'verifying',
      subjectRequires: ['measures'],
    },
    confirm_effective: { from: ['verifying'], roles: ['quality'], to: 'replying', inputRequires: ['comment'] },
    reject_effectiveness: { from: ['verifying'], roles: ['quality'], to: 'in_progress', inputRequires: ['comment'] },
    reply: { from: ['replying'], roles: RECORDERS, to: 'replied', inputRequires: ['channel', 'content'] },
    close: { from: ['replied'], roles: RECORDERS, to: 'closed' },
    reopen: { from: ['closed'], roles: RECORDERS, to: 'under_analysis', inputRequires: ['comment'] },
  },
  verdicts: ['approve', 'request_changes'],
  awaits: { measures_review: () => MEASURE_REVIEWERS },
  // The departments advise; the customer service supervisor's verdict decides.
  decide: (opinions: Opinion[]) =>
    opinions.find((opinion) => opinion.role === 'cs-supervisor')?.verdict === 'approve' ? 'in_progress' : 'justified',
  checkInput: (action, input) => {
    const problems: InputProblem[] = [];
    const oneOf = (field: string, values: readonly string[]) => {
      if (!values.includes(input[field] as string))
        problems.push({ path: [field], said: message('field.one_of', { values: values.join(', ') }) });
    };
    if (action === 'review_measures' && input.verdict !== 'approve' && !String(input.comment ?? '').trim()) {
      problems.push({ path: ['comment'], said: message('complaint.say_what_changes') });
    }
    if (action === 'add_measure') {
      oneOf('kind', MEASURE_KINDS);
      oneOf('ownerRole', ROLE_CODES);
    }
    if (action === 'reply') oneOf('channel', COMPLAINT_REPLY_CHANNELS);
    return problems;
  },
  precondition: (action, complaint, now) => {
    if (action === 'complete_measure' && openMeasures(complaint).length === 0) return message('complaint.no_open_measure');
    if (action === 'request_verification' && complaint.needsNewMeasure) return message('complaint.measures_ineffective');
    if (action === 'request_verification' || action === 'close') {
      const open = openMeasures(complaint);
      if (open.length > 0) {
        return message('complaint.measures_open', { count: open.length, measures: open.map((m) => m.description).join('; ') });
      }
    }
    if (action === 'close' && !complaint.feedbackAt && daysSince(complaint.repliedAt!, now) < policy.closeWithoutFeedbackAfterDays) {
      return message('complaint.no_feedback', { days: policy.closeWithoutFeedbackAfterDays });
    }
    if (action === 'reopen' && complaint.closedAt && daysSince(complaint.closedAt, now) > policy.reopenWithinDays) {
      return message('complaint.reopen_too_late', { days: policy.reopenWithinDays });
    }
    return null;
  },
});

/** Working days allowed in each state, by severity; a state not listed has no deadline. */
export type DeadlinePolicy = Partial<Record<ComplaintState, Record<Severity, number>>>;

export const DEFAULT_DEADLINES: DeadlinePolicy = {
  received: { minor: 1, major: 1, critical: 1 },
  confirmed: { minor: 1, major: 1, critical: 1 },
  under_analysis: { minor: 3, major: 3, critical: 2 },
  justified: { minor: 3, major: 2, critical: 1 },
  measures_review: { minor: 2, major: 2, critical: 1 },
  verifying: { minor: 5, major: 5, critical: 3 },
  replying: { minor: 3, major: 2, critical: 2 },
};
