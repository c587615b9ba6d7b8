/**
 * The order follow-up in the admin panel, in a real browser: the supervisor finds the new order on
 * their home page's work list (待办) and confirms the repeat
 * order (recorded through REST) with the edit view's document action; the planner schedules it
 * through the dialog's three dates; the side panel then shows the new state, the plan, the order's
 * packaging items with their artwork, and the history of both steps. The specialist finds the task
 * (工作安排) the supervisor gave them on their home page and accepts it from the task's Entry panel.
 * The supervisor's team view lists the members and opens one member's list; a staff member sets how
 * their mail comes (My mail) on the same page.
 */
import fs from 'fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { OPTION_WORDS } from '../../src/content-manager/option-words';
import { en } from '../../src/admin/workflow/translations';
import { Delivery, DELIVERY_LABELS, MAIL_KIND_LABELS, MailKind } from '../../src/domain/mail-preferences';
import { STAFF_ROLES } from '../../src/domain/staff-roles';
import { launchChromium, RunningApp, startApp } from './server';
import { logIn, restAs, takeAction } from './staff-session';
import { ORDER, TASK } from '../../src/platform/uids';

const shots = `${__dirname}/../../.tmp`;
const CARTON = '外箱 5层瓦楞 印客户LOGO';
const ORDER_TASK = '与客户确认外箱唛头';
let app: RunningApp;
let browser: Browser;
let orderId: string;

const panelOf = (page: Page) => page.getByRole('region', { name: en['order.title'] });

/** Opens the order and waits until its workflow panel shows what the server said. */
const openOrder = async (email: string) => {
  const page = await logIn(browser, app, email);
  await page.goto(`${app.baseUrl}/admin/content-manager/collection-types/${ORDER}/${orderId}`);
  await panelOf(page).getByText(`${en['panel.yourActions']}:`).waitFor({ timeout: 30000 });
  return page;
};

const stateIs = (page: Page, state: keyof typeof en) => panelOf(page).getByText(en[state], { exact: true }).waitFor({ timeout: 30000 });

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  const supervisor = await restAs(app, 'cs-supervisor@demo.local');
  // A customer of our own (no credit limit set yet): a demo customer may be on credit hold.
  const customer = await supervisor('POST', '/api/customers', { data: { name: '常州恒力泵业有限公司', region: '华东' } });
  const [product] = await supervisor('GET', '/api/products?filters[active][$eq]=true&pagination[pageSize]=1');
  const order = await supervisor('POST', '/api/orders', {
    data: { customer: customer.documentId, lines: [{ product: product.documentId, quantity: 40, unitPrice: '320.00' }] },
  });
  expect(order).toMatchObject({ state: 'draft' });
  orderId = order.documentId;
  await supervisor('POST', '/api/packaging-items', { data: { order: orderId, kind: 'carton', description: CARTON } });
  // A task about this order, which its panel lists.
  const [specialist] = await supervisor('GET', '/api/users?filters[email][$eq]=cs-specialist@demo.local');
  const dueDate = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  await supervisor('POST', '/api/tasks', {
    data: { title: ORDER_TASK, dueDate, priority: 'normal', assignee: specialist.id, subject: 'order', subjectId: orderId },
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it("the supervisor's home page opens on their work list (待办), with the new draft order to confirm", async () => {
  const supervisor = await restAs(app, 'cs-supervisor@demo.local');
  const work = await supervisor('GET', '/api/my-work');
  expect(work.items).toEqual(expect.arrayContaining([expect.objectContaining({ documentId: orderId, actions: ['confirm'] })]));
  const page = await logIn(browser, app, 'cs-supervisor@demo.local');
  const widget = page.locator('[data-widget="my-work"]');
  await widget.waitFor({ timeout: 30000 });
  // The same person's list as REST gives it, most urgent first.
  await widget.getByText(`${work.counts.total} waiting, ${work.counts.overdue} overdue`).waitFor({ timeout: 30000 });
  const first = work.items[0];
  expect(await widget.locator(`[data-work-item="${first.documentId}"]`).count()).toBeGreaterThan(0);
  await page.screenshot({ path: `${shots}/e2e-my-work.png` });
  await widget.locator(`[data-work-item="${first.documentId}"] a`).first().click();
  await page.waitForURL((url) => url.pathname.endsWith(`/collection-types/${first.uid}/${first.documentId}`), { timeout: 30000 });
  await page.close();
});

it('the whole work list is a page of its own, filtered by what it is, overdue only, or a number typed in', async () => {
  const supervisor = await restAs(app, 'cs-supervisor@demo.local');
  const work = await supervisor('GET', '/api/my-work');
  const page = await logIn(browser, app, 'cs-supervisor@demo.local');
  await page.goto(`${app.baseUrl}/admin/my-work`);
  const rows = page.locator('tr[data-work-item]');
  await rows.first().waitFor({ timeout: 30000 });
  const shownIds = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-work-item')));
  /** The rows once the page has applied the filter (it re-renders after the click). */
  const listed = async (want: string[]) => {
    for (let tries = 0; tries < 50 && JSON.stringify(await shownIds()) !== JSON.stringify(want); tries += 1) await page.waitForTimeout(200);
    return shownIds();
  };
  type Item = { documentId: string; overdue: boolean; subject: string; kind: string; number: string | null };
  const all = work.items.map((item: Item) => item.documentId);
  expect(await listed(all)).toEqual(all);
  await page.getByRole('checkbox', { name: en['myWork.filterOverdue'] }).click();
  const overdue = work.items.filter((item: Item) => item.overdue).map((item: Item) => item.documentId);
  expect(await listed(overdue)).toEqual(overdue);
  await page.getByRole('checkbox', { name: en['myWork.filterOverdue'] }).click();
  await page.getByRole('combobox', { name: en['myWork.filterKind'] }).click();
  await page.getByRole('option', { name: en['order.title'], exact: true }).click();
  const orders = work.items.filter((item: Item) => item.kind === 'action' && item.subject === 'order');
  expect(await listed(orders.map((item: Item) => item.documentId))).toEqual(orders.map((item: Item) => item.documentId));
  await page.getByRole('textbox', { name: en['myWork.filterText'] }).fill(orders[0].number);
  expect(await listed([orders[0].documentId])).toEqual([orders[0].documentId]);
  await page.screenshot({ path: `${shots}/e2e-my-work-page.png` });
  await page.close();
});

it('the supervisor downloads every late order (进度交期跟踪) as an XLSX from the work list, one row each', async () => {
  const supervisor = await restAs(app, 'cs-supervisor@demo.local');
  const late = await supervisor('GET', '/api/orders/late');
  expect(late.orders.length).toBeGreaterThan(0);
  const page = await logIn(browser, app, 'cs-supervisor@demo.local');
  await page.goto(`${app.baseUrl}/admin/my-work`);
  const button = page.getByRole('button', { name: en['myWork.lateExport'] });
  await button.waitFor({ timeout: 30000 });
  // Clicked once the page has finished loading (its other sections re-render it): on a busy CI
  // machine a click during that loading once started no download within 30 s.
  await page.waitForLoadState('networkidle');
  const download = page.waitForEvent('download');
  await button.click();
  const bytes = fs.readFileSync(await (await download).path());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const numbers = workbook.worksheets[0]
    .getColumn(1)
    .values.slice(2)
    .map((value) => String(value));
  expect(numbers).toEqual(late.orders.map((order: { number: string }) => order.number));
  await page.close();
});

it("the supervisor's team view (监督) lists each member with their open and overdue work; a click opens that member's list", async () => {
  const supervisor = await restAs(app, 'cs-supervisor@demo.local');
  type Member = { staffId: number; name: string; counts: { total: number; overdue: number } };
  const { members } = (await supervisor('GET', '/api/my-work/team')) as { members: Member[] };
  const specialist = members.find((member) => member.counts.total > 0)!;
  const items = (await supervisor('GET', `/api/my-work/team/${specialist.staffId}`)).items as { documentId: string }[];
  const page = await logIn(browser, app, 'cs-supervisor@demo.local');
  await page.goto(`${app.baseUrl}/admin/my-work`);
  await page.getByRole('tab', { name: en['myWork.tab.team'] }).click();
  const rows = page.locator('tr[data-team-member]');
  await rows.first().waitFor({ timeout: 30000 });
  expect(await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-team-member'))))).toEqual(
    members.map((member) => member.staffId)
  );
  const row = page.locator(`tr[data-team-member="${specialist.staffId}"]`);
  expect(await row.locator('td').nth(2).innerText()).toBe(String(specialist.counts.total));
  await row.getByRole('button', { name: specialist.name }).click();
  const listed = page.locator(`[data-member-work="${specialist.staffId}"] tr[data-work-item]`);
  await listed.first().waitFor({ timeout: 30000 });
  expect(await listed.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-work-item')))).toEqual(
    items.map((item) => item.documentId)
  );
  await page.screenshot({ path: `${shots}/e2e-team-view.png` });
  await page.close();
});

it("the specialist's work list has the supervisor's task, the home page shows the list's head; accepting the task from its panel leaves only 'Done'", async () => {
  const specialist = await restAs(app, 'cs-specialist@demo.local');
  const title = '回访本月投诉客户，确认补发产品已签收'; // a demo task (src/demo/demo-tasks.ts)
  const task = (await specialist('GET', '/api/my-work')).items.find((item: { number: string }) => item.number === title);
  expect(task).toMatchObject({ subject: 'task', uid: TASK, actions: ['accept', 'complete'] });

  const page = await logIn(browser, app, 'cs-specialist@demo.local');
  // The widget shows the first eight of the same list, most urgent first (overdue complaints come
  // before a task due in three days); the task itself is opened from its record.
  const widget = page.locator('[data-widget="my-work"]');
  await widget.waitFor({ timeout: 30000 });
  const shown = await widget.locator('[data-work-item]').evaluateAll((items) => items.map((item) => item.getAttribute('data-work-item')));
  const work = (await specialist('GET', '/api/my-work')).items as { documentId: string }[];
  expect(shown).toEqual(work.slice(0, 8).map((entry) => entry.documentId));
  await page.goto(`${app.baseUrl}/admin/content-manager/collection-types/${TASK}/${task.documentId}`);
  const panel = page.getByRole('region', { name: en['task.title'], exact: true });
  await panel.getByText(en['task.state.assigned'], { exact: true }).waitFor({ timeout: 30000 });
  await takeAction(page, en['task.action.accept']);
  await panel.getByText(en['task.state.accepted'], { exact: true }).waitFor({ timeout: 30000 });
  const after = (await specialist('GET', '/api/my-work')).items.find(
    (candidate: { documentId: string }) => candidate.documentId === task.documentId
  );
  expect(after.actions).toEqual(['complete']);
  await page.close();
});

it('the supervisor confirms the draft order with the document action', async () => {
  const page = await openOrder('cs-supervisor@demo.local');
  const panel = panelOf(page);
  await stateIs(page, 'order.state.draft');
  // A draft holds no stock and has no plan yet; its packaging is listed with the artwork still open.
  await panel.getByText(`${en['field.plannedStart']}:`).waitFor();
  const packaging = panel.getByRole('list', { name: en['panel.packaging'] }).getByRole('listitem');
  await packaging.first().waitFor({ timeout: 30000 });
  expect(await packaging.count()).toBe(1);
  for (const text of [CARTON, en['panel.artworkOpen']]) await packaging.first().getByText(text, { exact: true }).waitFor();
  // The task given about the order, with where it stands.
  const tasks = panel.getByRole('list', { name: en['panel.tasks'] });
  await tasks.getByRole('link', { name: ORDER_TASK }).waitFor({ timeout: 30000 });
  await tasks.getByText(en['task.state.assigned'], { exact: true }).waitFor();

  await takeAction(page, en['order.action.confirm'], (dialog) =>
    dialog.getByRole('textbox', { name: en['field.comment'] }).fill('返单，条件同去年 SO')
  );
  await stateIs(page, 'order.state.confirmed');
  // Scheduling is the planner's: nothing is left for the supervisor but cancelling, holding and notes.
  expect(await page.getByRole('button', { name: en['order.action.schedule'], exact: true }).count()).toBe(0);
  await page
    .getByRole('combobox', { name: /State/ })
    .filter({ hasText: OPTION_WORDS[ORDER].state.confirmed.en })
    .waitFor({ timeout: 30000 });
  await page.close();
});

it('the planner schedules it through the dialog; the panel shows the new state, the plan and the history', async () => {
  const page = await openOrder('planner@demo.local');
  const panel = panelOf(page);
  await stateIs(page, 'order.state.confirmed');
  await takeAction(page, en['order.action.schedule'], async (dialog) => {
    const dates: [keyof typeof en, string][] = [
      ['field.plannedStart', '01/11/2027'],
      ['field.plannedFinish', '01/22/2027'],
      ['field.promisedDate', '01/29/2027'],
    ];
    for (const [field, date] of dates) {
      await dialog.getByRole('combobox', { name: en[field] }).fill(date);
      await dialog.getByText(en['order.hint.schedule']).click(); // the date is taken when the field loses focus
    }
  });
  await stateIs(page, 'order.state.scheduled');
  for (const [field, date] of [
    ['field.plannedStart', '2027-01-11'],
    ['field.plannedFinish', '2027-01-22'],
    ['field.promisedDate', '2027-01-29'],
  ] as const) {
    await panel.getByText(`${en[field]}:`).locator('xpath=..').getByText(date, { exact: true }).waitFor({ timeout: 30000 });
  }

  const history = panel.getByRole('list', { name: en['panel.history'] }).getByRole('listitem');
  await history.nth(1).waitFor({ timeout: 30000 });
  const shown = await history.allInnerTexts();
  expect(shown.map((text) => text.split('\n')[0])).toEqual([en['order.action.confirm'], en['order.action.schedule']]);
  expect(shown[0]).toContain(`${en['order.state.draft']} → ${en['order.state.confirmed']}`);
  expect(shown[0]).toContain(`(${STAFF_ROLES['cs-supervisor'].name})`);
  expect(shown[0]).toContain('返单，条件同去年 SO');
  expect(shown[1]).toContain(`${en['order.state.confirmed']} → ${en['order.state.scheduled']}`);
  expect(shown[1]).toContain(`(${STAFF_ROLES.planner.name})`);

  // What the server stored, read as staff read it.
  const planner = await restAs(app, 'planner@demo.local');
  expect(await planner('GET', `/api/orders/${orderId}`)).toMatchObject({
    state: 'scheduled',
    plannedStart: '2027-01-11',
    plannedFinish: '2027-01-22',
    promisedDate: '2027-01-29',
  });
  await page
    .getByRole('combobox', { name: /State/ })
    .filter({ hasText: OPTION_WORDS[ORDER].state.scheduled.en })
    .waitFor({ timeout: 30000 });
  await page.screenshot({ path: `${shots}/e2e-order-scheduled.png` });
  await page.close();
});

it('a staff member chooses under "My mail" how each kind of mail comes to them; the choice is saved at once and kept', async () => {
  const specialist = await restAs(app, 'cs-specialist@demo.local');
  type Preferences = Record<MailKind, Delivery>;
  const before = (await specialist('GET', '/api/my-work/mail-preferences')).preferences as Preferences;
  const target: Delivery = before.information === 'digest' ? 'immediately' : 'digest';
  const page = await logIn(browser, app, 'cs-specialist@demo.local');
  await page.goto(`${app.baseUrl}/admin/my-work`);
  const section = page.locator('[data-section="mail-preferences"]');
  const information = section.getByRole('combobox', { name: MAIL_KIND_LABELS.information.en });
  await information.waitFor({ timeout: 30000 });
  expect(await information.innerText()).toContain(DELIVERY_LABELS[before.information].en);
  await information.click();
  await page.getByRole('option', { name: DELIVERY_LABELS[target].en, exact: true }).click();
  await section.getByText(en['myWork.mail.saved'], { exact: true }).waitFor({ timeout: 30000 });
  expect((await specialist('GET', '/api/my-work/mail-preferences')).preferences).toEqual({ ...before, information: target });
  await page.screenshot({ path: `${shots}/e2e-my-mail.png` });
  // Kept: a new visit shows the saved choice; the other kinds are as they were.
  await page.reload();
  await information.waitFor({ timeout: 30000 });
  expect(await information.innerText()).toContain(DELIVERY_LABELS[target].en);
  expect(await section.getByRole('combobox', { name: MAIL_KIND_LABELS.action.en }).innerText()).toContain(
    DELIVERY_LABELS[before.action].en
  );
  await page.close();
});
