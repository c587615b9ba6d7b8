/**
 * A message (src/domain/messages.ts) as text in the reader's language, and which language a reader
 * reads. States, actions, roles and verdicts are named with the domain's word lists (the ones the
 * admin panel shows); record types and fields with the words the caller passes in (the content
 * manager's labels live above the domain). A code without a word is shown as it is.
 */
import { COMPLAINT_STATE_LABELS } from './complaint-handling';
import { CONTRACT_STATE_LABELS } from './contract-review';
import { MESSAGES, Message, MessageEntry, MessageParam, WordKind, isMessage, isWorded } from './messages';
import { ORDER_STATE_LABELS } from './order-progress';
import { SHIPMENT_STATE_LABELS } from './shipping';
import { STAFF_ROLES, isRoleCode } from './staff-roles';
import { STATEMENT_STATE_LABELS } from './statement';
import { TASK_STATE_LABELS } from './tasks';
import { ACTION_LABELS, PAYMENT_STATE_LABELS } from './workflow/action-labels';
import { Label, VERDICT_LABELS } from './workflow/machine';

export const LANGUAGES = ['en', 'zh-Hans'] as const;
export type Language = (typeof LANGUAGES)[number];

/** zh, zh-CN and zh-Hans (any case, with a further subtag) read Simplified Chinese; anything else English. */
const languageOf = (tag: string): Language => (/^zh(-(cn|hans)(-[a-z0-9]+)*)?$/i.test(tag.trim()) ? 'zh-Hans' : 'en');

/** The first language of an Accept-Language header, by its q weight (`zh-CN,zh;q=0.9,en;q=0.8`). */
export const acceptedLanguage = (header: string | undefined | null): Language => {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...options] = part.split(';');
      const q = options.map((o) => /^\s*q=([\d.]+)\s*$/.exec(o)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.length > 0 ? languageOf(ranked[0].tag) : 'en';
};

/** The reader's language: the language chosen in their profile when set, else what the request accepts. */
export const readerLanguage = (preferred: unknown, acceptLanguage: string | undefined | null): Language =>
  typeof preferred === 'string' && preferred.trim() !== '' ? languageOf(preferred) : acceptedLanguage(acceptLanguage);

/** Words the domain does not hold: record types by workflow subject, fields by name. */
export interface ExtraWords {
  subject?: (subject: string) => Label | undefined;
  field?: (field: string) => Label | undefined;
}

const STATE_WORDS: Record<string, Record<string, Label>> = {
  contract: CONTRACT_STATE_LABELS,
  complaint: COMPLAINT_STATE_LABELS,
  order: ORDER_STATE_LABELS,
  shipment: SHIPMENT_STATE_LABELS,
  task: TASK_STATE_LABELS,
  payment: PAYMENT_STATE_LABELS,
  statement: STATEMENT_STATE_LABELS,
};

const PARTY_WORDS: Record<string, Label> = {
  assignee: { en: 'assignee', zh: '负责人' },
  assigner: { en: 'assigner', zh: '安排人' },
};

const EMPTY: Partial<Record<WordKind, Label>> = { actions: { en: 'none', zh: '无' }, roles: { en: 'nobody', zh: '无' } };

const own = <T>(table: Record<string, T> | undefined, key: string): T | undefined =>
  table && Object.hasOwn(table, key) ? table[key] : undefined;

const wordOf = (kind: WordKind, code: string, subject: string, extra: ExtraWords): Label | undefined => {
  switch (kind) {
    case 'state':
      return own(own(STATE_WORDS, subject), code);
    case 'action':
    case 'actions':
      return own(own(ACTION_LABELS, subject), code);
    case 'roles':
      return isRoleCode(code) ? { en: code, zh: STAFF_ROLES[code].nameZh } : undefined;
    case 'parties':
      return own(PARTY_WORDS, code);
    case 'verdicts':
      return own(VERDICT_LABELS, code);
    case 'subject':
      return extra.subject?.(code);
    case 'field':
      return extra.field?.(code);
  }
};

const LIST_SEPARATOR = { en: ', ', 'zh-Hans': '、' } as const;
const PARTY_SEPARATOR = { en: ' or ', 'zh-Hans': '或' } as const;
const MESSAGE_SEPARATOR = { en: '; ', 'zh-Hans': '；' } as const;

const paramText = (value: MessageParam, kind: WordKind | undefined, subject: string, language: Language, extra: ExtraWords): string => {
  if (value === null || value === undefined) return '';
  if (isMessage(value)) return messageText(value, language, extra);
  if (isWorded(value)) return language === 'en' ? value.en : value.zh;
  if (Array.isArray(value)) {
    if (value.length === 0) return (kind && EMPTY[kind]?.[language === 'en' ? 'en' : 'zh']) ?? '';
    if (value.every(isMessage)) return value.map((m) => messageText(m, language, extra)).join(MESSAGE_SEPARATOR[language]);
    if (value.every(isWorded)) return value.map((w) => (language === 'en' ? w.en : w.zh)).join(LIST_SEPARATOR[language]);
    const separator = kind === 'parties' ? PARTY_SEPARATOR : LIST_SEPARATOR;
    return value.map((item) => paramText(item as string, kind, subject, language, extra)).join(separator[language]);
  }
  const text = String(value);
  // English keeps the codes the API has always quoted (`in_review`); Chinese names them.
  if (language === 'en' || !kind) return text;
  return wordOf(kind, text, subject, extra)?.zh ?? text;
};

/** The message's text in `language`. */
export const messageText = (message: Message, language: Language, extra: ExtraWords = {}): string => {
  const entry: MessageEntry = MESSAGES[message.code];
  const params = message.params ?? {};
  const words: Record<string, WordKind> = entry.words ?? {};
  const subject = typeof params.subject === 'string' ? params.subject : '';
  const template = language === 'en' ? entry.en : entry.zh;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? paramText(params[name], words[name], subject, language, extra) : whole
  );
};

/** The English text: what the API has always answered, and what older rows store. */
export const englishText = (message: Message): string => messageText(message, 'en');
