/**
 * Shipments and receivables by REST: a shipment made from a ready order, never more than is open
 * across all its shipments (also when many are made at once); shipping takes the goods from stock
 * (never below zero under concurrent shipping), releases the reservation, creates the exact
 * receivable due after the payment terms, moves the order, and mails the customer the delivery
 * note as a PDF; cancelling puts the goods back and voids the receivable unless it was paid.
 */
import request from 'supertest';
import { adminLinks, useMailCatcher } from '../helpers/mail';
import { useStrapi } from '../helpers/strapi';
import { rest, StaffMember } from '../helpers/staff';
import { readyOrder as readyOrderOf, useOrderSetup } from '../helpers/shipping';
import { createAdminUser, contentManager } from '../helpers/admin';
import { businessYear, countRows, createCustomer, createOrder, createProduct, Doc, expectValidationError } from '../helpers/fixtures';
import { drainOutbox } from '../../src/notifications/worker';
import { readPdf } from '../helpers/pdf';
import { actOn, ok } from '../helpers/workflow';
import { ORDER, PRODUCT, RECEIVABLE, SHIPMENT } from '../../src/platform/uids';

const addDays = (date: string, days: number) => {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
};
const todayInShanghai = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

describe('shipments and receivables', () => {
  const mail = useMailCatcher();
  const app = useStrapi();
  const { supervisor, specialist, planner, coordinator, clerk, customer } = useOrderSetup(
    app,
    { clerk: 'sales-clerk' },
    {
      name: '宁波海天精工机械有限公司',
      address: '宁波市北仑区',
      paymentTermsDays: 45,
      contacts: [{ name: '陈工', email: 'chen@customer.test', phone: '0574-8888', primary: true }],
    }
  );

  const stored = (uid: string, documentId: string) =>
    app.strapi.db.query(uid as never).findOne({ where: { documentId }, populate: { lines: true } });
  const orderAct = (member: StaffMember, documentId: string, action: string, fields: Record<string, unknown> = {}) =>
    actOn(app.strapi, member, ORDER, documentId, action, fields);
  const shipmentAct = (member: StaffMember, documentId: string, action: string, fields: Record<string, unknown> = {}) =>
    actOn(app.strapi, member, SHIPMENT, documentId, action, fields);
  /** An order taken to ready: confirmed, scheduled, produced. */
  const readyOrder = (lines: { product: Doc; quantity: number; unitPrice: string }[]) =>
    readyOrderOf(app.strapi, { specialist, supervisor, planner, coordinator }, customer, lines);
  const newShipment = (
    member: StaffMember,
    order: Doc,
    lines: { line: string; quantity: number }[],
    fields: Record<string, unknown> = {}
  ) =>
    rest(app.strapi, member).post('/api/shipments?populate=lines', {
      data: { order: order.documentId, lines, transportMode: 'truck', truckPlate: '浙B·12345', driverName: '王师傅', ...fields },
    });
  const stock = async (product: Doc) => {
    const row = await app.strapi.db.query(PRODUCT).findOne({ where: { documentId: product.documentId } });
    return { onHand: row.stockOnHand, reserved: row.stockReserved };
  };

  it('ships an order in two shipments: stock, reservation, receivables, order state, mail with the delivery note', async () => {
    const pump = await createProduct(app.strapi, supervisor, { name: '离心泵', stockOnHand: 100, unit: '台' });
    const seal = await createProduct(app.strapi, supervisor, { name: '机械密封', stockOnHand: 50, unit: '套' });
    const { order, keys } = await readyOrder([
      { product: pump, quantity: 10, unitPrice: '12.50' },
      { product: seal, quantity: 4, unitPrice: '3.33' },
    ]);
    await ok(orderAct(coordinator, order.documentId, 'allocate', { lines: [{ line: keys[0], reserve: 10 }] }));
    expect(await stock(pump)).toEqual({ onHand: 100, reserved: 10 });

    const first = (await ok(newShipment(coordinator, order, [{ line: keys[0], quantity: 6 }]))).data;
    expect(first).toMatchObject({ state: 'planned', number: `CK-${businessYear()}-000001` });
    expect(first.lines).toEqual([expect.objectContaining({ line: keys[0], quantity: 6, unitPrice: 12.5 })]);
    const before = await countRows(app.strapi, SHIPMENT);
    const over = await newShipment(coordinator, order, [{ line: keys[0], quantity: 5 }]);
    expectValidationError(over, 'only 4 still open');
    expect(await countRows(app.strapi, SHIPMENT)).toBe(before);

    await drainOutbox(app.strapi);
    mail.catcher.messages.splice(0);
    await ok(shipmentAct(coordinator, first.documentId, 'ship'));
    expect(await stock(pump)).toEqual({ onHand: 94, reserved: 4 });
    expect((await stored(ORDER, order.documentId)).state).toBe('partially_shipped');
    const [receivable] = await app.strapi.db
      .query(RECEIVABLE)
      .findMany({ where: { shipment: { documentId: first.documentId } }, populate: ['order', 'customer'] });
    const invoiceDate = todayInShanghai();
    expect(receivable).toMatchObject({
      amount: 75,
      openAmount: 75,
      currency: 'CNY',
      state: 'open',
      invoiceDate,
      dueDate: addDays(invoiceDate, 45),
    });
    expect(receivable.order.documentId).toBe(order.documentId);

    await drainOutbox(app.strapi);
    const [shippedMail] = mail.catcher.messages.splice(0);
    expect(shippedMail.to).toEqual(['chen@customer.test']);
    expect(shippedMail.subject).toBe(`出货通知：${first.number}（订单 ${order.number}）`);
    expect(shippedMail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${first.number}.pdf`, 'application/pdf']]);
    expect(shippedMail.attachments[0].content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(adminLinks(shippedMail)).toEqual({ text: null, html: null }); // the customer's mail: no admin link
    expect(shippedMail.text + shippedMail.html).not.toContain('/admin');

    const pdf = await rest(app.strapi, clerk)
      .get(`/api/shipments/${first.documentId}/delivery-note.pdf`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const printed = readPdf(pdf.body as Buffer).pages.flatMap((page) => page.lines.map((line) => line.join(' ')));
    expect(printed.join('\n')).toContain('宁波海天精工机械有限公司');
    expect(printed.some((line) => line.includes('离心泵') && line.includes('6') && line.includes('台'))).toBe(true);
    expect(printed.join('\n')).toContain(first.number);
    expect(printed.join('\n')).toContain(order.number);
    // The admin panel's "Print delivery note": the same PDF, for an admin user who may read shipments.
    const admin = await createAdminUser(app.strapi, 'sales-clerk');
    const http = request(app.strapi.server.httpServer);
    const adminPdf = await http
      .get(`/workflows/shipment/${first.documentId}/delivery-note.pdf`)
      .set('Authorization', `Bearer ${admin.token}`)
      .responseType('blob');
    expect([adminPdf.status, adminPdf.headers['content-type'], adminPdf.headers['content-disposition']]).toEqual([
      200,
      'application/pdf',
      `inline; filename="${first.number}.pdf"`,
    ]);
    expect(adminPdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await http.get(`/workflows/shipment/${first.documentId}/delivery-note.pdf`)).status).toBe(401);

    const second = (
      await ok(
        newShipment(
          clerk,
          order,
          [
            { line: keys[0], quantity: 4 },
            { line: keys[1], quantity: 4 },
          ],
          {
            transportMode: 'forwarder',
            forwarder: '中远海运',
            vessel: 'COSCO STAR',
            containerNumber: 'CSNU1234567',
            customsReference: '3101-2026-0001',
          }
        )
      )
    ).data;
    await ok(shipmentAct(clerk, second.documentId, 'ship'));
    expect((await stored(ORDER, order.documentId)).state).toBe('shipped');
    expect(await stock(pump)).toEqual({ onHand: 90, reserved: 0 });
    expect(await stock(seal)).toEqual({ onHand: 46, reserved: 0 });
    const secondReceivable = await app.strapi.db.query(RECEIVABLE).findOne({ where: { shipment: { documentId: second.documentId } } });
    expect(secondReceivable.amount).toBe(63.32); // 4 × 12.50 + 4 × 3.33
    expect((await orderAct(supervisor, order.documentId, 'cancel', { comment: 'x' })).status).toBe(409);

    // cancelling the second shipment: the goods back, the receivable void, the order partially shipped again
    await ok(shipmentAct(supervisor, second.documentId, 'cancel', { comment: 'truck did not leave' }));
    expect(await stock(pump)).toEqual({ onHand: 94, reserved: 0 });
    expect(await stock(seal)).toEqual({ onHand: 50, reserved: 0 });
    expect(await app.strapi.db.query(RECEIVABLE).findOne({ where: { shipment: { documentId: second.documentId } } })).toMatchObject({
      state: 'void',
      openAmount: 0,
    });
    expect((await stored(ORDER, order.documentId)).state).toBe('partially_shipped');
    const history = (await rest(app.strapi, supervisor).get(`/api/orders/${order.documentId}/workflow`)).body.data.history;
    expect(history.slice(-3).map((e: { action: string; toState: string }) => [e.action, e.toState])).toEqual([
      ['ship', 'partially_shipped'],
      ['ship', 'shipped'],
      ['cancel_shipment', 'partially_shipped'],
    ]);
  });

  it('refuses to cancel a shipment whose receivable was paid; nothing changes', async () => {
    const product = await createProduct(app.strapi, supervisor, { stockOnHand: 10 });
    const { order, keys } = await readyOrder([{ product, quantity: 2, unitPrice: '100.00' }]);
    const shipment = (await ok(newShipment(coordinator, order, [{ line: keys[0], quantity: 2 }]))).data;
    await ok(shipmentAct(coordinator, shipment.documentId, 'ship'));
    // a payment allocated to it (the collection module writes this; here straight to the table)
    const table = app.strapi.db.metadata.get(RECEIVABLE as never).tableName;
    const receivable = await app.strapi.db.query(RECEIVABLE).findOne({ where: { shipment: { documentId: shipment.documentId } } });
    await app.strapi.db.connection(table).where({ id: receivable.id }).update({ open_amount: 50 });
    const res = await shipmentAct(coordinator, shipment.documentId, 'cancel', { comment: 'wrong goods' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('payments have been allocated');
    expect((await stored(SHIPMENT, shipment.documentId)).state).toBe('shipped');
    expect(await stock(product)).toEqual({ onHand: 8, reserved: 0 });

    // delivered, and the fully shipped order closed
    await ok(shipmentAct(coordinator, shipment.documentId, 'deliver'));
    expect((await stored(SHIPMENT, shipment.documentId)).deliveredAt).toBeTruthy();
    expect((await shipmentAct(coordinator, shipment.documentId, 'cancel', { comment: 'too late' })).status).toBe(409);
    expect((await orderAct(planner, order.documentId, 'close')).status).toBe(403);
    await ok(orderAct(coordinator, order.documentId, 'close'));
    expect((await stored(ORDER, order.documentId)).state).toBe('closed');
  });

  it('never ships more than the order line has open when 20 shipments are made at once', async () => {
    const product = await createProduct(app.strapi, supervisor, { stockOnHand: 100 });
    const { order, keys } = await readyOrder([{ product, quantity: 10, unitPrice: '1.00' }]);
    const results = await Promise.all(Array.from({ length: 20 }, () => newShipment(coordinator, order, [{ line: keys[0], quantity: 1 }])));
    expect(results.filter((res) => res.status === 201)).toHaveLength(10);
    expect(results.filter((res) => res.status === 400)).toHaveLength(10);
    const shipments = await app.strapi.db
      .query(SHIPMENT)
      .findMany({ where: { order: { documentId: order.documentId } }, populate: { lines: true } });
    expect(
      shipments
        .flatMap((s: { lines: { quantity: number }[] }) => s.lines)
        .reduce((sum: number, l: { quantity: number }) => sum + l.quantity, 0)
    ).toBe(10);
  });

  it('never takes stock below zero when 20 shipments of one product ship at once', async () => {
    const product = await createProduct(app.strapi, supervisor, { stockOnHand: 5 });
    const planned: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const { order, keys } = await readyOrder([{ product, quantity: 1, unitPrice: '1.00' }]);
      planned.push((await ok(newShipment(coordinator, order, [{ line: keys[0], quantity: 1 }]))).data.documentId);
    }
    const results = await Promise.all(planned.map((documentId) => shipmentAct(coordinator, documentId, 'ship')));
    expect(results.filter((res) => res.status === 200)).toHaveLength(5);
    expect(results.filter((res) => res.status === 409)).toHaveLength(15);
    expect(await stock(product)).toEqual({ onHand: 0, reserved: 0 });
    expect(await app.strapi.db.query(RECEIVABLE).count({ where: { shipment: { documentId: { $in: planned } } } })).toBe(5);
  });

  it('refuses shipments of an order not ready, edits after shipping, and any client write of a receivable', async () => {
    const product = await createProduct(app.strapi, supervisor, { stockOnHand: 10 });
    const draft = await createOrder(app.strapi, specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 1, unitPrice: '1.00' }],
    });
    const early = await newShipment(coordinator, draft, [{ line: 'x', quantity: 1 }]);
    expect(early.status).toBe(409);
    expect((await newShipment(specialist, draft, [{ line: 'x', quantity: 1 }])).status).toBe(403);
    const { order, keys } = await readyOrder([{ product, quantity: 3, unitPrice: '1.00' }]);
    expectValidationError(await newShipment(coordinator, order, [{ line: keys[0], quantity: 0 }]), 'quantity');
    const shipment = (await ok(newShipment(coordinator, order, [{ line: keys[0], quantity: 1 }]))).data;
    const corrected = await rest(app.strapi, coordinator).put(`/api/shipments/${shipment.documentId}`, {
      data: { driverName: '李师傅', version: 1 },
    });
    expect(corrected.status).toBe(200);
    await ok(shipmentAct(coordinator, shipment.documentId, 'ship'));
    expect(
      (await rest(app.strapi, coordinator).put(`/api/shipments/${shipment.documentId}`, { data: { driverName: '张师傅' } })).status
    ).toBe(409);
    const admin = await createAdminUser(app.strapi, 'strapi-super-admin');
    const receivable = await app.strapi.db.query(RECEIVABLE).findOne({ where: { shipment: { documentId: shipment.documentId } } });
    expect((await contentManager(app.strapi, admin).update(RECEIVABLE, receivable.documentId, { amount: 0 })).status).toBe(403);
    await expect(app.strapi.db.query(RECEIVABLE).update({ where: { id: receivable.id }, data: { openAmount: 0 } })).rejects.toThrow(
      /refused/
    );
    expect((await rest(app.strapi, clerk).get(`/api/receivables/${receivable.documentId}`)).status).toBe(200);
    expect((await rest(app.strapi, planner).get(`/api/receivables/${receivable.documentId}`)).status).toBe(403);
  });

  it('puts what the customer owes and what is overdue into the credit snapshot of its next contract', async () => {
    const debtor = await createCustomer(app.strapi, specialist, { creditLimit: '1000.00', paymentTermsDays: 30 });
    const product = await createProduct(app.strapi, supervisor, { stockOnHand: 10 });
    const order = await createOrder(app.strapi, specialist, {
      customer: debtor.documentId,
      lines: [{ product: product.documentId, quantity: 4, unitPrice: '50.25' }],
    });
    for (const [member, action, fields] of [
      [supervisor, 'confirm', { comment: 'repeat' }],
      [planner, 'schedule', { plannedStart: '2027-01-04', plannedFinish: '2027-01-15', promisedDate: '2027-01-20' }],
      [coordinator, 'start_production', {}],
      [coordinator, 'mark_ready', {}],
    ] as const)
      await ok(orderAct(member, order.documentId, action, fields));
    const key = (await stored(ORDER, order.documentId)).lines[0].key;
    const shipment = (await ok(newShipment(coordinator, order, [{ line: key, quantity: 4 }]))).data;
    await ok(shipmentAct(coordinator, shipment.documentId, 'ship'));

    const submitContract = async () => {
      const contract = await ok(
        rest(app.strapi, specialist).post('/api/contracts', {
          data: {
            customer: debtor.documentId,
            lines: [{ product: product.documentId, quantity: 1, unitPrice: '10.00' }],
            paymentTerms: 'T/T',
            deliveryDate: '2027-03-01',
          },
        })
      );
      return (await ok(actOn(app.strapi, specialist, 'api::contract.contract', contract.data.documentId, 'submit'))).data.creditSnapshot;
    };
    expect(await submitContract()).toMatchObject({ openBalance: '201.00', overdueAmount: '0.00', contractTotal: '10.00' });
    const table = app.strapi.db.metadata.get(RECEIVABLE as never).tableName;
    // the receivable falls due long ago (straight to the table: receivables are the server's)
    const [receivable] = await app.strapi.db
      .query(RECEIVABLE)
      .findMany({ where: { shipment: { documentId: shipment.documentId } }, select: ['id'] });
    await app.strapi.db.connection(table).where({ id: receivable.id }).update({ due_date: '2026-01-01' });
    expect(await submitContract()).toMatchObject({ openBalance: '201.00', overdueAmount: '201.00' });
  });
});
