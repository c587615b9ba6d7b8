/**
 * The sales dashboard in a real browser, on the demo data loaded at boot: the sales clerk opens it
 * from the menu, changes a filter (the URL and the statistics follow), clicks a bar to filter by
 * it, sees every chart drawn with data (its canvas read back pixel by pixel) or, where the demo
 * data has none, the empty state that the API's own answer justifies, and exports a table as a
 * real XLSX workbook. The homepage shows the clerk both widgets. The quality engineer, who holds
 * no dashboard permission, gets no menu entry, no widgets, and a 403 from the API (admin and REST).
 * Screenshots go to tests/e2e/screenshots/ (ignored by git, kept as CI artifacts).
 */
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { dashboardTranslations, en, messageId } from '../../src/plugins/sales-dashboard/admin/src/translations';
import { DEMO_PASSWORD, launchChromium, RunningApp, startApp } from './server';
import { logIn, restAs } from './staff-session';

const SCREENSHOTS = path.join(__dirname, 'screenshots');
const CLERK = 'sales-clerk@demo.local';
const QUALITY = 'quality@demo.local';
/** What the page asks for each statistic by default (./admin/src/pages): the same query, read directly. */
const STATISTICS: Record<string, { route: string; rowsOf?: (answer: any) => unknown[] }> = {
  // Every period or month of the range is listed; those with nothing in them draw nothing.
  trend: {
    route: 'sales/trend?grain=month',
    rowsOf: (answer) => answer.rows.filter((row: any) => Number(row.amount) || Number(row.previousAmount)),
  },
  'breakdown-region': { route: 'sales/breakdown?by=region&top=10' },
  'breakdown-salesperson': { route: 'sales/breakdown?by=salesperson&top=10' },
  'breakdown-customer': { route: 'sales/breakdown?by=customer&top=10' },
  'breakdown-spec': { route: 'sales/breakdown?by=spec&top=10' },
  'breakdown-category': { route: 'sales/breakdown?by=category&top=10' },
  targets: { route: `sales/targets?year=${new Date().getFullYear()}&by=salesperson` },
  aging: { route: 'receivables/aging?groupBy=customer&top=10', rowsOf: (answer) => (Number(answer.totals.total) === 0 ? [] : answer.rows) },
  collection: {
    route: 'receivables/collection',
    rowsOf: (answer) => answer.rows.filter((row: any) => Number(row.billed) || Number(row.collected)),
  },
  'overdue-top': { route: 'receivables/overdue-top?top=10' },
};
/** The orders of the demo data give these data; the others depend on what the demo data holds. */
const ALWAYS_DRAWN = [
  'trend',
  'breakdown-region',
  'breakdown-salesperson',
  'breakdown-customer',
  'breakdown-spec',
  'breakdown-category',
  'targets',
];

let app: RunningApp;
let browser: Browser;
/** The clerk's page and admin API, logged in once: Strapi limits logins per account and address. */
let clerkPage: Page;
let clerkApi: Awaited<ReturnType<typeof adminAs>>;

/** The admin API as a staff member (their admin token), answering status and JSON. */
const adminAs = async (email: string) => {
  const login = await fetch(`${app.baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { data } = await login.json();
  return async (route: string) => {
    const res = await fetch(`${app.baseUrl}/sales-dashboard/${route}`, { headers: { Authorization: `Bearer ${data.token}` } });
    return { status: res.status, body: await res.json() };
  };
};

/** How many pixels of the chart's canvas are strongly coloured: data, as against grey axes, grid and text. */
const colouredPixels = (page: Page, chart: string) =>
  page.evaluate((name) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-chart="${name}"] canvas`);
    if (!canvas || !canvas.width || !canvas.height) return 0;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let coloured = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
      if (a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured += 1;
    }
    return coloured;
  }, chart);

/** Legends draw 12×12 colour boxes; data draws far more than a few of those. */
const DRAWN = 1000;

const waitForDrawing = async (page: Page, chart: string) => {
  const deadline = Date.now() + 15000;
  let coloured = 0;
  while (Date.now() < deadline) {
    coloured = await colouredPixels(page, chart);
    if (coloured > DRAWN) return coloured;
    await page.waitForTimeout(250);
  }
  throw new Error(`The chart "${chart}" is blank (${coloured} coloured pixels)`);
};

/** The page coordinates of the middle of the first bar of a one-series bar chart (drawn in the palette's first colour). */
const firstBar = (page: Page, chart: string) =>
  page.evaluate((name) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-chart="${name}"] canvas`)!;
    const { width, height } = canvas;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
    let [left, right, top, bottom] = [width, -1, height, -1];
    for (let y = 0; y < height; y += 1)
      for (let x = 0; x < width; x += 1) {
        const i = (y * width + x) * 4;
        // #4945ff, the first colour of the palette (../../src/plugins/sales-dashboard/admin/src/charts.tsx)
        if (Math.abs(pixels[i] - 0x49) < 6 && Math.abs(pixels[i + 1] - 0x45) < 6 && Math.abs(pixels[i + 2] - 0xff) < 6) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    if (right < 0) return null;
    const box = canvas.getBoundingClientRect();
    const scale = box.width / width;
    return { x: box.left + ((left + right) / 2) * scale, y: box.top + ((top + bottom) / 2) * scale };
  }, chart);

const statistic = (page: Page, name: string) => page.locator(`[data-statistic="${name}"]`);

/** Waits until every statistic on the page has its answer (drawn, empty or failed). */
const settled = async (page: Page) => {
  await page.locator('[data-statistic]').first().waitFor({ timeout: 60000 });
  await page.waitForFunction(() => !document.querySelector('[data-statistic][data-state="loading"]'), undefined, { timeout: 60000 });
};

/** The whole page: the admin panel scrolls inside its layout, so the window is made as tall as the content first. */
const screenshot = async (page: Page, name: string) => {
  const height = await page.evaluate(() =>
    Math.max(...Array.from(document.querySelectorAll('main, main *')).map((element) => element.scrollHeight))
  );
  await page.setViewportSize({ width: 1440, height: Math.min(Math.max(height + 100, 900), 8000) });
  await page.screenshot({ path: path.join(SCREENSHOTS, `sales-dashboard-${name}.png`) });
  await page.setViewportSize({ width: 1440, height: 900 });
};

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  app = await startApp();
  browser = await launchChromium();
  // A target for the largest salesperson this year, set as the clerk sets one (REST), so that plan completion has one to show.
  const clerk = await restAs(app, CLERK);
  clerkApi = await adminAs(CLERK);
  const year = new Date().getFullYear();
  const [top] = (await clerkApi(`sales/targets?year=${year}&by=salesperson`)).body.rows;
  await clerk('POST', '/api/sales-targets', {
    data: { salesperson: Number(top.key), year, amount: (Number(top.actual) * 1.25).toFixed(2) },
  });
  clerkPage = await logIn(browser, app, CLERK);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('the sales clerk opens the dashboard from the menu and sees every chart drawn, or the empty state its data justifies', async () => {
  const page = clerkPage;
  await page.getByRole('link', { name: en['plugin.name'] }).click();
  await page.waitForURL((url) => url.pathname === '/admin/plugins/sales-dashboard');
  await page.getByRole('heading', { name: en['page.title'] }).waitFor({ timeout: 30000 });
  await settled(page);

  const api = clerkApi;
  const empty: string[] = [];
  for (const [name, { route, rowsOf = (answer: any) => answer.rows }] of Object.entries(STATISTICS)) {
    const card = statistic(page, name);
    await card.scrollIntoViewIfNeeded();
    const state = await card.getAttribute('data-state');
    const answer = await api(route);
    expect(answer.status).toBe(200);
    const rows = rowsOf(answer.body);
    if (ALWAYS_DRAWN.includes(name)) expect(rows.length).toBeGreaterThan(0);
    if (rows.length > 0) {
      expect([name, state]).toEqual([name, 'ready']);
      expect(await waitForDrawing(page, name)).toBeGreaterThan(DRAWN);
      // The table under the chart lists the same rows (plus the header, and "others" or totals).
      expect(await card.locator('tbody tr').count()).toBeGreaterThanOrEqual(rows.length);
    } else {
      expect([name, state]).toEqual([name, 'empty']);
      await card.getByText(en['state.empty']).waitFor();
      empty.push(name);
    }
  }
  // Reported, not hidden: which statistics the demo data of this run leaves empty.
  if (empty.length) console.log(`sales-dashboard e2e: empty in the demo data: ${empty.join(', ')}`);
  await screenshot(page, 'clerk');
});

it('a filter goes to the URL and the statistics are read again with it; clicking a bar filters by it', async () => {
  const page = clerkPage;
  await page.goto(`${app.baseUrl}/admin/plugins/sales-dashboard`);
  await settled(page);

  // Region from the filter bar: the URL carries it, the statistics are asked again with it.
  const regions = await statistic(page, 'breakdown-region').locator('tbody tr td:first-child').allInnerTexts();
  const region = regions[regions.length - 1]; // the smallest region of the top ones
  const trendAgain = page.waitForResponse(
    (res) => res.url().includes('/sales-dashboard/sales/trend') && res.url().includes(`region=${encodeURIComponent(region)}`)
  );
  await page.getByRole('combobox', { name: en['filter.region'] }).click();
  await page.getByRole('option', { name: region, exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('region') === region);
  expect((await trendAgain).status()).toBe(200);
  await settled(page);
  expect(await statistic(page, 'breakdown-region').locator('tbody tr td:first-child').allInnerTexts()).toEqual([region]);
  await waitForDrawing(page, 'trend');

  // Before any date is chosen the inputs show the range the statistics cover (not an empty mm/dd/yyyy).
  const { defaultRange } = (await clerkApi('filters')).body;
  expect(await page.getByLabel(en['filter.from'], { exact: true }).inputValue()).toBe(defaultRange.from);
  expect(await page.getByLabel(en['filter.to'], { exact: true }).inputValue()).toBe(defaultRange.to);

  // A date range: both ends in the URL, and the trend's periods within it.
  await page.getByLabel(en['filter.from'], { exact: true }).fill('2026-01-01');
  await page.waitForURL((url) => url.searchParams.get('from') === '2026-01-01');
  await settled(page);
  const periods = await statistic(page, 'trend').locator('tbody tr td:first-child').allInnerTexts();
  for (const period of periods) expect(period >= '2026-01').toBe(true);

  // Clear, then click the first (largest) salesperson's bar: the salesperson filter is set to them.
  await page.getByRole('button', { name: en['filter.reset'] }).click();
  await page.waitForURL((url) => url.search === '');
  await settled(page);
  const salespeople = statistic(page, 'breakdown-salesperson');
  await salespeople.scrollIntoViewIfNeeded();
  await waitForDrawing(page, 'breakdown-salesperson');
  const [topSalesperson] = await salespeople.locator('tbody tr td:first-child').allInnerTexts();
  const bar = await firstBar(page, 'breakdown-salesperson');
  expect(bar).not.toBeNull();
  await page.mouse.click(bar!.x, bar!.y);
  await page.waitForURL((url) => Boolean(url.searchParams.get('salesperson')));
  await settled(page);
  expect(await statistic(page, 'breakdown-salesperson').locator('tbody tr td:first-child').allInnerTexts()).toEqual([topSalesperson]);
  await page.getByRole('combobox', { name: en['filter.salesperson'] }).filter({ hasText: topSalesperson }).waitFor();
  await screenshot(page, 'filtered');
});

it('the sales clerk exports a table as a real XLSX workbook', async () => {
  const page = clerkPage;
  await page.goto(`${app.baseUrl}/admin/plugins/sales-dashboard`);
  await settled(page);
  const shownRows = await statistic(page, 'breakdown-region').locator('tbody tr').count();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: `${en['export.button']}: ${en['chart.region']}` }).click();
  const file = await (await download).path();
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 4).toString('binary')).toBe('PK\u0003\u0004'); // a zip, as every XLSX is
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  expect(sheet).toBeDefined();
  // A header and at least the rows the page shows (the page may add an "others" row, so may the file).
  expect(sheet.actualRowCount).toBeGreaterThanOrEqual(shownRows);
});

it('the homepage shows the sales clerk both widgets', async () => {
  const page = clerkPage;
  await page.goto(`${app.baseUrl}/admin`);
  await page.getByText(en['widget.salesMonth.title']).waitFor({ timeout: 30000 });
  await page.getByText(en['widget.overdue.title']).waitFor();
  // Each shows the server's figures (as the en-US page formats them).
  const money = (amount: string) => `¥ ${Number(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const month = (await clerkApi('widgets/sales-month')).body;
  const sales = page.locator('[data-widget="sales-month"]');
  // This month so far against the same days of last month; the whole last month beside them.
  const today = new Date(`${month.today}T00:00:00`).toLocaleDateString('en-US');
  await sales.getByText(en['widget.salesMonth.thisMonth'].replace('{date}', today), { exact: true }).waitFor({ timeout: 30000 });
  await sales.getByText(en['widget.salesMonth.lastMonth'], { exact: true }).waitFor();
  await sales.getByText(money(month.thisMonth.amount), { exact: true }).waitFor();
  await sales.getByText(money(month.sameDaysLastMonth.amount), { exact: true }).waitFor();
  await sales
    .getByText(en['widget.salesMonth.wholeLastMonth'].replace('¥ {amount}', money(month.lastMonth.amount)), { exact: true })
    .waitFor();
  const overdue = (await clerkApi('widgets/receivables-overdue')).body;
  const receivables = page.locator('[data-widget="receivables-overdue"]');
  await receivables.getByText(en['widget.overdue.amount'], { exact: true }).waitFor({ timeout: 30000 });
  await receivables.getByText(money(overdue.overdueAmount), { exact: true }).waitFor();
  await screenshot(page, 'homepage');
});

it('in Simplified Chinese the page speaks Chinese', async () => {
  const page = clerkPage;
  const zh = (key: keyof typeof en) => dashboardTranslations['zh-Hans'][messageId(key)];
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'zh-Hans'));
  await page.goto(`${app.baseUrl}/admin/plugins/sales-dashboard`);
  await page.getByRole('heading', { name: zh('page.title'), exact: true }).waitFor({ timeout: 30000 });
  await settled(page);
  for (const key of ['section.sales', 'section.receivables', 'chart.trend', 'chart.region'] as const)
    await page.getByRole('heading', { name: zh(key), exact: true }).waitFor();
  await page.getByRole('combobox', { name: zh('filter.region') }).waitFor();
  await screenshot(page, 'zh-Hans');
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'en'));
});

it('the quality engineer, without the permission, has no menu entry, no widgets, and a 403 from the API', async () => {
  const page = await logIn(browser, app, QUALITY);
  // The homepage has settled its widgets when Strapi's own profile widget shows.
  await page.getByText('Profile', { exact: true }).first().waitFor({ timeout: 30000 });
  expect(await page.getByRole('link', { name: en['plugin.name'] }).count()).toBe(0);
  // Widgets with permissions appear once their check answers: watch for a while that ours never do.
  for (let look = 0; look < 12; look += 1) {
    expect(await page.getByText(en['widget.salesMonth.title']).count()).toBe(0);
    expect(await page.getByText(en['widget.overdue.title']).count()).toBe(0);
    await page.waitForTimeout(250);
  }
  await page.goto(`${app.baseUrl}/admin/plugins/sales-dashboard`);
  await page.getByText(en['state.noPermissions']).waitFor({ timeout: 30000 });
  expect(await page.locator('[data-statistic]').count()).toBe(0);
  await screenshot(page, 'quality');
  await page.close();

  const api = await adminAs(QUALITY);
  for (const route of ['sales/trend', 'receivables/aging', 'export/trend', 'widgets/sales-month']) {
    const answer = await api(route);
    expect([route, answer.status]).toEqual([route, 403]);
  }
  const login = await fetch(`${app.baseUrl}/api/auth/local`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier: QUALITY, password: DEMO_PASSWORD }),
  });
  const { jwt } = await login.json();
  const rest = await fetch(`${app.baseUrl}/api/sales-dashboard/sales/trend`, { headers: { Authorization: `Bearer ${jwt}` } });
  expect(rest.status).toBe(403);
});
