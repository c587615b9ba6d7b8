/**
 * No client gets around a rule from the other side of a relation, through a field the server owns,
 * or with a write that changes nothing: each reproduction of issue 14 as staff would make it, over
 * REST and the admin panel's content manager, refused with a clear answer that writes nothing.
 */
import { useStrapi } from '../helpers/strapi';
import { createStaff, rest, StaffMember } from '../helpers/staff';
import { createCustomer, createOrder, createProduct, Doc, expectValidationError } from '../helpers/fixtures';
import { AdminMember, connect, contentManager, createAdminUser, editForm } from '../helpers/admin';
import { act, draftContract } from '../helpers/contracts';
import { actOn, ok } from '../helpers/workflow';
import { planShipment, readyOrder, ship } from '../helpers/shipping';
import { CONTRACT, CUSTOMER, ORDER, PACKAGING_ITEM, PRODUCT, SHIPMENT } from '../../src/platform/uids';

describe('integrity across records', () => {
  const app = useStrapi();
  let staff: Record<'specialist' | 'supervisor' | 'clerk' | 'planner' | 'coordinator' | 'manager', StaffMember>;
  let admin: AdminMember;
  let superAdmin: AdminMember;
  let product: Doc;

  beforeAll(async () => {
    staff = await createStaff(app.strapi, {
      specialist: 'cs-specialist',
      supervisor: 'cs-supervisor',
      clerk: 'sales-clerk',
      planner: 'planner',
      coordinator: 'order-coordinator',
      manager: 'sales-manager',
    });
    admin = await createAdminUser(app.strapi, 'cs-specialist');
    superAdmin = await createAdminUser(app.strapi, 'strapi-super-admin');
    product = await createProduct(app.strapi, staff.supervisor, { stockOnHand: 1000 });
  });

  const orderFor = (customer: Doc, quantity = 2, unitPrice = '10.00') =>
    createOrder(app.strapi, staff.specialist, {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity, unitPrice }],
    });
  const confirmed = async (customer: Doc) => {
    const order = await orderFor(customer);
    await ok(actOn(app.strapi, staff.supervisor, ORDER, order.documentId, 'confirm', { comment: 'by phone' }));
    return order;
  };
  const stored = (documentId: string) =>
    app.strapi.db.query(ORDER).findOne({
      where: { documentId },
      populate: { customer: { select: ['documentId'] }, lines: true, packagingItems: { select: ['documentId'] } },
    });
  const customerOf = async (order: Doc) => (await stored(order.documentId))?.customer?.documentId ?? null;

  describe("an order's customer, written from the customer", () => {
    it('refuses to move a confirmed order to another customer, or to take its orders away, over REST', async () => {
      const [a, c] = [await createCustomer(app.strapi, staff.specialist), await createCustomer(app.strapi, staff.specialist)];
      const order = await confirmed(a);
      const moved = await rest(app.strapi, staff.specialist).put(`/api/customers/${c.documentId}`, {
        data: { orders: { connect: [order.documentId] } },
      });
      expect(moved.status).toBe(409);
      expect(moved.body.error.message).toContain(order.number);
      const emptied = await rest(app.strapi, staff.clerk).put(`/api/customers/${a.documentId}`, { data: { orders: { set: [] } } });
      expect([403, 409]).toContain(emptied.status);
      const replaced = await rest(app.strapi, staff.specialist).put(`/api/customers/${a.documentId}`, { data: { orders: [] } });
      expect(replaced.status).toBe(409);
      expect(await customerOf(order)).toBe(a.documentId);
    });

    it('refuses the same through the content manager', async () => {
      const [a, c] = [await createCustomer(app.strapi, staff.specialist), await createCustomer(app.strapi, staff.specialist)];
      const order = await confirmed(a);
      const row = await stored(order.documentId);
      const res = await contentManager(app.strapi, admin).update(CUSTOMER, c.documentId, { orders: connect(row) });
      expect(res.status).toBe(409);
      expect(await customerOf(order)).toBe(a.documentId);
    });

    it("lets a draft order change customer from the customer's side, through the order's own rules", async () => {
      const [a, c] = [await createCustomer(app.strapi, staff.specialist), await createCustomer(app.strapi, staff.specialist)];
      const order = await orderFor(a);
      const res = await rest(app.strapi, staff.specialist).put(`/api/customers/${c.documentId}?populate=orders`, {
        data: { orders: { connect: [order.documentId] } },
      });
      expect(res.status).toBe(200);
      expect(res.body.data.orders.map((o: Doc) => o.documentId)).toEqual([order.documentId]);
      expect(await customerOf(order)).toBe(c.documentId);
      // An order needs its customer: taking it away from the customer's side is the same 400.
      expectValidationError(
        await rest(app.strapi, staff.specialist).put(`/api/customers/${c.documentId}`, {
          data: { orders: { disconnect: [order.documentId] } },
        }),
        'customer'
      );
      expect(await customerOf(order)).toBe(c.documentId);
    });

    it('keeps orders and contact log with the customer when the customer is copied in the content manager', async () => {
      const a = await createCustomer(app.strapi, staff.specialist);
      const order = await confirmed(a);
      const inquiry = (
        await ok(
          rest(app.strapi, staff.specialist).post('/api/inquiries', {
            data: { customer: a.documentId, kind: 'quotation', summary: '询价 DN50' },
          })
        )
      ).data;
      const clone = await contentManager(app.strapi, admin).clone(CUSTOMER, a.documentId, {});
      expect(clone.status).toBeLessThan(300);
      const copy = await app.strapi.db
        .query(CUSTOMER)
        .findOne({ where: { documentId: clone.body.data.documentId }, populate: { orders: true, inquiries: true } });
      expect([copy.orders, copy.inquiries]).toEqual([[], []]);
      expect(await customerOf(order)).toBe(a.documentId);
      expect(
        (
          await app.strapi.db
            .query('api::inquiry.inquiry')
            .findOne({ where: { documentId: inquiry.documentId }, populate: { customer: true } })
        ).customer.documentId
      ).toBe(a.documentId);
    });

    it('names an unknown order in a 400', async () => {
      const a = await createCustomer(app.strapi, staff.specialist);
      expectValidationError(
        await rest(app.strapi, staff.specialist).put(`/api/customers/${a.documentId}`, {
          data: { orders: { connect: ['nosuchordernosuchorder00'] } },
        }),
        'orders'
      );
    });

    it('refuses a Query Engine write of the relation from the other side', async () => {
      const [a, c] = [await createCustomer(app.strapi, staff.specialist), await createCustomer(app.strapi, staff.specialist)];
      const order = await confirmed(a);
      const row = await stored(order.documentId);
      await expect(
        app.strapi.db.query(CUSTOMER).update({ where: { documentId: c.documentId }, data: { orders: { connect: [{ id: row.id }] } } })
      ).rejects.toThrow(/orders is written through/);
      expect(await customerOf(order)).toBe(a.documentId);
    });
  });

  describe('the order behind a contract in review', () => {
    it('is frozen from submission: its lines cannot be cut under an approved contract', async () => {
      const customer = await createCustomer(app.strapi, staff.specialist);
      const order = await orderFor(customer, 2, '10.00');
      const contract = await draftContract(app.strapi, staff.specialist, {
        orders: [order.documentId],
        deliveryDate: '2027-03-01',
        paymentTerms: '月结30天',
      });
      await ok(act(app.strapi, staff.specialist, contract.documentId, 'submit'));
      const inReview = await rest(app.strapi, staff.specialist).put(`/api/orders/${order.documentId}`, {
        data: { lines: [{ product: product.documentId, quantity: 50, unitPrice: '0.01' }] },
      });
      expect(inReview.status).toBe(409);
      expect(inReview.body.error.message).toContain(contract.number);
      await ok(act(app.strapi, staff.supervisor, contract.documentId, 'review', { verdict: 'approve' }));
      await ok(act(app.strapi, staff.planner, contract.documentId, 'review', { verdict: 'approve' }));
      const approved = await rest(app.strapi, staff.specialist).put(`/api/orders/${order.documentId}`, {
        data: { lines: [{ product: product.documentId, quantity: 50, unitPrice: '0.01' }] },
      });
      expect(approved.status).toBe(409);
      expect((await rest(app.strapi, staff.specialist).delete(`/api/orders/${order.documentId}`)).status).not.toBe(204);
      const row = await stored(order.documentId);
      expect(row.lines.map((l: Doc) => [l.quantity, Number(l.unitPrice)])).toEqual([[2, 10]]);
      expect(Number(row.total)).toBe(20);
      // Its notes still take a remark.
      expect(
        (await rest(app.strapi, staff.specialist).put(`/api/orders/${order.documentId}`, { data: { notes: '客户要求加急' } })).status
      ).toBe(200);
    });

    it('goes to review only with orders still of its customer', async () => {
      const [a, c] = [await createCustomer(app.strapi, staff.specialist), await createCustomer(app.strapi, staff.specialist)];
      const order = await orderFor(a, 2, '10.00');
      const contract = await draftContract(app.strapi, staff.specialist, {
        orders: [order.documentId],
        deliveryDate: '2027-03-01',
        paymentTerms: '月结30天',
      });
      await ok(rest(app.strapi, staff.specialist).put(`/api/orders/${order.documentId}`, { data: { customer: c.documentId } }));
      const submit = await act(app.strapi, staff.specialist, contract.documentId, 'submit');
      expect(submit.status).toBe(409);
      expect(submit.body.error.message).toContain(order.number);
      expect((await app.strapi.db.query(CONTRACT).findOne({ where: { documentId: contract.documentId }, select: ['state'] })).state).toBe(
        'draft'
      );
    });

    it('goes to review only with the lines of its orders', async () => {
      const customer = await createCustomer(app.strapi, staff.specialist);
      const order = await orderFor(customer, 2, '10.00');
      const contract = await draftContract(app.strapi, staff.specialist, {
        orders: [order.documentId],
        deliveryDate: '2027-03-01',
        paymentTerms: '月结30天',
      });
      await ok(
        rest(app.strapi, staff.specialist).put(`/api/orders/${order.documentId}`, {
          data: { lines: [{ product: product.documentId, quantity: 3, unitPrice: '10.00' }] },
        })
      );
      const submit = await act(app.strapi, staff.specialist, contract.documentId, 'submit');
      expect(submit.status).toBe(409);
      expect(submit.body.error.message).toContain(order.number);
    });
  });

  describe('stock', () => {
    it('keeps a line reservation through an edit of the notes, and the product in step', async () => {
      const customer = await createCustomer(app.strapi, staff.specialist);
      const stocked = await createProduct(app.strapi, staff.supervisor, { stockOnHand: 10 });
      const order = await createOrder(app.strapi, staff.specialist, {
        customer: customer.documentId,
        lines: [{ product: stocked.documentId, quantity: 5, unitPrice: '1.00' }],
      });
      await ok(actOn(app.strapi, staff.supervisor, ORDER, order.documentId, 'confirm', { comment: 'ok' }));
      const [line] = (await stored(order.documentId)).lines;
      await ok(actOn(app.strapi, staff.coordinator, ORDER, order.documentId, 'allocate', { lines: [{ line: line.key, reserve: 3 }] }));
      expect((await rest(app.strapi, staff.specialist).put(`/api/orders/${order.documentId}`, { data: { notes: 'x' } })).status).toBe(200);
      expect((await stored(order.documentId)).lines[0]).toMatchObject({ key: line.key, reservedQuantity: 3 });
      expect((await app.strapi.db.query(PRODUCT).findOne({ where: { documentId: stocked.documentId } })).stockReserved).toBe(3);
    });

    const productRow = (doc: Doc) =>
      app.strapi.db.query(PRODUCT).findOne({ where: { documentId: doc.documentId }, select: ['stockOnHand', 'stockReserved'] });
    const allocated = async (stocked: Doc, quantity: number, reserve: number) => {
      const order = await createOrder(app.strapi, staff.specialist, {
        customer: (await createCustomer(app.strapi, staff.specialist)).documentId,
        lines: [{ product: stocked.documentId, quantity, unitPrice: '1.00' }],
      });
      await ok(actOn(app.strapi, staff.supervisor, ORDER, order.documentId, 'confirm', { comment: 'ok' }));
      const [line] = (await stored(order.documentId)).lines;
      await ok(actOn(app.strapi, staff.coordinator, ORDER, order.documentId, 'allocate', { lines: [{ line: line.key, reserve }] }));
      return order;
    };

    it('ships only from stock no other order has reserved', async () => {
      const stocked = await createProduct(app.strapi, staff.supervisor, { stockOnHand: 10 });
      const { order, keys } = await readyOrder(app.strapi, staff, await createCustomer(app.strapi, staff.specialist), [
        { product: stocked, quantity: 8, unitPrice: '1.00' },
      ]);
      await allocated(stocked, 5, 5);
      const shipment = await planShipment(app.strapi, staff.coordinator, order, [{ line: keys[0], quantity: 8 }]);
      const refused = await ship(app.strapi, staff.coordinator, shipment);
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toContain('5 reserved for other orders');
      expect(await productRow(stocked)).toMatchObject({ stockOnHand: 10, stockReserved: 5 });
      expect((await app.strapi.db.query(SHIPMENT).findOne({ where: { documentId: shipment.documentId }, select: ['state'] })).state).toBe(
        'planned'
      );
      await ok(actOn(app.strapi, staff.coordinator, SHIPMENT, shipment.documentId, 'cancel', { comment: '改为部分出货' }));
      const fits = await planShipment(app.strapi, staff.coordinator, order, [{ line: keys[0], quantity: 5 }]);
      expect((await ship(app.strapi, staff.coordinator, fits)).status).toBe(200);
      expect(await productRow(stocked)).toMatchObject({ stockOnHand: 5, stockReserved: 5 });
    });

    it('releases the reservations of a cancelled order', async () => {
      const stocked = await createProduct(app.strapi, staff.supervisor, { stockOnHand: 10 });
      const order = await allocated(stocked, 5, 3);
      expect(await productRow(stocked)).toMatchObject({ stockReserved: 3 });
      await ok(actOn(app.strapi, staff.supervisor, ORDER, order.documentId, 'cancel', { comment: '客户取消' }));
      expect(await productRow(stocked)).toMatchObject({ stockOnHand: 10, stockReserved: 0 });
      expect((await stored(order.documentId)).lines[0].reservedQuantity).toBe(0);
    });

    it('reserves nothing for an order copied in the content manager', async () => {
      const stocked = await createProduct(app.strapi, staff.supervisor, { stockOnHand: 10 });
      const order = await allocated(stocked, 5, 3);
      const clone = await contentManager(app.strapi, admin).clone(ORDER, order.documentId, {});
      expect(clone.status).toBeLessThan(300);
      const copy = await stored(clone.body.data.documentId);
      expect(copy.lines.map((line: Doc) => [line.quantity, line.reservedQuantity])).toEqual([[5, 0]]);
      expect((await stored(order.documentId)).lines[0].reservedQuantity).toBe(3);
      expect(await productRow(stocked)).toMatchObject({ stockReserved: 3 });
    });

    it('refuses typed stock counters and takes receipts and corrections as adjustments that never go below what is reserved', async () => {
      const stocked = await createProduct(app.strapi, staff.supervisor, { stockOnHand: 10 });
      expect(stocked.stockOnHand).toBe(10);
      const typed = await rest(app.strapi, staff.planner).put(`/api/products/${stocked.documentId}`, {
        data: { stockOnHand: 0, stockReserved: 100 },
      });
      expectValidationError(typed, 'stockOnHand');
      expectValidationError(
        await rest(app.strapi, staff.planner).put(`/api/products/${stocked.documentId}`, { data: { stockReserved: 100 } }),
        'stockReserved'
      );
      expectValidationError(
        await rest(app.strapi, staff.supervisor).post('/api/products', {
          data: { sku: `R-${stocked.sku}`, name: 'x', unit: 'pcs', listPrice: '1.00', stockReserved: 5 },
        }),
        'stockReserved'
      );
      // The content manager echoes the figures it shows: an unchanged echo is fine.
      expect(
        (await rest(app.strapi, staff.planner).put(`/api/products/${stocked.documentId}`, { data: { stockOnHand: 10, name: 'Pump 泵' } }))
          .status
      ).toBe(200);

      const receipt = await rest(app.strapi, staff.planner).post(`/api/products/${stocked.documentId}/stock-adjustments`, {
        data: { quantity: 15, reason: '生产入库 SO-2026-000001' },
      });
      expect(receipt.status).toBe(200);
      expect(receipt.body.data).toMatchObject({ stockOnHand: 25, stockReserved: 0, available: 25 });
      expectValidationError(
        await rest(app.strapi, staff.planner).post(`/api/products/${stocked.documentId}/stock-adjustments`, {
          data: { quantity: 0, reason: 'x' },
        }),
        'quantity'
      );
      expectValidationError(
        await rest(app.strapi, staff.planner).post(`/api/products/${stocked.documentId}/stock-adjustments`, { data: { quantity: 1 } }),
        'reason'
      );
      expect(
        (
          await rest(app.strapi, staff.specialist).post(`/api/products/${stocked.documentId}/stock-adjustments`, {
            data: { quantity: 1, reason: 'x' },
          })
        ).status
      ).toBe(403);

      const customer = await createCustomer(app.strapi, staff.specialist);
      const order = await createOrder(app.strapi, staff.specialist, {
        customer: customer.documentId,
        lines: [{ product: stocked.documentId, quantity: 20, unitPrice: '1.00' }],
      });
      await ok(actOn(app.strapi, staff.supervisor, ORDER, order.documentId, 'confirm', { comment: 'ok' }));
      const [line] = (await stored(order.documentId)).lines;
      await ok(actOn(app.strapi, staff.coordinator, ORDER, order.documentId, 'allocate', { lines: [{ line: line.key, reserve: 20 }] }));
      const below = await rest(app.strapi, staff.planner).post(`/api/products/${stocked.documentId}/stock-adjustments`, {
        data: { quantity: -6, reason: '盘点' },
      });
      expect(below.status).toBe(409);
      expect(
        (
          await rest(app.strapi, staff.planner).post(`/api/products/${stocked.documentId}/stock-adjustments`, {
            data: { quantity: -5, reason: '盘点' },
          })
        ).status
      ).toBe(200);
      expect(
        await app.strapi.db.query(PRODUCT).findOne({ where: { documentId: stocked.documentId }, select: ['stockOnHand', 'stockReserved'] })
      ).toMatchObject({ stockOnHand: 20, stockReserved: 20 });
      const history = await app.strapi.db
        .query('api::workflow-event.workflow-event')
        .findMany({ where: { subject: 'product', subjectId: stocked.documentId }, orderBy: { id: 'asc' } });
      expect(history.map((event: Doc) => [event.action, event.fromState, event.toState, event.comment])).toEqual([
        ['adjust_stock', '10', '25', '生产入库 SO-2026-000001'],
        ['adjust_stock', '25', '20', '盘点'],
      ]);
    });
  });

  describe('packaging items', () => {
    const inProductionWithLabel = async () => {
      const customer = await createCustomer(app.strapi, staff.specialist);
      const order = await confirmed(customer);
      await ok(
        actOn(app.strapi, staff.planner, ORDER, order.documentId, 'schedule', {
          plannedStart: '2027-01-04',
          plannedFinish: '2027-01-15',
          promisedDate: '2027-01-20',
        })
      );
      await ok(actOn(app.strapi, staff.coordinator, ORDER, order.documentId, 'start_production'));
      const label = (
        await ok(
          rest(app.strapi, staff.coordinator).post('/api/packaging-items', {
            data: { order: order.documentId, kind: 'label', description: '唛头 客户LOGO' },
          })
        )
      ).data;
      return { customer, order, label };
    };

    it('stay with their order: moving one from the other side does not open the packaging gate', async () => {
      const { customer, order, label } = await inProductionWithLabel();
      const draft = await orderFor(customer);
      const moved = await rest(app.strapi, staff.specialist).put(`/api/orders/${draft.documentId}`, {
        data: { packagingItems: { connect: [label.documentId] } },
      });
      expect([403, 409]).toContain(moved.status);
      const direct = await rest(app.strapi, staff.coordinator).put(`/api/packaging-items/${label.documentId}`, {
        data: { order: draft.documentId },
      });
      expect(direct.status).toBe(409);
      expect((await stored(order.documentId)).packagingItems.map((i: Doc) => i.documentId)).toEqual([label.documentId]);
      expect((await actOn(app.strapi, staff.coordinator, ORDER, order.documentId, 'mark_ready')).status).toBe(409);
    });

    it('stay with their order when it is copied in the content manager', async () => {
      const { order, label } = await inProductionWithLabel();
      const clone = await contentManager(app.strapi, admin).clone(ORDER, order.documentId, {});
      expect(clone.status).toBeLessThan(300);
      expect((await stored(order.documentId)).packagingItems.map((i: Doc) => i.documentId)).toEqual([label.documentId]);
      expect(await app.strapi.db.query(PACKAGING_ITEM).count({ where: { order: { documentId: clone.body.data.documentId } } })).toBe(0);
      expect((await actOn(app.strapi, staff.coordinator, ORDER, order.documentId, 'mark_ready')).status).toBe(409);
    });
  });

  describe('a write that changes nothing', () => {
    it('raises no version and keeps the lines as they are, over REST and in the content manager', async () => {
      const customer = await createCustomer(app.strapi, staff.specialist);
      const order = await confirmed(customer);
      const before = await stored(order.documentId);
      const echoed = await rest(app.strapi, staff.specialist).put(`/api/orders/${order.documentId}`, {
        data: { number: 'SO-1', total: 1, state: before.state, version: before.version, notes: before.notes },
      });
      expect(echoed.status).toBe(200);
      const cm = await contentManager(app.strapi, admin).findOne(ORDER, order.documentId);
      const saved = await contentManager(app.strapi, admin).update(ORDER, order.documentId, {
        ...editForm(cm.body.data),
        customer: { connect: [], disconnect: [] },
        salesperson: { connect: [], disconnect: [] },
        packagingItems: { connect: [], disconnect: [] },
      });
      expect(saved.status).toBe(200);
      const after = await stored(order.documentId);
      expect(after.version).toBe(before.version);
      expect(after.lines).toEqual(before.lines);
      expect(after.updatedAt).toEqual(before.updatedAt);
    });
  });

  describe('deleting a record others refer to', () => {
    it('keeps a customer with orders and a product on order lines: 409 naming what refers to them', async () => {
      const customer = await createCustomer(app.strapi, staff.specialist);
      const stocked = await createProduct(app.strapi, staff.supervisor);
      const order = await createOrder(app.strapi, staff.specialist, {
        customer: customer.documentId,
        lines: [{ product: stocked.documentId, quantity: 1, unitPrice: '1.00' }],
      });
      const cm = contentManager(app.strapi, superAdmin);
      const customerDelete = await cm.delete(CUSTOMER, customer.documentId);
      expect(customerDelete.status).toBe(409);
      expect(customerDelete.body.error.message).toContain(`customer ${customer.code} is referred to by 1 order`);
      const productDelete = await cm.delete(PRODUCT, stocked.documentId);
      expect(productDelete.status).toBe(409);
      expect(productDelete.body.error.message).toContain(`product ${stocked.sku} is referred to by 1 order line`);
      expect((await cm.bulkDelete(CUSTOMER, [customer.documentId])).status).toBe(409);
      expect(await customerOf(order)).toBe(customer.documentId);
      const line = (
        await app.strapi.db
          .query(ORDER)
          .findOne({ where: { documentId: order.documentId }, populate: { lines: { populate: { product: true } } } })
      ).lines[0];
      expect(line.product.documentId).toBe(stocked.documentId);
      // Nothing refers to a new customer: it can be deleted.
      const unused = await createCustomer(app.strapi, staff.specialist);
      expect((await cm.delete(CUSTOMER, unused.documentId)).status).toBe(200);
      expect(await app.strapi.db.query(CUSTOMER).count({ where: { documentId: unused.documentId } })).toBe(0);
    });

    it('deletes all of a bulk delete or none', async () => {
      const customer = await createCustomer(app.strapi, staff.specialist);
      const [draft, kept] = [await orderFor(customer), await confirmed(customer)];
      const res = await contentManager(app.strapi, superAdmin).bulkDelete(ORDER, [draft.documentId, kept.documentId]);
      expect(res.status).toBe(409);
      expect(await app.strapi.db.query(ORDER).count({ where: { documentId: { $in: [draft.documentId, kept.documentId] } } })).toBe(2);
    });
  });
});
