/**
 * What the workflow admin screens say, in the panel's two languages (en, zh-Hans). Shared words
 * (panel, fields, verdicts, channels) are keyed plainly; each workflow's own words (title, states,
 * actions, hints, and a field label of its own) under its subject (`contract.`, `complaint.`,
 * `order.`, `shipment.`, `payment.`), since the machines share action and state codes with different meanings
 * (`reply`, `replied`, `confirm`). Keys are prefixed with
 * `cs.workflow.` when registered (app.tsx); the English text is also the default message, so a
 * missing translation shows English rather than a key.
 */
import {
  CHANNEL_WORDS,
  CREDIT_EVENT_WORDS,
  LINE_SOURCE_WORDS,
  MEASURE_KIND_WORDS,
  SEAL_TYPE_WORDS,
} from '../../content-manager/option-words';
import { COMPLAINT_STATE_LABELS } from '../../domain/complaint-handling';
import { LATE_REASON_LABELS } from '../../domain/my-work';
import { CONTRACT_STATE_LABELS } from '../../domain/contract-review';
import { ORDER_STATE_LABELS } from '../../domain/order-progress';
import { SHIPMENT_STATE_LABELS } from '../../domain/shipping';
import { TASK_STATE_LABELS } from '../../domain/tasks';
import { Label, VERDICT_LABELS } from '../../domain/workflow/machine';
import {
  COMPLAINT_ACTION_LABELS,
  CONTRACT_ACTION_LABELS,
  ORDER_ACTION_LABELS,
  PAYMENT_ACTION_LABELS,
  PAYMENT_STATE_LABELS,
  SHIPMENT_ACTION_LABELS,
  TASK_ACTION_LABELS,
} from '../../domain/workflow/action-labels';

/** State and verdict names come from the domain, which the e-mails use too. */
const labelMessages = <P extends string, K extends string>(prefix: P, labels: Record<K, Label>, language: keyof Label) =>
  Object.fromEntries(Object.entries<Label>(labels).map(([key, label]) => [`${prefix}.${key}`, label[language]])) as Record<
    `${P}.${K}`,
    string
  >;

type Under<P extends string, T> = { [K in keyof T as `${P}.${K & string}`]: string };
const under = <P extends string, T extends Record<string, string>>(prefix: P, messages: T) =>
  Object.fromEntries(Object.entries(messages).map(([key, text]) => [`${prefix}.${key}`, text])) as Under<P, T>;

const common = {
  'panel.state': 'State',
  'panel.yourActions': 'Your actions',
  'panel.noActions': 'none',
  'panel.round': 'Review round {round}',
  'panel.awaited': 'Awaiting',
  'panel.nobodyAwaited': 'nobody',
  'panel.opinions': 'Opinions',
  'panel.noOpinions': 'No opinions in this round yet',
  'panel.proposedDelivery': 'Proposed delivery {date}',
  'panel.history': 'History',
  'panel.noHistory': 'Nothing has happened yet',
  'editing.title': 'Editing',
  'editing.readOnly': 'Read only',
  'editing.because': '{state}: {reason}',
  'editing.partly': 'Only {fields} can be edited',
  'editing.reason.contract-left-draft': 'a contract cannot be changed once it has gone to review; use its actions',
  'editing.reason.complaint-judged': 'a complaint’s details are fixed once it is analysed; use its actions',
  'editing.reason.order-confirmed': 'a confirmed order keeps its customer, lines and terms',
  'editing.reason.order-held-by-contract': 'a contract under review holds this order’s lines and terms',
  'editing.reason.order-ended': 'a closed or cancelled order is kept as it ended',
  'editing.reason.shipment-left-planned': 'a shipment cannot be changed once it has left planning; use its actions',
  'editing.reason.task-ended': 'a finished task is kept as it ended',
  'editing.reason.need-settled': 'a won or lost need is kept as it ended',
  'editing.reason.kept-as-recorded': 'this record is kept as it was recorded',
  'editing.reason.written-by-server': 'this record is written by the workflows only',
  'editing.field.notes': 'the notes',
  'editing.field.requiredDate': 'the required date',
  'panel.tasks': 'Tasks on this record',
  'panel.taskDue': '{assignee} · due {date}',
  'panel.loading': 'Loading…',
  'panel.loadFailed': 'The workflow could not be loaded: {message}',
  'panel.by': 'by {name}',
  'panel.deadline': 'Deadline',
  'panel.noDeadline': 'none in this state',
  'panel.overdue': 'Overdue',
  'panel.measures': 'Measures',
  'panel.noMeasures': 'No measures yet',
  'panel.measureOwner': 'Owner: {role}',
  'panel.measureDue': 'Due {date}',
  'panel.measureDone': 'Done {date}',
  'panel.measureOpen': 'Open',
  'panel.judgement': 'Judgement',
  'panel.judgement.justified': 'Justified',
  'panel.judgement.unjustified': 'Not justified',
  'panel.verification': 'Verification',
  'panel.newMeasureNeeded': 'A new measure is needed',
  'panel.reply': 'Reply to the customer',
  'panel.feedback': 'Customer feedback',
  'panel.rating': 'Rated {rating} of 5',
  'panel.plan': 'Plan',
  'panel.requiredDate': 'Required by the customer',
  'panel.notSet': 'not set',
  'panel.packaging': 'Packaging',
  'panel.noPackaging': 'No packaging items',
  'panel.artworkConfirmed': 'Artwork confirmed {date}',
  'panel.artworkOpen': 'Artwork not confirmed',
  'panel.paymentProgress': 'Payment progress',
  'panel.creditAtSubmission': 'Credit at submission',
  'panel.creditLimit': 'Credit limit',
  'panel.openBalance': 'Open receivables',
  'panel.openContracts': 'Other open contracts',
  'panel.contractTotal': 'This contract',
  'panel.creditHold': 'Customer on credit hold',
  'panel.billed': 'Billed',
  'panel.paid': 'Paid',
  'panel.open': 'Open',
  'panel.overdueAmount': 'Overdue',
  'panel.receivables': '{count} receivable(s) · total {total}',
  'panel.paymentAmounts': 'Amount {amount} · unallocated {unallocated}',

  'field.comment': 'Comment',
  'field.verdict': 'Opinion',
  'field.proposedDeliveryDate': 'Proposed delivery date',
  'field.channel': 'Channel',
  'field.content': 'Reply to the customer',
  'field.sealType': 'Seal',
  'field.copies': 'Copies',
  'field.documentSha256': 'SHA-256 of the sealed document',
  'field.documentFile': 'Compute it from the file',
  'field.rootCause': 'Root cause',
  'field.kind': 'Kind of measure',
  'field.description': 'Measure',
  'field.ownerRole': 'Owner',
  'field.dueDate': 'Due date',
  'field.measure': 'Measure done',
  'field.result': 'Result',
  'field.noOpenMeasures': 'No open measures',
  'field.required': 'required',
  'field.plannedStart': 'Planned start',
  'field.plannedFinish': 'Planned finish',
  'field.promisedDate': 'Promised delivery date',
  'field.lines': 'Allocation per line',
  'field.line': 'Line {number}: {specification} × {quantity}',
  'field.lineSource': 'Source of line {line}',
  'field.reserve': 'Reserve for line {line}',
  'field.noLines': 'The order has no lines to allocate',
  'field.allocations': 'Pay these receivables (optional)',
  'field.openReceivable': '{reference} · due {dueDate} · open {open}',
  'field.noOpenReceivables': 'The customer has no open receivables in this currency',
  'field.escalateTo': 'Escalate to',
  'field.reason': 'Reason',

  ...labelMessages('verdict', VERDICT_LABELS, 'en'),
  ...labelMessages('channel', CHANNEL_WORDS, 'en'),
  ...labelMessages('sealType', SEAL_TYPE_WORDS, 'en'),
  ...labelMessages('measureKind', MEASURE_KIND_WORDS, 'en'),
  'noteKind.milestone': 'Milestone',
  'noteKind.problem': 'Problem',
  ...labelMessages('lineSource', LINE_SOURCE_WORDS, 'en'),

  'dialog.cancel': 'Close',
  'notification.done': '{action}: done',
  'ledger.export': 'Export ledger (XLSX)',
  'ledger.failed': 'The ledger could not be exported: {message}',
  'deliveryNote.print': 'Print delivery note',
  'deliveryNote.failed': 'The delivery note could not be opened: {message}',
  'statement.send': 'Send to customer',
  'statement.resend': 'Send to customer again',
  'statement.sent': 'Sent to {to}',
  'statement.failed': 'The statement could not be sent: {message}',
  'statement.pdf': 'Download PDF',
  'statement.xlsx': 'Download XLSX',
  'statement.downloadFailed': 'The statement could not be downloaded: {message}',

  'credit.title': 'Credit record',
  'credit.loadFailed': 'The credit record could not be loaded: {message}',
  'credit.onHold': 'On credit hold',
  'credit.clear': 'No credit hold',
  'credit.source.manual': 'placed by staff',
  'credit.source.automatic': 'automatic',
  'credit.balance': 'Open balance {balance} · credit limit {limit}',
  'credit.openOverdue': 'Open {open}, overdue {overdue}',
  'credit.behaviour': 'Paid on average {days} days late (by amount); {share}% paid on time ({count} receivables)',
  'credit.noPayments': 'No receivable paid yet',
  'credit.overrides': 'Overrides',
  'credit.subject.order': 'Next new order',
  'credit.subject.contract': 'Contract',
  'credit.subject.shipment': 'Shipment',
  'credit.used': 'used',
  'credit.unused': 'not used yet',
  'credit.events': 'Holds and releases',
  ...labelMessages('credit.kind', CREDIT_EVENT_WORDS, 'en'),
  'credit.system': 'System',
  'credit.noEvents': 'No hold yet',

  'myWork.title': 'My work',
  'myWork.summary': '{total} waiting, {overdue} overdue',
  'myWork.empty': 'Nothing waits for you',
  'myWork.overdue': 'overdue',
  'myWork.due': 'due {date}',
  'myWork.more': 'Showing the first {shown}',
  'myWork.lateOrder': 'Late order',
  'myWork.error': 'Could not load your work: {message}',
  'myWork.all': 'all {total}',
  'myWork.pageSubtitle': 'Everything that waits for you, most urgent first',
  'myWork.filterKind': 'What',
  'myWork.filterAll': 'Everything',
  'myWork.filterOverdue': 'Overdue only',
  'myWork.filterText': 'Number or customer',
  'myWork.shown': '{shown} of {total}',
  'myWork.col.item': 'Item',
  'myWork.col.customer': 'Customer',
  'myWork.col.asks': 'Waiting for',
  'myWork.col.since': 'Since',
  'myWork.col.due': 'Due',
  ...labelMessages('myWork.late', LATE_REASON_LABELS, 'en'),
} as const;

const contract = {
  title: 'Contract review',
  ...labelMessages('state', CONTRACT_STATE_LABELS, 'en'),

  ...labelMessages('action', CONTRACT_ACTION_LABELS, 'en'),

  'hint.submit':
    'The supervisor and the planner, and the sales clerk when the credit position needs it, review this revision. Its terms can no longer be edited.',
  'hint.cancel': 'The draft is cancelled for good. Say why.',
  'hint.review': 'Give your department’s opinion on this revision. Say what must change, or why to terminate, unless you approve.',
  'hint.revise': 'A new draft revision is made from this one; this one is kept as superseded.',
  'hint.terminate': 'The contract is terminated for good. Say why.',
  'hint.return_to_review': 'The reviewers are asked again. Say why.',
  'hint.reply': 'Record how and what the customer was answered.',
  'hint.seal': 'Record the seal used on the contract in the seal log.',
  'hint.activate': 'The sealed contract comes into force.',
  'hint.complete': 'The contract has been fulfilled.',
  'hint.amend': 'A new draft revision is made; this contract stays in force until the amendment is active.',
};

const complaint = {
  title: 'Complaint handling',
  ...labelMessages('state', COMPLAINT_STATE_LABELS, 'en'),

  ...labelMessages('action', COMPLAINT_ACTION_LABELS, 'en'),

  'hint.confirm': 'The facts of the complaint have been confirmed with the customer. Say how.',
  'hint.withdraw': 'The complaint is withdrawn for good. Say why.',
  'hint.analyse': 'Quality analyses the complaint and judges it.',
  'hint.judge_unjustified': 'The complaint is not justified: the customer is replied the reasons. Give the root cause and the reasons.',
  'hint.judge_justified': 'The complaint is justified: measures follow. Give the root cause.',
  'hint.add_measure': 'A containment, corrective or preventive measure, with its owner and due date. The owner is told by mail.',
  'hint.submit_measures':
    'A minor complaint’s measures start at once; those of a major or critical one are reviewed by the departments first.',
  'hint.review_measures': 'Give your department’s opinion on the measures. Say what must change unless you approve.',
  'hint.complete_measure': 'Record the result of an open measure.',
  'hint.request_verification': 'Every measure is done: quality verifies their effectiveness.',
  'hint.confirm_effective': 'The measures worked: the customer is replied next. Say how it was verified.',
  'hint.reject_effectiveness': 'The measures did not work: back to measures in progress. Say why.',
  'hint.reply': 'Record how and what the customer was answered. An e-mail reply carries the feedback link.',
  'hint.close': 'The complaint is closed: on the customer’s feedback, or when the feedback period is over.',
  'hint.reopen': 'The complaint goes back to analysis. Say why.',
};

const order = {
  title: 'Order follow-up',
  ...labelMessages('state', ORDER_STATE_LABELS, 'en'),
  'field.kind': 'Kind of note',

  ...labelMessages('action', ORDER_ACTION_LABELS, 'en'),

  'hint.confirm': 'The repeat order is confirmed on the terms agreed. Say on what basis.',
  'hint.schedule': 'Plan the production and promise the delivery date. The customer is told by mail.',
  'hint.reschedule': 'The promised delivery date moves. Say why: the customer is told by mail and the history keeps it.',
  'hint.allocate': 'For each line: own production or outsourced, and how much stock to hold for it from now on.',
  'hint.start_production': 'Production of the order has started.',
  'hint.mark_ready': 'The goods are ready to ship. Every packaging item’s artwork must be confirmed by the customer.',
  'hint.close': 'Everything is shipped: the order is closed.',
  'hint.hold': 'The order is put on hold. Say why.',
  'hint.resume': 'The order goes back to where it was held. Say why.',
  'hint.cancel': 'The order is cancelled for good. Say why.',
  'hint.note': 'Record a milestone or a problem. A problem can be escalated to a department by mail.',
};

const shipment = {
  title: 'Shipment',
  ...labelMessages('state', SHIPMENT_STATE_LABELS, 'en'),

  ...labelMessages('action', SHIPMENT_ACTION_LABELS, 'en'),

  'hint.ship': 'The goods leave: stock is taken, the receivable is created and the customer gets the delivery note.',
  'hint.deliver': 'The customer has received the goods.',
  'hint.cancel': 'The shipment is cancelled: shipped stock is restored and an unpaid receivable voided. Say why.',
};

const task = {
  title: 'Task',
  ...labelMessages('state', TASK_STATE_LABELS, 'en'),

  ...labelMessages('action', TASK_ACTION_LABELS, 'en'),

  'hint.accept': 'You take the task on.',
  'hint.complete': 'Say what was done: your assigner verifies it.',
  'hint.verify': 'The work is done as asked: the task is closed.',
  'hint.reopen': 'The work is not done as asked. Say what is missing: the task goes back to the assignee.',
  'hint.note': 'Add a note to the task’s history.',
  'hint.cancel': 'The task is no longer needed. Say why: the assignee is told.',
};

const payment = {
  title: 'Payment',
  ...labelMessages('state', PAYMENT_STATE_LABELS, 'en'),

  ...labelMessages('action', PAYMENT_ACTION_LABELS, 'en'),

  'hint.allocate':
    'Enter the amounts the customer paid against chosen receivables; with none entered, what is still unallocated pays the open receivables oldest due first.',
  'hint.reverse': 'The payment is reversed (e.g. a bounced transfer): everything it paid is open again. Say why.',
};

type SubjectMessages<T> = Record<keyof T, string>;

export const en = {
  ...common,
  ...under('contract', contract),
  ...under('complaint', complaint),
  ...under('order', order),
  ...under('shipment', shipment),
  ...under('task', task),
  ...under('payment', payment),
};

export type MessageKey = keyof typeof en;

const zhContract: SubjectMessages<typeof contract> = {
  title: '合同评审',
  ...labelMessages('state', CONTRACT_STATE_LABELS, 'zh'),

  ...labelMessages('action', CONTRACT_ACTION_LABELS, 'zh'),

  'hint.submit': '由客服主管和计划专员评审本版本，信用需要时还有销售统计文员。提交后条款不能再修改。',
  'hint.cancel': '草稿将被取消，不可恢复。请说明原因。',
  'hint.review': '请给出本部门对此版本的意见。除同意外，请说明需修改之处或终止理由。',
  'hint.revise': '以本版本为基础生成新的草稿版本；本版本标记为已被取代。',
  'hint.terminate': '合同将被终止，不可恢复。请说明原因。',
  'hint.return_to_review': '重新请各部门评审。请说明原因。',
  'hint.reply': '记录以何种方式、向客户回复了什么。',
  'hint.seal': '在印章使用登记中记录本合同的用印。',
  'hint.activate': '已盖章的合同开始生效。',
  'hint.complete': '合同已履行完毕。',
  'hint.amend': '生成新的草稿版本；变更生效前本合同继续有效。',
};

const zhComplaint: SubjectMessages<typeof complaint> = {
  title: '客户投诉处理',
  ...labelMessages('state', COMPLAINT_STATE_LABELS, 'zh'),

  ...labelMessages('action', COMPLAINT_ACTION_LABELS, 'zh'),

  'hint.confirm': '已与客户确认投诉事实。请说明确认方式。',
  'hint.withdraw': '投诉将被撤销，不可恢复。请说明原因。',
  'hint.analyse': '由品质分析并判定本投诉。',
  'hint.judge_unjustified': '投诉不成立：将向客户回复理由。请填写原因分析和理由。',
  'hint.judge_justified': '投诉成立：随后制定措施。请填写原因分析。',
  'hint.add_measure': '围堵、纠正或预防措施，含负责岗位和完成期限。负责岗位将收到邮件。',
  'hint.submit_measures': '轻微投诉的措施立即实施；一般及严重投诉的措施先由各部门评审。',
  'hint.review_measures': '请给出本部门对措施的意见。除同意外，请说明需修改之处。',
  'hint.complete_measure': '记录一项未完成措施的结果。',
  'hint.request_verification': '所有措施均已完成：由品质验证其有效性。',
  'hint.confirm_effective': '措施有效：下一步回复客户。请说明验证方式。',
  'hint.reject_effectiveness': '措施无效：退回措施实施。请说明原因。',
  'hint.reply': '记录以何种方式、向客户回复了什么。电子邮件回复附有反馈链接。',
  'hint.close': '结案：依据客户反馈，或反馈期满。',
  'hint.reopen': '投诉退回分析。请说明原因。',
};

const zhOrder: SubjectMessages<typeof order> = {
  title: '订单跟进',
  ...labelMessages('state', ORDER_STATE_LABELS, 'zh'),
  'field.kind': '记录类型',

  ...labelMessages('action', ORDER_ACTION_LABELS, 'zh'),

  'hint.confirm': '按已约定的条件确认返单。请说明依据。',
  'hint.schedule': '安排生产并承诺交期。客户将收到邮件。',
  'hint.reschedule': '承诺交期变更。请说明原因：客户将收到邮件，流程记录保留原因。',
  'hint.allocate': '逐行选择自制或外协，以及自此为该行预留的库存数量。',
  'hint.start_production': '订单已开始生产。',
  'hint.mark_ready': '货物已备齐待出货。所有包材的稿样须经客户确认。',
  'hint.close': '已全部出货：订单结案。',
  'hint.hold': '订单暂停。请说明原因。',
  'hint.resume': '订单恢复到暂停前的状态。请说明原因。',
  'hint.cancel': '订单将被取消，不可恢复。请说明原因。',
  'hint.note': '记录里程碑或问题。问题可通过邮件升级给相关部门。',
};

const zhShipment: SubjectMessages<typeof shipment> = {
  title: '出货',
  ...labelMessages('state', SHIPMENT_STATE_LABELS, 'zh'),

  ...labelMessages('action', SHIPMENT_ACTION_LABELS, 'zh'),

  'hint.ship': '货物发出：扣减库存，生成应收，并向客户发送出货单。',
  'hint.deliver': '客户已签收货物。',
  'hint.cancel': '出货取消：已出库存恢复，未收款的应收作废。请说明原因。',
};

const zhTask: SubjectMessages<typeof task> = {
  title: '工作安排',
  ...labelMessages('state', TASK_STATE_LABELS, 'zh'),

  ...labelMessages('action', TASK_ACTION_LABELS, 'zh'),

  'hint.accept': '您接手这项工作。',
  'hint.complete': '请说明完成情况，由布置人验收。',
  'hint.verify': '工作已按要求完成，本项工作结束。',
  'hint.reopen': '工作未按要求完成。请说明缺什么，工作退回给执行人。',
  'hint.note': '在工作记录中添加备注。',
  'hint.cancel': '这项工作不再需要。请说明原因，执行人会收到通知。',
};

const zhPayment: SubjectMessages<typeof payment> = {
  title: '收款',
  ...labelMessages('state', PAYMENT_STATE_LABELS, 'zh'),

  ...labelMessages('action', PAYMENT_ACTION_LABELS, 'zh'),

  'hint.allocate': '按客户指定的应收逐笔填写核销金额；不填写时，未核销金额按到期日先后核销客户的未收应收。',
  'hint.reverse': '冲销收款（如银行退票）：已核销的应收全部恢复未收。请说明原因。',
};

const zhHans: Record<MessageKey, string> = {
  'panel.state': '状态',
  'panel.yourActions': '您可执行',
  'panel.noActions': '无',
  'panel.round': '第 {round} 轮评审',
  'panel.awaited': '待评审',
  'panel.nobodyAwaited': '无',
  'panel.opinions': '评审意见',
  'panel.noOpinions': '本轮尚无评审意见',
  'panel.proposedDelivery': '建议交期 {date}',
  'panel.history': '流程记录',
  'panel.noHistory': '尚无记录',
  'editing.title': '编辑',
  'editing.readOnly': '只读',
  'editing.because': '{state}：{reason}',
  'editing.partly': '只能修改{fields}',
  'editing.reason.contract-left-draft': '合同送审后不能修改，请使用流程操作',
  'editing.reason.complaint-judged': '投诉进入分析后内容不能修改，请使用流程操作',
  'editing.reason.order-confirmed': '订单确认后客户、明细和条款不能修改',
  'editing.reason.order-held-by-contract': '合同评审期间订单明细和条款不能修改',
  'editing.reason.order-ended': '已关闭或已取消的订单不能修改',
  'editing.reason.shipment-left-planned': '发货单离开计划状态后不能修改，请使用流程操作',
  'editing.reason.task-ended': '已结束的工作安排不能修改',
  'editing.reason.need-settled': '已成交或已流失的需求不能修改',
  'editing.reason.kept-as-recorded': '此记录按登记时保存，不能修改',
  'editing.reason.written-by-server': '此记录只由流程写入，不能修改',
  'editing.field.notes': '备注',
  'editing.field.requiredDate': '要求交期',
  'panel.tasks': '相关工作安排',
  'panel.taskDue': '{assignee} · 截止 {date}',
  'panel.loading': '加载中…',
  'panel.loadFailed': '无法读取流程：{message}',
  'panel.by': '{name}',
  'panel.deadline': '期限',
  'panel.noDeadline': '本状态无期限',
  'panel.overdue': '已超期',
  'panel.measures': '处理措施',
  'panel.noMeasures': '尚无措施',
  'panel.measureOwner': '负责：{role}',
  'panel.measureDue': '期限 {date}',
  'panel.measureDone': '完成于 {date}',
  'panel.measureOpen': '未完成',
  'panel.judgement': '判定',
  'panel.judgement.justified': '成立',
  'panel.judgement.unjustified': '不成立',
  'panel.verification': '效果验证',
  'panel.newMeasureNeeded': '需要新的措施',
  'panel.reply': '答复客户',
  'panel.feedback': '客户反馈',
  'panel.rating': '评分 {rating}/5',
  'panel.plan': '生产计划',
  'panel.requiredDate': '客户要求交期',
  'panel.notSet': '未定',
  'panel.packaging': '包材',
  'panel.noPackaging': '无包材',
  'panel.artworkConfirmed': '稿样已确认 {date}',
  'panel.artworkOpen': '稿样未确认',
  'panel.paymentProgress': '货款回收进度',
  'panel.creditAtSubmission': '送审时信用情况',
  'panel.creditLimit': '信用额度',
  'panel.openBalance': '未收应收款',
  'panel.openContracts': '其他在途合同',
  'panel.contractTotal': '本合同金额',
  'panel.creditHold': '客户处于信用冻结',
  'panel.billed': '应收',
  'panel.paid': '已收',
  'panel.open': '未收',
  'panel.overdueAmount': '逾期',
  'panel.receivables': '{count} 笔应收 · 合计 {total}',
  'panel.paymentAmounts': '金额 {amount} · 未核销 {unallocated}',

  'field.comment': '说明',
  'field.verdict': '评审意见',
  'field.proposedDeliveryDate': '建议交期',
  'field.channel': '回复方式',
  'field.content': '回复内容',
  'field.sealType': '印章',
  'field.copies': '份数',
  'field.documentSha256': '盖章文件的 SHA-256',
  'field.documentFile': '从文件计算',
  'field.rootCause': '原因分析',
  'field.kind': '措施类型',
  'field.description': '措施内容',
  'field.ownerRole': '负责岗位',
  'field.dueDate': '完成期限',
  'field.measure': '完成的措施',
  'field.result': '实施结果',
  'field.noOpenMeasures': '没有未完成的措施',
  'field.required': '必填',
  'field.plannedStart': '计划开工',
  'field.plannedFinish': '计划完工',
  'field.promisedDate': '承诺交期',
  'field.lines': '逐行配货',
  'field.line': '第 {number} 行：{specification} × {quantity}',
  'field.lineSource': '第 {line} 行来源',
  'field.reserve': '第 {line} 行预留数量',
  'field.noLines': '订单没有可配货的明细',
  'field.allocations': '核销以下应收（可选）',
  'field.openReceivable': '{reference} · 到期 {dueDate} · 未收 {open}',
  'field.noOpenReceivables': '客户没有该币种的未收应收',
  'field.escalateTo': '升级给',
  'field.reason': '原因',

  ...labelMessages('verdict', VERDICT_LABELS, 'zh'),
  ...labelMessages('channel', CHANNEL_WORDS, 'zh'),
  ...labelMessages('sealType', SEAL_TYPE_WORDS, 'zh'),
  ...labelMessages('measureKind', MEASURE_KIND_WORDS, 'zh'),
  'noteKind.milestone': '里程碑',
  'noteKind.problem': '问题',
  ...labelMessages('lineSource', LINE_SOURCE_WORDS, 'zh'),

  'dialog.cancel': '关闭',
  'notification.done': '{action}：已完成',
  'ledger.export': '导出合同台账 (XLSX)',
  'ledger.failed': '无法导出合同台账：{message}',
  'deliveryNote.print': '打印出货单',
  'deliveryNote.failed': '无法打开出货单：{message}',
  'statement.send': '发送给客户',
  'statement.resend': '重新发送给客户',
  'statement.sent': '已发送至 {to}',
  'statement.failed': '无法发送对账单：{message}',
  'statement.pdf': '下载 PDF',
  'statement.xlsx': '下载 XLSX',
  'statement.downloadFailed': '无法下载对账单：{message}',

  'credit.title': '信用记录',
  'credit.loadFailed': '无法读取信用记录：{message}',
  'credit.onHold': '信用冻结中',
  'credit.clear': '未冻结',
  'credit.source.manual': '人工冻结',
  'credit.source.automatic': '自动冻结',
  'credit.balance': '未结余额 {balance} · 信用额度 {limit}',
  'credit.openOverdue': '未收 {open}，逾期 {overdue}',
  'credit.behaviour': '平均逾期 {days} 天付款（按金额加权）；按期付款占 {share}%（{count} 笔应收）',
  'credit.noPayments': '尚无已收清的应收',
  'credit.overrides': '信用放行',
  'credit.subject.order': '下一张新订单',
  'credit.subject.contract': '合同',
  'credit.subject.shipment': '出货单',
  'credit.used': '已使用',
  'credit.unused': '未使用',
  'credit.events': '冻结与解冻',
  ...labelMessages('credit.kind', CREDIT_EVENT_WORDS, 'zh'),
  'credit.system': '系统',
  'credit.noEvents': '尚无冻结记录',

  'myWork.title': '我的待办',
  'myWork.summary': '待办 {total} 项，逾期 {overdue} 项',
  'myWork.empty': '暂无待办',
  'myWork.overdue': '已逾期',
  'myWork.due': '截止 {date}',
  'myWork.more': '仅显示前 {shown} 项',
  'myWork.lateOrder': '交期预警',
  'myWork.error': '待办加载失败：{message}',
  'myWork.all': '查看全部 {total} 项',
  'myWork.pageSubtitle': '等待您处理的所有事项，最紧急的在前',
  'myWork.filterKind': '类型',
  'myWork.filterAll': '全部',
  'myWork.filterOverdue': '只看逾期',
  'myWork.filterText': '编号或客户',
  'myWork.shown': '显示 {shown} / 共 {total} 项',
  'myWork.col.item': '事项',
  'myWork.col.customer': '客户',
  'myWork.col.asks': '待办',
  'myWork.col.since': '开始于',
  'myWork.col.due': '截止',
  ...labelMessages('myWork.late', LATE_REASON_LABELS, 'zh'),

  ...under('contract', zhContract),
  ...under('complaint', zhComplaint),
  ...under('order', zhOrder),
  ...under('shipment', zhShipment),
  ...under('task', zhTask),
  ...under('payment', zhPayment),
};

export const MESSAGE_PREFIX = 'cs.workflow.';

const prefixed = (messages: Record<MessageKey, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, text]) => [`${MESSAGE_PREFIX}${key}`, text]));

/** For the admin app's `config.translations`. */
export const workflowTranslations = { en: prefixed(en), 'zh-Hans': prefixed(zhHans) };
