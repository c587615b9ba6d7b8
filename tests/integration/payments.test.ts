/**
 * Payments (收款) by REST and the admin panel, on receivables made by shipping real orders:
 * recording with every field checked, oldest-first and explicit allocation with exact sums,
 * allocating the rest later, reversal reopening what was paid; over-allocation, double
 * allocation and a second reversal refused with nothing written, also when many requests race;
 * and after every step the reconciliation: per customer, receivables − allocations in force = Σ
 * open amounts, and per payment, unallocated = amount − its allocations in force; and the
 * receivables roll-up equal to its rebuild.
 */
import Decimal from 'decimal.js';
import { useStrapi } from '../helpers/strapi';
import { rest, StaffMember } from '../helpers/staff';
import { createAdminUser, contentManager, connect } from '../helpers/admin';
import { businessYear, countRows, createCustomer, Doc, expectForbidden, expectValidationError } from '../helpers/fixtures';
import { expectReceivableRollupExact } from '../helpers/rollups';
import { readyOrder, redateReceivable, shipLine, useCollectionSetup } from '../helpers/shipping';
import { actOn, ok } from '../helpers/workflow';
import { addDays, dateIn } from '../../src/domain/business-date';
import { ALLOCATION, PAYMENT, RECEIVABLE, SHIPMENT, WORKFLOW_EVENT as EVENT } from '../../src/platform/uids';

const d = (value: unknown) => new Decimal(String(value));

describe('payments and allocation', () => {
  const app = useStrapi();
  const today = dateIn('Asia/Shanghai');
  const { supervisor, specialist, planner, coordinator, clerk, salesperson, product } = useCollectionSetup(app, { name: '离心泵' });

  const newCustomer = () => createCustomer(app.strapi, specialist, { paymentTermsDays: 30 });

  /** Ships an order of one line through the workflow; answers the order and its receivable. */
  const ship = async (customer: Doc, amount: string, dates?: { invoiceDate: string; dueDate: string }) => {
    const staff = { specialist, supervisor, planner, coordinator };
    const { order, keys } = await readyOrder(app.strapi, staff, customer, [{ product, quantity: 1, unitPrice: amount }]);
    const { shipment, receivable } = await shipLine(app.strapi, coordinator, order, keys[0]);
    if (dates) await redateReceivable(app.strapi, receivable, dates);
    return { order, shipment, receivable: (await app.strapi.db.query(RECEIVABLE).findOne({ where: { id: receivable.id } })) as Doc };
  };

  const pay = (member: StaffMember, data: Record<string, unknown>) => rest(app.strapi, member).post('/api/payments', { data });
  const allocateRest = (member: StaffMember, documentId: string, data: Record<string, unknown> = {}) =>
    rest(app.strapi, member).post(`/api/payments/${documentId}/allocate`, { data });
  const reverse = (member: StaffMember, documentId: string, data: Record<string, unknown>) =>
    rest(app.strapi, member).post(`/api/payments/${documentId}/reverse`, { data });
  const openOf = async (receivable: Doc) => {
    const row = await app.strapi.db.query(RECEIVABLE).findOne({ where: { id: receivable.id }, select: ['openAmount', 'state'] });
    return [d(row.openAmount).toFixed(2), row.state];
  };
  const storedPayment = (documentId: string) =>
    app.strapi.db.query(PAYMENT).findOne({ where: { documentId }, populate: { allocations: { populate: { receivable: true } } } });
  const writes = async () => ({
    payments: await countRows(app.strapi, PAYMENT),
    allocations: await countRows(app.strapi, ALLOCATION),
    events: await countRows(app.strapi, EVENT),
    open: (await app.strapi.db.query(RECEIVABLE).findMany({ select: ['openAmount'] })).map((r: { openAmount: unknown }) =>
      d(r.openAmount).toFixed(2)
    ),
    unallocated: (await app.strapi.db.query(PAYMENT).findMany({ select: ['unallocatedAmount'] })).map((p: { unallocatedAmount: unknown }) =>
      d(p.unallocatedAmount).toFixed(2)
    ),
  });

  /** The reconciliation, from the stored rows, independently of the service's arithmetic. */
  const expectReconciled = async () => {
    const receivables = await app.strapi.db.query(RECEIVABLE).findMany({ populate: { customer: { select: ['id'] }, allocations: true } });
    const byCustomer = new Map<number, { billed: Decimal; allocated: Decimal; open: Decimal }>();
    for (const r of receivables) {
      const inForce = r.allocations
        .filter((a: { reversedOn: string | null }) => a.reversedOn === null)
        .reduce((s: Decimal, a: { amount: unknown }) => s.plus(d(a.amount)), new Decimal(0));
      expect(d(r.openAmount).gte(0)).toBe(true);
      if (r.state === 'void') {
        expect(inForce.toFixed(2)).toBe('0.00');
        continue;
      }
      expect([r.id, d(r.openAmount).toFixed(2)]).toEqual([r.id, d(r.amount).minus(inForce).toFixed(2)]);
      expect([r.id, r.state]).toEqual([r.id, d(r.openAmount).isZero() ? 'paid' : 'open']);
      const sums = byCustomer.get(r.customer.id) ?? { billed: new Decimal(0), allocated: new Decimal(0), open: new Decimal(0) };
      byCustomer.set(r.customer.id, {
        billed: sums.billed.plus(d(r.amount)),
        allocated: sums.allocated.plus(inForce),
        open: sums.open.plus(d(r.openAmount)),
      });
    }
    for (const [customer, sums] of byCustomer)
      expect([customer, sums.billed.minus(sums.allocated).toFixed(2)]).toEqual([customer, sums.open.toFixed(2)]);
    const payments = await app.strapi.db.query(PAYMENT).findMany({ populate: { allocations: true } });
    for (const p of payments) {
      const inForce = p.allocations
        .filter((a: { reversedOn: string | null }) => a.reversedOn === null)
        .reduce((s: Decimal, a: { amount: unknown }) => s.plus(d(a.amount)), new Decimal(0));
      expect([p.number, d(p.unallocatedAmount).toFixed(2)]).toEqual([p.number, d(p.amount).minus(inForce).toFixed(2)]);
      expect(d(p.unallocatedAmount).gte(0)).toBe(true);
    }
    // And the dashboard's receivables roll-up followed every step (allocation, reversal, void).
    await expectReceivableRollupExact(app.strapi);
  };

  it('checks every field of a new payment with a 400 naming it, and writes nothing', async () => {
    const customer = await newCustomer();
    const before = await writes();
    const base = { customer: customer.documentId, amount: '100.00', receivedOn: today, method: 'bank_transfer' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, amount: 0 }, 'amount'],
      [{ ...base, amount: '-5.00' }, 'amount'],
      [{ ...base, amount: '10.001' }, 'amount'],
      [{ ...base, amount: '1000000000000.00' }, 'amount'],
      [{ ...base, amount: 'abc' }, 'amount'],
      [{ ...base, amount: undefined }, 'amount'],
      [{ ...base, receivedOn: '2026-02-30' }, 'receivedOn'],
      [{ ...base, receivedOn: addDays(today, 1) }, 'receivedOn'],
      [{ ...base, receivedOn: undefined }, 'receivedOn'],
      [{ ...base, method: 'cheque' }, 'method'],
      [{ ...base, currency: 'GBP' }, 'currency'],
      [{ ...base, customer: 'nosuchcustomer000000000' }, 'customer'],
      [{ ...base, customer: undefined }, 'customer'],
      [{ ...base, number: 'SK-1999-000001' }, 'number'],
      [{ ...base, allocations: 'all' }, 'allocations'],
      [{ ...base, allocations: [{ receivable: 'nosuch', amount: '1.00' }] }, 'allocations'],
    ];
    for (const [data, field] of cases) expectValidationError(await pay(clerk, data), field);
    expect(await writes()).toEqual(before);
    // The largest amount a money column holds is accepted, exactly.
    const largest = await pay(clerk, { ...base, amount: '999999999999.99', allocate: false });
    expect([largest.status, largest.body.data?.amount]).toEqual([201, 999999999999.99]);
  });

  it('allocates oldest first by default (due date, then invoice date), exactly, and numbers from the SK series', async () => {
    const customer = await newCustomer();
    const late = await ship(customer, '300.10', { invoiceDate: addDays(today, -50), dueDate: addDays(today, -20) });
    const oldest = await ship(customer, '200.05', { invoiceDate: addDays(today, -90), dueDate: addDays(today, -60) });
    const sameDueLaterInvoice = await ship(customer, '150.00', { invoiceDate: addDays(today, -85), dueDate: addDays(today, -60) });
    const notDue = await ship(customer, '99.99');
    const res = await pay(clerk, {
      customer: customer.documentId,
      amount: '400.15',
      receivedOn: addDays(today, -3),
      method: 'acceptance_bill',
      reference: '承兑 0012',
    });
    expect([res.status, res.body.error]).toEqual([201, undefined]);
    const payment = res.body.data;
    expect(payment).toMatchObject({
      number: `SK-${businessYear()}-000002`,
      amount: 400.15,
      unallocatedAmount: 0,
      state: 'posted',
      method: 'acceptance_bill',
      version: 1,
    });
    expect(res.body.meta.allocated).toEqual([
      { receivable: oldest.receivable.documentId, amount: '200.05' },
      { receivable: sameDueLaterInvoice.receivable.documentId, amount: '150.00' },
      { receivable: late.receivable.documentId, amount: '50.10' },
    ]);
    expect(await openOf(oldest.receivable)).toEqual(['0.00', 'paid']);
    expect(await openOf(sameDueLaterInvoice.receivable)).toEqual(['0.00', 'paid']);
    expect(await openOf(late.receivable)).toEqual(['250.00', 'open']);
    expect(await openOf(notDue.receivable)).toEqual(['99.99', 'open']);
    // Each allocation counts from the later of receipt and invoice.
    const stored = await storedPayment(payment.documentId);
    expect(stored.allocations.map((a: { allocatedOn: string }) => a.allocatedOn)).toEqual([
      addDays(today, -3),
      addDays(today, -3),
      addDays(today, -3),
    ]);
    const [event] = await app.strapi.db
      .query(EVENT)
      .findMany({ where: { subject: 'payment', subjectId: payment.documentId }, populate: { actor: true } });
    expect(event).toMatchObject({ action: 'record', toState: 'posted', role: 'sales-clerk' });
    expect(event.actor.id).toBe(clerk.id);
    await expectReconciled();
  });

  it('takes explicit allocations, leaves the rest unallocated, and allocates the rest later', async () => {
    const customer = await newCustomer();
    const a = await ship(customer, '1000.00', { invoiceDate: addDays(today, -40), dueDate: addDays(today, -10) });
    const b = await ship(customer, '500.50');
    const res = await pay(clerk, {
      customer: customer.documentId,
      amount: '800.00',
      receivedOn: today,
      method: 'bank_transfer',
      allocations: [
        { receivable: b.receivable.documentId, amount: '500.50' },
        { receivable: a.receivable.documentId, amount: '0.01' },
      ],
    });
    expect([res.status, res.body.error]).toEqual([201, undefined]);
    expect(res.body.data.unallocatedAmount).toBe(299.49);
    expect(await openOf(b.receivable)).toEqual(['0.00', 'paid']);
    expect(await openOf(a.receivable)).toEqual(['999.99', 'open']);
    await expectReconciled();

    const later = await allocateRest(clerk, res.body.data.documentId, { version: 1 });
    expect([later.status, later.body.error]).toEqual([200, undefined]);
    expect(later.body.meta.allocated).toEqual([{ receivable: a.receivable.documentId, amount: '299.49' }]);
    expect(later.body.data).toMatchObject({ unallocatedAmount: 0, version: 2 });
    expect(await openOf(a.receivable)).toEqual(['700.50', 'open']);
    expect((await allocateRest(clerk, res.body.data.documentId)).status).toBe(409); // fully allocated
    await expectReconciled();

    // allocate: false records the money without touching any receivable.
    const unallocated = await pay(clerk, {
      customer: customer.documentId,
      amount: '12.34',
      receivedOn: today,
      method: 'cash',
      allocate: false,
    });
    expect([unallocated.status, unallocated.body.data.unallocatedAmount, unallocated.body.meta.allocated]).toEqual([201, 12.34, []]);
    expect(await openOf(a.receivable)).toEqual(['700.50', 'open']);
    const explicitLater = await allocateRest(clerk, unallocated.body.data.documentId, {
      allocations: [{ receivable: a.receivable.documentId, amount: '2.34' }],
    });
    expect([explicitLater.status, explicitLater.body.data.unallocatedAmount]).toEqual([200, 10]);
    await expectReconciled();
  });

  it('refuses over-allocation, double allocation, other customers, other currencies and void receivables, writing nothing', async () => {
    const customer = await newCustomer();
    const other = await newCustomer();
    const r1 = await ship(customer, '100.00');
    const r2 = await ship(customer, '50.00');
    const theirs = await ship(other, '70.00');
    const voided = await ship(customer, '30.00');
    await ok(actOn(app.strapi, coordinator, SHIPMENT, voided.shipment.documentId, 'cancel', { comment: 'wrong goods' }));
    const before = await writes();
    const base = { customer: customer.documentId, amount: '120.00', receivedOn: today, method: 'bank_transfer' };
    const refused: [Record<string, unknown>, string][] = [
      [
        { ...base, allocations: [{ receivable: r1.receivable.documentId, amount: '100.01' }] },
        "exceeds the receivable's open amount of 100.00",
      ],
      [
        {
          ...base,
          allocations: [
            { receivable: r1.receivable.documentId, amount: '100.00' },
            { receivable: r2.receivable.documentId, amount: '20.01' },
          ],
        },
        'more than the 120.00 left unallocated',
      ],
      [
        {
          ...base,
          allocations: [
            { receivable: r1.receivable.documentId, amount: '10.00' },
            { receivable: r1.receivable.documentId, amount: '10.00' },
          ],
        },
        'named twice',
      ],
      [{ ...base, allocations: [{ receivable: theirs.receivable.documentId, amount: '10.00' }] }, "another customer's"],
      [
        { ...base, currency: 'USD', allocations: [{ receivable: r1.receivable.documentId, amount: '10.00' }] },
        'in CNY, the payment in USD',
      ],
      [{ ...base, allocations: [{ receivable: voided.receivable.documentId, amount: '10.00' }] }, 'void'],
      [{ ...base, allocations: [{ receivable: r1.receivable.documentId, amount: '0' }] }, 'greater than 0'],
      [{ ...base, allocations: [{ receivable: r1.receivable.documentId, amount: '1.00' }], allocate: false }, 'contradict'],
    ];
    for (const [data, message] of refused) {
      const res = await pay(clerk, data);
      expectValidationError(res, 'allocat');
      expect(JSON.stringify(res.body.error)).toContain(message);
    }
    expect(await writes()).toEqual(before);

    // The same rules when allocating later.
    const held = await ok(pay(clerk, { ...base, allocate: false }));
    const afterHeld = await writes();
    expectValidationError(
      await allocateRest(clerk, held.data.documentId, { allocations: [{ receivable: r1.receivable.documentId, amount: '100.01' }] }),
      'allocations'
    );
    expectValidationError(
      await allocateRest(clerk, held.data.documentId, {
        allocations: [
          { receivable: r1.receivable.documentId, amount: '60' },
          { receivable: r1.receivable.documentId, amount: '40' },
        ],
      }),
      'allocations'
    );
    expect((await allocateRest(clerk, held.data.documentId, { version: 7 })).status).toBe(409);
    expectValidationError(await allocateRest(clerk, held.data.documentId, { allocations: [], what: 1 }), 'what');
    expect(await writes()).toEqual(afterHeld);
    await expectReconciled();
  });

  it('reverses a payment with a reason and its version, reopening what it paid; never twice, never allocated again', async () => {
    const customer = await newCustomer();
    const a = await ship(customer, '80.00', { invoiceDate: addDays(today, -70), dueDate: addDays(today, -40) });
    const b = await ship(customer, '45.55');
    const payment = (
      await ok(pay(clerk, { customer: customer.documentId, amount: '100.00', receivedOn: addDays(today, -1), method: 'bank_transfer' }))
    ).data;
    expect(await openOf(a.receivable)).toEqual(['0.00', 'paid']);
    expect(await openOf(b.receivable)).toEqual(['25.55', 'open']);
    const before = await writes();
    expectValidationError(await reverse(clerk, payment.documentId, { version: 1 }), 'reason');
    expectValidationError(await reverse(clerk, payment.documentId, { version: 1, reason: '   ' }), 'reason');
    expectValidationError(await reverse(clerk, payment.documentId, { reason: 'bounced' }), 'version');
    expect((await reverse(clerk, payment.documentId, { version: 5, reason: 'bounced' })).status).toBe(409);
    expectForbidden(await reverse(salesperson, payment.documentId, { version: 1, reason: 'bounced' }));
    expect(await writes()).toEqual(before);

    const res = await reverse(clerk, payment.documentId, { version: 1, reason: '银行退票 bounced' });
    expect([res.status, res.body.error]).toEqual([200, undefined]);
    expect(res.body.data).toMatchObject({ state: 'reversed', reversalReason: '银行退票 bounced', unallocatedAmount: 100, version: 2 });
    expect(await openOf(a.receivable)).toEqual(['80.00', 'open']);
    expect(await openOf(b.receivable)).toEqual(['45.55', 'open']);
    const stored = await storedPayment(payment.documentId);
    expect(stored.allocations.map((x: { reversedOn: string }) => x.reversedOn)).toEqual([today, today]);
    await expectReconciled();

    const after = await writes();
    expect((await reverse(clerk, payment.documentId, { version: 2, reason: 'again' })).status).toBe(409);
    expect((await allocateRest(clerk, payment.documentId)).status).toBe(409);
    expect(await writes()).toEqual(after);
    const events = await app.strapi.db
      .query(EVENT)
      .findMany({ where: { subject: 'payment', subjectId: payment.documentId }, orderBy: { id: 'asc' } });
    expect(events.map((e: { action: string; comment: string }) => [e.action, e.action === 'reverse' ? e.comment : ''])).toEqual([
      ['record', ''],
      ['reverse', '银行退票 bounced'],
    ]);
    // A paid receivable's shipment is cancelled only once the payment is reversed.
    const fresh = await ship(customer, '10.00');
    const p2 = (
      await ok(
        pay(clerk, {
          customer: customer.documentId,
          amount: '10.00',
          receivedOn: today,
          method: 'cash',
          allocations: [{ receivable: fresh.receivable.documentId, amount: '10.00' }],
        })
      )
    ).data;
    expect((await actOn(app.strapi, coordinator, SHIPMENT, fresh.shipment.documentId, 'cancel', { comment: 'x' })).status).toBe(409);
    await ok(reverse(clerk, p2.documentId, { version: 1, reason: 'entered twice' }));
    await ok(actOn(app.strapi, coordinator, SHIPMENT, fresh.shipment.documentId, 'cancel', { comment: 'x' }));
    expect(await openOf(fresh.receivable)).toEqual(['0.00', 'void']);
    await expectReconciled();
  });

  it('keeps exact sums when 10 payments race to allocate the same receivable, and when two reversals race', async () => {
    const customer = await newCustomer();
    const target = await ship(customer, '350.00');
    const payments = [];
    for (let i = 0; i < 10; i += 1)
      payments.push(
        (
          await ok(
            pay(clerk, { customer: customer.documentId, amount: '100.00', receivedOn: today, method: 'bank_transfer', allocate: false })
          )
        ).data
      );
    const results = await Promise.all(
      payments.map((p) =>
        allocateRest(clerk, p.documentId, { allocations: [{ receivable: target.receivable.documentId, amount: '100.00' }] })
      )
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status !== 200).map((r) => r.status)).toEqual(Array(7).fill(400));
    expect(await openOf(target.receivable)).toEqual(['50.00', 'open']);
    await expectReconciled();

    // Oldest first, all at once: the remaining 50.00 is taken exactly once.
    const rest5 = payments.filter((_, i) => results[i].status !== 200).slice(0, 5);
    const oldestFirst = await Promise.all(rest5.map((p) => allocateRest(clerk, p.documentId)));
    expect(oldestFirst.filter((r) => r.status === 200)).toHaveLength(1);
    expect(oldestFirst.filter((r) => r.status !== 200).map((r) => r.status)).toEqual([409, 409, 409, 409]);
    expect(await openOf(target.receivable)).toEqual(['0.00', 'paid']);
    await expectReconciled();

    const paid = payments[results.findIndex((r) => r.status === 200)];
    const reversals = await Promise.all([1, 2].map(() => reverse(clerk, paid.documentId, { version: 2, reason: 'duplicate' })));
    expect(reversals.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await openOf(target.receivable)).toEqual(['100.00', 'open']);
    expect((await storedPayment(paid.documentId)).allocations.filter((a: { reversedOn: string | null }) => a.reversedOn)).toHaveLength(1);
    await expectReconciled();
  });

  it('lets only the sales clerk record; others read; nobody updates or deletes; the admin panel records oldest first', async () => {
    const customer = await newCustomer();
    const r = await ship(customer, '66.60');
    const before = await writes();
    expectForbidden(await pay(salesperson, { customer: customer.documentId, amount: '1.00', receivedOn: today, method: 'cash' }));
    expectForbidden(await pay(specialist, { customer: customer.documentId, amount: '1.00', receivedOn: today, method: 'cash' }));
    expect(await writes()).toEqual(before);
    expect((await rest(app.strapi, salesperson).get('/api/payments')).status).toBe(200);
    expect((await rest(app.strapi, planner).get('/api/payments')).status).toBe(403);

    const admin = await createAdminUser(app.strapi, 'sales-clerk');
    const cm = contentManager(app.strapi, admin);
    const created = await cm.create(PAYMENT, {
      customer: connect(customer),
      amount: '70.00',
      receivedOn: today,
      method: 'bank_transfer',
      currency: 'CNY',
      number: 'X',
      state: 'reversed',
      unallocatedAmount: 0,
    });
    expect(created.body.error).toBeUndefined();
    expect([200, 201]).toContain(created.status);
    expect(created.body.data).toMatchObject({ state: 'posted', unallocatedAmount: 3.4, version: 1 });
    expect(created.body.data.number).toMatch(/^SK-\d{4}-\d{6}$/);
    expect(await openOf(r.receivable)).toEqual(['0.00', 'paid']);
    expect((await cm.update(PAYMENT, created.body.data.documentId, { amount: '1.00' })).status).toBe(409);
    expect([404, 405]).toContain(
      (await rest(app.strapi, clerk).put(`/api/payments/${created.body.data.documentId}`, { data: { amount: 1 } })).status
    );
    await expect(
      app.strapi.db.query(PAYMENT).update({ where: { documentId: created.body.data.documentId }, data: { amount: 1 } })
    ).rejects.toThrow(/refused/);

    // The panel's side panel and actions.
    const http = require('supertest')(app.strapi.server.httpServer);
    const view = await http.get(`/workflows/payment/${created.body.data.documentId}`).set('Authorization', `Bearer ${admin.token}`);
    expect(view.body.data).toMatchObject({ state: 'posted', version: 1, allowedActions: ['allocate', 'reverse'] });
    const reversed = await http
      .post(`/workflows/payment/${created.body.data.documentId}/reverse`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ data: { version: 1, reason: '录错客户' } });
    expect([reversed.status, reversed.body.data?.state, reversed.body.data?.allowedActions]).toEqual([200, 'reversed', []]);
    expect(await openOf(r.receivable)).toEqual(['66.60', 'open']);
    const viewer = await createAdminUser(app.strapi, 'salesperson');
    const refused = await http
      .post(`/workflows/payment/${created.body.data.documentId}/allocate`)
      .set('Authorization', `Bearer ${viewer.token}`)
      .send({ data: {} });
    expect(refused.status).toBe(403);
    await expectReconciled();
  });

  it("shows the panel the customer's open receivables oldest due first, and pays the ones the clerk chose there", async () => {
    const customer = await newCustomer();
    const later = await ship(customer, '300.00', { invoiceDate: addDays(today, -20), dueDate: addDays(today, 10) });
    const oldest = await ship(customer, '100.00', { invoiceDate: addDays(today, -60), dueDate: addDays(today, -30) });
    const middle = await ship(customer, '200.00', { invoiceDate: addDays(today, -40), dueDate: addDays(today, -10) });
    const recorded = await ok(
      pay(clerk, { customer: customer.documentId, amount: '250.00', receivedOn: today, method: 'bank_transfer', allocate: false })
    );
    const documentId = recorded.data.documentId;
    const admin = await createAdminUser(app.strapi, 'sales-clerk');
    const http = require('supertest')(app.strapi.server.httpServer);
    const view = async () => (await http.get(`/workflows/payment/${documentId}`).set('Authorization', `Bearer ${admin.token}`)).body.data;
    const listed = (await view()).openReceivables;
    expect(
      listed.map((r: { documentId: string; reference: string; dueDate: string; openAmount: string; currency: string }) => [
        r.documentId,
        r.reference,
        r.dueDate,
        r.openAmount,
        r.currency,
      ])
    ).toEqual(
      [oldest, middle, later].map((shipped) => [
        shipped.receivable.documentId,
        shipped.shipment.number,
        shipped.receivable.dueDate,
        d(shipped.receivable.amount).toFixed(2),
        'CNY',
      ])
    );
    // The customer says the money is for the later invoice and part of the middle one: not the oldest.
    const allocate = (data: Record<string, unknown>) =>
      http.post(`/workflows/payment/${documentId}/allocate`).set('Authorization', `Bearer ${admin.token}`).send({ data });
    const before = await writes();
    const tooMuch = await allocate({ version: 1, allocations: [{ receivable: middle.receivable.documentId, amount: '200.01' }] });
    expect(tooMuch.status).toBe(400);
    expect(JSON.stringify(tooMuch.body.error)).toMatch(/allocations/);
    expect(await writes()).toEqual(before);
    const taken = await allocate({
      version: 1,
      allocations: [
        { receivable: later.receivable.documentId, amount: '180.00' },
        { receivable: middle.receivable.documentId, amount: '70.00' },
      ],
    });
    expect([taken.status, taken.body.data?.allowedActions]).toEqual([200, ['reverse']]);
    expect([await openOf(oldest.receivable), await openOf(middle.receivable), await openOf(later.receivable)]).toEqual([
      ['100.00', 'open'],
      ['130.00', 'open'],
      ['120.00', 'open'],
    ]);
    expect((await view()).openReceivables).toBeUndefined(); // nothing left to allocate
    await expectReconciled();
  });
});
