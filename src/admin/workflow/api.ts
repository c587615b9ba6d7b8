/**
 * The admin panel's client for the workflow routes (src/admin-api/routes.ts), on Strapi's
 * fetch client: it parses each answer into our types and turns a Strapi error answer into a
 * `WorkflowProblem` (message, status, the fields it names).
 */
import { isFetchError, type FetchClient } from '@strapi/strapi/admin';
import { fetchFile } from '../files';
import type { RoleCode } from '../../domain/staff-roles';
import type { Verdict } from '../../domain/workflow/machine';
import type { SubjectCode } from './subjects';
import type { PayableReceivable } from '../../domain/payment-allocation';
import type { PaymentProgress } from '../../domain/payment';
import type { Editing } from '../../domain/record-editing';

export interface Person {
  id: number;
  name: string;
}

export interface ReviewOpinion {
  role: RoleCode;
  verdict: Verdict;
  comment: string | null;
  proposedDeliveryDate: string | null;
  reviewer: Person | null;
  givenAt: string;
}

export interface HistoryEvent {
  action: string;
  fromState: string | null;
  toState: string;
  role: string | null;
  actor: Person | null;
  comment: string | null;
  at: string;
}

/** GET /workflows/:subject/:documentId, for the logged-in admin user. */
export interface WorkflowView {
  state: string;
  version: number;
  allowedActions: string[];
  review: { round: number; awaited: RoleCode[]; opinions: ReviewOpinion[] };
  history: HistoryEvent[];
  /** Whether the record may still be edited outside its actions, and why not (src/domain/record-editing.ts); payments answer none. */
  editing?: Editing;
  /** A payment that can be allocated: the customer's open receivables in its currency, oldest due first. */
  openReceivables?: PayableReceivable[];
}

export interface ActionAnswer {
  data: WorkflowView;
  /** `newRevision`: the documentId of the draft made by a contract's `revise` or `amend`; `measure`: the key of a complaint's new measure. */
  meta?: { newRevision?: string; measure?: string };
}

export interface WorkflowProblem {
  message: string;
  status?: number;
  /** Messages by input field, from a 400's `details.errors[].path`. */
  fieldErrors: Record<string, string>;
}

/** GET /workflows/order|contract/:documentId/payment-progress (src/cash-collection/payment-progress.ts). */
export type { PaymentProgress } from '../../domain/payment';

export type LedgerFormat = 'xlsx' | 'csv' | 'json';

export const problemOf = (error: unknown): WorkflowProblem => {
  if (isFetchError(error)) {
    const apiError = error.response?.data?.error as
      { message?: string; status?: number; details?: { errors?: { path?: string[]; message?: string }[] } } | undefined;
    const fieldErrors: Record<string, string> = {};
    for (const problem of apiError?.details?.errors ?? []) {
      const field = problem.path?.[0];
      if (field && problem.message) fieldErrors[field] = problem.message;
    }
    return { message: apiError?.message ?? error.message, status: error.status ?? apiError?.status, fieldErrors };
  }
  return { message: error instanceof Error ? error.message : String(error), fieldErrors: {} };
};

const path = (subject: SubjectCode, documentId: string, action?: string) =>
  `/workflows/${subject}/${encodeURIComponent(documentId)}${action ? `/${encodeURIComponent(action)}` : ''}`;

export const workflowApi = (client: FetchClient) => ({
  describe: async (subject: SubjectCode, documentId: string): Promise<WorkflowView> =>
    (await client.get<{ data: WorkflowView }>(path(subject, documentId))).data.data,

  /** Takes `action` as of `version`; the server refuses it (409) if the record changed since. */
  act: async (
    subject: SubjectCode,
    documentId: string,
    action: string,
    input: Record<string, unknown> & { version: number }
  ): Promise<ActionAnswer> => (await client.post<ActionAnswer>(path(subject, documentId, action), { data: input })).data,

  /** The ledger as a file. */
  ledger: (format: LedgerFormat) => fetchFile(client, `/workflows/contract-ledger?format=${format}`, `contract-ledger.${format}`),

  /** Billed, paid, open and overdue of an order or a contract. */
  paymentProgress: async (subject: 'order' | 'contract', documentId: string): Promise<PaymentProgress> =>
    (await client.get<{ data: PaymentProgress }>(`${path(subject, documentId)}/payment-progress`)).data.data,

  /** A shipment's delivery note (出货单) as PDF. */
  deliveryNote: (documentId: string) =>
    fetchFile(client, `${path('shipment', documentId)}/delivery-note.pdf`, `delivery-note-${documentId}.pdf`),

  /** A statement (对账单) as PDF or XLSX, as issued. */
  statementFile: (documentId: string, format: 'pdf' | 'xlsx') =>
    fetchFile(client, `/workflows/statement/${encodeURIComponent(documentId)}/statement.${format}`, `statement-${documentId}.${format}`),

  /** Mails a statement to the customer's contact with a fresh confirmation link. */
  sendStatement: async (documentId: string): Promise<{ sentTo: string }> =>
    (await client.post<{ data: { sentTo: string } }>(`/workflows/statement/${encodeURIComponent(documentId)}/send`, {})).data.data,
});
