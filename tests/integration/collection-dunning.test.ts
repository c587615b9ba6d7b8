/**
 * The collection job's mail, received over real SMTP: dunning reminders by level (salesperson
 * first, the customer's contact in its language from level 2), the weekly overdue-payment report to
 * every sales manager with the XLSX attached — each exactly once: a rerun sends nothing, and two
 * Strapi instances (two processes) on the same database running the job at the same moment send
 * each mail once, both with the lease and, without it, by the dunning log alone.
 */
import ExcelJS from 'exceljs';
import { adminLinks, linkedTo, useMailCatcher, CaughtMail } from '../helpers/mail';
import { RECEIVABLE } from '../../src/platform/uids';
import { useStrapi, appModule } from '../helpers/strapi';
import { createStaff, createStaffUser, StaffMember } from '../helpers/staff';
import { createCustomer, createProduct, Doc } from '../helpers/fixtures';
import { ok } from '../helpers/workflow';
import { planShipment, readyOrder, receivableOf, ship, SHIPPING_ROLES, ShippingStaff } from '../helpers/shipping';
import { startSecondInstance, SecondInstance } from '../helpers/second-instance';
import { addDays } from '../../src/domain/business-date';
import { isoWeek } from '../../src/domain/dunning';
import { drainOutbox } from '../../src/notifications/worker';
import path from 'path';

const JOB = path.join('src', 'jobs', 'collection-dunning.js');
const { runCollectionJob, sendDunningReminders, sendOverdueReport } = appModule(JOB);

const noonOn = (date: string) => new Date(`${date}T04:00:00Z`);

describe('overdue report and dunning', () => {
  const mail = useMailCatcher();
  const app = useStrapi();
  let staff: ShippingStaff;
  let salesperson: StaffMember;
  let managers: StaffMember[];
  let english: Doc;
  let chinese: Doc;
  let due: string;
  const orders: Record<string, string> = {};
  const receivables: Record<string, string> = {};
  let second: SecondInstance;

  beforeAll(async () => {
    staff = await createStaff(app.strapi, SHIPPING_ROLES);
    const { supervisor, specialist, coordinator } = staff;
    salesperson = await createStaffUser(app.strapi, 'salesperson', { displayName: '张业务' });
    managers = [
      await createStaffUser(app.strapi, 'sales-manager'),
      await createStaffUser(app.strapi, 'sales-manager', { preferredLanguage: 'en' }),
    ];
    const product = await createProduct(app.strapi, supervisor, { stockOnHand: 10 });
    english = await createCustomer(app.strapi, specialist, {
      name: 'Pacific Pumps Pty Ltd',
      paymentTermsDays: 0,
      preferredLanguage: 'en',
      salesperson: salesperson.id,
      contacts: [{ name: 'Jane Roe', email: 'jane@pacific.test', primary: true }],
    });
    chinese = await createCustomer(app.strapi, specialist, {
      name: '合肥江淮泵业有限公司',
      paymentTermsDays: 0,
      salesperson: salesperson.id,
      contacts: [{ name: '周工', email: 'zhou@jianghuai.test', primary: true }],
    });
    for (const [customer, quantity, unitPrice] of [
      [english, 3, '100.00'],
      [chinese, 2, '250.50'],
    ] as const) {
      const { order, keys } = await readyOrder(app.strapi, staff, customer, [{ product, quantity, unitPrice }]);
      const shipment = await planShipment(app.strapi, coordinator, order, [{ line: keys[0], quantity }]);
      await ok(ship(app.strapi, coordinator, shipment));
      const receivable = await receivableOf(app.strapi, shipment);
      due = receivable.dueDate;
      receivables[customer.documentId] = receivable.documentId;
      orders[customer.documentId] = order.number;
    }
    await drainOutbox(app.strapi);
    mail.catcher.messages.length = 0; // the delivery notes
    second = await startSecondInstance();
  }, 120_000);

  afterAll(async () => {
    await second?.stop();
  });

  const newMail = async (): Promise<CaughtMail[]> => {
    await drainOutbox(app.strapi);
    const caught = [...mail.catcher.messages];
    mail.catcher.messages.length = 0;
    return caught;
  };
  const summary = (mails: CaughtMail[]) => mails.map((m) => `${m.to.join(',')} | ${m.subject}`).sort();

  it('reminds the salesperson at level 1 and sends the week’s report to every sales manager with the workbook; a rerun sends nothing', async () => {
    const at = noonOn(addDays(due, 7));
    expect(await runCollectionJob(app.strapi, at)).toEqual({ credit: { held: 0, released: 0 }, reminders: 2, report: true });
    const mails = await newMail();
    const week = isoWeek(addDays(due, 7));
    expect(summary(mails)).toEqual(
      [
        `${salesperson.email} | 催款提醒（第1级）：Pacific Pumps Pty Ltd ${orders[english.documentId]} 逾期7天`,
        `${salesperson.email} | 催款提醒（第1级）：合肥江淮泵业有限公司 ${orders[chinese.documentId]} 逾期7天`,
        `${managers[0].email} | 滞纳货款报表 ${week}（截至 ${addDays(due, 7)}）`,
        `${managers[1].email} | Overdue payments ${week} (as of ${addDays(due, 7)})`,
      ].sort()
    );
    const reminder = mails.find((m) => m.subject.includes('Pacific'))!;
    expect(reminder.text).toContain('未收金额 CNY 300.00（应收 CNY 300.00）');
    // A reminder links the receivable it is about; the report, about all of them, their list.
    const receivablesPage = `http://localhost:${app.strapi.config.get('server.port')}/admin/content-manager/collection-types/${RECEIVABLE}`;
    expect(adminLinks(reminder)).toEqual(linkedTo(`${receivablesPage}/${receivables[english.documentId]}`, 'zh-CN'));
    expect(adminLinks(mails.find((m) => m.subject.includes('合肥'))!)).toEqual(
      linkedTo(`${receivablesPage}/${receivables[chinese.documentId]}`, 'zh-CN')
    );
    const report = mails.find((m) => m.to.includes(managers[1].email))!;
    expect(report.text).toContain('CNY 801.00 overdue, 2 customers (1–30 days CNY 801.00; 31–60 days CNY 0.00;');
    expect(report.text).toContain(`- ${chinese.code} 合肥江淮泵业有限公司 (salesperson 张业务): CNY 501.00`);
    expect(report.attachments.map((a) => a.filename)).toEqual([`overdue-report-${addDays(due, 7)}.xlsx`]);
    expect(adminLinks(report)).toEqual(linkedTo(receivablesPage, 'en'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.attachments[0].content as never);
    const rows = workbook.worksheets[0]
      .getSheetValues()
      .filter(Boolean)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual([
      '币种 Currency',
      '客户 Customer',
      '业务员 Salesperson',
      '逾期1–30天 1–30 days',
      '逾期31–60天 31–60 days',
      '逾期61–90天 61–90 days',
      '逾期91–180天 91–180 days',
      '逾期180天以上 Over 180 days',
      '逾期合计 Overdue total',
    ]);
    expect(rows.slice(1)).toEqual([
      ['CNY', `${chinese.code} 合肥江淮泵业有限公司`, '张业务', 501, 0, 0, 0, 0, 501],
      ['CNY', `${english.code} Pacific Pumps Pty Ltd`, '张业务', 300, 0, 0, 0, 0, 300],
      ['CNY', '合计 Total (2)', '', 801, 0, 0, 0, 0, 801],
    ]);

    expect(await runCollectionJob(app.strapi, at)).toEqual({ credit: { held: 0, released: 0 }, reminders: 0, report: false });
    expect(await newMail()).toEqual([]);
  });

  it('runs once when two instances start the job at the same moment: level 2 reaches the customers in their language', async () => {
    const at = noonOn(addDays(due, 30));
    // The lease keeps the two apart while one runs; a quick round may end before the other starts,
    // and then the second runs too and finds everything sent: together they remind twice and report once.
    const ran = (await Promise.all([runCollectionJob(app.strapi, at), second.run(JOB, 'runCollectionJob', at)])).filter(
      (result) => result !== null
    );
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.reduce((sum, result) => sum + result.reminders, 0)).toBe(2);
    expect(ran.filter((result) => result.report)).toHaveLength(1);
    const week = isoWeek(addDays(due, 30));
    const mails = await newMail();
    expect(summary(mails)).toEqual(
      [
        `${salesperson.email} | 催款提醒（第2级）：Pacific Pumps Pty Ltd ${orders[english.documentId]} 逾期30天`,
        `${salesperson.email} | 催款提醒（第2级）：合肥江淮泵业有限公司 ${orders[chinese.documentId]} 逾期30天`,
        `jane@pacific.test | Payment reminder: order ${orders[english.documentId]} is overdue`,
        `zhou@jianghuai.test | 付款提醒：订单 ${orders[chinese.documentId]} 货款已逾期`,
        `${managers[0].email} | 滞纳货款报表 ${week}（截至 ${addDays(due, 30)}）`,
        `${managers[1].email} | Overdue payments ${week} (as of ${addDays(due, 30)})`,
      ].sort()
    );
    expect(mails.find((m) => m.to.includes('jane@pacific.test'))!.text).toContain('The payment of CNY 300.00');
    // The customers' reminders carry no admin link; the salesperson's do.
    const customerMails = mails.filter((m) => m.to.some((to) => to.endsWith('pacific.test') || to.endsWith('jianghuai.test')));
    expect(customerMails).toHaveLength(2);
    for (const customerMail of customerMails) {
      expect(adminLinks(customerMail)).toEqual({ text: null, html: null });
      expect(customerMail.text + customerMail.html).not.toContain('/admin');
    }
    // both again (a quick round may end before the other starts, so both may run): nothing new
    const again = (await Promise.all([runCollectionJob(app.strapi, at), second.run(JOB, 'runCollectionJob', at)])).filter(
      (result) => result !== null
    );
    expect(again.length).toBeGreaterThan(0);
    for (const result of again) expect(result).toEqual({ credit: { held: 0, released: 0 }, reminders: 0, report: false });
    expect(await newMail()).toEqual([]);
  });

  it('sends each reminder and the report once even without the lease: the dunning log decides', async () => {
    const at = noonOn(addDays(due, 60));
    const reminded = await Promise.all([sendDunningReminders(app.strapi, at), second.run<number>(JOB, 'sendDunningReminders', at)]);
    expect(reminded[0] + reminded[1]).toBe(2);
    const reported = await Promise.all([sendOverdueReport(app.strapi, at), second.run<boolean>(JOB, 'sendOverdueReport', at)]);
    expect(reported.filter(Boolean)).toEqual([true]);
    const mails = await newMail();
    expect(summary(mails).map((line) => line.replace(/\d{4}-W\d{2}.*$/, 'report'))).toEqual(
      [
        `${salesperson.email} | 催款提醒（第3级）：Pacific Pumps Pty Ltd ${orders[english.documentId]} 逾期60天`,
        `${salesperson.email} | 催款提醒（第3级）：合肥江淮泵业有限公司 ${orders[chinese.documentId]} 逾期60天`,
        `jane@pacific.test | Payment reminder: order ${orders[english.documentId]} is overdue`,
        `zhou@jianghuai.test | 付款提醒：订单 ${orders[chinese.documentId]} 货款已逾期`,
        `${managers[0].email} | 滞纳货款报表 report`,
        `${managers[1].email} | Overdue payments report`,
      ].sort()
    );
  });
});
