/**
 * Turns domain validation problems and database unique-constraint violations into Strapi's
 * ValidationError, so every client gets a 400 with `details.errors` listing each field.
 */
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { DomainValidationError, FieldProblem } from '../domain/validation-error';

export const validationError = (problems: FieldProblem[]) =>
  new errors.ValidationError(problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '), {
    errors: problems.map((p) => ({ path: p.path.map(String), message: p.message, name: 'ValidationError' })),
  });

export const refuse = (path: (string | number)[], message: string) => validationError([{ path, message }]);

export const isUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: string })?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

/** A unique index the app creates itself (src/workflow-engine/workflow-indexes.ts), named so a violation can be told apart. */
export interface UniqueIndex {
  name: string;
  table: string;
  columns: string[];
}

/**
 * Whether a unique violation is of this index: PostgreSQL names the index (`constraint`); SQLite
 * names the columns ("UNIQUE constraint failed: table.a, table.b").
 */
export const violatesIndex = (error: unknown, index: UniqueIndex): boolean => {
  if (!isUniqueViolation(error)) return false;
  const { constraint, message } = error as { constraint?: string; message?: string };
  if (constraint) return constraint === index.name;
  const failed = /UNIQUE constraint failed: (.*)$/m.exec(message ?? '')?.[1];
  return failed === index.columns.map((column) => `${index.table}.${column}`).join(', ');
};

/** Runs a write, reporting domain problems and duplicate keys as 400s instead of 500s. */
export const asValidation = async <T>(write: () => Promise<T>, uniqueField?: string): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (error instanceof DomainValidationError) throw validationError(error.problems);
    if (uniqueField && isUniqueViolation(error)) throw refuse([uniqueField], `this ${uniqueField} is already taken`);
    throw error;
  }
};

/** 409 Conflict: the request is valid but the record's state (or version) does not allow it now. */
export const conflict = (message: string, details: Record<string, unknown> = {}) => createHttpError(409, message, { details });

/**
 * 403 with the reason kept. Strapi's route authorization turns any errors.ForbiddenError thrown
 * below it into a bare "Forbidden" (only its PolicyError subclass passes); an HTTP error passes
 * with its message and details, and still reads `name: "ForbiddenError"` to clients.
 */
export const forbidden = (message: string, details: Record<string, unknown> = {}) => createHttpError(403, message, { details });
