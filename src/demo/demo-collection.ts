/**
 * Demo collection (货款回收): a share of the bulk-loaded older orders (domestic customers in CNY,
 * not on credit hold) is taken again through the real order and shipment workflows by the
 * development accounts, each step dated days after the order date, so that shipments, receivables
 * dated over the past months (some overdue into every aging bucket) and the orders' history exist.
 * The sales clerk then records payments through the payment service on the days they came in:
 * most in full, some in part, some left unallocated (advances), one reversed (a bounced bank
 * transfer). Mails about these past events are not sent: the outbox rows they queued are dropped.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { addDays, dateIn } from '../domain/business-date';
import { morningOf } from './demo-run';
import { newLineKey } from '../domain/document-id';
import { DEFAULT_CURRENCY, formatMoney } from '../domain/money';
import { RoleCode } from '../domain/staff-roles';
import { recordCreditEvent } from '../cash-collection/credit-control';
import { recordPayment, reversePayment } from '../cash-collection/payments';
import { NOTIFICATIONS_TABLE } from '../platform/outbox';
import { reportTimeZone } from '../platform/settings';
import { Actor } from '../platform/actor';
import { devEmail } from '../staff/dev-accounts';
import { orderWorkflow } from '../workflow-engine/order-workflow';
import { shipmentWorkflow } from '../workflow-engine/shipment-workflow';
import { asTrustedWrite } from '../platform/trusted-write';
import { takeAction, WorkflowDefinition } from '../workflow-engine/workflow-service';
import { asStaff } from './as-staff';
import { issueDemoStatements } from './demo-statements';
import { shipOnPaper } from './paper-shipments';
import { CREDIT_OVERRIDE, ORDER, RECEIVABLE, SHIPMENT, USER, WORKFLOW_EVENT } from '../platform/uids';
import { documentData } from '../platform/document-data';

const ORDER_LINE = 'order.line';
const ROLES: RoleCode[] = ['cs-supervisor', 'planner', 'order-coordinator', 'sales-clerk'];

interface Candidate {
  id: number;
  documentId: string;
  orderDate: string;
  lines: {
    id: number;
    key: string | null;
    quantity: number;
    product: { id: number; stockOnHand: number; stockReserved: number } | null;
  }[];
}

export interface DemoCollectionResult {
  /** Orders taken through the workflows (some stop before shipping: see outcomesOf). */
  taken: number;
  /** Of those, the ones whose goods left (shipped, delivered, or shipped and turned back): one receivable each. */
  shipped: number;
  payments: number;
  skipped: number;
  /** Statements issued and mailed (./demo-statements.ts). */
  statements: number;
  /** The other bulk-loaded shipped orders' shipments, each with its receivable, and the payments of those due (./paper-shipments.ts). */
  paper: { shipments: number; payments: number };
}

/** Who takes the steps: the development accounts of ROLES as actors, and the marketing VP who grants overrides. */
interface Crew {
  strapi: Core.Strapi;
  staff: Map<RoleCode, Actor>;
  vp: { id: number } | null;
}

/** The crew, or null when a development account is missing (then there is no demo collection). */
const crewOf = async (strapi: Core.Strapi): Promise<Crew | null> => {
  const staff = new Map<RoleCode, Actor>();
  for (const role of ROLES) {
    const user = await strapi.db.query(USER).findOne({ where: { email: devEmail(role) }, select: ['id'] });
    if (!user) return null;
    staff.set(role, {
      staffUserId: user.id,
      roles: [role],
      via: 'system',
      superAdmin: false,
    });
  }
  const vp = await strapi.db.query(USER).findOne({ where: { email: devEmail('marketing-vp') }, select: ['id'] });
  return { strapi, staff, vp };
};

/**
 * The shipped or closed CNY orders from 300 to 20 days ago of customers not on credit hold:
 * `count` of them spread evenly first; when the rules refuse some (a customer put on credit hold
 * by what it owes), the others in turn.
 */
const candidatesOf = async (strapi: Core.Strapi, today: string, count: number): Promise<Candidate[]> => {
  const candidates: Candidate[] = await strapi.db.query(ORDER).findMany({
    where: {
      state: { $in: ['shipped', 'closed'] },
      currency: DEFAULT_CURRENCY,
      orderDate: { $gte: addDays(today, -300), $lte: addDays(today, -20) },
      customer: { creditHold: false },
    },
    orderBy: [{ orderDate: 'asc' }, { id: 'asc' }],
    select: ['id', 'documentId', 'orderDate'],
    populate: {
      lines: {
        select: ['id', 'key', 'quantity'],
        populate: { product: { select: ['id', 'stockOnHand', 'stockReserved'] } },
      },
    },
  });
  const step = Math.max(1, candidates.length / count);
  const spread = Array.from({ length: Math.min(count, candidates.length) }, (_, k) => candidates[Math.floor(k * step)]);
  return [...spread, ...candidates.filter((candidate) => !spread.includes(candidate))];
};

const act = async (
  { strapi, staff }: Crew,
  uid: typeof ORDER | typeof SHIPMENT,
  documentId: string,
  role: RoleCode,
  action: string,
  day: string,
  input: Record<string, unknown> = {}
) => {
  const { version } = await strapi.db.query(uid).findOne({ where: { documentId }, select: ['version'] });
  const workflow: WorkflowDefinition = uid === ORDER ? orderWorkflow : shipmentWorkflow;
  await takeAction(strapi, workflow, documentId, action, { version, ...input }, staff.get(role)!, morningOf(day));
};

/**
 * A customer on credit hold has its order confirmed and gets its goods only with the marketing
 * VP's override, granted that day with a reason, as the VP would in the panel; the credit record
 * shows it.
 */
const overrideHold = async ({ strapi, vp }: Crew, order: Candidate, subject: 'order' | 'shipment', subjectId: string, at: Date) => {
  const { customer } = await strapi.db
    .query(ORDER)
    .findOne({ where: { id: order.id }, populate: { customer: { select: ['id', 'creditHold'] } } });
  if (!customer?.creditHold || !vp) return;
  const reason = '老客户，回款有保障，副总批准放行';
  await asTrustedWrite(() =>
    strapi.db.query(CREDIT_OVERRIDE).create({
      data: { customer: customer.id, subject, subjectId, reason, grantedBy: vp.id, grantedAt: at, usedAt: null },
    })
  );
  await recordCreditEvent(strapi, { customer: customer.id, kind: 'override', reason: `${subject}: ${reason}`, at, actor: vp.id });
};

/** Puts a bulk-loaded order back to draft without its paper trail, every line keyed and holding nothing; answers the keys by line id. */
const backToDraft = async (strapi: Core.Strapi, order: Candidate): Promise<Map<number, string>> => {
  const keys = new Map<number, string>();
  await dropPaperTrail(strapi, order.documentId);
  await asTrustedWrite(async () => {
    await strapi.db.query(ORDER).update({
      where: { id: order.id },
      data: {
        state: 'draft',
        version: 1,
        promisedDate: null,
        plannedStart: null,
        plannedFinish: null,
      },
    });
    for (const line of order.lines) {
      const key = line.key ?? newLineKey(); // a line keeps the key it was given
      keys.set(line.id, key);
      await strapi.db.query(ORDER_LINE).update({
        where: { id: line.id },
        data: { key, reservedQuantity: 0 },
      });
    }
  });
  return keys;
};

/**
 * Takes one bulk-loaded order (shipped on paper: its paper trail has no shipment) from draft
 * through shipping again; the real steps replace the paper trail.
 */
/**
 * How far a demo order goes: most are shipped and then delivered or left on the road; a few stop
 * earlier or are turned back, so that every state of the order and shipment workflows (and a void
 * receivable) is in the demo at any scale.
 */
export type ShippingOutcome = 'in_production' | 'planned' | 'shipped' | 'delivered' | 'cancelled';

/**
 * The outcome of each chosen order (oldest first): the newest is still in production, the one
 * before has its shipment planned, the one before that was shipped and turned back; of the
 * others every third is still on the road and the rest delivered.
 */
export const outcomesOf = (chosen: { id: number }[]): Map<number, ShippingOutcome> => {
  const newestFirst: ShippingOutcome[] = ['in_production', 'planned', 'cancelled'];
  return new Map(
    chosen.map((order, index) => {
      const fromNewest = chosen.length - 1 - index;
      return [order.id, newestFirst[fromNewest] ?? (index % 3 === 0 ? 'shipped' : 'delivered')];
    })
  );
};

const shipOrder = async (
  crew: Crew,
  order: Candidate,
  lines: Candidate['lines'],
  day: (offset: number) => string,
  outcome: ShippingOutcome
) => {
  const { strapi, staff } = crew;
  const keys = await backToDraft(strapi, order);
  await overrideHold(crew, order, 'order', order.documentId, morningOf(day(1)));
  await act(crew, ORDER, order.documentId, 'cs-supervisor', 'confirm', day(1), {
    comment: '价格与交期已与客户确认',
  });
  await act(crew, ORDER, order.documentId, 'planner', 'schedule', day(2), {
    plannedStart: day(4),
    plannedFinish: day(12),
    promisedDate: day(15),
  });
  await act(crew, ORDER, order.documentId, 'order-coordinator', 'start_production', day(4));
  if (outcome === 'in_production') return;
  await act(crew, ORDER, order.documentId, 'order-coordinator', 'mark_ready', day(12));
  const coordinator = {
    id: staff.get('order-coordinator')!.staffUserId!,
    role: 'order-coordinator' as RoleCode,
  };
  const shipment = await asStaff(strapi, coordinator, () =>
    strapi.documents(SHIPMENT).create({
      data: documentData(SHIPMENT, {
        order: order.documentId,
        lines: lines.map((line) => ({
          line: keys.get(line.id),
          quantity: line.quantity,
        })),
        transportMode: 'truck',
        plannedDate: day(14),
      }),
    })
  );
  const shipmentId = shipment.documentId;
  if (outcome === 'planned') return;
  await overrideHold(crew, order, 'shipment', shipmentId, morningOf(day(14)));
  await act(crew, SHIPMENT, shipmentId, 'order-coordinator', 'ship', day(14));
  if (outcome === 'delivered') await act(crew, SHIPMENT, shipmentId, 'order-coordinator', 'deliver', day(17));
  if (outcome === 'cancelled') {
    await act(crew, SHIPMENT, shipmentId, 'cs-supervisor', 'cancel', day(15), { comment: '客户拒收：包装破损，整车退回' });
  }
};

/** Ships up to `count` older orders (order dates from 300 to 20 days ago, spread evenly) and records their payments. */
export const loadDemoCollection = async (strapi: Core.Strapi, count = 30): Promise<DemoCollectionResult> => {
  const crew = await crewOf(strapi);
  if (!crew) return { taken: 0, shipped: 0, payments: 0, skipped: 0, statements: 0, paper: { shipments: 0, payments: 0 } };
  const zone = reportTimeZone(strapi);
  const today = dateIn(zone);
  const outboxBefore = Number((await strapi.db.connection(NOTIFICATIONS_TABLE).max({ id: 'id' }))[0]?.id ?? 0);
  const chosen = await candidatesOf(strapi, today, count);
  const outcomes = outcomesOf(chosen.slice(0, count));

  // Payments come in between the shipments, on their days: a customer that pays is not held.
  const clerk = crew.staff.get('sales-clerk')!;
  const payments = demoPayments(strapi, clerk, today);
  const stock = new Map<number, number>();
  let taken = 0;
  let shipped = 0;
  let skipped = 0;
  for (const order of chosen) {
    if (taken >= count) break;
    // What can leave: the lines whose product has the goods available (after the shipments before),
    // without taking what other orders have reserved.
    const available = (product: NonNullable<Candidate['lines'][number]['product']>) =>
      stock.get(product.id) ?? product.stockOnHand - product.stockReserved;
    const lines = order.lines.filter((line) => line.product && available(line.product) >= line.quantity);
    if (lines.length === 0) {
      skipped += 1;
      continue;
    }
    const day = (offset: number) => addDays(order.orderDate, offset);
    await strapi.db.transaction(() => payments.receiveUntil(day(14)));
    try {
      // One transaction per order: its steps nest in it (one commit instead of seven), and an
      // order the rules refuse stays as it was loaded.
      const outcome = outcomes.get(order.id) ?? 'delivered';
      await strapi.db.transaction(() => shipOrder(crew, order, lines, day, outcome));
      payments.expect(
        await strapi.db.query(RECEIVABLE).findMany({
          where: { order: { id: order.id }, state: 'open' },
          select: ['documentId', 'amount', 'invoiceDate', 'dueDate'],
          populate: { customer: { select: ['documentId'] } },
        })
      );
      for (const line of lines) stock.set(line.product!.id, available(line.product!) - line.quantity);
      taken += 1;
      if (outcome !== 'in_production' && outcome !== 'planned') shipped += 1;
    } catch (error) {
      // A demo order the rules refuse (e.g. a credit hold) stays as it was loaded.
      strapi.log.warn(`demo collection: order ${order.documentId} not shipped: ${(error as Error).message}`);
      skipped += 1;
    }
  }

  await strapi.db.transaction(() => payments.receiveUntil(today));
  // The other shipped orders' goods left on paper: before the statements, which list what they billed.
  const paper = await shipOnPaper(strapi, today);
  const statements = await issueDemoStatements(strapi, clerk, today);
  await strapi.db.connection(NOTIFICATIONS_TABLE).where('id', '>', outboxBefore).delete();
  return { taken, shipped, payments: payments.recorded(), skipped, statements, paper };
};

/** The history events the bulk loader wrote for an order (its paper trail), with their actor links. */
const dropPaperTrail = async (strapi: Core.Strapi, documentId: string) => {
  const meta = strapi.db.metadata.get(WORKFLOW_EVENT) as {
    tableName: string;
    attributes: Record<string, { joinTable?: { name: string; joinColumn: { name: string } } }>;
  };
  const actor = meta.attributes.actor.joinTable!;
  // In the caller's transaction (Strapi's transactions nest).
  await strapi.db.transaction(async ({ trx }) => {
    const ids = trx(meta.tableName).where({ subject: 'order', subject_id: documentId }).select('id');
    await trx(actor.name).whereIn(actor.joinColumn.name, ids).delete();
    await trx(meta.tableName).where({ subject: 'order', subject_id: documentId }).delete();
  });
};

interface DemoReceivable {
  documentId: string;
  amount: unknown;
  invoiceDate: string;
  dueDate: string;
  customer: { documentId: string };
}

/**
 * The customers' payments, on the days they came in: one customer in four pays badly (half of its
 * receivables not at all, the others in part), the rest pay in full on the due date or 35 days
 * after; what falls after today has not come yet. An advance now and then stays
 * unallocated, and one transfer bounces and is reversed. `expect` plans a new receivable's payment;
 * `receiveUntil` records those whose day has come, in date order.
 */
const demoPayments = (strapi: Core.Strapi, clerk: Actor, today: string) => {
  const methods = ['bank_transfer', 'bank_transfer', 'acceptance_bill', 'bank_transfer', 'cash'];
  const planned: { on: string; index: number; receivable: DemoReceivable }[] = [];
  const payers = new Map<string, number>();
  let count = 0;
  let recorded = 0;
  let reversed = false;

  const receive = async ({ on, index, receivable }: (typeof planned)[number]) => {
    const kind = index % 4; // 2: in part
    const amount = new Decimal(String(receivable.amount));
    const paid = kind === 2 ? amount.times(index % 3 === 0 ? '0.3' : '0.5').toDecimalPlaces(2) : amount;
    const { payment } = await recordPayment(
      strapi,
      {
        customer: receivable.customer.documentId,
        amount: formatMoney(paid),
        receivedOn: on,
        method: methods[index % methods.length],
        reference: `DEMO-${String(Math.floor(index / 4) + 1).padStart(5, '0')}`,
        allocations: [{ receivable: receivable.documentId, amount: formatMoney(paid) }],
      },
      clerk,
      morningOf(on)
    );
    recorded += 1;
    // The first full payment older than two months bounced: reversed a week later, still open.
    if (!reversed && kind !== 2 && on < addDays(today, -60)) {
      await reversePayment(
        strapi,
        payment.documentId,
        { version: 1, reason: '银行退票：付款账户余额不足' },
        clerk,
        morningOf(addDays(on, 7))
      );
      reversed = true;
    }
    // Every seventh customer payment comes with an advance the clerk keeps unallocated.
    if (index % 7 === 5) {
      await recordPayment(
        strapi,
        {
          customer: receivable.customer.documentId,
          amount: formatMoney(amount.times('0.2').toDecimalPlaces(2)),
          receivedOn: on,
          method: 'bank_transfer',
          reference: `DEMO-ADV-${index + 1}`,
          notes: '预付款，待对账后核销',
          allocate: false,
        },
        clerk,
        morningOf(on)
      );
      recorded += 1;
    }
  };

  return {
    expect: (receivables: DemoReceivable[]) => {
      for (const receivable of receivables) {
        const index = count++;
        // One customer in four pays badly (some never, some in part), and is held for it; the
        // others pay in full around the due date, unless that day has not come yet.
        const payer = payers.get(receivable.customer.documentId) ?? payers.size;
        payers.set(receivable.customer.documentId, payer);
        const bad = payer % 4 === 0;
        if (bad && index % 2 === 0) continue;
        const on = bad ? addDays(receivable.invoiceDate, 20) : [receivable.dueDate, addDays(receivable.dueDate, 35)][index % 2];
        if (on <= today && on >= receivable.invoiceDate) planned.push({ on, index: bad ? 4 * index + 2 : 4 * index + 1, receivable });
      }
      planned.sort((a, b) => a.on.localeCompare(b.on) || a.index - b.index);
    },
    receiveUntil: async (day: string) => {
      while (planned.length > 0 && planned[0].on <= day) await receive(planned.shift()!);
    },
    recorded: () => recorded,
  };
};
