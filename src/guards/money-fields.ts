/** Checks the money attributes a client sends: decimals with at most two places, not negative. */
import { isMoneyProblem, parseMoney } from '../domain/money';
import { DomainValidationError, FieldProblem, fieldProblem } from '../domain/validation-error';

export const checkMoneyFields = (data: Record<string, unknown>, fields: string[]): void => {
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    if (data[field] === undefined || data[field] === null) continue;
    const amount = parseMoney(data[field]);
    if (isMoneyProblem(amount)) problems.push(fieldProblem([field], amount.code, amount.params));
    else if (amount.isNegative()) problems.push(fieldProblem([field], 'money.negative'));
  }
  if (problems.length > 0) throw new DomainValidationError(problems);
};
