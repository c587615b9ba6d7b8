import { MAX_LINE_QUANTITY, priceOrderLines } from '../../src/domain/order-pricing';
import { DomainValidationError } from '../../src/domain/validation-error';

const problemsOf = (lines: object[]) => {
  try {
    priceOrderLines(lines);
  } catch (error) {
    if (error instanceof DomainValidationError) return error.problems;
    throw error;
  }
  return [];
};

describe('order pricing', () => {
  it('computes line amounts and the total exactly', () => {
    const priced = priceOrderLines([
      { quantity: 3, unitPrice: '10.10' },
      { quantity: 7, unitPrice: 0.1 },
      { quantity: '2', unitPrice: '0.35' },
    ]);
    expect(priced.lines.map((l) => l.lineAmount)).toEqual(['30.30', '0.70', '0.70']);
    expect(priced.total).toBe('31.70');
  });

  it('prices an order without lines at zero', () => {
    expect(priceOrderLines([]).total).toBe('0.00');
  });

  it('names every bad line and field', () => {
    const problems = problemsOf([
      { quantity: -1, unitPrice: '1' },
      { quantity: 0, unitPrice: '1' },
      { quantity: 1.5, unitPrice: '1' },
      { quantity: 1, unitPrice: '-1' },
      { quantity: 1, unitPrice: '1.001' },
      { quantity: MAX_LINE_QUANTITY + 1, unitPrice: '1' },
      { unitPrice: '1' },
      { quantity: 1 },
    ]);
    expect(problems.map((p) => p.path.join('.'))).toEqual([
      'lines.0.quantity',
      'lines.1.quantity',
      'lines.2.quantity',
      'lines.3.unitPrice',
      'lines.4.unitPrice',
      'lines.5.quantity',
      'lines.6.quantity',
      'lines.7.unitPrice',
    ]);
    expect(problems[3].message).toBe('unit price must not be negative');
    expect(problems[4].message).toBe('unit price must have at most two decimal places');
  });
});
