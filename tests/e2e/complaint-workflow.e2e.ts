/**
 * The complaint workflow in the admin panel, in a real browser: a specialist's recorded complaint
 * is confirmed and handed to quality with the edit view's document actions; quality judges it
 * justified and adds a measure it owns (kind, owner role and due date entered in the dialog); the
 * measures of a minor complaint go straight into progress; the measure is completed through the
 * measure picker; the side panel shows the deadline, the measure done and the whole history.
 */
import Database from 'better-sqlite3';
import type { Browser, Locator, Page } from 'playwright-core';
import { OPTION_WORDS } from '../../src/content-manager/option-words';
import { en } from '../../src/admin/workflow/translations';
import { launchChromium, RunningApp, startApp } from './server';
import { logIn, pickOption, restAs, takeAction } from './staff-session';
import { COMPLAINT } from '../../src/platform/uids';

const shots = `${__dirname}/../../.tmp`;
const MEASURE = '100% leak test of the pumps in stock';
let app: RunningApp;
let browser: Browser;
let complaintId: string;
let complaintNumber: string;

const panelOf = (page: Page) => page.getByRole('region', { name: en['complaint.title'] });

/** Opens the complaint and waits until its workflow panel shows what the server said. */
const openComplaint = async (email: string) => {
  const page = await logIn(browser, app, email);
  await page.goto(`${app.baseUrl}/admin/content-manager/collection-types/${COMPLAINT}/${complaintId}`);
  await panelOf(page).getByText(`${en['panel.yourActions']}:`).waitFor({ timeout: 30000 });
  return page;
};

const take = (page: Page, action: keyof typeof en, fill?: (dialog: Locator) => Promise<void>) => takeAction(page, en[action], fill);

const stateIs = (page: Page, state: keyof typeof en) => panelOf(page).getByText(en[state], { exact: true }).waitFor({ timeout: 30000 });

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  const specialist = await restAs(app, 'cs-specialist@demo.local');
  const [customer] = await specialist('GET', '/api/customers?pagination[pageSize]=1');
  const [product] = await specialist('GET', '/api/products?filters[active][$eq]=true&pagination[pageSize]=1');
  const complaint = await specialist('POST', '/api/complaints', {
    data: {
      customer: customer.documentId,
      product: product.documentId,
      channel: 'phone',
      category: 'quality',
      severity: 'minor',
      description: '泵体有砂眼，渗漏',
    },
  });
  expect(complaint).toMatchObject({ state: 'received', severity: 'minor' });
  complaintId = complaint.documentId;
  complaintNumber = complaint.number;
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('a specialist confirms the recorded complaint and hands it to quality', async () => {
  const page = await openComplaint('cs-specialist@demo.local');
  const panel = panelOf(page);
  await stateIs(page, 'complaint.state.received');
  // A received complaint is to be confirmed within a working day: the panel shows the deadline.
  await panel.getByText(`${en['panel.deadline']}:`).waitFor();
  expect(await panel.getByText(en['panel.noDeadline']).count()).toBe(0);

  await take(page, 'complaint.action.confirm', (dialog) =>
    dialog.getByRole('textbox', { name: en['field.comment'] }).fill('与客户电话确认：3 台泵渗漏')
  );
  await stateIs(page, 'complaint.state.confirmed');
  await take(page, 'complaint.action.analyse');
  await stateIs(page, 'complaint.state.under_analysis');
  await panel.getByText(`${en['panel.yourActions']}: ${en['panel.noActions']}`).waitFor();
  // The edit view's document was read again: its (read-only) State field follows the workflow.
  await page
    .getByRole('combobox', { name: /State/ })
    .filter({ hasText: OPTION_WORDS[COMPLAINT].state.under_analysis.en })
    .waitFor({ timeout: 30000 });
  await page.close();
});

it('quality judges it justified and adds a measure it owns', async () => {
  const page = await openComplaint('quality@demo.local');
  const panel = panelOf(page);
  await take(page, 'complaint.action.judge_justified', (dialog) =>
    dialog.getByRole('textbox', { name: en['field.rootCause'] }).fill('铸件气孔，供应商批次 2611')
  );
  await stateIs(page, 'complaint.state.justified');
  await panel.getByText(en['panel.noMeasures']).waitFor();

  await take(page, 'complaint.action.add_measure', async (dialog) => {
    await pickOption(page, dialog, en['field.kind'], en['measureKind.containment']);
    await dialog.getByRole('textbox', { name: en['field.description'] }).fill(MEASURE);
    await pickOption(page, dialog, en['field.ownerRole'], 'Quality');
    await dialog.getByRole('combobox', { name: en['field.dueDate'] }).fill('01/15/2027');
    await dialog.getByText(en['complaint.hint.add_measure']).click(); // the date is taken when the field loses focus
  });
  const measures = panel.getByRole('list', { name: en['panel.measures'] }).getByRole('listitem');
  await measures.first().waitFor({ timeout: 30000 });
  expect(await measures.count()).toBe(1);
  for (const text of [en['measureKind.containment'], MEASURE, 'Owner: Quality', 'Due 2027-01-15', en['panel.measureOpen']]) {
    await measures.first().getByText(text).waitFor();
  }
  await page.close();
});

it('submitting the measures of a minor complaint puts them in progress; the owner completes it through the measure picker', async () => {
  const page = await openComplaint('quality@demo.local');
  const panel = panelOf(page);
  await take(page, 'complaint.action.submit_measures');
  await stateIs(page, 'complaint.state.in_progress');
  // No deadline while the measures run: each has its own due date.
  await panel.getByText(en['panel.noDeadline']).waitFor();

  await take(page, 'complaint.action.complete_measure', async (dialog) => {
    await pickOption(page, dialog, en['field.measure'], `${MEASURE} · Quality · 2027-01-15`);
    await dialog.getByRole('textbox', { name: en['field.result'] }).fill('1,200 pumps tested, 3 rejected');
  });
  const measure = panel.getByRole('list', { name: en['panel.measures'] }).getByRole('listitem').first();
  await measure.getByText(/^Done /).waitFor({ timeout: 30000 });
  await measure.getByText('1,200 pumps tested, 3 rejected').waitFor();
  await stateIs(page, 'complaint.state.in_progress');

  const history = panel.getByRole('list', { name: en['panel.history'] }).getByRole('listitem');
  const steps = ['confirm', 'analyse', 'judge_justified', 'add_measure', 'submit_measures', 'complete_measure'] as const;
  await history.nth(steps.length - 1).waitFor({ timeout: 30000 });
  const db = new Database(app.databaseFile, { readonly: true });
  const events = db
    .prepare("SELECT action FROM workflow_events WHERE subject = 'complaint' AND subject_id = ? ORDER BY at, id")
    .all(complaintId);
  const stored = db.prepare('SELECT state FROM complaints WHERE document_id = ?').get(complaintId);
  db.close();
  expect(events).toEqual(steps.map((action) => ({ action })));
  const shown = await history.allInnerTexts();
  expect(shown.map((text) => text.split('\n')[0])).toEqual(steps.map((step) => en[`complaint.action.${step}`]));
  expect(shown[0]).toContain('by 李娜 (CS specialist)'); // the role once, after the name
  expect(shown[2]).toContain(`${en['complaint.state.under_analysis']} → ${en['complaint.state.justified']}`);
  expect(stored).toEqual({ state: 'in_progress' });
  await page.getByText(complaintNumber).first().waitFor();
  await page.screenshot({ path: `${shots}/e2e-complaint-measure-done.png` });
  await page.close();
});
