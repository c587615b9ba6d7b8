/**
 * E-mail templates per event, in Chinese and English, and their rendering. Templates are Mustache
 * (logic-less: data is only ever inserted, never run); in the HTML part every value is HTML-escaped,
 * in the subject and text part nothing is escaped because nothing there is markup. Who reads each
 * template, staff or the customer, is a table (`TEMPLATE_READERS`): a staff mail ends with the link
 * to its record in the admin panel, a customer mail never does.
 */
import Mustache from 'mustache';

export const MAIL_LOCALES = ['zh-CN', 'en'] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];

export interface MailTemplate {
  subject: string;
  text: string;
  /** The body inside the common HTML layout. */
  html: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export const TEMPLATES = {
  'customer.credit-hold': {
    'zh-CN': {
      subject: '信用冻结：{{customer.code}} {{customer.name}}',
      text:
        '您负责的客户 {{customer.name}}（{{customer.code}}）已被信用冻结。\n原因：{{reason}}\n\n' +
        '冻结期间新订单不能出货，请尽快跟进货款。',
      html:
        '<p>您负责的客户 <strong>{{customer.name}}</strong>（{{customer.code}}）已被信用冻结。</p>' +
        '<p>原因：{{reason}}</p><p>冻结期间新订单不能出货，请尽快跟进货款。</p>',
    },
    en: {
      subject: 'Credit hold: {{customer.code}} {{customer.name}}',
      text:
        'Your customer {{customer.name}} ({{customer.code}}) has been put on credit hold.\nReason: {{reason}}\n\n' +
        'New orders cannot ship while the hold lasts; please follow up on payment.',
      html:
        '<p>Your customer <strong>{{customer.name}}</strong> ({{customer.code}}) has been put on credit hold.</p>' +
        '<p>Reason: {{reason}}</p><p>New orders cannot ship while the hold lasts; please follow up on payment.</p>',
    },
  },
  'contract.submitted': {
    'zh-CN': {
      subject: '合同评审：{{contract.number}} 第{{contract.revision}}版 {{customer.name}}',
      text:
        '合同 {{contract.number}}（第{{contract.revision}}版，客户 {{customer.name}}，金额 {{contract.totalText}}，' +
        '交货期 {{contract.deliveryDate}}）已提交评审，请给出您的评审意见。',
      html:
        '<p>合同 <strong>{{contract.number}}</strong>（第{{contract.revision}}版，客户 {{customer.name}}，' +
        '金额 {{contract.totalText}}，交货期 {{contract.deliveryDate}}）已提交评审，请给出您的评审意见。</p>',
    },
    en: {
      subject: 'Contract review: {{contract.number}} rev. {{contract.revision}} {{customer.name}}',
      text:
        'Contract {{contract.number}} (revision {{contract.revision}}, customer {{customer.name}}, {{contract.totalText}}, ' +
        'delivery {{contract.deliveryDate}}) has been submitted for review. Please give your opinion.',
      html:
        '<p>Contract <strong>{{contract.number}}</strong> (revision {{contract.revision}}, customer {{customer.name}}, ' +
        '{{contract.totalText}}, delivery {{contract.deliveryDate}}) has been submitted for review. Please give your opinion.</p>',
    },
  },
  'contract.reviewed': {
    'zh-CN': {
      subject: '合同评审结果：{{contract.number}} 第{{contract.revision}}版 {{contract.stateLabel.zh}}',
      text:
        '合同 {{contract.number}}（第{{contract.revision}}版，客户 {{customer.name}}）评审完成，结果：{{contract.stateLabel.zh}}。\n' +
        '{{#opinions}}- {{roleLabel.zh}}：{{verdictLabel.zh}} {{comment}}\n{{/opinions}}',
      html:
        '<p>合同 <strong>{{contract.number}}</strong>（第{{contract.revision}}版，客户 {{customer.name}}）评审完成，结果：{{contract.stateLabel.zh}}。</p>' +
        '<ul>{{#opinions}}<li>{{roleLabel.zh}}：{{verdictLabel.zh}} {{comment}}</li>{{/opinions}}</ul>',
    },
    en: {
      subject: 'Contract reviewed: {{contract.number}} rev. {{contract.revision}} {{contract.stateLabel.en}}',
      text:
        'The review of contract {{contract.number}} (revision {{contract.revision}}, customer {{customer.name}}) is complete: {{contract.stateLabel.en}}.\n' +
        '{{#opinions}}- {{roleLabel.en}}: {{verdictLabel.en}} {{comment}}\n{{/opinions}}',
      html:
        '<p>The review of contract <strong>{{contract.number}}</strong> (revision {{contract.revision}}, customer {{customer.name}}) ' +
        'is complete: {{contract.stateLabel.en}}.</p><ul>{{#opinions}}<li>{{roleLabel.en}}: {{verdictLabel.en}} {{comment}}</li>{{/opinions}}</ul>',
    },
  },
  'contract.termination-proposed': {
    'zh-CN': {
      subject: '建议终止合同：{{contract.number}} {{customer.name}}',
      text:
        '合同 {{contract.number}}（第{{contract.revision}}版，客户 {{customer.name}}，金额 {{contract.totalText}}）' +
        '评审中有人建议终止，请决定终止或退回评审。\n{{#opinions}}- {{roleLabel.zh}}：{{verdictLabel.zh}} {{comment}}\n{{/opinions}}',
      html:
        '<p>合同 <strong>{{contract.number}}</strong>（第{{contract.revision}}版，客户 {{customer.name}}，金额 {{contract.totalText}}）' +
        '评审中有人建议终止，请决定终止或退回评审。</p><ul>{{#opinions}}<li>{{roleLabel.zh}}：{{verdictLabel.zh}} {{comment}}</li>{{/opinions}}</ul>',
    },
    en: {
      subject: 'Termination proposed: contract {{contract.number}} {{customer.name}}',
      text:
        'A reviewer recommends terminating contract {{contract.number}} (revision {{contract.revision}}, customer {{customer.name}}, ' +
        '{{contract.totalText}}). Please decide: terminate, or return it to review.\n{{#opinions}}- {{roleLabel.en}}: {{verdictLabel.en}} {{comment}}\n{{/opinions}}',
      html:
        '<p>A reviewer recommends terminating contract <strong>{{contract.number}}</strong> (revision {{contract.revision}}, customer {{customer.name}}, ' +
        '{{contract.totalText}}). Please decide: terminate, or return it to review.</p>' +
        '<ul>{{#opinions}}<li>{{roleLabel.en}}: {{verdictLabel.en}} {{comment}}</li>{{/opinions}}</ul>',
    },
  },
  'contract.reply': {
    'zh-CN': {
      subject: '合同评审回复：{{contract.number}}',
      text: '{{customer.name}}：\n\n关于合同 {{contract.number}}（第{{contract.revision}}版）：\n\n{{contract.reply}}',
      html: '<p>{{customer.name}}：</p><p>关于合同 <strong>{{contract.number}}</strong>（第{{contract.revision}}版）：</p><p style="white-space: pre-line">{{contract.reply}}</p>',
    },
    en: {
      subject: 'Contract review reply: {{contract.number}}',
      text: 'Dear {{customer.name}},\n\nRegarding contract {{contract.number}} (revision {{contract.revision}}):\n\n{{contract.reply}}',
      html: '<p>Dear {{customer.name}},</p><p>Regarding contract <strong>{{contract.number}}</strong> (revision {{contract.revision}}):</p><p style="white-space: pre-line">{{contract.reply}}</p>',
    },
  },
  'complaint.received': {
    'zh-CN': {
      subject: '新投诉：{{complaint.number}} {{customer.name}}（{{complaint.severityLabel.zh}}）',
      text: '收到客户 {{customer.name}} 的投诉 {{complaint.number}}（类别 {{complaint.categoryLabel.zh}}，严重度 {{complaint.severityLabel.zh}}）：\n{{complaint.description}}\n\n请在 {{complaint.dueAt}} 前与客户确认事实。',
      html: '<p>收到客户 {{customer.name}} 的投诉 {{complaint.number}}（类别 {{complaint.categoryLabel.zh}}，严重度 {{complaint.severityLabel.zh}}）：<br>{{complaint.description}}</p><p>请在 {{complaint.dueAt}} 前与客户确认事实。</p>',
    },
    en: {
      subject: 'New complaint: {{complaint.number}} {{customer.name}} ({{complaint.severityLabel.en}})',
      text: 'Customer {{customer.name}} complained ({{complaint.number}}, category {{complaint.categoryLabel.en}}, severity {{complaint.severityLabel.en}}):\n{{complaint.description}}\n\nConfirm the facts with the customer by {{complaint.dueAt}}.',
      html: '<p>Customer {{customer.name}} complained ({{complaint.number}}, category {{complaint.categoryLabel.en}}, severity {{complaint.severityLabel.en}}):<br>{{complaint.description}}</p><p>Confirm the facts with the customer by {{complaint.dueAt}}.</p>',
    },
  },
  'complaint.assigned': {
    'zh-CN': {
      subject: '投诉待分析：{{complaint.number}} {{customer.name}}',
      text: '投诉 {{complaint.number}}（客户 {{customer.name}}，严重度 {{complaint.severityLabel.zh}}）已交品质分析原因并判定是否成立，期限 {{complaint.dueAt}}。\n{{complaint.description}}',
      html: '<p>投诉 {{complaint.number}}（客户 {{customer.name}}，严重度 {{complaint.severityLabel.zh}}）已交品质分析原因并判定是否成立，期限 {{complaint.dueAt}}。<br>{{complaint.description}}</p>',
    },
    en: {
      subject: 'Complaint to analyse: {{complaint.number}} {{customer.name}}',
      text: 'Complaint {{complaint.number}} (customer {{customer.name}}, severity {{complaint.severityLabel.en}}) is yours to analyse and judge by {{complaint.dueAt}}.\n{{complaint.description}}',
      html: '<p>Complaint {{complaint.number}} (customer {{customer.name}}, severity {{complaint.severityLabel.en}}) is yours to analyse and judge by {{complaint.dueAt}}.<br>{{complaint.description}}</p>',
    },
  },
  'complaint.measures-review': {
    'zh-CN': {
      subject: '处理措施评审：{{complaint.number}}',
      text: '投诉 {{complaint.number}}（客户 {{customer.name}}，严重度 {{complaint.severityLabel.zh}}）的处理措施请评审，期限 {{complaint.dueAt}}。',
      html: '<p>投诉 {{complaint.number}}（客户 {{customer.name}}，严重度 {{complaint.severityLabel.zh}}）的处理措施请评审，期限 {{complaint.dueAt}}。</p>',
    },
    en: {
      subject: 'Measures to review: complaint {{complaint.number}}',
      text: 'Please review the measures of complaint {{complaint.number}} (customer {{customer.name}}, severity {{complaint.severityLabel.en}}) by {{complaint.dueAt}}.',
      html: '<p>Please review the measures of complaint {{complaint.number}} (customer {{customer.name}}, severity {{complaint.severityLabel.en}}) by {{complaint.dueAt}}.</p>',
    },
  },
  'complaint.measure-assigned': {
    'zh-CN': {
      subject: '投诉处理措施：{{complaint.number}}',
      text: '投诉 {{complaint.number}}（客户 {{customer.name}}）的一项处理措施由您负责，完成期限 {{measure.dueDate}}：\n{{measure.description}}',
      html: '<p>投诉 {{complaint.number}}（客户 {{customer.name}}）的一项处理措施由您负责，完成期限 {{measure.dueDate}}：<br>{{measure.description}}</p>',
    },
    en: {
      subject: 'Complaint measure for you: {{complaint.number}}',
      text: 'A measure of complaint {{complaint.number}} (customer {{customer.name}}) is yours, due {{measure.dueDate}}:\n{{measure.description}}',
      html: '<p>A measure of complaint {{complaint.number}} (customer {{customer.name}}) is yours, due {{measure.dueDate}}:<br>{{measure.description}}</p>',
    },
  },
  'complaint.verify': {
    'zh-CN': {
      subject: '措施有效性验证：{{complaint.number}}',
      text: '投诉 {{complaint.number}} 的处理措施均已完成，请验证其有效性，期限 {{complaint.dueAt}}。',
      html: '<p>投诉 {{complaint.number}} 的处理措施均已完成，请验证其有效性，期限 {{complaint.dueAt}}。</p>',
    },
    en: {
      subject: 'Verify the measures: complaint {{complaint.number}}',
      text: 'All measures of complaint {{complaint.number}} are done. Please verify their effectiveness by {{complaint.dueAt}}.',
      html: '<p>All measures of complaint {{complaint.number}} are done. Please verify their effectiveness by {{complaint.dueAt}}.</p>',
    },
  },
  'complaint.reply': {
    'zh-CN': {
      subject: '关于您的投诉 {{complaint.number}} 的答复',
      text: '{{customer.name}}：\n\n关于您的投诉 {{complaint.number}}：\n\n{{complaint.reply}}\n\n请通过以下链接告诉我们您是否满意：\n{{feedbackLink}}',
      html: '<p>{{customer.name}}：</p><p>关于您的投诉 {{complaint.number}}：</p><p>{{complaint.reply}}</p><p>请通过以下链接告诉我们您是否满意：<br><a href="{{feedbackLink}}">{{feedbackLink}}</a></p>',
    },
    en: {
      subject: 'Our reply to your complaint {{complaint.number}}',
      text: 'Dear {{customer.name}},\n\nRegarding your complaint {{complaint.number}}:\n\n{{complaint.reply}}\n\nPlease tell us whether you are satisfied:\n{{feedbackLink}}',
      html: '<p>Dear {{customer.name}},</p><p>Regarding your complaint {{complaint.number}}:</p><p>{{complaint.reply}}</p><p>Please tell us whether you are satisfied:<br><a href="{{feedbackLink}}">{{feedbackLink}}</a></p>',
    },
  },
  'complaint.overdue': {
    'zh-CN': {
      subject: '投诉逾期：{{complaint.number}} {{complaint.stateLabel.zh}}',
      text: '投诉 {{complaint.number}}（客户 {{customer.name}}，严重度 {{complaint.severityLabel.zh}}）在“{{complaint.stateLabel.zh}}”阶段已超过期限 {{complaint.dueAt}}，请跟进。',
      html: '<p>投诉 {{complaint.number}}（客户 {{customer.name}}，严重度 {{complaint.severityLabel.zh}}）在“{{complaint.stateLabel.zh}}”阶段已超过期限 {{complaint.dueAt}}，请跟进。</p>',
    },
    en: {
      subject: 'Complaint overdue: {{complaint.number}} {{complaint.stateLabel.en}}',
      text: 'Complaint {{complaint.number}} (customer {{customer.name}}, severity {{complaint.severityLabel.en}}) is past its deadline {{complaint.dueAt}} in "{{complaint.stateLabel.en}}". Please follow up.',
      html: '<p>Complaint {{complaint.number}} (customer {{customer.name}}, severity {{complaint.severityLabel.en}}) is past its deadline {{complaint.dueAt}} in "{{complaint.stateLabel.en}}". Please follow up.</p>',
    },
  },
  'order.scheduled': {
    'zh-CN': {
      subject: '订单交期确认：{{order.number}}',
      text: '{{customer.name}}：\n\n您的订单 {{order.number}} 已排产：计划 {{order.plannedStart}} 开始生产，{{order.plannedFinish}} 完成，承诺交货日期 {{order.promisedDate}}。',
      html: '<p>{{customer.name}}：</p><p>您的订单 <strong>{{order.number}}</strong> 已排产：计划 {{order.plannedStart}} 开始生产，{{order.plannedFinish}} 完成，承诺交货日期 <strong>{{order.promisedDate}}</strong>。</p>',
    },
    en: {
      subject: 'Order scheduled: {{order.number}}',
      text: 'Dear {{customer.name}},\n\nYour order {{order.number}} is scheduled: production from {{order.plannedStart}} to {{order.plannedFinish}}, delivery promised for {{order.promisedDate}}.',
      html: '<p>Dear {{customer.name}},</p><p>Your order <strong>{{order.number}}</strong> is scheduled: production from {{order.plannedStart}} to {{order.plannedFinish}}, delivery promised for <strong>{{order.promisedDate}}</strong>.</p>',
    },
  },
  'order.promise-moved': {
    'zh-CN': {
      subject: '订单交期变更：{{order.number}}',
      text: '{{customer.name}}：\n\n您的订单 {{order.number}} 的交货日期由 {{previousPromisedDate}} 变更为 {{promisedDate}}。\n原因：{{reason}}\n\n给您带来不便，敬请谅解。',
      html: '<p>{{customer.name}}：</p><p>您的订单 <strong>{{order.number}}</strong> 的交货日期由 {{previousPromisedDate}} 变更为 <strong>{{promisedDate}}</strong>。</p><p>原因：{{reason}}</p><p>给您带来不便，敬请谅解。</p>',
    },
    en: {
      subject: 'New delivery date for order {{order.number}}',
      text: 'Dear {{customer.name}},\n\nThe delivery date of your order {{order.number}} moves from {{previousPromisedDate}} to {{promisedDate}}.\nReason: {{reason}}\n\nWe apologise for the inconvenience.',
      html: '<p>Dear {{customer.name}},</p><p>The delivery date of your order <strong>{{order.number}}</strong> moves from {{previousPromisedDate}} to <strong>{{promisedDate}}</strong>.</p><p>Reason: {{reason}}</p><p>We apologise for the inconvenience.</p>',
    },
  },
  'order.problem': {
    'zh-CN': {
      subject: '订单跟进问题：{{order.number}} {{customer.name}}',
      text: '订单 {{order.number}}（客户 {{customer.name}}，{{order.stateLabel.zh}}）跟进中出现问题，请处理：\n{{note.comment}}',
      html: '<p>订单 <strong>{{order.number}}</strong>（客户 {{customer.name}}，{{order.stateLabel.zh}}）跟进中出现问题，请处理：</p><p>{{note.comment}}</p>',
    },
    en: {
      subject: 'Order problem: {{order.number}} {{customer.name}}',
      text: 'Order {{order.number}} (customer {{customer.name}}, {{order.stateLabel.en}}) has a problem that needs you:\n{{note.comment}}',
      html: '<p>Order <strong>{{order.number}}</strong> (customer {{customer.name}}, {{order.stateLabel.en}}) has a problem that needs you:</p><p>{{note.comment}}</p>',
    },
  },
  'shipment.shipped': {
    'zh-CN': {
      subject: '出货通知：{{shipment.number}}（订单 {{order.number}}）',
      text: '{{customer.name}}：\n\n订单 {{order.number}} 的货物已于今日发出，出货单 {{shipment.number}} 见附件，请注意查收。',
      html: '<p>{{customer.name}}：</p><p>订单 <strong>{{order.number}}</strong> 的货物已于今日发出，出货单 {{shipment.number}} 见附件，请注意查收。</p>',
    },
    en: {
      subject: 'Shipped: {{shipment.number}} (order {{order.number}})',
      text: 'Dear {{customer.name}},\n\nThe goods of order {{order.number}} left today. The delivery note {{shipment.number}} is attached.',
      html: '<p>Dear {{customer.name}},</p><p>The goods of order <strong>{{order.number}}</strong> left today. The delivery note {{shipment.number}} is attached.</p>',
    },
  },
  'statement.sent': {
    'zh-CN': {
      subject: '对账单 {{statement.number}}（{{statement.periodFrom}} 至 {{statement.periodTo}}）请确认',
      text:
        '{{customer.name}}：\n\n附件是贵司 {{statement.periodFrom}} 至 {{statement.periodTo}} 的对账单 {{statement.number}}。' +
        '期末余额：{{statement.closingBalanceText}}。\n\n请核对后通过以下链接确认余额，或填写异议（链接 {{linkDays}} 天内有效，仅可使用一次）：\n{{link}}',
      html:
        '<p>{{customer.name}}：</p><p>附件是贵司 {{statement.periodFrom}} 至 {{statement.periodTo}} 的对账单 <strong>{{statement.number}}</strong>。' +
        '期末余额：<strong>{{statement.closingBalanceText}}</strong>。</p>' +
        '<p>请核对后通过以下链接确认余额，或填写异议（链接 {{linkDays}} 天内有效，仅可使用一次）：<br><a href="{{link}}">{{link}}</a></p>',
    },
    en: {
      subject: 'Statement {{statement.number}} ({{statement.periodFrom}} to {{statement.periodTo}}): please confirm',
      text:
        'Dear {{customer.name}},\n\nAttached is your statement {{statement.number}} for {{statement.periodFrom}} to {{statement.periodTo}}. ' +
        'Closing balance: {{statement.closingBalanceText}}.\n\nPlease confirm the balance or tell us what does not match ' +
        '(the link works once, for {{linkDays}} days):\n{{link}}',
      html:
        '<p>Dear {{customer.name}},</p><p>Attached is your statement <strong>{{statement.number}}</strong> for {{statement.periodFrom}} to ' +
        '{{statement.periodTo}}. Closing balance: <strong>{{statement.closingBalanceText}}</strong>.</p>' +
        '<p>Please confirm the balance or tell us what does not match (the link works once, for {{linkDays}} days):<br><a href="{{link}}">{{link}}</a></p>',
    },
  },
  'statement.disputed': {
    'zh-CN': {
      subject: '对账异议：{{statement.number}} {{customer.code}} {{customer.name}}',
      text:
        '客户 {{customer.name}}（{{customer.code}}）对对账单 {{statement.number}}（{{statement.periodFrom}} 至 {{statement.periodTo}}，' +
        '期末余额 {{statement.closingBalanceText}}）提出异议：\n{{statement.comment}}\n\n请核实并联系客户。',
      html:
        '<p>客户 <strong>{{customer.name}}</strong>（{{customer.code}}）对对账单 <strong>{{statement.number}}</strong>（{{statement.periodFrom}} 至 ' +
        '{{statement.periodTo}}，期末余额 {{statement.closingBalanceText}}）提出异议：</p><p>{{statement.comment}}</p><p>请核实并联系客户。</p>',
    },
    en: {
      subject: 'Statement disputed: {{statement.number}} {{customer.code}} {{customer.name}}',
      text:
        'Customer {{customer.name}} ({{customer.code}}) disputes statement {{statement.number}} ({{statement.periodFrom}} to {{statement.periodTo}}, ' +
        'closing balance {{statement.closingBalanceText}}):\n{{statement.comment}}\n\nPlease check and contact the customer.',
      html:
        '<p>Customer <strong>{{customer.name}}</strong> ({{customer.code}}) disputes statement <strong>{{statement.number}}</strong> ' +
        '({{statement.periodFrom}} to {{statement.periodTo}}, closing balance {{statement.closingBalanceText}}):</p>' +
        '<p>{{statement.comment}}</p><p>Please check and contact the customer.</p>',
    },
  },
  // Dunning (src/jobs/collection-dunning.ts): to the salesperson (and copied roles) per overdue item and level.
  'collection.dunning-reminder': {
    'zh-CN': {
      subject: '催款提醒（第{{level}}级）：{{customer.name}} {{receivable.order}} 逾期{{daysPastDue}}天',
      text:
        '客户 {{customer.name}}（{{customer.code}}）订单 {{receivable.order}}（出货单 {{receivable.shipment}}）的应收款已逾期 {{daysPastDue}} 天。\n' +
        '开票日期 {{receivable.invoiceDate}}，到期日 {{receivable.dueDate}}，未收金额 {{receivable.openAmountText}}（应收 {{receivable.amountText}}）。\n\n' +
        '请尽快跟进回款。这是第 {{level}} 级（共 {{levels}} 级）提醒。',
      html:
        '<p>客户 <strong>{{customer.name}}</strong>（{{customer.code}}）订单 {{receivable.order}}（出货单 {{receivable.shipment}}）的应收款已逾期 <strong>{{daysPastDue}}</strong> 天。</p>' +
        '<p>开票日期 {{receivable.invoiceDate}}，到期日 {{receivable.dueDate}}，未收金额 <strong>{{receivable.openAmountText}}</strong>（应收 {{receivable.amountText}}）。</p>' +
        '<p>请尽快跟进回款。这是第 {{level}} 级（共 {{levels}} 级）提醒。</p>',
    },
    en: {
      subject: 'Payment reminder (level {{level}}): {{customer.name}} {{receivable.order}} {{daysPastDue}} days overdue',
      text:
        'The receivable of {{customer.name}} ({{customer.code}}) for order {{receivable.order}} (shipment {{receivable.shipment}}) is {{daysPastDue}} days overdue.\n' +
        'Invoiced {{receivable.invoiceDate}}, due {{receivable.dueDate}}, open {{receivable.openAmountText}} of {{receivable.amountText}}.\n\n' +
        'Please follow up on payment. This is reminder level {{level}} of {{levels}}.',
      html:
        '<p>The receivable of <strong>{{customer.name}}</strong> ({{customer.code}}) for order {{receivable.order}} (shipment {{receivable.shipment}}) is <strong>{{daysPastDue}}</strong> days overdue.</p>' +
        '<p>Invoiced {{receivable.invoiceDate}}, due {{receivable.dueDate}}, open <strong>{{receivable.openAmountText}}</strong> of {{receivable.amountText}}.</p>' +
        '<p>Please follow up on payment. This is reminder level {{level}} of {{levels}}.</p>',
    },
  },
  // Dunning: to the customer's contact, from the configured level on, in the customer's language.
  'collection.dunning-customer': {
    'zh-CN': {
      subject: '付款提醒：订单 {{receivable.order}} 货款已逾期',
      text:
        '{{customer.name}}：\n\n贵司订单 {{receivable.order}}（出货单 {{receivable.shipment}}）的货款 {{receivable.openAmountText}} ' +
        '已于 {{receivable.dueDate}} 到期，至今逾期 {{daysPastDue}} 天。请尽快安排付款；如已付款，请忽略本提醒并告知我们付款信息。',
      html:
        '<p>{{customer.name}}：</p><p>贵司订单 <strong>{{receivable.order}}</strong>（出货单 {{receivable.shipment}}）的货款 <strong>{{receivable.openAmountText}}</strong> ' +
        '已于 {{receivable.dueDate}} 到期，至今逾期 {{daysPastDue}} 天。</p><p>请尽快安排付款；如已付款，请忽略本提醒并告知我们付款信息。</p>',
    },
    en: {
      subject: 'Payment reminder: order {{receivable.order}} is overdue',
      text:
        'Dear {{customer.name}},\n\nThe payment of {{receivable.openAmountText}} for order {{receivable.order}} (shipment {{receivable.shipment}}) ' +
        'was due on {{receivable.dueDate}} and is now {{daysPastDue}} days overdue. Please arrange payment; if you have already paid, please send us the payment details.',
      html:
        '<p>Dear {{customer.name}},</p><p>The payment of <strong>{{receivable.openAmountText}}</strong> for order <strong>{{receivable.order}}</strong> (shipment {{receivable.shipment}}) ' +
        'was due on {{receivable.dueDate}} and is now {{daysPastDue}} days overdue.</p><p>Please arrange payment; if you have already paid, please send us the payment details.</p>',
    },
  },
  // The weekly overdue-payment report (滞纳货款报表) to the sales managers, with the XLSX attached.
  'collection.overdue-report': {
    'zh-CN': {
      subject: '滞纳货款报表 {{week}}（截至 {{asOf}}）',
      text:
        '截至 {{asOf}} 的滞纳货款（明细见附件 Excel）：\n' +
        '{{#nothingOverdue}}没有逾期的应收款。\n{{/nothingOverdue}}' +
        '{{#totals}}逾期合计 {{overdueText}}，{{customers}} 家客户（{{#buckets}}{{zh}} {{amountText}}；{{/buckets}}）\n{{/totals}}' +
        '{{#top.length}}\n逾期金额最多的客户：\n{{/top.length}}{{#top}}- {{customer}}（业务员 {{salesperson}}）：{{overdueText}}\n{{/top}}',
      html:
        '<p>截至 {{asOf}} 的滞纳货款（明细见附件 Excel）：</p>' +
        '{{#nothingOverdue}}<p>没有逾期的应收款。</p>{{/nothingOverdue}}' +
        '<ul>{{#totals}}<li>逾期合计 <strong>{{overdueText}}</strong>，{{customers}} 家客户（{{#buckets}}{{zh}} {{amountText}}；{{/buckets}}）</li>{{/totals}}</ul>' +
        '{{#top.length}}<p>逾期金额最多的客户：</p>{{/top.length}}<ul>{{#top}}<li>{{customer}}（业务员 {{salesperson}}）：{{overdueText}}</li>{{/top}}</ul>',
    },
    en: {
      subject: 'Overdue payments {{week}} (as of {{asOf}})',
      text:
        'Overdue payments as of {{asOf}} (details in the attached workbook):\n' +
        '{{#nothingOverdue}}Nothing is overdue.\n{{/nothingOverdue}}' +
        '{{#totals}}{{overdueText}} overdue, {{customers}} customers ({{#buckets}}{{en}} {{amountText}}; {{/buckets}})\n{{/totals}}' +
        '{{#top.length}}\nLargest overdue customers:\n{{/top.length}}{{#top}}- {{customer}} (salesperson {{salesperson}}): {{overdueText}}\n{{/top}}',
      html:
        '<p>Overdue payments as of {{asOf}} (details in the attached workbook):</p>' +
        '{{#nothingOverdue}}<p>Nothing is overdue.</p>{{/nothingOverdue}}' +
        '<ul>{{#totals}}<li><strong>{{overdueText}}</strong> overdue, {{customers}} customers ({{#buckets}}{{en}} {{amountText}}; {{/buckets}})</li>{{/totals}}</ul>' +
        '{{#top.length}}<p>Largest overdue customers:</p>{{/top.length}}<ul>{{#top}}<li>{{customer}} (salesperson {{salesperson}}): {{overdueText}}</li>{{/top}}</ul>',
    },
  },
  // The daily late-order mail (进度交期跟踪) to the order coordinators and CS supervisors: the risks new since the last one.
  'order.late-digest': {
    'zh-CN': {
      subject: '延期订单：新增 {{count}} 个（{{asOf}}）',
      text:
        '截至 {{asOf}} 新增的延期或有交期风险的订单（当前完整清单共 {{total}} 个，见附件 Excel）：\n' +
        '{{#orders}}- {{number}} {{customer}}（{{stateZh}}）：承诺交期 {{promisedDate}}，计划完工 {{plannedFinish}}，要求交期 {{requiredDate}}，未发 {{openQuantity}}；{{reasonsZh}}\n{{/orders}}',
      html:
        '<p>截至 {{asOf}} 新增的延期或有交期风险的订单（当前完整清单共 {{total}} 个，见附件 Excel）：</p>' +
        '<ul>{{#orders}}<li><strong>{{number}}</strong> {{customer}}（{{stateZh}}）：承诺交期 {{promisedDate}}，计划完工 {{plannedFinish}}，要求交期 {{requiredDate}}，未发 {{openQuantity}}；{{reasonsZh}}</li>{{/orders}}</ul>',
    },
    en: {
      subject: 'Late orders: {{count}} new ({{asOf}})',
      text:
        'Orders late or at risk, new as of {{asOf}} (the whole current list, {{total}} orders, is in the attached workbook):\n' +
        '{{#orders}}- {{number}} {{customer}} ({{stateEn}}): promised {{promisedDate}}, planned finish {{plannedFinish}}, required {{requiredDate}}, open {{openQuantity}}; {{reasonsEn}}\n{{/orders}}',
      html:
        '<p>Orders late or at risk, new as of {{asOf}} (the whole current list, {{total}} orders, is in the attached workbook):</p>' +
        '<ul>{{#orders}}<li><strong>{{number}}</strong> {{customer}} ({{stateEn}}): promised {{promisedDate}}, planned finish {{plannedFinish}}, required {{requiredDate}}, open {{openQuantity}}; {{reasonsEn}}</li>{{/orders}}</ul>',
    },
  },
  // Work assignment (工作安排): the assignee hears of a task, its reopening and cancellation; the
  // assigner of its completion and, once, of its being overdue.
  'task.assigned': {
    'zh-CN': {
      subject: '工作安排：{{task.title}}（{{task.dueDate}} 前）',
      text: '{{assigner}} 给您布置了一项工作（优先级：{{task.priorityLabel.zh}}），请在 {{task.dueDate}} 前完成：\n\n{{task.title}}\n{{task.details}}',
      html: '<p>{{assigner}} 给您布置了一项工作（优先级：{{task.priorityLabel.zh}}），请在 <strong>{{task.dueDate}}</strong> 前完成：</p><p><strong>{{task.title}}</strong></p><p>{{task.details}}</p>',
    },
    en: {
      subject: 'Task: {{task.title}} (due {{task.dueDate}})',
      text: '{{assigner}} has given you a task (priority: {{task.priorityLabel.en}}), due {{task.dueDate}}:\n\n{{task.title}}\n{{task.details}}',
      html: '<p>{{assigner}} has given you a task (priority: {{task.priorityLabel.en}}), due <strong>{{task.dueDate}}</strong>:</p><p><strong>{{task.title}}</strong></p><p>{{task.details}}</p>',
    },
  },
  'task.done': {
    'zh-CN': {
      subject: '工作已完成，请验收：{{task.title}}',
      text: '{{assignee}} 已完成工作“{{task.title}}”，请验收或退回。\n完成情况：{{comment}}',
      html: '<p>{{assignee}} 已完成工作“<strong>{{task.title}}</strong>”，请验收或退回。</p><p>完成情况：{{comment}}</p>',
    },
    en: {
      subject: 'Task done, to verify: {{task.title}}',
      text: '{{assignee}} has completed "{{task.title}}". Please verify it or reopen it.\nWhat was done: {{comment}}',
      html: '<p>{{assignee}} has completed "<strong>{{task.title}}</strong>". Please verify it or reopen it.</p><p>What was done: {{comment}}</p>',
    },
  },
  'task.reopened': {
    'zh-CN': {
      subject: '工作被退回：{{task.title}}',
      text: '{{assigner}} 退回了工作“{{task.title}}”（{{task.dueDate}} 前完成）。\n原因：{{comment}}',
      html: '<p>{{assigner}} 退回了工作“<strong>{{task.title}}</strong>”（{{task.dueDate}} 前完成）。</p><p>原因：{{comment}}</p>',
    },
    en: {
      subject: 'Task reopened: {{task.title}}',
      text: '{{assigner}} has reopened "{{task.title}}" (due {{task.dueDate}}).\nReason: {{comment}}',
      html: '<p>{{assigner}} has reopened "<strong>{{task.title}}</strong>" (due {{task.dueDate}}).</p><p>Reason: {{comment}}</p>',
    },
  },
  'task.cancelled': {
    'zh-CN': {
      subject: '工作已撤销：{{task.title}}',
      text: '{{assigner}} 撤销了工作“{{task.title}}”，无需再做。\n原因：{{comment}}',
      html: '<p>{{assigner}} 撤销了工作“<strong>{{task.title}}</strong>”，无需再做。</p><p>原因：{{comment}}</p>',
    },
    en: {
      subject: 'Task cancelled: {{task.title}}',
      text: '{{assigner}} has cancelled "{{task.title}}"; it need not be done.\nReason: {{comment}}',
      html: '<p>{{assigner}} has cancelled "<strong>{{task.title}}</strong>"; it need not be done.</p><p>Reason: {{comment}}</p>',
    },
  },
  'task.overdue': {
    'zh-CN': {
      subject: '工作逾期：{{task.title}}（{{assignee}}）',
      text: '您布置给 {{assignee}} 的工作“{{task.title}}”已过期限 {{task.dueDate}}，状态：{{task.stateLabel.zh}}，请跟进。',
      html: '<p>您布置给 {{assignee}} 的工作“<strong>{{task.title}}</strong>”已过期限 {{task.dueDate}}，状态：{{task.stateLabel.zh}}，请跟进。</p>',
    },
    en: {
      subject: 'Task overdue: {{task.title}} ({{assignee}})',
      text: 'The task "{{task.title}}" you gave {{assignee}} is past its due day {{task.dueDate}} ({{task.stateLabel.en}}). Please follow up.',
      html: '<p>The task "<strong>{{task.title}}</strong>" you gave {{assignee}} is past its due day {{task.dueDate}} ({{task.stateLabel.en}}). Please follow up.</p>',
    },
  },
  // The daily digest (每日汇总): a person's mails kept for it since the last one and their overdue work, each with its link;
  // in the text, `gap` is the blank line between the two (a line of section tags alone would be dropped).
  'staff.digest': {
    'zh-CN': {
      subject: '每日汇总 {{day}}：新消息 {{items.length}} 条，逾期待办 {{overdue.length}} 项',
      text:
        '{{#items.length}}自上次汇总以来的新消息：\n{{/items.length}}{{#items}}- {{subject}}\n  {{link}}\n{{/items}}' +
        '{{{gap}}}{{#overdue.length}}已逾期的待办：\n{{/overdue.length}}{{#overdue}}- {{what}}{{#customer}} {{customer}}{{/customer}}，期限 {{due}}\n  {{link}}\n{{/overdue}}',
      html:
        '{{#items.length}}<p>自上次汇总以来的新消息：</p><ul>{{#items}}<li><a href="{{link}}">{{subject}}</a></li>{{/items}}</ul>{{/items.length}}' +
        '{{#overdue.length}}<p>已逾期的待办：</p><ul>{{#overdue}}<li><a href="{{link}}">{{what}}</a>{{#customer}} {{customer}}{{/customer}}，期限 <strong>{{due}}</strong></li>{{/overdue}}</ul>{{/overdue.length}}',
    },
    en: {
      subject: 'Daily digest {{day}}: {{items.length}} new, {{overdue.length}} overdue',
      text:
        '{{#items.length}}New since the last digest:\n{{/items.length}}{{#items}}- {{subject}}\n  {{link}}\n{{/items}}' +
        '{{{gap}}}{{#overdue.length}}Overdue work:\n{{/overdue.length}}{{#overdue}}- {{what}}{{#customer}} {{customer}}{{/customer}}, due {{due}}\n  {{link}}\n{{/overdue}}',
      html:
        '{{#items.length}}<p>New since the last digest:</p><ul>{{#items}}<li><a href="{{link}}">{{subject}}</a></li>{{/items}}</ul>{{/items.length}}' +
        '{{#overdue.length}}<p>Overdue work:</p><ul>{{#overdue}}<li><a href="{{link}}">{{what}}</a>{{#customer}} {{customer}}{{/customer}}, due <strong>{{due}}</strong></li>{{/overdue}}</ul>{{/overdue.length}}',
    },
  },
} satisfies Record<string, Record<MailLocale, MailTemplate>>;

/** The name of a built-in template, e.g. `contract.submitted`: what `notify` and the workflows' mail rules take. */
export type TemplateName = keyof typeof TEMPLATES;

/**
 * Who reads each template. Every template is listed (a new one does not compile until it is): a staff
 * mail must name its record when queued (`notify`) and ends with the link to it in the admin panel;
 * a customer mail gets no such link, whatever it was queued with.
 */
export const TEMPLATE_READERS = {
  'customer.credit-hold': 'staff',
  'contract.submitted': 'staff',
  'contract.reviewed': 'staff',
  'contract.termination-proposed': 'staff',
  'contract.reply': 'customer',
  'complaint.received': 'staff',
  'complaint.assigned': 'staff',
  'complaint.measures-review': 'staff',
  'complaint.measure-assigned': 'staff',
  'complaint.verify': 'staff',
  'complaint.reply': 'customer',
  'complaint.overdue': 'staff',
  'order.scheduled': 'customer',
  'order.promise-moved': 'customer',
  'order.problem': 'staff',
  'shipment.shipped': 'customer',
  'statement.sent': 'customer',
  'statement.disputed': 'staff',
  'collection.dunning-reminder': 'staff',
  'collection.dunning-customer': 'customer',
  'collection.overdue-report': 'staff',
  'order.late-digest': 'staff',
  'task.assigned': 'staff',
  'task.done': 'staff',
  'task.reopened': 'staff',
  'task.cancelled': 'staff',
  'task.overdue': 'staff',
  'staff.digest': 'staff',
} as const satisfies Record<TemplateName, 'staff' | 'customer'>;

/** The templates written to customers (no admin link). */
export type CustomerTemplate = { [T in TemplateName]: (typeof TEMPLATE_READERS)[T] extends 'customer' ? T : never }[TemplateName];
/** The templates written to staff: queued with their record, sent with its admin-panel link. */
export type StaffTemplate = Exclude<TemplateName, CustomerTemplate>;

export const isStaffTemplate = (template: string): template is StaffTemplate =>
  isKnownTemplate(template) && TEMPLATE_READERS[template] === 'staff';

/** The last line of a staff mail, in the reader's language. */
export const ADMIN_LINK_LABEL: Record<MailLocale, string> = { 'zh-CN': '在管理后台打开：', en: 'Open in the admin panel: ' };

const LAYOUT = (lang: MailLocale, body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head>` +
  `<body style="font-family: sans-serif; line-height: 1.5">${body}</body></html>`;

const verbatim = (value: unknown) => String(value);

/**
 * HTML escaping of inserted values: Mustache's own escapes `/` as well (`&#x2F;`), which leaves every
 * link in the HTML source unreadable (`https:&#x2F;&#x2F;…`) for no protection: a `/` ends nothing in
 * element text or a quoted attribute. The rest of Mustache's set stays (`=` and `` ` `` too).
 */
const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#x60;',
  '=': '&#x3D;',
};
export const escapeHtml = (value: unknown) => String(value).replace(/[&<>"'`=]/g, (c) => HTML_ESCAPES[c]);

export const isKnownTemplate = (template: string): template is TemplateName => Object.hasOwn(TEMPLATES, template);

/** Texts that replace built-in ones, per template and language (config `MAIL_TEMPLATE_OVERRIDES`); a part left out stays built in. */
export type TemplateOverrides = Record<string, Partial<Record<MailLocale, Partial<MailTemplate>>>>;

/**
 * The mail of a template in a language. `adminLink` (the URL of the mail's record in the admin panel)
 * ends a staff mail, text and HTML, after any override; a customer template never shows it.
 */
export const renderMail = (
  template: string,
  locale: MailLocale,
  data: Record<string, unknown>,
  overrides: TemplateOverrides = {},
  adminLink: string | null = null
): RenderedMail => {
  const builtIn = isKnownTemplate(template) ? TEMPLATES[template][locale] : undefined;
  const texts = builtIn && { ...builtIn, ...(Object.hasOwn(overrides, template) ? overrides[template]?.[locale] : {}) };
  if (!texts) throw new Error(`No mail template ${template} in ${locale}`);
  const text = Mustache.render(texts.text, data, {}, { escape: verbatim });
  const html = Mustache.render(texts.html, data, {}, { escape: escapeHtml });
  const link = isStaffTemplate(template) ? adminLink : null;
  return {
    subject: Mustache.render(texts.subject, data, {}, { escape: verbatim }).replace(/[\r\n]+/g, ' '),
    text: link ? `${text.trimEnd()}\n\n${ADMIN_LINK_LABEL[locale]}${link}` : text,
    html: LAYOUT(
      locale,
      link ? `${html}<p>${escapeHtml(ADMIN_LINK_LABEL[locale])}<a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : html
    ),
  };
};
