/**
 * The words staff read for each workflow's actions (and the payment's states, which have no machine),
 * in English and Chinese: the admin panel's buttons and history (src/admin/workflow/translations.ts)
 * and the server's refusals (src/domain/messages.ts) say the same. Keyed by subject, since the
 * machines share action codes with different meanings (`confirm`, `reply`, `cancel`).
 */
import { Label } from './machine';

export const CONTRACT_ACTION_LABELS = {
  submit: { en: 'Submit for review', zh: '提交评审' },
  cancel: { en: 'Cancel draft', zh: '取消草稿' },
  review: { en: 'Review', zh: '评审' },
  revise: { en: 'Revise', zh: '修订' },
  terminate: { en: 'Terminate', zh: '终止合同' },
  return_to_review: { en: 'Return to review', zh: '退回评审' },
  reply: { en: 'Reply to customer', zh: '回复客户' },
  seal: { en: 'Seal', zh: '盖章' },
  activate: { en: 'Activate', zh: '生效' },
  complete: { en: 'Complete', zh: '完成' },
  amend: { en: 'Amend', zh: '变更' },
} satisfies Record<string, Label>;

export const COMPLAINT_ACTION_LABELS = {
  confirm: { en: 'Confirm facts', zh: '确认事实' },
  withdraw: { en: 'Withdraw', zh: '撤销投诉' },
  analyse: { en: 'Hand to quality', zh: '转品质分析' },
  judge_unjustified: { en: 'Judge unjustified', zh: '判定不成立' },
  judge_justified: { en: 'Judge justified', zh: '判定成立' },
  add_measure: { en: 'Add measure', zh: '添加措施' },
  submit_measures: { en: 'Submit measures', zh: '提交措施' },
  review_measures: { en: 'Review measures', zh: '评审措施' },
  complete_measure: { en: 'Complete measure', zh: '完成措施' },
  request_verification: { en: 'Request verification', zh: '申请验证' },
  confirm_effective: { en: 'Confirm effective', zh: '确认有效' },
  reject_effectiveness: { en: 'Not effective', zh: '验证无效' },
  reply: { en: 'Reply to customer', zh: '回复客户' },
  close: { en: 'Close', zh: '结案' },
  reopen: { en: 'Reopen', zh: '重新打开' },
} satisfies Record<string, Label>;

export const ORDER_ACTION_LABELS = {
  confirm: { en: 'Confirm order', zh: '确认订单' },
  schedule: { en: 'Schedule', zh: '排产' },
  reschedule: { en: 'Move promised date', zh: '变更承诺交期' },
  allocate: { en: 'Allocate stock', zh: '配货' },
  start_production: { en: 'Start production', zh: '开始生产' },
  mark_ready: { en: 'Ready to ship', zh: '待出货' },
  close: { en: 'Close', zh: '结案' },
  hold: { en: 'Put on hold', zh: '暂停' },
  resume: { en: 'Resume', zh: '恢复' },
  cancel: { en: 'Cancel order', zh: '取消订单' },
  note: { en: 'Progress note', zh: '进度记录' },
} satisfies Record<string, Label>;

export const SHIPMENT_ACTION_LABELS = {
  ship: { en: 'Ship', zh: '出货' },
  deliver: { en: 'Delivered', zh: '已签收' },
  cancel: { en: 'Cancel shipment', zh: '取消出货' },
} satisfies Record<string, Label>;

export const TASK_ACTION_LABELS = {
  accept: { en: 'Accept', zh: '接受' },
  complete: { en: 'Done', zh: '完成' },
  verify: { en: 'Verify', zh: '验收' },
  reopen: { en: 'Reopen', zh: '退回重做' },
  note: { en: 'Note', zh: '备注' },
  cancel: { en: 'Cancel task', zh: '撤销工作' },
} satisfies Record<string, Label>;

export const PAYMENT_ACTION_LABELS = {
  record: { en: 'Recorded', zh: '登记收款' },
  allocate: { en: 'Allocate', zh: '核销' },
  reverse: { en: 'Reverse payment', zh: '冲销收款' },
} satisfies Record<string, Label>;

export const PAYMENT_STATE_LABELS = {
  posted: { en: 'Posted', zh: '已入账' },
  new: { en: 'New', zh: '新建' },
  reversed: { en: 'Reversed', zh: '已冲销' },
} satisfies Record<string, Label>;

/** Each workflow subject's action words. */
export const ACTION_LABELS: Record<string, Record<string, Label>> = {
  contract: CONTRACT_ACTION_LABELS,
  complaint: COMPLAINT_ACTION_LABELS,
  order: ORDER_ACTION_LABELS,
  shipment: SHIPMENT_ACTION_LABELS,
  task: TASK_ACTION_LABELS,
  payment: PAYMENT_ACTION_LABELS,
};
