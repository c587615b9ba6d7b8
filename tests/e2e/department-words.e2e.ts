/**
 * The content manager in the department's words, in 中文 (issue 17): lists show enumeration values
 * as words and money and dates in the one format ("CNY 1,234.50", 2027-02-03), list filters and
 * an edit view's select offer words, a customer picker finds a customer by its Chinese name and
 * shows it by name, and each role's menu lists the record types it works with.
 */
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { FIELD_LABELS, TYPE_NAMES } from '../../src/content-manager/labels';
import { OPTION_WORDS } from '../../src/content-manager/option-words';
import { launchChromium, RunningApp, startApp } from './server';
import { logIn } from './staff-session';

const shots = `${__dirname}/../../.tmp`;
const MONEY = /^(CNY|USD|EUR) \d{1,3}(,\d{3})*\.\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const cm = (uid: string, rest = '') => `${app.baseUrl}/admin/content-manager/collection-types/${uid}${rest}`;

/** A staff member's page with the admin panel in 中文. */
const inChinese = async (email: string) => {
  const page = await logIn(browser, app, email);
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'zh-Hans'));
  return page;
};

/** The texts of a list column, by its (Chinese) header. */
const column = async (page: Page, header: string) => {
  const headers = await page.locator('thead th').allInnerTexts();
  const index = headers.findIndex((text) => text.trim() === header);
  if (index < 0) throw new Error(`no column ${header} in ${headers.join(' | ')}`);
  return (await page.locator(`tbody tr td:nth-child(${index + 1})`).allInnerTexts()).map((text) => text.trim());
};

describe('in 中文', () => {
  let supervisor: Page;
  let clerk: Page;

  beforeAll(async () => {
    supervisor = await inChinese('cs-supervisor@demo.local');
    clerk = await inChinese('sales-clerk@demo.local');
  });

  it('a contract list shows states as words, totals as "CNY 1,234.50" and dates as 2027-02-03', async () => {
    await supervisor.goto(cm('api::contract.contract'));
    await supervisor
      .getByText(/HT-\d{4}-\d{5}/)
      .first()
      .waitFor({ timeout: 30000 });
    const labels = FIELD_LABELS['api::contract.contract'];
    const states = await column(supervisor, labels.state.zh);
    const words = Object.values(OPTION_WORDS['api::contract.contract'].state).map((word) => word.zh);
    expect(states.length).toBeGreaterThan(5);
    expect(states.filter((state) => !words.includes(state))).toEqual([]);
    expect(states).toContain('评审中');
    expect((await column(supervisor, labels.total.zh)).filter((total) => !MONEY.test(total))).toEqual([]);
    expect((await column(supervisor, labels.deliveryDate.zh)).filter((date) => date !== '-' && !DATE.test(date))).toEqual([]);
    await supervisor.screenshot({ path: `${shots}/e2e-zh-contract-words.png` });
  });

  it('a payment list shows methods and states as words and amounts as "CNY 1,234.50"', async () => {
    await clerk.goto(cm('api::payment.payment'));
    await clerk
      .getByText(/^(CNY|USD|EUR) [\d,]+\.\d{2}$/)
      .first()
      .waitFor({ timeout: 30000 });
    const labels = FIELD_LABELS['api::payment.payment'];
    const methods = await column(clerk, labels.method.zh);
    expect(methods).toContain('银行转账');
    expect(methods.filter((method) => !['银行转账', '承兑汇票', '现金', '其他'].includes(method))).toEqual([]);
    expect(await column(clerk, labels.state.zh)).toContain('已入账');
    const amounts = await column(clerk, labels.amount.zh);
    expect(amounts.filter((amount) => !MONEY.test(amount))).toEqual([]);
    expect((await column(clerk, labels.receivedOn.zh)).filter((date) => !DATE.test(date))).toEqual([]);
    await clerk.screenshot({ path: `${shots}/e2e-zh-payment-words.png` });
  });

  it('a list filter offers the words and names the chosen one in its chip', async () => {
    await clerk.goto(cm('api::payment.payment'));
    await clerk
      .getByText(/^(CNY|USD|EUR) [\d,]+\.\d{2}$/)
      .first()
      .waitFor({ timeout: 30000 });
    const method = FIELD_LABELS['api::payment.payment'].method.zh;
    await clerk.getByRole('button', { name: '筛选器' }).click();
    await clerk.getByRole('dialog').getByRole('combobox').first().click();
    await clerk.getByRole('option', { name: method, exact: true }).click();
    const value = clerk.getByRole('combobox', { name: method });
    await value.click();
    for (const word of ['银行转账', '承兑汇票', '现金', '其他']) await clerk.getByRole('option', { name: word, exact: true }).waitFor();
    await clerk.getByRole('option', { name: '承兑汇票', exact: true }).click();
    await clerk.locator('form button[type="submit"]').click();
    await clerk
      .getByText(/收款方式.*承兑汇票/)
      .first()
      .waitFor({ timeout: 30000 });
    await clerk.waitForURL((url) => url.search.includes('acceptance_bill'), { timeout: 30000 });
    await clerk.waitForTimeout(1000); // the filtered page settles
    await clerk.screenshot({ path: `${shots}/e2e-zh-payment-filter.png` });
    expect(new Set(await column(clerk, method))).toEqual(new Set(['承兑汇票']));
  });

  it("an edit view's select shows the value as a word and offers words", async () => {
    await supervisor.goto(cm('api::customer.customer'));
    await supervisor
      .getByText(/^C-\d{6}$/)
      .first()
      .click();
    await supervisor.waitForURL((url) => /\/api::customer\.customer\/[a-z0-9]{20,}/.test(url.pathname), { timeout: 30000 });
    const grade = supervisor.getByRole('combobox', { name: FIELD_LABELS['api::customer.customer'].grade.zh });
    await grade.waitFor({ timeout: 30000 });
    expect(await grade.innerText()).toMatch(/^[ABCD] 级$/);
    await grade.click();
    for (const word of ['A 级', 'B 级', 'C 级', 'D 级']) await supervisor.getByRole('option', { name: word, exact: true }).waitFor();
    await supervisor.screenshot({ path: `${shots}/e2e-zh-grade-select.png` });
    await supervisor.keyboard.press('Escape');
  });

  it('a customer picker finds a customer by its Chinese name and shows it by name', async () => {
    const db = new Database(app.databaseFile, { readonly: true });
    const { name } = db.prepare(`SELECT name FROM customers WHERE name GLOB '*[^ -~]*' ORDER BY id LIMIT 1`).get() as { name: string };
    db.close();
    await supervisor.goto(cm('api::order.order', '/create'));
    const picker = supervisor.getByRole('combobox', { name: FIELD_LABELS['api::order.order'].customer.zh });
    await picker.waitFor({ timeout: 30000 });
    await picker.click();
    await picker.fill(name.slice(0, 4));
    await supervisor.getByRole('option', { name }).first().waitFor({ timeout: 30000 });
    await supervisor.screenshot({ path: `${shots}/e2e-zh-customer-picker.png` });
    expect(await supervisor.getByRole('option', { name: /^C-\d{6}$/ }).count()).toBe(0);
  });

  it("the menu lists what the role works with: the clerk's payments, not their allocations", async () => {
    await clerk.goto(cm('api::payment.payment'));
    const menu = clerk.getByRole('navigation');
    await menu.getByRole('link', { name: TYPE_NAMES['api::payment.payment'].zh, exact: true }).waitFor({ timeout: 30000 });
    expect(await menu.getByRole('link', { name: TYPE_NAMES['api::payment-allocation.payment-allocation'].zh, exact: true }).count()).toBe(
      0
    );
    expect(await menu.getByRole('link', { name: TYPE_NAMES['plugin::users-permissions.user'].zh, exact: true }).count()).toBe(0);
  });
});
