/**
 * The one error pure domain code throws for bad input. Strapi glue turns it into Strapi's
 * ValidationError, so clients get a 400 with the same `details.errors` shape as schema checks.
 */
import { englishText } from './message-text';
import { Message, MessageCode, MessageParam, message } from './messages';

export interface FieldProblem {
  path: (string | number)[];
  /** The English text (what the API has always said). */
  message: string;
  /** What was said, as a message of the catalogue: its code, and its text in the reader's language. */
  said: Message;
}

/** A problem with a field, said with a message of the catalogue. */
export const fieldProblem = (path: (string | number)[], code: MessageCode, params?: Record<string, MessageParam>): FieldProblem => {
  const said = message(code, params);
  return { path, message: englishText(said), said };
};

/** A problem with a field, said with a message already made (a domain function's own problems). */
export const problemAt = (path: (string | number)[], said: Message): FieldProblem => ({ path, message: englishText(said), said });

/** "customer is required": a relation or value the record cannot be without. */
export const requiredField = (field: string, path: (string | number)[] = [field]): FieldProblem =>
  fieldProblem(path, 'field.required', { field });

export class DomainValidationError extends Error {
  readonly problems: FieldProblem[];

  constructor(problems: FieldProblem[]) {
    super(problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '));
    this.name = 'DomainValidationError';
    this.problems = problems;
  }
}
