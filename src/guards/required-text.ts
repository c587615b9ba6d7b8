/**
 * Required text attributes written blank. Strapi's own check counts an empty or all-space string
 * as given, so a contact-log entry, an opinion or a need could be saved with nothing in it. Applied
 * by the gate (./index.ts) to every client write: a required string or text sent blank is a 400
 * naming the field.
 */
import type { Core } from '@strapi/strapi';
import { DomainValidationError, FieldProblem, fieldProblem } from '../domain/validation-error';
import { attributesOf } from './types';

const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email']);

export const checkRequiredText = (strapi: Core.Strapi, uid: string, data: Record<string, unknown>): void => {
  const problems: FieldProblem[] = Object.entries(attributesOf(strapi, uid))
    .filter(([field, attribute]) => {
      const value = data[field];
      return attribute.required && TEXT_TYPES.has(attribute.type) && typeof value === 'string' && value.trim() === '';
    })
    .map(([field]) => fieldProblem([field], 'field.blank'));
  if (problems.length > 0) throw new DomainValidationError(problems);
};
