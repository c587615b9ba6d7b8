/**
 * Order follow-up (售中) through the workflow engine by REST: a repeat order confirmed by the
 * supervisor, scheduled by the planner (the customer mailed the plan), a moved promise with its
 * reason (mailed, kept in the history), stock allocated to lines and never beyond what is available
 * (also under concurrent allocations), ready only once the packaging artwork is confirmed, hold and
 * resume, cancel, progress notes escalated by mail; after confirmation only notes may be edited.
 */
import { adminLinks, linkedTo, useMailCatcher } from '../helpers/mail';
import { useStrapi } from '../helpers/strapi';
import { rest, StaffMember } from '../helpers/staff';
import { useOrderSetup } from '../helpers/shipping';
import { createCustomer, createOrder, createProduct, Doc, expectValidationError } from '../helpers/fixtures';
import { drainOutbox } from '../../src/notifications/worker';
import { actOn, ok } from '../helpers/workflow';
import { ORDER, PRODUCT } from '../../src/platform/uids';

describe('order follow-up', () => {
  const mail = useMailCatcher();
  const app = useStrapi();
  const { supervisor, specialist, planner, coordinator, quality, customer } = useOrderSetup(
    app,
    { quality: 'quality' },
    {
      contacts: [{ name: 'Zhao', email: 'zhao@customer.test', primary: true }],
    }
  );

  const sentMail = async () => {
    await drainOutbox(app.strapi);
    return mail.catcher.messages.splice(0).map((m) => ({ to: m.to.join(','), subject: m.subject, text: m.text, html: m.html }));
  };
  const stored = (documentId: string) =>
    app.strapi.db.query(ORDER).findOne({ where: { documentId }, populate: { lines: { populate: ['product'] } } });
  const act = (member: StaffMember, documentId: string, action: string, fields: Record<string, unknown> = {}) =>
    actOn(app.strapi, member, ORDER, documentId, action, fields);
  const confirmedOrder = async (stock = 100, quantity = 10) => {
    const product = await createProduct(app.strapi, supervisor, { stockOnHand: stock });
    const order = await createOrder(app.strapi, specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity, unitPrice: '12.00' }],
    });
    await ok(act(supervisor, order.documentId, 'confirm', { comment: 'repeat order, same terms as SO last year' }));
    return { order, product };
  };
  const availability = async (product: Doc) =>
    (await rest(app.strapi, coordinator).get(`/api/products/${product.documentId}/availability`)).body.data;

  it('gives every order line a key and holds no stock in a draft', async () => {
    const product = await createProduct(app.strapi, supervisor);
    const order = await createOrder(app.strapi, specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 2, unitPrice: '1.00', reservedQuantity: 2, key: 'mine' }],
    });
    const [line] = (await stored(order.documentId)).lines;
    expect(line.key).toMatch(/^[a-z][a-z0-9]{11}$/);
    expect(line.reservedQuantity).toBe(0);
  });

  it('confirms a repeat order (supervisor only), schedules it and mails the plan to the customer', async () => {
    const product = await createProduct(app.strapi, supervisor);
    const order = await createOrder(app.strapi, specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 1, unitPrice: '5.00' }],
    });
    expect((await act(specialist, order.documentId, 'confirm', { comment: 'x' })).status).toBe(403);
    await ok(act(supervisor, order.documentId, 'confirm', { comment: 'repeat order' }));
    const bad = await act(planner, order.documentId, 'schedule', {
      plannedStart: '2027-01-10',
      plannedFinish: '2027-01-05',
      promisedDate: '2027-01-20',
    });
    expectValidationError(bad, 'plannedFinish');
    expectValidationError(await act(planner, order.documentId, 'schedule', { plannedStart: '2027-01-10' }), 'plannedFinish');
    await sentMail();
    const body = await ok(
      act(planner, order.documentId, 'schedule', { plannedStart: '2027-01-04', plannedFinish: '2027-01-15', promisedDate: '2027-01-20' })
    );
    expect(body.data).toMatchObject({
      state: 'scheduled',
      plannedStart: '2027-01-04',
      plannedFinish: '2027-01-15',
      promisedDate: '2027-01-20',
    });
    const mails = await sentMail();
    expect(mails).toEqual([expect.objectContaining({ to: 'zhao@customer.test', subject: `订单交期确认：${order.number}` })]);
    expect(mails[0].text).toContain('承诺交货日期 2027-01-20');
    expect(adminLinks(mails[0])).toEqual({ text: null, html: null }); // the customer's mail: no admin link
  });

  it('moves a promised date only with a reason, mails the customer and keeps it in the history', async () => {
    const { order } = await confirmedOrder();
    await ok(
      act(planner, order.documentId, 'schedule', { plannedStart: '2027-01-04', plannedFinish: '2027-01-15', promisedDate: '2027-01-20' })
    );
    await sentMail();
    expectValidationError(await act(planner, order.documentId, 'reschedule', { promisedDate: '2027-02-01' }), 'comment');
    expectValidationError(
      await act(planner, order.documentId, 'reschedule', { promisedDate: '2027-01-20', comment: 'same' }),
      'promisedDate'
    );
    expect((await act(coordinator, order.documentId, 'reschedule', { promisedDate: '2027-02-01', comment: 'x' })).status).toBe(403);
    await ok(act(planner, order.documentId, 'reschedule', { promisedDate: '2027-02-01', comment: '铸件供应商延期交货' }));
    expect((await stored(order.documentId)).promisedDate).toBe('2027-02-01');
    const [moved] = await sentMail();
    expect(moved).toMatchObject({ to: 'zhao@customer.test', subject: `订单交期变更：${order.number}` });
    expect(moved.text).toContain('由 2027-01-20 变更为 2027-02-01');
    expect(moved.text).toContain('原因：铸件供应商延期交货');
    expect(moved.text + moved.html).not.toContain('/admin');
    const history = (await rest(app.strapi, supervisor).get(`/api/orders/${order.documentId}/workflow`)).body.data.history;
    expect(history.at(-1)).toMatchObject({
      action: 'reschedule',
      role: 'planner',
      comment: '铸件供应商延期交货',
      fromState: 'scheduled',
      toState: 'scheduled',
    });
  });

  it('allocates stock to lines, never beyond what is available; releasing gives it back', async () => {
    const { order, product } = await confirmedOrder(30, 25);
    const [line] = (await stored(order.documentId)).lines;
    expectValidationError(await act(coordinator, order.documentId, 'allocate', { lines: [{ line: line.key, reserve: 26 }] }), 'reserve');
    expectValidationError(await act(coordinator, order.documentId, 'allocate', { lines: [{ line: 'nosuchline', reserve: 1 }] }), 'line');
    await ok(act(coordinator, order.documentId, 'allocate', { lines: [{ line: line.key, source: 'outsourced', reserve: 20 }] }));
    expect(await availability(product)).toMatchObject({ stockOnHand: 30, stockReserved: 20, available: 10 });
    expect((await stored(order.documentId)).lines[0]).toMatchObject({ reservedQuantity: 20, source: 'outsourced' });

    const other = await createOrder(app.strapi, specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 15, unitPrice: '12.00' }],
    });
    await ok(act(supervisor, other.documentId, 'confirm', { comment: 'repeat' }));
    const [otherLine] = (await stored(other.documentId)).lines;
    const tooMuch = await act(coordinator, other.documentId, 'allocate', { lines: [{ line: otherLine.key, reserve: 11 }] });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error.message).toContain('only 10 of');
    expect((await stored(other.documentId)).lines[0].reservedQuantity).toBe(0);

    await ok(act(coordinator, order.documentId, 'allocate', { lines: [{ line: line.key, reserve: 5 }] }));
    expect(await availability(product)).toMatchObject({ stockReserved: 5, available: 25 });
  });

  it('never reserves more than is available when 20 orders allocate the same product at once', async () => {
    const product = await createProduct(app.strapi, supervisor, { stockOnHand: 50 });
    const orders = [];
    for (let i = 0; i < 20; i += 1) {
      const order = await createOrder(app.strapi, specialist, {
        customer: customer.documentId,
        lines: [{ product: product.documentId, quantity: 5, unitPrice: '1.00' }],
      });
      await ok(act(supervisor, order.documentId, 'confirm', { comment: 'repeat' }));
      orders.push({ documentId: order.documentId, line: (await stored(order.documentId)).lines[0].key });
    }
    const results = await Promise.all(
      orders.map((o) => act(coordinator, o.documentId, 'allocate', { lines: [{ line: o.line, reserve: 5 }] }))
    );
    const statuses = results.map((res) => res.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    const row = await app.strapi.db.query(PRODUCT).findOne({ where: { documentId: product.documentId } });
    expect([row.stockOnHand, row.stockReserved]).toEqual([50, 50]);
    const reserved = await Promise.all(orders.map(async (o) => (await stored(o.documentId)).lines[0].reservedQuantity));
    expect(reserved.reduce((sum, n) => sum + n, 0)).toBe(50);
  });

  it('becomes ready only when every packaging artwork is confirmed by the customer', async () => {
    const { order } = await confirmedOrder();
    await ok(
      act(planner, order.documentId, 'schedule', { plannedStart: '2027-01-04', plannedFinish: '2027-01-15', promisedDate: '2027-01-20' })
    );
    await ok(act(coordinator, order.documentId, 'start_production'));
    const carton = await rest(app.strapi, coordinator).post('/api/packaging-items', {
      data: { order: order.documentId, kind: 'carton', description: '外箱 5层瓦楞 印客户LOGO' },
    });
    expect(carton.status).toBe(201);
    await rest(app.strapi, coordinator).post('/api/packaging-items', {
      data: {
        order: order.documentId,
        kind: 'manual',
        description: '英文说明书',
        artworkConfirmedAt: '2026-12-01',
        artworkConfirmedBy: 'Mr Zhao',
      },
    });
    const early = await act(coordinator, order.documentId, 'mark_ready');
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('外箱 5层瓦楞 印客户LOGO');
    expectValidationError(
      await rest(app.strapi, coordinator).put(`/api/packaging-items/${carton.body.data.documentId}`, {
        data: { artworkConfirmedAt: '2026-12-02' },
      }),
      'artworkConfirmedBy'
    );
    await rest(app.strapi, coordinator).put(`/api/packaging-items/${carton.body.data.documentId}`, {
      data: { artworkConfirmedAt: '2026-12-02', artworkConfirmedBy: 'Mr Zhao' },
    });
    await ok(act(coordinator, order.documentId, 'mark_ready'));
    expect((await stored(order.documentId)).state).toBe('ready');
    expectValidationError(
      await rest(app.strapi, coordinator).post('/api/packaging-items', { data: { kind: 'label', description: 'no order' } }),
      'order'
    );
  });

  it('holds and resumes where it was, cancels with a reason; a note escalates a problem by mail', async () => {
    const { order } = await confirmedOrder();
    await ok(
      act(planner, order.documentId, 'schedule', { plannedStart: '2027-01-04', plannedFinish: '2027-01-15', promisedDate: '2027-01-20' })
    );
    await sentMail();
    expectValidationError(await act(coordinator, order.documentId, 'hold'), 'comment');
    await ok(act(coordinator, order.documentId, 'hold', { comment: 'customer asks to wait for the new drawing' }));
    expect(await stored(order.documentId)).toMatchObject({ state: 'on_hold', heldFrom: 'scheduled' });
    await ok(act(quality, order.documentId, 'note', { kind: 'problem', comment: '来料检验不合格，铸件气孔', escalateTo: 'planner' }));
    const [escalation] = await sentMail();
    expect(escalation).toMatchObject({ to: planner.email, subject: `订单跟进问题：${order.number} ${customer.name}` });
    expect(escalation.text).toContain('来料检验不合格，铸件气孔');
    const page = `http://localhost:${app.strapi.config.get('server.port')}/admin/content-manager/collection-types/${ORDER}/${order.documentId}`;
    expect(adminLinks(escalation)).toEqual(linkedTo(page, 'zh-CN'));
    expectValidationError(await act(quality, order.documentId, 'note', { kind: 'gossip', comment: 'x' }), 'kind');
    await ok(act(coordinator, order.documentId, 'resume', { comment: 'drawing received' }));
    expect(await stored(order.documentId)).toMatchObject({ state: 'scheduled', heldFrom: null });
    expect((await act(coordinator, order.documentId, 'cancel', { comment: 'x' })).status).toBe(403);
    await ok(act(supervisor, order.documentId, 'cancel', { comment: 'customer cancelled the project' }));
    const again = await act(supervisor, order.documentId, 'resume', { comment: 'x' });
    expect(again.status).toBe(409);
    expect(again.body.error.details.allowedActions).toEqual([]);
  });

  it('once confirmed, an edit may change the notes and the required date, not the lines or the customer', async () => {
    const { order } = await confirmedOrder();
    const notes = await rest(app.strapi, specialist).put(`/api/orders/${order.documentId}`, {
      data: { notes: '客户要求加急', requiredDate: '2027-01-10' },
    });
    expect(notes.status).toBe(200);
    const other = await createCustomer(app.strapi, specialist);
    const moved = await rest(app.strapi, specialist).put(`/api/orders/${order.documentId}`, { data: { customer: other.documentId } });
    expect(moved.status).toBe(409);
    expect(moved.body.error.details.fields).toEqual(['customer']);
    const product = await createProduct(app.strapi, supervisor);
    const relined = await rest(app.strapi, specialist).put(`/api/orders/${order.documentId}`, {
      data: { lines: [{ product: product.documentId, quantity: 1, unitPrice: '1.00' }] },
    });
    expect(relined.status).toBe(409);
    const row = await stored(order.documentId);
    expect(row).toMatchObject({ notes: '客户要求加急', requiredDate: '2027-01-10', total: 120 });
    expect(row.lines).toHaveLength(1);
  });
});
