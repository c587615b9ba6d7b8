/**
 * The contract review in the admin panel, in a real browser: a specialist submits a drafted
 * contract with the edit view's workflow action; the supervisor and the planner approve it through
 * the review dialog; the side panel shows both opinions, the history and the approved state; a
 * role without a part in the review (quality) sees no workflow actions; the contract list offers
 * the ledger export.
 */
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { OPTION_WORDS } from '../../src/content-manager/option-words';
import { CONTRACT_ACTIONS } from '../../src/domain/contract-review';
import { en } from '../../src/admin/workflow/translations';
import { launchChromium, RunningApp, startApp } from './server';
import { countActions, logIn as logInAs, restAs } from './staff-session';
import { CONTRACT } from '../../src/platform/uids';

const shots = `${__dirname}/../../.tmp`;
let app: RunningApp;
let browser: Browser;
let contractId: string;

const restAsStaff = (email: string) => restAs(app, email);
const logIn = (email: string) => logInAs(browser, app, email);

const cm = (rest = '') => `${app.baseUrl}/admin/content-manager/collection-types/${CONTRACT}${rest}`;
const panelOf = (page: Page) => page.getByRole('region', { name: en['contract.title'] });

/** Opens the contract and waits until its workflow panel shows what the server said. */
const openContract = async (page: Page) => {
  await page.goto(cm(`/${contractId}`));
  await panelOf(page).getByText(`${en['panel.yourActions']}:`).waitFor({ timeout: 30000 });
  return panelOf(page);
};

/** The workflow actions the page offers, in the Entry panel or its "more" menu. */
const workflowButtons = (page: Page) =>
  countActions(
    page,
    CONTRACT_ACTIONS.map((action) => en[`contract.action.${action}`])
  );

const review = async (email: string, comment: string) => {
  const page = await logIn(email);
  const panel = await openContract(page);
  await panel.getByText(`${en['panel.yourActions']}: ${en['contract.action.review']}`).waitFor();
  await page.getByRole('button', { name: en['contract.action.review'], exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: en['verdict.approve'] }).click();
  await dialog.getByRole('textbox', { name: en['field.comment'] }).fill(comment);
  await dialog.getByRole('button', { name: en['contract.action.review'], exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout: 30000 });
  return page;
};

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  // A customer of our own with room on its credit: the review then awaits exactly the supervisor
  // and the planner (a demo customer may be over its limit and need the sales clerk too).
  const specialist = await restAsStaff('cs-specialist@demo.local');
  const [product] = await specialist('GET', '/api/products?filters[active][$eq]=true&pagination[pageSize]=1');
  const customer = await specialist('POST', '/api/customers', { data: { name: '无锡精工传动有限公司', region: '华东' } });
  // Credit terms are the sales manager's to set, with a reason.
  await (
    await restAsStaff('sales-manager@demo.local')
  )('PUT', `/api/customers/${customer.documentId}`, {
    data: { creditLimit: '1000000.00', creditTermsReason: '新客户授信 first credit line' },
  });
  const order = await specialist('POST', '/api/orders', {
    data: {
      customer: customer.documentId,
      requiredDate: '2027-03-01',
      lines: [{ product: product.documentId, quantity: 4, unitPrice: '120.00' }],
    },
  });
  const contract = await specialist('POST', '/api/contracts', {
    data: { orders: [order.documentId], paymentTerms: '30% deposit, 70% before shipment' },
  });
  expect(contract).toMatchObject({ state: 'draft', deliveryDate: '2027-03-01' });
  contractId = contract.documentId;
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('a specialist submits the drafted contract with the workflow action', async () => {
  const page = await logIn('cs-specialist@demo.local');
  const panel = await openContract(page);
  await panel.getByText(en['contract.state.draft'], { exact: true }).waitFor();
  await page.getByRole('button', { name: en['contract.action.submit'], exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(en['contract.hint.submit']).waitFor();
  await dialog.getByRole('button', { name: en['contract.action.submit'], exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout: 30000 });

  await panel.getByText(en['contract.state.in_review'], { exact: true }).waitFor({ timeout: 30000 });
  await panel.getByText(`${en['panel.awaited']}: CS supervisor, Planner`).waitFor();
  // The edit view's document was read again: its (read-only) State field follows the workflow.
  await page
    .getByRole('combobox', { name: /State/ })
    .filter({ hasText: OPTION_WORDS[CONTRACT].state.in_review.en })
    .waitFor({ timeout: 30000 });
  await page.screenshot({ path: `${shots}/e2e-contract-submitted.png` });
  await page.close();
});

it('quality, who has no part in the review, sees no workflow actions', async () => {
  const page = await logIn('quality@demo.local');
  const panel = await openContract(page);
  await panel.getByText(`${en['panel.yourActions']}: ${en['panel.noActions']}`).waitFor();
  await panel.getByText(en['contract.state.in_review'], { exact: true }).waitFor();
  await page.waitForTimeout(1000); // the content manager renders document actions after an idle callback
  expect(await workflowButtons(page)).toBe(0);
  await page.close();
});

it('the supervisor and the planner approve it through the review dialog', async () => {
  const supervisor = await review('cs-supervisor@demo.local', '付款条件可接受');
  const supervisorPanel = panelOf(supervisor);
  await supervisorPanel.getByText(`${en['panel.awaited']}: Planner`).waitFor({ timeout: 30000 });
  await supervisorPanel.getByText(en['contract.state.in_review'], { exact: true }).waitFor();
  expect(await workflowButtons(supervisor)).toBe(0); // one opinion per role and round
  await supervisor.close();

  const planner = await review('planner@demo.local', '产能可满足');
  const panel = panelOf(planner);
  await panel.getByText(en['contract.state.approved'], { exact: true }).waitFor({ timeout: 30000 });
  await planner
    .getByRole('combobox', { name: /State/ })
    .filter({ hasText: OPTION_WORDS[CONTRACT].state.approved.en })
    .waitFor({ timeout: 30000 });

  const opinions = panel.getByRole('list', { name: en['panel.opinions'] }).getByRole('listitem');
  expect(await opinions.count()).toBe(2);
  const supervisorOpinion = opinions.filter({ hasText: 'CS supervisor' });
  for (const text of ['王静', en['verdict.approve'], '付款条件可接受']) await supervisorOpinion.getByText(text).waitFor();
  const plannerOpinion = opinions.filter({ hasText: 'Planner' });
  for (const text of ['陈强', en['verdict.approve'], '产能可满足']) await plannerOpinion.getByText(text).waitFor();

  const history = panel.getByRole('list', { name: en['panel.history'] }).getByRole('listitem');
  expect(await history.count()).toBe(3);
  expect(await history.nth(0).innerText()).toContain(en['contract.action.submit']);
  expect(await history.nth(0).innerText()).toContain('by 李娜 (CS specialist)'); // the role once, after the name
  expect(await history.nth(2).innerText()).toContain(`${en['contract.state.in_review']} → ${en['contract.state.approved']}`);
  await panel.getByText(`${en['panel.yourActions']}: ${en['panel.noActions']}`).waitFor();
  await planner.screenshot({ path: `${shots}/e2e-contract-approved.png` });
  await planner.close();

  const db = new Database(app.databaseFile, { readonly: true });
  const stored = db.prepare('SELECT state, version FROM contracts WHERE document_id = ?').get(contractId);
  db.close();
  expect(stored).toEqual({ state: 'approved', version: 3 });
});

it('the contract list offers the ledger as XLSX', async () => {
  const page = await logIn('cs-supervisor@demo.local');
  await page.goto(cm());
  const button = page.getByRole('button', { name: en['ledger.export'] });
  await button.waitFor({ timeout: 30000 });
  const [request] = await Promise.all([
    page.waitForRequest((req) => req.url().includes('/workflows/contract-ledger?format=xlsx')),
    button.click(),
  ]);
  expect(request.method()).toBe('GET');
  await page.close();
});
