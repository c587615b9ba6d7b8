/**
 * The dashboard's periods: the bounds of a period, which periods the figures cover only in part (the
 * running one would otherwise plot as a collapse), and "the same days of last month" the month
 * widget compares with, at the ends of months of different lengths.
 */
import { defaultRange, isPartialPeriod, periodBounds, sameDaysLastMonth } from '../../src/domain/sales-periods';

describe('sales periods', () => {
  it('gives the first and last day of a day, month, quarter and year', () => {
    expect(periodBounds('2026-03-05', 'day')).toEqual(['2026-03-05', '2026-03-05']);
    expect(periodBounds('2028-02', 'month')).toEqual(['2028-02-01', '2028-02-29']);
    expect(periodBounds('2026-Q1', 'quarter')).toEqual(['2026-01-01', '2026-03-31']);
    expect(periodBounds('2026-Q4', 'quarter')).toEqual(['2026-10-01', '2026-12-31']);
    expect(periodBounds('2026', 'year')).toEqual(['2026-01-01', '2026-12-31']);
  });

  it('marks the running period and periods cut by the range as partial, and no other', () => {
    const range = defaultRange('2026-12-05');
    expect(range).toEqual({ from: '2025-12-01', to: '2026-12-31' });
    expect(isPartialPeriod('2026-12', 'month', range, '2026-12-05')).toBe(true);
    expect(isPartialPeriod('2026-11', 'month', range, '2026-12-05')).toBe(false);
    expect(isPartialPeriod('2026-12', 'month', range, '2026-12-31')).toBe(false);
    expect(isPartialPeriod('2026-Q1', 'quarter', { from: '2026-02-01', to: '2026-12-31' }, '2027-01-01')).toBe(true);
    expect(isPartialPeriod('2026-Q4', 'quarter', { from: '2026-01-01', to: '2026-11-30' }, '2027-01-01')).toBe(true);
    expect(isPartialPeriod('2026-12-05', 'day', range, '2026-12-05')).toBe(false);
  });

  it('compares a day of this month with the same days of last month, cut at its end', () => {
    expect(sameDaysLastMonth('2026-12-05')).toEqual({ from: '2026-11-01', to: '2026-11-05' });
    expect(sameDaysLastMonth('2026-12-31')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(sameDaysLastMonth('2026-03-30')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(sameDaysLastMonth('2028-03-29')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(sameDaysLastMonth('2027-01-01')).toEqual({ from: '2026-12-01', to: '2026-12-01' });
  });
});
