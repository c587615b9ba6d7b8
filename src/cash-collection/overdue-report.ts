/**
 * The overdue-payment report (滞纳货款报表) for the sales managers: per customer (with its
 * salesperson) what was past due at the end of a day, by aging bucket, per currency — from
 * `receivableAging` (SQL) — as a mail summary and as an XLSX workbook attached to the mail.
 */
import type { Core } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import { CURRENCIES, Decimal, formatMoney } from '../domain/money';
import { addCellSheet, Cell } from '../platform/table-export';
import { receivableAging } from './receivable-aging';
import { CUSTOMER } from '../platform/uids';

export interface OverdueRow {
  currency: string;
  customer: { documentId: string; label: string };
  salesperson: string;
  amounts: Record<string, string>;
  overdue: string;
}

export interface OverdueReport {
  asOf: string;
  /** The buckets past due (not the "not due" one). */
  buckets: { key: string; label: { en: string; zh: string } }[];
  rows: OverdueRow[];
  totals: { currency: string; amounts: Record<string, string>; overdue: string; customers: number }[];
}

export const overdueReport = async (strapi: Core.Strapi, asOf: string): Promise<OverdueReport> => {
  const rows: OverdueRow[] = [];
  const totals: OverdueReport['totals'] = [];
  let buckets: OverdueReport['buckets'] = [];
  for (const currency of CURRENCIES) {
    const aging = await receivableAging(strapi, { asOf, currency, groupBy: 'customer' });
    const pastDue = aging.buckets.filter((bucket) => bucket.key !== 'not_due');
    buckets = pastDue.map(({ key, label }) => ({ key, label }));
    const overdueOf = (amounts: Record<string, string>) =>
      formatMoney(pastDue.reduce((sum, bucket) => sum.plus(amounts[bucket.key]), new Decimal(0)));
    const owing = aging.rows.filter((row) => new Decimal(overdueOf(row.amounts)).greaterThan(0));
    if (owing.length === 0) continue;
    const customers = await strapi.db.query(CUSTOMER).findMany({
      where: { documentId: { $in: owing.map((row) => row.key) } },
      select: ['documentId'],
      populate: { salesperson: { select: ['username', 'displayName'] } },
    });
    const salespersonOf = new Map(
      customers.map((c: { documentId: string; salesperson: { username: string; displayName?: string } | null }) => [
        c.documentId,
        c.salesperson ? c.salesperson.displayName || c.salesperson.username : '',
      ])
    );
    const byOverdue = owing
      .map((row) => ({
        currency,
        customer: { documentId: row.key, label: row.label.trim() },
        salesperson: String(salespersonOf.get(row.key) ?? ''),
        amounts: Object.fromEntries(pastDue.map((b) => [b.key, row.amounts[b.key]])),
        overdue: overdueOf(row.amounts),
      }))
      .sort((a, b) => new Decimal(b.overdue).comparedTo(a.overdue) || a.customer.label.localeCompare(b.customer.label));
    rows.push(...byOverdue);
    totals.push({
      currency,
      amounts: Object.fromEntries(pastDue.map((b) => [b.key, aging.totals.amounts[b.key]])),
      overdue: overdueOf(aging.totals.amounts),
      customers: byOverdue.length,
    });
  }
  return { asOf, buckets, rows, totals };
};

/** The report as a workbook: one row per customer and currency, amounts as numbers with two places. */
export const overdueReportXlsx = async (report: OverdueReport): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.title = '滞纳货款报表 Overdue payments';
  const headers = [
    '币种 Currency',
    '客户 Customer',
    '业务员 Salesperson',
    ...report.buckets.map((b) => `${b.label.zh} ${b.label.en}`),
    '逾期合计 Overdue total',
  ];
  const amountColumns = Object.fromEntries(
    report.buckets.map((_, index) => [index + 4, '#,##0.00']).concat([[report.buckets.length + 4, '#,##0.00']])
  );
  const cells: Cell[][] = [
    ...report.rows.map((row) => [
      row.currency,
      row.customer.label,
      row.salesperson,
      ...report.buckets.map((b) => Number(row.amounts[b.key])),
      Number(row.overdue),
    ]),
    ...report.totals.map((total) => [
      total.currency,
      `合计 Total (${total.customers})`,
      '',
      ...report.buckets.map((b) => Number(total.amounts[b.key])),
      Number(total.overdue),
    ]),
  ];
  addCellSheet(workbook, { name: `逾期 ${report.asOf}`, headers }, cells, amountColumns);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

/** The attachment renderer (src/notifications/attachments.ts): `ref` is the report's day. */
export const overdueReportAttachment = async (strapi: Core.Strapi, asOf: string) => ({
  filename: `overdue-report-${asOf}.xlsx`,
  content: await overdueReportXlsx(await overdueReport(strapi, asOf)),
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
});
