/**
 * The single gate every document write passes, whichever client made it: REST, the admin
 * panel's content manager, or our own services. Registered in register() so it is in place before
 * anything can write.
 */
import type { Core } from '@strapi/strapi';
import { complaintGuard } from './complaint-guard';
import { contractGuard } from './contract-guard';
import { creditOverrideGuard } from './credit-override-guard';
import { customerGuard } from './customer-guard';
import { inquiryGuard } from './inquiry-guard';
import { notificationGuard } from './notification-guard';
import { orderGuard } from './order-guard';
import { packagingItemGuard } from './packaging-item-guard';
import { paymentGuard } from './payment-guard';
import { productGuard } from './product-guard';
import { salesTargetGuard } from './sales-target-guard';
import { shipmentGuard } from './shipment-guard';
import { DocumentCall, Guard } from './types';
import { workflowRecordGuard } from './workflow-record-guard';

const GUARDS: Record<string, Guard> = {
  'api::customer.customer': customerGuard,
  'api::product.product': productGuard,
  'api::order.order': orderGuard,
  'api::inquiry.inquiry': inquiryGuard,
  'api::notification.notification': notificationGuard,
  'api::contract.contract': contractGuard,
  'api::complaint.complaint': complaintGuard,
  'api::packaging-item.packaging-item': packagingItemGuard,
  'api::shipment.shipment': shipmentGuard,
  'api::sales-target.sales-target': salesTargetGuard,
  'api::receivable.receivable': workflowRecordGuard,
  'api::payment.payment': paymentGuard,
  'api::payment-allocation.payment-allocation': workflowRecordGuard,
  // Issued, sent and answered only through src/collection/statements.ts.
  'api::statement.statement': workflowRecordGuard,
  'api::review-opinion.review-opinion': workflowRecordGuard,
  'api::workflow-event.workflow-event': workflowRecordGuard,
  'api::seal-use.seal-use': workflowRecordGuard,
  'api::credit-event.credit-event': workflowRecordGuard,
  'api::credit-override.credit-override': creditOverrideGuard,
};

export const registerGuards = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (ctx, next) => {
    const guard = GUARDS[ctx.uid];
    if (!guard) return next();
    return (await guard(strapi, ctx as unknown as DocumentCall, next)) as Awaited<ReturnType<typeof next>>;
  });
};
