import { afterFailure, DEFAULT_RETRY_POLICY } from '../../src/domain/notification-policy';
import { renderMail, TEMPLATES, TEMPLATE_READERS, MAIL_LOCALES } from '../../src/domain/notification-templates';

const smtp = (responseCode: number, response: string) => Object.assign(new Error(response), { responseCode, response });
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1025'), { code: 'ESOCKET' });

describe('what the outbox does after a failed send', () => {
  it('gives up at once on a 5xx reply, keeping the reason', () => {
    expect(afterFailure(smtp(550, '550 Mailbox unavailable'), 1)).toEqual({ kind: 'failed', reason: 'SMTP 550: 550 Mailbox unavailable' });
  });

  it('retries 4xx replies and connection errors with doubling delays, spread ±20%', () => {
    const middle = () => 0.5; // no spread
    expect(afterFailure(smtp(451, '451 Try again later'), 1, DEFAULT_RETRY_POLICY, middle)).toMatchObject({
      kind: 'retry',
      delayMs: 30_000,
    });
    expect(afterFailure(refused, 2, DEFAULT_RETRY_POLICY, middle)).toMatchObject({
      kind: 'retry',
      delayMs: 60_000,
      reason: expect.stringContaining('ECONNREFUSED'),
    });
    expect(afterFailure(refused, 3, DEFAULT_RETRY_POLICY, middle)).toMatchObject({ delayMs: 120_000 });
    expect(afterFailure(refused, 9, DEFAULT_RETRY_POLICY, middle)).toMatchObject({ delayMs: 3_600_000 }); // capped at an hour
    expect(afterFailure(refused, 1, DEFAULT_RETRY_POLICY, () => 0)).toMatchObject({ delayMs: 24_000 });
    expect(afterFailure(refused, 1, DEFAULT_RETRY_POLICY, () => 0.999999)).toMatchObject({ delayMs: 36_000 });
  });

  it('stops after the last allowed attempt', () => {
    expect(afterFailure(refused, DEFAULT_RETRY_POLICY.maxAttempts)).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/^gave up after 10 attempts/),
    });
  });
});

describe('mail templates', () => {
  it('exist in every language for every event', () => {
    for (const [event, byLocale] of Object.entries(TEMPLATES)) {
      for (const locale of MAIL_LOCALES) expect([event, locale, Boolean(byLocale[locale]?.subject)]).toEqual([event, locale, true]);
    }
  });

  it('insert data without running it and escape it in HTML only', () => {
    const data = { customer: { code: 'C-1', name: '{{reason}} <b>Bold</b>' }, reason: '{{#customer}}x{{/customer}}' };
    const mail = renderMail('customer.credit-hold', 'en', data);
    expect(mail.subject).toBe('Credit hold: C-1 {{reason}} <b>Bold</b>');
    expect(mail.text).toContain('Reason: {{#customer}}x{{/customer}}');
    expect(mail.html).toContain('{{reason}} &lt;b&gt;Bold&lt;/b&gt;');
  });

  it('keeps a subject on one line whatever the data holds', () => {
    const mail = renderMail('customer.credit-hold', 'zh-CN', { customer: { code: 'C-1', name: 'A\r\nBcc: x@evil.test' }, reason: 'r' });
    expect(mail.subject).toBe('信用冻结：C-1 A Bcc: x@evil.test');
  });

  it("ends a staff mail with the link to its record in the reader's language, text and HTML, and never a customer mail", () => {
    const link = 'https://cs.example.com/admin/content-manager/collection-types/api::customer.customer/abc123';
    const data = { customer: { code: 'C-1', name: 'Acme' }, reason: 'r' };
    const zh = renderMail('customer.credit-hold', 'zh-CN', data, {}, link);
    expect(zh.text.endsWith(`请尽快跟进货款。\n\n在管理后台打开：${link}`)).toBe(true);
    expect(zh.html).toContain(`<p>在管理后台打开：<a href="${link}">${link}</a></p></body>`);
    const en = renderMail('customer.credit-hold', 'en', data, { 'customer.credit-hold': { en: { text: 'Held.\n' } } }, link);
    expect(en.text).toBe(`Held.\n\nOpen in the admin panel: ${link}`); // after an override too
    expect(en.html).toContain(`<p>Open in the admin panel: <a href="${link}">${link}</a></p>`);
    expect(en.html).not.toContain('&#x2F;');
    const customer = renderMail('order.scheduled', 'en', { customer: { name: 'Acme' }, order: { number: 'SO-1' } }, {}, link);
    expect(customer.text + customer.html).not.toMatch(/admin|Open in the admin panel/);
  });

  it('classifies every template as staff or customer mail', () => {
    expect(Object.keys(TEMPLATE_READERS).sort()).toEqual(Object.keys(TEMPLATES).sort());
  });

  it('refuses an unknown template', () => {
    expect(() => renderMail('nope', 'en', {})).toThrow(/No mail template nope/);
  });
});
