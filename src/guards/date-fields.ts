/** Checks the business-date attributes a client sends: real calendar dates written YYYY-MM-DD. */
import { isCalendarDate } from '../domain/business-date';
import { DomainValidationError, FieldProblem } from '../domain/validation-error';

export const checkDateFields = (data: Record<string, unknown>, fields: string[]): void => {
  const problems: FieldProblem[] = fields
    .filter((field) => data[field] !== undefined && data[field] !== null && !isCalendarDate(data[field]))
    .map((field) => ({ path: [field], message: 'must be a calendar date written YYYY-MM-DD, e.g. 2026-12-31' }));
  if (problems.length > 0) throw new DomainValidationError(problems);
};
