/**
 * Staff in the admin panel, in a real browser: a specialist logs in, finds the demo orders with
 * their server-made numbers, records a new customer whose code the server generates, and cannot
 * create products (the supervisor's job); a supervisor finds a mail that failed in the outbox
 * and sends it again. In 中文 the supervisor meets Strapi's frame in Chinese (home page, a
 * contract's list and edit view), field names in Chinese only, and a complaint's Create page that
 * neither reads a document "create" nor shows an error.
 */
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { OPTION_WORDS } from '../../src/content-manager/option-words';
import { FIELD_LABELS } from '../../src/content-manager/labels';
import { DEMO_PASSWORD, launchChromium, RunningApp, startApp } from './server';
import { logIn, settled } from './staff-session';

const shots = `${__dirname}/../../.tmp`;
let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const cm = (uid: string, rest = '') => `${app.baseUrl}/admin/content-manager/collection-types/${uid}${rest}`;

it('a specialist logs in to the admin panel', async () => {
  await page.goto(`${app.baseUrl}/admin/auth/login`);
  await page.fill('input[name="email"]', 'cs-specialist@demo.local');
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/login'), { timeout: 30000 });
  await page.screenshot({ path: `${shots}/e2e-home.png` });
});

it('lists the demo orders with their server-made numbers', async () => {
  await page.goto(cm('api::order.order'));
  await page
    .getByText(/SO-\d{4}-\d{6}/)
    .first()
    .waitFor({ timeout: 30000 });
  await page.screenshot({ path: `${shots}/e2e-orders.png` });
  expect(await page.getByText(/SO-\d{4}-\d{6}/).count()).toBeGreaterThan(5);
});

it('records a new customer and the server gives it a code', async () => {
  await page.goto(cm('api::customer.customer', '/create'));
  await page.fill('input[name="name"]', '苏州测试机械设备有限公司');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/create'), { timeout: 30000 });
  await page.waitForFunction(
    () => /^C-\d{6}$/.test((document.querySelector('input[name="code"]') as HTMLInputElement | null)?.value ?? ''),
    undefined,
    { timeout: 30000 }
  );
  await page.screenshot({ path: `${shots}/e2e-customer.png` });
});

it('cannot create products: that is the supervisor job', async () => {
  const createButtons = async () =>
    (await page.getByRole('link', { name: /Create new entry/i }).count()) +
    (await page.getByRole('button', { name: /Create new entry/i }).count());
  await page.goto(cm('api::customer.customer'));
  await page
    .getByText(/^C-\d{6}$/)
    .first()
    .waitFor({ timeout: 30000 });
  expect(await createButtons()).toBeGreaterThan(0); // customers: the specialist's job

  await page.goto(cm('api::product.product'));
  await page
    .getByText(/^[A-Z]{3}-\d{5}$/)
    .first()
    .waitFor({ timeout: 30000 });
  await page.screenshot({ path: `${shots}/e2e-products.png` });
  expect(await createButtons()).toBe(0);
});

it('a supervisor finds a failed mail in the outbox and sends it again', async () => {
  // A mail the SMTP server refused, as the worker records it.
  const db = new Database(app.databaseFile);
  const now = Date.now();
  db.prepare(
    `INSERT INTO notifications (document_id, idempotency_key, event, recipients, template, language, payload, state,
       attempts, next_attempt_at, last_error, created_at, updated_at, published_at)
     VALUES ('e2efailedmail00000000001', 'e2e:failed', 'customer.credit-hold', '["rep@factory.test"]',
       'customer.credit-hold', 'zh-CN', '{}', 'failed', 1, ?, 'SMTP 550: 550 Mailbox unavailable', ?, ?, ?)`
  ).run(now, now, now, now);
  db.close();

  const supervisor = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await supervisor.goto(`${app.baseUrl}/admin/auth/login`);
  await supervisor.fill('input[name="email"]', 'cs-supervisor@demo.local');
  await supervisor.fill('input[name="password"]', DEMO_PASSWORD);
  await supervisor.click('button[type="submit"]');
  await supervisor.waitForURL((url) => !url.pathname.includes('/auth/login'), { timeout: 30000 });

  // The outbox filtered to failed mails, as a supervisor looks for them: the demo data's own
  // pending mails fill more than the list's first page.
  await supervisor.goto(cm('api::notification.notification', '?filters[$and][0][state][$eq]=failed'));
  await supervisor.getByText('SMTP 550: 550 Mailbox unavailable').first().waitFor({ timeout: 30000 });
  await supervisor.screenshot({ path: `${shots}/e2e-outbox.png` });
  await supervisor.goto(cm('api::notification.notification', '/e2efailedmail00000000001'));
  await supervisor.getByRole('combobox', { name: /State/ }).click();
  await supervisor.getByRole('option', { name: OPTION_WORDS['api::notification.notification'].state.pending.en, exact: true }).click();
  await supervisor.getByRole('button', { name: 'Save' }).click();
  await supervisor.getByText(/Saved/i).first().waitFor({ timeout: 30000 });
  await supervisor.screenshot({ path: `${shots}/e2e-outbox-retry.png` });

  const check = new Database(app.databaseFile, { readonly: true });
  const row = check.prepare("SELECT state, attempts FROM notifications WHERE idempotency_key = 'e2e:failed'").get();
  check.close();
  expect(row).toEqual({ state: 'pending', attempts: 0 }); // due now for the next worker round
  await supervisor.close();
});

describe('a supervisor working in 中文', () => {
  /** English of Strapi's frame that showed in 中文 before (issue 17), and a few more of its words. */
  const FRAME_ENGLISH = [
    'Hello',
    'Welcome to your administration panel',
    'Last edited entries',
    'Last published entries',
    'Content Manager',
    'Collection Types',
    'Create new entry',
    'Create an entry',
    'Add or create a relation',
    'Entry',
    'More document actions',
    'Set up preview',
    'Preview',
    'max.',
    'characters',
    'Introducing the new Media Library',
    'Search',
    'Filters',
    'entries found',
    'Entries per page',
    'Set by the server',
    'Not Found',
  ];
  /** Names and codes that are English or Latin in Chinese too. */
  const ALLOWED = ['API', 'ID', 'CNY', 'USD', 'EUR', 'PDF', 'XLSX', 'Strapi', 'Message-ID'];
  /** The frame's English strings in the page's visible text (case as the frame writes them, or upper case). */
  const englishIn = async (page: Page) => {
    const text = await page.evaluate(() => document.body.innerText);
    return FRAME_ENGLISH.filter((english) => text.includes(english) || text.includes(english.toUpperCase())).filter(
      (english) => !ALLOWED.includes(english)
    );
  };
  /** The Latin words left in the visible text, for the screenshot's reader (not asserted: codes and option values are). */
  const latinWordsIn = async (page: Page) =>
    [...new Set((await page.evaluate(() => document.body.innerText)).match(/[A-Za-z][A-Za-z.'-]{2,}/g) ?? [])].filter(
      (word) => !ALLOWED.includes(word)
    );

  let zh: Page;
  /** Requests of the content manager for a document "create" (an unsaved entry). */
  const createReads: string[] = [];

  beforeAll(async () => {
    zh = await logIn(browser, app, 'cs-supervisor@demo.local');
    zh.on('request', (request) => {
      // The content manager's API (the page's own route is /admin/content-manager/…).
      if (/^\/content-manager\/collection-types\/[^/]+\/create$/.test(new URL(request.url()).pathname)) createReads.push(request.url());
    });
    await zh.evaluate(() => localStorage.setItem('strapi-admin-language', 'zh-Hans'));
  });
  afterAll(async () => {
    await zh?.close();
  });

  it('the home page greets in Chinese and shows no media library banner', async () => {
    await zh.goto(`${app.baseUrl}/admin`);
    await zh.getByText(/您好/).first().waitFor({ timeout: 30000 });
    await zh.getByText('最近编辑的记录').first().waitFor({ timeout: 30000 });
    await zh.screenshot({ path: `${shots}/e2e-zh-home.png` });
    expect(await englishIn(zh)).toEqual([]);
    console.log('Latin words on the home page:', (await latinWordsIn(zh)).join(' '));
  });

  it('a contract list names its columns in Chinese only', async () => {
    await zh.goto(cm('api::contract.contract'));
    await zh
      .getByText(/HT-\d{4}-\d{5}/)
      .first()
      .waitFor({ timeout: 30000 });
    const contract = FIELD_LABELS['api::contract.contract'];
    const headers = zh.locator('thead');
    await headers.getByText(contract.number.zh, { exact: true }).first().waitFor({ timeout: 30000 });
    expect(await headers.getByText(contract.number.en, { exact: true }).count()).toBe(0);
    await zh.getByRole('link', { name: '销售合同' }).first().waitFor();
    await zh.screenshot({ path: `${shots}/e2e-zh-contracts.png` });
    expect(await englishIn(zh)).toEqual([]);
    console.log('Latin words on the contract list:', (await latinWordsIn(zh)).join(' '));
  });

  it("a contract's edit view is Chinese: labels, Entry panel, relations, hints", async () => {
    await zh
      .getByText(/HT-\d{4}-\d{5}/)
      .first()
      .click();
    await zh.waitForURL((url) => /\/api::contract\.contract\/[a-z0-9]{20,}/.test(url.pathname), { timeout: 30000 });
    const contract = FIELD_LABELS['api::contract.contract'];
    await zh.getByText(contract.customer.zh, { exact: true }).first().waitFor({ timeout: 30000 });
    await zh.getByText('记录', { exact: true }).first().waitFor({ timeout: 30000 });
    await settled(zh); // side panels and hints have read what they show
    await zh.screenshot({ path: `${shots}/e2e-zh-contract.png`, fullPage: true });
    expect(await zh.getByText(`${contract.number.en} ${contract.number.zh}`).count()).toBe(0);
    expect(await englishIn(zh)).toEqual([]);
    console.log('Latin words on a contract:', (await latinWordsIn(zh)).join(' '));
  });

  it("a complaint's Create page reads no document and shows no error", async () => {
    createReads.length = 0;
    await zh.goto(cm('api::complaint.complaint', '/create'));
    await zh.getByText('新建记录').first().waitFor({ timeout: 30000 });
    await zh.getByText(FIELD_LABELS['api::complaint.complaint'].customer.zh, { exact: true }).first().waitFor();
    await settled(zh); // a failed read would show its toast by now
    await zh.screenshot({ path: `${shots}/e2e-zh-complaint-create.png` });
    expect(createReads).toEqual([]);
    expect(await zh.getByText(/Not Found|未找到/i).count()).toBe(0);
    expect(await englishIn(zh)).toEqual([]);
  });
});
