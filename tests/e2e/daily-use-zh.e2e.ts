/**
 * A working day in 中文, one role at a time (cs-supervisor, cs-specialist, sales-clerk,
 * marketing-vp): the home page, then for each workflow the role works with its list, one record's
 * edit view and one of its action dialogs. On every screen no English is left untranslated (the
 * Latin words that remain are codes, currencies and proper names, allow-listed below), money reads
 * one way ("CNY 1,234,567.50"), relations show names rather than codes or e-mail addresses, and a
 * record its reader may not change (a contract in review, for the specialist who drafted it) has
 * no input left to type into. Every screen is kept as a screenshot under .tmp/ for the reader.
 */
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { workflowTranslations } from '../../src/admin/workflow/translations';
import { STAFF_ROLES } from '../../src/domain/staff-roles';
import { launchChromium, RunningApp, startApp } from './server';
import { logIn, settled } from './staff-session';

const shots = `${__dirname}/../../.tmp`;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  // Customers' names are proper names, foreign ones in Latin letters ("Hegmann Hills Ltd").
  const db = new Database(app.databaseFile, { readonly: true });
  for (const { name } of db.prepare('SELECT name FROM customers').all() as { name: string }[]) {
    for (const word of name.match(/[A-Za-z]{2,}/g) ?? []) ALLOWED.add(word);
  }
  // An order line's key, which a shipment line names, is a code: random letters, at times with no digit.
  for (const { key } of db.prepare('SELECT key FROM components_order_lines WHERE key IS NOT NULL').all() as { key: string }[]) {
    ALLOWED.add(key);
  }
  db.close();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const cm = (uid: string, rest = '') => `${app.baseUrl}/admin/content-manager/collection-types/${uid}${rest}`;

/**
 * Latin words that are Chinese usage too: currency codes, trade and file terms, the product's and
 * the company's names. Codes with digits (HT-2026-00001, DN50, 浙B·12345) and e-mail addresses
 * are not words and are skipped before this list applies.
 */
const ALLOWED = new Set([
  ...['CNY', 'USD', 'EUR', 'FOB', 'CIF', 'EXW', 'PDF', 'XLSX', 'Excel', 'Strapi', 'ID', 'API', 'IP'],
  // 国家标准 (GB, GB/T) are named so in Chinese, and keys by their names (Ctrl / Cmd + Enter 保存).
  ...['GB', 'Ctrl', 'Cmd', 'Shift', 'Enter'],
  // The roles' names are stored in both languages ("CS supervisor 客服主管", src/staff/role-sync.ts): Strapi's
  // profile card shows a role's stored name, which no interface language translates.
  ...Object.values(STAFF_ROLES).flatMap((role) => role.name.split(' ').flatMap((word) => [word, word.toUpperCase()])),
]);

/**
 * The text a sighted reader sees: the page's text nodes outside elements hidden from the eye. The
 * design system's labels for screen readers (a 1-pixel clipped box: "Close modal", "清除 date") are
 * English in Strapi's own components and no translation reaches them; they are not the visible frame.
 */
const visibleTextOf = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const seen = (element: Element | null): boolean => {
      if (!element || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(element.tagName)) return false;
      if (!element.checkVisibility()) return false;
      for (let e: Element | null = element; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.display === 'none' || style.visibility === 'hidden') return false;
        const box = e.getBoundingClientRect();
        if (style.position === 'absolute' && box.width <= 1 && box.height <= 1) return false;
      }
      return true;
    };
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.textContent?.trim() && seen(node.parentElement)) parts.push(node.textContent);
    }
    return parts.join('\n');
  });

/** The Latin words of the page's visible text that are not allowed: untranslated English. */
export const untranslatedIn = async (page: Page): Promise<string[]> => {
  const text = await visibleTextOf(page);
  const words = text
    .split(/[\s,，。；;：:、（）()[\]{}"“”'‘’<>《》|/·]+/)
    .filter((token) => token && !/\d/.test(token) && !token.includes('@'))
    .flatMap((token) => token.match(/[A-Za-z]{2,}/g) ?? []);
  const untranslated = [...new Set(words)].filter((word) => !ALLOWED.has(word)).sort();
  if (untranslated.length > 0) {
    // Where each sits, for the reader of a failure: the text and the element around it.
    const places = await page.evaluate((found) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (found.some((word) => new RegExp(`\\b${word}\\b`).test(text)))
          out.push(`${text.trim()} ← ${node.parentElement?.outerHTML.slice(0, 160)}`);
      }
      return out;
    }, untranslated);
    console.log(`Untranslated on ${page.url()}:\n${places.join('\n')}`);
  }
  return untranslated;
};

/** Amounts with two decimals on the page that are not written "CNY 1,234.50". */
export const moneyNotInOneFormat = async (page: Page): Promise<string[]> => {
  const text = await page.evaluate(() => document.body.innerText);
  const amounts = [...text.matchAll(/(?:([A-Z]{3}) )?(-?[\d,]*\d\.\d{2})(?![\d%])/g)];
  return amounts.filter(([, currency, amount]) => !currency || !/^-?\d{1,3}(,\d{3})*\.\d{2}$/.test(amount)).map(([whole]) => whole);
};

/** Inputs, text areas and selects of the edit form one could still type into or pick from. */
const activeInputsOf = (page: Page) =>
  page.locator('form input:enabled:visible, form textarea:enabled:visible, form [role="combobox"]:not([aria-disabled="true"]):visible');

interface Workflow {
  uid: string;
  /** The text of a record in the list that opens it. */
  record: RegExp;
  /** Relation columns whose cells must show names, not codes. */
  named?: boolean;
}

const CONTRACT: Workflow = { uid: 'api::contract.contract', record: /^HT-\d{4}-\d{5}$/, named: true };
const ORDER: Workflow = { uid: 'api::order.order', record: /^SO-\d{4}-\d{6}$/, named: true };
const COMPLAINT: Workflow = { uid: 'api::complaint.complaint', record: /^TS-\d{4}-\d{5}$/, named: true };
const SHIPMENT: Workflow = { uid: 'api::shipment.shipment', record: /^CK-\d{4}-\d{6}$/, named: true };
const PAYMENT: Workflow = { uid: 'api::payment.payment', record: /^SK-\d{4}-\d{6}$/, named: true };
const STATEMENT: Workflow = { uid: 'api::statement.statement', record: /^DZ-\d{4}-\d{6}$/, named: true };
const RECEIVABLE: Workflow = { uid: 'api::receivable.receivable', record: /^\d{4}-\d{2}-\d{2}$/, named: true };
const TASK: Workflow = { uid: 'api::task.task', record: /回访|跟进|核对|更新|拜访|整理|核实/ };

const ROLES: [string, Workflow[]][] = [
  ['cs-supervisor', [CONTRACT, COMPLAINT, ORDER, TASK]],
  ['cs-specialist', [CONTRACT, ORDER, SHIPMENT]],
  ['sales-clerk', [PAYMENT, RECEIVABLE, STATEMENT]],
  ['marketing-vp', [CONTRACT, RECEIVABLE]],
];

/** The Chinese names of a workflow's actions, as its buttons show them. */
const actionLabels = (subject: string): string[] =>
  Object.entries(workflowTranslations['zh-Hans'])
    .filter(([key]) => key.startsWith(`cs.workflow.${subject}.action.`))
    .map(([, label]) => label as string);

/** Lets the panels, hints and lists settle (their second requests) before the page is read. */
const settle = (page: Page) => settled(page);

describe.each(ROLES)('%s working in 中文', (role, workflows) => {
  let page: Page;

  beforeAll(async () => {
    page = await logIn(browser, app, `${role}@demo.local`);
    await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'zh-Hans'));
  });
  afterAll(async () => {
    await page?.close();
  });

  it('the home page is Chinese', async () => {
    await page.goto(`${app.baseUrl}/admin`);
    await page.getByText(/您好/).first().waitFor({ timeout: 30000 });
    await settle(page);
    await page.screenshot({ path: `${shots}/e2e-zh-${role}-home.png` });
    expect(await untranslatedIn(page)).toEqual([]);
  });

  it.each(workflows.map((workflow) => [workflow.uid.split('.')[1], workflow] as const))(
    '%s: the list, a record and its action dialog are Chinese, money reads one way, relations show names',
    async (name, workflow) => {
      await page.goto(cm(workflow.uid));
      const first = page.getByText(workflow.record).first();
      await first.waitFor({ timeout: 30000 });
      await settle(page);
      await page.screenshot({ path: `${shots}/e2e-zh-${role}-${name}-list.png` });
      expect(await untranslatedIn(page)).toEqual([]);
      expect(await moneyNotInOneFormat(page)).toEqual([]);
      if (workflow.named) {
        const cells = await page.locator('tbody').innerText();
        expect(cells.match(/\bC-\d{6}\b|[\w.-]+@demo\.local/g) ?? []).toEqual([]);
      }

      await first.click();
      await page.waitForURL((url) => /\/[a-z0-9]{20,}$/.test(url.pathname), { timeout: 30000 });
      await page.getByText('记录', { exact: true }).first().waitFor({ timeout: 30000 });
      await settle(page);
      await page.screenshot({ path: `${shots}/e2e-zh-${role}-${name}-record.png`, fullPage: true });
      expect(await untranslatedIn(page)).toEqual([]);
      expect(await moneyNotInOneFormat(page)).toEqual([]);

      // The first action the panel offers as a button; its dialog is Chinese too.
      const subject = workflow.uid.split('.')[1];
      const offered = [];
      for (const label of actionLabels(subject)) {
        if (await page.getByRole('button', { name: label, exact: true }).count()) offered.push(label);
      }
      if (offered.length > 0) {
        await page.getByRole('button', { name: offered[0], exact: true }).first().click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        await settle(page);
        await page.screenshot({ path: `${shots}/e2e-zh-${role}-${name}-dialog.png` });
        expect(await untranslatedIn(page)).toEqual([]);
        await dialog
          .getByRole('button', { name: /^(关闭|取消)$/ })
          .first()
          .click();
        await dialog.waitFor({ state: 'detached' });
      }
    }
  );
});

describe('a frozen record, in 中文', () => {
  it('a contract in review has nothing left to type into for the specialist, and says why', async () => {
    const page = await logIn(browser, app, 'cs-specialist@demo.local');
    await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'zh-Hans'));
    await page.goto(cm('api::contract.contract', '?filters[$and][0][state][$eq]=in_review'));
    const first = page.getByText(CONTRACT.record).first();
    await first.waitFor({ timeout: 30000 });
    await first.click();
    await page.getByText('记录', { exact: true }).first().waitFor({ timeout: 30000 });
    await settle(page);
    await page.screenshot({ path: `${shots}/e2e-zh-frozen-contract.png`, fullPage: true });
    expect(await activeInputsOf(page).count()).toBe(0);
    expect(await page.getByRole('button', { name: '保存' }).count()).toBe(0);
    expect(await untranslatedIn(page)).toEqual([]);
    await page.close();
  });
});
