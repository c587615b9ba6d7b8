/**
 * Customer writes: a code `C-000123` is generated when none is given (and for a duplicated
 * customer), money is exact, a credit hold always carries its reason, and placing a hold tells the
 * customer's salesperson by e-mail, in the same transaction as the hold itself.
 */
import type { Core } from '@strapi/strapi';
import { SERIES } from '../domain/document-number';
import { yearIn } from '../domain/business-date';
import { notify } from '../notifications/outbox';
import { nextUnusedNumber } from '../sequences/next-number';
import { reportTimeZone } from '../settings';
import { asValidation, refuse } from './errors';
import { checkMoneyFields } from './money-fields';
import { Guard, isWrite } from './types';

const CUSTOMER = 'api::customer.customer';

interface StoredHold {
  creditHold: boolean | null;
  creditHoldReason: string | null;
}

export const customerGuard: Guard = async (strapi, call, next) => {
  if (!isWrite(call.action)) return next();
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  const blankCode = typeof data.code !== 'string' || data.code.trim() === '';
  if (call.action === 'update' && data.code !== undefined && blankCode) {
    throw refuse(['code'], 'a customer code cannot be removed');
  }
  await asValidation(async () => checkMoneyFields(data, ['creditLimit']), 'code');
  const stored: StoredHold | null = call.params.documentId
    ? await strapi.db.query(CUSTOMER).findOne({
        where: { documentId: call.params.documentId },
        select: ['creditHold', 'creditHoldReason'],
      })
    : null;
  const hold = data.creditHold ?? stored?.creditHold ?? false;
  const reason = data.creditHoldReason !== undefined ? data.creditHoldReason : stored?.creditHoldReason;
  if (hold === true && (typeof reason !== 'string' || reason.trim() === '')) {
    throw refuse(['creditHoldReason'], 'a credit hold needs a reason');
  }

  return asValidation(
    () =>
      strapi.db.transaction(async () => {
        if (call.action === 'clone' || (call.action === 'create' && blankCode)) {
          data.code = await nextUnusedNumber(strapi, SERIES.customer, yearIn(reportTimeZone(strapi)), async (code) =>
            Boolean(await strapi.db.query(CUSTOMER).count({ where: { code } }))
          );
        }
        call.params.data = data;
        const written = (await next()) as { documentId: string } | null;
        if (written && hold === true && stored?.creditHold !== true) await tellSalespersonOfHold(strapi, written.documentId);
        return written;
      }),
    'code'
  );
};

const tellSalespersonOfHold = async (strapi: Core.Strapi, documentId: string) => {
  const customer = await strapi.db.query(CUSTOMER).findOne({
    where: { documentId },
    select: ['code', 'name', 'creditHoldReason', 'updatedAt'],
    populate: { salesperson: { select: ['email', 'displayName', 'preferredLanguage'] } },
  });
  const salesperson = customer?.salesperson;
  if (!salesperson?.email) return; // nobody to tell: the customer has no salesperson yet
  await notify(strapi, {
    event: 'customer.credit-hold',
    key: `customer.credit-hold:${documentId}:${new Date(customer.updatedAt).toISOString()}`,
    to: salesperson.email,
    template: 'customer.credit-hold',
    locale: salesperson.preferredLanguage === 'en' ? 'en' : 'zh-CN',
    data: { customer: { code: customer.code, name: customer.name }, reason: customer.creditHoldReason },
  });
};
