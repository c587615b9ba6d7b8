/**
 * Customer statements (对账单) end to end: figures over crafted receivables, payments and
 * allocations (an opening balance from before the period, a payment reversed in the period, a
 * reversal just after the period's last day in the report zone, unallocated money, voided
 * receivables, another currency, another customer) equal to an independent computation; the PDF
 * and XLSX read back; the mail caught by a real SMTP server with the PDF and the link; the link
 * confirmed once, refused when reused, expired or tampered with; a dispute mailed to the sales clerk
 * and the salesperson; and who may issue.
 */
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { contentManager, createAdminUser } from '../helpers/admin';
import { adminLinks, linkedTo, useMailCatcher } from '../helpers/mail';
import { readPdf } from '../helpers/pdf';
import { useStrapi, appModule } from '../helpers/strapi';
import { rest, StaffMember, useStaff } from '../helpers/staff';
import { countRows, createCustomer, Doc, expectForbidden, expectValidationError } from '../helpers/fixtures';
import { addDays, dateIn } from '../../src/domain/business-date';
import { drainOutbox } from '../../src/notifications/worker';
import { ALLOCATION, CUSTOMER_OPINION, PAYMENT, RECEIVABLE, STATEMENT } from '../../src/platform/uids';

// The app's own copy, so that the trusted-write context is the one its lifecycles read.
const { asTrustedWrite } = appModule('src', 'platform', 'trusted-write.js');

const today = dateIn('Asia/Shanghai');
const day = (offset: number) => addDays(today, offset);
/** An instant given as Shanghai wall-clock time. */
const shanghai = (date: string, time: string) => new Date(`${date}T${time}+08:00`);

interface Receivable {
  key: string;
  customer: 'a' | 'b';
  amount: string;
  currency?: string;
  invoiceDate: string;
  dueDate: string;
  voidedOn?: string;
}
interface Payment {
  key: string;
  customer: 'a' | 'b';
  amount: string;
  currency?: string;
  receivedOn: string;
  reversedAt?: Date;
  allocations: { to: string; amount: string; on: string }[];
}

const RECEIVABLES: Receivable[] = [
  { key: 'R1', customer: 'a', amount: '1000.25', invoiceDate: day(-60), dueDate: day(-30) },
  { key: 'R2', customer: 'a', amount: '500.10', invoiceDate: day(-35), dueDate: day(-5) },
  { key: 'R3', customer: 'a', amount: '300.00', invoiceDate: day(-70), dueDate: day(-40), voidedOn: day(-20) },
  { key: 'R4', customer: 'a', amount: '200.00', invoiceDate: day(-30), dueDate: day(0), voidedOn: day(-25) },
  { key: 'R5', customer: 'a', amount: '777.77', invoiceDate: day(-5), dueDate: day(25) },
  { key: 'R6', customer: 'a', amount: '999.00', currency: 'USD', invoiceDate: day(-30), dueDate: day(0) },
  { key: 'R7', customer: 'b', amount: '4321.00', invoiceDate: day(-30), dueDate: day(0) },
];
const PAYMENTS: Payment[] = [
  { key: 'P1', customer: 'a', amount: '400.00', receivedOn: day(-50), allocations: [{ to: 'R1', amount: '400.00', on: day(-50) }] },
  // Received and reversed in the period; its allocation reversed with it.
  {
    key: 'P2',
    customer: 'a',
    amount: '250.00',
    receivedOn: day(-30),
    reversedAt: shanghai(day(-15), '10:00:00'),
    allocations: [{ to: 'R2', amount: '250.00', on: day(-30) }],
  },
  // Partly allocated: 300.00 stays unallocated.
  { key: 'P3', customer: 'a', amount: '600.00', receivedOn: day(-20), allocations: [{ to: 'R1', amount: '300.00', on: day(-20) }] },
  // Received before the period, reversed in it.
  { key: 'P4', customer: 'a', amount: '100.00', receivedOn: day(-80), reversedAt: shanghai(day(-12), '09:00:00'), allocations: [] },
  // Reversed at 00:30 Shanghai the day after the period (still the period's last day in UTC): not in the period.
  { key: 'P7', customer: 'a', amount: '70.00', receivedOn: day(-50), reversedAt: shanghai(day(-9), '00:30:00'), allocations: [] },
  { key: 'P5', customer: 'a', amount: '50.00', receivedOn: day(-5), allocations: [] },
  { key: 'P6', customer: 'a', amount: '88.00', currency: 'USD', receivedOn: day(-20), allocations: [] },
  { key: 'P8', customer: 'b', amount: '21.00', receivedOn: day(-20), allocations: [{ to: 'R7', amount: '21.00', on: day(-20) }] },
];
const reversalDay = (p: Payment) => (p.reversedAt ? dateIn('Asia/Shanghai', p.reversedAt) : null);

/** The statement computed here from the crafted rows, without SQL and without src/domain/statement.ts. */
const expectedStatement = (customer: 'a' | 'b', from: string, to: string) => {
  const rs = RECEIVABLES.filter((r) => r.customer === customer && (r.currency ?? 'CNY') === 'CNY');
  const ps = PAYMENTS.filter((p) => p.customer === customer && (p.currency ?? 'CNY') === 'CNY');
  const balance = (d: string) => {
    let owed = new Decimal(0);
    for (const r of rs) if (r.invoiceDate <= d && !(r.voidedOn && r.voidedOn <= d)) owed = owed.plus(r.amount);
    for (const p of ps) if (p.receivedOn <= d && !(reversalDay(p) && reversalDay(p)! <= d)) owed = owed.minus(p.amount);
    return owed;
  };
  const inPeriod = (d: string | null | undefined) => !!d && d >= from && d <= to;
  const entries = [
    ...rs.filter((r) => inPeriod(r.invoiceDate)).map((r) => ({ date: r.invoiceDate, kind: 'shipment', amount: r.amount })),
    ...rs.filter((r) => inPeriod(r.voidedOn)).map((r) => ({ date: r.voidedOn!, kind: 'cancellation', amount: r.amount })),
    ...ps.filter((p) => inPeriod(p.receivedOn)).map((p) => ({ date: p.receivedOn, kind: 'payment', amount: p.amount })),
    ...ps.filter((p) => inPeriod(reversalDay(p))).map((p) => ({ date: reversalDay(p)!, kind: 'reversal', amount: p.amount })),
  ];
  const sum = (kind: string) => entries.filter((e) => e.kind === kind).reduce((s, e) => s.plus(e.amount), new Decimal(0));
  const allocatedBy = (filter: (a: { to: string; on: string }, p: Payment) => boolean) =>
    ps.flatMap((p) => p.allocations.filter((a) => filter(a, p) && a.on <= to && !(reversalDay(p) && reversalDay(p)! <= to)));
  const openItems = rs
    .filter((r) => r.invoiceDate <= to && !(r.voidedOn && r.voidedOn <= to))
    .map((r) => ({
      dueDate: r.dueDate,
      open: new Decimal(r.amount).minus(allocatedBy((a) => a.to === r.key).reduce((s, a) => s.plus(a.amount), new Decimal(0))),
    }))
    .filter((item) => item.open.gt(0));
  const unallocated = ps
    .filter((p) => p.receivedOn <= to && !(reversalDay(p) && reversalDay(p)! <= to))
    .reduce(
      (s, p) => s.plus(p.amount).minus(allocatedBy((_a, q) => q === p).reduce((t, a) => t.plus(a.amount), new Decimal(0))),
      new Decimal(0)
    );
  return {
    openingBalance: balance(addDays(from, -1)).toFixed(2),
    shipped: sum('shipment').minus(sum('cancellation')).toFixed(2),
    received: sum('payment').toFixed(2),
    reversed: sum('reversal').toFixed(2),
    closingBalance: balance(to).toFixed(2),
    unallocated: unallocated.toFixed(2),
    entries: entries.map((e) => `${e.date} ${e.kind} ${new Decimal(e.amount).toFixed(2)}`).sort(),
    openItems: openItems.map((item) => `${item.dueDate} ${item.open.toFixed(2)}`).sort(),
  };
};

const money = (value: unknown) => new Decimal(String(value)).toFixed(2);
const FIGURES = ['openingBalance', 'shipped', 'received', 'reversed', 'closingBalance', 'unallocated'] as const;

describe('customer statements', () => {
  const mail = useMailCatcher();
  const app = useStrapi();
  const { clerk, clerk2, salesperson, planner, supervisor } = useStaff(app, {
    clerk: 'sales-clerk',
    clerk2: ['sales-clerk', { preferredLanguage: 'en' }],
    salesperson: 'salesperson',
    planner: 'planner',
    supervisor: 'cs-supervisor',
  });
  let customers: Record<'a' | 'b', Doc>;
  const from = day(-40);
  const to = day(-10);

  const sentMail = async () => {
    await drainOutbox(app.strapi);
    return mail.catcher.messages.splice(0);
  };
  const issue = (member: StaffMember, data: Record<string, unknown>) => rest(app.strapi, member).post('/api/statements', { data });
  const stored = (documentId: string) => app.strapi.db.query(STATEMENT).findOne({ where: { documentId } });
  const linkIn = (text: string) => text.match(/https?:\/\/\S+\/api\/statements\/respond\/(\S+)/)![1];

  beforeAll(async () => {
    customers = {
      a: await createCustomer(app.strapi, supervisor, {
        name: '宁波海天精工机械有限公司',
        preferredLanguage: 'en',
        salesperson: salesperson.id,
        contacts: [
          { name: 'Li', email: 'li@customer.test', primary: true },
          { name: 'Other', email: 'other@customer.test', primary: false },
        ],
      }),
      b: await createCustomer(app.strapi, supervisor, { contacts: [{ name: 'Zhou', email: 'zhou@customer.test', primary: true }] }),
    };
    await asTrustedWrite(async () => {
      const ids = new Map<string, number>();
      for (const r of RECEIVABLES) {
        const paid = PAYMENTS.filter((p) => !p.reversedAt)
          .flatMap((p) => p.allocations)
          .filter((a) => a.to === r.key)
          .reduce((s, a) => s.plus(a.amount), new Decimal(0));
        const open = r.voidedOn ? new Decimal(0) : new Decimal(r.amount).minus(paid);
        const row = await app.strapi.db.query(RECEIVABLE).create({
          data: {
            customer: customers[r.customer].id,
            amount: r.amount,
            openAmount: open.toFixed(2),
            currency: r.currency ?? 'CNY',
            invoiceDate: r.invoiceDate,
            dueDate: r.dueDate,
            state: r.voidedOn ? 'void' : open.isZero() ? 'paid' : 'open',
            voidedOn: r.voidedOn ?? null,
            voidedAt: r.voidedOn ? shanghai(r.voidedOn, '12:00:00') : null,
          },
        });
        ids.set(r.key, row.id);
      }
      let n = 0;
      for (const p of PAYMENTS) {
        const allocated = p.reversedAt ? new Decimal(0) : p.allocations.reduce((s, a) => s.plus(a.amount), new Decimal(0));
        n += 1;
        const payment = await app.strapi.db.query(PAYMENT).create({
          data: {
            number: `SK-TEST-${String(n).padStart(3, '0')}`,
            customer: customers[p.customer].id,
            amount: p.amount,
            unallocatedAmount: p.reversedAt ? '0.00' : new Decimal(p.amount).minus(allocated).toFixed(2),
            currency: p.currency ?? 'CNY',
            receivedOn: p.receivedOn,
            method: 'bank_transfer',
            reference: `BANK-${p.key}`,
            state: p.reversedAt ? 'reversed' : 'posted',
            reversedAt: p.reversedAt ?? null,
            reversalReason: p.reversedAt ? 'returned by the bank' : null,
            version: 1,
          },
        });
        for (const a of p.allocations) {
          await app.strapi.db.query(ALLOCATION).create({
            data: { payment: payment.id, receivable: ids.get(a.to), amount: a.amount, allocatedOn: a.on, reversedOn: reversalDay(p) },
          });
        }
      }
    });
  });

  let first: Doc;

  it('issues a statement whose figures, entries and open items equal the independent computation', async () => {
    const res = await issue(clerk, { customer: customers.a.documentId, periodFrom: from, periodTo: to });
    expect(res.status).toBe(201);
    first = res.body.data;
    const expected = expectedStatement('a', from, to);
    // The crafted data is meant to exercise every rule: say so, so a change to it cannot hollow the test out.
    expect(expected).toMatchObject({
      openingBalance: '730.25',
      shipped: '200.10',
      received: '850.00',
      reversed: '350.00',
      closingBalance: '430.35',
      unallocated: '370.00',
    });
    expect(first).toMatchObject({ state: 'issued', periodFrom: from, periodTo: to, currency: 'CNY', version: 1 });
    expect(first.number).toMatch(/^DZ-\d{4}-\d{6}$/);
    for (const field of FIGURES) expect([field, money(first[field])]).toEqual([field, expected[field]]);
    expect(first).not.toHaveProperty('linkTokenHash');

    const row = await stored(first.documentId);
    const snapshot = typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot;
    expect(snapshot.lines.map((l: { date: string; kind: string; amount: string }) => `${l.date} ${l.kind} ${l.amount}`).sort()).toEqual(
      expected.entries
    );
    // Date order with an exact running balance ending on the closing balance.
    const dates = snapshot.lines.map((l: { date: string }) => l.date);
    expect(dates).toEqual([...dates].sort());
    let running = new Decimal(expected.openingBalance);
    for (const line of snapshot.lines) {
      running = running.plus(line.debit ?? 0).minus(line.credit ?? 0);
      expect(line.balance).toBe(running.toFixed(2));
    }
    expect(running.toFixed(2)).toBe(expected.closingBalance);
    expect(snapshot.openItems.map((i: { dueDate: string; openAmount: string }) => `${i.dueDate} ${i.openAmount}`).sort()).toEqual(
      expected.openItems
    );
    expect(snapshot.aging.total).toBe('800.35');
    // R1 is 20 days past due at the period's end, R2 not yet due.
    expect(Object.fromEntries(snapshot.aging.buckets.map((b: { key: string; amount: string }) => [b.key, b.amount]))).toMatchObject({
      not_due: '500.10',
      d1_30: '300.25',
    });
  });

  it('carries the closing balance into the next period, and keeps customers and currencies apart', async () => {
    const next = await issue(clerk, { customer: customers.a.documentId, periodFrom: day(-9), periodTo: today });
    expect(next.status).toBe(201);
    const expected = expectedStatement('a', day(-9), today);
    expect(money(next.body.data.openingBalance)).toBe('430.35');
    for (const field of FIGURES) expect([field, money(next.body.data[field])]).toEqual([field, expected[field]]);
    expect(expected.reversed).toBe('70.00'); // P7, reversed just after midnight in Shanghai

    const other = await issue(clerk, { customer: customers.b.documentId, periodFrom: from, periodTo: to });
    expect(money(other.body.data.closingBalance)).toBe(expectedStatement('b', from, to).closingBalance);
    expect(money(other.body.data.closingBalance)).toBe('4300.00');
    const usd = await issue(clerk, { customer: customers.a.documentId, periodFrom: from, periodTo: to, currency: 'USD' });
    expect(usd.status).toBe(201);
    expect([money(usd.body.data.shipped), money(usd.body.data.received), money(usd.body.data.closingBalance)]).toEqual([
      '999.00',
      '88.00',
      '911.00',
    ]);
  });

  it('refuses a bad period, an unknown customer and a planner, writing nothing', async () => {
    const before = await countRows(app.strapi, STATEMENT);
    expectValidationError(await issue(clerk, { customer: customers.a.documentId, periodFrom: day(-5), periodTo: day(-6) }), 'periodFrom');
    expectValidationError(await issue(clerk, { customer: customers.a.documentId, periodFrom: day(-5), periodTo: day(1) }), 'periodTo');
    expectValidationError(await issue(clerk, { customer: 'no-such-customer', periodFrom: day(-5), periodTo: day(-1) }), 'customer');
    expectValidationError(
      await issue(clerk, { customer: customers.a.documentId, periodFrom: '2026-02-30', periodTo: day(-1) }),
      'periodFrom'
    );
    expectForbidden(await issue(planner, { customer: customers.a.documentId, periodFrom: day(-5), periodTo: day(-1) }));
    expectForbidden(await issue(salesperson, { customer: customers.a.documentId, periodFrom: day(-5), periodTo: day(-1) }));
    expect((await rest(app.strapi, planner).get(`/api/statements/${first.documentId}/statement.pdf`)).status).toBe(403);
    expect((await rest(app.strapi, salesperson).post(`/api/statements/${first.documentId}/send`)).status).toBe(403);
    expect(await countRows(app.strapi, STATEMENT)).toBe(before);
  });

  it('prints the PDF with the Chinese names and the figures, for a reader', async () => {
    const res = await rest(app.strapi, salesperson)
      .get(`/api/statements/${first.documentId}/statement.pdf`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = readPdf(res.body as Buffer);
    const text = pdf.pages.flatMap((p) => p.lines.map((l) => l.join(' '))).join('\n');
    for (const wanted of [
      '对账单 Statement of account',
      '宁波海天精工机械有限公司',
      '期初余额',
      '期末余额',
      '未清项',
      '收款冲销',
      first.number,
      '730.25',
      '200.10',
      '850.00',
      '350.00',
      '430.35',
      '370.00',
      '800.35',
      '1,000.25',
    ]) {
      expect([wanted, text.includes(wanted)]).toEqual([wanted, true]);
    }
  });

  it('exports the XLSX with the same figures, entries and open items', async () => {
    const res = await rest(app.strapi, clerk)
      .get(`/api/statements/${first.documentId}/statement.xlsx`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['对账单 Statement', '明细 Entries', '未清项 Open items']);
    const summary = new Map<string, unknown>();
    workbook.worksheets[0].eachRow((row, n) => n > 1 && summary.set(String(row.getCell(1).value), row.getCell(3).value));
    expect(summary.get('期初余额 Opening balance')).toBe(730.25);
    expect(summary.get('期末余额 Closing balance')).toBe(430.35);
    expect(summary.get('未核销收款 Unallocated payments')).toBe(370);
    expect(workbook.worksheets[1].rowCount - 1).toBe(expectedStatement('a', from, to).entries.length);
    expect(workbook.worksheets[2].rowCount - 1).toBe(2);
    expect(workbook.worksheets[1].getRow(workbook.worksheets[1].rowCount).getCell(6).value).toBe(430.35);
  });

  it('mails the statement with the PDF and a link that confirms the balance once', async () => {
    await sentMail();
    const sent = await rest(app.strapi, clerk).post(`/api/statements/${first.documentId}/send`);
    expect(sent.status).toBe(200);
    expect(sent.body.meta).toEqual({ sentTo: 'li@customer.test' });
    expect(sent.body.data).toMatchObject({ state: 'sent', sentTo: 'li@customer.test', version: 2 });
    const [message, ...others] = await sentMail();
    expect(others).toEqual([]);
    expect(message.to).toEqual(['li@customer.test']);
    expect(message.subject).toBe(`Statement ${first.number} (${from} to ${to}): please confirm`);
    expect(message.text).toContain('Closing balance: CNY 430.35');
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({ filename: `${first.number}.pdf`, contentType: 'application/pdf' });
    expect(readPdf(message.attachments[0].content).pages[0].lines.flat().join(' ')).toContain(first.number);
    const token = linkIn(message.text);
    expect(adminLinks(message)).toEqual({ text: null, html: null }); // the customer's mail: no admin link
    expect(message.text + message.html).not.toContain('/admin');

    const agent = request(app.strapi.server.httpServer);
    const form = await agent.get(`/api/statements/respond/${token}`);
    expect(form.status).toBe(200);
    expect(form.type).toBe('text/html');
    for (const shown of [first.number, from, to, '430.35', 'CNY']) expect(form.text).toContain(shown);
    // Nothing else: not the customer, not a line.
    for (const hidden of ['宁波海天', '1000.25', '730.25', 'BANK-']) expect(form.text).not.toContain(hidden);
    const asJson = await agent.get(`/api/statements/respond/${token}`).set('Accept', 'application/json');
    expect(asJson.body.data).toEqual({ number: first.number, periodFrom: from, periodTo: to, closingBalance: '430.35', currency: 'CNY' });

    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect((await agent.get(`/api/statements/respond/${tampered}`)).status).toBe(404);
    expect((await agent.post(`/api/statements/respond/${tampered}`).send({ answer: 'confirm' })).status).toBe(404);
    expect((await agent.get('/api/statements/respond/not-a-token')).status).toBe(404);
    // A complaint feedback token is signed with another key: it never opens a statement.
    const [documentId, nonce] = token.split('.');
    expect(
      (await agent.get(`/api/statements/respond/${documentId}.${nonce}.${token.split('.')[2].split('').reverse().join('')}`)).status
    ).toBe(404);

    const confirmed = await agent.post(`/api/statements/respond/${token}`).type('form').send({ answer: 'confirm' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('Thank you');
    expect(await stored(first.documentId)).toMatchObject({ state: 'confirmed', linkTokenHash: null, customerComment: null, version: 3 });
    expect((await stored(first.documentId)).respondedAt).not.toBeNull();
    const reused = await agent
      .post(`/api/statements/respond/${token}`)
      .set('Accept', 'application/json')
      .send({ answer: 'dispute', comment: 'again' });
    expect(reused.status).toBe(410);
    expect((await agent.get(`/api/statements/respond/${token}`)).status).toBe(410);
    expect((await stored(first.documentId)).state).toBe('confirmed');
    // Answered: it cannot be sent again.
    expect((await rest(app.strapi, clerk).post(`/api/statements/${first.documentId}/send`)).status).toBe(409);
    expect(await sentMail()).toEqual([]);
  });

  it('refuses an expired link, and a resent statement only answers to its newest link', async () => {
    const statement = (await issue(clerk, { customer: customers.a.documentId, periodFrom: from, periodTo: to })).body.data;
    await rest(app.strapi, clerk).post(`/api/statements/${statement.documentId}/send`);
    const oldToken = linkIn((await sentMail())[0].text);
    const agent = request(app.strapi.server.httpServer);
    const table = app.strapi.db.metadata.get(STATEMENT as never).tableName;
    await app.strapi.db
      .connection(table)
      .where({ document_id: statement.documentId })
      .update({ link_expires_at: new Date(Date.now() - 1000) });
    const expired = await agent.post(`/api/statements/respond/${oldToken}`).set('Accept', 'application/json').send({ answer: 'confirm' });
    expect(expired.status).toBe(410);
    expect(expired.body.error.message).toContain('expired');
    expect((await stored(statement.documentId)).state).toBe('sent');

    await rest(app.strapi, clerk).post(`/api/statements/${statement.documentId}/send`);
    const newToken = linkIn((await sentMail())[0].text);
    expect((await agent.get(`/api/statements/respond/${oldToken}`)).status).toBe(410);
    // Two answers at once: one wins, the other finds the link spent.
    const answers = await Promise.all([
      agent.post(`/api/statements/respond/${newToken}`).set('Accept', 'application/json').send({ answer: 'confirm' }),
      agent.post(`/api/statements/respond/${newToken}`).set('Accept', 'application/json').send({ answer: 'confirm' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410]);
    expect(await stored(statement.documentId)).toMatchObject({ state: 'confirmed', version: 4 });
  });

  it('a dispute needs a comment, and goes to the sales clerks and the salesperson', async () => {
    const statement = (await issue(clerk, { customer: customers.a.documentId, periodFrom: from, periodTo: to })).body.data;
    await rest(app.strapi, clerk).post(`/api/statements/${statement.documentId}/send`);
    const token = linkIn((await sentMail())[0].text);
    const agent = request(app.strapi.server.httpServer);
    const empty = await agent.post(`/api/statements/respond/${token}`).type('form').send({ answer: 'dispute', comment: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.type).toBe('text/html');
    expect((await stored(statement.documentId)).state).toBe('sent');

    const disputed = await agent
      .post(`/api/statements/respond/${token}`)
      .type('form')
      .send({ answer: 'dispute', comment: '6月15日已付 250 元，未见冲减' });
    expect(disputed.status).toBe(200);
    expect(disputed.text).toContain('Dispute received');
    expect(await stored(statement.documentId)).toMatchObject({
      state: 'disputed',
      customerComment: '6月15日已付 250 元，未见冲减',
      linkTokenHash: null,
    });
    // What the customer said stays in their file as an opinion on billing, taken from the statement.
    const opinions = await app.strapi.db.query(CUSTOMER_OPINION).findMany({
      where: { statement: { documentId: statement.documentId } },
      populate: { customer: { select: ['documentId'] }, recordedBy: true },
    });
    expect(opinions).toEqual([
      expect.objectContaining({
        text: '6月15日已付 250 元，未见冲减',
        source: 'statement_dispute',
        topic: 'billing',
        sentiment: 'negative',
        customer: expect.objectContaining({ documentId: customers.a.documentId }),
        recordedBy: null,
      }),
    ]);
    const mails = await sentMail();
    expect(mails.map((m) => m.to.join(',')).sort()).toEqual([clerk.email, clerk2.email, salesperson.email].sort());
    for (const m of mails) expect(m.text).toContain('6月15日已付 250 元，未见冲减');
    expect(mails.find((m) => m.to[0] === clerk.email)!.subject).toContain(`对账异议：${statement.number}`);
    expect(mails.find((m) => m.to[0] === clerk2.email)!.subject).toContain(`Statement disputed: ${statement.number}`);
    // Each ends with the statement's page in the admin panel, in the reader's language.
    const page = `http://localhost:${app.strapi.config.get('server.port')}/admin/content-manager/collection-types/${STATEMENT}/${statement.documentId}`;
    expect(adminLinks(mails.find((m) => m.to[0] === clerk.email)!)).toEqual(linkedTo(page, 'zh-CN'));
    expect(adminLinks(mails.find((m) => m.to[0] === clerk2.email)!)).toEqual(linkedTo(page, 'en'));
    expect((await agent.post(`/api/statements/respond/${token}`).type('form').send({ answer: 'confirm' })).status).toBe(410);
  });

  it('serves the admin panel: files for readers, sending for the sales clerk only', async () => {
    const statement = (await issue(clerk, { customer: customers.a.documentId, periodFrom: from, periodTo: to })).body.data;
    const http = request(app.strapi.server.httpServer);
    const adminClerk = await createAdminUser(app.strapi, 'sales-clerk');
    const adminManager = await createAdminUser(app.strapi, 'sales-manager');
    const adminPlanner = await createAdminUser(app.strapi, 'planner');
    const file = (admin: { token: string }, format: string) =>
      http
        .get(`/workflows/statement/${statement.documentId}/statement.${format}`)
        .set('Authorization', `Bearer ${admin.token}`)
        .responseType('blob');
    const pdf = await file(adminManager, 'pdf');
    expect([pdf.status, pdf.headers['content-type'], pdf.headers['content-disposition']]).toEqual([
      200,
      'application/pdf',
      `inline; filename="${statement.number}.pdf"`,
    ]);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await file(adminManager, 'xlsx');
    expect([xlsx.status, xlsx.headers['content-disposition']]).toEqual([200, `attachment; filename="${statement.number}.xlsx"`]);
    expect((await file(adminPlanner, 'pdf')).status).toBe(403);
    expect((await http.get(`/workflows/statement/${statement.documentId}/statement.pdf`)).status).toBe(401);

    const send = (admin: { token: string }) =>
      http.post(`/workflows/statement/${statement.documentId}/send`).set('Authorization', `Bearer ${admin.token}`).send({});
    expect((await send(adminManager)).status).toBe(403);
    expect((await stored(statement.documentId)).state).toBe('issued');
    const sent = await send(adminClerk);
    expect([sent.status, sent.body.data]).toEqual([200, { sentTo: 'li@customer.test' }]);
    expect((await stored(statement.documentId)).state).toBe('sent');
    expect((await sentMail()).map((m) => m.to[0])).toEqual(['li@customer.test']);
  });

  it('keeps statements out of reach of direct writes', async () => {
    const put = await rest(app.strapi, clerk).put(`/api/statements/${first.documentId}`, { data: { closingBalance: 0 } });
    expect([404, 405]).toContain(put.status);
    const refused = await app.strapi.db
      .query(STATEMENT)
      .update({ where: { id: first.id }, data: { closingBalance: 0 } })
      .catch((e: Error) => e);
    // The app's own error class (its realm, not this file's): a refusal, not a result.
    expect(refused).toMatchObject({ name: 'ForbiddenError' });
    expect(money((await stored(first.documentId)).closingBalance)).toBe('430.35');

    // the sales clerk's create and update are issuing and sending: in the content manager the record
    // itself is not written, and the refusal says where a statement is issued and sent
    const count = await countRows(app.strapi, STATEMENT);
    const cm = contentManager(app.strapi, await createAdminUser(app.strapi, 'sales-clerk'));
    for (const res of [
      await cm.create(STATEMENT, { customer: customers.a.documentId, periodFrom: '2026-01-01', periodTo: '2026-01-31', closingBalance: 0 }),
      await cm.update(STATEMENT, first.documentId, { closingBalance: 0, customerComment: 'edited' }),
    ]) {
      expect([res.status, res.body.error?.name]).toEqual([403, 'ForbiddenError']);
      expect(res.body.error.message).toMatch(/issued with POST \/api\/statements .* sent with POST \/api\/statements\/:documentId\/send/);
    }
    expect(await countRows(app.strapi, STATEMENT)).toBe(count);
    expect(money((await stored(first.documentId)).closingBalance)).toBe('430.35');
  });
});
