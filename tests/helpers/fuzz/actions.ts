/**
 * The fuzzer's steps: writes and workflow actions as staff make them, over REST and the admin
 * panel's content manager — records created and edited, relations written from both sides, clones,
 * deletes and bulk deletes, order, contract and shipment actions, stock adjustments, payments and
 * credit overrides. Each step picks its record at random from what is stored (read with the Query
 * Engine, not through the API), a role whose job it is most of the time, and answers what it did.
 */
import type { Core, UID } from '@strapi/strapi';
import type { Response } from 'supertest';
import type { RoleCode } from '../../../src/domain/staff-roles';
import { contentManager } from '../admin';
import { rest } from '../staff';
import { actOn } from '../workflow';
import { Actors, roleFor } from './actors';
import { Random } from './prng';
import type { StepOutcome } from './invariants';
import { CONTRACT, CUSTOMER, ORDER, PAYMENT, PRODUCT, RECEIVABLE, SHIPMENT } from '../../../src/platform/uids';

export interface FuzzContext {
  strapi: Core.Strapi;
  random: Random;
  actors: Actors;
}

type Row = { id: number; documentId: string; [field: string]: any };
type Step = (ctx: FuzzContext) => Promise<StepOutcome | null>;

/** One stored record at random: counted, then read at a random offset, so a long run reads one row, not the table. */
const pickRow = async (
  ctx: FuzzContext,
  uid: string,
  where: Record<string, unknown> = {},
  populate?: Record<string, unknown>
): Promise<Row | undefined> => {
  const query = ctx.strapi.db.query(uid as never);
  const count = await query.count({ where });
  if (count === 0) return undefined;
  const offset = ctx.random.int(0, count - 1);
  return ((await query.findMany({ where, ...(populate ? { populate } : {}), orderBy: { id: 'asc' }, offset, limit: 1 })) as Row[])[0];
};

const outcome = (name: string, res: Response, action?: StepOutcome['action']): StepOutcome => ({
  name,
  status: res.status,
  ...(action ? { action } : {}),
});

const as = (ctx: FuzzContext, roles: readonly RoleCode[]) => {
  const role = roleFor(ctx.random, roles);
  return { role, client: rest(ctx.strapi, ctx.actors.rest[role]) };
};

const cm = (ctx: FuzzContext, who: 'cs-specialist' | 'cs-supervisor' | 'super') => contentManager(ctx.strapi, ctx.actors.admin[who]);

const randomLines = async (ctx: FuzzContext) => {
  const lines = [];
  for (let count = ctx.random.int(1, 2); count > 0; count--) {
    const product = await pickRow(ctx, PRODUCT);
    if (product)
      lines.push({
        product: product.documentId,
        quantity: ctx.random.int(1, 8),
        unitPrice: `${ctx.random.int(1, 50)}.${ctx.random.pick(['00', '50', '25'])}`,
      });
  }
  return lines;
};

const workflowStep = async (
  ctx: FuzzContext,
  uid: UID.ContentType,
  subject: string,
  record: Row,
  action: string,
  roles: readonly RoleCode[],
  input: Record<string, unknown> = {}
) => {
  const role = roleFor(ctx.random, roles);
  const res = await actOn(ctx.strapi, ctx.actors.rest[role], uid, record.documentId, action, input);
  return outcome(`${role} ${subject} ${action}`, res, { subject, documentId: record.documentId, action });
};

const SPECIALISTS: RoleCode[] = ['cs-specialist', 'cs-supervisor'];

type Choice = [string, RoleCode[], () => Record<string, unknown>];

/** The first choice (the one that moves the record on) half the time, otherwise any. */
const choose = (ctx: FuzzContext, choices: Choice[] | undefined): Choice | undefined =>
  choices && choices.length > 0 && ctx.random.chance(0.5) ? choices[0] : ctx.random.pick(choices ?? []);

/** Records still being worked on, most of the time; finished ones sometimes. */
const FINISHED: Record<string, string[]> = {
  [ORDER]: ['cancelled', 'closed'],
  [CONTRACT]: ['cancelled', 'completed', 'terminated', 'superseded'],
  [SHIPMENT]: ['cancelled', 'delivered'],
};
const pickOpen = (ctx: FuzzContext, uid: string, populate?: Record<string, unknown>) =>
  pickRow(ctx, uid, ctx.random.chance(0.9) ? { state: { $notIn: FINISHED[uid] } } : {}, populate);

/** Each step with its weight. */
export const STEPS: Record<string, { weight: number; run: Step }> = {
  createCustomer: {
    weight: 3,
    run: async (ctx) => {
      const { role, client } = as(ctx, SPECIALISTS);
      const res = await client.post('/api/customers', {
        data: { name: `客户 ${ctx.random.int(1, 1e6)}`, region: '华东', creditLimit: ctx.random.pick(['0', '500.00', '5000.00']) },
      });
      return outcome(`${role} create customer`, res);
    },
  },
  holdCustomer: {
    weight: 3,
    run: async (ctx) => {
      const customer = await pickRow(ctx, CUSTOMER);
      if (!customer) return null;
      const { role, client } = as(ctx, SPECIALISTS);
      const hold = ctx.random.chance(0.6);
      const res = await client.put(`/api/customers/${customer.documentId}`, {
        data: hold ? { creditHold: true, creditHoldReason: '客户拖欠货款' } : { creditHold: false },
      });
      return outcome(`${role} ${hold ? 'hold' : 'release'} customer`, res);
    },
  },
  createProduct: {
    weight: 2,
    run: async (ctx) => {
      const { role, client } = as(ctx, ['cs-supervisor']);
      const res = await client.post('/api/products', {
        data: { sku: `FZ-${ctx.random.int(1, 1e9)}`, name: '离心泵', unit: 'pcs', listPrice: '100.00', stockOnHand: ctx.random.int(0, 30) },
      });
      return outcome(`${role} create product`, res);
    },
  },
  adjustStock: {
    weight: 3,
    run: async (ctx) => {
      const product = await pickRow(ctx, PRODUCT);
      if (!product) return null;
      const { role, client } = as(ctx, ['planner']);
      const quantity = ctx.random.chance(0.6) ? ctx.random.int(1, 20) : -ctx.random.int(1, 10);
      const res = await client.post(`/api/products/${product.documentId}/stock-adjustments`, {
        data: { quantity, reason: quantity > 0 ? '生产入库' : '盘点' },
      });
      return outcome(`${role} adjust stock`, res);
    },
  },
  createOrder: {
    weight: 8,
    run: async (ctx) => {
      const customer = await pickRow(ctx, CUSTOMER);
      if (!customer) return null;
      const { role, client } = as(ctx, SPECIALISTS);
      const res = await client.post('/api/orders', { data: { customer: customer.documentId, lines: await randomLines(ctx) } });
      return outcome(`${role} create order`, res);
    },
  },
  editOrder: {
    weight: 6,
    run: async (ctx) => {
      const order = await pickRow(ctx, ORDER);
      if (!order) return null;
      const { role, client } = as(ctx, SPECIALISTS);
      const change = ctx.random.weighted({ customer: 2, lines: 2, notes: 1 });
      const other = await pickRow(ctx, CUSTOMER);
      const data =
        change === 'customer'
          ? { customer: other?.documentId }
          : change === 'lines'
            ? { lines: await randomLines(ctx) }
            : { notes: `备注 ${ctx.random.int(1, 100)}` };
      const res = await client.put(`/api/orders/${order.documentId}`, { data });
      return outcome(`${role} edit order ${change} (${order.state})`, res);
    },
  },
  ordersFromCustomerSide: {
    weight: 4,
    run: async (ctx) => {
      const [customer, order] = [await pickRow(ctx, CUSTOMER), await pickRow(ctx, ORDER)];
      if (!customer || !order) return null;
      const how = ctx.random.weighted({ connect: 3, disconnect: 1, set: 1, cm: 3 });
      if (how === 'cm') {
        const res = await cm(ctx, ctx.random.pick(['cs-specialist', 'cs-supervisor'] as const)!).update(CUSTOMER, customer.documentId, {
          orders: { connect: [{ id: order.id, documentId: order.documentId }], disconnect: [] },
        });
        return outcome(`content manager connect order (${order.state}) to customer`, res);
      }
      const { role, client } = as(ctx, [...SPECIALISTS, 'sales-clerk']);
      const orders = how === 'set' ? { set: ctx.random.chance(0.5) ? [] : [order.documentId] } : { [how]: [order.documentId] };
      const res = await client.put(`/api/customers/${customer.documentId}`, { data: { orders } });
      return outcome(`${role} ${how} order (${order.state}) from the customer`, res);
    },
  },
  cmEditOrder: {
    weight: 3,
    run: async (ctx) => {
      const [order, customer] = [await pickRow(ctx, ORDER), await pickRow(ctx, CUSTOMER)];
      if (!order || !customer) return null;
      const res = await cm(ctx, ctx.random.pick(['cs-specialist', 'cs-supervisor'] as const)!).update(ORDER, order.documentId, {
        customer: { connect: [{ id: customer.id, documentId: customer.documentId }], disconnect: [] },
      });
      return outcome(`content manager move order (${order.state})`, res);
    },
  },
  cmClone: {
    weight: 3,
    run: async (ctx) => {
      const uid = ctx.random.pick([ORDER, ORDER, CUSTOMER])!;
      const source = await pickRow(ctx, uid);
      if (!source) return null;
      const res = await cm(ctx, ctx.random.pick(['cs-specialist', 'cs-supervisor'] as const)!).clone(uid, source.documentId, {});
      return outcome(`content manager clone ${uid === ORDER ? `order (${source.state})` : 'customer'}`, res);
    },
  },
  cmDelete: {
    weight: 2,
    run: async (ctx) => {
      const uid = ctx.random.pick([CUSTOMER, PRODUCT, ORDER])!;
      const record = await pickRow(ctx, uid);
      if (!record) return null;
      if (ctx.random.chance(0.5)) {
        const chosen = [record, (await pickRow(ctx, uid))!];
        const res = await cm(ctx, 'super').bulkDelete(uid, [...new Set(chosen.map((r) => r.documentId))]);
        return outcome(`super admin bulk delete ${uid.split('.')[1]}`, res);
      }
      const res = await cm(ctx, 'super').delete(uid, record.documentId);
      return outcome(`super admin delete ${uid.split('.')[1]}`, res);
    },
  },
  orderAction: {
    weight: 14,
    run: async (ctx) => {
      const order = await pickOpen(ctx, ORDER, { lines: true });
      if (!order) return null;
      const allocate = () => ({
        lines: order.lines
          .filter((l: Row) => l.key)
          .map((l: Row) => ({ line: l.key, reserve: ctx.random.int(0, l.quantity), source: 'own_production' })),
      });
      const byState: Record<string, Choice[]> = {
        draft: [
          ['confirm', ['cs-supervisor'], () => ({ comment: '电话确认' })],
          ['cancel', ['cs-supervisor'], () => ({ comment: '客户取消' })],
        ],
        confirmed: [
          ['schedule', ['planner'], () => ({ plannedStart: '2027-01-04', plannedFinish: '2027-01-15', promisedDate: '2027-01-20' })],
          ['allocate', ['order-coordinator'], allocate],
          ['hold', ['order-coordinator'], () => ({ comment: '等待付款' })],
          ['cancel', ['cs-supervisor'], () => ({ comment: '客户取消' })],
        ],
        scheduled: [
          ['start_production', ['planner', 'order-coordinator'], () => ({})],
          ['allocate', ['order-coordinator'], allocate],
          ['cancel', ['cs-supervisor'], () => ({ comment: '客户取消' })],
        ],
        in_production: [
          ['mark_ready', ['order-coordinator'], () => ({})],
          ['allocate', ['order-coordinator'], allocate],
          ['cancel', ['cs-supervisor'], () => ({ comment: '客户取消' })],
        ],
        ready: [
          ['allocate', ['order-coordinator'], allocate],
          ['cancel', ['cs-supervisor'], () => ({ comment: '客户取消' })],
          ['note', ['order-coordinator'], () => ({ kind: 'milestone', comment: '已备货' })],
        ],
        partially_shipped: [
          ['allocate', ['order-coordinator'], allocate],
          ['hold', ['cs-supervisor'], () => ({ comment: '暂停' })],
        ],
        shipped: [['close', ['order-coordinator'], () => ({})]],
        on_hold: [
          ['resume', ['cs-supervisor'], () => ({ comment: '恢复' })],
          ['cancel', ['cs-supervisor'], () => ({ comment: '客户取消' })],
        ],
      };
      const choice = choose(ctx, byState[order.state] ?? [['cancel', ['cs-supervisor'], () => ({ comment: '取消' })]]);
      if (!choice) return null;
      const [action, roles, input] = choice;
      return workflowStep(ctx, ORDER, 'order', order, action, roles, input());
    },
  },
  draftContract: {
    weight: 4,
    run: async (ctx) => {
      const order = await pickRow(ctx, ORDER, { state: 'draft' }, { customer: { select: ['documentId'] } });
      if (!order) return null;
      const { role, client } = as(ctx, SPECIALISTS);
      const res = await client.post('/api/contracts', {
        data: { orders: [order.documentId], deliveryDate: '2027-03-01', paymentTerms: '月结30天' },
      });
      return outcome(`${role} draft contract`, res);
    },
  },
  contractAction: {
    weight: 10,
    run: async (ctx) => {
      const contract = await pickOpen(ctx, CONTRACT);
      if (!contract) return null;
      const reviewers: RoleCode[] = ['cs-supervisor', 'planner', 'sales-clerk'];
      const byState: Record<string, Choice[]> = {
        draft: [
          ['submit', SPECIALISTS, () => ({})],
          ['submit', SPECIALISTS, () => ({})],
          ['cancel', SPECIALISTS, () => ({ comment: '撤回' })],
        ],
        in_review: [
          ['review', reviewers, () => ({ verdict: ctx.random.chance(0.85) ? 'approve' : 'request_changes', comment: '评审意见' })],
        ],
        changes_requested: [['revise', SPECIALISTS, () => ({})]],
        approved: [['reply', SPECIALISTS, () => ({ channel: 'phone', content: '合同已评审通过' })]],
        replied: [['seal', ['cs-supervisor'], () => ({ sealType: 'contract_seal', copies: 2, documentSha256: 'b'.repeat(64) })]],
        sealed: [['activate', SPECIALISTS, () => ({})]],
        active: [['complete', ['cs-supervisor'], () => ({})]],
      };
      const choice = choose(ctx, byState[contract.state]);
      if (!choice) return null;
      const [action, roles, input] = choice;
      return workflowStep(ctx, CONTRACT, 'contract', contract, action, roles, input());
    },
  },
  planShipment: {
    weight: 5,
    run: async (ctx) => {
      const order = await pickRow(
        ctx,
        ORDER,
        { state: { $in: ['ready', 'partially_shipped', ...(ctx.random.chance(0.2) ? ['in_production'] : [])] } },
        { lines: true }
      );
      if (!order) return null;
      const { role, client } = as(ctx, ['order-coordinator', 'sales-clerk']);
      const lines = order.lines
        .filter((l: Row) => l.key && ctx.random.chance(0.8))
        .map((l: Row) => ({ line: l.key, quantity: ctx.random.int(1, l.quantity) }));
      const res = await client.post('/api/shipments', {
        data: { order: order.documentId, lines, transportMode: 'truck', truckPlate: '浙B·12345', driverName: '王师傅' },
      });
      return outcome(`${role} plan shipment`, res);
    },
  },
  shipmentAction: {
    weight: 7,
    run: async (ctx) => {
      const shipment = await pickOpen(ctx, SHIPMENT);
      if (!shipment) return null;
      const byState: Record<string, Choice[]> = {
        planned: [
          ['ship', ['order-coordinator', 'sales-clerk'], () => ({})],
          ['ship', ['order-coordinator'], () => ({})],
          ['cancel', ['order-coordinator'], () => ({ comment: '改期' })],
        ],
        shipped: [
          ['deliver', ['order-coordinator', 'sales-clerk'], () => ({})],
          ['cancel', ['cs-supervisor'], () => ({ comment: '退回' })],
        ],
      };
      const choice = choose(ctx, byState[shipment.state]);
      if (!choice) return null;
      const [action, roles, input] = choice;
      return workflowStep(ctx, SHIPMENT, 'shipment', shipment, action, roles, input());
    },
  },
  payment: {
    weight: 4,
    run: async (ctx) => {
      const receivable = await pickRow(ctx, RECEIVABLE, { state: { $ne: 'void' } }, { customer: { select: ['documentId'] } });
      if (!receivable?.customer) return null;
      const { role, client } = as(ctx, ['sales-clerk']);
      const open = Number(receivable.openAmount);
      const amount = (Math.max(1, Math.round(open * ctx.random.int(30, 130))) / 100).toFixed(2);
      const allocated = (Math.max(1, Math.round(open * ctx.random.int(20, 120))) / 100).toFixed(2);
      const res = await client.post('/api/payments', {
        data: {
          customer: receivable.customer.documentId,
          amount,
          receivedOn: '2026-12-01',
          method: 'bank_transfer',
          ...(ctx.random.chance(0.7) ? { allocations: [{ receivable: receivable.documentId, amount: allocated }] } : {}),
        },
      });
      return outcome(`${role} record payment`, res);
    },
  },
  reversePayment: {
    weight: 1,
    run: async (ctx) => {
      const payment = await pickRow(ctx, PAYMENT);
      if (!payment) return null;
      const { role, client } = as(ctx, ['sales-clerk']);
      const res = await client.post(`/api/payments/${payment.documentId}/reverse`, { data: { version: payment.version, reason: '退票' } });
      return outcome(`${role} reverse payment`, res);
    },
  },
  creditOverride: {
    weight: 3,
    run: async (ctx) => {
      const subject = ctx.random.pick(['order', 'contract', 'shipment'] as const)!;
      const uid = subject === 'order' ? ORDER : subject === 'contract' ? CONTRACT : SHIPMENT;
      const record = await pickRow(ctx, uid, {}, { customer: { select: ['documentId'] } });
      if (!record?.customer) return null;
      const { role, client } = as(ctx, ['marketing-vp']);
      const res = await client.post('/api/credit-overrides', {
        data: { customer: record.customer.documentId, subject, subjectId: record.documentId, reason: '预付款已到' },
      });
      return outcome(`${role} grant credit override`, res);
    },
  },
};

/** One step drawn by weight; a step that finds nothing to act on is drawn again. */
export const randomStep = async (ctx: FuzzContext): Promise<StepOutcome> => {
  const weights = Object.fromEntries(Object.entries(STEPS).map(([name, step]) => [name, step.weight])) as Record<string, number>;
  for (;;) {
    const name = ctx.random.weighted(weights);
    const result = await STEPS[name].run(ctx);
    if (result) return { ...result, kind: result.action ? `${result.action.subject} ${result.action.action}` : name };
  }
};
