/**
 * The contract review machine (合同评审). A drafted contract revision is submitted; the supervisor
 * (terms) and the planner (capacity and delivery date) give their opinions in parallel, plus the
 * sales clerk (credit) when the customer is over its credit limit or on hold. All approve →
 * approved; any request for changes → the drafter makes a new revision; any recommendation to
 * terminate → the marketing VP decides. An approved contract is replied to the customer, sealed
 * under the seal log, made active, and completed. An active contract is amended by a new revision
 * that goes through review while the active one stays in force.
 */
import Decimal from 'decimal.js';
import { message } from './messages';
import { InputProblem, Label, Machine, Opinion, VERDICTS } from './workflow/machine';

export const CONTRACT_STATES = [
  'draft',
  'in_review',
  'changes_requested',
  'termination_proposed',
  'approved',
  'replied',
  'sealed',
  'active',
  'completed',
  'terminated',
  'cancelled',
  'superseded',
] as const;
export type ContractState = (typeof CONTRACT_STATES)[number];

export const CONTRACT_STATE_LABELS: Record<ContractState, Label> = {
  draft: { en: 'Draft', zh: '草稿' },
  in_review: { en: 'In review', zh: '评审中' },
  changes_requested: { en: 'Changes requested', zh: '需修改' },
  termination_proposed: { en: 'Termination proposed', zh: '建议终止' },
  approved: { en: 'Approved', zh: '评审通过' },
  replied: { en: 'Replied to customer', zh: '已回复客户' },
  sealed: { en: 'Sealed', zh: '已盖章' },
  active: { en: 'Active', zh: '执行中' },
  completed: { en: 'Completed', zh: '已完成' },
  terminated: { en: 'Terminated', zh: '已终止' },
  cancelled: { en: 'Cancelled', zh: '已取消' },
  superseded: { en: 'Superseded', zh: '已被新版本取代' },
};

export const CONTRACT_ACTIONS = [
  'submit',
  'cancel',
  'review',
  'revise',
  'terminate',
  'return_to_review',
  'reply',
  'seal',
  'activate',
  'complete',
  'amend',
] as const;
export type ContractAction = (typeof CONTRACT_ACTIONS)[number];

/** The customer's credit position when the contract was submitted (money as two-place strings). */
export interface CreditSnapshot {
  /** Receivables not yet paid. */
  openBalance: string;
  overdueAmount: string;
  /** Other contracts agreed but not yet completed: committed, not yet billed. */
  openContracts: string;
  creditLimit: string;
  creditHold: boolean;
  /** The contract's own total, which the limit has to cover too. */
  contractTotal: string;
}

export interface ContractSubject {
  creditSnapshot: CreditSnapshot | null;
  [field: string]: unknown;
}

/**
 * Credit review is needed when the customer is on hold or overdue, or when this contract would take
 * its exposure (open receivables + open contracts + this contract) over its credit limit.
 */
export const needsCreditReview = (snapshot: CreditSnapshot | null): boolean => {
  if (!snapshot) return false;
  if (snapshot.creditHold || new Decimal(snapshot.overdueAmount).greaterThan(0)) return true;
  const exposure = new Decimal(snapshot.openBalance).plus(snapshot.openContracts).plus(snapshot.contractTotal);
  return exposure.greaterThan(snapshot.creditLimit);
};

export const REPLY_CHANNELS = ['email', 'fax', 'letter', 'phone', 'visit'] as const;
export const SEAL_TYPES = ['contract_seal', 'company_seal'] as const;

const DRAFTERS = ['cs-specialist', 'cs-supervisor'] as const;

const isSha256 = (value: unknown) => typeof value === 'string' && /^[0-9a-f]{64}$/i.test(value);

export const contractMachine: Machine<ContractState, ContractAction, ContractSubject> = {
  name: 'contract',
  initial: 'draft',
  states: {
    draft: {},
    in_review: { mail: [{ template: 'contract.submitted', to: { awaited: true } }] },
    changes_requested: { mail: [{ template: 'contract.reviewed', to: { drafter: true } }] },
    termination_proposed: {
      mail: [
        { template: 'contract.reviewed', to: { drafter: true } },
        { template: 'contract.termination-proposed', to: { role: 'marketing-vp' } },
      ],
    },
    approved: { mail: [{ template: 'contract.reviewed', to: { drafter: true } }] },
    replied: { mail: [{ template: 'contract.reply', to: { customer: true } }] },
    sealed: {},
    active: {},
    completed: { final: true },
    terminated: { final: true },
    cancelled: { final: true },
    superseded: { final: true },
  },
  actions: {
    submit: { from: ['draft'], roles: DRAFTERS, to: 'in_review', subjectRequires: ['customer', 'lines', 'deliveryDate', 'paymentTerms'] },
    cancel: { from: ['draft'], roles: DRAFTERS, to: 'cancelled', inputRequires: ['comment'] },
    review: { from: ['in_review'], roles: ['cs-supervisor', 'planner', 'sales-clerk'], opinion: true, inputRequires: ['verdict'] },
    revise: { from: ['changes_requested'], roles: DRAFTERS, to: 'superseded' },
    terminate: { from: ['termination_proposed'], roles: ['marketing-vp'], to: 'terminated', inputRequires: ['comment'] },
    return_to_review: { from: ['termination_proposed'], roles: ['marketing-vp'], to: 'in_review', inputRequires: ['comment'] },
    reply: { from: ['approved'], roles: DRAFTERS, to: 'replied', inputRequires: ['channel', 'content'] },
    seal: { from: ['replied'], roles: ['cs-supervisor'], to: 'sealed', inputRequires: ['sealType', 'copies', 'documentSha256'] },
    activate: { from: ['sealed'], roles: DRAFTERS, to: 'active' },
    complete: { from: ['active'], roles: ['cs-supervisor'], to: 'completed' },
    amend: { from: ['active'], roles: DRAFTERS, to: 'active' },
  },
  awaits: {
    in_review: (contract) =>
      needsCreditReview(contract.creditSnapshot) ? ['cs-supervisor', 'planner', 'sales-clerk'] : ['cs-supervisor', 'planner'],
  },
  verdicts: VERDICTS,
  decide: (opinions: Opinion[]) => {
    const verdicts = opinions.map((opinion) => opinion.verdict);
    if (verdicts.includes('recommend_termination')) return 'termination_proposed';
    if (verdicts.includes('request_changes')) return 'changes_requested';
    return 'approved';
  },
  checkInput: (action, input) => {
    const problems: InputProblem[] = [];
    if (action === 'review' && input.verdict !== 'approve' && !String(input.comment ?? '').trim()) {
      problems.push({ path: ['comment'], said: message('contract.say_why') });
    }
    if (action === 'reply' && !(REPLY_CHANNELS as readonly unknown[]).includes(input.channel)) {
      problems.push({ path: ['channel'], said: message('field.one_of', { values: REPLY_CHANNELS.join(', ') }) });
    }
    if (action === 'seal') {
      if (!(SEAL_TYPES as readonly unknown[]).includes(input.sealType)) {
        problems.push({ path: ['sealType'], said: message('field.one_of', { values: SEAL_TYPES.join(', ') }) });
      }
      if (!Number.isInteger(input.copies) || (input.copies as number) < 1 || (input.copies as number) > 100) {
        problems.push({ path: ['copies'], said: message('field.whole_number_between', { min: 1, max: 100 }) });
      }
      if (!isSha256(input.documentSha256)) problems.push({ path: ['documentSha256'], said: message('contract.sha256') });
    }
    return problems;
  },
};

/** A contract revision cannot be edited once it has left draft: its terms are what was reviewed. */
export const isEditable = (state: string): boolean => state === 'draft';

/**
 * A contract revision in these states holds its draft orders as they were submitted: the terms under
 * review are the orders' (an active contract has confirmed them; a draft, cancelled or superseded
 * revision holds nothing).
 */
export const ORDER_HOLDING_STATES: readonly ContractState[] = [
  'in_review',
  'changes_requested',
  'termination_proposed',
  'approved',
  'replied',
  'sealed',
];

/** Contracts agreed and not yet completed: they count against the customer's credit limit. */
export const OPEN_CONTRACT_STATES: readonly ContractState[] = ['approved', 'replied', 'sealed', 'active'];
