/**
 * The edit views as staff meet them every day, mostly in 中文: a date reads and is typed as
 * 2026-04-08 in both languages (its input, with the calendar, and the list); a won customer need
 * is read-only with the reason; what staff type into a complaint is all on the first 1440×900
 * screen; a record's history says each person's role once; a contract's customer picker offers no
 * "Create a relation". One page, the specialist's, kept open across the tests.
 */
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { workflowTranslations } from '../../src/admin/workflow/translations';
import { STAFF_ROLES } from '../../src/domain/staff-roles';
import { COMPLAINT, CONTRACT, CUSTOMER_NEED } from '../../src/platform/uids';
import { launchChromium, RunningApp, startApp } from './server';
import { logIn, restAs } from './staff-session';

const shots = `${__dirname}/../../.tmp`;
const zh = (key: string) => workflowTranslations['zh-Hans'][`cs.workflow.${key}` as keyof (typeof workflowTranslations)['zh-Hans']];

let app: RunningApp;
let browser: Browser;
let specialist: Page;
let contractId: string;
let openNeedId: string;
let wonNeedId: string;

const edit = (uid: string, documentId: string) => `${app.baseUrl}/admin/content-manager/collection-types/${uid}/${documentId}`;

const inLanguage = async (page: Page, language: 'zh-Hans' | 'en') => {
  await page.evaluate((chosen) => localStorage.setItem('strapi-admin-language', chosen), language);
};

/** Inputs, text areas and selects of the edit form one could still type into or pick from. */
const activeInputsOf = (page: Page) =>
  page.locator('form input:enabled:visible, form textarea:enabled:visible, form [role="combobox"]:not([aria-disabled="true"]):visible');

const readOnlyNote = (page: Page) => page.getByRole('note', { name: zh('editing.readOnly') });

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  const rest = await restAs(app, 'cs-specialist@demo.local');
  const [product] = await rest('GET', '/api/products?filters[active][$eq]=true&pagination[pageSize]=1');
  const customer = await rest('POST', '/api/customers', { data: { name: '无锡华信泵业有限公司', region: '华东' } });
  const contract = await rest('POST', '/api/contracts', {
    data: {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 2, unitPrice: '480.00' }],
      paymentTerms: '月结30天',
      deliveryDate: '2027-03-01',
    },
  });
  contractId = contract.documentId;
  const need = (description: string) =>
    rest('POST', '/api/customer-needs', { data: { customer: customer.documentId, description, expectedDate: '2027-05-01' } });
  openNeedId = (await need('明年一季度 DN80 离心泵备货')).documentId;
  wonNeedId = (await need('年底检修备件')).documentId;
  await rest('PUT', `/api/customer-needs/${wonNeedId}`, { data: { status: 'won' } });
  specialist = await logIn(browser, app, 'cs-specialist@demo.local');
  await inLanguage(specialist, 'zh-Hans');
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('a date shows and is typed as 2027-04-08 in 中文 and in English, with the calendar, and so in the list', async () => {
  const page = specialist;
  await page.goto(edit(CONTRACT, contractId));
  const delivery = page.locator('input[name="deliveryDate"]');
  await delivery.waitFor({ timeout: 30000 });
  await page.getByRole('button', { name: '保存', exact: true }).waitFor({ timeout: 30000 });
  expect(await delivery.inputValue()).toBe('2027-03-01');
  // Strapi's calendar is kept, in the reader's language.
  await delivery.click();
  const calendar = page.getByRole('grid');
  await calendar.waitFor();
  expect(await calendar.innerText()).toContain('周三');
  await page.keyboard.press('Escape');

  await delivery.fill('2027-04-08');
  await page.getByRole('heading', { level: 1 }).click(); // leaving the input takes the date typed
  expect(await delivery.inputValue()).toBe('2027-04-08');
  const saved = page.waitForResponse((res) => res.url().includes(`/${contractId}`) && res.request().method() === 'PUT');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  expect((await saved).status()).toBe(200);
  const rest = await restAs(app, 'cs-specialist@demo.local');
  expect((await rest('GET', `/api/contracts/${contractId}`)).deliveryDate).toBe('2027-04-08');

  await inLanguage(page, 'en');
  await page.reload();
  await delivery.waitFor({ timeout: 30000 });
  await page.getByRole('button', { name: 'Save', exact: true }).waitFor({ timeout: 30000 });
  expect(await delivery.inputValue()).toBe('2027-04-08');
  // The contract just saved is the list's first row when it is sorted by the last change.
  await page.goto(`${app.baseUrl}/admin/content-manager/collection-types/${CONTRACT}?page=1&pageSize=10&sort=updatedAt:DESC`);
  await page.locator('tbody tr').first().getByText('2027-04-08').waitFor({ timeout: 30000 });
  const cells = await page.locator('tbody').innerText();
  expect(cells.match(/\d{1,4}[/.]\d{1,2}[/.]\d{1,4}/g) ?? []).toEqual([]);
});

it("a contract's customer picker offers no 'Create a relation': customers are created from their list", async () => {
  const page = specialist;
  await inLanguage(page, 'zh-Hans');
  await page.goto(edit(CONTRACT, contractId));
  await page.getByRole('button', { name: '保存', exact: true }).waitFor({ timeout: 30000 });
  await page.getByRole('combobox', { name: /^客户/ }).click();
  const create = page.getByRole('option', { name: '新建关联记录' });
  await create.waitFor();
  expect(await create.getAttribute('aria-disabled')).toBe('true');
  await page.keyboard.press('Escape');
});

it('a won customer need has nothing to type into, no Save, and says why; an open one is editable', async () => {
  const page = specialist;
  await inLanguage(page, 'zh-Hans');
  await page.goto(edit(CUSTOMER_NEED, wonNeedId));
  await readOnlyNote(page).waitFor({ timeout: 30000 });
  await page.getByText(`已成交：${zh('editing.reason.need-settled')}`).waitFor();
  await page.locator('[name="description"]').waitFor();
  await page.waitForTimeout(1000); // the content manager renders document actions after an idle callback
  expect(await activeInputsOf(page).count()).toBe(0);
  expect(await page.getByRole('button', { name: '保存', exact: true }).count()).toBe(0);
  await page.screenshot({ path: `${shots}/e2e-need-won.png` });

  await page.goto(edit(CUSTOMER_NEED, openNeedId));
  await page.getByRole('button', { name: '保存', exact: true }).waitFor({ timeout: 30000 });
  expect(await page.locator('textarea[name="description"]').isEnabled()).toBe(true);
  expect(await readOnlyNote(page).count()).toBe(0);
});

it('a new complaint shows all that staff type on the first 1440×900 screen', async () => {
  const db = new Database(app.databaseFile, { readonly: true });
  const { document_id: complaintId } = db.prepare("SELECT document_id FROM complaints WHERE state = 'received' LIMIT 1").get() as {
    document_id: string;
  };
  db.close();
  const page = specialist;
  await inLanguage(page, 'zh-Hans');
  await page.goto(edit(COMPLAINT, complaintId));
  await page.locator('[name="description"]').waitFor({ timeout: 30000 });
  await page.getByRole('button', { name: '保存', exact: true }).waitFor({ timeout: 30000 });
  await page.waitForTimeout(1000); // relations and media load their second requests
  await page.screenshot({ path: `${shots}/e2e-complaint-one-screen.png` });
  // Each typed field, from its label to its hint: where its bottom lies on the unscrolled page.
  const typed = ['客户', '订单', '产品', '投诉渠道', '类别', '严重度', '受理时间', '发货单号', '批号', '投诉内容', '客户诉求', '附件'];
  const bottoms = await page.evaluate((labels) => {
    const all = Array.from(document.querySelectorAll('main form label'));
    return labels.map((word) => {
      const label = all.find(
        (element) =>
          (element.textContent ?? '')
            .trim()
            .replace(/\s*\(\d+\)$/, '')
            .replace(/\*$/, '') === word
      );
      return { word, bottom: label?.parentElement ? Math.round(label.parentElement.getBoundingClientRect().bottom) : null };
    });
  }, typed);
  expect(await page.evaluate(() => [window.innerHeight, document.querySelector('main')!.scrollTop])).toEqual([900, 0]);
  for (const { word, bottom } of bottoms) expect({ word, bottom: bottom !== null && bottom <= 900 }).toEqual({ word, bottom: true });
});

it("a contract's history says each person's role once", async () => {
  const db = new Database(app.databaseFile, { readonly: true });
  const { document_id: approvedId } = db.prepare("SELECT document_id FROM contracts WHERE state = 'approved' LIMIT 1").get() as {
    document_id: string;
  };
  db.close();
  const page = specialist;
  await inLanguage(page, 'zh-Hans');
  await page.goto(edit(CONTRACT, approvedId));
  const history = page.getByRole('list', { name: zh('panel.history') }).getByRole('listitem');
  await history.first().waitFor({ timeout: 30000 });
  const lines = await history.allInnerTexts();
  expect(lines.join('\n')).toContain(`李娜 (${STAFF_ROLES['cs-specialist'].nameZh})`);
  for (const line of lines) {
    const repeated = Object.values(STAFF_ROLES)
      .map(({ nameZh }) => nameZh)
      .filter((role) => line.split(role).length > 2);
    expect({ line, repeated }).toEqual({ line, repeated: [] });
  }
});
