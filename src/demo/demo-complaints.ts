/**
 * Demo complaints: recorded by the development accounts over the last year against demo customers
 * and products, and taken through the real workflow engine with each step dated days after the
 * last, so that the admin panel and the statistics show complaints in every state, with measures,
 * replies, feedback and realistic handling times.
 */
import type { Core } from '@strapi/strapi';
import { fakerZH_CN } from '@faker-js/faker';
import { RoleCode } from '../domain/staff-roles';
import { Actor } from '../platform/actor';
import { devEmail } from '../staff/dev-accounts';
import { acceptFeedback } from '../workflow-engine/complaint-closing';
import { complaintWorkflow } from '../workflow-engine/complaint-workflow';
import { takeAction } from '../workflow-engine/workflow-service';
import { asStaff } from './as-staff';
import { COMPLAINT, USER } from '../platform/uids';
import { documentData } from '../platform/document-data';

const HOUR = 60 * 60 * 1000;

/** Who takes the step (a role, or the customer through the feedback link), the action, its input. */
type Step = [RoleCode | 'customer', string, Record<string, unknown>?];

const ANALYSED: Step[] = [
  ['cs-specialist', 'confirm', { comment: '已与客户电话确认问题及批次' }],
  ['cs-specialist', 'analyse'],
];
const UNJUSTIFIED: Step[] = [
  ...ANALYSED,
  ['quality', 'judge_unjustified', { rootCause: '客户安装不当', comment: '出厂检验记录合格，现场照片显示安装错误' }],
];
const JUSTIFIED: Step[] = [
  ...ANALYSED,
  ['quality', 'judge_justified', { rootCause: '铸件砂眼，供应商批次质量问题' }],
  ['quality', 'add_measure', { kind: 'containment', description: '库存同批次产品100%试压', ownerRole: 'quality', dueDate: '+3' }],
  ['quality', 'add_measure', { kind: 'corrective', description: '安排补发合格产品', ownerRole: 'order-coordinator', dueDate: '+7' }],
];
const IN_PROGRESS: Step[] = [...JUSTIFIED, ['quality', 'submit_measures']];
const DONE: Step[] = [
  ...IN_PROGRESS,
  ['quality', 'complete_measure', { measure: 0, result: '试压1200台，剔除3台' }],
  ['order-coordinator', 'complete_measure', { measure: 1, result: '已补发并签收' }],
  ['cs-specialist', 'request_verification'],
  ['quality', 'confirm_effective', { comment: '后续两批次无同类问题' }],
];
// Replied by phone: demo customers' addresses are invented and get no mail.
const REPLY: Step = ['cs-specialist', 'reply', { channel: 'phone', content: '经分析，问题已查明并已采取纠正措施，补发产品已送达。' }];

/** The steps that take a new complaint to each demo state, in the order the complaints are made. */
const PATHS: Step[][] = [
  [],
  [ANALYSED[0]],
  ANALYSED,
  JUSTIFIED,
  IN_PROGRESS,
  DONE.slice(0, -1),
  DONE,
  [...DONE, REPLY],
  [...UNJUSTIFIED, REPLY],
  [...DONE, REPLY, ['customer', 'feedback', { rating: 5 }]],
  [...UNJUSTIFIED, REPLY, ['customer', 'feedback', { rating: 3 }]],
  [...DONE, REPLY, ['customer', 'feedback', { rating: 4 }]],
  [ANALYSED[0], ['cs-supervisor', 'withdraw', { comment: '客户来电撤回投诉：复查后确认为现场操作问题' }]],
];

/**
 * Of the two complaints left with their measures submitted, the first is minor (its measures are
 * being carried out) and the second major (its measures await the departments' review); the others
 * keep the severity drawn.
 */
const severityOf = (path: Step[], index: number, drawn: string) => {
  if (path !== IN_PROGRESS) return drawn;
  return index < PATHS.length ? 'minor' : 'major';
};

export const loadDemoComplaints = async (strapi: Core.Strapi, count = 2 * PATHS.length): Promise<number> => {
  const staff = new Map<string, number>();
  for (const role of ['cs-specialist', 'cs-supervisor', 'quality', 'order-coordinator'] as RoleCode[]) {
    const user = await strapi.db.query(USER).findOne({ where: { email: devEmail(role) }, select: ['id'] });
    if (!user) return 0;
    staff.set(role, user.id);
  }
  const faker = fakerZH_CN;
  faker.seed(20261127);
  const customers = await strapi.db.query('api::customer.customer').findMany({ select: ['documentId'], limit: 40 });
  const products = await strapi.db.query('api::product.product').findMany({ select: ['documentId'], limit: 40 });
  if (customers.length === 0 || products.length === 0) return 0;

  for (let index = 0; index < count; index += 1) {
    const path = PATHS[index % PATHS.length];
    // Older complaints are further along; each step follows the previous one by hours or days.
    let at = new Date(Date.now() - ((count - index) * 330 * 24 * HOUR) / count - (path.length + 2) * 30 * HOUR);
    const recorder = { id: staff.get('cs-specialist')!, role: 'cs-specialist' as RoleCode };
    const complaint = await asStaff(strapi, recorder, () =>
      strapi.documents(COMPLAINT).create({
        data: documentData(COMPLAINT, {
          customer: faker.helpers.arrayElement(customers).documentId,
          product: faker.helpers.arrayElement(products).documentId,
          channel: faker.helpers.arrayElement(['phone', 'email', 'written', 'visit']),
          receivedAt: at,
          category: faker.helpers.weightedArrayElement([
            { value: 'quality', weight: 45 },
            { value: 'delivery', weight: 20 },
            { value: 'packaging', weight: 12 },
            { value: 'quantity', weight: 8 },
            { value: 'documents', weight: 6 },
            { value: 'service', weight: 6 },
            { value: 'other', weight: 3 },
          ]),
          severity: severityOf(
            path,
            index,
            faker.helpers.weightedArrayElement([
              { value: 'minor', weight: 70 },
              { value: 'major', weight: 25 },
              { value: 'critical', weight: 5 },
            ])
          ),
          description: faker.helpers.arrayElement([
            '泵体渗漏，现场无法使用',
            '交货延迟五天，影响客户装机',
            '外箱破损，说明书缺失',
            '数量少发两台',
            '合格证与铭牌不符',
          ]),
          customerDemand: faker.helpers.arrayElement(['补发合格产品', '退货', '赔偿运费', '提供书面说明']),
        }),
      })
    );
    const measures: string[] = [];
    for (const [role, action, fields = {}] of path) {
      at = new Date(at.getTime() + faker.number.int({ min: 2, max: 28 }) * HOUR);
      if (role === 'customer') {
        // As if through the mailed link: the link's hash is the one the reply stored.
        const { feedbackTokenHash: linkHash, ...target } = await strapi.db
          .query(COMPLAINT)
          .findOne({ where: { documentId: complaint.documentId }, select: ['id', 'documentId', 'number', 'state', 'feedbackTokenHash'] });
        await acceptFeedback(strapi, { ...target, linkHash }, { rating: fields.rating as number, comment: null }, null, at);
        continue;
      }
      // A major or critical complaint's measures are reviewed by the four departments first.
      if (action === 'complete_measure' && fields.measure === 0) await reviewMeasures(strapi, complaint.documentId, staff, at);
      const { version } = await strapi.db.query(COMPLAINT).findOne({ where: { documentId: complaint.documentId }, select: ['version'] });
      const input: Record<string, unknown> = { ...fields, version };
      if (action === 'add_measure')
        input.dueDate = new Date(at.getTime() + Number(String(fields.dueDate).slice(1)) * 24 * HOUR).toISOString().slice(0, 10);
      if (action === 'complete_measure') input.measure = measures[fields.measure as number];
      const actor: Actor = { staffUserId: staff.get(role) ?? null, roles: [role as RoleCode], via: 'system', superAdmin: false };
      const result = await takeAction(strapi, complaintWorkflow, complaint.documentId, action, input, actor, at);
      if (action === 'add_measure') measures.push(result.meta.measure as string);
    }
  }
  return count;
};

/** The four departments approve the measures of a major complaint (the demo has planner and coordinator accounts too). */
const reviewMeasures = async (strapi: Core.Strapi, documentId: string, staff: Map<string, number>, at: Date) => {
  for (const role of ['quality', 'planner', 'order-coordinator', 'cs-supervisor'] as RoleCode[]) {
    const user = staff.get(role) ?? (await strapi.db.query(USER).findOne({ where: { email: devEmail(role) }, select: ['id'] }))?.id;
    const { version, state } = await strapi.db.query(COMPLAINT).findOne({ where: { documentId }, select: ['version', 'state'] });
    if (state !== 'measures_review') return;
    const actor: Actor = { staffUserId: user ?? null, roles: [role], via: 'system', superAdmin: false };
    await takeAction(strapi, complaintWorkflow, documentId, 'review_measures', { version, verdict: 'approve' }, actor, at);
  }
};
