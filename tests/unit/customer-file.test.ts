/** The customer file's pure rules: which sections a reader sees, the kinds of documents, shares and judgements. */
import { daysBetween, documentKinds, fileSections, justifiedOf, paginationOf, percentOf } from '../../src/domain/customer-file';

describe('customer file rules', () => {
  it('shows a section when any of the reader’s roles may read its records', () => {
    expect(fileSections({ roles: ['planner'], superAdmin: false })).toEqual([
      'header',
      'orders',
      'complaints',
      'contacts',
      'needs',
      'documents',
    ]);
    expect(fileSections({ roles: ['quality'], superAdmin: false })).toEqual([
      'header',
      'orders',
      'complaints',
      'contacts',
      'opinions',
      'documents',
    ]);
    // two roles: the union of what each may read
    expect(fileSections({ roles: ['planner', 'quality'], superAdmin: false })).toEqual([
      'header',
      'orders',
      'complaints',
      'contacts',
      'opinions',
      'needs',
      'documents',
    ]);
    expect(fileSections({ roles: [], superAdmin: false })).toEqual([]);
    expect(fileSections({ roles: [], superAdmin: true })).toEqual([
      'header',
      'orders',
      'money',
      'credit',
      'complaints',
      'contacts',
      'opinions',
      'needs',
      'documents',
    ]);
  });

  it('lists the documents of the readable kinds only', () => {
    expect(documentKinds({ roles: ['planner'], superAdmin: false })).toEqual(['contract', 'deliveryNote']);
    expect(documentKinds({ roles: ['sales-clerk'], superAdmin: false })).toEqual(['contract', 'deliveryNote', 'statement']);
  });

  it('computes shares, days, judgements and pages', () => {
    expect(percentOf(3, 7)).toBe(42.9);
    expect(percentOf('280.00', '400.00')).toBe(70);
    expect(percentOf(1, 0)).toBeNull();
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect([justifiedOf('justified'), justifiedOf('unjustified'), justifiedOf(null)]).toEqual([true, false, null]);
    expect(paginationOf({ page: 2, pageSize: 20 }, 41)).toEqual({ page: 2, pageSize: 20, total: 41, pageCount: 3 });
  });
});
