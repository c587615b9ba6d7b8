import { formatMoney, parseMoney, sumMoney, Decimal } from '../../src/domain/money';
import { englishText } from '../../src/domain/message-text';
import { Message } from '../../src/domain/messages';

describe('money', () => {
  it('accepts numbers and numeric strings with up to two places', () => {
    expect(formatMoney(parseMoney('1234.5') as Decimal)).toBe('1234.50');
    expect(formatMoney(parseMoney(0.1) as Decimal)).toBe('0.10');
    expect(formatMoney(parseMoney(' 7 ') as Decimal)).toBe('7.00');
    expect(formatMoney(parseMoney('-3.25') as Decimal)).toBe('-3.25');
  });

  it('refuses more than two places instead of rounding', () => {
    expect(parseMoney('12.345')).toEqual({ code: 'money.places' });
    expect(englishText(parseMoney(0.125) as Message)).toBe('must have at most two decimal places');
  });

  it('refuses what is not a plain decimal', () => {
    for (const bad of ['abc', '1,50', '1e3', '', '12.', '.5', null, undefined, true, {}, [], NaN, Infinity]) {
      expect(parseMoney(bad)).toEqual({ code: expect.stringMatching(/^money\.not_(decimal|finite)$/) });
    }
  });

  it('refuses amounts beyond the money column', () => {
    expect(englishText(parseMoney('1000000000000.00') as Message)).toBe('must not exceed 999999999999.99');
    expect(parseMoney('999999999999.99')).toBeInstanceOf(Decimal);
  });

  it('sums exactly where floats would drift', () => {
    const amounts = Array.from({ length: 10 }, () => parseMoney('0.1') as Decimal);
    expect(formatMoney(sumMoney(amounts))).toBe('1.00');
  });
});
