/**
 * Every write of a sales order, from REST, the admin panel or our own services, passes here:
 * the number, line amounts, total, salesperson and region are the server's; the state moves only
 * through workflow actions (a new order is `draft`); every line has a known product. The write
 * and the server's completion of it are one transaction: a refused write leaves nothing behind.
 */
import type { Core } from '@strapi/strapi';
import { dateIn, yearIn } from '../domain/business-date';
import { SERIES } from '../domain/document-number';
import { nextNumber } from '../sequences/next-number';
import { reportTimeZone } from '../settings';
import { checkDateFields } from './date-fields';
import { asValidation, refuse } from './errors';
import { checkLines, completeLines } from './priced-lines';
import { checkRequiredRelations } from './required-relations';
import { Guard, isWrite } from './types';

const ORDER = 'api::order.order';
const LINE = 'order.line';
const SERVER_OWNED = ['number', 'total', 'salesperson', 'region'];

export const orderGuard: Guard = async (strapi, call, next) => {
  if (!isWrite(call.action)) return next();
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  for (const field of SERVER_OWNED) delete data[field];

  if (call.action === 'update') {
    if (data.state !== undefined) await refuseStateChange(strapi, call.params.documentId!, data.state);
    delete data.state;
  } else {
    if (data.state !== undefined && data.state !== 'draft') {
      throw refuse(['state'], 'a new order starts as draft; its state changes only through order actions');
    }
    data.state = 'draft';
    data.orderDate ??= dateIn(reportTimeZone(strapi));
    if (call.action === 'create' && !data.customer) throw refuse(['customer'], 'customer is required');
  }

  return asValidation(
    () =>
      strapi.db.transaction(async () => {
        // clear 400s naming the field, before anything is written
        checkDateFields(data, ['orderDate', 'requiredDate', 'promisedDate']);
        if (Array.isArray(data.lines)) await checkLines(strapi, data.lines);
        if (call.action !== 'update') {
          data.number = await nextNumber(strapi, SERIES.order, yearIn(reportTimeZone(strapi)));
        }
        call.params.data = data;
        const written = (await next()) as { documentId: string } | null;
        if (!written) return written;
        await checkRequiredRelations(strapi, ORDER, written.documentId, ['customer']);
        await completeOrder(strapi, written.documentId);
        // A clone answers { documentId, entries }, which the content manager reads as such.
        if (call.action === 'clone') return written;
        const { data: _data, documentId: _id, ...query } = call.params;
        return strapi.documents(ORDER).findOne({ ...query, documentId: written.documentId } as never);
      }),
    'number'
  );
};

const refuseStateChange = async (strapi: Core.Strapi, documentId: string, state: unknown) => {
  const current = await strapi.db.query(ORDER).findOne({ where: { documentId }, select: ['state'] });
  if (current && current.state !== state) {
    throw refuse(['state'], 'the state of an order changes only through order actions');
  }
};

/** Line amounts, specification snapshots and total from the lines; salesperson and region from the customer. */
const completeOrder = async (strapi: Core.Strapi, documentId: string) => {
  const { record: order, total } = await completeLines(strapi, ORDER, LINE, documentId, {
    customer: { populate: ['salesperson'] },
  });
  await strapi.db.query(ORDER).update({
    where: { id: order.id },
    data: { total, salesperson: order.customer.salesperson?.id ?? null, region: order.customer.region ?? null },
  });
};
