/**
 * Turns domain validation problems and database unique-constraint violations into Strapi's
 * ValidationError, so every client gets a 400 with `details.errors` listing each field; and makes
 * the refusals (401, 403, 404, 409, 410) the app throws, each from a message of the catalogue.
 * Each carries a stable `details.code` (and each `details.errors[]` entry its own `code`); the
 * text is English here, and the reader's language at the edge (src/middlewares/reader-language.ts,
 * through `sayInLanguage`).
 */
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { ExtraWords, Language, englishText, messageText } from '../domain/message-text';
import { Message, message } from '../domain/messages';
import { DomainValidationError, FieldProblem, requiredField } from '../domain/validation-error';

/**
 * A refusal's text: always a message of the catalogue, so every refusal has its own code and a
 * Chinese text; the type checker refuses a bare English string.
 */
export type Said = Message;

/** The code of a validation error whose problems have different codes. */
export const GENERIC_CODES = { invalid: 'input.invalid' } as const;

const SAID = Symbol('said');
/** What an error says: its message, its problems (one per field), or both (a message above the problems). */
type Saying = { message?: Message; problems?: FieldProblem[] };
type Carrier = Error & { [SAID]?: Saying; details?: Record<string, unknown> };

const carrying = <E extends Error>(error: E, saying: Saying): E => Object.assign(error, { [SAID]: saying });

/** The one code of several problems when they share it, else the generic one. */
const codeOfProblems = (problems: FieldProblem[]) => {
  const codes = new Set(problems.map((p) => p.said.code));
  return codes.size === 1 ? [...codes][0] : GENERIC_CODES.invalid;
};

export const validationError = (problems: FieldProblem[]) =>
  carrying(
    new errors.ValidationError(problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '), {
      code: codeOfProblems(problems),
      errors: problems.map((p) => ({
        path: p.path.map(String),
        message: p.message,
        name: 'ValidationError',
        code: p.said.code,
      })),
    }),
    { problems }
  );

export const refuse = (path: (string | number)[], said: Said) => validationError([{ path, message: englishText(said), said }]);

/** 400 about the request as a whole (its body's shape, an action not offered), with its problems when it has some. */
export const invalidRequest = (said: Said, problems: FieldProblem[] = []) =>
  carrying(
    new errors.ValidationError(englishText(said), {
      code: said.code,
      ...(problems.length > 0
        ? { errors: problems.map((p) => ({ path: p.path.map(String), message: p.message, name: 'ValidationError', code: p.said.code })) }
        : {}),
    }),
    { message: said, problems }
  );

/** 400 "customer is required": a relation or value the record cannot be without. */
export const refuseMissing = (field: string) => validationError([requiredField(field)]);

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
    if (uniqueField && isUniqueViolation(error)) throw refuse([uniqueField], { code: 'field.taken', params: { field: uniqueField } });
    throw error;
  }
};

/** An HTTP error with its text in English and its code beside it; the edge may say it in another language. */
const refusal = (status: number, said: Said, details: Record<string, unknown>) =>
  carrying(createHttpError(status, englishText(said), { details: { code: said.code, ...details } }), { message: said });

/** 409 Conflict: the request is valid but the record's state (or version) does not allow it now. */
export const conflict = (said: Said, details: Record<string, unknown> = {}) => refusal(409, said, details);

/**
 * 403 with the reason kept. Strapi's route authorization turns any errors.ForbiddenError thrown
 * below it into a bare "Forbidden" (only its PolicyError subclass passes); an HTTP error passes
 * with its message and details, and still reads `name: "ForbiddenError"` to clients.
 */
export const forbidden = (said: Said, details: Record<string, unknown> = {}) => refusal(403, said, details);

/** 404 in Strapi's own shape, with a code. */
export const notFound = (said: Said, details: Record<string, unknown> = {}) =>
  carrying(new errors.NotFoundError(englishText(said), { code: said.code, ...details }), { message: said });

/** 401 in Strapi's own shape, with a code: the request needs a login. */
export const unauthorized = (said: Said) =>
  carrying(new errors.UnauthorizedError(englishText(said), { code: said.code }), { message: said });

/** 410 Gone: a link that was used or has expired. */
export const gone = (said: Said) => refusal(410, said, {});

/** 404 for a documentId that names no record of the type (`subject`: the record type, `product`). */
export const noSuchDocument = (subject: string) => notFound(message('record.not_found', { subject }));

/** Where a problem is, for a reader: its fields by name and its lines counted from 1. */
const placeText = (path: (string | number)[], language: Language, words: ExtraWords) =>
  path
    .map((part) =>
      typeof part === 'number' || /^\d+$/.test(String(part))
        ? language === 'en'
          ? String(part)
          : `第${Number(part) + 1}行`
        : language === 'en'
          ? String(part)
          : (words.field?.(String(part))?.zh ?? String(part))
    )
    .join(language === 'en' ? '.' : ' ');

/**
 * Says an error this module made in `language`, in place (message and each problem's message);
 * codes, status and name stay. English is what it already says; any other error is left alone.
 */
export const sayInLanguage = (error: unknown, language: Language, words: ExtraWords = {}): void => {
  if (language === 'en' || !(error instanceof Error)) return;
  const saying = (error as Carrier)[SAID];
  if (!saying) return;
  const problems = saying.problems ?? [];
  const texts = problems.map((p) => messageText(p.said, language, words));
  const entries = (error as Carrier).details?.errors as { message: string }[] | undefined;
  entries?.forEach((entry, index) => (entry.message = texts[index]));
  error.message = saying.message
    ? messageText(saying.message, language, words)
    : problems.map((p, index) => `${placeText(p.path, language, words)}：${texts[index]}`).join('；');
};
