/**
 * E-mail templates per event, in Chinese and English, and their rendering. Templates are Mustache
 * (logic-less: data is only ever inserted, never run); in the HTML part every value is HTML-escaped,
 * in the subject and text part nothing is escaped because nothing there is markup.
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

export const TEMPLATES: Record<string, Record<MailLocale, MailTemplate>> = {
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
};

const LAYOUT = (lang: MailLocale, body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head>` +
  `<body style="font-family: sans-serif; line-height: 1.5">${body}</body></html>`;

const verbatim = (value: unknown) => String(value);

export const isKnownTemplate = (template: string): boolean => Object.hasOwn(TEMPLATES, template);

export const renderMail = (template: string, locale: MailLocale, data: Record<string, unknown>): RenderedMail => {
  const texts = TEMPLATES[template]?.[locale];
  if (!texts) throw new Error(`No mail template ${template} in ${locale}`);
  return {
    subject: Mustache.render(texts.subject, data, {}, { escape: verbatim }).replace(/[\r\n]+/g, ' '),
    text: Mustache.render(texts.text, data, {}, { escape: verbatim }),
    html: LAYOUT(locale, Mustache.render(texts.html, data)),
  };
};
