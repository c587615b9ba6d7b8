/** Checks the business-date attributes a client sends: real calendar dates written YYYY-MM-DD. */
import type { Core } from '@strapi/strapi';
import { isCalendarDate } from '../domain/business-date';
import { DomainValidationError, FieldProblem, fieldProblem } from '../domain/validation-error';
import { attributesOf } from './types';

export const checkDateFields = (data: Record<string, unknown>, fields: string[]): void => {
  const problems: FieldProblem[] = fields
    .filter((field) => data[field] !== undefined && data[field] !== null && !isCalendarDate(data[field]))
    .map((field) => fieldProblem([field], 'date.invalid'));
  if (problems.length > 0) throw new DomainValidationError(problems);
};

const isInstant = (value: unknown): boolean =>
  value instanceof Date
    ? !Number.isNaN(value.valueOf())
    : typeof value === 'number'
      ? Number.isFinite(value)
      : typeof value === 'string' && !Number.isNaN(Date.parse(value));

/**
 * Every date and date-time attribute of a record type, checked before any guard: Strapi's own
 * parser answers a bad one with a 400 that names no field ("Invalid format, expected a timestamp or
 * an ISO date"). Applied by the gate (./index.ts) to every client write.
 */
export const checkTemporalAttributes = (strapi: Core.Strapi, uid: string, data: Record<string, unknown>): void => {
  const problems: FieldProblem[] = [];
  for (const [field, attribute] of Object.entries(attributesOf(strapi, uid))) {
    const value = data[field];
    if (value === undefined || value === null || value === '') continue;
    if (attribute.type === 'date' && !isCalendarDate(value)) problems.push(fieldProblem([field], 'date.invalid'));
    if (attribute.type === 'datetime' && !isInstant(value)) problems.push(fieldProblem([field], 'datetime.invalid'));
  }
  if (problems.length > 0) throw new DomainValidationError(problems);
};
