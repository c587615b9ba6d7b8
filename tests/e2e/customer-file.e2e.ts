/**
 * The customer file (客户档案) in a real browser, as a call comes in: the specialist finds the
 * customer by a few characters of a contact's phone number, reads the file section by section,
 * logs the call from it, and reads it again in Chinese; the sales clerk sees the statements with the
 * customer's answers the specialist may not; the side panel of the customer's edit view leads to the
 * file. Screenshots in both languages go to .tmp/.
 */
import type { Browser, Page } from 'playwright-core';
import { fileTranslations, FILE_PREFIX } from '../../src/admin/customer-file/translations';
import { launchChromium, RunningApp, startApp } from './server';
import { logIn, restAs } from './staff-session';
import { CUSTOMER } from '../../src/platform/uids';

const shots = `${__dirname}/../../.tmp`;
const en = (key: string) => fileTranslations.en[`${FILE_PREFIX}${key}`];
const zh = (key: string) => fileTranslations['zh-Hans'][`${FILE_PREFIX}${key}`];
let app: RunningApp;
let browser: Browser;
let customer: { documentId: string; name: string; code: string; phone: string; statement: string };

const section = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });
const sectionsShown = async (page: Page, titles: string[]) => {
  const shown: string[] = [];
  for (const title of titles) if (await section(page, title).count()) shown.push(title);
  return shown;
};
const ALL = ['orders', 'statistics', 'money', 'credit', 'complaints', 'contacts', 'opinions', 'needs', 'documents'].map((key) =>
  en(`section.${key}`)
);

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  const supervisor = await restAs(app, 'cs-supervisor@demo.local');
  // A demo customer with a complaint and opinions: the richest kind of file the demo has.
  const opinions = await supervisor('GET', '/api/customer-opinions?populate[customer][fields][0]=documentId&pagination[pageSize]=100');
  const complaints = await supervisor('GET', '/api/complaints?populate[customer][fields][0]=documentId&pagination[pageSize]=100');
  const withComplaint = new Set(complaints.map((c: { customer: { documentId: string } | null }) => c.customer?.documentId));
  const receivables = await supervisor('GET', '/api/receivables?populate[customer][fields][0]=documentId&pagination[pageSize]=100');
  const owing = new Set(receivables.map((r: { customer: { documentId: string } | null }) => r.customer?.documentId));
  type Said = { customer: { documentId: string } | null };
  const candidates = opinions.filter((o: Said) => o.customer && withComplaint.has(o.customer.documentId));
  // Richest first: one that also owes money, so the money section has figures.
  const chosen = candidates.find((o: Said) => owing.has(o.customer!.documentId)) ?? candidates[0];
  expect(chosen).toBeDefined();
  const full = await supervisor('GET', `/api/customers/${chosen.customer.documentId}?populate=contacts`);
  customer = { documentId: full.documentId, name: full.name, code: full.code, phone: full.contacts[0].phone, statement: '' };
  // A statement of the last year (the demo has none), so the file has one to show those who read statements.
  const clerk = await restAs(app, 'sales-clerk@demo.local');
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const statement = await clerk('POST', '/api/statements', {
    data: { customer: customer.documentId, periodFrom: yearAgo, periodTo: today },
  });
  customer.statement = statement.number;
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('the specialist finds the customer by the last digits of a contact’s phone and reads the file; money but no statements', async () => {
  const page = await logIn(browser, app, 'cs-specialist@demo.local');
  await page.goto(`${app.baseUrl}/admin/customer-file`);
  const digits = customer.phone.replace(/\D/g, '').slice(-6);
  await page.getByRole('textbox', { name: en('search.label') }).fill(digits);
  await page.getByRole('link', { name: customer.name }).click();
  await page.waitForURL((url) => url.pathname.endsWith(`/customer-file/${customer.documentId}`), { timeout: 30000 });
  await page.getByRole('heading', { name: customer.name }).waitFor({ timeout: 30000 });
  await section(page, en('section.orders')).waitFor({ timeout: 30000 });
  expect(await sectionsShown(page, ALL)).toEqual(ALL);
  // The specialist does not read statements (docs/roles.md): no statement column, none among the documents.
  expect(await page.getByText(en('col.answer'), { exact: true }).count()).toBe(0);
  expect(await section(page, en('section.documents')).getByText(en('doc.statement'), { exact: true }).count()).toBe(0);
  expect(await page.getByText(customer.statement).count()).toBe(0);
  // Codes are words: the complaint's severity and the contacts' channels.
  const complaints = section(page, en('section.complaints'));
  expect(await complaints.getByText(/^(Minor|Major|Critical)$/).count()).toBeGreaterThan(0);
  for (const raw of ['stock_check', 'bank_transfer', 'complaint_feedback', 'product_range'])
    expect(await page.getByText(raw, { exact: true }).count()).toBe(0);
  await page.screenshot({ path: `${shots}/e2e-customer-file-en.png`, fullPage: true });
  await page.close();
});

it('the specialist logs the call from the file; it heads the contact log, handled by them', async () => {
  const page = await logIn(browser, app, 'cs-specialist@demo.local');
  await page.goto(`${app.baseUrl}/admin/customer-file/${customer.documentId}`);
  const contacts = section(page, en('section.contacts'));
  await contacts.getByRole('button', { name: en('log.add') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const summary = `客户来电询问二季度交期 ${Date.now()}`;
  await dialog.getByRole('textbox', { name: en('log.summary') }).fill(summary);
  await dialog.getByRole('button', { name: en('log.save') }).click();
  await page.getByRole('status').getByText(en('log.saved')).waitFor({ timeout: 30000 });
  await contacts.getByText(summary).waitFor({ timeout: 30000 });
  const specialist = await restAs(app, 'cs-specialist@demo.local');
  const logged = await specialist(
    'GET',
    `/api/inquiries?filters[summary][$eq]=${encodeURIComponent(summary)}&populate[customer][fields][0]=documentId&populate[handledBy][fields][0]=email`
  );
  expect(logged).toEqual([
    expect.objectContaining({
      kind: 'consultation',
      channel: 'phone',
      direction: 'incoming',
      customer: expect.objectContaining({ documentId: customer.documentId }),
    }),
  ]);
  expect(logged[0].handledBy.email).toBe('cs-specialist@demo.local');
  await page.close();
});

it('reads the file in Chinese', async () => {
  const page = await logIn(browser, app, 'cs-specialist@demo.local');
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'zh-Hans'));
  await page.goto(`${app.baseUrl}/admin/customer-file/${customer.documentId}`);
  await section(page, zh('section.orders')).waitFor({ timeout: 30000 });
  for (const key of ['section.money', 'section.complaints', 'section.contacts', 'section.opinions', 'section.needs'])
    await section(page, zh(key)).waitFor();
  await page.getByRole('button', { name: zh('log.add') }).waitFor();
  await page.screenshot({ path: `${shots}/e2e-customer-file-zh-Hans.png`, fullPage: true });
  // The page scrolls inside the panel's frame: each lower section is shot on its own.
  for (const key of ['money', 'complaints', 'contacts', 'opinions', 'needs'])
    await section(page, zh(`section.${key}`)).screenshot({ path: `${shots}/e2e-customer-file-zh-Hans-${key}.png` });
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'en'));
  await page.close();
});

it('the sales clerk sees the statements with the customer’s answers; the edit view’s side panel leads to the file', async () => {
  const page = await logIn(browser, app, 'sales-clerk@demo.local');
  await page.goto(`${app.baseUrl}/admin/content-manager/collection-types/${CUSTOMER}/${customer.documentId}`);
  const panel = page.getByRole('region', { name: en('panel.title'), exact: true });
  await panel.getByRole('button', { name: en('file.openFull') }).click();
  await page.waitForURL((url) => url.pathname.endsWith(`/customer-file/${customer.documentId}`), { timeout: 30000 });
  await section(page, en('section.money')).waitFor({ timeout: 30000 });
  expect(await sectionsShown(page, ALL)).toEqual(ALL);
  const money = section(page, en('section.money'));
  await money.getByText(en('col.answer'), { exact: true }).waitFor();
  await money.getByRole('link', { name: customer.statement }).waitFor();
  await money.getByText(en('answer.none'), { exact: true }).waitFor();
  await section(page, en('section.documents')).getByText(customer.statement).waitFor();
  await page.screenshot({ path: `${shots}/e2e-customer-file-sales-clerk.png`, fullPage: true });
  await page.close();
});
