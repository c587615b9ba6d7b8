/**
 * Order follow-up and shipping rules without Strapi: the order machine's gates (packaging artwork,
 * nothing shipped before cancelling, plan dates in order), open quantities across shipments,
 * over-shipment, the order's state after its shipments, and exact receivables with due dates.
 */
import { orderMachine, OrderState, OrderSubject } from '../../src/domain/order-progress';
import { openQuantities, orderStateAfterShipping, overShipments, receivableOf } from '../../src/domain/shipping';
import { allowedActions, planStep, Situation } from '../../src/domain/workflow/engine';
import { refusal } from '../helpers/refusal';
import { englishText, messageText } from '../../src/domain/message-text';

const order = (fields: Partial<OrderSubject> = {}): OrderSubject => ({
  state: 'in_production',
  heldFrom: null,
  promisedDate: '2027-01-20',
  packagingItems: [],
  shippedQuantity: 0,
  ...fields,
});
const at = (state: OrderState, subject = order()): Situation<OrderState, OrderSubject> => ({
  state,
  version: 2,
  subject: { ...subject, state },
  opinions: [],
});
const coordinator = { roles: ['order-coordinator' as const], staffUserId: 3 };

describe('the order machine', () => {
  it('is ready only when every packaging artwork is confirmed', () => {
    const pending = order({
      packagingItems: [
        { description: 'carton', artworkConfirmedAt: null },
        { description: 'manual', artworkConfirmedAt: '2026-12-01' },
      ],
    });
    expect(refusal(() => planStep(orderMachine, at('in_production', pending), coordinator, 'mark_ready', { version: 2 })).message).toBe(
      'packaging artwork not yet confirmed by the customer: carton'
    );
    expect(allowedActions(orderMachine, at('in_production', pending), coordinator)).not.toContain('mark_ready');
    expect(planStep(orderMachine, at('in_production'), coordinator, 'mark_ready', { version: 2 }).to).toBe('ready');
  });

  it('resumes where it was held, and is not cancelled once goods have left', () => {
    expect(
      planStep(orderMachine, at('on_hold', order({ heldFrom: 'scheduled' })), coordinator, 'resume', { version: 2, comment: 'go' }).to
    ).toBe('scheduled');
    const supervisor = { roles: ['cs-supervisor' as const], staffUserId: 1 };
    expect(
      refusal(() =>
        planStep(orderMachine, at('on_hold', order({ shippedQuantity: 1 })), supervisor, 'cancel', { version: 2, comment: 'x' })
      ).kind
    ).toBe('conflict');
  });

  it('wants plan dates that are real and in order', () => {
    const planner = { roles: ['planner' as const], staffUserId: 2 };
    const plan = (input: Record<string, unknown>) => planStep(orderMachine, at('confirmed'), planner, 'schedule', { version: 2, ...input });
    expect(
      refusal(() => plan({ plannedStart: '2027-02-30', plannedFinish: '2027-03-01', promisedDate: '2027-03-02' })).details.errors
    ).toEqual([{ field: 'plannedStart', message: 'must be a date YYYY-MM-DD' }]);
    expect(
      refusal(() => plan({ plannedStart: '2027-01-10', plannedFinish: '2027-01-20', promisedDate: '2027-01-15' })).details.errors
    ).toEqual([{ field: 'promisedDate', message: 'must not be before the planned finish' }]);
    expect(plan({ plannedStart: '2027-01-10', plannedFinish: '2027-01-20', promisedDate: '2027-01-20' }).to).toBe('scheduled');
  });

  it('checks each allocation line', () => {
    expect(
      refusal(() =>
        planStep(orderMachine, at('scheduled'), coordinator, 'allocate', {
          version: 2,
          lines: [{ line: 'a', reserve: -1, source: 'magic' }],
        })
      ).details.errors
    ).toEqual([
      { field: 'lines.0.source', message: 'must be one of own_production, outsourced' },
      { field: 'lines.0.reserve', message: 'must be a whole number ≥ 0' },
    ]);
  });
});

describe('shipping', () => {
  const lines = [
    { key: 'a', quantity: 10 },
    { key: 'b', quantity: 4 },
  ];

  it('counts what each order line has open across its shipments and refuses more', () => {
    const open = openQuantities(lines, [
      { line: 'a', quantity: 6 },
      { line: 'a', quantity: 1 },
    ]);
    expect(Object.fromEntries(open)).toEqual({ a: 3, b: 4 });
    expect(
      overShipments(open, [
        { line: 'a', quantity: 3 },
        { line: 'b', quantity: 4 },
      ])
    ).toEqual([]);
    const said = (problems: ReturnType<typeof overShipments>) =>
      problems.map(({ said, ...rest }) => ({ ...rest, message: englishText(said) }));
    expect(
      said(
        overShipments(open, [
          { line: 'a', quantity: 2 },
          { line: 'a', quantity: 2 },
        ])
      )
    ).toEqual([{ index: 1, field: 'quantity', message: 'only 3 still open on this order line' }]);
    expect(said(overShipments(open, [{ line: 'z', quantity: 1 }]))).toEqual([{ index: 0, field: 'line', message: 'no order line z' }]);
    expect(messageText(overShipments(open, [{ line: 'z', quantity: 1 }])[0].said, 'zh-Hans')).toBe('订单行 z 不存在');
  });

  it('moves the order by what has left', () => {
    expect(orderStateAfterShipping(lines, [])).toBe('ready');
    expect(orderStateAfterShipping(lines, [{ line: 'a', quantity: 10 }])).toBe('partially_shipped');
    expect(
      orderStateAfterShipping(lines, [
        { line: 'a', quantity: 10 },
        { line: 'b', quantity: 4 },
      ])
    ).toBe('shipped');
  });

  it('bills the shipped lines exactly, due after the payment terms', () => {
    expect(
      receivableOf(
        [
          { quantity: 3, unitPrice: '0.10' },
          { quantity: 7, unitPrice: 3.33 },
        ],
        '2026-11-27',
        45
      )
    ).toEqual({ amount: '23.61', dueDate: '2027-01-11' });
    expect(receivableOf([{ quantity: 1, unitPrice: '999999999.99' }], '2026-12-31', 0)).toEqual({
      amount: '999999999.99',
      dueDate: '2026-12-31',
    });
  });
});
