/**
 * How the admin panel's content manager shows our records. Fields the server owns
 * (src/domain/server-owned.ts) are read-only in the edit view at every start. Field labels,
 * relation labels (a relation field shows its target's main field) and list columns are set once per database: after that they are the
 * administrators' to change through "Configure the view" (a field added later gets its label at
 * the next start, as long as it has Strapi's default one).
 */
import type { Core } from '@strapi/strapi';
import { SECRET_FIELDS, SERVER_OWNED } from '../domain/server-owned';
import { compactEditLayout, EditRows } from './edit-layout';
import { FIELD_LABELS } from './labels';

/** The field a relation picker shows for a record of the type. */
const MAIN_FIELDS: Record<string, string> = {
  'api::customer.customer': 'name',
  'api::product.product': 'sku',
  'api::order.order': 'number',
  'api::inquiry.inquiry': 'summary',
  'api::customer-opinion.customer-opinion': 'text',
  'api::customer-need.customer-need': 'description',
  'api::notification.notification': 'event',
  'api::contract.contract': 'number',
  'api::review-opinion.review-opinion': 'verdict',
  'api::workflow-event.workflow-event': 'action',
  'api::seal-use.seal-use': 'sealType',
  'api::complaint.complaint': 'number',
  'api::shipment.shipment': 'number',
  // Receivables have no number of their own: the invoice date tells one from another on a customer.
  'api::receivable.receivable': 'invoiceDate',
  'api::payment.payment': 'number',
  // By its day: a relation list shows the main field as stored, and an amount would read 632406.59, not CNY 632,406.59.
  'api::payment-allocation.payment-allocation': 'allocatedOn',
  'api::statement.statement': 'number',
  'api::credit-event.credit-event': 'kind',
  'api::credit-override.credit-override': 'subject',
  'api::sales-target.sales-target': 'subjectPeriod',
  'api::packaging-item.packaging-item': 'description',
  'api::task.task': 'title',
  'plugin::users-permissions.user': 'displayName',
  // A measure in a complaint's form is titled by what it is, not by its key.
  'complaint.measure': 'description',
};

/** Bookkeeping of the workflows, the same for every workflow record: nobody reads it in a form. */
const WORKFLOW_BOOKKEEPING = ['version', 'reviewRound', 'stateEnteredAt', 'escalatedAt'];

/**
 * Server-owned fields left out of the edit form, besides the secrets: the workflow side panel shows
 * a complaint's deadline, measures (by name) and what its workflow recorded, and a contract's credit
 * at submission as figures (src/admin/workflow); the rest is bookkeeping. The state stays in the
 * form, small and read-only.
 */
const SHOWN_BY_PANELS: Record<string, string[]> = {
  'api::contract.contract': [...WORKFLOW_BOOKKEEPING, 'creditSnapshot'],
  // What the workflow recorded shows in the panel (src/admin/workflow/ComplaintDetails.tsx); where the
  // feedback came from (address, browser) is evidence kept for the API, not for reading.
  'api::complaint.complaint': [
    ...WORKFLOW_BOOKKEEPING,
    'dueAt',
    'measures',
    'rootCause',
    'judgement',
    'judgedAt',
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
  ],
  'api::order.order': [...WORKFLOW_BOOKKEEPING],
  'api::shipment.shipment': [...WORKFLOW_BOOKKEEPING],
  'api::task.task': [...WORKFLOW_BOOKKEEPING, 'dueAt'],
  'api::payment.payment': ['version'],
  'api::statement.statement': ['version', 'snapshot'],
};

/**
 * Forms whose rows are laid out here: Strapi's order, two fields to a row, made a complaint's form
 * taller than a 1440×900 screen. A complaint reads as staff take it on a call — who and what
 * about, how it came and how grave, when and which delivery, what the customer says and wants
 * and the files — all on the first screen; what the server recorded (who received it, its
 * number, when it closed) follows in one row.
 */
const ARRANGED_FORMS: Record<string, EditRows> = {
  'api::complaint.complaint': [
    [
      { name: 'customer', size: 4 },
      { name: 'order', size: 4 },
      { name: 'product', size: 4 },
    ],
    [
      { name: 'channel', size: 3 },
      { name: 'category', size: 3 },
      { name: 'severity', size: 3 },
      { name: 'state', size: 3 },
    ],
    [
      { name: 'receivedAt', size: 6 },
      { name: 'shipmentNumber', size: 3 },
      { name: 'batch', size: 3 },
    ],
    [
      { name: 'description', size: 4 },
      { name: 'customerDemand', size: 4 },
      { name: 'attachments', size: 4 },
    ],
  ],
};

const LIST_COLUMNS: Record<string, string[]> = {
  'api::customer.customer': ['code', 'name', 'region', 'grade', 'salesperson', 'creditHold'],
  'api::product.product': ['sku', 'name', 'specification', 'listPrice', 'stockOnHand', 'stockReserved'],
  'api::order.order': ['number', 'customer', 'orderDate', 'total', 'currency', 'state'],
  'api::inquiry.inquiry': ['occurredAt', 'customer', 'kind', 'summary', 'handledBy', 'followUpDate'],
  'api::customer-opinion.customer-opinion': ['recordedAt', 'customer', 'topic', 'sentiment', 'source', 'text'],
  'api::customer-need.customer-need': ['customer', 'description', 'estimatedValue', 'expectedDate', 'status'],
  'api::notification.notification': ['createdAt', 'event', 'state', 'attempts', 'lastError', 'sentAt'],
  'api::contract.contract': ['number', 'revision', 'customer', 'state', 'total', 'deliveryDate'],
  'api::review-opinion.review-opinion': ['givenAt', 'subject', 'subjectId', 'round', 'role', 'reviewer', 'verdict'],
  'api::workflow-event.workflow-event': ['at', 'subject', 'subjectId', 'action', 'fromState', 'toState', 'actor'],
  'api::seal-use.seal-use': ['usedAt', 'contract', 'sealType', 'copies', 'requestedBy', 'approvedBy'],
  'api::complaint.complaint': ['number', 'customer', 'category', 'severity', 'state', 'dueAt'],
  'api::shipment.shipment': ['number', 'order', 'customer', 'plannedDate', 'state', 'shippedAt'],
  'api::receivable.receivable': ['invoiceDate', 'customer', 'shipment', 'amount', 'openAmount', 'dueDate', 'state'],
  'api::payment.payment': ['number', 'customer', 'receivedOn', 'amount', 'unallocatedAmount', 'method', 'state'],
  'api::payment-allocation.payment-allocation': ['payment', 'receivable', 'amount', 'allocatedOn', 'reversedOn'],
  'api::statement.statement': ['number', 'customer', 'periodFrom', 'periodTo', 'closingBalance', 'currency', 'state'],
  'api::credit-event.credit-event': ['at', 'customer', 'kind', 'reason', 'actor'],
  'api::credit-override.credit-override': ['grantedAt', 'customer', 'subject', 'subjectId', 'grantedBy', 'usedAt'],
  'api::sales-target.sales-target': ['subjectPeriod', 'salesperson', 'region', 'year', 'quarter', 'month', 'amount'],
  'api::packaging-item.packaging-item': ['order', 'kind', 'description', 'artworkConfirmedAt', 'quantityRequired', 'quantityInStock'],
  'api::task.task': ['title', 'assignee', 'dueDate', 'priority', 'state', 'assignedBy'],
};

const LAYOUT_VERSION_KEY = 'content-manager-layout-version';
const LAYOUT_VERSION = 21;

type Configuration = {
  settings: { mainField?: string };
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[]; edit: EditRows };
};

type Attributes = Record<string, { type: string; customField?: string }>;

/** The edit form made compact (./edit-layout.ts), with Strapi's own rule of which fields may be resized. */
const compactForm = (strapi: Core.Strapi, uid: string, edit: EditRows): EditRows => {
  const sizes = strapi.plugin('content-manager').service('field-sizes');
  const attributes = ((strapi.getModel as (uid: string) => { attributes: Attributes } | undefined)(uid)?.attributes ?? {}) as Attributes;
  return compactEditLayout(edit, {
    hidden: new Set([...(SECRET_FIELDS[uid] ?? []), ...(SHOWN_BY_PANELS[uid] ?? [])]),
    serverOwned: new Set(SERVER_OWNED[uid] ?? []),
    shapeOf: (name) => ({ resizable: Boolean(sizes.getFieldSize(attributes[name]?.type ?? 'string').isResizable) }),
    arranged: ARRANGED_FORMS[uid],
  });
};

/**
 * A relation field shows (in the edit view, its picker and the list column) the field its own
 * metadata names, which Strapi sets once to the target's first text field (a customer's code, a
 * user's login name), not the target's main field: each gets the target's field from MAIN_FIELDS.
 */
const nameRelationsByMainField = (strapi: Core.Strapi, uid: string, configuration: Configuration) => {
  const schema = (
    uid.includes('::')
      ? strapi.getModel(uid as Parameters<Core.Strapi['getModel']>[0])
      : strapi.components[uid as keyof Core.Strapi['components']]
  ) as { attributes: Record<string, { type: string; target?: string }> } | undefined;
  for (const [field, attribute] of Object.entries(schema?.attributes ?? {})) {
    const mainField = attribute.type === 'relation' && attribute.target ? MAIN_FIELDS[attribute.target] : undefined;
    if (mainField && configuration.metadatas[field]) configuration.metadatas[field].edit.mainField = mainField;
  }
};

export const applyContentManagerLayouts = async (strapi: Core.Strapi): Promise<void> => {
  const cm = strapi.plugin('content-manager');
  const serviceFor = (uid: string) => cm.service(uid.includes('::') ? 'content-types' : 'components');
  const store = strapi.store({ type: 'plugin', name: 'cs-console' });
  const firstTime = Number((await store.get({ key: LAYOUT_VERSION_KEY })) ?? 0) < LAYOUT_VERSION;
  const uids = new Set([
    ...Object.keys(SERVER_OWNED),
    ...(firstTime ? [...Object.keys(MAIN_FIELDS), ...Object.keys(LIST_COLUMNS), ...Object.keys(FIELD_LABELS)] : []),
  ]);

  for (const uid of uids) {
    const service = serviceFor(uid);
    const model = { uid, ...(uid.includes('::') ? {} : { category: uid.split('.')[0] }) };
    const configuration = (await service.findConfiguration(model)) as Configuration;
    for (const field of (SERVER_OWNED[uid] ?? []).filter((name) => configuration.metadatas[name])) {
      configuration.metadatas[field].edit = {
        ...configuration.metadatas[field].edit,
        editable: false,
        // English; the admin panel shows it in the reader's language (src/admin/server-owned-hint.ts).
        description: 'Set by the server',
      };
    }
    for (const [field, { en }] of Object.entries(FIELD_LABELS[uid] ?? {})) {
      const metadata = configuration.metadatas[field];
      if (!metadata) continue;
      // A field added since the labels were set still has Strapi's default label, its name: it gets ours.
      if (firstTime || metadata.edit.label === field) metadata.edit.label = en;
      if (firstTime || metadata.list.label === field) metadata.list.label = en;
    }
    if (firstTime) nameRelationsByMainField(strapi, uid, configuration);
    if (firstTime && MAIN_FIELDS[uid]) configuration.settings.mainField = MAIN_FIELDS[uid];
    if (firstTime && LIST_COLUMNS[uid]) configuration.layouts.list = LIST_COLUMNS[uid];
    if (firstTime && uid.includes('::') && SERVER_OWNED[uid])
      configuration.layouts.edit = compactForm(strapi, uid, configuration.layouts.edit);
    await service.updateConfiguration(model, configuration);
  }
  if (firstTime) await store.set({ key: LAYOUT_VERSION_KEY, value: LAYOUT_VERSION });
};
