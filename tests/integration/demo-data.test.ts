/**
 * The data a newcomer meets on the first `npm run develop`: demo records written by the bulk
 * writer must be exactly what Strapi itself would have written (readable through REST, totals equal
 * to their lines, numbers continuing the live series), the development accounts must work in both
 * clients, and the content manager must show server-owned fields read-only (what shipping records,
 * receivables wholly) with English labels (the department's words are their zh-Hans messages).
 */
import type { UID } from '@strapi/strapi';
import { useStrapi, appModule } from '../helpers/strapi';
import { createStaffUser, rest } from '../helpers/staff';
import { loadDemoData } from '../../src/demo/demo-data';
import { ensureDevAccounts, devEmail, SUPER_ADMIN_EMAIL } from '../../src/staff/dev-accounts';
import { ROLE_CODES } from '../../src/domain/staff-roles';
import { dateIn } from '../../src/domain/business-date';
import { CONTRACT_STATES } from '../../src/domain/contract-review';
import { actOn } from '../helpers/workflow';
import { expectReceivableRollupExact } from '../helpers/rollups';
import request from 'supertest';
import Decimal from 'decimal.js';

const SCALE = { salespeople: 3, products: 12, customers: 8, orders: 60, inquiries: 25 };
const PASSWORD = 'Dev-Passw0rd-1';

describe('demo data', () => {
  const app = useStrapi();

  beforeAll(async () => {
    await ensureDevAccounts(app.strapi, PASSWORD);
    await loadDemoData(app.strapi, SCALE, { password: PASSWORD, chunkSize: 25 });
  });

  it('loads the requested volumes', async () => {
    const count = (uid: string) => app.strapi.db.query(uid as never).count();
    expect({
      products: await count('api::product.product'),
      customers: await count('api::customer.customer'),
      orders: await count('api::order.order'),
      inquiries: await count('api::inquiry.inquiry'),
    }).toEqual({ products: 12, customers: 8, orders: 60, inquiries: 25 });
    const salespeople = await app.strapi.db.query('plugin::users-permissions.user').count({ where: { role: { type: 'salesperson' } } });
    expect(salespeople).toBe(3); // the development salesperson plus two generated ones
  });

  it('gives every order 1 to 9 lines with products, and a total equal to the sum of its lines', async () => {
    const knex = app.strapi.db.connection;
    const rows: { total: string | number; lines: string | number; withProduct: string | number; linesTotal: string | number }[] =
      await knex('orders as o')
        .join('orders_cmps as c', function joinLines() {
          this.on('c.entity_id', '=', 'o.id').andOn('c.field', '=', knex.raw('?', ['lines']));
        })
        .join('components_order_lines as l', 'l.id', 'c.cmp_id')
        .leftJoin('components_order_lines_product_lnk as p', 'p.line_id', 'l.id')
        .groupBy('o.id', 'o.total')
        .select('o.id', 'o.total')
        .count({ lines: 'l.id' })
        .count({ withProduct: 'p.product_id' })
        .sum({ linesTotal: 'l.line_amount' });
    expect(rows).toHaveLength(60);
    for (const row of rows) {
      expect(Number(row.lines)).toBeGreaterThanOrEqual(1);
      expect(Number(row.lines)).toBeLessThanOrEqual(9);
      expect(Number(row.withProduct)).toBe(Number(row.lines));
      expect(Number(row.total).toFixed(2)).toBe(Number(row.linesTotal).toFixed(2));
    }
  });

  it('is readable through REST like any record, relations included', async () => {
    const specialist = await createStaffUser(app.strapi, 'cs-specialist');
    const res = await rest(app.strapi, specialist).get(
      '/api/orders?populate[lines][populate]=product&populate[customer]=true&populate[salesperson]=true&pagination[pageSize]=100'
    );
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.total).toBe(60);
    for (const order of res.body.data) {
      expect(order.documentId).toMatch(/^[a-z0-9]{24}$/);
      expect(order.number).toMatch(/^SO-\d{4}-\d{6}$/);
      expect(order.customer?.code).toMatch(/^C-\d{6}$/);
      expect(order.region).toBe(order.customer.region);
      expect(order.lines.every((line: { product: unknown }) => line.product)).toBe(true);
    }
  });

  it('lets staff order every demo product and sell to every demo customer through REST', async () => {
    const specialist = await createStaffUser(app.strapi, 'cs-specialist');
    const products = await app.strapi.db.query('api::product.product').findMany({ select: ['documentId'] });
    const customers = await app.strapi.db
      .query('api::customer.customer')
      .findMany({ select: ['documentId', 'creditHold'], orderBy: { id: 'asc' } });
    // A customer on credit hold gets no new order (409): order for the last one in good standing.
    const inGoodStanding = customers.filter((customer: { creditHold: boolean }) => !customer.creditHold);
    const res = await rest(app.strapi, specialist).post('/api/orders?populate[lines][populate]=product', {
      data: {
        customer: inGoodStanding[inGoodStanding.length - 1].documentId,
        lines: products.map((p: { documentId: string }) => ({ product: p.documentId, quantity: 1, unitPrice: '1.00' })),
      },
    });
    expect([res.status, res.body.error]).toEqual([201, undefined]);
    expect(res.body.data.lines.map((l: { product: { documentId: string } }) => l.product.documentId)).toEqual(
      products.map((p: { documentId: string }) => p.documentId)
    );
    for (const customer of customers) {
      const inquiry = await rest(app.strapi, specialist).post('/api/inquiries', {
        data: { customer: customer.documentId, kind: 'stock_check', summary: '查库存' },
      });
      expect([inquiry.status, inquiry.body.error]).toEqual([201, undefined]);
    }
  });

  it('continues the number series: the next order and customer follow the demo ones', async () => {
    const specialist = await createStaffUser(app.strapi, 'cs-specialist');
    const year = dateIn('Asia/Shanghai').slice(0, 4);
    const demoNumbers: string[] = (
      await app.strapi.db.query('api::order.order').findMany({ where: { number: { $startsWith: `SO-${year}-` } }, select: ['number'] })
    ).map((o: { number: string }) => o.number);
    const last = Math.max(0, ...demoNumbers.map((n) => Number(n.slice(-6))));
    const customer = await rest(app.strapi, specialist).post('/api/customers', { data: { name: '新客户' } });
    expect(customer.body.data.code).toBe(`C-${String(SCALE.customers + 1).padStart(6, '0')}`);
    const product = await app.strapi.db.query('api::product.product').findOne({ select: ['documentId'] });
    const order = await rest(app.strapi, specialist).post('/api/orders', {
      data: { customer: customer.body.data.documentId, lines: [{ product: product.documentId, quantity: 1, unitPrice: '1.00' }] },
    });
    expect([order.status, order.body.error]).toEqual([201, undefined]);
    expect(order.body.data.number).toBe(`SO-${year}-${String(last + 1).padStart(6, '0')}`);
  });

  it('creates the development accounts once, usable in the admin panel and through REST', async () => {
    await ensureDevAccounts(app.strapi, PASSWORD); // a second start changes nothing
    const admins = await app.strapi.db.query('admin::user').findMany({ populate: ['roles'] });
    const byEmail = new Map(admins.map((a: { email: string; roles: { code: string }[] }) => [a.email, a.roles.map((r) => r.code)]));
    expect(byEmail.get(SUPER_ADMIN_EMAIL)).toEqual(['strapi-super-admin']);
    for (const role of ROLE_CODES) expect(byEmail.get(devEmail(role))).toEqual([role]);
    expect(admins).toHaveLength(ROLE_CODES.length + 1);

    const restUsers = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findMany({ where: { email: { $endsWith: '@demo.local' } }, populate: ['role'] });
    for (const role of ROLE_CODES) {
      expect(
        restUsers.filter((u: { email: string }) => u.email === devEmail(role)).map((u: { role: { type: string } }) => u.role.type)
      ).toEqual([role]);
    }
    // A name alone: the history and the opinions add the role someone acted in, once.
    const names = restUsers.filter((u: { email: string }) => ROLE_CODES.some((role) => u.email === devEmail(role)));
    expect(names.map((u: { displayName: string }) => u.displayName)).toEqual(
      names.map(() => expect.stringMatching(/^\p{Script=Han}{2}$/u))
    );
    expect(names.find((u: { email: string }) => u.email === devEmail('sales-clerk')).displayName).toBe('刘芳');
    // A development database made when the names carried the role is corrected at the next start.
    const users = app.strapi.db.query('plugin::users-permissions.user');
    await users.update({ where: { email: devEmail('sales-clerk') }, data: { displayName: '刘芳（销售统计文员）' } });
    await ensureDevAccounts(app.strapi, PASSWORD);
    expect((await users.findOne({ where: { email: devEmail('sales-clerk') } })).displayName).toBe('刘芳');

    const http = request(app.strapi.server.httpServer);
    const restLogin = await http.post('/api/auth/local').send({ identifier: devEmail('planner'), password: PASSWORD });
    expect(restLogin.status).toBe(200);
    const adminLogin = await http.post('/admin/login').send({ email: devEmail('planner'), password: PASSWORD });
    expect(adminLogin.status).toBe(200);
    const wrong = await http.post('/api/auth/local').send({ identifier: devEmail('planner'), password: 'wrong-Passw0rd' });
    expect(wrong.status).toBe(400);
  });

  it('shows the fields the server owns as read-only in the content manager', async () => {
    const cm = app.strapi.plugin('content-manager');
    const order = await cm.service('content-types').findConfiguration({ uid: 'api::order.order' });
    for (const field of [
      'number',
      'total',
      'salesperson',
      'region',
      'state',
      'version',
      'reviewRound',
      'plannedStart',
      'plannedFinish',
      'heldFrom',
    ]) {
      expect([field, order.metadatas[field].edit.editable]).toEqual([field, false]);
    }
    for (const field of ['customer', 'lines', 'requiredDate', 'notes']) {
      expect([field, order.metadatas[field].edit.editable]).toEqual([field, true]);
    }
    const line = await cm.service('components').findConfiguration({ uid: 'order.line', category: 'order' });
    for (const field of ['lineAmount', 'key', 'reservedQuantity']) {
      expect([field, line.metadatas[field].edit.editable]).toEqual([field, false]);
    }
    for (const field of ['product', 'quantity', 'unitPrice']) {
      expect([field, line.metadatas[field].edit.editable]).toEqual([field, true]);
    }
    expect(order.metadatas.total.edit.label).toBe('Total');
    expect(order.metadatas.plannedStart.edit.label).toBe('Planned start');
    expect(line.metadatas.reservedQuantity.edit.label).toBe('Reserved');
  });

  it('shows what shipping records as read-only, receivables wholly, with English labels and list columns', async () => {
    const cm = app.strapi.plugin('content-manager');
    const shipment = await cm.service('content-types').findConfiguration({ uid: 'api::shipment.shipment' });
    for (const field of ['number', 'customer', 'state', 'version', 'reviewRound', 'shippedAt', 'deliveredAt']) {
      expect([field, shipment.metadatas[field].edit.editable]).toEqual([field, false]);
    }
    for (const field of ['order', 'lines', 'transportMode', 'truckPlate', 'plannedDate', 'remarks']) {
      expect([field, shipment.metadatas[field].edit.editable]).toEqual([field, true]);
    }
    expect(shipment.settings.mainField).toBe('number');
    expect(shipment.layouts.list).toEqual(['number', 'order', 'customer', 'plannedDate', 'state', 'shippedAt']);
    expect(shipment.metadatas.number.edit.label).toBe('Number');
    expect(shipment.metadatas.state.list.label).toBe('State');

    const line = await cm.service('components').findConfiguration({ uid: 'shipment.line', category: 'shipment' });
    for (const field of ['unitPrice', 'product', 'specification']) {
      expect([field, line.metadatas[field].edit.editable]).toEqual([field, false]);
    }
    for (const field of ['line', 'quantity']) expect([field, line.metadatas[field].edit.editable]).toEqual([field, true]);

    const uid = 'api::receivable.receivable' as const;
    const receivable = await cm.service('content-types').findConfiguration({ uid });
    const attributes = Object.keys(app.strapi.contentType(uid).attributes).filter(
      (name) => !['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(name)
    );
    for (const field of attributes) expect([field, receivable.metadatas[field].edit.editable]).toEqual([field, false]);
    expect(receivable.settings.mainField).toBe('invoiceDate');
    expect(receivable.layouts.list).toEqual(['invoiceDate', 'customer', 'shipment', 'amount', 'openAmount', 'dueDate', 'state']);
    expect(receivable.metadatas.amount.edit.label).toBe('Amount');
    expect(receivable.metadatas.dueDate.list.label).toBe('Due');

    const packaging = await cm.service('content-types').findConfiguration({ uid: 'api::packaging-item.packaging-item' });
    for (const field of [
      'order',
      'kind',
      'description',
      'artworkConfirmedBy',
      'artworkConfirmedAt',
      'quantityRequired',
      'quantityInStock',
    ]) {
      expect([field, packaging.metadatas[field].edit.editable]).toEqual([field, true]);
    }
    expect(packaging.settings.mainField).toBe('description');
    expect(packaging.layouts.list).toEqual(['order', 'kind', 'description', 'artworkConfirmedAt', 'quantityRequired', 'quantityInStock']);
    expect(packaging.metadatas.description.edit.label).toBe('Description');
    expect(packaging.metadatas.artworkConfirmedAt.list.label).toBe('Artwork confirmed');
  });

  it('shows what the contract workflow records as read-only, with English labels and list columns', async () => {
    const cm = app.strapi.plugin('content-manager');
    const contract = await cm.service('content-types').findConfiguration({ uid: 'api::contract.contract' });
    const serverOwned = [
      'number',
      'revision',
      'total',
      'state',
      'version',
      'reviewRound',
      'creditSnapshot',
      'drafter',
      'previousRevision',
      'submittedAt',
      'decidedAt',
      'replyChannel',
      'replyContent',
      'repliedAt',
      'replySentTo',
      'activatedAt',
    ];
    for (const field of serverOwned) expect([field, contract.metadatas[field].edit.editable]).toEqual([field, false]);
    for (const field of ['customer', 'orders', 'lines', 'paymentTerms', 'deliveryDate']) {
      expect([field, contract.metadatas[field].edit.editable]).toEqual([field, true]);
    }
    expect(contract.settings.mainField).toBe('number');
    expect(contract.layouts.list).toEqual(['number', 'revision', 'customer', 'state', 'total', 'deliveryDate']);
    expect(contract.metadatas.number.edit.label).toBe('Number');
    expect(contract.metadatas.state.list.label).toBe('State');

    const line = await cm.service('components').findConfiguration({ uid: 'contract.line', category: 'contract' });
    expect(line.metadatas.lineAmount.edit.editable).toBe(false);
    for (const uid of ['api::review-opinion.review-opinion', 'api::workflow-event.workflow-event', 'api::seal-use.seal-use'] as const) {
      const configuration = await cm.service('content-types').findConfiguration({ uid });
      const attributes = Object.keys(app.strapi.contentType(uid).attributes).filter(
        (name) => !['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(name)
      );
      for (const field of attributes) expect([uid, field, configuration.metadatas[field].edit.editable]).toEqual([uid, field, false]);
    }
    const opinion = await cm.service('content-types').findConfiguration({ uid: 'api::review-opinion.review-opinion' });
    expect(opinion.metadatas.verdict.edit.label).toBe('Opinion');
    const seal = await cm.service('content-types').findConfiguration({ uid: 'api::seal-use.seal-use' });
    expect(seal.metadatas.sealType.edit.label).toBe('Seal');
  });

  it('shows what the complaint workflow records as read-only, with English labels and list columns', async () => {
    const cm = app.strapi.plugin('content-manager');
    const complaint = await cm.service('content-types').findConfiguration({ uid: 'api::complaint.complaint' });
    const serverOwned = [
      'number',
      'state',
      'version',
      'reviewRound',
      'receivedBy',
      'stateEnteredAt',
      'dueAt',
      'escalatedAt',
      'rootCause',
      'judgement',
      'judgedAt',
      'measures',
      'effectivenessComment',
      'verifiedAt',
      'needsNewMeasure',
      'replyChannel',
      'replyContent',
      'repliedAt',
      'replySentTo',
      'feedbackRating',
      'feedbackComment',
      'feedbackAt',
      'closedAt',
    ];
    for (const field of serverOwned) expect([field, complaint.metadatas[field].edit.editable]).toEqual([field, false]);
    for (const field of [
      'customer',
      'order',
      'product',
      'channel',
      'receivedAt',
      'description',
      'customerDemand',
      'category',
      'severity',
    ]) {
      expect([field, complaint.metadatas[field].edit.editable]).toEqual([field, true]);
    }
    expect(complaint.settings.mainField).toBe('number');
    expect(complaint.layouts.list).toEqual(['number', 'customer', 'category', 'severity', 'state', 'dueAt']);
    expect(complaint.metadatas.number.edit.label).toBe('Number');
    expect(complaint.metadatas.severity.list.label).toBe('Severity');
    expect(complaint.metadatas.category.edit.label).toBe('Category');
    expect(complaint.metadatas.measures.edit.label).toBe('Measures');
    expect(complaint.metadatas.dueAt.list.label).toBe('Deadline');

    const measure = await cm.service('components').findConfiguration({ uid: 'complaint.measure', category: 'complaint' });
    for (const field of ['key', 'kind', 'description', 'ownerRole', 'dueDate', 'doneAt', 'result']) {
      expect([field, measure.metadatas[field].edit.editable]).toEqual([field, false]);
    }
    expect(measure.metadatas.ownerRole.edit.label).toBe('Owner');
  });

  it('gives every bulk-loaded order what a hand-made one has: version, line keys, history, packaging, reservations', async () => {
    const knex = app.strapi.db.connection;
    const orders: { documentId: string; state: string; version: number | null; plannedStart: string | null }[] = await knex(
      'orders'
    ).select('document_id as documentId', 'state', 'version', 'planned_start as plannedStart');
    expect(orders.length).toBeGreaterThanOrEqual(60);
    const events = await knex('workflow_events').where({ subject: 'order' }).groupBy('subject_id').select('subject_id').count({ n: '*' });
    const eventsOf = new Map(
      (events as unknown as { subject_id: string; n: string | number }[]).map((row) => [row.subject_id, Number(row.n)])
    );
    for (const order of orders) {
      // The version the next action must name is 1 + the steps taken, as the engine counts.
      expect([order.documentId, order.state, order.version]).toEqual([
        order.documentId,
        order.state,
        1 + (eventsOf.get(order.documentId) ?? 0),
      ]);
      if (order.state !== 'draft') expect([order.documentId, eventsOf.get(order.documentId)! > 0]).toEqual([order.documentId, true]);
      if (['scheduled', 'in_production', 'ready', 'shipped', 'closed', 'on_hold'].includes(order.state))
        expect(order.plannedStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const lines: { key: string | null; reserved: number | null }[] = await knex('components_order_lines').select(
      'key',
      'reserved_quantity as reserved'
    );
    expect(lines.filter((line) => !line.key || line.reserved === null)).toEqual([]);
    expect(new Set(lines.map((line) => line.key)).size).toBe(lines.length);
    // The packaging gate was passed: every order made ready or shipped has its artwork confirmed.
    const unconfirmed = await knex('orders as o')
      .join('packaging_items_order_lnk as l', 'l.order_id', 'o.id')
      .join('packaging_items as p', 'p.id', 'l.packaging_item_id')
      .whereIn('o.state', ['ready', 'partially_shipped', 'shipped', 'closed'])
      .whereNull('p.artwork_confirmed_at')
      .count({ n: '*' });
    expect(Number(unconfirmed[0].n)).toBe(0);
    expect(await app.strapi.db.query('api::packaging-item.packaging-item').count()).toBeGreaterThan(0);
    await expectReservationsMatchStock();
  });

  /** Each product's reserved stock is the sum of its open order lines' reservations, never above on hand. */
  const expectReservationsMatchStock = async () => {
    const knex = app.strapi.db.connection;
    const reserved = await knex('components_order_lines as l')
      .join('components_order_lines_product_lnk as pl', 'pl.line_id', 'l.id')
      .join('orders_cmps as c', function joinOrder() {
        this.on('c.cmp_id', '=', 'l.id').andOn('c.field', '=', knex.raw('?', ['lines']));
      })
      .join('orders as o', 'o.id', 'c.entity_id')
      .whereNotIn('o.state', ['shipped', 'closed', 'cancelled'])
      .groupBy('pl.product_id')
      .select('pl.product_id as product')
      .sum({ reserved: 'l.reserved_quantity' });
    const byProduct = new Map(
      (reserved as unknown as { product: number; reserved: string | number }[]).map((row) => [Number(row.product), Number(row.reserved)])
    );
    const products: { id: number; onHand: number; reserved: number }[] = await knex('products').select(
      'id',
      'stock_on_hand as onHand',
      'stock_reserved as reserved'
    );
    for (const product of products) {
      expect([product.id, Number(product.reserved)]).toEqual([product.id, byProduct.get(product.id) ?? 0]);
      expect([product.id, Number(product.reserved) <= Number(product.onHand)]).toEqual([product.id, true]);
    }
    expect([...byProduct.values()].some((value) => value > 0)).toBe(true);
  };

  it('takes 24 demo contracts through the real workflow, two in each state, with history and a seal log', async () => {
    // The compiled module the running app uses: the engine's trusted-write scope must be the app's own.
    const { loadDemoContracts } = appModule('src', 'demo', 'demo-contracts');
    const ordersBefore = await app.strapi.db.query('api::order.order').count();
    expect(await loadDemoContracts(app.strapi)).toBe(24);
    const contracts = await app.strapi.db.query('api::contract.contract').findMany({
      select: ['documentId', 'state', 'revision', 'version'],
      populate: { drafter: { select: ['email'] } },
    });
    const perState = new Map<string, number>();
    for (const contract of contracts) perState.set(contract.state, (perState.get(contract.state) ?? 0) + 1);
    expect(Object.fromEntries([...perState].sort())).toEqual(Object.fromEntries(CONTRACT_STATES.map((state) => [state, 2]).sort()));
    expect(
      contracts.filter((c: { state: string; revision: number }) => c.state === 'draft').map((c: { revision: number }) => c.revision)
    ).toEqual([2, 2]);
    expect(new Set(contracts.map((c: { drafter: { email: string } }) => c.drafter.email))).toEqual(new Set([devEmail('cs-specialist')]));
    // 22 new draft orders, entered like any: numbered, priced, with line keys.
    expect(await app.strapi.db.query('api::order.order').count()).toBe(ordersBefore + 22);
    const events = await app.strapi.db.query('api::workflow-event.workflow-event').count({ where: { subject: 'contract' } });
    expect(events).toBeGreaterThanOrEqual(80);
    // One seal use per contract sealed: sealed, active and completed, two each.
    const seals = await app.strapi.db
      .query('api::seal-use.seal-use')
      .findMany({ populate: { contract: { select: ['state'] }, approvedBy: { select: ['email'] } } });
    expect(seals.map((seal: { contract: { state: string } }) => seal.contract.state).sort()).toEqual([
      'active',
      'active',
      'completed',
      'completed',
      'sealed',
      'sealed',
    ]);
    expect(new Set(seals.map((seal: { approvedBy: { email: string } }) => seal.approvedBy.email))).toEqual(
      new Set([devEmail('cs-supervisor')])
    );
    const inForce = await app.strapi.db.query('api::contract.contract').findMany({
      where: { state: { $in: ['active', 'completed'] } },
      populate: { orders: { select: ['state'] } },
    });
    expect(inForce.flatMap((c: { orders: { state: string }[] }) => c.orders.map((o) => o.state))).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
      'confirmed',
    ]);

    // A demo contract in review takes the planner's opinion through REST, as one made by hand.
    const planner = await createStaffUser(app.strapi, 'planner');
    const awaiting = contracts.filter((c: { state: string }) => c.state === 'in_review');
    let opinions = 0;
    for (const contract of awaiting) {
      const where = await rest(app.strapi, planner).get(`/api/contracts/${contract.documentId}/workflow`);
      expect(where.status).toBe(200);
      if (!where.body.data.allowedActions.includes('review')) continue;
      const res = await rest(app.strapi, planner).post(`/api/contracts/${contract.documentId}/workflow/review`, {
        data: { version: where.body.data.version, verdict: 'approve', comment: '产能可以安排' },
      });
      expect([res.status, res.body.error]).toEqual([200, undefined]);
      opinions += 1;
    }
    expect(opinions).toBeGreaterThan(0);
  });

  it('takes demo complaints through the real workflow over the past year: every state, measures, feedback', async () => {
    const { loadDemoComplaints } = appModule('src', 'demo', 'demo-complaints');
    await ensureDevAccounts(app.strapi, PASSWORD);
    expect(await loadDemoComplaints(app.strapi)).toBe(26);
    const complaints = await app.strapi.db.query('api::complaint.complaint').findMany({ populate: { measures: true } });
    const states = new Set(complaints.map((c: { state: string }) => c.state));
    for (const state of [
      'received',
      'confirmed',
      'under_analysis',
      'justified',
      'in_progress',
      'verifying',
      'replying',
      'replied',
      'closed',
      'measures_review',
      'withdrawn',
    ]) {
      expect([state, states.has(state)]).toEqual([state, true]);
    }
    const closed = complaints.filter((c: { state: string }) => c.state === 'closed');
    expect(closed.map((c: { feedbackRating: number }) => c.feedbackRating).sort()).toEqual([3, 3, 4, 4, 5, 5]);
    for (const c of complaints) {
      // every step happened in order, in the past
      expect(Date.parse(c.receivedAt)).toBeLessThanOrEqual(Date.now());
      if (c.repliedAt) expect(Date.parse(c.repliedAt)).toBeGreaterThan(Date.parse(c.receivedAt));
      if (c.closedAt) expect(Date.parse(c.closedAt)).toBeLessThanOrEqual(Date.now());
    }
    const done = complaints.filter(
      (c: { state: string; judgement: string | null }) =>
        ['verifying', 'replying', 'replied', 'closed'].includes(c.state) && c.judgement === 'justified'
    );
    expect(done.length).toBeGreaterThan(0);
    for (const c of done) expect(c.measures.every((m: { doneAt: string | null }) => m.doneAt)).toBe(true);
  });

  it('gives demo tasks through the real task workflow: to accept, to finish, to verify and sent back, on the accounts’ work lists', async () => {
    const { loadDemoTasks } = appModule('src', 'demo', 'demo-tasks');
    const { workList } = appModule('src', 'my-work', 'work-list');
    await ensureDevAccounts(app.strapi, PASSWORD);
    expect(await loadDemoTasks(app.strapi)).toBe(7);
    const tasks = await app.strapi.db.query('api::task.task').findMany({ populate: { assignee: true, assignedBy: true } });
    expect(tasks.map((t: { state: string }) => t.state).sort()).toEqual([
      'accepted',
      'assigned',
      'assigned',
      'cancelled',
      'done',
      'reopened',
      'verified',
    ]);
    const supervisor = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: devEmail('cs-supervisor') } });
    const list = await workList(app.strapi, { staffUserId: supervisor.id, roles: ['cs-supervisor'], via: 'rest', superAdmin: false });
    const theirs = list.items.filter((item: { subject: string }) => item.subject === 'task');
    expect(theirs.map((item: { number: string; actions: string[] }) => `${item.number}: ${item.actions.join(',')}`)).toEqual([
      '核对华东区三月对账单差异: verify,reopen',
    ]);
  });

  /**
   * Every order whose state says its goods left has them in goods-gone shipments — all of every line
   * when shipped or closed, some when partly shipped — and each of those shipments its receivable for
   * its lines at their price; the paper ones due before today are paid, their shipments in the history.
   */
  const expectShippedAsStated = async (paperShipments: number) => {
    const today = dateIn('Asia/Shanghai');
    const orders = await app.strapi.db.query('api::order.order').findMany({
      where: { state: { $in: ['partially_shipped', 'shipped', 'closed'] } },
      populate: { lines: { select: ['key', 'quantity'] } },
    });
    expect(orders.length).toBeGreaterThan(0);
    const shipments = await app.strapi.db.query('api::shipment.shipment').findMany({
      where: { state: { $in: ['shipped', 'delivered'] } },
      populate: { order: { select: ['id'] }, lines: true },
    });
    for (const order of orders) {
      const left = new Map<string, number>();
      for (const shipment of shipments.filter((candidate: { order: { id: number } }) => candidate.order.id === order.id))
        for (const line of shipment.lines) left.set(line.line, (left.get(line.line) ?? 0) + line.quantity);
      const ordered = order.lines.reduce((sum: number, line: { quantity: number }) => sum + line.quantity, 0);
      const shipped = [...left.values()].reduce((sum, quantity) => sum + quantity, 0);
      for (const line of order.lines) expect(left.get(line.key) ?? 0).toBeLessThanOrEqual(line.quantity);
      if (order.state === 'partially_shipped') expect([order.number, shipped > 0 && shipped < ordered]).toEqual([order.number, true]);
      else expect([order.number, order.state, shipped]).toEqual([order.number, order.state, ordered]);
    }
    const receivables = await app.strapi.db.query('api::receivable.receivable').findMany({
      where: { state: { $ne: 'void' } },
      populate: { shipment: { select: ['id'] } },
    });
    for (const shipment of shipments) {
      const billed = receivables.filter((r: { shipment: { id: number } | null }) => r.shipment?.id === shipment.id);
      const amount = shipment.lines.reduce(
        (sum: Decimal, line: { quantity: number; unitPrice: unknown }) =>
          sum.plus(new Decimal(String(line.unitPrice)).times(line.quantity)),
        new Decimal(0)
      );
      expect([shipment.number, billed.length, billed[0] && new Decimal(String(billed[0].amount)).toFixed(2)]).toEqual([
        shipment.number,
        1,
        amount.toFixed(2),
      ]);
    }
    // The paper shipments are the last written.
    const paper = (
      await app.strapi.db
        .query('api::shipment.shipment')
        .findMany({ select: ['id', 'documentId', 'number'], orderBy: { id: 'desc' }, limit: paperShipments })
    ).map((shipment: { id: number; documentId: string; number: string }) => ({
      ...shipment,
      receivable: receivables.find((r: { shipment: { id: number } | null }) => r.shipment?.id === shipment.id),
    }));
    for (const shipment of paper) {
      const history = await app.strapi.db
        .query('api::workflow-event.workflow-event')
        .count({ where: { subject: 'shipment', subjectId: shipment.documentId, action: 'ship' } });
      expect([shipment.number, history]).toEqual([shipment.number, 1]);
    }
    const due = paper.filter((shipment: { receivable: { dueDate: string } }) => shipment.receivable.dueDate < today);
    expect(due.length).toBeGreaterThan(0);
    for (const shipment of due) expect([shipment.number, shipment.receivable.state]).toEqual([shipment.number, 'paid']);
  };

  it('ships demo orders through the workflows and records their payments: reconciled, with amounts in every aging bucket', async () => {
    const { loadDemoCollection } = appModule('src', 'demo', 'demo-collection');
    const { receivableAging } = appModule('src', 'cash-collection', 'receivable-aging');
    await ensureDevAccounts(app.strapi, PASSWORD);
    // More older orders than the small demo above has, so that dates spread over every bucket.
    await loadDemoData(
      app.strapi,
      { salespeople: 3, products: 12, customers: 8, orders: 240, inquiries: 0 },
      { password: PASSWORD, chunkSize: 100, seed: 7 }
    );
    const outbox = await app.strapi.db.connection('notifications').count({ n: '*' });
    const result = await loadDemoCollection(app.strapi, 30);
    expect(result.shipped).toBeGreaterThanOrEqual(20);
    expect(result.taken).toBe(result.shipped + 2); // the newest is still in production, the one before has its shipment planned
    expect(await app.strapi.db.connection('notifications').count({ n: '*' })).toEqual(outbox); // no mail about past events

    const receivables = await app.strapi.db
      .query('api::receivable.receivable')
      .findMany({ populate: { customer: { select: ['id'] }, allocations: true, shipment: { select: ['state'] } } });
    // One receivable per shipment that left: the demo collection's, and the other shipped orders' paper shipments.
    expect(result.paper.shipments).toBeGreaterThan(0);
    expect(receivables.length).toBe(result.shipped + result.paper.shipments);
    const owed = new Map<number, { billed: Decimal; allocated: Decimal; open: Decimal }>();
    for (const r of receivables) {
      const inForce = r.allocations
        .filter((a: { reversedOn: string | null }) => !a.reversedOn)
        .reduce((sum: Decimal, a: { amount: number }) => sum.plus(String(a.amount)), new Decimal(0));
      // Shipped and on the road or delivered; the one turned back leaves its receivable void, owing nothing.
      expect([r.shipment.state, r.state === 'void']).toEqual([r.shipment.state, r.shipment.state === 'cancelled']);
      if (r.state === 'void') {
        expect(Number(r.openAmount)).toBe(0);
        continue;
      }
      expect(r.invoiceDate < dateIn('Asia/Shanghai')).toBe(true);
      const sums = owed.get(r.customer.id) ?? { billed: new Decimal(0), allocated: new Decimal(0), open: new Decimal(0) };
      owed.set(r.customer.id, {
        billed: sums.billed.plus(String(r.amount)),
        allocated: sums.allocated.plus(inForce),
        open: sums.open.plus(String(r.openAmount)),
      });
    }
    for (const [customer, sums] of owed)
      expect([customer, sums.billed.minus(sums.allocated).toFixed(2)]).toEqual([customer, sums.open.toFixed(2)]);
    const payments = await app.strapi.db.query('api::payment.payment').findMany({ populate: { allocations: true } });
    for (const p of payments) {
      const inForce = p.allocations
        .filter((a: { reversedOn: string | null }) => !a.reversedOn)
        .reduce((sum: Decimal, a: { amount: number }) => sum.plus(String(a.amount)), new Decimal(0));
      expect([p.number, new Decimal(String(p.unallocatedAmount)).toFixed(2)]).toEqual([
        p.number,
        new Decimal(String(p.amount)).minus(inForce).toFixed(2),
      ]);
    }
    expect(payments.filter((p: { state: string }) => p.state === 'reversed')).toHaveLength(1);
    expect(payments.some((p: { state: string; unallocatedAmount: number }) => p.state === 'posted' && p.unallocatedAmount > 0)).toBe(true);
    expect(
      receivables.some((r: { state: string; openAmount: number; amount: number }) => r.state === 'open' && r.openAmount < r.amount)
    ).toBe(true); // paid in part
    // The payment service writes a history event for each payment it records and one for the reversal; the paper payments are bulk-written without.
    const events = await app.strapi.db.query('api::workflow-event.workflow-event').count({ where: { subject: 'payment' } });
    expect(events).toBe(payments.length - result.paper.payments + 1);

    const aging = await receivableAging(app.strapi, { asOf: dateIn('Asia/Shanghai'), groupBy: 'bucket' });
    for (const [bucket, amount] of Object.entries(aging.totals.amounts)) expect([bucket, Number(amount) > 0]).toEqual([bucket, true]);

    await expectShippedAsStated(result.paper.shipments);
    await expectReceivableRollupExact(app.strapi);

    // Four customers' statements: one confirmed, one disputed (kept as the customer's opinion), one awaiting an answer, one not yet mailed.
    expect(result.statements).toBe(4);
    const statements = await app.strapi.db
      .query('api::statement.statement')
      .findMany({ orderBy: { id: 'asc' }, populate: { customer: { select: ['id'] } } });
    expect(statements.map((st: { state: string }) => st.state)).toEqual(['confirmed', 'disputed', 'sent', 'issued']);
    const opinion = await app.strapi.db
      .query('api::customer-opinion.customer-opinion')
      .findOne({ where: { source: 'statement_dispute' }, populate: { customer: { select: ['id'] }, statement: { select: ['id'] } } });
    expect(opinion).toMatchObject({ customer: { id: statements[1].customer.id }, statement: { id: statements[1].id } });
  });

  it('lets the order coordinator ship a ready demo order through REST, its reservation released', async () => {
    const coordinator = await createStaffUser(app.strapi, 'order-coordinator');
    const ready = await app.strapi.db.query('api::order.order').findMany({
      where: { state: 'ready', customer: { creditHold: false } },
      populate: { lines: { populate: { product: { select: ['id', 'stockOnHand', 'stockReserved'] } } } },
    });
    expect(ready.length).toBeGreaterThan(0);
    const order = ready[0];
    const created = await rest(app.strapi, coordinator).post('/api/shipments?populate=lines', {
      data: {
        order: order.documentId,
        lines: order.lines.map((line: { key: string; quantity: number }) => ({ line: line.key, quantity: line.quantity })),
        transportMode: 'truck',
        truckPlate: '浙B·12345',
      },
    });
    expect([created.status, created.body.error]).toEqual([201, undefined]);
    const shipped = await actOn(app.strapi, coordinator, 'api::shipment.shipment', created.body.data.documentId, 'ship');
    expect([shipped.status, shipped.body.error]).toEqual([200, undefined]);
    const after = await app.strapi.db.query('api::order.order').findOne({
      where: { documentId: order.documentId },
      populate: { lines: { populate: { product: { select: ['id', 'stockOnHand', 'stockReserved'] } } } },
    });
    expect(after.state).toBe('shipped');
    expect(after.version).toBe(order.version + 1);
    for (const [index, line] of after.lines.entries()) {
      const before = order.lines[index];
      expect(line.reservedQuantity).toBe(0);
      // Products shared by two lines move by both; the totals are checked below.
      if (order.lines.filter((other: { product: { id: number } }) => other.product.id === before.product.id).length === 1) {
        expect(line.product.stockOnHand).toBe(before.product.stockOnHand - before.quantity);
        expect(line.product.stockReserved).toBe(before.product.stockReserved - before.reservedQuantity);
      }
    }
    await expectReservationsMatchStock();
    // The order's side panel shows its whole story: the paper trail, then the shipment.
    const history = await app.strapi.db
      .query('api::workflow-event.workflow-event')
      .findMany({ where: { subject: 'order', subjectId: order.documentId }, orderBy: { id: 'asc' } });
    expect(history.map((event: { action: string }) => event.action)).toEqual([
      'confirm',
      'schedule',
      'start_production',
      'mark_ready',
      'ship',
    ]);
  });
  /** After all of the above (the demo as `npm run develop` loads it): every workflow in every state of its machine. */
  it.each([
    ['api::contract.contract', 'state'],
    ['api::order.order', 'state'],
    ['api::complaint.complaint', 'state'],
    ['api::shipment.shipment', 'state'],
    ['api::receivable.receivable', 'state'],
    ['api::payment.payment', 'state'],
    ['api::statement.statement', 'state'],
    ['api::task.task', 'state'],
    ['api::customer-need.customer-need', 'status'],
  ])('leaves %s in every state of its workflow', async (uid, field) => {
    const type = app.strapi.contentType(uid as UID.ContentType);
    const states = (type.attributes[field as never] as { enum: string[] }).enum;
    const present = new Set<string>(await app.strapi.db.connection(type.collectionName!).distinct(field).pluck(field));
    expect(states.filter((state) => !present.has(state))).toEqual([]);
  });

  it('addresses every demo mailbox, staff and customers, at a reserved domain (RFC 2606, RFC 6761)', async () => {
    const knex = app.strapi.db.connection;
    const addresses: string[] = [
      ...(await knex('up_users').pluck('email')),
      ...(await knex('admin_users').pluck('email')),
      ...(await knex('components_customer_contacts').whereNotNull('email').pluck('email')),
    ];
    expect(addresses.length).toBeGreaterThan(20);
    const reserved = /@([a-z0-9-]+\.)*(example\.(com|net|org)|test|example|invalid|localhost|local)$/i;
    expect(addresses.filter((address) => !reserved.test(address))).toEqual([]);
  });
});
