import { formatNumber, SERIES, seriesKey } from '../../src/domain/document-number';
import { addDays, dateIn, isCalendarDate, yearIn } from '../../src/domain/business-date';
import { referencedDocumentIds } from '../../src/guards/relation-input';

describe('record numbers', () => {
  it('formats order numbers per year and customer codes in one series', () => {
    expect(formatNumber(SERIES.order, 2026, 123)).toBe('SO-2026-000123');
    expect(seriesKey(SERIES.order, 2026)).toBe('SO-2026');
    expect(formatNumber(SERIES.customer, 2026, 7)).toBe('C-000007');
    expect(seriesKey(SERIES.customer, 2026)).toBe('C');
  });

  it('refuses a sequence value that is not a positive whole number', () => {
    expect(() => formatNumber(SERIES.order, 2026, 0)).toThrow();
    expect(() => formatNumber(SERIES.order, 2026, 1.5)).toThrow();
  });
});

describe('business dates', () => {
  it('takes the calendar date in the report time zone, not the server zone', () => {
    const lateEveningUtc = new Date('2026-12-31T17:30:00Z'); // already 01:30 on 1 January in Shanghai
    expect(dateIn('Asia/Shanghai', lateEveningUtc)).toBe('2027-01-01');
    expect(yearIn('Asia/Shanghai', lateEveningUtc)).toBe(2027);
    expect(dateIn('UTC', lateEveningUtc)).toBe('2026-12-31');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('calendar dates', () => {
  it('accepts real dates written YYYY-MM-DD only', () => {
    for (const good of ['2026-12-31', '2024-02-29']) expect([good, isCalendarDate(good)]).toEqual([good, true]);
    for (const bad of ['2026-13-45', '2026-02-30', '2025-02-29', 'garbage', '2026-1-5', '2026/01/05', '', null, 20260105]) {
      expect([bad, isCalendarDate(bad)]).toEqual([bad, false]);
    }
  });
});

describe('relation input', () => {
  it('finds the documentIds named in each format Strapi accepts', () => {
    expect(referencedDocumentIds('a')).toEqual(['a']);
    expect(referencedDocumentIds({ documentId: 'b' })).toEqual(['b']);
    expect(referencedDocumentIds(['c', { documentId: 'd' }])).toEqual(['c', 'd']);
    expect(referencedDocumentIds({ connect: [{ documentId: 'e' }], set: ['f'] })).toEqual(['e', 'f']);
    expect(referencedDocumentIds({ connect: [{ id: 3 }] })).toEqual([]);
    expect(referencedDocumentIds(null)).toEqual([]);
  });
});
