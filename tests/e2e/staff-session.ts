/**
 * A demo staff member's session in the browser tests: REST calls with their JWT, an admin-panel
 * page logged in as them, and the edit view's workflow document actions (the Entry panel shows
 * two actions as buttons and the rest in its "More document actions" menu).
 */
import type { Browser, Page } from 'playwright-core';
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
    return json.data;
  };
};

export const logIn = async (browser: Browser, app: RunningApp, email: string): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
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

/** Opens the labelled action's dialog, from its button or from the "more" menu. */
export const openAction = async (page: Page, label: string) => {
  const button = page.getByRole('button', { name: label, exact: true });
  if (await button.count()) await button.first().click();
  else {
    await moreActions(page).first().click();
    await page.getByRole('menuitem', { name: label, exact: true }).click();
  }
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
};
