/**
 * The admin panel's door to the app's own endpoints, one table: each route with the permissions it
 * needs (checked by `admin::hasPermissions` before the handler runs, as the content manager grants
 * them to the admin's role) and the input it reads (src/platform/endpoint.ts). The handlers are the
 * same as REST's; the admin user is linked to their staff user and role codes by src/platform/actor.ts.
 * Used by the edit views' document actions and side panels (src/admin/workflow) and the ledger export.
 *   GET  /workflows/<subject>/:documentId            state, version, the caller's actions, opinions, history
 *   POST /workflows/<subject>/:documentId/:action    { data: { version, comment, ...fields } }
 *        where <subject> is contract, complaint, order or shipment
 *   GET  /workflows/contract-ledger?…                the ledger as XLSX, filtered as for REST
 *   GET  /workflows/shipment/:documentId/delivery-note.pdf
 *   GET  /workflows/receivable-aging?asOf&groupBy&…&format=xlsx
 *   GET  /workflows/order|contract/:documentId/payment-progress     billed, paid, open, overdue
 *   GET  /workflows/payment/:documentId              a payment's state, version, the caller's actions, history
 *   POST /workflows/payment/:documentId/allocate|reverse   { data: { version, allocations? | reason } }
 *   GET  /workflows/statement/:documentId/statement.pdf|xlsx
 *   POST /workflows/statement/:documentId/send       mails a statement to the customer
 *   GET  /workflows/credit-record/:documentId        a customer's credit record (side panel of the customer)
 *   GET  /workflows/need/:documentId                 a customer need's status and whether it may still be edited
 *   GET  /workflows/my-work                          the caller's work list (待办), for the home page
 *   GET  /workflows/my-work/team[/:staffId]          a supervisor's team view (监督): counts per member, a member's list
 *   GET  /workflows/my-work/performance?month&format=json|xlsx   the team's performance sheet (考评)
 *   GET|PUT /workflows/my-work/mail-preferences      the caller's own mail preferences (immediately or daily digest)
 *   GET  /workflows/late-orders?format=json|xlsx     the late-order watch (进度交期跟踪)
 *   GET  /workflows/customer-file/:documentId?page&pageSize   the customer file (客户档案), sections by the caller's roles
 *   GET  /workflows/customer-file/:documentId/order-statistics?grain&from&to&format   客户订货统计一览表 (JSON or XLSX)
 */
import type { Core } from '@strapi/strapi';
import { agingQuery, sendAging } from '../cash-collection/aging-report';
import { creditRecordAnswer } from '../cash-collection/credit-control';
import { customerFileEndpoint } from '../customer-file/customer-file';
import { orderStatisticsEndpoint } from '../customer-file/order-statistics';
import { describePayment, PAYMENT_ACTION_FIELDS, PAYMENT_ACTIONS, takePaymentAction } from '../cash-collection/payment-handlers';
import { paymentProgress } from '../cash-collection/payment-progress';
import { needEditing } from '../customer-voice/need-editing';
import { sendStatementFile } from '../cash-collection/statement-documents';
import { sendStatement } from '../cash-collection/statements';
import { ledgerQuery, sendContractLedger } from '../ledger/contract-ledger';
import { lateOrdersEndpoint } from '../my-work/late-orders';
import { performanceEndpoint } from '../my-work/performance-sheet';
import { memberWork, teamWork } from '../my-work/team-work';
import { changeMailPreferences, readMailPreferences } from '../my-work/mail-preferences';
import { workList } from '../my-work/work-list';
import { currentActor } from '../platform/actor';
import { adminRoute, AdminPermission } from '../platform/endpoint';
import { CONTRACT, CREDIT_EVENT, CUSTOMER, CUSTOMER_NEED, ORDER, PAYMENT, RECEIVABLE, SHIPMENT, STATEMENT } from '../platform/uids';
import { sendDeliveryNote } from '../shipments/delivery-note';
import { complaintWorkflow } from '../workflow-engine/complaint-workflow';
import { contractWorkflow } from '../workflow-engine/contract-workflow';
import { orderWorkflow } from '../workflow-engine/order-workflow';
import { shipmentWorkflow } from '../workflow-engine/shipment-workflow';
import { taskWorkflow } from '../workflow-engine/task-workflow';
import { actFor, describeFor } from '../workflow-engine/workflow-handlers';

const read = (uid: string): AdminPermission => ['plugin::content-manager.explorer.read', uid];
const update = (uid: string): AdminPermission => ['plugin::content-manager.explorer.update', uid];

/** Whoever may read a workflow's records in the content manager sees where each stands; the engine decides who may act. */
const workflowRoutes = (strapi: Core.Strapi) =>
  [contractWorkflow, complaintWorkflow, orderWorkflow, shipmentWorkflow, taskWorkflow].flatMap((definition) => [
    adminRoute({
      method: 'GET',
      path: `/${definition.subject}/:documentId`,
      permissions: [read(definition.uid)],
      handle: async (_ctx, { params }) => ({ data: await describeFor(strapi, definition, params.documentId) }),
    }),
    adminRoute({
      method: 'POST',
      path: `/${definition.subject}/:documentId/:action`,
      permissions: [read(definition.uid)],
      data: {},
      handle: async (_ctx, { params, data }) => {
        const result = await actFor(strapi, definition, params, data);
        return { data: await describeFor(strapi, definition, params.documentId), meta: result.meta };
      },
    }),
  ]);

const recordRoutes = (strapi: Core.Strapi) => [
  // The caller's own work list: every admin may ask; it holds only what their staff roles act on.
  adminRoute({
    method: 'GET',
    path: '/my-work',
    permissions: [],
    handle: async () => ({ data: await workList(strapi, await currentActor(strapi)) }),
  }),
  // The team view and the performance sheet: every admin may ask; whoever supervises nobody is refused (403).
  adminRoute({
    method: 'GET',
    path: '/my-work/team',
    permissions: [],
    handle: async () => ({ data: await teamWork(strapi, await currentActor(strapi)) }),
  }),
  adminRoute({
    method: 'GET',
    path: '/my-work/team/:staffId',
    permissions: [],
    handle: async (_ctx, { params }) => ({ data: await memberWork(strapi, await currentActor(strapi), params.staffId) }),
  }),
  adminRoute({ method: 'GET', path: '/my-work/performance', permissions: [], ...performanceEndpoint(strapi, () => currentActor(strapi)) }),
  // The caller's own mail preferences: nobody names another person's.
  adminRoute({ method: 'GET', path: '/my-work/mail-preferences', permissions: [], ...readMailPreferences(strapi) }),
  adminRoute({ method: 'PUT', path: '/my-work/mail-preferences', permissions: [], ...changeMailPreferences(strapi) }),
  adminRoute({ method: 'GET', path: '/late-orders', permissions: [read(ORDER)], ...lateOrdersEndpoint(strapi) }),
  adminRoute({
    method: 'GET',
    path: '/contract-ledger',
    permissions: [read(CONTRACT)],
    query: ledgerQuery(strapi, 'xlsx'),
    handle: (ctx, { query }) => sendContractLedger(strapi, ctx, query),
  }),
  adminRoute({
    method: 'GET',
    path: '/shipment/:documentId/delivery-note.pdf',
    permissions: [read(SHIPMENT)],
    handle: (ctx, { params }) => sendDeliveryNote(strapi, ctx, params.documentId),
  }),
  ...(['pdf', 'xlsx'] as const).map((format) =>
    adminRoute({
      method: 'GET',
      path: `/statement/:documentId/statement.${format}`,
      permissions: [read(STATEMENT)],
      handle: (ctx, { params }) => sendStatementFile(strapi, ctx, params.documentId, format),
    })
  ),
  // Sending changes the statement: those who may update statements (the sales clerk).
  adminRoute({
    method: 'POST',
    path: '/statement/:documentId/send',
    permissions: [update(STATEMENT)],
    handle: async (_ctx, { params }) => ({ data: await sendStatement(strapi, params.documentId) }),
  }),
  adminRoute({
    method: 'GET',
    path: '/receivable-aging',
    permissions: [read(RECEIVABLE)],
    query: agingQuery(strapi),
    handle: (ctx, { query }) => sendAging(strapi, ctx, query),
  }),
  ...(
    [
      ['order', ORDER],
      ['contract', CONTRACT],
    ] as const
  ).map(([subject, uid]) =>
    adminRoute({
      method: 'GET',
      path: `/${subject}/:documentId/payment-progress`,
      permissions: [read(uid), read(RECEIVABLE)],
      handle: async (_ctx, { params }) => ({ data: await paymentProgress(strapi, subject, params.documentId) }),
    })
  ),
  adminRoute({
    method: 'GET',
    path: '/payment/:documentId',
    permissions: [read(PAYMENT)],
    handle: async (_ctx, { params }) => ({ data: await describePayment(strapi, params.documentId, await currentActor(strapi)) }),
  }),
  ...PAYMENT_ACTIONS.map((action) =>
    adminRoute({
      method: 'POST',
      path: `/payment/:documentId/${action}`,
      permissions: [read(PAYMENT)],
      data: { fields: PAYMENT_ACTION_FIELDS[action] },
      handle: async (_ctx, { params, data }) => {
        const actor = await currentActor(strapi);
        const result = await takePaymentAction(strapi, params.documentId, action, data, actor);
        return { data: await describePayment(strapi, params.documentId, actor), meta: { allocated: result.allocated } };
      },
    })
  ),
  // As for REST: whoever may read credit events may read a customer's credit record.
  adminRoute({
    method: 'GET',
    path: '/credit-record/:documentId',
    permissions: [read(CREDIT_EVENT)],
    handle: (_ctx, { params }) => creditRecordAnswer(strapi, params.documentId),
  }),
  // The need's status, which the content manager's document lacks, for its read-only form.
  adminRoute({
    method: 'GET',
    path: '/need/:documentId',
    permissions: [read(CUSTOMER_NEED)],
    handle: async (_ctx, { params }) => ({ data: await needEditing(strapi, params.documentId) }),
  }),
  // As for REST: whoever may read customers opens the file; each section shows only what their roles may read.
  adminRoute({ method: 'GET', path: '/customer-file/:documentId', permissions: [read(CUSTOMER)], ...customerFileEndpoint(strapi) }),
  adminRoute({
    method: 'GET',
    path: '/customer-file/:documentId/order-statistics',
    permissions: [read(ORDER)],
    ...orderStatisticsEndpoint(strapi),
  }),
];

export const registerAdminRoutes = (strapi: Core.Strapi) => {
  // The records' own routes first: /payment/:documentId/allocate before a workflow's /:documentId/:action.
  strapi.server.routes({ type: 'admin', prefix: '/workflows', routes: [...recordRoutes(strapi), ...workflowRoutes(strapi)] });
};
