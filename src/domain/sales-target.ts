/**
 * A sales target (销售目标) is set for exactly one subject — a salesperson or a region — and one
 * period: a year, a quarter of it or a month of it. `subjectPeriod` names both ("salesperson:12:2026",
 * "region:华东:2026-Q2", "salesperson:12:2026-03"); a unique index on it allows one target per
 * subject and period, even for two people saving at once.
 */
import { FieldProblem } from './validation-error';

export interface TargetShape {
  salespersonId: number | null;
  region: string | null;
  year: number | null;
  quarter: number | null;
  month: number | null;
}

export const targetProblems = (target: TargetShape): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const hasRegion = target.region !== null && target.region.trim() !== '';
  if (target.salespersonId === null && !hasRegion)
    problems.push({ path: ['salesperson'], message: 'a target is for a salesperson or a region' });
  if (target.salespersonId !== null && hasRegion)
    problems.push({ path: ['region'], message: 'a target is for a salesperson or a region, not both' });
  if (target.quarter !== null && target.month !== null)
    problems.push({ path: ['month'], message: 'a target is for a quarter or a month, not both' });
  if (target.year === null) problems.push({ path: ['year'], message: 'year is required' });
  return problems;
};

export const subjectPeriodOf = (target: TargetShape): string => {
  const subject = target.salespersonId !== null ? `salesperson:${target.salespersonId}` : `region:${target.region!.trim()}`;
  const period =
    target.quarter !== null
      ? `${target.year}-Q${target.quarter}`
      : target.month !== null
        ? `${target.year}-${String(target.month).padStart(2, '0')}`
        : `${target.year}`;
  return `${subject}:${period}`;
};
