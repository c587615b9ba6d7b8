/**
 * Staff mail preferences: each staff template belongs to a kind of mail staff understand (waiting
 * for my action, for my information, deadlines and overdue, customer replies), and each person
 * chooses per kind "immediately" or "in my daily digest". What blocks someone (an opinion awaited,
 * an escalation, an overdue complaint, a customer's answer) comes at once unless the person asks
 * otherwise; what only informs waits for the digest. Reports that already sum up many records
 * (the late-order mail, the weekly overdue report) and every customer mail are never digested.
 */
import { message, Message } from './messages';
import type { StaffTemplate } from './notification-templates';

export const MAIL_KINDS = ['action', 'information', 'deadline', 'customer-reply'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const DELIVERIES = ['immediately', 'digest'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export type MailPreferences = Record<MailKind, Delivery>;

export const DEFAULT_MAIL_PREFERENCES: MailPreferences = {
  action: 'immediately',
  information: 'digest',
  deadline: 'immediately',
  'customer-reply': 'immediately',
};

/** The kind of each staff mail; `null`: a report of its own, always sent at once. A new staff template does not compile until listed. */
export const TEMPLATE_KINDS = {
  'customer.credit-hold': 'information',
  'contract.submitted': 'action',
  'contract.reviewed': 'action',
  'contract.termination-proposed': 'action',
  'complaint.received': 'action',
  'complaint.assigned': 'action',
  'complaint.measures-review': 'action',
  'complaint.measure-assigned': 'action',
  'complaint.verify': 'action',
  'complaint.overdue': 'deadline',
  'order.problem': 'deadline',
  'statement.disputed': 'customer-reply',
  'collection.dunning-reminder': 'deadline',
  'collection.overdue-report': null,
  'order.late-digest': null,
  'task.assigned': 'action',
  'task.done': 'action',
  'task.reopened': 'action',
  'task.cancelled': 'information',
  'task.overdue': 'deadline',
  'staff.digest': null,
} as const satisfies Record<StaffTemplate, MailKind | null>;

/** The kind a template's mail is chosen by; null for customer mails and reports (never digested). */
export const mailKindOf = (template: string): MailKind | null =>
  Object.hasOwn(TEMPLATE_KINDS, template) ? TEMPLATE_KINDS[template as StaffTemplate] : null;

/** What each kind is called, in the words of the My work page and the digest mail. */
export const MAIL_KIND_LABELS: Record<MailKind, { en: string; zh: string }> = {
  action: { en: 'Waiting for my action', zh: '等待我处理' },
  information: { en: 'For my information', zh: '知会我' },
  deadline: { en: 'Deadlines and overdue', zh: '期限与逾期' },
  'customer-reply': { en: 'Customer replies', zh: '客户回复' },
};

export const DELIVERY_LABELS: Record<Delivery, { en: string; zh: string }> = {
  immediately: { en: 'Immediately', zh: '立即发送' },
  digest: { en: 'In my daily digest', zh: '每日汇总' },
};

const isKind = (value: string): value is MailKind => (MAIL_KINDS as readonly string[]).includes(value);
const isDelivery = (value: unknown): value is Delivery => (DELIVERIES as readonly unknown[]).includes(value);

/** A person's preferences as stored (possibly none, or from before a kind existed), completed by the defaults. */
export const preferencesOf = (stored: unknown): MailPreferences => {
  const chosen = stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(
    MAIL_KINDS.map((kind) => [kind, isDelivery(chosen[kind]) ? chosen[kind] : DEFAULT_MAIL_PREFERENCES[kind]])
  ) as MailPreferences;
};

/** Whether a staff mail of `template` waits for the person's digest. */
export const goesToDigest = (template: string, stored: unknown): boolean => {
  const kind = mailKindOf(template);
  return kind !== null && preferencesOf(stored)[kind] === 'digest';
};

/** Whether the person gets a daily digest at all: some kind of their mail waits for it. */
export const wantsDigest = (stored: unknown): boolean => Object.values(preferencesOf(stored)).includes('digest');

export interface PreferenceProblem {
  path: string[];
  said: Message;
}

/**
 * A change of preferences as sent (`{ action: 'digest', … }`, kinds left out keep their choice):
 * the preferences after it, or every problem (an unknown kind, an unknown delivery).
 */
export const changedPreferences = (
  stored: unknown,
  change: unknown
): { preferences: MailPreferences; problems: [] } | { preferences: null; problems: PreferenceProblem[] } => {
  if (!change || typeof change !== 'object' || Array.isArray(change)) {
    return {
      preferences: null,
      problems: [
        { path: ['preferences'], said: message('mail_preferences.not_object', { kinds: [...MAIL_KINDS], deliveries: [...DELIVERIES] }) },
      ],
    };
  }
  const problems: PreferenceProblem[] = [];
  for (const [kind, delivery] of Object.entries(change)) {
    if (!isKind(kind))
      problems.push({ path: ['preferences', kind], said: message('mail_preferences.unknown_kind', { kind, kinds: [...MAIL_KINDS] }) });
    else if (!isDelivery(delivery))
      problems.push({
        path: ['preferences', kind],
        said: message('mail_preferences.unknown_delivery', { kind, deliveries: [...DELIVERIES] }),
      });
  }
  if (problems.length > 0) return { preferences: null, problems };
  return { preferences: { ...preferencesOf(stored), ...(change as Partial<MailPreferences>) }, problems: [] };
};
