/** Checks the money attributes a client sends: decimals with at most two places, not negative. */
import { parseMoney } from '../domain/money';
import { DomainValidationError, FieldProblem } from '../domain/validation-error';

export const checkMoneyFields = (data: Record<string, unknown>, fields: string[]): void => {
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    if (data[field] === undefined || data[field] === null) continue;
    const amount = parseMoney(data[field]);
    if (typeof amount === 'string') problems.push({ path: [field], message: amount });
    else if (amount.isNegative()) problems.push({ path: [field], message: 'must not be negative' });
  }
  if (problems.length > 0) throw new DomainValidationError(problems);
};
