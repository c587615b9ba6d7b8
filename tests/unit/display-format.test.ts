import { dateText, dateTimeText, isoDateLocale, moneyText } from '../../src/domain/display-format';

describe('display formats', () => {
  it('shows money one way: currency code, grouped, two places', () => {
    expect(moneyText('1190951.08', 'CNY')).toBe('CNY 1,190,951.08');
    expect(moneyText(25120.8, 'USD')).toBe('USD 25,120.80');
    expect(moneyText('0', 'CNY')).toBe('CNY 0.00');
    expect(moneyText('-3.5', 'CNY')).toBe('CNY -3.50');
    expect(moneyText('30096')).toBe('30,096.00');
    expect(moneyText(null, 'CNY')).toBe('—');
  });

  it('shows dates as YYYY-MM-DD and instants on the company clock', () => {
    expect(dateText('2027-02-03')).toBe('2027-02-03');
    expect(dateText('2027-02-03T16:30:00.000Z')).toBe('2027-02-03');
    expect(dateText(null)).toBe('—');
    expect(dateTimeText('2027-02-03T16:30:00.000Z', 'Asia/Shanghai')).toBe('2027-02-04 00:30');
    expect(dateTimeText(undefined, 'Asia/Shanghai')).toBe('—');
  });

  it("gives date pickers a locale that writes 2027-02-03 in either language, with the language's day names", () => {
    const day = new Date(2027, 1, 3);
    for (const locale of ['en', 'zh-Hans']) {
      const format = new Intl.DateTimeFormat(isoDateLocale(locale), { year: 'numeric', month: '2-digit', day: '2-digit' });
      expect(format.format(day)).toBe('2027-02-03');
    }
    expect(new Intl.DateTimeFormat(isoDateLocale('zh-Hans'), { weekday: 'short' }).format(day)).toBe('周三');
    expect(new Intl.DateTimeFormat(isoDateLocale('en'), { weekday: 'short' }).format(day)).toBe('Wed');
  });
});
