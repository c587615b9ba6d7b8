/**
 * Sales targets: amounts exact and not negative; after the write (relations resolved whichever
 * way the client sent them) exactly one subject, at most one of quarter and month, and one target
 * per subject and period (the server-owned `subjectPeriod`, unique in the database). One
 * transaction: a refused write leaves nothing behind.
 */
import { DomainValidationError } from '../domain/validation-error';
import { subjectPeriodOf, subjectPeriodWords, targetProblems } from '../domain/sales-target';
import { asValidation, isUniqueViolation, refuse } from '../platform/errors';
import { checkMoneyFields } from './money-fields';
import { Guard, isWrite } from './types';
import { SALES_TARGET as TARGET } from '../platform/uids';
import { message } from '../domain/messages';

export const salesTargetGuard: Guard = async (strapi, call, next) => {
  if (!isWrite(call.action)) return next();
  const data: Record<string, unknown> = { ...(call.params.data ?? {}) };
  call.params.data = data;
  return asValidation(() =>
    strapi.db.transaction(async () => {
      checkMoneyFields(data, ['amount']);
      const written = (await next()) as { documentId: string } | null;
      if (!written) return written;
      const row = await strapi.db
        .query(TARGET)
        .findOne({ where: { documentId: written.documentId }, populate: { salesperson: { select: ['id'] } } });
      const shape = {
        salespersonId: row.salesperson?.id ?? null,
        region: row.region ?? null,
        year: row.year ?? null,
        quarter: row.quarter ?? null,
        month: row.month ?? null,
      };
      const problems = targetProblems(shape);
      if (problems.length > 0) throw new DomainValidationError(problems);
      const subjectPeriod = subjectPeriodOf(shape);
      if (row.subjectPeriod !== subjectPeriod) {
        try {
          await strapi.db.query(TARGET).update({ where: { id: row.id }, data: { subjectPeriod } });
        } catch (error) {
          if (isUniqueViolation(error)) throw refuse(['year'], message('sales_target.duplicate', { period: subjectPeriodWords(shape) }));
          throw error;
        }
      }
      return { ...written, subjectPeriod };
    })
  );
};
