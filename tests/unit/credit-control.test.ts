import { englishText, messageText } from '../../src/domain/message-text';
/** The credit rule and the dunning levels, without Strapi. */
import { creditPolicy, decideCredit, holdReason } from '../../src/domain/credit-control';
import { groupedMoney } from '../../src/domain/money';
import { dunningLevel, dunningLevels, isoWeek, isoWeekday } from '../../src/domain/dunning';
import { renderMail } from '../../src/domain/notification-templates';

const policy = creditPolicy({ overdueDays: 60 });
const position = (openBalance: string, creditLimit: string, oldest: { daysPastDue: number; document: string } | null = null) => ({
  openBalance,
  creditLimit,
  currency: 'CNY',
  oldestOpenItem: oldest,
});

describe('credit control', () => {
  it('holds a customer whose open balance exceeds its credit limit, not one exactly at it', () => {
    const over = decideCredit(position('120000.00', '100000.00'), policy);
    expect(over.hold).toBe(true);
    expect(over.reasons.map(englishText)).toEqual(['open balance 120,000.00 CNY exceeds the credit limit 100,000.00']);
    expect(over.reasons.map((reason) => reason.code)).toEqual(['credit.over_limit']);
    expect(decideCredit(position('100000.00', '100000.00'), policy)).toEqual({ hold: false, reasons: [] });
    expect(decideCredit(position('100000.01', '100000.00'), policy).hold).toBe(true);
  });

  it('holds for an item more than N days overdue, not one exactly N days overdue', () => {
    expect(decideCredit(position('10.00', '100000.00', { daysPastDue: 60, document: 'SO-2026-000001' }), policy).hold).toBe(false);
    const late = decideCredit(position('10.00', '100000.00', { daysPastDue: 75, document: 'SO-2026-000001' }), policy);
    expect(late.hold).toBe(true);
    expect(late.reasons.map(englishText)).toEqual(['SO-2026-000001 receivable 75 days overdue (more than 60)']);
    expect(late.reasons.map((reason) => reason.code)).toEqual(['credit.overdue']);
  });

  it('gives both reasons when both are true, in one line', () => {
    const decision = decideCredit(position('1234567.50', '1000000.00', { daysPastDue: 90, document: 'SO-2026-000007' }), policy);
    expect(englishText(holdReason(decision))).toBe(
      'automatic credit hold: open balance 1,234,567.50 CNY exceeds the credit limit 1,000,000.00; SO-2026-000007 receivable 90 days overdue (more than 60)'
    );
    expect(messageText(holdReason(decision), 'zh-Hans')).toBe(
      '自动信用冻结：未结余额 CNY 1,234,567.50 超过信用额度 CNY 1,000,000.00；SO-2026-000007 的应收款已逾期 90 天（超过 60 天）'
    );
  });

  it('reads a credit limit of 0 as no limit set: only the overdue rule applies', () => {
    expect(decideCredit(position('5000000.00', '0.00'), policy).hold).toBe(false);
    expect(decideCredit(position('5000000.00', '0.00', { daysPastDue: 61, document: 'SO-1' }), policy).hold).toBe(true);
  });

  it('counts a credit balance (money received, not yet allocated) as owing nothing', () => {
    expect(decideCredit(position('-500.00', '100.00'), policy).hold).toBe(false);
  });

  it('takes the policy from configuration and refuses nonsense', () => {
    expect(creditPolicy(undefined)).toEqual({ overdueDays: 60 });
    expect(creditPolicy({ overdueDays: '30' })).toEqual({ overdueDays: 30 });
    expect(() => creditPolicy({ overdueDays: -1 })).toThrow(/CREDIT_HOLD_OVERDUE_DAYS/);
    expect(() => creditPolicy({ overdueDays: 'x' })).toThrow(/CREDIT_HOLD_OVERDUE_DAYS/);
  });

  it('groups thousands in amounts', () => {
    expect(groupedMoney('0')).toBe('0.00');
    expect(groupedMoney('999.5')).toBe('999.50');
    expect(groupedMoney('-1234567.89')).toBe('-1,234,567.89');
  });
});

describe('dunning levels', () => {
  it('reaches level n on the day the item is levels[n-1] days past due, and only the highest', () => {
    const levels = dunningLevels(undefined);
    expect(levels).toEqual([7, 30, 60]);
    expect([0, 6, 7, 29, 30, 59, 60, 365].map((days) => dunningLevel(days, levels))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('refuses levels that are not increasing whole days', () => {
    expect(dunningLevels(['10', '20'])).toEqual([10, 20]);
    expect(() => dunningLevels([])).toThrow(/at least one/);
    expect(() => dunningLevels(['30', '7'])).toThrow(/increasing/);
    expect(() => dunningLevels(['0'])).toThrow(/increasing/);
  });

  it('names the ISO week and weekday of a day', () => {
    expect(isoWeek('2026-11-27')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });
});

describe('dunning texts', () => {
  const data = {
    level: 2,
    levels: 3,
    daysPastDue: 30,
    receivable: {
      order: 'SO-2026-000001',
      shipment: 'CK-1',
      invoiceDate: '2026-10-01',
      dueDate: '2026-10-28',
      amount: '1,000.00',
      openAmount: '400.00',
      currency: 'CNY',
      amountText: 'CNY 1,000.00',
      openAmountText: 'CNY 400.00',
    },
    customer: { code: 'C-000001', name: 'Acme <Pumps>' },
  };

  it('renders the customer reminder in its language, escaping HTML', () => {
    const mail = renderMail('collection.dunning-customer', 'en', data);
    expect(mail.subject).toBe('Payment reminder: order SO-2026-000001 is overdue');
    expect(mail.text).toContain(
      'The payment of CNY 400.00 for order SO-2026-000001 (shipment CK-1) was due on 2026-10-28 and is now 30 days overdue.'
    );
    expect(mail.html).toContain('Acme &lt;Pumps&gt;');
    expect(renderMail('collection.dunning-customer', 'zh-CN', data).subject).toBe('付款提醒：订单 SO-2026-000001 货款已逾期');
  });

  it('takes configured texts over the built-in ones, part by part', () => {
    const overrides = { 'collection.dunning-customer': { en: { subject: 'Friendly reminder: {{receivable.order}}' } } };
    const mail = renderMail('collection.dunning-customer', 'en', data, overrides);
    expect(mail.subject).toBe('Friendly reminder: SO-2026-000001');
    expect(mail.text).toContain('now 30 days overdue');
    expect(renderMail('collection.dunning-customer', 'zh-CN', data, overrides).subject).toBe('付款提醒：订单 SO-2026-000001 货款已逾期');
  });
});
