/**
 * Credit control end to end, by REST: shipping takes a customer over its limit → automatic hold
 * (credit event, reason, the salesperson mailed) → a new order, a contract submission and another
 * shipment are refused with the reason and write nothing → the marketing VP overrides one shipment,
 * which ships, while the next is still refused → the receivables are settled → released. An item
 * more than N days overdue puts a customer on hold through the daily job (clock injected); a hold
 * staff placed is never lifted by the rule; only the marketing VP grants overrides.
 */
import { AdminMember, contentManager, createAdminUser, editForm } from '../helpers/admin';
import { adminLinks, linkedTo, useMailCatcher } from '../helpers/mail';
import { useStrapi, appModule } from '../helpers/strapi';
import { chooseMail, createStaff, rest, StaffMember } from '../helpers/staff';
import { countRows, createCustomer, createOrder, createProduct, Doc } from '../helpers/fixtures';
import { draftContract, act as contractAct, stateOf } from '../helpers/contracts';
import { actOn, ok } from '../helpers/workflow';
import { planShipment, readyOrder, receivableOf, settle, ship, SHIPPING_ROLES } from '../helpers/shipping';
import { addDays, dateIn } from '../../src/domain/business-date';
import { drainOutbox } from '../../src/notifications/worker';
import { storedMessage } from '../../src/domain/messages';
import { CREDIT_EVENT, CREDIT_OVERRIDE as OVERRIDE, CUSTOMER, ORDER, PRODUCT } from '../../src/platform/uids';

const { reassessCredit } = appModule('src', 'cash-collection', 'credit-control.js');
const { runCollectionJob } = appModule('src', 'jobs', 'collection-dunning.js');

const today = () => dateIn('Asia/Shanghai');
/** Noon in Shanghai on a day. */
const noonOn = (date: string) => new Date(`${date}T04:00:00Z`);

describe('credit control', () => {
  const mail = useMailCatcher();
  const app = useStrapi();
  let staff: Record<keyof typeof SHIPPING_ROLES | 'clerk' | 'vp' | 'manager' | 'salesperson', StaffMember>;

  beforeAll(async () => {
    staff = await createStaff(app.strapi, {
      ...SHIPPING_ROLES,
      clerk: 'sales-clerk',
      vp: 'marketing-vp',
      manager: 'sales-manager',
      salesperson: 'salesperson',
    });
    // A credit hold only informs the salesperson (by default in their daily digest); this one takes it at once.
    await chooseMail(app.strapi, staff.salesperson, { information: 'immediately' });
  });

  const customerRow = (customer: Doc) =>
    app.strapi.db
      .query(CUSTOMER)
      .findOne({ where: { documentId: customer.documentId }, select: ['id', 'creditHold', 'creditHoldReason', 'creditHoldSource'] });
  const eventsOf = async (customer: Doc) =>
    (
      await app.strapi.db.query(CREDIT_EVENT).findMany({ where: { customer: { documentId: customer.documentId } }, orderBy: { id: 'asc' } })
    ).map((event: { kind: string; reason: string | null }) => ({ kind: event.kind, reason: event.reason }));
  const grant = (member: StaffMember, data: Record<string, unknown>) => rest(app.strapi, member).post('/api/credit-overrides', { data });
  const expectHeld = (res: { status: number; body: { error?: { message: string } } }, reason: RegExp) => {
    expect(res.status).toBe(409);
    expect(res.body.error!.message).toMatch(/is on credit hold/);
    expect(res.body.error!.message).toMatch(reason);
  };

  it('holds a customer that shipping takes over its limit, refuses orders, contracts and shipments, lets one overridden shipment go, and releases it when paid', async () => {
    const customer = await createCustomer(app.strapi, staff.specialist, {
      name: '温州瓯江阀门有限公司',
      creditLimit: '1000.00',
      paymentTermsDays: 30,
      salesperson: staff.salesperson.id,
      contacts: [{ name: '林经理', email: 'lin@oujiang.test', primary: true }],
    });
    const product = await createProduct(app.strapi, staff.supervisor, { stockOnHand: 100 });
    const first = await readyOrder(app.strapi, staff, customer, [{ product, quantity: 10, unitPrice: '60.00' }]);
    const second = await readyOrder(app.strapi, staff, customer, [{ product, quantity: 30, unitPrice: '60.00' }]);
    const s1 = await planShipment(app.strapi, staff.coordinator, first.order, [{ line: first.keys[0], quantity: 10 }]);
    const s2 = await planShipment(app.strapi, staff.coordinator, second.order, [{ line: second.keys[0], quantity: 10 }]);
    const s3 = await planShipment(app.strapi, staff.coordinator, second.order, [{ line: second.keys[0], quantity: 10 }]);
    const s4 = await planShipment(app.strapi, staff.coordinator, second.order, [{ line: second.keys[0], quantity: 10 }]);

    await ok(ship(app.strapi, staff.coordinator, s1)); // 600.00 of 1,000.00
    expect((await customerRow(customer)).creditHold).toBe(false);
    await ok(ship(app.strapi, staff.clerk, s2)); // 1,200.00: over the limit
    const held = await customerRow(customer);
    expect(held).toMatchObject({ creditHold: true, creditHoldSource: 'automatic' });
    expect(held.creditHoldReason).toBe('automatic credit hold: open balance 1,200.00 CNY exceeds the credit limit 1,000.00');
    expect(await eventsOf(customer)).toEqual([{ kind: 'hold', reason: held.creditHoldReason }]);

    // no new order: 409 with the reason, and nothing written (not even a number)
    const orders = await countRows(app.strapi, ORDER);
    const refusedOrder = await rest(app.strapi, staff.specialist).post('/api/orders', {
      data: { customer: customer.documentId, lines: [{ product: product.documentId, quantity: 1, unitPrice: '60.00' }] },
    });
    expectHeld(refusedOrder, /open balance 1,200\.00 CNY exceeds the credit limit 1,000\.00/);
    expect(await countRows(app.strapi, ORDER)).toBe(orders);

    // no contract submission
    const contract = await draftContract(app.strapi, staff.specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 1, unitPrice: '60.00' }],
      paymentTerms: 'T/T 30 days',
      deliveryDate: '2027-03-01',
    });
    expectHeld(await contractAct(app.strapi, staff.specialist, contract.documentId, 'submit'), /exceeds the credit limit/);
    expect(await stateOf(app.strapi, contract.documentId)).toBe('draft');

    // no shipment: stock untouched, no receivable
    const stockBefore = (await app.strapi.db.query(PRODUCT).findOne({ where: { documentId: product.documentId } })).stockOnHand;
    expectHeld(await ship(app.strapi, staff.coordinator, s3), /shipping/);
    expect((await app.strapi.db.query(PRODUCT).findOne({ where: { documentId: product.documentId } })).stockOnHand).toBe(stockBefore);
    expect(await receivableOf(app.strapi, s3)).toBeNull();

    // only the marketing VP overrides, with a reason, for one shipment of this customer
    for (const member of [staff.clerk, staff.supervisor, staff.manager, staff.salesperson, staff.coordinator]) {
      const res = await grant(member, { customer: customer.documentId, subject: 'shipment', subjectId: s3.documentId, reason: 'urgent' });
      expect(res.status).toBe(403);
    }
    expect(
      (await grant(staff.vp, { customer: customer.documentId, subject: 'shipment', subjectId: s3.documentId, reason: '  ' })).status
    ).toBe(400);
    const other = await createCustomer(app.strapi, staff.specialist, {});
    expect(
      (await grant(staff.vp, { customer: other.documentId, subject: 'shipment', subjectId: s3.documentId, reason: 'wrong customer' }))
        .status
    ).toBe(400);
    expect(await countRows(app.strapi, OVERRIDE)).toBe(0);
    const override = await ok(
      grant(staff.vp, {
        customer: customer.documentId,
        subject: 'shipment',
        subjectId: s3.documentId,
        reason: '客户承诺月底前付清，先发一批',
        usedAt: '2020-01-01T00:00:00Z',
      })
    );
    expect(override.data).toMatchObject({ subject: 'shipment', subjectId: s3.documentId, usedAt: null });
    expect(
      (await grant(staff.vp, { customer: customer.documentId, subject: 'shipment', subjectId: s3.documentId, reason: 'again' })).status
    ).toBe(409);
    expect(
      (await rest(app.strapi, staff.vp).put(`/api/credit-overrides/${override.data.documentId}`, { data: { reason: 'changed' } })).status
    ).toBe(405);

    await ok(ship(app.strapi, staff.coordinator, s3));
    const used = await app.strapi.db
      .query(OVERRIDE)
      .findOne({ where: { documentId: override.data.documentId }, populate: { grantedBy: { select: ['id'] } } });
    expect(used.usedAt).not.toBeNull();
    expect(used.grantedBy.id).toBe(staff.vp.id);
    expectHeld(await ship(app.strapi, staff.coordinator, s4), /open balance 1,800\.00 CNY/);

    // settled: released at once, in the payment's own transaction
    const receivables = await Promise.all([s1, s2, s3].map((s) => receivableOf(app.strapi, s)));
    await settle(app.strapi, staff.clerk, customer, receivables, today());
    expect(await customerRow(customer)).toMatchObject({ creditHold: false, creditHoldReason: null, creditHoldSource: null });
    expect((await reassessCredit(app.strapi, held.id)).outcome).toBe('unchanged');
    expect(await customerRow(customer)).toMatchObject({ creditHold: false, creditHoldReason: null, creditHoldSource: null });
    expect((await eventsOf(customer)).map((event) => event.kind)).toEqual(['hold', 'override', 'release']);
    await ok(ship(app.strapi, staff.coordinator, s4));
    await ok(contractAct(app.strapi, staff.specialist, contract.documentId, 'submit'));

    // the credit record: events newest first, how the customer paid, what it owes
    const record = (await ok(rest(app.strapi, staff.manager).get(`/api/customers/${customer.documentId}/credit-record`))).data;
    expect(record.customer).toMatchObject({ code: customer.code, creditLimit: '1000.00', creditHold: false });
    expect(record.events.map((event: { kind: string }) => event.kind)).toEqual(['release', 'override', 'hold']);
    expect(record.events[1]).toMatchObject({ reason: `shipment ${s3.number}: 客户承诺月底前付清，先发一批`, actor: { id: staff.vp.id } });
    expect(record.overrides).toEqual([
      expect.objectContaining({ subject: 'shipment', subjectId: s3.documentId, grantedBy: expect.objectContaining({ id: staff.vp.id }) }),
    ]);
    // Events and overrides as the records hold them, each field as the Query Engine reads it.
    const of = { customer: { documentId: customer.documentId } };
    const name = (user: { id: number; username: string; displayName: string | null } | null) =>
      user ? { id: user.id, name: user.displayName || user.username } : null;
    const heldEvents = await app.strapi.db
      .query(CREDIT_EVENT)
      .findMany({ where: of, populate: { actor: true }, orderBy: [{ at: 'desc' }, { id: 'desc' }] });
    expect(record.events).toEqual(
      heldEvents.map((event) => ({
        kind: event.kind,
        ...(event.terms ? { terms: event.terms } : {}),
        reason: event.reason,
        reasonMessage: storedMessage(event.reasonCode, event.reasonParams),
        at: new Date(event.at).toISOString(),
        actor: name(event.actor),
      }))
    );
    expect(record.events.filter((event: { reasonMessage: unknown }) => event.reasonMessage)).not.toHaveLength(0);
    const heldOverrides = await app.strapi.db
      .query(OVERRIDE)
      .findMany({ where: of, populate: { grantedBy: true }, orderBy: [{ grantedAt: 'desc' }, { id: 'desc' }] });
    expect(record.overrides).toEqual(
      heldOverrides.map((override) => ({
        subject: override.subject,
        subjectId: override.subjectId,
        reason: override.reason,
        grantedBy: name(override.grantedBy),
        grantedAt: new Date(override.grantedAt).toISOString(),
        usedAt: override.usedAt ? new Date(override.usedAt).toISOString() : null,
      }))
    );
    expect(record.paymentBehaviour).toEqual({ paidReceivables: 3, paidAmount: '1800.00', averageDaysLate: 0, paidOnTimeShare: 1 });
    expect(record.amounts).toEqual([{ currency: 'CNY', open: '600.00', overdue: '0.00' }]);
    expect((await rest(app.strapi, staff.planner).get(`/api/customers/${customer.documentId}/credit-record`)).status).toBe(403);

    // the salesperson heard of the hold
    await drainOutbox(app.strapi);
    const toSalesperson = mail.catcher.messages.filter((m) => m.to.includes(staff.salesperson.email));
    expect(toSalesperson.map((m) => m.subject)).toEqual([expect.stringContaining('信用冻结')]);
    expect(toSalesperson[0].text).toContain('open balance 1,200.00 CNY exceeds the credit limit 1,000.00');
    // held automatically, by the server: the mail still ends with the customer's page in the admin panel
    const page = `http://localhost:${app.strapi.config.get('server.port')}/admin/content-manager/collection-types/${CUSTOMER}/${customer.documentId}`;
    expect(adminLinks(toSalesperson[0])).toEqual(linkedTo(page, 'zh-CN'));
  });

  it('counts money received and not yet allocated against what the customer owes: it keeps a customer off hold and lowers the balance shown', async () => {
    const customer = await createCustomer(app.strapi, staff.specialist, {
      name: '台州椒江机电有限公司',
      creditLimit: '1000.00',
      paymentTermsDays: 30,
    });
    const product = await createProduct(app.strapi, staff.supervisor, { stockOnHand: 100 });
    const first = await readyOrder(app.strapi, staff, customer, [{ product, quantity: 10, unitPrice: '60.00' }]);
    const second = await readyOrder(app.strapi, staff, customer, [{ product, quantity: 10, unitPrice: '60.00' }]);
    const shipped = await planShipment(app.strapi, staff.coordinator, first.order, [{ line: first.keys[0], quantity: 10 }]);
    await ok(ship(app.strapi, staff.coordinator, shipped));
    // an advance: 500.00 received, 0.01 of it allocated, 499.99 waiting for the next invoice
    const receivable = await receivableOf(app.strapi, shipped);
    const advance = await rest(app.strapi, staff.clerk).post('/api/payments', {
      data: {
        customer: customer.documentId,
        amount: '500.00',
        receivedOn: today(),
        method: 'bank_transfer',
        allocations: [{ receivable: receivable.documentId, amount: '0.01' }],
      },
    });
    expect([advance.status, advance.body.data?.unallocatedAmount]).toEqual([201, 499.99]);
    // 600.00 − 0.01 open + 600.00 shipped = 1,199.99 billed and open, less 499.99 unallocated = 700.00: under the limit
    await ok(
      ship(
        app.strapi,
        staff.coordinator,
        await planShipment(app.strapi, staff.coordinator, second.order, [{ line: second.keys[0], quantity: 10 }])
      )
    );
    expect((await customerRow(customer)).creditHold).toBe(false);
    const { creditPosition, openBalances } = appModule('src', 'cash-collection', 'credit-control.js');
    const row = await app.strapi.db.query(CUSTOMER).findOne({ where: { documentId: customer.documentId }, select: ['id', 'creditLimit'] });
    for (const fromRollUp of [false, true]) {
      expect(await creditPosition(app.strapi, row, today(), fromRollUp)).toEqual({
        openBalance: '700.00',
        creditLimit: '1000.00',
        currency: 'CNY',
        oldestOpenItem: { daysPastDue: -30, document: first.order.number },
      });
      const balances = await openBalances(app.strapi, [row.id, 999999], today(), fromRollUp);
      expect([...balances].map(([id, amount]) => [id, amount.toFixed(2)])).toEqual([
        [row.id, '700.00'],
        [999999, '0.00'],
      ]);
    }
    const record = (await ok(rest(app.strapi, staff.manager).get(`/api/customers/${customer.documentId}/credit-record`))).data;
    expect(record.position).toMatchObject({ openBalance: '700.00', currency: 'CNY', oldestDaysPastDue: -30 });
  });

  it('lets one new order through with an order override, the next is refused', async () => {
    const customer = await createCustomer(app.strapi, staff.specialist, {
      creditLimit: '100000.00',
      creditHold: true,
      creditHoldReason: '法务纠纷 legal dispute',
    });
    const product = await createProduct(app.strapi, staff.supervisor, {});
    const newOrder = () =>
      rest(app.strapi, staff.specialist).post('/api/orders', {
        data: { customer: customer.documentId, lines: [{ product: product.documentId, quantity: 1, unitPrice: '9.00' }] },
      });
    expectHeld(await newOrder(), /legal dispute/);
    expect((await grant(staff.vp, { customer: customer.documentId, subject: 'order', subjectId: 'abc', reason: 'x' })).status).toBe(400);
    const override = (await ok(grant(staff.vp, { customer: customer.documentId, subject: 'order', reason: '战略客户 strategic' }))).data;
    const order = (await ok(newOrder())).data;
    expect(await app.strapi.db.query(OVERRIDE).findOne({ where: { documentId: override.documentId } })).toMatchObject({
      subjectId: order.documentId,
      usedAt: expect.anything(),
    });
    expectHeld(await newOrder(), /legal dispute/);
  });

  it('puts a customer on hold through the daily job once an item is more than N days overdue', async () => {
    const customer = await createCustomer(app.strapi, staff.specialist, { paymentTermsDays: 30 }); // limit 0: no limit set
    const product = await createProduct(app.strapi, staff.supervisor, { stockOnHand: 5 });
    const { order, keys } = await readyOrder(app.strapi, staff, customer, [{ product, quantity: 5, unitPrice: '1000000.00' }]);
    const shipment = await planShipment(app.strapi, staff.coordinator, order, [{ line: keys[0], quantity: 5 }]);
    await ok(ship(app.strapi, staff.coordinator, shipment));
    expect((await customerRow(customer)).creditHold).toBe(false); // 5,000,000.00 owed, no limit set

    const due = (await receivableOf(app.strapi, shipment)).dueDate;
    await runCollectionJob(app.strapi, noonOn(addDays(due, 60)));
    expect((await customerRow(customer)).creditHold).toBe(false); // exactly 60 days: not more than 60
    await runCollectionJob(app.strapi, noonOn(addDays(due, 61)));
    const held = await customerRow(customer);
    expect(held).toMatchObject({ creditHold: true, creditHoldSource: 'automatic' });
    expect(held.creditHoldReason).toBe(`automatic credit hold: ${order.number} receivable 61 days overdue (more than 60)`);
    await runCollectionJob(app.strapi, noonOn(addDays(due, 62)));
    expect((await eventsOf(customer)).map((event) => event.kind)).toEqual(['hold']); // still one hold; the reason follows the days
    expect((await customerRow(customer)).creditHoldReason).toContain('62 days overdue');

    // staff cannot lift an automatic hold: the rule lifts it
    const lift = await rest(app.strapi, staff.clerk).put(`/api/customers/${customer.documentId}`, { data: { creditHold: false } });
    expect(lift.status).toBe(409);
    expect((await customerRow(customer)).creditHold).toBe(true);
    await drainOutbox(app.strapi);
  });

  it('never lifts a hold staff placed, and records manual holds and releases', async () => {
    const customer = await createCustomer(app.strapi, staff.specialist, { creditLimit: '50000.00' });
    await ok(
      rest(app.strapi, staff.clerk).put(`/api/customers/${customer.documentId}`, {
        data: { creditHold: true, creditHoldReason: '客户经营异常', creditHoldSource: 'automatic' },
      })
    );
    const row = await customerRow(customer);
    expect(row).toMatchObject({ creditHold: true, creditHoldSource: 'manual' });
    expect((await reassessCredit(app.strapi, row.id)).outcome).toBe('manual');
    await runCollectionJob(app.strapi, new Date());
    expect(await customerRow(customer)).toMatchObject({ creditHold: true, creditHoldReason: '客户经营异常' });

    await ok(rest(app.strapi, staff.clerk).put(`/api/customers/${customer.documentId}`, { data: { creditHold: false } }));
    expect(await customerRow(customer)).toMatchObject({ creditHold: false, creditHoldSource: null });
    const events = await app.strapi.db
      .query(CREDIT_EVENT)
      .findMany({ where: { customer: { id: row.id } }, populate: { actor: { select: ['id'] } }, orderBy: { id: 'asc' } });
    expect(events.map((event: { kind: string; actor: { id: number } }) => [event.kind, event.actor.id])).toEqual([
      ['manual_hold', staff.clerk.id],
      ['manual_release', staff.clerk.id],
    ]);
    await drainOutbox(app.strapi);
  });

  it('holds the credit rule at every write and at confirmation: no draft moved to a held customer, no order confirmed, no contract activated for one', async () => {
    const product = await createProduct(app.strapi, staff.supervisor, {});
    const free = await createCustomer(app.strapi, staff.specialist, { creditLimit: '100000.00' });
    const held = await createCustomer(app.strapi, staff.specialist, {
      creditLimit: '100000.00',
      creditHold: true,
      creditHoldReason: '法务纠纷 legal dispute',
    });
    const lines = [{ product: product.documentId, quantity: 2, unitPrice: '10.00' }];
    const orderRow = (order: Doc) =>
      app.strapi.db.query(ORDER).findOne({
        where: { documentId: order.documentId },
        select: ['state', 'version'],
        populate: { customer: { select: ['documentId'] } },
      });
    const putOnHold = (customer: Doc) =>
      ok(
        rest(app.strapi, staff.clerk).put(`/api/customers/${customer.documentId}`, {
          data: { creditHold: true, creditHoldReason: '客户经营异常' },
        })
      );

    // a draft of a free customer moved to the held one: 409, still the free customer's
    const draft = await createOrder(app.strapi, staff.specialist, { customer: free.documentId, lines });
    expectHeld(
      await rest(app.strapi, staff.specialist).put(`/api/orders/${draft.documentId}`, { data: { customer: held.documentId } }),
      /legal dispute/
    );
    expect(await orderRow(draft)).toMatchObject({ state: 'draft', version: 1, customer: { documentId: free.documentId } });

    // a draft whose customer went on hold afterwards is not confirmed
    const late = await createCustomer(app.strapi, staff.specialist, { creditLimit: '100000.00' });
    const order = await createOrder(app.strapi, staff.specialist, { customer: late.documentId, lines });
    await putOnHold(late);
    expectHeld(await actOn(app.strapi, staff.supervisor, ORDER, order.documentId, 'confirm', { comment: 'by phone' }), /客户经营异常/);
    expect(await orderRow(order)).toMatchObject({ state: 'draft', version: 1 });
    // with marketing-vp's order override it is, and the override is this order's
    await ok(grant(staff.vp, { customer: late.documentId, subject: 'order', reason: '预付款已到 prepaid' }));
    await ok(actOn(app.strapi, staff.supervisor, ORDER, order.documentId, 'confirm', { comment: 'by phone' }));
    expect(await app.strapi.db.query(OVERRIDE).findOne({ where: { customer: { documentId: late.documentId } } })).toMatchObject({
      subjectId: order.documentId,
      usedAt: expect.anything(),
    });

    // an order created under an override is confirmed under the same one
    const overridden = await createCustomer(app.strapi, staff.specialist, {
      creditLimit: '100000.00',
      creditHold: true,
      creditHoldReason: '法务纠纷 legal dispute',
    });
    await ok(grant(staff.vp, { customer: overridden.documentId, subject: 'order', reason: '战略客户 strategic' }));
    const granted = await createOrder(app.strapi, staff.specialist, { customer: overridden.documentId, lines });
    await ok(actOn(app.strapi, staff.supervisor, ORDER, granted.documentId, 'confirm', { comment: 'by phone' }));

    // a contract approved and sealed is not activated once its customer is on hold; its order stays a draft
    const customer = await createCustomer(app.strapi, staff.specialist, { creditLimit: '100000.00' });
    const contracted = await createOrder(app.strapi, staff.specialist, {
      customer: customer.documentId,
      requiredDate: '2027-03-01',
      lines,
    });
    const contract = await draftContract(app.strapi, staff.specialist, { orders: [contracted.documentId], paymentTerms: 'T/T 30 days' });
    await ok(contractAct(app.strapi, staff.specialist, contract.documentId, 'submit'));
    await ok(contractAct(app.strapi, staff.supervisor, contract.documentId, 'review', { verdict: 'approve' }));
    await ok(contractAct(app.strapi, staff.planner, contract.documentId, 'review', { verdict: 'approve' }));
    await ok(contractAct(app.strapi, staff.specialist, contract.documentId, 'reply', { channel: 'phone', content: 'approved' }));
    await ok(
      contractAct(app.strapi, staff.supervisor, contract.documentId, 'seal', {
        sealType: 'contract_seal',
        copies: 2,
        documentSha256: 'a'.repeat(64),
      })
    );
    await putOnHold(customer);
    expectHeld(await contractAct(app.strapi, staff.specialist, contract.documentId, 'activate'), /activating/);
    expect(await stateOf(app.strapi, contract.documentId)).toBe('sealed');
    expect((await orderRow(contracted)).state).toBe('draft');
    // the VP's override for this contract lets it be activated
    await ok(
      grant(staff.vp, {
        customer: customer.documentId,
        subject: 'contract',
        subjectId: contract.documentId,
        reason: '合同已付定金 deposit paid',
      })
    );
    await ok(contractAct(app.strapi, staff.specialist, contract.documentId, 'activate'));
    expect((await orderRow(contracted)).state).toBe('confirmed');
    await drainOutbox(app.strapi);
  });

  it('lets only the sales manager and the marketing VP change credit terms, with a reason, recorded and weighed at once by the credit rule', async () => {
    const customer = await createCustomer(app.strapi, staff.specialist, { creditLimit: '1000.00', paymentTermsDays: 30 });
    const product = await createProduct(app.strapi, staff.supervisor, { stockOnHand: 20 });
    const { order, keys } = await readyOrder(app.strapi, staff, customer, [{ product, quantity: 20, unitPrice: '60.00' }]);
    await ok(
      ship(app.strapi, staff.coordinator, await planShipment(app.strapi, staff.coordinator, order, [{ line: keys[0], quantity: 20 }]))
    );
    const terms = async () => {
      const row = await app.strapi.db.query(CUSTOMER).findOne({
        where: { documentId: customer.documentId },
        select: ['name', 'creditLimit', 'paymentTermsDays', 'creditTermsReason', 'creditHold', 'creditHoldSource', 'creditHoldReason'],
      });
      return { ...row, creditLimit: Number(row.creditLimit).toFixed(2) };
    };
    const put = (member: StaffMember, data: Record<string, unknown>) =>
      rest(app.strapi, member).put(`/api/customers/${customer.documentId}`, { data });
    const held = await terms();
    expect(held).toMatchObject({ creditLimit: '1000.00', paymentTermsDays: 30, creditHold: true, creditHoldSource: 'automatic' });

    // the reproductions: no limit (0) or a huge limit from those who take orders or keep files: 403, nothing changes
    for (const [member, data] of [
      [staff.specialist, { creditLimit: '0' }],
      [staff.clerk, { creditLimit: '999999999.00' }],
      [staff.supervisor, { creditLimit: '999999999.00', creditTermsReason: 'I say so' }],
      [staff.specialist, { paymentTermsDays: 90 }],
    ] as const) {
      const res = await put(member, data);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/set by the sales manager or the marketing VP/);
    }
    expect(
      (await rest(app.strapi, staff.specialist).post('/api/customers', { data: { name: '新客户', creditLimit: '50000.00' } })).status
    ).toBe(403);
    expect(await terms()).toEqual(held);
    expect((await eventsOf(customer)).map((event) => event.kind)).toEqual(['hold']);

    // the terms sent unchanged (as the content manager's form does) are no change
    await ok(put(staff.clerk, { creditLimit: '1000', paymentTermsDays: 30, notes: '对账联系人：财务部' }));
    expect(await terms()).toEqual(held);

    // the sales manager: a reason is required, and only the terms
    const noReason = await put(staff.manager, { creditLimit: '1100.00' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.errors[0].path).toEqual(['creditTermsReason']);
    expect((await put(staff.manager, { name: '改名', creditLimit: '1100.00', creditTermsReason: '年度授信' })).status).toBe(403);
    expect(await terms()).toEqual(held);

    // a change with a reason: recorded with who, why, before and after; the hold is weighed again at once
    await ok(put(staff.manager, { creditLimit: '1100.00', creditTermsReason: '年度授信调整 annual review' }));
    expect(await terms()).toMatchObject({
      creditLimit: '1100.00',
      creditTermsReason: null,
      creditHold: true,
      creditHoldSource: 'automatic',
    });
    expect((await terms()).creditHoldReason).toBe('automatic credit hold: open balance 1,200.00 CNY exceeds the credit limit 1,100.00');
    await ok(put(staff.vp, { creditLimit: '0', paymentTermsDays: 45, creditTermsReason: '战略客户，取消额度 strategic customer' }));
    expect(await terms()).toMatchObject({
      creditLimit: '0.00',
      paymentTermsDays: 45,
      creditTermsReason: null,
      creditHold: false,
      creditHoldSource: null,
    });
    await ok(put(staff.manager, { creditLimit: '500.00', creditTermsReason: '回款慢，收紧额度' }));
    expect(await terms()).toMatchObject({ creditLimit: '500.00', creditHold: true, creditHoldSource: 'automatic' });
    expect(await eventsOf(customer)).toEqual([
      { kind: 'hold', reason: held.creditHoldReason },
      { kind: 'terms', reason: 'credit limit 1,000.00 → 1,100.00: 年度授信调整 annual review' },
      { kind: 'terms', reason: 'credit limit 1,100.00 → 0.00 (no limit); payment days 30 → 45: 战略客户，取消额度 strategic customer' },
      { kind: 'release', reason: expect.stringMatching(/^automatic release/) },
      { kind: 'terms', reason: 'credit limit 0.00 (no limit) → 500.00: 回款慢，收紧额度' },
      { kind: 'hold', reason: 'automatic credit hold: open balance 1,200.00 CNY exceeds the credit limit 500.00' },
    ]);
    // in the admin panel: the sales manager saves the whole customer form with new terms and a reason;
    // the sales clerk's form with a changed limit is refused
    const form = async (admin: AdminMember) => {
      const found = await contentManager(app.strapi, admin).findOne(CUSTOMER, customer.documentId);
      return {
        ...editForm(found.body.data),
        salesperson: { connect: [], disconnect: [] },
        orders: { connect: [], disconnect: [] },
        inquiries: { connect: [], disconnect: [] },
      };
    };
    const clerkAdmin = await createAdminUser(app.strapi, 'sales-clerk');
    const refusedForm = await contentManager(app.strapi, clerkAdmin).update(CUSTOMER, customer.documentId, {
      ...(await form(clerkAdmin)),
      creditLimit: 999999999,
    });
    expect(refusedForm.status).toBe(403);
    expect((await terms()).creditLimit).toBe('500.00');
    // the super admin keeps the customer file in the panel, but decides no credit terms
    const superAdmin = await createAdminUser(app.strapi, 'strapi-super-admin');
    await ok(
      contentManager(app.strapi, superAdmin).update(CUSTOMER, customer.documentId, { ...(await form(superAdmin)), notes: '主管核对' })
    );
    expect(
      (
        await contentManager(app.strapi, superAdmin).update(CUSTOMER, customer.documentId, {
          ...(await form(superAdmin)),
          creditLimit: 0,
          creditTermsReason: 'x',
        })
      ).status
    ).toBe(403);
    expect((await terms()).creditLimit).toBe('500.00');
    const managerAdmin = await createAdminUser(app.strapi, 'sales-manager');
    const savedForm = await contentManager(app.strapi, managerAdmin).update(CUSTOMER, customer.documentId, {
      ...(await form(managerAdmin)),
      creditLimit: 600,
      creditTermsReason: '客户补充担保 guarantee added',
    });
    expect([savedForm.status, savedForm.body.error]).toEqual([200, undefined]);
    expect(await terms()).toMatchObject({ creditLimit: '600.00', creditTermsReason: null, creditHold: true });
    expect((await eventsOf(customer)).slice(-1)).toEqual([
      { kind: 'terms', reason: 'credit limit 500.00 → 600.00: 客户补充担保 guarantee added' },
    ]);
    await ok(put(staff.manager, { creditLimit: '500.00', creditTermsReason: '恢复 back to 500' }));

    const record = (await ok(rest(app.strapi, staff.clerk).get(`/api/customers/${customer.documentId}/credit-record`))).data;
    const changes = record.events.filter((event: { kind: string }) => event.kind === 'terms');
    expect(changes.map((event: { actor: { id: number } | null; terms: unknown }) => [event.actor?.id ?? null, event.terms])).toEqual([
      [
        staff.manager.id,
        { before: { creditLimit: '600.00', paymentTermsDays: 45 }, after: { creditLimit: '500.00', paymentTermsDays: 45 } },
      ],
      [null, { before: { creditLimit: '500.00', paymentTermsDays: 45 }, after: { creditLimit: '600.00', paymentTermsDays: 45 } }],
      [staff.manager.id, { before: { creditLimit: '0.00', paymentTermsDays: 45 }, after: { creditLimit: '500.00', paymentTermsDays: 45 } }],
      [staff.vp.id, { before: { creditLimit: '1100.00', paymentTermsDays: 30 }, after: { creditLimit: '0.00', paymentTermsDays: 45 } }],
      [
        staff.manager.id,
        { before: { creditLimit: '1000.00', paymentTermsDays: 30 }, after: { creditLimit: '1100.00', paymentTermsDays: 30 } },
      ],
    ]);
    await drainOutbox(app.strapi);
  });

  it('lets nobody write credit events or change overrides', async () => {
    expect((await rest(app.strapi, staff.vp).post('/api/credit-events', { data: { kind: 'release' } })).status).toBe(405);
    expect((await rest(app.strapi, staff.clerk).get('/api/credit-events')).status).toBe(200);
    expect((await rest(app.strapi, staff.planner).get('/api/credit-events')).status).toBe(403);
    expect((await rest(app.strapi, staff.planner).get('/api/credit-overrides')).status).toBe(403);
    await expect(app.strapi.db.query(CREDIT_EVENT).create({ data: { kind: 'release', at: new Date() } })).rejects.toThrow(/refused/);
  });
});
