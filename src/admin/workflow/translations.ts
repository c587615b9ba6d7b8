/**
 * What the contract workflow's admin screens say, in the panel's two languages (en, zh-Hans).
 * Keys are prefixed with `cs.workflow.` when registered (app.tsx); the English text is also the
 * default message, so a missing translation shows English rather than a key.
 */
import { CONTRACT_STATE_LABELS } from '../../domain/contract-review';
import { Label, VERDICT_LABELS } from '../../domain/workflow/machine';

/** State and verdict names come from the domain, which the e-mails use too. */
const labelMessages = <P extends string, K extends string>(prefix: P, labels: Record<K, Label>, language: keyof Label) =>
  Object.fromEntries(Object.entries<Label>(labels).map(([key, label]) => [`${prefix}.${key}`, label[language]])) as Record<`${P}.${K}`, string>;

export const en = {
  'panel.title': 'Contract review',
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
  'panel.loading': 'Loading…',
  'panel.loadFailed': 'The workflow could not be loaded: {message}',
  'panel.by': 'by {name}',

  ...labelMessages('state', CONTRACT_STATE_LABELS, 'en'),

  'action.submit': 'Submit for review',
  'action.cancel': 'Cancel draft',
  'action.review': 'Review',
  'action.revise': 'Revise',
  'action.terminate': 'Terminate',
  'action.return_to_review': 'Return to review',
  'action.reply': 'Reply to customer',
  'action.seal': 'Seal',
  'action.activate': 'Activate',
  'action.complete': 'Complete',
  'action.amend': 'Amend',

  'hint.submit': 'The supervisor and the planner, and the sales clerk when the credit position needs it, review this revision. Its terms can no longer be edited.',
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

  'field.comment': 'Comment',
  'field.verdict': 'Opinion',
  'field.proposedDeliveryDate': 'Proposed delivery date',
  'field.channel': 'Channel',
  'field.content': 'Reply to the customer',
  'field.sealType': 'Seal',
  'field.copies': 'Copies',
  'field.documentSha256': 'SHA-256 of the sealed document',
  'field.documentFile': 'Compute it from the file',
  'field.required': 'required',

  ...labelMessages('verdict', VERDICT_LABELS, 'en'),
  'channel.email': 'E-mail',
  'channel.fax': 'Fax',
  'channel.letter': 'Letter',
  'channel.phone': 'Phone',
  'channel.visit': 'Visit',
  'sealType.contract_seal': 'Contract seal',
  'sealType.company_seal': 'Company seal',

  'dialog.cancel': 'Close',
  'notification.done': '{action}: done',
  'ledger.export': 'Export ledger (XLSX)',
  'ledger.failed': 'The ledger could not be exported: {message}',
} as const;

export type MessageKey = keyof typeof en;

const zhHans: Record<MessageKey, string> = {
  'panel.title': '合同评审',
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
  'panel.loading': '加载中…',
  'panel.loadFailed': '无法读取流程：{message}',
  'panel.by': '{name}',

  ...labelMessages('state', CONTRACT_STATE_LABELS, 'zh'),

  'action.submit': '提交评审',
  'action.cancel': '取消草稿',
  'action.review': '评审',
  'action.revise': '修订',
  'action.terminate': '终止合同',
  'action.return_to_review': '退回评审',
  'action.reply': '回复客户',
  'action.seal': '盖章',
  'action.activate': '生效',
  'action.complete': '完成',
  'action.amend': '变更',

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

  'field.comment': '说明',
  'field.verdict': '评审意见',
  'field.proposedDeliveryDate': '建议交期',
  'field.channel': '回复方式',
  'field.content': '回复内容',
  'field.sealType': '印章',
  'field.copies': '份数',
  'field.documentSha256': '盖章文件的 SHA-256',
  'field.documentFile': '从文件计算',
  'field.required': '必填',

  ...labelMessages('verdict', VERDICT_LABELS, 'zh'),
  'channel.email': '电子邮件',
  'channel.fax': '传真',
  'channel.letter': '信函',
  'channel.phone': '电话',
  'channel.visit': '拜访',
  'sealType.contract_seal': '合同专用章',
  'sealType.company_seal': '公章',

  'dialog.cancel': '关闭',
  'notification.done': '{action}：已完成',
  'ledger.export': '导出合同台账 (XLSX)',
  'ledger.failed': '无法导出合同台账：{message}',
};

export const MESSAGE_PREFIX = 'cs.workflow.';

const prefixed = (messages: Record<MessageKey, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, text]) => [`${MESSAGE_PREFIX}${key}`, text]));

/** For the admin app's `config.translations`. */
export const workflowTranslations = { en: prefixed(en), 'zh-Hans': prefixed(zhHans) };
