/**
 * Allocation planning without Strapi: oldest first by due date, invoice date and id, exact to the
 * cent; explicit allocations refused above the open or the unallocated amount, across customers or
 * currencies, on void receivables, twice in one request; and the payment's own fields.
 */
import Decimal from 'decimal.js';
import { allocatedOn, OpenReceivable, planExplicit, planOldestFirst } from '../../src/domain/payment-allocation';
import { checkPaymentFields } from '../../src/domain/payment';
import { DomainValidationError } from '../../src/domain/validation-error';

const receivable = (id: number, open: string, dueDate: string, fields: Partial<OpenReceivable> = {}): OpenReceivable => ({
  id,
  ref: `r${id}`,
  customerId: 1,
  currency: 'CNY',
  state: 'open',
  openAmount: new Decimal(open),
  invoiceDate: '2026-01-01',
  dueDate,
  ...fields,
});
const payment = (unallocated: string) => ({ customerId: 1, currency: 'CNY', unallocated: new Decimal(unallocated) });
const plain = (plan: { receivableId: number; amount: Decimal }[]) => plan.map((item) => [item.receivableId, item.amount.toFixed(2)]);
const problems = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainValidationError) return error.problems.map((p) => `${p.path.join('.')}: ${p.message}`);
    throw error;
  }
  throw new Error('not refused');
};

describe('oldest-first allocation', () => {
  it('pays by due date, then invoice date, then id, to the cent, and stops when the money is spent', () => {
    const open = [
      receivable(4, '10.00', '2026-03-01'),
      receivable(3, '0.10', '2026-02-01', { invoiceDate: '2026-01-05' }),
      receivable(2, '0.20', '2026-02-01', { invoiceDate: '2026-01-02' }),
      receivable(1, '0.30', '2026-02-01', { invoiceDate: '2026-01-02' }),
      receivable(5, '99.00', '2026-04-01'),
    ];
    expect(plain(planOldestFirst(payment('5.60'), open))).toEqual([
      [1, '0.30'],
      [2, '0.20'],
      [3, '0.10'],
      [4, '5.00'],
    ]);
    expect(plain(planOldestFirst(payment('200.00'), open))).toEqual([
      [1, '0.30'],
      [2, '0.20'],
      [3, '0.10'],
      [4, '10.00'],
      [5, '99.00'],
    ]);
  });

  it('skips what is not the payment’s to pay: paid, void, other customers, other currencies', () => {
    const open = [
      receivable(1, '0.00', '2026-01-01', { state: 'paid' }),
      receivable(2, '5.00', '2026-01-02', { state: 'void' }),
      receivable(3, '5.00', '2026-01-03', { customerId: 2 }),
      receivable(4, '5.00', '2026-01-04', { currency: 'USD' }),
      receivable(5, '5.00', '2026-01-05'),
    ];
    expect(plain(planOldestFirst(payment('7.00'), open))).toEqual([[5, '5.00']]);
    expect(planOldestFirst(payment('0.00'), open)).toEqual([]);
  });
});

describe('explicit allocation', () => {
  const open = [
    receivable(1, '100.00', '2026-01-01'),
    receivable(2, '50.00', '2026-01-02'),
    receivable(3, '9.00', '2026-01-03', { customerId: 2 }),
    receivable(4, '0.00', '2026-01-01', { state: 'void' }),
    receivable(5, '7.00', '2026-01-01', { currency: 'EUR' }),
  ];

  it('takes amounts within what is open and unallocated, exactly', () => {
    expect(
      plain(
        planExplicit(
          payment('150.00'),
          [
            { receivable: 'r2', amount: '50' },
            { receivable: 'r1', amount: 99.99 },
          ],
          open
        )
      )
    ).toEqual([
      [2, '50.00'],
      [1, '99.99'],
    ]);
  });

  it('refuses each problem with its path', () => {
    expect(problems(() => planExplicit(payment('500.00'), [{ receivable: 'r1', amount: '100.01' }], open))).toEqual([
      "allocations.0.amount: exceeds the receivable's open amount of 100.00",
    ]);
    expect(
      problems(() =>
        planExplicit(
          payment('120.00'),
          [
            { receivable: 'r1', amount: '100.00' },
            { receivable: 'r2', amount: '20.01' },
          ],
          open
        )
      )
    ).toEqual(['allocations: the allocations add up to 120.01, more than the 120.00 left unallocated on the payment']);
    expect(
      problems(() =>
        planExplicit(
          payment('120.00'),
          [
            { receivable: 'r1', amount: '1' },
            { receivable: 'r1', amount: '1' },
          ],
          open
        )
      )
    ).toEqual(['allocations.1.receivable: this receivable is named twice in one request']);
    expect(
      problems(() =>
        planExplicit(
          payment('120.00'),
          [
            { receivable: 'r3', amount: '1' },
            { receivable: 'r4', amount: '1' },
            { receivable: 'r5', amount: '1' },
            { receivable: 'nope', amount: '1' },
            { receivable: 'r2', amount: '0' },
            { receivable: 'r1', amount: '1.001' },
            { receivable: 42, amount: '1' },
          ],
          open
        )
      )
    ).toEqual([
      "allocations.0.receivable: this receivable is another customer's",
      'allocations.1.receivable: this receivable is void: its shipment was cancelled',
      'allocations.2.receivable: this receivable is in EUR, the payment in CNY',
      'allocations.3.receivable: unknown receivable nope',
      'allocations.4.amount: must be greater than 0',
      'allocations.5.amount: must have at most two decimal places',
      'allocations.6.receivable: name the receivable by its documentId',
    ]);
  });

  it('dates an allocation from the later of receipt and invoice', () => {
    expect(allocatedOn('2026-03-01', '2026-02-01')).toBe('2026-03-01');
    expect(allocatedOn('2026-01-01', '2026-02-01')).toBe('2026-02-01');
  });
});

describe('payment fields', () => {
  const today = '2026-11-27';
  it('accepts an exact amount, a past or today receipt and a method', () => {
    const fields = checkPaymentFields({ amount: '999999999999.99', receivedOn: today, method: 'acceptance_bill' }, today);
    expect([fields.amount.toFixed(2), fields.receivedOn, fields.method, fields.currency]).toEqual([
      '999999999999.99',
      today,
      'acceptance_bill',
      'CNY',
    ]);
  });
  it('names every bad field', () => {
    expect(problems(() => checkPaymentFields({ amount: '0', receivedOn: '2026-11-28', method: 'cheque', currency: 'GBP' }, today))).toEqual(
      [
        'amount: must be greater than 0',
        'receivedOn: must not be in the future (today is 2026-11-27)',
        'method: must be one of bank_transfer, acceptance_bill, cash, other',
        'currency: must be one of CNY, USD, EUR',
      ]
    );
    expect(problems(() => checkPaymentFields({ amount: '1000000000000', receivedOn: '2026-02-29' }, today))).toEqual([
      'amount: must not exceed 999999999999.99',
      'receivedOn: must be a calendar date written YYYY-MM-DD, e.g. 2026-12-31',
    ]);
  });
});
