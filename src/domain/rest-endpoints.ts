/**
 * The REST endpoints beyond Strapi's core ones, per record: method, path, the controller action
 * that answers, and the access level of the matrix (docs/roles.md) that grants it. Each record's
 * routes file serves them from here (platform/rest-routes.ts) and role sync grants them from here,
 * so an action's name is written once. `public`: no account; the signed link is the only key.
 */
import type { AccessLevel, RecordName } from './access-matrix';

export interface RestEndpoint {
  method: 'GET' | 'POST';
  path: string;
  action: string;
  grantedWith: AccessLevel | 'public';
}

/** A workflow's two endpoints: where a record stands for the caller, and taking an action (the workflow decides by role). */
const workflow = (plural: string): RestEndpoint[] => [
  { method: 'GET', path: `/${plural}/:documentId/workflow`, action: 'workflow', grantedWith: 'read' },
  { method: 'POST', path: `/${plural}/:documentId/workflow/:action`, action: 'act', grantedWith: 'read' },
];

export const REST_ENDPOINTS: Partial<Record<RecordName, RestEndpoint[]>> = {
  // The customer file (客户档案): each section only for those who may read its records (src/domain/customer-file.ts).
  customer: [{ method: 'GET', path: '/customers/:documentId/file', action: 'file', grantedWith: 'read' }],
  product: [
    { method: 'GET', path: '/products/:documentId/availability', action: 'availability', grantedWith: 'read' },
    { method: 'POST', path: '/products/:documentId/stock-adjustments', action: 'adjustStock', grantedWith: 'update' },
  ],
  // The outbox has no core update: updating a message means retrying it.
  notification: [{ method: 'POST', path: '/notifications/:documentId/retry', action: 'retry', grantedWith: 'update' }],
  contract: [{ method: 'GET', path: '/contracts/ledger', action: 'ledger', grantedWith: 'read' }, ...workflow('contracts')],
  complaint: [
    { method: 'GET', path: '/complaints/statistics', action: 'statistics', grantedWith: 'read' },
    { method: 'GET', path: '/complaints/feedback/:token', action: 'feedbackForm', grantedWith: 'public' },
    { method: 'POST', path: '/complaints/feedback/:token', action: 'giveFeedback', grantedWith: 'public' },
    ...workflow('complaints'),
  ],
  order: [
    // The customer's order statistics (客户订货统计一览表) are order figures: granted with reading orders.
    { method: 'GET', path: '/customers/:documentId/order-statistics', action: 'customerStatistics', grantedWith: 'read' },
    // The late-order watch (进度交期跟踪): order dates and quantities, granted with reading orders.
    { method: 'GET', path: '/orders/late', action: 'late', grantedWith: 'read' },
    ...workflow('orders'),
  ],
  task: workflow('tasks'),
  shipment: [
    { method: 'GET', path: '/shipments/:documentId/delivery-note.pdf', action: 'deliveryNote', grantedWith: 'read' },
    ...workflow('shipments'),
  ],
  // Recording a payment includes allocating and reversing it.
  payment: [
    { method: 'POST', path: '/payments/:documentId/allocate', action: 'allocate', grantedWith: 'create' },
    { method: 'POST', path: '/payments/:documentId/reverse', action: 'reverse', grantedWith: 'create' },
  ],
  // Reading receivables includes the aging and the payment progress of orders and contracts.
  receivable: [
    { method: 'GET', path: '/receivables/aging', action: 'aging', grantedWith: 'read' },
    { method: 'GET', path: '/orders/:documentId/payment-progress', action: 'orderProgress', grantedWith: 'read' },
    { method: 'GET', path: '/contracts/:documentId/payment-progress', action: 'contractProgress', grantedWith: 'read' },
  ],
  statement: [
    { method: 'GET', path: '/statements/respond/:token', action: 'responseForm', grantedWith: 'public' },
    { method: 'POST', path: '/statements/respond/:token', action: 'respond', grantedWith: 'public' },
    { method: 'GET', path: '/statements/:documentId/statement.pdf', action: 'pdf', grantedWith: 'read' },
    { method: 'GET', path: '/statements/:documentId/statement.xlsx', action: 'xlsx', grantedWith: 'read' },
    // Updating a statement means sending it; its figures are the server's.
    { method: 'POST', path: '/statements/:documentId/send', action: 'send', grantedWith: 'update' },
  ],
  'credit-event': [{ method: 'GET', path: '/customers/:documentId/credit-record', action: 'creditRecord', grantedWith: 'read' }],
};

/** Core actions a record does not offer: the outbox, payments and statements change only through their own endpoints. */
export const WITHHELD_CORE_LEVELS: Partial<Record<RecordName, AccessLevel[]>> = {
  notification: ['update'],
  payment: ['update'],
  statement: ['update'],
};
