/**
 * Demo tasks (工作安排): the supervisor's and the sales manager's work given to the development
 * accounts, taken through the real task workflow, so that each account's home page shows tasks to
 * accept, to finish, to verify and one sent back.
 */
import type { Core } from '@strapi/strapi';
import { addDays, dateIn } from '../domain/business-date';
import { RoleCode } from '../domain/staff-roles';
import { Actor } from '../platform/actor';
import { reportTimeZone } from '../platform/settings';
import { TASK, USER } from '../platform/uids';
import { devEmail } from '../staff/dev-accounts';
import { taskWorkflow } from '../workflow-engine/task-workflow';
import { takeAction } from '../workflow-engine/workflow-service';
import { asStaff } from './as-staff';
import { documentData } from '../platform/document-data';

/** Who assigns, to whom, what, due in how many days, and the steps it has been through ([role, action, comment]). */
type DemoTask = [RoleCode, RoleCode, string, number, string, [RoleCode, string, string?][]];

const TASKS: DemoTask[] = [
  ['cs-supervisor', 'cs-specialist', '回访本月投诉客户，确认补发产品已签收', 3, 'high', []],
  ['cs-supervisor', 'order-coordinator', '跟进华南区延期订单，周五前报告新交期', 1, 'urgent', [['order-coordinator', 'accept']]],
  [
    'cs-supervisor',
    'sales-clerk',
    '核对华东区三月对账单差异',
    2,
    'normal',
    [
      ['sales-clerk', 'accept'],
      ['sales-clerk', 'complete', '差异3笔已核对，已在对账单备注说明'],
    ],
  ],
  [
    'cs-supervisor',
    'cs-specialist',
    '更新重点客户档案的联系人和电话',
    5,
    'normal',
    [
      ['cs-specialist', 'complete', '已更新12家'],
      ['cs-supervisor', 'reopen', '还缺5家重点客户，请补齐'],
    ],
  ],
  ['sales-manager', 'salesperson', '拜访逾期60天以上的客户，确认付款计划', 7, 'high', []],
  [
    'cs-supervisor',
    'cs-specialist',
    '整理上月客户意见，汇总给市场部',
    2,
    'normal',
    [
      ['cs-specialist', 'accept'],
      ['cs-specialist', 'complete', '已汇总23条意见，发市场部'],
      ['cs-supervisor', 'verify', '收到，内容完整'],
    ],
  ],
  ['cs-supervisor', 'order-coordinator', '核实出口订单的包装要求', 4, 'low', [['cs-supervisor', 'cancel', '客户已书面确认，无需再核实']]],
];

export const loadDemoTasks = async (strapi: Core.Strapi): Promise<number> => {
  const ids = new Map<RoleCode, number>();
  for (const role of ['cs-supervisor', 'cs-specialist', 'order-coordinator', 'sales-clerk', 'sales-manager', 'salesperson'] as RoleCode[]) {
    const user = await strapi.db.query(USER).findOne({ where: { email: devEmail(role) }, select: ['id'] });
    if (!user) return 0;
    ids.set(role, user.id);
  }
  const today = dateIn(reportTimeZone(strapi));
  for (const [assigner, assignee, title, days, priority, steps] of TASKS) {
    const task = await asStaff(strapi, { id: ids.get(assigner)!, role: assigner }, () =>
      strapi
        .documents(TASK)
        .create({ data: documentData(TASK, { title, dueDate: addDays(today, days), priority, assignee: ids.get(assignee) }) })
    );
    for (const [role, action, comment] of steps) {
      const { version } = await strapi.db.query(TASK).findOne({ where: { documentId: task.documentId }, select: ['version'] });
      const actor: Actor = { staffUserId: ids.get(role)!, roles: [role], via: 'system', superAdmin: false };
      await takeAction(strapi, taskWorkflow, task.documentId, action, { version, comment }, actor);
    }
  }
  return TASKS.length;
};
