/**
 * Staff in the admin panel, in a real browser: a specialist logs in, finds the demo orders with
 * their server-made numbers, records a new customer whose code the server generates, and cannot
 * create products (the supervisor's job); a supervisor finds a mail that failed in the outbox
 * and sends it again.
 */
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchChromium, RunningApp, startApp } from './server';

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
  await supervisor.getByRole('option', { name: 'pending' }).click();
  await supervisor.getByRole('button', { name: 'Save' }).click();
  await supervisor.getByText(/Saved/i).first().waitFor({ timeout: 30000 });
  await supervisor.screenshot({ path: `${shots}/e2e-outbox-retry.png` });

  const check = new Database(app.databaseFile, { readonly: true });
  const row = check.prepare("SELECT state, attempts FROM notifications WHERE idempotency_key = 'e2e:failed'").get();
  check.close();
  expect(row).toEqual({ state: 'pending', attempts: 0 }); // due now for the next worker round
  await supervisor.close();
});
