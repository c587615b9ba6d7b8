/**
 * A sales target (销售目标) is set for exactly one subject — a salesperson or a region — and one
 * period: a year, a quarter of it or a month of it. `subjectPeriod` names both ("salesperson:12:2026",
 * "region:华东:2026-Q2", "salesperson:12:2026-03"); a unique index on it allows one target per
 * subject and period, even for two people saving at once.
 */
import { FieldProblem, fieldProblem, requiredField } from './validation-error';
import { Worded } from './messages';

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
  if (target.salespersonId === null && !hasRegion) problems.push(fieldProblem(['salesperson'], 'sales_target.whose'));
  if (target.salespersonId !== null && hasRegion) problems.push(fieldProblem(['region'], 'sales_target.not_both_whose'));
  if (target.quarter !== null && target.month !== null) problems.push(fieldProblem(['month'], 'sales_target.not_both_period'));
  if (target.year === null) problems.push(requiredField('year'));
  return problems;
};

/** The target's subject and period as staff read them: the key in English (as the API has always said), words in Chinese. */
export const subjectPeriodWords = (target: TargetShape): Worded => {
  const subject = target.salespersonId !== null ? `业务员 ${target.salespersonId}` : `区域“${target.region!.trim()}”`;
  const period =
    target.quarter !== null
      ? `${target.year}年第${target.quarter}季度`
      : target.month !== null
        ? `${target.year}年${target.month}月`
        : `${target.year}年`;
  return { en: subjectPeriodOf(target), zh: `${subject} ${period}` };
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
