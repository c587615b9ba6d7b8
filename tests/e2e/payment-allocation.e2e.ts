/**
 * Paying chosen receivables in the admin panel, in a real browser: a payment recorded without
 * allocation; the sales clerk opens it, takes "Allocate", sees the customer's open receivables
 * oldest due first, enters an amount against the one the customer named (not the oldest) and
 * confirms; exactly that receivable is paid down, the others are as they were.
 */
import type { Browser } from 'playwright-core';
import Decimal from 'decimal.js';
import { en } from '../../src/admin/workflow/translations';
import { groupedMoney } from '../../src/domain/money';
import { launchChromium, RunningApp, startApp } from './server';
import { logIn, openAction, restAs } from './staff-session';

const CLERK = 'sales-clerk@demo.local';
const shots = `${__dirname}/screenshots`;
let app: RunningApp;
let browser: Browser;

interface Receivable {
  documentId: string;
  dueDate: string;
  invoiceDate: string;
  openAmount: number | string;
  currency: string;
  shipment: { number: string } | null;
  customer: { documentId: string };
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it("the sales clerk pays the receivable the customer named, from the payment's Allocate dialog", async () => {
  const clerk = await restAs(app, CLERK);
  // A demo customer with at least two open CNY receivables from shipments.
  const open: Receivable[] = await clerk(
    'GET',
    '/api/receivables?filters[state][$eq]=open&filters[currency][$eq]=CNY&populate[shipment][fields][0]=number&populate[customer][fields][0]=documentId&pagination[pageSize]=200'
  );
  const byCustomer = new Map<string, Receivable[]>();
  for (const r of open.filter((item) => item.shipment))
    byCustomer.set(r.customer.documentId, [...(byCustomer.get(r.customer.documentId) ?? []), r]);
  const amount = new Decimal('12.34');
  const [customer, receivables] = [...byCustomer.entries()].find(
    ([, items]) => items.length >= 2 && items.some((r) => amount.lte(String(r.openAmount)))
  )!;
  const oldestFirst = [...receivables].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.invoiceDate.localeCompare(b.invoiceDate));
  // The customer names a receivable that is not the oldest (oldest-first would pay another one).
  const named = [...oldestFirst.slice(1)].reverse().find((r) => amount.lte(String(r.openAmount))) ?? oldestFirst[oldestFirst.length - 1];
  const payment = await clerk('POST', '/api/payments', {
    data: {
      customer,
      amount: '12.34',
      receivedOn: new Date().toISOString().slice(0, 10),
      method: 'bank_transfer',
      reference: 'E2E 指定核销',
      allocate: false,
    },
  });
  expect(payment).toMatchObject({ state: 'posted', unallocatedAmount: 12.34 });

  const page = await logIn(browser, app, CLERK);
  await page.goto(`${app.baseUrl}/admin/content-manager/collection-types/api::payment.payment/${payment.documentId}`);
  const dialog = await openAction(page, en['payment.action.allocate']);
  await dialog.getByText(en['payment.hint.allocate']).waitFor();
  // Listed oldest due first, each with its shipment, due date and open amount.
  const labelOf = (r: Receivable) =>
    en['field.openReceivable']
      .replace('{reference}', r.shipment!.number)
      .replace('{dueDate}', r.dueDate)
      .replace('{open}', `CNY ${groupedMoney(String(r.openAmount))}`);
  const labels = oldestFirst.map(labelOf);
  const inputs = dialog.getByRole('textbox', { name: /· due / });
  await inputs.first().waitFor();
  expect(await inputs.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label')))).toEqual(labels);
  await dialog.getByRole('textbox', { name: labelOf(named), exact: true }).fill('12.34');
  await page.screenshot({ path: `${shots}/payment-allocation-dialog.png` });
  await dialog.getByRole('button', { name: en['payment.action.allocate'], exact: true }).click();
  await dialog.waitFor({ state: 'detached', timeout: 30000 });

  const after: Receivable[] = await clerk(
    'GET',
    `/api/receivables?filters[documentId][$in]=${oldestFirst.map((r) => r.documentId).join('&filters[documentId][$in]=')}&pagination[pageSize]=200`
  );
  const openOf = (documentId: string, list: Receivable[]) =>
    new Decimal(String(list.find((r) => r.documentId === documentId)!.openAmount)).toFixed(2);
  for (const r of oldestFirst) {
    const expected = new Decimal(String(r.openAmount)).minus(r.documentId === named.documentId ? amount : 0).toFixed(2);
    expect([r.documentId, openOf(r.documentId, after)]).toEqual([r.documentId, expected]);
  }
  const stored = await clerk('GET', `/api/payments/${payment.documentId}`);
  expect(stored).toMatchObject({ unallocatedAmount: 0 });
  await page.close();
});
