/**
 * A demo staff member's session in the browser tests: REST calls with their JWT, an admin-panel
 * page logged in as them, and the edit view's workflow document actions (the Entry panel shows
 * two actions as buttons and the rest in its "More document actions" menu) and their dialogs.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, RunningApp } from './server';

/** REST as a demo staff member; throws with the answer when the status is not a success. */
export const restAs = async (app: RunningApp, email: string) => {
  const login = await fetch(`${app.baseUrl}/api/auth/local`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier: email, password: DEMO_PASSWORD }),
  });
  const { jwt } = await login.json();
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${app.baseUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${jwt}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    // Users & Permissions answers its own routes (/api/users) without the `data` envelope.
    return json.data ?? json;
  };
};

/** The requests each logged-in page has in flight, for `settled`. */
const inFlight = new WeakMap<Page, Set<unknown>>();

/**
 * Waits until the page has had no request in flight for `quietMs` (its panels, hints and lists
 * have read what they show), then one more frame for React to draw it. At most `timeout`.
 */
export const settled = async (page: Page, quietMs = 400, timeout = 10000) => {
  const pending = inFlight.get(page);
  if (!pending) throw new Error('settled() needs a page opened by logIn()');
  const deadline = Date.now() + timeout;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (pending.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) break;
    await page.waitForTimeout(50);
  }
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
};

export const logIn = async (browser: Browser, app: RunningApp, email: string): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const pending = new Set<unknown>();
  inFlight.set(page, pending);
  page.on('request', (request) => pending.add(request));
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
  await page.goto(`${app.baseUrl}/admin/auth/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/login'), { timeout: 30000 });
  return page;
};

const moreActions = (page: Page) => page.getByRole('button', { name: 'More document actions' });

/** How many of the labelled actions the page offers, as buttons or in the "more" menu. */
export const countActions = async (page: Page, labels: string[]) => {
  let count = 0;
  for (const label of labels) count += await page.getByRole('button', { name: label, exact: true }).count();
  if (await moreActions(page).count()) {
    await moreActions(page).first().click();
    for (const label of labels) count += await page.getByRole('menuitem', { name: label, exact: true }).count();
    await page.keyboard.press('Escape');
  }
  return count;
};

/**
 * Opens the labelled action's dialog, from its button or from the "more" menu. The Entry panel
 * renders its actions again once the edit view has settled, so the action may come a moment after
 * the side panel: it is looked for until it is offered.
 */
export const openAction = async (page: Page, label: string, timeout = 30000) => {
  const button = page.getByRole('button', { name: label, exact: true });
  const menuItem = page.getByRole('menuitem', { name: label, exact: true });
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await button.count()) {
      await button.first().click();
      break;
    }
    if (await moreActions(page).count()) {
      await moreActions(page).first().click();
      await page.getByRole('menu').waitFor();
      if (await menuItem.count()) {
        await menuItem.click();
        break;
      }
      await page.keyboard.press('Escape');
    }
    if (Date.now() > deadline) throw new Error(`The page offers no action "${label}"`);
    await page.waitForTimeout(500);
  }
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
};

/** Takes the labelled action through its dialog; `fill` enters the dialog's fields first. */
export const takeAction = async (page: Page, label: string, fill: (dialog: Locator) => Promise<void> = async () => {}) => {
  const dialog = await openAction(page, label);
  await fill(dialog);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout: 30000 });
};

/** Picks an option of the dialog's select labelled `label` (the options open outside the dialog). */
export const pickOption = async (page: Page, dialog: Locator, label: string, option: string | RegExp) => {
  await dialog.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
};
