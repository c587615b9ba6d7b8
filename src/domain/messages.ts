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

/** A word the caller already holds in both languages (a record type's name, an option's word). */
export interface Worded {
  en: string;
  zh: string;
}

export type MessageParam = string | number | readonly string[] | Message | readonly Message[] | Worded | readonly Worded[] | null;

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

  'auth.log_in_first': { en: 'Log in first: this needs a staff account', zh: '请先登录：此操作需要员工账号' },

  // Records in general (src/guards, src/platform, controllers).
  'record.not_found': { en: 'No {subject} with this documentId', zh: '没有此 documentId 的{subject}', words: { subject: 'subject' } },
  'record.no_such': { en: 'no {subject} {documentId}', zh: '{subject} {documentId} 不存在', words: { subject: 'subject' } },
  'record.referenced': {
    en: '{record} {name} is referred to by {uses}: it is kept; set it inactive instead of deleting it',
    zh: '{record} {name} 被{uses}引用：不能删除，请改为停用',
  },
  'record.bulk_delete_refused': {
    en: 'another record of this bulk delete was refused: nothing was deleted',
    zh: '本次批量删除中有记录被拒绝：未删除任何记录',
  },
  'record.not_published': {
    en: '{records} are not drafted and published: a record is in force once saved, and its state changes only through its workflow actions ({action} is not available)',
    zh: '{records}没有草稿与发布之分：记录保存即生效，状态只能通过流程操作改变（不提供“{action}”）',
  },
  'record.no_versions': { en: 'these records have no draft and published versions', zh: '这些记录没有草稿版和发布版' },
  'relation.no_such_record': { en: 'no such record: {ref}', zh: '记录不存在：{ref}' },
  'relation.owner_forbidden': {
    en: '{field}: this changes records of {owner}, which your role may not update',
    zh: '{field}：此操作会修改{owner}记录，您的角色无权修改',
    words: { field: 'field', owner: 'subject' },
  },
  'workflow.write_refused': {
    en: '{action} on {model} refused: workflow records change only through the Document Service or workflow actions',
    zh: '拒绝对 {model} 执行 {action}：流程记录只能通过文档服务或流程操作改变',
  },
  'workflow.relation_owned': {
    en: "{action} on {model} refused: {field} is written through {owner}'s {ownerField}",
    zh: '拒绝对 {model} 执行 {action}：{field} 须通过 {owner} 的 {ownerField} 写入',
  },
  'customer.no_mail_contact': { en: 'the customer has no contact with an e-mail address', zh: '该客户没有留有电子邮箱的联系人' },
  'customer.code_kept': { en: 'a customer code cannot be removed', zh: '客户编号不能删除' },
  'customer.terms_only': {
    en: "the sales manager and the marketing VP change only a customer's credit terms ({terms}); {fields} cannot",
    zh: '销售经理和营销副总只能修改客户的信用条件（{terms}）；不能修改{fields}',
    words: { terms: 'field', fields: 'field' },
  },

  // Request shape and query parameters (src/platform/endpoint.ts, src/platform/query-input.ts, src/middlewares).
  'request.send_shape': { en: 'send {shape}', zh: '请提交 {shape}' },
  'request.unknown_field': { en: 'unknown field; this takes {fields}', zh: '未知字段；此接口接受：{fields}' },
  'query.plain_value': { en: 'must be given once, as a plain value', zh: '只能给出一次，且须为单个值' },
  'query.unknown_parameter': { en: 'unknown parameter; this endpoint takes {allowed}', zh: '未知参数；此接口接受：{allowed}' },
  'query.none': { en: 'none', zh: '无' },
  'query.unknown_values': {
    en: 'unknown {what} {unknown}; one or more (comma-separated) of {values}',
    zh: '未知{what} {unknown}；须为以下一个或多个（以逗号分隔）：{values}',
  },
  'query.staff_user_id': { en: "must be a staff user's id", zh: '须为员工用户的 id' },
  'query.no_staff_user': { en: 'no staff user with id {id}', zh: '没有 id 为 {id} 的员工用户' },
  'query.customer_id': { en: "must be a customer's documentId", zh: '须为客户的 documentId' },
  'query.no_customer': { en: 'no customer with documentId {documentId}', zh: '没有 documentId 为 {documentId} 的客户' },
  'query.to_before_from': { en: 'must not be before from ({from})', zh: '不能早于开始日期（{from}）' },
  'query.from_after_to': { en: 'must not be after to', zh: '不能晚于结束日期' },
  'query.years_after_from': { en: 'at most {years} years after from', zh: '最多为开始日期后 {years} 年' },
  'query.max_below_min': { en: 'must not be less than minTotal ({minTotal})', zh: '不能小于最低金额（{minTotal}）' },
  'query.private_field': { en: '{field} is a private field and cannot be {use}', zh: '{field}是私密字段，不能{use}' },
  'dashboard.no_table': { en: 'No dashboard table {table}; the tables are {tables}', zh: '没有仪表板表格 {table}；可用的表格：{tables}' },
  'link.invalid': { en: 'This {link} is not valid.', zh: '此{link}无效。' },
  'link.used': { en: 'This {link} has already been used.', zh: '此{link}已使用过。' },
  'link.expired': { en: 'This {link} has expired.', zh: '此{link}已过期。' },
  'field.date': { en: 'must be a date YYYY-MM-DD', zh: '须为日期，格式 YYYY-MM-DD' },
  'field.month': { en: 'must be a month YYYY-MM', zh: '须为月份，格式 YYYY-MM' },
  'field.datetime': { en: 'must be a date and time (ISO 8601)', zh: '须为日期时间（ISO 8601）' },
  'field.whole_number_between': { en: 'must be a whole number from {min} to {max}', zh: '须为 {min} 至 {max} 之间的整数' },
  'field.whole_number_not_negative': { en: 'must be a whole number ≥ 0', zh: '须为 ≥ 0 的整数' },
  'field.whole_number_positive': { en: 'must be a whole number greater than 0', zh: '须为大于 0 的整数' },
  'field.text_at_most': { en: 'must be text of at most {max} characters', zh: '须为文本，最多 {max} 个字符' },

  // Tasks (src/guards/task-guard.ts).
  'task.assigners_only': {
    en: 'only the CS supervisor and the sales manager assign tasks ({assignments})',
    zh: '只有客服主管和销售经理可以安排工作（{assignments}）',
  },
  'task.assigns': { en: '{assigner} → {assignees}', zh: '{assigner} → {assignees}', words: { assigner: 'roles', assignees: 'roles' } },
  'task.due_past': { en: 'the due day {dueDate} is already past (today is {today})', zh: '截止日期 {dueDate} 已过（今天是 {today}）' },
  'task.assigner_only': { en: "only the task's assigner may change it", zh: '只有该工作的安排人可以修改' },
  'task.not_to_self': { en: 'a task is assigned to someone else', zh: '工作须安排给他人' },
  'task.assignee_blocked': { en: 'this staff account is blocked', zh: '该员工账号已停用' },
  'task.assign_to_only': { en: 'you assign tasks to {roles} only', zh: '您只能把工作安排给{roles}' },
  'task.subject_incomplete': {
    en: 'a linked record needs both its kind and its documentId',
    zh: '关联记录须同时填写类型和 documentId',
  },
  'task.not_copied': { en: 'a task is not copied: assign a new task', zh: '工作不能复制：请安排新的工作' },
  'task.kept': { en: 'a task is kept: its assigner cancels it through its workflow', zh: '工作不能删除：由安排人通过流程取消' },

  // Credit overrides (src/guards/credit-override-guard.ts).
  'credit_override.unchangeable': {
    en: 'a credit override is granted once and is never changed or deleted',
    zh: '信用放行一经批准即不能修改或删除',
  },
  'credit_override.vp_only': { en: 'only the marketing VP (marketing-vp) grants credit overrides', zh: '只有营销副总可以批准信用放行' },
  'credit_override.reason_required': { en: 'an override needs a reason', zh: '信用放行须说明原因' },
  'credit_override.order_no_subject': {
    en: 'an order override is for the next new order of the customer: leave subjectId empty',
    zh: '订单放行适用于该客户的下一张新订单：请将 subjectId 留空',
  },
  'credit_override.subject_required': {
    en: 'the documentId of the {subject} is required',
    zh: '须填写{subject}的 documentId',
    words: { subject: 'subject' },
  },
  'credit_override.other_customer': {
    en: "this {subject} is not the customer's",
    zh: '该{subject}不属于此客户',
    words: { subject: 'subject' },
  },
  'credit_override.unused_exists': { en: '{document} already has an unused credit override', zh: '{document}已有一项未使用的信用放行' },
  'credit_override.contract': { en: 'contract {number} rev. {revision}', zh: '合同 {number} 第{revision}版' },
  'credit_override.shipment': { en: 'shipment {number}', zh: '出货单 {number}' },

  // Products and stock (src/guards/product-guard.ts, src/stock, order allocation, shipping).
  'stock.opening_whole': { en: 'opening stock must be a whole number, 0 or more', zh: '期初库存须为大于或等于 0 的整数' },
  'stock.reserved_not_typed': { en: 'stock is reserved by allocating orders, not typed', zh: '预留库存由订单配货产生，不能手工填写' },
  'stock.counter_by_server': {
    en: '{field} is kept by the server from shipments and allocations; record a stock adjustment instead',
    zh: '{field}由系统根据出货和配货维护；请改为登记库存调整',
    words: { field: 'field' },
  },
  'stock.unknown_field': {
    en: 'unknown field; a stock adjustment takes quantity and reason',
    zh: '未知字段；库存调整只接受数量和原因',
  },
  'stock.adjustment_quantity': {
    en: 'must be a whole number of pieces, not 0 (negative to take stock away)',
    zh: '须为非零的整数件数（负数表示减少库存）',
  },
  'stock.reason_required': {
    en: 'say why stock changes (receipt from production, count, …)',
    zh: '请说明库存变动原因（生产入库、盘点等）',
  },
  'stock.below_reserved': {
    en: '{sku}: {onHand} on hand, {reserved} reserved for orders; on hand cannot fall below what is reserved',
    zh: '{sku}：在库 {onHand}，已为订单预留 {reserved}；在库数量不能低于预留数量',
  },
  'stock.short': { en: 'only {available} of {sku} available; {asked} more asked', zh: '{sku} 仅有 {available} 可用；还需 {asked}' },
  'stock.short_to_ship': {
    en: 'only {shippable} of {sku} can be shipped: {onHand} on hand, {reservedForOthers} reserved for other orders; {quantity} to ship',
    zh: '{sku} 只能出货 {shippable}：在库 {onHand}，已为其他订单预留 {reservedForOthers}；本次出货 {quantity}',
  },

  // Orders, packaging items and shipments.
  'order.starts_as_draft': {
    en: 'a new order starts as draft; its state changes only through order actions',
    zh: '新建订单从“草稿”状态开始；状态只能通过订单操作改变',
  },
  'order.allocation_list': { en: 'a list of {shape}', zh: '须为 {shape} 的列表' },
  'order.line_key': { en: 'the key of an order line', zh: '须为订单行的键值' },
  'order.finish_before_start': { en: 'must not be before the planned start', zh: '不能早于计划开工日期' },
  'order.promised_before_finish': { en: 'must not be before the planned finish', zh: '不能早于计划完工日期' },
  'order.no_line': { en: 'no line {line} on {order}', zh: '{order} 没有订单行 {line}' },
  'order.reserve_over_open': { en: "at most the line's open quantity {quantity}", zh: '最多为该行的未出货数量 {quantity}' },
  'order.same_promised_date': { en: 'is the date already promised', zh: '与已承诺的日期相同' },
  'packaging.not_copied': { en: 'a packaging item is not copied: add a new one to the order', zh: '包材不能复制：请在订单中新增' },
  'packaging.confirmed_by_required': { en: 'name who at the customer confirmed the artwork', zh: '请填写客户方确认稿样的人' },
  'packaging.stays_with_order': {
    en: 'a packaging item stays with its order: add a new one to the other order',
    zh: '包材不能改换订单：请在另一订单中新增',
  },
  'shipment.not_copied': { en: 'a shipment is not copied: make a new one from the order', zh: '出货单不能复制：请从订单新建' },
  'shipment.kept': { en: 'a shipment is kept: cancel it through its workflow', zh: '出货单不能删除：请通过流程取消' },
  'shipment.no_order_line': { en: 'no order line {line}', zh: '订单行 {line} 不存在' },
  'shipment.over_open': { en: 'only {left} still open on this order line', zh: '该订单行仅剩 {left} 未出货' },
  'shipment.receivable_allocated': {
    en: 'payments have been allocated to the receivable of {shipment}: reverse them before cancelling the shipment',
    zh: '已有收款核销到 {shipment} 的应收款：取消出货前请先冲销',
  },

  // Contracts and complaints (src/workflow-engine, src/domain).
  'contract.say_why': { en: 'say what must change or why to terminate', zh: '请说明需要修改的内容或终止的理由' },
  'contract.sha256': { en: 'must be the 64 hex digits of a SHA-256', zh: '须为 64 位十六进制的 SHA-256 摘要' },
  'contract.orders_moved': {
    en: '{orders} no longer belong to the customer of {contract}: take them out of the contract before submitting',
    zh: '{orders} 已不属于 {contract} 的客户：提交前请将其移出合同',
  },
  'contract.lines_differ': {
    en: 'the lines of {contract} differ from those of its orders ({orders}): make them the same before submitting',
    zh: '{contract} 的明细与其订单（{orders}）不一致：提交前请使其一致',
  },
  'contract.being_amended': {
    en: 'revision {revision} of {contract} is already being amended ({state})',
    zh: '{contract} 第{revision}版已在修订中（{state}）',
    words: { state: 'state' },
  },
  'contract.other_customer_orders': { en: 'orders of another customer: {orders}', zh: '属于其他客户的订单：{orders}' },
  'contract.not_copied': {
    en: 'a contract is not copied: amend it, or draft a new one from its orders',
    zh: '合同不能复制：请修订，或根据其订单起草新合同',
  },
  'complaint.say_what_changes': { en: 'say what must change in the measures', zh: '请说明措施需要修改的内容' },
  'complaint.no_measure': { en: 'no measure {measure} on {complaint}', zh: '{complaint} 没有措施 {measure}' },
  'complaint.measure_done': { en: 'the measure "{measure}" is already done', zh: '措施“{measure}”已完成' },
  'complaint.measure_owner': {
    en: 'the measure "{measure}" belongs to {role}',
    zh: '措施“{measure}”由{role}负责',
    words: { role: 'roles' },
  },
  'complaint.measures_by_action': {
    en: 'measures are added by the {action} action once the complaint is judged justified',
    zh: '投诉判定成立后，通过“{action}”操作添加措施',
    words: { action: 'action' },
  },
  'complaint.measures_by_actions': {
    en: 'measures change only through the {add} and {complete} actions',
    zh: '措施只能通过“{add}”和“{complete}”操作改变',
    words: { add: 'action', complete: 'action' },
  },
  'complaint.not_copied': { en: 'a complaint is not copied: record the new complaint', zh: '投诉不能复制：请登记新的投诉' },
  'complaint.kept': {
    en: 'a complaint is kept: withdraw it ({role}) or close it through its workflow',
    zh: '投诉不能删除：请撤回（{role}）或通过流程结案',
    words: { role: 'roles' },
  },

  // Statements (src/cash-collection/statement-*.ts, src/domain/statement.ts).
  'statement.changed': { en: 'The statement was changed by someone else meanwhile; reload it.', zh: '对账单已被他人修改，请刷新。' },
  'statement.books_differ': { en: 'The books do not reconcile for this customer: {problems}', zh: '该客户的账目不平：{problems}' },
  'statement.rolled_differs': {
    en: 'opening {opening} + shipped {shipped} − received {received} + reversed {reversed} = {rolled}, not the closing balance {closing}',
    zh: '期初 {opening} + 出货 {shipped} − 收款 {received} + 冲回 {reversed} = {rolled}，与期末余额 {closing} 不符',
  },
  'statement.open_differs': {
    en: 'open items {openItems} − unallocated {unallocated} = {open}, not the closing balance {closing}',
    zh: '未清项 {openItems} − 未核销 {unallocated} = {open}，与期末余额 {closing} 不符',
  },
  'statement.answered': {
    en: 'The statement is {state}: the customer has answered it, issue a new one',
    zh: '对账单处于“{state}”状态：客户已答复，请重新出具',
    words: { state: 'state' },
  },
  'statement.not_written': {
    en: 'a statement is issued with {issue} (the server computes every figure) and sent with {send}; it is never written or changed directly',
    zh: '对账单通过 {issue} 出具（所有数字由系统计算），通过 {send} 发送；不能直接写入或修改',
  },
  'statement.answer': { en: 'must be {confirm} or {dispute}', zh: '须为 {confirm} 或 {dispute}' },
  'statement.dispute_comment': { en: 'say what does not match when disputing the balance', zh: '对余额有异议时请说明不符之处' },
  'statement.period_order': { en: 'must not be after {field}', zh: '不能晚于{field}', words: { field: 'field' } },
  'statement.period_future': {
    en: 'must not be after today ({today}): a statement covers what has happened',
    zh: '不能晚于今天（{today}）：对账单只涵盖已发生的业务',
  },
  'statement.customer_id': { en: 'must be the documentId of a known customer', zh: '须为已有客户的 documentId' },

  // Sales targets, notifications, customer opinions and needs, payments.
  'sales_target.whose': { en: 'a target is for a salesperson or a region', zh: '目标须针对业务员或区域' },
  'sales_target.not_both_whose': {
    en: 'a target is for a salesperson or a region, not both',
    zh: '目标针对业务员或区域，不能同时针对两者',
  },
  'sales_target.not_both_period': { en: 'a target is for a quarter or a month, not both', zh: '目标针对季度或月份，不能同时针对两者' },
  'sales_target.duplicate': { en: 'there is already a target for {period}', zh: '{period} 已有目标' },
  'notification.server_only': { en: 'notifications are created by the server only', zh: '通知只能由系统创建' },
  'notification.retry_failed_only': {
    en: 'only a failed notification can be retried (set back to pending)',
    zh: '只有发送失败的通知可以重试（重新设为待发送）',
  },
  'notification.retry_state': {
    en: 'only a failed notification can be retried; this one is {state}',
    zh: '只有发送失败的通知可以重试；该通知为“{state}”',
  },
  'customer_opinion.kept': {
    en: 'a customer opinion is kept as it was recorded: record a new one instead',
    zh: '客户意见按记录原样保留：请登记新的意见',
  },
  'customer_opinion.server_source': {
    en: "{source} opinions are recorded from the customer's own answer, not by hand",
    zh: '“{source}”类意见来自客户本人的答复，不能手工登记',
  },
  'customer_need.kept': { en: 'this need is {status}: it is kept as it ended', zh: '该需求已“{status}”：按结束时的状态保留' },
  'payment.clerk_only': { en: 'Only the sales clerk allocates and reverses payments', zh: '只有销售统计文员可以核销和冲销收款' },
  // Staff mail preferences (src/domain/mail-preferences.ts, GET/PUT /api/my-work/mail-preferences).
  'mail_preferences.not_object': {
    en: 'send an object naming kinds of mail ({kinds}), each with {deliveries}',
    zh: '请发送一个对象，为邮件类别（{kinds}）各选择 {deliveries}',
  },
  'mail_preferences.unknown_kind': {
    en: 'there is no kind of mail "{kind}"; the kinds are {kinds}',
    zh: '没有“{kind}”这种邮件类别；类别有 {kinds}',
  },
  'mail_preferences.unknown_delivery': {
    en: 'mail of kind "{kind}" is sent {deliveries}',
    zh: '“{kind}”类邮件只能选择 {deliveries}',
  },
  'mail_preferences.no_account': {
    en: 'mail preferences belong to a staff account; this login has none',
    zh: '邮件偏好属于员工账号，当前登录没有对应的员工账号',
  },
  'mail_preferences.own_only': {
    en: "mail preferences are each person's own: they set them under My work, nobody else does",
    zh: '邮件偏好只能由本人在“我的待办”中设置，他人不能代为更改',
  },
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

export const isWorded = (value: unknown): value is Worded =>
  typeof value === 'object' && value !== null && typeof (value as Worded).en === 'string' && typeof (value as Worded).zh === 'string';

export const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as Message).code === 'string' && (value as Message).code in MESSAGES;
