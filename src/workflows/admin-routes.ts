/**
 * The admin panel's door to the workflows: the same engine as REST, for the admin user (linked to
 * their staff user and role codes by src/platform/actor.ts). Used by the edit views' document actions
 * and side panels (src/admin/workflow) and the ledger export button.
 *   GET  /workflows/:subject/:documentId           state, version, the caller's actions, opinions, history
 *   POST /workflows/:subject/:documentId/:action   { data: { version, comment, ...fields } }
 *   GET  /workflows/contract-ledger?format=xlsx    the ledger, as for REST
 *   GET  /workflows/shipment/:documentId/delivery-note.pdf   the delivery note, as for REST
 *   GET  /workflows/receivable-aging?asOf&groupBy&...&format=xlsx   the aging, as for REST
 *   GET  /workflows/order|contract/:documentId/payment-progress     billed, paid, open, overdue
 *   GET  /workflows/payment/:documentId             a payment's state, version, the caller's actions, history
 *   POST /workflows/payment/:documentId/allocate|reverse   { data: { version, allocations? | reason } }
 *   GET  /workflows/statement/:documentId/statement.pdf|xlsx a statement's files, as for REST
 *   POST /workflows/statement/:documentId/send               mails a statement to the customer
 *   GET  /workflows/credit-record/:documentId      a customer's credit record, as for REST (side panel of the customer)
 * where :subject is `contract`, `complaint`, `order` or `shipment`.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { sendAging } from '../collection/aging-report';
import { describePayment, mayHandlePayments, paymentProgressHandler, takePaymentAction } from '../collection/payment-handlers';
import { creditRecord } from '../collection/credit-control';
import { forbidden } from '../platform/errors';
import { currentActor } from '../platform/actor';
import { sendStatementFile } from '../collection/statement-documents';
import { sendStatement } from '../collection/statements';
import { sendContractLedger } from '../ledger/contract-ledger';
import { sendDeliveryNote } from '../shipments/delivery-note';
import { complaintWorkflow } from './complaint-workflow';
import { contractWorkflow } from './contract-workflow';
import { orderWorkflow } from './order-workflow';
import { shipmentWorkflow } from './shipment-workflow';
import { actFor, describeFor } from './workflow-handlers';
import { WorkflowDefinition } from './workflow-service';
import { PAYMENT, RECEIVABLE, STATEMENT } from '../platform/uids';

const READ = 'plugin::content-manager.explorer.read';

/** A 403 unless the admin may read `uid` in the content manager. */
const mustRead = (ctx: Context, uid: string, what: string) => {
  if (!ctx.state.userAbility?.can(READ, uid)) throw forbidden(`You may not read ${what}`);
};
const UPDATE = 'plugin::content-manager.explorer.update';
const WORKFLOWS: Record<string, WorkflowDefinition> = {
  contract: contractWorkflow,
  complaint: complaintWorkflow,
  order: orderWorkflow,
  shipment: shipmentWorkflow,
};

/** The workflow a path names, if the admin may read its records in the content manager. */
const workflowFor = (ctx: Context, subject: string): WorkflowDefinition => {
  const definition = Object.hasOwn(WORKFLOWS, subject) ? WORKFLOWS[subject] : undefined;
  if (!definition) throw new errors.NotFoundError(`No workflow ${subject}`);
  if (!ctx.state.userAbility?.can(READ, definition.uid)) throw forbidden(`You may not read ${subject}s`);
  return definition;
};

export const registerWorkflowAdminRoutes = (strapi: Core.Strapi) => {
  const config = { policies: ['admin::isAuthenticatedAdmin'] };
  strapi.server.routes({
    type: 'admin',
    prefix: '/workflows',
    routes: [
      {
        method: 'GET',
        path: '/contract-ledger',
        handler: async (ctx: Context) => {
          workflowFor(ctx, 'contract');
          await sendContractLedger(strapi, ctx, 'xlsx');
        },
        config,
      },
      {
        method: 'GET',
        path: '/shipment/:documentId/delivery-note.pdf',
        handler: async (ctx: Context) => {
          // Whoever may read the shipment in the content manager may print it.
          workflowFor(ctx, 'shipment');
          await sendDeliveryNote(strapi, ctx, ctx.params.documentId);
        },
        config,
      },
      ...(['pdf', 'xlsx'] as const).map((format) => ({
        method: 'GET',
        path: `/statement/:documentId/statement.${format}`,
        handler: async (ctx: Context) => {
          if (!ctx.state.userAbility?.can(READ, STATEMENT)) throw forbidden('You may not read statements');
          await sendStatementFile(strapi, ctx, ctx.params.documentId, format);
        },
        config,
      })),
      {
        method: 'POST',
        path: '/statement/:documentId/send',
        handler: async (ctx: Context) => {
          // Sending changes the statement: those who may update statements (the sales clerk).
          if (!ctx.state.userAbility?.can(UPDATE, STATEMENT)) throw forbidden('You may not send statements');
          ctx.body = { data: await sendStatement(strapi, ctx.params.documentId) };
        },
        config,
      },
      {
        method: 'GET',
        path: '/receivable-aging',
        handler: async (ctx: Context) => {
          mustRead(ctx, RECEIVABLE, 'receivables');
          await sendAging(strapi, ctx);
        },
        config,
      },
      ...(['order', 'contract'] as const).map((subject) => ({
        method: 'GET',
        path: `/${subject}/:documentId/payment-progress`,
        handler: async (ctx: Context) => {
          workflowFor(ctx, subject);
          mustRead(ctx, RECEIVABLE, 'receivables');
          await paymentProgressHandler(strapi, subject)(ctx);
        },
        config,
      })),
      {
        method: 'GET',
        path: '/payment/:documentId',
        handler: async (ctx: Context) => {
          mustRead(ctx, PAYMENT, 'payments');
          ctx.body = { data: await describePayment(strapi, ctx.params.documentId, await currentActor(strapi)) };
        },
        config,
      },
      {
        method: 'POST',
        path: '/payment/:documentId/:action',
        handler: async (ctx: Context) => {
          mustRead(ctx, PAYMENT, 'payments');
          const actor = await currentActor(strapi);
          if (!mayHandlePayments(actor)) throw forbidden('Only the sales clerk allocates and reverses payments');
          const result = await takePaymentAction(strapi, ctx, ctx.params.action, actor);
          ctx.body = { data: await describePayment(strapi, ctx.params.documentId, actor), meta: { allocated: result.allocated } };
        },
        config,
      },
      {
        method: 'GET',
        path: '/credit-record/:documentId',
        handler: async (ctx: Context) => {
          // As for REST: whoever may read credit events may read a customer's credit record.
          if (!ctx.state.userAbility?.can(READ, 'api::credit-event.credit-event')) throw forbidden('You may not read credit records');
          const record = await creditRecord(strapi, ctx.params.documentId);
          if (!record) throw new errors.NotFoundError('No customer with this documentId');
          ctx.body = { data: record };
        },
        config,
      },
      {
        method: 'GET',
        path: '/:subject/:documentId',
        handler: async (ctx: Context) => {
          ctx.body = { data: await describeFor(strapi, workflowFor(ctx, ctx.params.subject), ctx.params.documentId) };
        },
        config,
      },
      {
        method: 'POST',
        path: '/:subject/:documentId/:action',
        handler: async (ctx: Context) => {
          const definition = workflowFor(ctx, ctx.params.subject);
          const result = await actFor(strapi, definition, ctx);
          ctx.body = { data: await describeFor(strapi, definition, ctx.params.documentId), meta: result.meta };
        },
        config,
      },
    ],
  } as never);
};
