/** Reading one filter of a query string, for the report endpoints (ledger, statistics). */
import { FieldProblem } from '../domain/validation-error';

/**
 * The trimmed value of `name`, or undefined when absent. qs turns `customer[$ne]=x` or a repeated
 * parameter into objects and arrays: not a filter we offer, so that is a problem named `name`.
 */
export const plainParameter = (query: Record<string, unknown>, name: string, problems: FieldProblem[]): string | undefined => {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push({ path: [name], message: 'must be given once, as a plain value' });
    return undefined;
  }
  return value.trim();
};
