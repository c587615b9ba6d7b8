import { agingBuckets, DEFAULT_AGING_BOUNDS } from '../../src/domain/aging';
import { isCalendarDate } from '../../src/domain/business-date';
import {
  agingOfItems,
  closingFrom,
  periodProblems,
  periodTotals,
  reconciliationProblems,
  StatementEntry,
  statementLines,
} from '../../src/domain/statement';
import { englishText, messageText } from '../../src/domain/message-text';

const entries: StatementEntry[] = [
  { date: '2026-03-05', kind: 'payment', reference: 'SK-2026-000002', amount: '300.10' },
  { date: '2026-03-01', kind: 'shipment', reference: 'CK-2026-000001', amount: '1000.00', dueDate: '2026-03-31' },
  { date: '2026-03-05', kind: 'shipment', reference: 'CK-2026-000003', amount: '0.20' },
  { date: '2026-03-09', kind: 'reversal', reference: 'SK-2026-000002', amount: '300.10' },
  { date: '2026-03-10', kind: 'cancellation', reference: 'CK-2026-000001', amount: '1000.00' },
];

describe('statement arithmetic', () => {
  it('orders the entries by date (shipments first on a day) with an exact running balance', () => {
    const lines = statementLines('100.10', entries);
    expect(lines.map((l) => [l.date, l.kind, l.debit, l.credit, l.balance])).toEqual([
      ['2026-03-01', 'shipment', '1000.00', null, '1100.10'],
      ['2026-03-05', 'shipment', '0.20', null, '1100.30'],
      ['2026-03-05', 'payment', null, '300.10', '800.20'],
      ['2026-03-09', 'reversal', '300.10', null, '1100.30'],
      ['2026-03-10', 'cancellation', null, '1000.00', '100.30'],
    ]);
    expect(() => statementLines('0', [{ date: '2026-01-01', kind: 'payment', reference: 'x', amount: '-1' }])).toThrow('negative');
  });

  it('totals the period: shipped net of cancellations, received, reversed; closing rolls forward', () => {
    const totals = periodTotals(entries);
    expect(totals).toEqual({ shipped: '0.20', received: '300.10', reversed: '300.10' });
    expect(closingFrom('100.10', totals)).toBe('100.30');
    expect(closingFrom('100.10', totals)).toBe(statementLines('100.10', entries).at(-1)!.balance);
    // 0.1 + 0.2 stays 0.30: decimals, not floats.
    expect(
      periodTotals([
        { date: 'd', kind: 'shipment', reference: 'a', amount: '0.1' },
        { date: 'd', kind: 'shipment', reference: 'b', amount: '0.2' },
      ]).shipped
    ).toBe('0.30');
  });

  it('names each reconciliation that fails, and none when both hold', () => {
    const figures = {
      openingBalance: '100.00',
      shipped: '50.00',
      received: '30.00',
      reversed: '10.00',
      closingBalance: '130.00',
      unallocated: '20.00',
      openItemsTotal: '150.00',
    };
    expect(reconciliationProblems(figures)).toEqual([]);
    expect(reconciliationProblems({ ...figures, closingBalance: '130.01' })).toHaveLength(2);
    expect(reconciliationProblems({ ...figures, unallocated: '0.00' }).map(englishText)).toEqual([
      'open items 150.00 − unallocated 0.00 = 150.00, not the closing balance 130.00',
    ]);
    expect(englishText(reconciliationProblems({ ...figures, reversed: '0.00' })[0])).toContain('= 120.00, not the closing balance 130.00');
    expect(messageText(reconciliationProblems({ ...figures, unallocated: '0.00' })[0], 'zh-Hans')).toBe(
      '未清项 150.00 − 未核销 0.00 = 150.00，与期末余额 130.00 不符'
    );
  });

  it('sums open items per aging bucket, every bucket present', () => {
    const buckets = agingBuckets(DEFAULT_AGING_BOUNDS);
    const item = { invoiceDate: '2026-01-01', dueDate: '2026-01-31', amount: '100.00', daysPastDue: 0 };
    const aging = agingOfItems(
      [
        { ...item, reference: 'a', openAmount: '10.05', bucket: 'not_due' },
        { ...item, reference: 'b', openAmount: '20.10', bucket: 'd31_60' },
        { ...item, reference: 'c', openAmount: '0.05', bucket: 'd31_60' },
      ],
      buckets
    );
    expect(aging.buckets.map((b) => [b.key, b.amount])).toEqual([
      ['not_due', '10.05'],
      ['d1_30', '0.00'],
      ['d31_60', '20.15'],
      ['d61_90', '0.00'],
      ['d91_180', '0.00'],
      ['d180_plus', '0.00'],
    ]);
    expect(aging.total).toBe('30.20');
    expect(() => agingOfItems([{ ...item, reference: 'x', openAmount: '1', bucket: 'nope' }], buckets)).toThrow('unknown bucket');
  });

  it('accepts a past period and refuses a reversed, a future or a malformed one', () => {
    expect(periodProblems('2026-03-01', '2026-03-31', '2026-04-01', isCalendarDate)).toEqual([]);
    expect(periodProblems('2026-03-31', '2026-03-31', '2026-03-31', isCalendarDate)).toEqual([]);
    expect(periodProblems('2026-04-01', '2026-03-31', '2026-04-05', isCalendarDate).map((p) => p.path[0])).toEqual(['periodFrom']);
    expect(periodProblems('2026-03-01', '2026-04-02', '2026-04-01', isCalendarDate).map((p) => p.path[0])).toEqual(['periodTo']);
    expect(periodProblems('2026-02-30', undefined, '2026-04-01', isCalendarDate).map((p) => p.path[0])).toEqual(['periodFrom', 'periodTo']);
  });
});
