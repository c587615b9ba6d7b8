/**
 * Demo contracts: a few dozen drafted from the newest draft orders by the development accounts
 * (`<role>@demo.local`) and taken through the real workflow engine, so that the admin panel shows
 * contracts in every state with their opinions, history and seal log. Replies are recorded as
 * phone calls: demo customers' addresses are invented and get no mail.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { addDays } from '../domain/business-date';
import { RoleCode } from '../domain/staff-roles';
import { Actor } from '../staff/actor';
import { devEmail } from '../staff/dev-accounts';
import { contractWorkflow } from '../workflows/contract-workflow';
import { takeAction } from '../workflows/workflow-service';
import { asStaff } from './as-staff';

const CONTRACT = 'api::contract.contract';
const ORDER = 'api::order.order';
const USER = 'plugin::users-permissions.user';

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

/** The steps that take a new draft to each demo state, in the order the contracts are made. */
const PATHS: Step[][] = [
  [],
  [['cs-specialist', 'submit']],
  [['cs-specialist', 'submit'], ['cs-supervisor', 'review', { verdict: 'approve' }]],
  REVIEWED,
  [
    ['cs-specialist', 'submit'],
    ['cs-supervisor', 'review', { verdict: 'request_changes', comment: '付款期限超出公司政策，请改为30天。' }],
    ['planner', 'review', { verdict: 'approve' }],
  ],
  REPLIED,
  SEALED,
  ACTIVE,
  ACTIVE,
  [...ACTIVE, ['cs-supervisor', 'complete']],
  [
    ['cs-specialist', 'submit'],
    ['planner', 'review', { verdict: 'recommend_termination', comment: '交货期内无法排产。' }],
    ['cs-supervisor', 'review', { verdict: 'approve' }],
  ],
  [['cs-specialist', 'cancel', { comment: '客户取消订货' }]],
];

export const loadDemoContracts = async (strapi: Core.Strapi, count = 24): Promise<number> => {
  const staff = new Map<RoleCode, number>();
  for (const role of ['cs-specialist', 'cs-supervisor', 'planner', 'sales-clerk'] as RoleCode[]) {
    const user = await strapi.db.query(USER).findOne({ where: { email: devEmail(role) }, select: ['id'] });
    if (!user) return 0;
    staff.set(role, user.id);
  }
  const orders = await strapi.db.query(ORDER).findMany({
    where: { state: 'draft' },
    orderBy: [{ orderDate: 'desc' }, { id: 'desc' }],
    limit: count,
    select: ['documentId', 'orderDate', 'requiredDate'],
  });
  for (const [index, order] of orders.entries()) {
    const drafter = { id: staff.get('cs-specialist')!, role: 'cs-specialist' as RoleCode };
    const contract = await asStaff(strapi, drafter, () =>
      strapi.documents(CONTRACT as never).create({
        data: {
          orders: [order.documentId],
          contractDate: order.orderDate,
          deliveryDate: order.requiredDate ?? addDays(order.orderDate, 45),
          paymentTerms: index % 3 === 0 ? '预付30%，发货前付清余款' : '月结30天',
          deliveryTerms: index % 2 === 0 ? '工厂交货，汽运至客户仓库' : 'FOB 宁波',
          packagingRequirements: '出口纸箱，每箱附说明书与合格证',
          qualityTerms: '按国家标准验收，到货7日内提出质量异议',
        },
      } as never)
    );
    for (const [role, action, fields = {}] of PATHS[index % PATHS.length]) {
      const current = await strapi.db.query(CONTRACT).findOne({ where: { documentId: contract.documentId }, select: ['version', 'state'] });
      // The credit review only happens when the customer's snapshot asks for it.
      if (role === 'sales-clerk' && current.state !== 'in_review') continue;
      const actor: Actor = { staffUserId: staff.get(role)!, roles: [role], via: 'system', superAdmin: false };
      const input = action === 'seal' ? { ...fields, documentSha256: crypto.createHash('sha256').update(contract.documentId).digest('hex') } : fields;
      await takeAction(strapi, contractWorkflow, contract.documentId, action, { version: current.version, ...input }, actor);
    }
  }
  return orders.length;
};
