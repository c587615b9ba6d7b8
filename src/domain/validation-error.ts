/**
 * The one error pure domain code throws for bad input. Strapi glue turns it into Strapi's
 * ValidationError, so clients get a 400 with the same `details.errors` shape as schema checks.
 */
export interface FieldProblem {
  path: (string | number)[];
  message: string;
}

export class DomainValidationError extends Error {
  readonly problems: FieldProblem[];

  constructor(problems: FieldProblem[]) {
    super(problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '));
    this.name = 'DomainValidationError';
    this.problems = problems;
  }
}
