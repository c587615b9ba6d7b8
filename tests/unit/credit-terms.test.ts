import { englishText, messageText } from '../../src/domain/message-text';
import {
  creditTermsChange,
  creditTermsOf,
  creditTermsProblems,
  DEFAULT_CREDIT_TERMS,
  describeTermsChange,
  refuseTermsChange,
} from '../../src/domain/credit-terms';

const stored = creditTermsOf({ creditLimit: 1000, paymentTermsDays: 30 });

describe('credit terms', () => {
  it('tells a changed value from one sent again in another form', () => {
    expect(creditTermsChange(stored, { creditLimit: '1000', paymentTermsDays: '30' }).fields).toEqual([]);
    expect(creditTermsChange(stored, { creditLimit: 1000.0, notes: 'x' }).fields).toEqual([]);
    expect(creditTermsChange(stored, { creditLimit: '0' })).toEqual({
      before: { creditLimit: '1000.00', paymentTermsDays: 30 },
      after: { creditLimit: '0.00', paymentTermsDays: 30 },
      fields: ['creditLimit'],
    });
    expect(creditTermsChange(DEFAULT_CREDIT_TERMS, { paymentTermsDays: 60 }).fields).toEqual(['paymentTermsDays']);
  });

  it('lets only the sales manager and the marketing VP change terms, with a reason; the server always', () => {
    const change = creditTermsChange(stored, { creditLimit: '999999999.00' });
    for (const role of ['cs-specialist', 'cs-supervisor', 'sales-clerk', 'salesperson'] as const) {
      expect(refuseTermsChange(change, { roles: [role], system: false }, 'because')).toMatchObject({ status: 403, path: ['creditLimit'] });
    }
    expect(refuseTermsChange(change, { roles: ['sales-manager'], system: false }, '  ')).toMatchObject({
      status: 400,
      path: ['creditTermsReason'],
    });
    expect(refuseTermsChange(change, { roles: ['marketing-vp'], system: false }, 'x'.repeat(1001))).toMatchObject({ status: 400 });
    expect(refuseTermsChange(change, { roles: ['marketing-vp'], system: false }, '年度授信')).toBeNull();
    expect(refuseTermsChange(change, { roles: [], system: true }, undefined)).toBeNull();
    expect(
      refuseTermsChange(creditTermsChange(stored, { creditLimit: '1000.00' }), { roles: ['sales-clerk'], system: false }, undefined)
    ).toBeNull();
  });

  it('names a bad number of days or an empty limit', () => {
    expect(creditTermsProblems({ paymentTermsDays: 400 }).map((p) => p.path)).toEqual([['paymentTermsDays']]);
    expect(creditTermsProblems({ paymentTermsDays: 1.5, creditLimit: null }).map((p) => p.path)).toEqual([
      ['paymentTermsDays'],
      ['creditLimit'],
    ]);
    expect(creditTermsProblems({ paymentTermsDays: 0, creditLimit: '0' })).toEqual([]);
  });

  it('reads in the credit record with grouped money and "no limit" for 0, in either language', () => {
    const change = describeTermsChange(creditTermsChange(stored, { creditLimit: '0', paymentTermsDays: 45 }), '年度授信');
    expect(englishText(change)).toBe('credit limit 1,000.00 → 0.00 (no limit); payment days 30 → 45: 年度授信');
    expect(messageText(change, 'zh-Hans')).toBe('信用额度 1,000.00 → 0.00（不设额度）；账期 30 天 → 45 天：年度授信');
  });
});
