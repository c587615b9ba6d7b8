/**
 * How the admin panel's content manager shows our records. Fields the server owns
 * (src/domain/server-owned.ts) are read-only in the edit view at every start. Field labels,
 * relation labels and list columns are set once per database: after that they are the
 * administrators' to change through "Configure the view".
 */
import type { Core } from '@strapi/strapi';
import { SERVER_OWNED } from '../domain/server-owned';


/** The field a relation picker shows for a record of the type. */
const MAIN_FIELDS: Record<string, string> = {
  'api::customer.customer': 'name',
  'api::product.product': 'sku',
  'api::order.order': 'number',
  'api::inquiry.inquiry': 'summary',
  'api::notification.notification': 'event',
  'api::contract.contract': 'number',
  'api::review-opinion.review-opinion': 'verdict',
  'api::workflow-event.workflow-event': 'action',
  'api::seal-use.seal-use': 'sealType',
  'api::complaint.complaint': 'number',
  'api::shipment.shipment': 'number',
  // Receivables have no number of their own: the invoice date tells one from another on a customer.
  'api::receivable.receivable': 'invoiceDate',
  'api::payment.payment': 'number',
  'api::payment-allocation.payment-allocation': 'amount',
  'api::statement.statement': 'number',
  'api::credit-event.credit-event': 'kind',
  'api::credit-override.credit-override': 'subject',
  'api::sales-target.sales-target': 'subjectPeriod',
  'api::packaging-item.packaging-item': 'description',
  'plugin::users-permissions.user': 'displayName',
};

const LIST_COLUMNS: Record<string, string[]> = {
  'api::customer.customer': ['code', 'name', 'region', 'grade', 'salesperson', 'creditHold'],
  'api::product.product': ['sku', 'name', 'specification', 'listPrice', 'stockOnHand', 'stockReserved'],
  'api::order.order': ['number', 'customer', 'orderDate', 'total', 'currency', 'state'],
  'api::inquiry.inquiry': ['occurredAt', 'customer', 'kind', 'summary', 'handledBy', 'followUpDate'],
  'api::notification.notification': ['createdAt', 'event', 'state', 'attempts', 'lastError', 'sentAt'],
  'api::contract.contract': ['number', 'revision', 'customer', 'state', 'total', 'deliveryDate'],
  'api::review-opinion.review-opinion': ['givenAt', 'subject', 'subjectId', 'round', 'role', 'reviewer', 'verdict'],
  'api::workflow-event.workflow-event': ['at', 'subject', 'subjectId', 'action', 'fromState', 'toState', 'actor'],
  'api::seal-use.seal-use': ['usedAt', 'contract', 'sealType', 'copies', 'requestedBy', 'approvedBy'],
  'api::complaint.complaint': ['number', 'customer', 'category', 'severity', 'state', 'dueAt'],
  'api::shipment.shipment': ['number', 'order', 'customer', 'plannedDate', 'state', 'shippedAt'],
  'api::receivable.receivable': ['invoiceDate', 'customer', 'shipment', 'amount', 'openAmount', 'dueDate', 'state'],
  'api::payment.payment': ['number', 'customer', 'receivedOn', 'amount', 'unallocatedAmount', 'method', 'state'],
  'api::payment-allocation.payment-allocation': ['payment', 'receivable', 'amount', 'allocatedOn', 'reversedOn'],
  'api::statement.statement': ['number', 'customer', 'periodFrom', 'periodTo', 'closingBalance', 'currency', 'state'],
  'api::credit-event.credit-event': ['at', 'customer', 'kind', 'reason', 'actor'],
  'api::credit-override.credit-override': ['grantedAt', 'customer', 'subject', 'subjectId', 'grantedBy', 'usedAt'],
  'api::sales-target.sales-target': ['subjectPeriod', 'salesperson', 'region', 'year', 'quarter', 'month', 'amount'],
  'api::packaging-item.packaging-item': ['order', 'kind', 'description', 'artworkConfirmedAt', 'quantityRequired', 'quantityInStock'],
};

/** Field labels staff read: English and the department's own word. */
const LABELS: Record<string, Record<string, string>> = {
  'api::customer.customer': {
    code: 'Code 客户编号', name: 'Name 客户名称', shortName: 'Short name 简称', region: 'Region 区域',
    address: 'Address 地址', contacts: 'Contacts 联系人', salesperson: 'Salesperson 业务员', grade: 'Grade 等级',
    creditLimit: 'Credit limit 信用额度', paymentTermsDays: 'Payment terms (days) 账期(天)',
    creditTermsReason: 'Reason for new credit terms 信用条件变更原因',
    creditHold: 'Credit hold 信用冻结', creditHoldReason: 'Hold reason 冻结原因', creditHoldSource: 'Hold placed by 冻结方式', potentialNeeds: 'Potential needs 潜在需求',
    notes: 'Notes 备注', preferredLanguage: 'Language 语言', active: 'Active 有效', orders: 'Orders 订单',
    inquiries: 'Contact log 来电记录',
  },
  'customer.contact': { name: 'Name 姓名', title: 'Title 职务', phone: 'Phone 电话', email: 'E-mail 邮箱', primary: 'Primary 主联系人' },
  'api::product.product': {
    sku: 'SKU 物料编号', name: 'Name 品名', specification: 'Specification 规格', unit: 'Unit 单位',
    listPrice: 'List price 目录价', stockOnHand: 'On hand 库存', stockReserved: 'Reserved 已预留',
    category: 'Category 类别', active: 'Active 有效',
  },
  'api::order.order': {
    number: 'Number 订单号', customer: 'Customer 客户', orderDate: 'Order date 下单日期', channel: 'Channel 渠道',
    lines: 'Lines 订单明细', total: 'Total 金额', currency: 'Currency 币种', requiredDate: 'Required 要求交期',
    promisedDate: 'Promised 承诺交期', salesperson: 'Salesperson 业务员', region: 'Region 区域',
    state: 'State 状态', notes: 'Notes 备注', version: 'Version 记录版本', reviewRound: 'Review round 评审轮次',
    plannedStart: 'Planned start 计划开工', plannedFinish: 'Planned finish 计划完工', heldFrom: 'Held from 暂停前状态',
    packagingItems: 'Packaging 包材',
  },
  'order.line': {
    product: 'Product 产品', specification: 'Specification 规格', quantity: 'Quantity 数量',
    unitPrice: 'Unit price 单价', lineAmount: 'Amount 金额', key: 'Line key 行标识', source: 'Source 来源',
    reservedQuantity: 'Reserved 已预留',
  },
  'api::shipment.shipment': {
    number: 'Number 出货单号', order: 'Order 订单', customer: 'Customer 客户', lines: 'Lines 出货明细',
    transportMode: 'Transport 运输方式', truckPlate: 'Truck plate 车牌号', driverName: 'Driver 司机',
    driverPhone: 'Driver phone 司机电话', forwarder: 'Forwarder 货代', vessel: 'Vessel 船名', containerNumber: 'Container 柜号',
    inspectionReference: 'Inspection 商检编号', customsReference: 'Customs 报关单号', plannedDate: 'Planned 计划出货日期',
    shippedAt: 'Shipped 出货时间', deliveredAt: 'Delivered 签收时间', remarks: 'Remarks 备注', state: 'State 状态',
    version: 'Version 记录版本', reviewRound: 'Review round 评审轮次',
  },
  'shipment.line': {
    line: 'Order line 订单行', product: 'Product 产品', specification: 'Specification 规格', quantity: 'Quantity 数量',
    unitPrice: 'Unit price 单价',
  },
  'api::receivable.receivable': {
    customer: 'Customer 客户', shipment: 'Shipment 出货单', order: 'Order 订单', contract: 'Contract 合同',
    amount: 'Amount 应收金额', openAmount: 'Open 未收金额', currency: 'Currency 币种', invoiceDate: 'Invoice date 开票日期',
    dueDate: 'Due 到期日', state: 'State 状态', voidedAt: 'Voided 作废时间', voidedOn: 'Voided on 作废日期', allocations: 'Allocations 核销',
  },
  'api::payment.payment': {
    number: 'Number 收款单号', customer: 'Customer 客户', amount: 'Amount 收款金额', unallocatedAmount: 'Unallocated 未核销金额',
    currency: 'Currency 币种', receivedOn: 'Received 到账日期', method: 'Method 收款方式', reference: 'Reference 银行流水/票号',
    notes: 'Notes 备注', state: 'State 状态', reversedAt: 'Reversed 冲销时间', reversalReason: 'Reversal reason 冲销原因',
    recordedBy: 'Recorded by 登记人', version: 'Version 记录版本', allocations: 'Allocations 核销',
  },
  'api::payment-allocation.payment-allocation': {
    payment: 'Payment 收款', receivable: 'Receivable 应收', amount: 'Amount 核销金额', allocatedOn: 'Allocated 核销日期',
    reversedOn: 'Reversed 冲销日期',
  },
  'api::statement.statement': {
    number: 'Number 对账单号', customer: 'Customer 客户', periodFrom: 'From 起始日期', periodTo: 'To 截止日期', currency: 'Currency 币种',
    openingBalance: 'Opening balance 期初余额', shipped: 'Shipped 本期发货', received: 'Received 本期收款', reversed: 'Reversed 本期冲销',
    closingBalance: 'Closing balance 期末余额', unallocated: 'Unallocated 未核销收款', snapshot: 'Lines and open items 明细快照',
    state: 'State 状态', sentAt: 'Sent 发送时间', sentTo: 'Sent to 发送至', respondedAt: 'Answered 回复时间',
    respondedFromIp: 'Answered from (IP) 回复来源IP', respondedUserAgent: 'Answered with (browser) 回复浏览器',
    customerComment: 'Customer comment 客户意见', issuedBy: 'Issued by 出具人', version: 'Version 记录版本',
  },
  'api::credit-event.credit-event': {
    customer: 'Customer 客户', kind: 'Event 事件', reason: 'Reason 原因', at: 'When 时间', actor: 'By 操作人',
  },
  'api::credit-override.credit-override': {
    customer: 'Customer 客户', subject: 'Document type 单据类型', subjectId: 'Document 单据', reason: 'Reason 放行理由',
    grantedBy: 'Granted by 批准人', grantedAt: 'Granted 批准时间', usedAt: 'Used 使用时间',
  },
  'api::sales-target.sales-target': {
    salesperson: 'Salesperson 业务员', region: 'Region 区域', year: 'Year 年度', quarter: 'Quarter 季度', month: 'Month 月份',
    amount: 'Target amount 目标金额', notes: 'Notes 备注', subjectPeriod: 'Subject and period 对象与期间',
  },
  'api::packaging-item.packaging-item': {
    order: 'Order 订单', kind: 'Kind 包材类型', description: 'Description 包材', artworkConfirmedBy: 'Artwork confirmed by 稿样确认人',
    artworkConfirmedAt: 'Artwork confirmed 稿样确认日期', printingSentAt: 'Sent to printer 送印日期',
    printingReceivedAt: 'Printing received 印刷到货日期', quantityRequired: 'Required 需求数量', quantityInStock: 'In stock 库存数量',
    notes: 'Notes 备注',
  },
  'api::inquiry.inquiry': {
    customer: 'Customer 客户', direction: 'Direction 方向', channel: 'Channel 渠道', kind: 'Kind 类型',
    summary: 'Summary 内容', handledBy: 'Handled by 经办人', occurredAt: 'When 时间',
    followUpDate: 'Follow up 跟进日期', outcome: 'Outcome 结果',
  },
  'api::notification.notification': {
    idempotencyKey: 'Key 幂等键', event: 'Event 事件', recipients: 'To 收件人', template: 'Template 模板',
    language: 'Language 语言', payload: 'Data 数据', state: 'State 状态', attempts: 'Attempts 尝试次数',
    nextAttemptAt: 'Next attempt 下次尝试', claimedAt: 'Claimed 领取时间', lastError: 'Last error 最近错误',
    sentAt: 'Sent 发送时间', messageId: 'Message-ID',
  },
  'api::contract.contract': {
    number: 'Number 合同编号', revision: 'Revision 版本', customer: 'Customer 客户', orders: 'Orders 订单',
    contractDate: 'Contract date 签订日期', lines: 'Lines 合同明细', total: 'Total 金额', currency: 'Currency 币种',
    paymentTerms: 'Payment terms 付款条件', deliveryDate: 'Delivery date 交货日期', deliveryTerms: 'Delivery terms 交货条款',
    packagingRequirements: 'Packaging 包装要求', qualityTerms: 'Quality terms 质量条款', otherTerms: 'Other terms 其他条款',
    attachments: 'Attachments 附件', state: 'State 状态', version: 'Version 记录版本', reviewRound: 'Review round 评审轮次',
    creditSnapshot: 'Credit at submission 提交时信用', drafter: 'Drafter 起草人', previousRevision: 'Previous revision 上一版本',
    submittedAt: 'Submitted 提交时间', decidedAt: 'Decided 评审结论时间', replyChannel: 'Reply channel 回复方式',
    replyContent: 'Reply 回复内容', repliedAt: 'Replied 回复时间', replySentTo: 'Reply sent to 回复对象',
    activatedAt: 'Active since 生效时间',
  },
  'contract.line': {
    product: 'Product 产品', specification: 'Specification 规格', quantity: 'Quantity 数量',
    unitPrice: 'Unit price 单价', lineAmount: 'Amount 金额',
  },
  'api::review-opinion.review-opinion': {
    subject: 'Record type 记录类型', subjectId: 'Record 记录', round: 'Round 评审轮次', role: 'Role 岗位',
    reviewer: 'Reviewer 评审人', verdict: 'Opinion 评审意见', comment: 'Comment 意见说明',
    proposedDeliveryDate: 'Proposed delivery 建议交期', givenAt: 'Given 评审时间',
  },
  'api::workflow-event.workflow-event': {
    subject: 'Record type 记录类型', subjectId: 'Record 记录', action: 'Action 操作', fromState: 'From 原状态',
    toState: 'To 新状态', actor: 'By 操作人', role: 'Role 岗位', comment: 'Comment 说明', at: 'When 时间',
  },
  'api::seal-use.seal-use': {
    sealType: 'Seal 印章', contract: 'Contract 合同', requestedBy: 'Requested by 申请人', approvedBy: 'Approved by 批准人',
    usedAt: 'Used 用印时间', copies: 'Copies 份数', documentSha256: 'Document SHA-256 文件指纹',
  },
  'api::complaint.complaint': {
    number: 'Number 投诉编号', customer: 'Customer 客户', order: 'Order 订单', product: 'Product 产品',
    shipmentNumber: 'Shipment 发货单号', batch: 'Batch 批号', channel: 'Channel 投诉渠道', receivedAt: 'Received 受理时间',
    receivedBy: 'Received by 受理人', description: 'Description 投诉内容', customerDemand: 'Customer demand 客户诉求',
    attachments: 'Attachments 附件', category: 'Category 类别', severity: 'Severity 严重度', state: 'State 状态',
    version: 'Version 记录版本', reviewRound: 'Review round 评审轮次', stateEnteredAt: 'State since 进入状态时间',
    dueAt: 'Deadline 期限', escalatedAt: 'Escalated 升级时间', rootCause: 'Root cause 原因分析', judgement: 'Judgement 判定',
    judgedAt: 'Judged 判定时间', measures: 'Measures 处理措施', effectivenessComment: 'Verification 有效性验证',
    verifiedAt: 'Verified 验证时间', needsNewMeasure: 'Needs a new measure 需补充措施', replyChannel: 'Reply channel 回复方式', replyContent: 'Reply 回复内容',
    repliedAt: 'Replied 回复时间', replySentTo: 'Reply sent to 回复对象', feedbackRating: 'Feedback rating 客户评分',
    feedbackComment: 'Feedback 客户反馈', feedbackAt: 'Feedback received 反馈时间',
    feedbackFromIp: 'Feedback from (IP) 反馈来源IP', feedbackUserAgent: 'Feedback with (browser) 反馈浏览器', closedAt: 'Closed 结案时间',
  },
  'complaint.measure': {
    key: 'Key 措施标识', kind: 'Kind 措施类型', description: 'Measure 措施内容', ownerRole: 'Owner 负责岗位',
    dueDate: 'Due 完成期限', doneAt: 'Done 完成时间', result: 'Result 实施结果',
  },
};

const LAYOUT_VERSION_KEY = 'content-manager-layout-version';
const LAYOUT_VERSION = 13;

type Configuration = {
  settings: { mainField?: string };
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[] };
};

export const applyContentManagerLayouts = async (strapi: Core.Strapi): Promise<void> => {
  const cm = strapi.plugin('content-manager');
  const serviceFor = (uid: string) => cm.service(uid.includes('::') ? 'content-types' : 'components');
  const store = strapi.store({ type: 'plugin', name: 'cs-console' });
  const firstTime = Number((await store.get({ key: LAYOUT_VERSION_KEY })) ?? 0) < LAYOUT_VERSION;
  const uids = new Set([
    ...Object.keys(SERVER_OWNED),
    ...(firstTime ? [...Object.keys(MAIN_FIELDS), ...Object.keys(LIST_COLUMNS), ...Object.keys(LABELS)] : []),
  ]);

  for (const uid of uids) {
    const service = serviceFor(uid);
    const model = { uid, ...(uid.includes('::') ? {} : { category: uid.split('.')[0] }) };
    const configuration = (await service.findConfiguration(model)) as Configuration;
    // Hidden fields (`visible: false`: link token hashes and expiries) have no place in the panel at all.
    for (const field of (SERVER_OWNED[uid] ?? []).filter((name) => configuration.metadatas[name])) {
      configuration.metadatas[field].edit = {
        ...configuration.metadatas[field].edit,
        editable: false,
        description: 'Set by the server 由系统生成',
      };
    }
    for (const [field, label] of Object.entries(firstTime ? (LABELS[uid] ?? {}) : {})) {
      configuration.metadatas[field].edit.label = label;
      configuration.metadatas[field].list.label = label;
    }
    if (firstTime && MAIN_FIELDS[uid]) configuration.settings.mainField = MAIN_FIELDS[uid];
    if (firstTime && LIST_COLUMNS[uid]) configuration.layouts.list = LIST_COLUMNS[uid];
    await service.updateConfiguration(model, configuration);
  }
  if (firstTime) await store.set({ key: LAYOUT_VERSION_KEY, value: LAYOUT_VERSION });
};
