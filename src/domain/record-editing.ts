/**
 * Whether a client may still edit a record outside its workflow actions, and why not: the one rule
 * the server's refusal (src/guards) and the admin panel's read-only edit view (through GET
 * /workflows/<subject>/:documentId, src/admin/workflow) both read, so the form never offers what
 * the server refuses, nor hides what it allows.
 */
import { isEditable as isDraftContract } from './contract-review';
import { isSettledNeed } from './customer-voice';
import { OPEN_TASK_STATES } from './tasks';

/** Why a record is not (or only partly) editable; the admin panel words each in both languages. */
export type FrozenReason =
  | 'contract-left-draft'
  | 'complaint-judged'
  | 'order-confirmed'
  | 'order-held-by-contract'
  | 'order-ended'
  | 'shipment-left-planned'
  | 'task-ended'
  | 'need-settled'
  | 'kept-as-recorded'
  | 'written-by-server';

export type Editing =
  | { scope: 'all' }
  /** Only `fields` may change; the others are kept (a confirmed order's remarks and wish date). */
  | { scope: 'some'; fields: readonly string[]; reason: FrozenReason }
  | { scope: 'none'; reason: FrozenReason };

export const EDITABLE: Editing = { scope: 'all' };
const frozen = (reason: FrozenReason): Editing => ({ scope: 'none', reason });

/** A complaint's details can be corrected until it is judged. */
export const EDITABLE_COMPLAINT_STATES: readonly string[] = ['received', 'confirmed'];

/** What stays editable of an order once it is confirmed, or while a contract in review holds it: the remarks and the customer's wish date. */
export const ORDER_FIELDS_AFTER_CONFIRMATION: readonly string[] = ['notes', 'requiredDate'];

/**
 * An order: a draft is editable unless a contract revision under review holds it (`heldByContract`);
 * once confirmed only its remarks and wish date; closed or cancelled, nothing.
 */
export const orderEditing = (state: string, heldByContract: boolean): Editing => {
  if (state === 'closed' || state === 'cancelled') return frozen('order-ended');
  if (state === 'draft' && !heldByContract) return EDITABLE;
  return {
    scope: 'some',
    fields: ORDER_FIELDS_AFTER_CONFIRMATION,
    reason: state === 'draft' ? 'order-held-by-contract' : 'order-confirmed',
  };
};

/** The workflow records whose editing depends on their state alone. */
const BY_STATE = {
  contract: (state: string) => (isDraftContract(state) ? EDITABLE : frozen('contract-left-draft')),
  complaint: (state: string) => (EDITABLE_COMPLAINT_STATES.includes(state) ? EDITABLE : frozen('complaint-judged')),
  shipment: (state: string) => (state === 'planned' ? EDITABLE : frozen('shipment-left-planned')),
  task: (state: string) => ((OPEN_TASK_STATES as readonly string[]).includes(state) ? EDITABLE : frozen('task-ended')),
  need: (status: string) => (isSettledNeed(status) ? frozen('need-settled') : EDITABLE),
} satisfies Record<string, (state: string) => Editing>;

export type StateRuledRecord = keyof typeof BY_STATE;

export const editingByState = (record: StateRuledRecord, state: string): Editing => BY_STATE[record](state);

/** Whether any field may still change: the gate of an update (the order's guard then narrows it to `fields`). */
export const mayEdit = (editing: Editing): boolean => editing.scope !== 'none';

/**
 * Record types no client ever edits once they exist, whatever their state (content-type uids): what
 * the workflow engine writes, and what is kept as it was recorded (payments are allocated or
 * reversed through their actions).
 */
export const NEVER_EDITED: Readonly<Record<string, FrozenReason>> = {
  'api::customer-opinion.customer-opinion': 'kept-as-recorded',
  'api::payment.payment': 'kept-as-recorded',
  'api::payment-allocation.payment-allocation': 'written-by-server',
  'api::receivable.receivable': 'written-by-server',
  'api::statement.statement': 'written-by-server',
  'api::review-opinion.review-opinion': 'written-by-server',
  'api::workflow-event.workflow-event': 'written-by-server',
  'api::seal-use.seal-use': 'written-by-server',
  'api::credit-event.credit-event': 'written-by-server',
};
