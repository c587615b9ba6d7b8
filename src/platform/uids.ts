/**
 * The content types' UIDs, named once for every module that reads or writes them. Each is its literal
 * type, checked against the generated registry (types/generated): strapi.documents() and
 * strapi.db.query() type their records by it.
 */
import type { UID } from '@strapi/strapi';

export const CUSTOMER = 'api::customer.customer' satisfies UID.ContentType;
export const PRODUCT = 'api::product.product' satisfies UID.ContentType;
export const ORDER = 'api::order.order' satisfies UID.ContentType;
export const CONTRACT = 'api::contract.contract' satisfies UID.ContentType;
export const OPINION = 'api::review-opinion.review-opinion' satisfies UID.ContentType;
export const SEAL_USE = 'api::seal-use.seal-use' satisfies UID.ContentType;
export const WORKFLOW_EVENT = 'api::workflow-event.workflow-event' satisfies UID.ContentType;
export const PACKAGING_ITEM = 'api::packaging-item.packaging-item' satisfies UID.ContentType;
export const SHIPMENT = 'api::shipment.shipment' satisfies UID.ContentType;
export const RECEIVABLE = 'api::receivable.receivable' satisfies UID.ContentType;
export const PAYMENT = 'api::payment.payment' satisfies UID.ContentType;
export const ALLOCATION = 'api::payment-allocation.payment-allocation' satisfies UID.ContentType;
export const STATEMENT = 'api::statement.statement' satisfies UID.ContentType;
export const CREDIT_EVENT = 'api::credit-event.credit-event' satisfies UID.ContentType;
export const CREDIT_OVERRIDE = 'api::credit-override.credit-override' satisfies UID.ContentType;
export const COMPLAINT = 'api::complaint.complaint' satisfies UID.ContentType;
export const INQUIRY = 'api::inquiry.inquiry' satisfies UID.ContentType;
export const CUSTOMER_OPINION = 'api::customer-opinion.customer-opinion' satisfies UID.ContentType;
export const CUSTOMER_NEED = 'api::customer-need.customer-need' satisfies UID.ContentType;
export const SALES_TARGET = 'api::sales-target.sales-target' satisfies UID.ContentType;
export const TASK = 'api::task.task' satisfies UID.ContentType;
export const NOTIFICATION = 'api::notification.notification' satisfies UID.ContentType;
export const USER = 'plugin::users-permissions.user' satisfies UID.ContentType;
