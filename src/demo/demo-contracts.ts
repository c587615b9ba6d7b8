/**
 * Demo contracts: 22 drafted by the development cs-specialist (`<role>@demo.local`) from new draft
 * orders entered through the Document Service (the order guard numbers and prices them like any),
 * and taken through the real workflow engine by the staff whose step it is, so that the admin panel
 * shows two contracts in every state (24 with the two revisions) with their opinions, history and
 * seal log. Replies are recorded as phone calls: demo customers' addresses are invented and get no mail.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { addDays } from '../domain/business-date';
import { RoleCode } from '../domain/staff-roles';
import { Actor } from '../platform/actor';
import { devEmail } from '../staff/dev-accounts';
import { contractWorkflow } from '../workflow-engine/contract-workflow';
import { takeAction } from '../workflow-engine/workflow-service';
import { asStaff } from './as-staff';
import { CONTRACT, CUSTOMER, ORDER, PRODUCT, USER } from '../platform/uids';
import { documentData } from '../platform/document-data';

type Step = [RoleCode, string, Record<string, unknown>?];

const REVIEWED: Step[] = [
  ['cs-specialist', 'submit'],
  ['cs-supervisor', 'review', { verdict: 'approve', comment: '条款符合公司政策' }],
  ['planner', 'review', { verdict: 'approve', comment: '产能可以安排' }],
  ['sales-clerk', 'review', { verdict: 'approve', comment: '已确认预付款安排' }],
];
const REPLIED: Step[] = [...REVIEWED, ['cs-specialist', 'reply', { channel: 'phone', content: '已电话告知客户合同评审通过。' }]];
const SEALED: Step[] = [...REPLIED, ['cs-supervisor', 'seal', { sealType: 'contract_seal', copies: 2 }]];
const ACTIVE: Step[] = [...SEALED, ['cs-specialist', 'activate']];

const IN_REVIEW: Step[] = [['cs-specialist', 'submit']];
const CHANGES_REQUESTED: Step[] = [
  ['cs-specialist', 'submit'],
  ['cs-supervisor', 'review', { verdict: 'request_changes', comment: '付款期限超出公司政策，请改为30天。' }],
  ['planner', 'review', { verdict: 'approve' }],
  ['sales-clerk', 'review', { verdict: 'approve' }],
];
const TERMINATION_PROPOSED: Step[] = [
  ['cs-specialist', 'submit'],
  ['planner', 'review', { verdict: 'recommend_termination', comment: '交货期内无法排产。' }],
  ['cs-supervisor', 'review', { verdict: 'approve' }],
  ['sales-clerk', 'review', { verdict: 'approve' }],
];

/**
 * The steps that take a new draft to each demo state, two contracts per state. A contract sent
 * back for changes and revised is superseded by its revision 2, a draft: the drafts are those.
 */
const PATHS: Step[][] = [
  IN_REVIEW,
  [
    ['cs-specialist', 'submit'],
    ['cs-supervisor', 'review', { verdict: 'approve', comment: '条款符合公司政策' }],
  ],
  CHANGES_REQUESTED,
  CHANGES_REQUESTED,
  TERMINATION_PROPOSED,
  TERMINATION_PROPOSED,
  REVIEWED,
  REVIEWED,
  REPLIED,
  REPLIED,
  SEALED,
  SEALED,
  ACTIVE,
  ACTIVE,
  [...ACTIVE, ['cs-supervisor', 'complete']],
  [...ACTIVE, ['cs-supervisor', 'complete']],
  [...TERMINATION_PROPOSED, ['marketing-vp', 'terminate', { comment: '交期无法满足，经与客户协商终止合同。' }]],
  [...TERMINATION_PROPOSED, ['marketing-vp', 'terminate', { comment: '客户要求的价格低于成本，终止合同。' }]],
  [['cs-specialist', 'cancel', { comment: '客户取消订货' }]],
  [['cs-specialist', 'cancel', { comment: '客户改为下月再订' }]],
  [...CHANGES_REQUESTED, ['cs-specialist', 'revise']],
  [...CHANGES_REQUESTED, ['cs-specialist', 'revise']],
];

/** Demo order lines: a few catalogue products at list price. */
const orderLines = (products: { documentId: string; listPrice: unknown }[], index: number) =>
  [0, 1, 2].slice(0, 1 + (index % 3)).map((k) => ({
    product: products[(index * 3 + k) % products.length].documentId,
    quantity: 5 + ((index * 7 + k * 11) % 40),
    unitPrice: Number(products[(index * 3 + k) % products.length].listPrice).toFixed(2),
  }));

/**
 * Drafts 22 contracts, each from a new draft order the cs-specialist enters for a customer in good
 * standing, and takes each through the workflow as the staff whose step it is: two contracts in
 * every state, 24 with the two revisions. Returns the number of contracts.
 */
export const loadDemoContracts = async (strapi: Core.Strapi): Promise<number> => {
  const staff = new Map<RoleCode, number>();
  for (const role of ['cs-specialist', 'cs-supervisor', 'planner', 'sales-clerk', 'marketing-vp'] as RoleCode[]) {
    const user = await strapi.db.query(USER).findOne({ where: { email: devEmail(role) }, select: ['id'] });
    if (!user) return 0;
    staff.set(role, user.id);
  }
  const customers = await strapi.db.query(CUSTOMER).findMany({
    where: { creditHold: false, active: true },
    orderBy: { id: 'asc' },
    select: ['documentId'],
  });
  const products = await strapi.db
    .query(PRODUCT)
    .findMany({ where: { active: true }, orderBy: { id: 'asc' }, select: ['documentId', 'listPrice'] });
  if (customers.length === 0 || products.length === 0) return 0;
  const drafter = { id: staff.get('cs-specialist')!, role: 'cs-specialist' as RoleCode };
  for (const [index, path] of PATHS.entries()) {
    const customer = customers[(index * 7) % customers.length];
    const order = await asStaff(strapi, drafter, () =>
      strapi
        .documents(ORDER)
        .create({ data: documentData(ORDER, { customer: customer.documentId, channel: 'phone', lines: orderLines(products, index) }) })
    );
    const contract = await asStaff(strapi, drafter, () =>
      strapi.documents(CONTRACT).create({
        data: documentData(CONTRACT, {
          orders: [order.documentId],
          contractDate: order.orderDate,
          deliveryDate: order.requiredDate ?? addDays(String(order.orderDate), 45),
          paymentTerms: index % 3 === 0 ? '预付30%，发货前付清余款' : '月结30天',
          deliveryTerms: index % 2 === 0 ? '工厂交货，汽运至客户仓库' : 'FOB 宁波',
          packagingRequirements: '出口纸箱，每箱附说明书与合格证',
          qualityTerms: '按国家标准验收，到货7日内提出质量异议',
        }),
      })
    );
    for (const [role, action, fields = {}] of path) {
      const current = await strapi.db.query(CONTRACT).findOne({ where: { documentId: contract.documentId }, select: ['version', 'state'] });
      // The credit review only happens when the customer's snapshot asks for it.
      if (role === 'sales-clerk' && current.state !== 'in_review') continue;
      const actor: Actor = { staffUserId: staff.get(role)!, roles: [role], via: 'system', superAdmin: false };
      const input =
        action === 'seal' ? { ...fields, documentSha256: crypto.createHash('sha256').update(contract.documentId).digest('hex') } : fields;
      await takeAction(strapi, contractWorkflow, contract.documentId, action, { version: current.version, ...input }, actor);
    }
  }
  return strapi.db.query(CONTRACT).count();
};
