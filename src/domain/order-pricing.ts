/**
 * Prices an order from its lines: each line amount is quantity × unit price, the total is the sum
 * of the line amounts. Whatever amounts or total a client sends are ignored. Quantities are whole
 * units (the product's unit: pcs, set, carton, ...).
 */
import { Decimal, formatMoney, isMoneyProblem, parseMoney, sumMoney } from './money';
import { DomainValidationError, FieldProblem, fieldProblem } from './validation-error';

export interface OrderLineInput {
  quantity?: unknown;
  unitPrice?: unknown;
}

export interface PricedLine {
  quantity: number;
  unitPrice: string;
  lineAmount: string;
}

export interface PricedOrder {
  lines: PricedLine[];
  total: string;
}

/** Largest quantity on one line; keeps quantity × price inside the money column. */
export const MAX_LINE_QUANTITY = 10_000_000;

export const priceOrderLines = (lines: OrderLineInput[]): PricedOrder => {
  const problems: FieldProblem[] = [];
  const amounts: Decimal[] = [];
  const priced = lines.map((line, index) => {
    const quantity = Number(line.quantity);
    const quantityOk =
      typeof line.quantity !== 'boolean' &&
      line.quantity !== null &&
      line.quantity !== '' &&
      Number.isInteger(quantity) &&
      quantity > 0 &&
      quantity <= MAX_LINE_QUANTITY;
    if (!quantityOk) {
      problems.push(fieldProblem(['lines', index, 'quantity'], 'line.quantity', { max: MAX_LINE_QUANTITY }));
    }
    const price = parseMoney(line.unitPrice);
    if (isMoneyProblem(price)) {
      problems.push(fieldProblem(['lines', index, 'unitPrice'], 'line.unit_price', { problem: price }));
    } else if (price.isNegative()) {
      problems.push(fieldProblem(['lines', index, 'unitPrice'], 'line.unit_price_negative'));
    }
    if (!quantityOk || isMoneyProblem(price)) return { quantity, unitPrice: '', lineAmount: '' };
    const amount = price.times(quantity);
    amounts.push(amount);
    return { quantity, unitPrice: formatMoney(price), lineAmount: formatMoney(amount) };
  });
  if (problems.length > 0) throw new DomainValidationError(problems);
  return { lines: priced, total: formatMoney(sumMoney(amounts)) };
};
