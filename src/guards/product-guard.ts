/** Product writes: the list price is exact money. */
import { asValidation } from './errors';
import { checkMoneyFields } from './money-fields';
import { Guard, isWrite } from './types';

export const productGuard: Guard = async (_strapi, call, next) => {
  if (!isWrite(call.action)) return next();
  return asValidation(async () => {
    checkMoneyFields(call.params.data ?? {}, ['listPrice']);
    return next();
  }, 'sku');
};
