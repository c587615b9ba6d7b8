/**
 * The server's messages to staff and clients (refusals, problems with a field, credit reasons), each
 * under a stable code a client can rely on, in English and Simplified Chinese with named
 * parameters. The English text is what the API has always said (codes such as `in_review` quoted as
 * they are); the Chinese one names states, actions, roles and fields in the words of the admin
 * panel (src/domain/message-text.ts looks them up). A message is data (`{ code, params }`), so it
 * can be stored (a credit event's reason) and shown later in the reader's language.
 */

/** How a parameter is named to a Chinese reader: a code looked up in a word list, or shown as given. */
export type WordKind =
  | 'state' // a state of the message's `subject`
  | 'action' // an action of the message's `subject`
  | 'actions' // a list of actions; "none" when empty
  | 'roles' // a list of staff roles (codes); "nobody" when empty
  | 'parties' // a list of a record's people (assignee, assigner), joined by "or"
  | 'subject' // a record type by its workflow subject (`contract`)
  | 'field' // a field of a record type
  | 'verdicts'; // a list of review verdicts

export interface MessageEntry {
  en: string;
  zh: string;
  words?: Record<string, WordKind>;
}

export type MessageParam = string | number | readonly string[] | Message | readonly Message[] | null;

export interface Message {
  code: MessageCode;
  params?: Record<string, MessageParam>;
}

const SUBJECT_STATE = { subject: 'subject', state: 'state' } as const;

export const MESSAGES = {
  // A workflow action refused (src/domain/workflow/engine.ts, src/workflow-engine).
  'workflow.unknown_action': {
    en: 'a {subject} has no action "{action}"',
    zh: '{subject}没有“{action}”这个操作',
    words: { subject: 'subject' },
  },
  'workflow.role_forbidden': {
    en: 'only {roles} may {action} a {subject}',
    zh: '只有{roles}可以对{subject}执行“{action}”',
    words: { roles: 'roles', action: 'action', subject: 'subject' },
  },
  'workflow.not_party': {
    en: "only the {subject}'s {parties} may {action} it",
    zh: '只有该{subject}的{parties}可以执行“{action}”',
    words: { subject: 'subject', parties: 'parties', action: 'action' },
  },
  'workflow.wrong_state': {
    en: 'cannot {action} a {subject} in state {state}; allowed now: {allowed}',
    zh: '{subject}处于“{state}”状态，不能执行“{action}”；当前可执行：{allowed}',
    words: { ...SUBJECT_STATE, action: 'action', allowed: 'actions' },
  },
  'workflow.precondition': { en: '{reason}', zh: '{reason}' },
  'complaint.no_open_measure': { en: 'no measure is open', zh: '没有未完成的措施' },
  'complaint.measures_ineffective': { en: 'the measures were not effective: add a new measure first', zh: '措施验证无效：请先添加新措施' },
  'complaint.measures_open': { en: '{count} measure(s) still open: {measures}', zh: '还有 {count} 项措施未完成：{measures}' },
  'complaint.no_feedback': {
    en: "no feedback yet: a complaint closes on the customer's feedback or {days} days after the reply",
    zh: '尚无客户反馈：投诉在客户反馈后结案，或在回复客户 {days} 天后结案',
  },
  'complaint.reopen_too_late': {
    en: 'closed more than {days} days ago: record a new complaint instead',
    zh: '结案已超过 {days} 天：请登记新的投诉',
  },
  'order.artwork_unconfirmed': {
    en: 'packaging artwork not yet confirmed by the customer: {items}',
    zh: '包材稿样尚未经客户确认：{items}',
  },
  'order.shipped_cannot_cancel': {
    en: 'goods of this order have been shipped: it can no longer be cancelled',
    zh: '该订单已有货物出货，不能再取消',
  },
  'order.holding_contract': {
    en: 'contract {number} revision {revision} ({state})',
    zh: '合同 {number} 第{revision}版（{state}）',
    words: { state: 'state' },
  },
  'order.terms_held': {
    en: '{order} is held by {contract}: only its notes and required date can be edited; {fields} cannot',
    zh: '{order}由{contract}锁定：只能修改备注和要求交期，不能修改{fields}',
    words: { fields: 'field' },
  },
  'order.terms_confirmed': {
    en: '{order} is {state}: only its notes and required date can be edited; {fields} cannot',
    zh: '{order}处于“{state}”状态：只能修改备注和要求交期，不能修改{fields}',
    words: { state: 'state', fields: 'field' },
  },
  'order.kept': {
    en: '{order} is {state}: an order in progress is kept; cancel it instead',
    zh: '{order}处于“{state}”状态：进行中的订单不能删除，请取消订单',
    words: { state: 'state' },
  },
  'order.kept_for_contract': {
    en: '{order} is held by {contract}: it is kept until the contract leaves review',
    zh: '{order}由{contract}锁定：合同评审结束前不能删除',
  },
  'workflow.opinion_given': { en: 'you have already given your opinion in this review round', zh: '您在本轮评审中已给出意见' },
  'workflow.role_opinion_given': {
    en: 'the {roles} opinion has already been given in this round',
    zh: '本轮评审中{roles}的意见已经给出',
    words: { roles: 'roles' },
  },
  'workflow.opinion_not_awaited': {
    en: 'this review awaits opinions from {awaited}, not from your role',
    zh: '本轮评审等待{awaited}的意见，不等待您的角色',
    words: { awaited: 'roles' },
  },
  'workflow.opinion_race': {
    en: 'this opinion was given by someone else at the same moment; reload',
    zh: '同一时刻已有他人给出该意见，请刷新',
  },
  'workflow.revision_race': { en: 'this revision was made by someone else at the same moment; reload', zh: '同一时刻已有他人修订，请刷新' },
  'workflow.not_found': { en: 'No {subject} {documentId}', zh: '没有{subject} {documentId}', words: { subject: 'subject' } },
  'workflow.records_server_only': {
    en: 'workflow records are written only by workflow actions and are never changed or deleted',
    zh: '流程记录只由流程操作写入，不能修改或删除',
  },
  'workflow.verdict_invalid': { en: 'must be one of {verdicts}', zh: '须为以下之一：{verdicts}', words: { verdicts: 'verdicts' } },
  'workflow.required_before': {
    en: 'required before {action} a {subject}',
    zh: '{subject}执行“{action}”前须填写',
    words: { action: 'action', subject: 'subject' },
  },
  'workflow.required_to': {
    en: 'required to {action} a {subject}',
    zh: '对{subject}执行“{action}”须填写',
    words: { action: 'action', subject: 'subject' },
  },

  // The version a client read (optimistic locking).
  'version.required': { en: 'is required (the version you read)', zh: '必须填写（您读取时的版本号）' },
  'version.stale': {
    en: 'the record has changed since you read it (version {given}, now {current}); reload it',
    zh: '记录在您读取后已被修改（您的版本 {given}，当前版本 {current}），请刷新',
  },

  // Editing a record outside its actions (src/guards/editable-record.ts).
  'record.frozen': {
    en: '{record} is {state}: it can no longer be edited; use its workflow actions',
    zh: '{record}处于“{state}”状态，已不能编辑；请使用其流程操作',
    words: { state: 'state' },
  },
  'record.state_by_action': { en: 'the state changes only through workflow actions', zh: '状态只能通过流程操作改变' },
  'record.stale_edit': {
    en: 'changed since you read it (version {given}, now {current}); reload it',
    zh: '在您读取后已被修改（您的版本 {given}，当前版本 {current}），请刷新',
  },
  'task.named': { en: 'the task "{title}"', zh: '工作“{title}”' },
  // Supervision (src/my-work/team-work.ts, src/statistics/performance-sheet.ts).
  'supervision.forbidden': {
    en: "only {roles} see their team's work and performance",
    zh: '只有{roles}可以查看属员的待办与考评',
    words: { roles: 'roles' },
  },
  'supervision.not_in_team': { en: 'staff user {staffId} is not in your team', zh: '员工 {staffId} 不是您的属员' },
  'record.starts_as': { en: 'a new {subject} starts as {state}', zh: '新建的{subject}从“{state}”状态开始', words: SUBJECT_STATE },
  'contract.kept': {
    en: '{contract} is {state}: a contract that went to review is kept; cancel or terminate it instead',
    zh: '{contract}处于“{state}”状态：已提交评审的合同不能删除，请取消或终止',
    words: { state: 'state' },
  },
  'shipment.stays_with_order': { en: 'a shipment stays with its order', zh: '出货单不能改换订单' },
  'shipment.order_not_ready': {
    en: '{order} is {state}: an order ships when it is ready',
    zh: '{order}处于“{state}”状态：订单待出货后才能出货',
    words: { state: 'state' },
  },
  'shipment.name_lines': { en: 'name the order lines and quantities to ship', zh: '请填写要出货的订单行和数量' },
  'shipment.unknown_order': { en: 'unknown order {order}', zh: '订单 {order} 不存在' },
  'contract.revision': { en: '{number} revision {revision}', zh: '{number} 第{revision}版' },

  // A field's value (src/guards, src/domain).
  'field.required': { en: '{field} is required', zh: '{field}为必填项', words: { field: 'field' } },
  'field.required_here': { en: 'is required', zh: '为必填项' },
  'field.taken': { en: 'this {field} is already taken', zh: '该{field}已被使用', words: { field: 'field' } },
  'field.blank': { en: 'must not be blank', zh: '不能为空白' },
  'field.whole_number': { en: 'must be a whole number', zh: '须为整数' },
  'field.one_of': { en: 'must be one of {values}', zh: '须为以下之一：{values}' },
  'field.at_most': { en: 'at most {max} characters', zh: '最多 {max} 个字符' },
  'field.too_long': { en: 'must be at most {max} characters', zh: '最多 {max} 个字符' },
  'date.invalid': {
    en: 'must be a calendar date written YYYY-MM-DD, e.g. 2026-12-31',
    zh: '须为有效日期，格式 YYYY-MM-DD，例如 2026-12-31',
  },
  'date.future': { en: 'must not be in the future (today is {today})', zh: '不能晚于今天（今天是 {today}）' },
  'datetime.invalid': {
    en: 'must be a date and time (ISO 8601), e.g. 2026-12-31T09:30:00+08:00',
    zh: '须为日期时间（ISO 8601），例如 2026-12-31T09:30:00+08:00',
  },
  'money.not_finite': { en: 'must be a finite number', zh: '须为有限数值' },
  'money.not_decimal': { en: 'must be a decimal number such as 1234.50', zh: '须为十进制数，例如 1234.50' },
  'money.places': { en: 'must have at most two decimal places', zh: '最多两位小数' },
  'money.too_large': { en: 'must not exceed {max}', zh: '不能超过 {max}' },
  'money.negative': { en: 'must not be negative', zh: '不能为负数' },
  'money.not_positive': { en: 'must be greater than 0', zh: '须大于 0' },
  'line.quantity': { en: 'quantity must be a whole number greater than 0 and at most {max}', zh: '数量须为大于 0 且不超过 {max} 的整数' },
  'line.unit_price': { en: 'unit price {problem}', zh: '单价{problem}' },
  'line.unit_price_negative': { en: 'unit price must not be negative', zh: '单价不能为负数' },
  'line.unknown_product': { en: 'unknown product {product}', zh: '产品 {product} 不存在' },

  // Payments and allocations (src/domain/payment*.ts, src/cash-collection/payments.ts).
  'payment.unknown_customer': { en: 'unknown customer {customer}', zh: '客户 {customer} 不存在' },
  'payment.unchangeable': {
    en: 'a payment is not changed, copied or deleted: allocate it or reverse it with a reason',
    zh: '收款不能修改、复制或删除：请核销，或说明原因后冲销',
  },
  'payment.stale': {
    en: 'payment {payment} was changed meanwhile (version {current}, you read {given}): reload',
    zh: '收款 {payment} 已被他人修改（当前版本 {current}，您读取的版本 {given}），请刷新',
  },
  'payment.changed': { en: 'payment {payment} changed meanwhile: reload', zh: '收款 {payment} 已被他人修改，请刷新' },
  'payment.not_posted': { en: 'payment {payment} is {state}', zh: '收款 {payment} {state}', words: { state: 'state' } },
  'payment.fully_allocated': { en: 'payment {payment} is fully allocated', zh: '收款 {payment} 已全部核销' },
  'payment.short': { en: 'payment {payment} has less than {amount} unallocated', zh: '收款 {payment} 的未核销金额不足 {amount}' },
  'payment.nothing_open': {
    en: 'nothing to allocate: the customer has no open receivable in {currency}',
    zh: '无可核销：客户没有 {currency} 的未收应收款',
  },
  'payment.reason_required': { en: 'say why the payment is reversed', zh: '请说明冲销原因' },
  'payment.version_required': { en: 'send the version you read', zh: '请提交您读取时的版本号' },
  'receivable.changed': {
    en: 'receivable {receivable} changed meanwhile: reload and try again',
    zh: '应收款 {receivable} 已被他人修改，请刷新后重试',
  },
  'receivable.cannot_take_back': { en: 'receivable {receivable} cannot take back {amount}', zh: '应收款 {receivable} 无法退回 {amount}' },
  'allocation.unknown_receivable': { en: 'unknown receivable {receivable}', zh: '应收款 {receivable} 不存在' },
  'allocation.name_receivable': { en: 'name the receivable by its documentId', zh: '请以 documentId 指明应收款' },
  'allocation.named_twice': { en: 'this receivable is named twice in one request', zh: '同一请求中该应收款出现了两次' },
  'allocation.other_customer': { en: "this receivable is another customer's", zh: '该应收款属于其他客户' },
  'allocation.currency': {
    en: 'this receivable is in {receivableCurrency}, the payment in {paymentCurrency}',
    zh: '该应收款币种为 {receivableCurrency}，收款币种为 {paymentCurrency}',
  },
  'allocation.void': { en: 'this receivable is void: its shipment was cancelled', zh: '该应收款已作废：其出货已取消' },
  'allocation.exceeds_open': { en: "exceeds the receivable's open amount of {open}", zh: '超过该应收款的未收金额 {open}' },
  'allocation.exceeds_unallocated': {
    en: 'the allocations add up to {total}, more than the {unallocated} left unallocated on the payment',
    zh: '核销合计 {total}，超过收款的未核销金额 {unallocated}',
  },
  'allocation.list': {
    en: 'must be a list of { receivable: <documentId>, amount }',
    zh: '须为 { receivable: <documentId>, amount } 的列表',
  },
  'allocation.contradiction': {
    en: 'allocate: false and a list of allocations contradict each other',
    zh: 'allocate: false 与核销列表相互矛盾',
  },
  'field.text': { en: 'must be text', zh: '须为文本' },
  'field.boolean': { en: 'must be true or false', zh: '须为 true 或 false' },

  // Credit control (src/domain/credit-control.ts, src/cash-collection/credit-control.ts): stored on credit events.
  'credit.over_limit': {
    en: 'open balance {balance} {currency} exceeds the credit limit {limit}',
    zh: '未结余额 {currency} {balance} 超过信用额度 {currency} {limit}',
  },
  'credit.overdue': {
    en: '{document} receivable {days} days overdue (more than {overdueDays})',
    zh: '{document} 的应收款已逾期 {days} 天（超过 {overdueDays} 天）',
  },
  'credit.automatic_hold': { en: 'automatic credit hold: {reasons}', zh: '自动信用冻结：{reasons}' },
  'credit.automatic_release': {
    en: 'automatic release: open balance {balance} {currency}; no item more than {overdueDays} days overdue',
    zh: '自动解除冻结：未结余额 {currency} {balance}；无逾期超过 {overdueDays} 天的应收款',
  },
  'credit.automatic_release_within_limit': {
    en: 'automatic release: open balance {balance} {currency} within the credit limit {limit}; no item more than {overdueDays} days overdue',
    zh: '自动解除冻结：未结余额 {currency} {balance}，未超过信用额度 {currency} {limit}；无逾期超过 {overdueDays} 天的应收款',
  },
  'credit.on_hold': {
    en: '{customer} {name} is on credit hold ({reason}): {step} is refused unless marketing-vp grants a credit override for it',
    zh: '{customer} {name} 处于信用冻结（{reason}）：{step}被拒绝，除非营销副总为其批准信用放行',
  },
  'credit.step_new_order': { en: 'a new order', zh: '新建订单' },
  'credit.step_move_order': { en: 'moving {number} to this customer', zh: '将 {number} 改到该客户名下' },
  'credit.step_submit_contract': { en: 'submitting {number}', zh: '提交 {number}' },
  'credit.step_activate_contract': { en: 'activating {number}', zh: '使 {number} 生效' },
  'credit.step_confirm_order': { en: 'confirming {number}', zh: '确认 {number}' },
  'credit.step_ship': { en: 'shipping {number}', zh: '出货 {number}' },
  'credit.terms_forbidden': {
    en: 'credit terms ({fields}) are set by the sales manager or the marketing VP, with a reason, in the credit record; send them unchanged',
    zh: '信用条件（{fields}）由销售经理或营销副总在信用记录中说明原因后设定；请原样提交',
    words: { fields: 'field' },
  },
  'credit.terms_reason_required': { en: 'a change of credit terms needs a reason', zh: '变更信用条件须说明原因' },
  'credit.hold_kept': {
    en: '{reason}: the hold is lifted when that is no longer true, or marketing-vp grants an override per document',
    zh: '{reason}：条件不再成立时冻结自动解除，或由营销副总按单据批准信用放行',
  },
  'credit.hold_reason_required': { en: 'a credit hold needs a reason', zh: '信用冻结须说明原因' },
  'credit.terms_change': { en: '{changes}: {reason}', zh: '{changes}：{reason}' },
  'credit.limit_change': { en: 'credit limit {before} → {after}', zh: '信用额度 {before} → {after}' },
  'credit.days_change': { en: 'payment days {before} → {after}', zh: '账期 {before} 天 → {after} 天' },
  'credit.no_limit': { en: '{amount} (no limit)', zh: '{amount}（不设额度）' },
  'credit.set_by_server': { en: 'set by the server', zh: '由系统设定' },
  'credit.payment_days': { en: 'must be a whole number of days from 0 to {max}', zh: '须为 0 至 {max} 之间的整数天数' },
  'credit.limit_required': { en: 'must be an amount ≥ 0 (0 = no limit)', zh: '须为 ≥ 0 的金额（0 表示不设额度）' },
} as const satisfies Record<string, MessageEntry>;

export type MessageCode = keyof typeof MESSAGES;

/** A message with its parameters; the one way code says something to a reader. */
export const message = (code: MessageCode, params?: Record<string, MessageParam>): Message => (params ? { code, params } : { code });

/** A message as a record stores it (its code and parameters apart); null for an old row or free text. */
export const storedMessage = (code: unknown, params: unknown): Message | null =>
  typeof code === 'string' && Object.hasOwn(MESSAGES, code)
    ? message(code as MessageCode, (params ?? undefined) as Record<string, MessageParam> | undefined)
    : null;

/** The columns a message is stored in, next to its English text. */
export const messageColumns = (said: Message | null) => ({ code: said?.code ?? null, params: said?.params ?? null });

export const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as Message).code === 'string' && (value as Message).code in MESSAGES;
