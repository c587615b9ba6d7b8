/**
 * The words staff read for the values of our enumeration fields, in the admin panel's two
 * languages: one table, per record type (or component) and field, that the content manager's lists,
 * filters and edit view (src/admin/option-words), the workflow panels and the customer file all read.
 * The values themselves stay the API's codes. A value added to a schema without a word here fails
 * tests/unit/option-words.test.ts. States and roles come from the domain, which the mails use too.
 */
import { COMPLAINT_STATE_LABELS } from '../domain/complaint-handling';
import { CONTRACT_STATE_LABELS } from '../domain/contract-review';
import { ORDER_STATE_LABELS } from '../domain/order-progress';
import { SHIPMENT_STATE_LABELS } from '../domain/shipping';
import { STAFF_ROLES } from '../domain/staff-roles';
import { STATEMENT_STATE_LABELS } from '../domain/statement';
import { TASK_PRIORITY_LABELS, TASK_STATE_LABELS } from '../domain/tasks';
import { VERDICT_LABELS } from '../domain/workflow/machine';
import { PAYMENT_STATE_LABELS } from '../domain/workflow/action-labels';
import type { Label } from './labels';

type Words = Record<string, Label>;

/** How a customer reaches us or we reach them (contact log, orders, replies). */
export const CHANNEL_WORDS = {
  phone: { en: 'Phone', zh: '电话' },
  visit: { en: 'Visit', zh: '拜访' },
  email: { en: 'E-mail', zh: '邮件' },
  fax: { en: 'Fax', zh: '传真' },
  letter: { en: 'Letter', zh: '信函' },
  other: { en: 'Other', zh: '其他' },
} satisfies Words;

export const CURRENCY_WORDS = {
  CNY: { en: 'CNY', zh: '人民币 CNY' },
  USD: { en: 'USD', zh: '美元 USD' },
  EUR: { en: 'EUR', zh: '欧元 EUR' },
} satisfies Words;

export const LANGUAGE_WORDS = {
  'zh-CN': { en: 'Chinese', zh: '中文' },
  en: { en: 'English', zh: '英文' },
} satisfies Words;

export const ROLE_WORDS: Words = Object.fromEntries(
  Object.entries(STAFF_ROLES).map(([code, role]) => [code, { en: role.name, zh: role.nameZh }])
);

/** The record a task or a credit override is about. */
export const SUBJECT_WORDS = {
  order: { en: 'Order', zh: '销售订单' },
  contract: { en: 'Contract', zh: '销售合同' },
  complaint: { en: 'Complaint', zh: '客户投诉' },
  shipment: { en: 'Shipment', zh: '出货单' },
} satisfies Words;

export const SEAL_TYPE_WORDS = {
  contract_seal: { en: 'Contract seal', zh: '合同专用章' },
  company_seal: { en: 'Company seal', zh: '公章' },
} satisfies Words;

export const MEASURE_KIND_WORDS = {
  containment: { en: 'Containment', zh: '围堵措施' },
  corrective: { en: 'Corrective', zh: '纠正措施' },
  preventive: { en: 'Preventive', zh: '预防措施' },
} satisfies Words;

export const LINE_SOURCE_WORDS = {
  own_production: { en: 'Own production', zh: '自制' },
  outsourced: { en: 'Outsourced', zh: '外协' },
} satisfies Words;

export const CREDIT_HOLD_SOURCE_WORDS = {
  manual: { en: 'Placed by staff', zh: '人工冻结' },
  automatic: { en: 'Automatic', zh: '自动冻结' },
} satisfies Words;

export const CREDIT_EVENT_WORDS = {
  hold: { en: 'Automatic hold', zh: '自动冻结' },
  release: { en: 'Automatic release', zh: '自动解冻' },
  override: { en: 'Override', zh: '信用放行' },
  manual_hold: { en: 'Hold by staff', zh: '人工冻结' },
  manual_release: { en: 'Released by staff', zh: '人工解冻' },
  terms: { en: 'Credit terms changed', zh: '信用条件变更' },
} satisfies Words;

const TOPIC_WORDS = {
  quality: { en: 'Quality', zh: '质量' },
  delivery: { en: 'Delivery', zh: '交期' },
  packaging: { en: 'Packaging', zh: '包装' },
  quantity: { en: 'Quantity', zh: '数量' },
  service: { en: 'Service', zh: '服务' },
  price: { en: 'Price', zh: '价格' },
  billing: { en: 'Billing', zh: '账务' },
  documents: { en: 'Documents', zh: '单据' },
  product_range: { en: 'Product range', zh: '产品线' },
  other: { en: 'Other', zh: '其他' },
} satisfies Words;

/** uid → field → value → words. Components are keyed by their uid (`complaint.measure`). */
export const OPTION_WORDS: Record<string, Record<string, Words>> = {
  'api::complaint.complaint': {
    channel: {
      written: { en: 'Written', zh: '书面' },
      phone: CHANNEL_WORDS.phone,
      visit: CHANNEL_WORDS.visit,
      email: CHANNEL_WORDS.email,
    },
    category: TOPIC_WORDS,
    severity: {
      minor: { en: 'Minor', zh: '一般' },
      major: { en: 'Major', zh: '重大' },
      critical: { en: 'Critical', zh: '严重' },
    },
    state: COMPLAINT_STATE_LABELS,
    judgement: {
      justified: { en: 'Justified', zh: '投诉成立' },
      unjustified: { en: 'Not justified', zh: '投诉不成立' },
    },
    replyChannel: CHANNEL_WORDS,
  },
  'api::contract.contract': { currency: CURRENCY_WORDS, state: CONTRACT_STATE_LABELS, replyChannel: CHANNEL_WORDS },
  'api::credit-event.credit-event': { kind: CREDIT_EVENT_WORDS },
  'api::credit-override.credit-override': { subject: SUBJECT_WORDS },
  'api::customer-need.customer-need': {
    currency: CURRENCY_WORDS,
    status: {
      open: { en: 'Open', zh: '跟进中' },
      quoted: { en: 'Quoted', zh: '已报价' },
      won: { en: 'Won', zh: '已成交' },
      lost: { en: 'Lost', zh: '未成交' },
    },
  },
  'api::customer-opinion.customer-opinion': {
    topic: TOPIC_WORDS,
    source: {
      call: { en: 'Call', zh: '电话' },
      visit: CHANNEL_WORDS.visit,
      email: CHANNEL_WORDS.email,
      survey: { en: 'Survey', zh: '调查' },
      complaint_feedback: { en: 'Complaint feedback', zh: '投诉回访' },
      statement_dispute: { en: 'Statement dispute', zh: '对账异议' },
      other: CHANNEL_WORDS.other,
    },
    sentiment: {
      positive: { en: 'Pleased', zh: '满意' },
      neutral: { en: 'Neutral', zh: '中性' },
      negative: { en: 'Displeased', zh: '不满' },
    },
  },
  'api::customer.customer': {
    grade: {
      A: { en: 'A', zh: 'A 级' },
      B: { en: 'B', zh: 'B 级' },
      C: { en: 'C', zh: 'C 级' },
      D: { en: 'D', zh: 'D 级' },
    },
    creditHoldSource: CREDIT_HOLD_SOURCE_WORDS,
    preferredLanguage: LANGUAGE_WORDS,
  },
  'api::inquiry.inquiry': {
    direction: {
      incoming: { en: 'Incoming', zh: '来电/来访' },
      outgoing: { en: 'Outgoing', zh: '去电/拜访' },
    },
    channel: CHANNEL_WORDS,
    kind: {
      order: { en: 'Order', zh: '订货' },
      quotation: { en: 'Quotation', zh: '报价' },
      stock_check: { en: 'Stock check', zh: '查库存' },
      consultation: { en: 'Consultation', zh: '咨询' },
      complaint: { en: 'Complaint', zh: '投诉' },
      sample: { en: 'Sample', zh: '样品' },
      catalogue: { en: 'Catalogue', zh: '产品手册' },
      other: CHANNEL_WORDS.other,
    },
  },
  'api::notification.notification': {
    language: LANGUAGE_WORDS,
    state: {
      pending: { en: 'Pending', zh: '待发送' },
      sending: { en: 'Sending', zh: '发送中' },
      sent: { en: 'Sent', zh: '已发送' },
      failed: { en: 'Failed', zh: '发送失败' },
      digest: { en: 'Kept for the daily digest', zh: '待每日汇总' },
      digested: { en: 'Sent in a daily digest', zh: '已随每日汇总发送' },
    },
  },
  'api::order.order': { channel: CHANNEL_WORDS, currency: CURRENCY_WORDS, state: ORDER_STATE_LABELS, heldFrom: ORDER_STATE_LABELS },
  'api::packaging-item.packaging-item': {
    kind: {
      carton: { en: 'Carton', zh: '纸箱' },
      manual: { en: 'Manual', zh: '说明书' },
      label: { en: 'Label', zh: '标签' },
      other: CHANNEL_WORDS.other,
    },
  },
  'api::payment.payment': {
    currency: CURRENCY_WORDS,
    method: {
      bank_transfer: { en: 'Bank transfer', zh: '银行转账' },
      acceptance_bill: { en: 'Acceptance bill', zh: '承兑汇票' },
      cash: { en: 'Cash', zh: '现金' },
      other: CHANNEL_WORDS.other,
    },
    state: PAYMENT_STATE_LABELS,
  },
  'api::receivable.receivable': {
    currency: CURRENCY_WORDS,
    state: {
      open: { en: 'Open', zh: '未收清' },
      paid: { en: 'Paid', zh: '已收清' },
      void: { en: 'Void', zh: '已作废' },
    },
  },
  'api::review-opinion.review-opinion': { role: ROLE_WORDS, verdict: VERDICT_LABELS },
  'api::seal-use.seal-use': { sealType: SEAL_TYPE_WORDS },
  'api::shipment.shipment': {
    transportMode: {
      truck: { en: 'Truck', zh: '汽运' },
      forwarder: { en: 'Forwarder', zh: '货代' },
    },
    state: SHIPMENT_STATE_LABELS,
  },
  'api::statement.statement': { currency: CURRENCY_WORDS, state: STATEMENT_STATE_LABELS },
  'api::task.task': { priority: TASK_PRIORITY_LABELS, subject: SUBJECT_WORDS, state: TASK_STATE_LABELS },
  'complaint.measure': { kind: MEASURE_KIND_WORDS, ownerRole: ROLE_WORDS },
  'order.line': { source: LINE_SOURCE_WORDS },
};

export type WordLanguage = keyof Label;

/** The admin panel's language code to the words' language: zh-Hans (and any zh) reads Chinese. */
export const wordLanguage = (locale: string): WordLanguage => (locale.toLowerCase().startsWith('zh') ? 'zh' : 'en');

/** The value's word; a value this build has no word for (a newer server) shows as it is, nothing as "—". */
export const optionWord = (uid: string, field: string, value: unknown, language: WordLanguage): string => {
  if (value === null || value === undefined || value === '') return '—';
  return OPTION_WORDS[uid]?.[field]?.[String(value)]?.[language] ?? String(value);
};

/**
 * The words of an enumeration known only by its field's name and values (an edit-view input or a
 * list filter, which are not told the record type): the table of a field of that name that names
 * every value. The unit test checks that every such match gives the schema's own words.
 */
export const wordsFor = (field: string, values: readonly string[]): Words | undefined =>
  Object.values(OPTION_WORDS)
    .map((fields) => fields[field])
    .find((words) => words && values.every((value) => value in words));

/** An option value for a server message: its code in English (as the API has always quoted it), its word in Chinese. */
export const optionLabel = (uid: string, field: string, value: unknown): Label => ({
  en: String(value),
  zh: optionWord(uid, field, value, 'zh'),
});
