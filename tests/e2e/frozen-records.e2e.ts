/**
 * Frozen records look frozen, in a real browser: a draft contract's form is editable and has Save;
 * once the specialist submits it with the panel's action, the same page turns read-only — no input
 * of the form can be changed, no Save, the panel says why — and stays so when opened again; the
 * reviewers' actions in the panel still work. A complaint's form shows no link token, nor the
 * bookkeeping the panel shows.
 */
import type { Browser, Page } from 'playwright-core';
import { en } from '../../src/admin/workflow/translations';
import { launchChromium, RunningApp, startApp } from './server';
import { logIn as logInAs, restAs, takeAction } from './staff-session';
import { COMPLAINT, CONTRACT } from '../../src/platform/uids';

const shots = `${__dirname}/../../.tmp`;
let app: RunningApp;
let browser: Browser;
let contractId: string;

const logIn = (email: string) => logInAs(browser, app, email);
const panelOf = (page: Page) => page.getByRole('region', { name: en['contract.title'] });
const readOnlyNote = (page: Page) => panelOf(page).getByRole('note', { name: en['editing.readOnly'] });
const inReviewReason = `${en['contract.state.in_review']}: ${en['editing.reason.contract-left-draft']}`;

const openContract = async (page: Page) => {
  await page.goto(`${app.baseUrl}/admin/content-manager/collection-types/${CONTRACT}/${contractId}`);
  await panelOf(page).getByText(`${en['panel.yourActions']}:`).waitFor({ timeout: 30000 });
};

/** The form's inputs a user could change: text, choices, numbers, dates, switches, relation pickers. */
const enabledInputs = async (page: Page) => {
  const form = page.locator('main');
  let enabled = 0;
  for (const role of ['textbox', 'combobox', 'spinbutton', 'checkbox', 'switch', 'radio'] as const) {
    for (const input of await form.getByRole(role).all()) if (await input.isEnabled()) enabled += 1;
  }
  return enabled;
};

const save = (page: Page) => page.getByRole('button', { name: 'Save', exact: true });

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  const specialist = await restAs(app, 'cs-specialist@demo.local');
  const [product] = await specialist('GET', '/api/products?filters[active][$eq]=true&pagination[pageSize]=1');
  const customer = await specialist('POST', '/api/customers', { data: { name: '常州恒通阀门有限公司', region: '华东' } });
  await (
    await restAs(app, 'sales-manager@demo.local')
  )('PUT', `/api/customers/${customer.documentId}`, { data: { creditLimit: '1000000.00', creditTermsReason: '新客户授信' } });
  const contract = await specialist('POST', '/api/contracts', {
    data: {
      customer: customer.documentId,
      lines: [{ product: product.documentId, quantity: 3, unitPrice: '250.00' }],
      paymentTerms: 'T/T 30 days',
      deliveryDate: '2027-03-01',
    },
  });
  contractId = contract.documentId;
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('a draft contract is editable and has Save; submitted with the panel action, the same page turns read-only with the reason', async () => {
  const page = await logIn('cs-specialist@demo.local');
  await openContract(page);
  await page.locator('[name="paymentTerms"]').waitFor({ timeout: 30000 });
  expect(await page.locator('[name="paymentTerms"]').isEnabled()).toBe(true);
  await save(page).waitFor({ timeout: 30000 });
  expect(await readOnlyNote(page).count()).toBe(0);

  await takeAction(page, en['contract.action.submit']);
  await readOnlyNote(page).waitFor({ timeout: 30000 });
  await panelOf(page).getByText(inReviewReason).waitFor();
  await page.locator('[name="paymentTerms"]').waitFor({ timeout: 30000 });
  await page.waitForTimeout(1000); // the content manager renders document actions after an idle callback
  expect(await page.locator('[name="paymentTerms"]').isEnabled()).toBe(false);
  expect(await enabledInputs(page)).toBe(0);
  expect(await save(page).count()).toBe(0);
  await page.close();
});

it('a contract in review opened by the specialist has no enabled input, no Save, and says why', async () => {
  const page = await logIn('cs-specialist@demo.local');
  await openContract(page);
  await readOnlyNote(page).waitFor({ timeout: 30000 });
  await panelOf(page).getByText(inReviewReason).waitFor();
  await page.locator('[name="paymentTerms"]').waitFor({ timeout: 30000 });
  await page.waitForTimeout(1000);
  expect(await enabledInputs(page)).toBe(0);
  expect(await save(page).count()).toBe(0);
  await page.screenshot({ path: `${shots}/e2e-contract-read-only.png` });
  // A line's delete icon and "Add an entry" are there, disabled, like every input.
  expect(await page.getByRole('button', { name: /Add an entry/ }).isEnabled()).toBe(false);
  for (const button of await page.getByRole('button', { name: /Delete/ }).all()) expect(await button.isEnabled()).toBe(false);
  await page.close();
});

it("the reviewers' panel actions still work on the read-only contract", async () => {
  const page = await logIn('cs-supervisor@demo.local');
  await openContract(page);
  await readOnlyNote(page).waitFor({ timeout: 30000 });
  await takeAction(page, en['contract.action.review'], async (dialog) => {
    await dialog.getByRole('radio', { name: en['verdict.approve'] }).click();
  });
  await panelOf(page).getByText(`${en['panel.awaited']}: Planner`).waitFor({ timeout: 30000 });
  await readOnlyNote(page).waitFor({ timeout: 30000 });
  await page.waitForTimeout(1000);
  expect(await enabledInputs(page)).toBe(0);
  await page.close();
});

it("a complaint's form shows no link token and none of the bookkeeping the panel shows", async () => {
  const specialist = await restAs(app, 'cs-specialist@demo.local');
  const [complaint] = await specialist('GET', '/api/complaints?pagination[pageSize]=1');
  const page = await logIn('cs-specialist@demo.local');
  await page.goto(`${app.baseUrl}/admin/content-manager/collection-types/${COMPLAINT}/${complaint.documentId}`);
  await page.getByRole('region', { name: en['complaint.title'] }).getByText(`${en['panel.yourActions']}:`).waitFor({ timeout: 30000 });
  await page.locator('[name="description"]').waitFor({ timeout: 30000 });
  for (const field of [
    'feedbackTokenHash',
    'feedbackTokenExpiresAt',
    'version',
    'reviewRound',
    'measures',
    'dueAt',
    'rootCause',
    'feedbackFromIp',
  ]) {
    expect({ field, shown: await page.locator(`[name="${field}"], [name^="${field}."]`).count() }).toEqual({ field, shown: 0 });
  }
  expect(await page.getByText(/feedbackToken|Feedback token/i).count()).toBe(0);
  await page.screenshot({ path: `${shots}/e2e-complaint-form.png`, fullPage: true });
  await page.close();
});
