/**
 * Customer writes: a code `C-000123` is generated when none is given (and for a duplicated
 * customer), money is exact, and a credit hold always carries its reason.
 */
import type { Core } from '@strapi/strapi';
import { SERIES } from '../domain/document-number';
import { yearIn } from '../domain/business-date';
import { nextUnusedNumber } from '../sequences/next-number';
import { reportTimeZone } from '../settings';
import { asValidation, refuse } from './errors';
import { checkMoneyFields } from './money-fields';
import { Guard, isWrite } from './types';

const CUSTOMER = 'api::customer.customer';

export const customerGuard: Guard = async (strapi, call, next) => {
  if (!isWrite(call.action)) return next();
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  const blankCode = typeof data.code !== 'string' || data.code.trim() === '';
  if (call.action === 'update' && data.code !== undefined && blankCode) {
    throw refuse(['code'], 'a customer code cannot be removed');
  }
  await asValidation(async () => checkMoneyFields(data, ['creditLimit']), 'code');
  await refuseHoldWithoutReason(strapi, call.params.documentId, data);

  return asValidation(
    () =>
      strapi.db.transaction(async () => {
        if (call.action === 'clone' || (call.action === 'create' && blankCode)) {
          data.code = await nextUnusedNumber(strapi, SERIES.customer, yearIn(reportTimeZone(strapi)), async (code) =>
            Boolean(await strapi.db.query(CUSTOMER).count({ where: { code } }))
          );
        }
        call.params.data = data;
        return next();
      }),
    'code'
  );
};

const refuseHoldWithoutReason = async (
  strapi: Core.Strapi,
  documentId: string | undefined,
  data: Record<string, unknown>
) => {
  const stored = documentId
    ? await strapi.db.query(CUSTOMER).findOne({ where: { documentId }, select: ['creditHold', 'creditHoldReason'] })
    : null;
  const hold = data.creditHold ?? stored?.creditHold ?? false;
  const reason = data.creditHoldReason !== undefined ? data.creditHoldReason : stored?.creditHoldReason;
  if (hold === true && (typeof reason !== 'string' || reason.trim() === '')) {
    throw refuse(['creditHoldReason'], 'a credit hold needs a reason');
  }
};
