/**
 * The workflows the admin panel shows, keyed by content-type uid: each one's subject in the
 * workflow routes (/workflows/:subject/...), its machine (for what each action asks for), its
 * actions in the order the Entry panel offers them, how its dialog fields are entered, and its
 * state colours. Texts live in ./translations.ts under the subject (`contract.state.draft`,
 * `complaint.action.confirm`); the side panel's record-specific part in `Details` (a complaint's
 * deadline and measures, an order's plan, packaging and payment progress, a shipment's delivery
 * note, a contract's payment progress, a payment's amounts; payments take allocate and reverse).
 */
import type * as React from 'react';
import { COMPLAINT_ACTIONS, COMPLAINT_REPLY_CHANNELS, complaintMachine, MEASURE_KINDS } from '../../domain/complaint-handling';
import { CONTRACT_ACTIONS, contractMachine, REPLY_CHANNELS, SEAL_TYPES } from '../../domain/contract-review';
import { NOTE_KINDS, ORDER_ACTIONS, orderMachine } from '../../domain/order-progress';
import { shipmentMachine } from '../../domain/shipping';
import { ROLE_CODES } from '../../domain/staff-roles';
import { TASK_ACTIONS, taskMachine } from '../../domain/tasks';
import { ComplaintDetails } from './ComplaintDetails';
import { OrderDetails } from './OrderDetails';
import { ContractDetails, PaymentDetails } from './PaymentDetails';
import { ShipmentDetails } from './ShipmentDetails';
import { ActionInputs, businessDate, choice, FieldKind, InputField, longText, verdictChoice } from './fields';
import type { WorkflowText } from './text';

export type SubjectCode = 'contract' | 'complaint' | 'order' | 'shipment' | 'task' | 'payment';
export type BadgeVariant = 'success' | 'danger' | 'warning' | 'primary' | 'neutral';

export interface WorkflowSubject extends ActionInputs {
  uid: string;
  subject: SubjectCode;
  /** Forward steps first: the Entry panel shows the first allowed one as its button. */
  actions: readonly string[];
  /** The dangerous steps: shown in red, never the panel's first button. */
  finalActions: readonly string[];
  fields: Partial<Record<InputField, FieldKind>>;
  stateBadges: Record<string, BadgeVariant>;
  /** What the side panel shows of the record itself, under the workflow state. */
  Details?: React.ComponentType<{ document: Record<string, unknown> | undefined; text: WorkflowText }>;
}

/** Forward steps before the final ones. */
const ordered = (actions: readonly string[], finalActions: readonly string[]) => [
  ...actions.filter((action) => !finalActions.includes(action)),
  ...finalActions,
];

const CONTRACT_FINAL = ['cancel', 'terminate'];
const contract: WorkflowSubject = {
  uid: 'api::contract.contract',
  subject: 'contract',
  machine: contractMachine,
  optionalFields: { review: ['proposedDeliveryDate'] },
  actions: ordered(CONTRACT_ACTIONS, CONTRACT_FINAL),
  finalActions: CONTRACT_FINAL,
  fields: {
    verdict: verdictChoice(contractMachine.verdicts),
    proposedDeliveryDate: businessDate,
    channel: choice('channel', REPLY_CHANNELS),
    content: longText,
    sealType: choice('sealType', SEAL_TYPES),
    copies: { kind: 'count', min: 1, max: 100 },
    documentSha256: { kind: 'sha256' },
    comment: longText,
  },
  stateBadges: {
    approved: 'success',
    active: 'success',
    completed: 'success',
    changes_requested: 'warning',
    termination_proposed: 'danger',
    terminated: 'danger',
    cancelled: 'neutral',
    superseded: 'neutral',
  },
  Details: ContractDetails,
};

// The policy numbers (feedback period, reopening window) only bear on the server's preconditions;
// actions, roles and required inputs are the same for any policy.
const complaintInputs = complaintMachine({ closeWithoutFeedbackAfterDays: 14, reopenWithinDays: 30 });
const COMPLAINT_FINAL = ['withdraw'];
const complaint: WorkflowSubject = {
  uid: 'api::complaint.complaint',
  subject: 'complaint',
  machine: complaintInputs,
  actions: ordered(COMPLAINT_ACTIONS, COMPLAINT_FINAL),
  finalActions: COMPLAINT_FINAL,
  fields: {
    verdict: verdictChoice(complaintInputs.verdicts),
    rootCause: longText,
    kind: choice('measureKind', MEASURE_KINDS),
    description: longText,
    ownerRole: choice('role', ROLE_CODES),
    dueDate: businessDate,
    measure: { kind: 'openMeasure' },
    result: longText,
    channel: choice('channel', COMPLAINT_REPLY_CHANNELS),
    content: longText,
    comment: longText,
  },
  stateBadges: {
    justified: 'warning',
    measures_review: 'warning',
    replied: 'success',
    closed: 'success',
    withdrawn: 'neutral',
  },
  Details: ComplaintDetails,
};

const ORDER_FINAL = ['cancel'];
const order: WorkflowSubject = {
  uid: 'api::order.order',
  subject: 'order',
  machine: orderMachine,
  // A progress note may be escalated by mail to a department; the server checks the role code.
  optionalFields: { note: ['escalateTo'] },
  actions: ordered(ORDER_ACTIONS, ORDER_FINAL),
  finalActions: ORDER_FINAL,
  fields: {
    plannedStart: businessDate,
    plannedFinish: businessDate,
    promisedDate: businessDate,
    lines: { kind: 'allocation' },
    kind: choice('noteKind', NOTE_KINDS),
    escalateTo: choice('role', ROLE_CODES),
    comment: longText,
  },
  stateBadges: {
    ready: 'success',
    shipped: 'success',
    closed: 'success',
    on_hold: 'warning',
    cancelled: 'neutral',
  },
  Details: OrderDetails,
};

const SHIPMENT_FINAL = ['cancel'];
const shipment: WorkflowSubject = {
  uid: 'api::shipment.shipment',
  subject: 'shipment',
  machine: shipmentMachine,
  actions: ordered(Object.keys(shipmentMachine.actions), SHIPMENT_FINAL),
  finalActions: SHIPMENT_FINAL,
  fields: { comment: longText },
  stateBadges: { shipped: 'success', delivered: 'success', cancelled: 'neutral' },
  Details: ShipmentDetails,
};

const TASK_FINAL = ['cancel'];
const task: WorkflowSubject = {
  uid: 'api::task.task',
  subject: 'task',
  machine: taskMachine,
  actions: ordered(TASK_ACTIONS, TASK_FINAL),
  finalActions: TASK_FINAL,
  fields: { comment: longText },
  stateBadges: { done: 'warning', reopened: 'danger', verified: 'success', cancelled: 'neutral' },
};

// A payment is no workflow machine: the server (src/cash-collection/payment-handlers.ts) answers its
// state, version, the admin's actions and history in the same shape; reversing asks for a reason.
const PAYMENT_FINAL = ['reverse'];
const payment: WorkflowSubject = {
  uid: 'api::payment.payment',
  subject: 'payment',
  machine: { actions: { allocate: { inputRequires: [] }, reverse: { inputRequires: ['reason'] } }, verdicts: [] },
  actions: ['allocate', ...PAYMENT_FINAL],
  finalActions: PAYMENT_FINAL,
  // Amounts against chosen receivables; none entered pays the oldest due first.
  optionalFields: { allocate: ['allocations'] },
  fields: { reason: longText, comment: longText, allocations: { kind: 'receivablePayment' } },
  stateBadges: { posted: 'success', reversed: 'neutral' },
  Details: PaymentDetails,
};

export const WORKFLOW_SUBJECTS: readonly WorkflowSubject[] = [contract, complaint, order, shipment, task, payment];

/** The workflow of a content type, if it has one. */
export const workflowOf = (model: string | undefined): WorkflowSubject | undefined =>
  WORKFLOW_SUBJECTS.find((workflow) => workflow.uid === model);

export const CONTRACT_UID = contract.uid;
