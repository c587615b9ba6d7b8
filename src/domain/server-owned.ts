/**
 * The fields only the server writes, per record type and component, declared once. The Document
 * Service gate (src/guards/index.ts) removes them from every client write before the record's own
 * guard sees it (the guard still reads what was sent, e.g. the version an edit was made from), and
 * the content manager shows them read-only (src/content-manager/layouts.ts). The content manager
 * sends the whole form with every save, so these are dropped rather than refused; a rule that must
 * refuse a changed value (a product's stock counters) does so in its guard.
 */
export const SERVER_OWNED: Record<string, string[]> = {
  // An order's plan and hold are set by its workflow's actions (schedule, hold), not typed.
  'api::order.order': [
    'number',
    'total',
    'salesperson',
    'region',
    'state',
    'version',
    'reviewRound',
    'plannedStart',
    'plannedFinish',
    'heldFrom',
  ],
  // Shipments and allocations name a line by its key; reservations change only through `allocate`.
  'order.line': ['lineAmount', 'key', 'reservedQuantity'],
  // A shipment's transport and dates are typed; its customer and prices come from the order, its
  // dates of shipping and delivery from the workflow.
  'api::shipment.shipment': ['number', 'customer', 'state', 'version', 'reviewRound', 'shippedAt', 'deliveredAt'],
  'shipment.line': ['unitPrice', 'product', 'specification'],
  // Written by shipping (and voided by its cancellation) only.
  'api::receivable.receivable': [
    'customer',
    'shipment',
    'order',
    'contract',
    'amount',
    'openAmount',
    'currency',
    'invoiceDate',
    'dueDate',
    'state',
    'voidedAt',
    'voidedOn',
    'allocations',
  ],
  // A payment's facts are typed when it is recorded; its allocations and reversal are the server's.
  'api::payment.payment': ['number', 'unallocatedAmount', 'state', 'reversedAt', 'reversalReason', 'recordedBy', 'version', 'allocations'],
  'api::payment-allocation.payment-allocation': ['payment', 'receivable', 'amount', 'allocatedOn', 'reversedOn'],
  // A statement is computed and frozen when issued; sending, the link and the customer's answer (with
  // where it came from) are the server's too.
  'api::statement.statement': [
    'number',
    'customer',
    'periodFrom',
    'periodTo',
    'currency',
    'openingBalance',
    'shipped',
    'received',
    'reversed',
    'closingBalance',
    'unallocated',
    'snapshot',
    'state',
    'sentAt',
    'sentTo',
    'respondedAt',
    'respondedFromIp',
    'respondedUserAgent',
    'customerComment',
    'issuedBy',
    'version',
    'linkTokenHash',
    'linkExpiresAt',
  ],
  // Who placed a customer's credit hold is the server's (src/cash-collection/credit-control.ts), and so
  // is an automatic hold's reason as a message (its code and parameters); the
  // text it is searched by is computed from its code, names and contacts (src/customer-search/); the
  // old free-text needs are moved into customer-need records at start (src/customer-voice/legacy-needs.ts).
  'api::customer.customer': ['creditHoldSource', 'creditHoldReasonCode', 'creditHoldReasonParams', 'searchText', 'potentialNeeds'],
  // Who recorded an opinion or a need, and when, is the server's; so are the complaint and statement an
  // opinion was taken from (src/customer-voice/opinions.ts).
  'api::customer-opinion.customer-opinion': ['recordedBy', 'recordedAt', 'complaint', 'statement'],
  'api::customer-need.customer-need': ['recordedBy', 'recordedAt'],
  // Stock moves through shipments, allocations and stock adjustments (src/stock/stock-adjustment.ts);
  // a new product may be entered with its counted opening stock (src/guards/product-guard.ts).
  'api::product.product': ['stockOnHand', 'stockReserved'],
  // The credit record is written by the server; an override's grant and use are the server's.
  'api::credit-event.credit-event': ['customer', 'kind', 'terms', 'reason', 'reasonCode', 'reasonParams', 'at', 'actor'],
  'api::credit-override.credit-override': ['grantedBy', 'grantedAt', 'usedAt'],
  // Which subject and period a target is for is derived by its guard (one target per subject and period).
  'api::sales-target.sales-target': ['subjectPeriod'],
  // A task's assigner is who created it; its state moves only through its workflow; dueAt is the
  // end of its due day, derived from dueDate.
  'api::task.task': ['assignedBy', 'state', 'version', 'reviewRound', 'dueAt', 'stateEnteredAt', 'escalatedAt'],
  // The outbox: only State is editable (a failed mail back to pending is a retry).
  'api::notification.notification': [
    'idempotencyKey',
    'event',
    'recipients',
    'template',
    'language',
    'payload',
    'attempts',
    'nextAttemptAt',
    'claimedAt',
    'lastError',
    'sentAt',
    'messageId',
  ],
  // A contract's terms are typed by staff; everything its workflow records is the server's.
  'api::contract.contract': [
    'number',
    'revision',
    'total',
    'state',
    'version',
    'reviewRound',
    'creditSnapshot',
    'drafter',
    'previousRevision',
    'submittedAt',
    'decidedAt',
    'replyChannel',
    'replyContent',
    'repliedAt',
    'replySentTo',
    'activatedAt',
  ],
  'contract.line': ['lineAmount'],
  // Written only by the workflow engine: the panel shows them, nobody edits them.
  'api::review-opinion.review-opinion': [
    'subject',
    'subjectId',
    'round',
    'role',
    'reviewer',
    'verdict',
    'comment',
    'proposedDeliveryDate',
    'givenAt',
  ],
  'api::workflow-event.workflow-event': [
    'subject',
    'subjectId',
    'action',
    'fromState',
    'toState',
    'actor',
    'role',
    'comment',
    'at',
    'dueAt',
  ],
  'api::seal-use.seal-use': ['sealType', 'contract', 'requestedBy', 'approvedBy', 'usedAt', 'copies', 'documentSha256'],
  // A complaint's facts are typed by staff; what its workflow records (judgement, measures,
  // verification, reply, feedback) is the server's.
  'api::complaint.complaint': [
    'number',
    'state',
    'version',
    'reviewRound',
    'receivedBy',
    'stateEnteredAt',
    'dueAt',
    'escalatedAt',
    'rootCause',
    'judgement',
    'judgedAt',
    'measures',
    'effectivenessComment',
    'verifiedAt',
    'needsNewMeasure',
    'replyChannel',
    'replyContent',
    'repliedAt',
    'replySentTo',
    'feedbackRating',
    'feedbackComment',
    'feedbackAt',
    'feedbackFromIp',
    'feedbackUserAgent',
    'feedbackTokenHash',
    'feedbackTokenExpiresAt',
    'closedAt',
  ],
  // Measures are added and completed only through the workflow's actions.
  'complaint.measure': ['key', 'kind', 'description', 'ownerRole', 'dueDate', 'doneAt', 'result'],
};

/**
 * Secrets among them: a customer's link token (its hash) and when it expires. Private to every API
 * (schema `private`), and not shown in the admin panel's forms either.
 */
export const SECRET_FIELDS: Record<string, string[]> = {
  'api::complaint.complaint': ['feedbackTokenHash', 'feedbackTokenExpiresAt'],
  'api::statement.statement': ['linkTokenHash', 'linkExpiresAt'],
};
