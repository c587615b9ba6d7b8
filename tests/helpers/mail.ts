/**
 * A real SMTP server in the test process (the development mail catcher, scripts/mail-catcher.js).
 * `useMailCatcher()` must be called before `useStrapi()`: it picks a free port and points Strapi's
 * nodemailer at it before Strapi boots.
 */
const { startMailCatcher } = require('../../scripts/mail-catcher');

export interface CaughtMail {
  messageId: string;
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; size: number; content: Buffer }[];
}

export interface MailCatcher {
  port: number;
  messages: CaughtMail[];
  fail(code: number | null): void;
  close(): Promise<void>;
}

export const catchMail = (port = 0): Promise<MailCatcher> => startMailCatcher({ smtpPort: port });

export const useMailCatcher = () => {
  const handle = {} as { catcher: MailCatcher; restart(): Promise<void>; stop(): Promise<void> };
  beforeAll(async () => {
    handle.catcher = await catchMail();
    process.env.SMTP_HOST = '127.0.0.1';
    process.env.SMTP_PORT = String(handle.catcher.port);
    process.env.MAIL_FROM = 'Customer Service 客户服务部 <cs@factory.test>';
  });
  /** Takes the server down (connections refused) until `restart`, keeping what it caught. */
  handle.stop = () => handle.catcher.close();
  handle.restart = async () => {
    const caught = handle.catcher.messages;
    handle.catcher = await catchMail(handle.catcher.port);
    handle.catcher.messages.unshift(...caught);
  };
  afterAll(() => handle.catcher?.close().catch(() => undefined));
  return handle;
};

/**
 * The admin-panel link ending a staff mail, as [the line's words, URL] in the text and [words, href,
 * link text] in the HTML; null where the mail has none.
 */
export const adminLinks = (message: { text: string; html: string }) => ({
  text: message.text.match(/\n\n(在管理后台打开：|Open in the admin panel: )(\S+)\s*$/)?.slice(1) ?? null,
  html: message.html.match(/<p>(在管理后台打开：|Open in the admin panel: )<a href="([^"]+)">([^<]+)<\/a><\/p><\/body>/)?.slice(1) ?? null,
});

/** What `adminLinks` finds in a staff mail to the record's admin page, in Chinese or English. */
export const linkedTo = (url: string, locale: 'zh-CN' | 'en') => {
  const words = locale === 'en' ? 'Open in the admin panel: ' : '在管理后台打开：';
  return { text: [words, url], html: [words, url, url] };
};
