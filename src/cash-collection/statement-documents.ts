/**
 * A statement's files: the PDF (src/pdf/statement-pdf.ts) and the XLSX (summary, entries,
 * open items, one sheet each, through src/platform/table-export.ts), both from the statement as it
 * was issued — the stored figures and the frozen snapshot, never a fresh computation.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ENTRY_HEADINGS, ENTRY_LABELS, OPEN_ITEM_HEADINGS } from '../domain/statement';
import { renderStatement, StatementDocument } from '../pdf/statement-pdf';
import { Column, Row, sheetsToXlsx } from '../platform/table-export';
import { reportTimeZone } from '../platform/settings';
import { loadStatement } from './statement-record';

export const statementDocumentOf = async (strapi: Core.Strapi, documentId: string): Promise<StatementDocument> => {
  const statement = await loadStatement(strapi, documentId);
  const { company, customer, lines, openItems, aging } = statement.snapshot;
  return {
    company,
    customer,
    lines,
    openItems,
    aging,
    number: statement.number,
    periodFrom: statement.periodFrom,
    periodTo: statement.periodTo,
    currency: statement.currency,
    openingBalance: statement.openingBalance,
    shipped: statement.shipped,
    received: statement.received,
    reversed: statement.reversed,
    closingBalance: statement.closingBalance,
    unallocated: statement.unallocated,
  };
};

export const statementPdf = async (strapi: Core.Strapi, documentId: string) => {
  const statement = await statementDocumentOf(strapi, documentId);
  return { filename: `${statement.number}.pdf`, content: await renderStatement(statement), contentType: 'application/pdf' };
};

const SUMMARY_COLUMNS: Column[] = [
  { key: 'item', header: '项目 Item', kind: 'text', width: 36 },
  { key: 'value', header: '内容 Value', kind: 'text', width: 44 },
  { key: 'amount', header: '金额 Amount', kind: 'money', width: 18 },
];
const bilingual = (heading: { zh: string; en: string }) => `${heading.zh} ${heading.en}`;
const E = ENTRY_HEADINGS;
const LINE_COLUMNS: Column[] = [
  { key: 'date', header: bilingual(E.date), kind: 'date', width: 12 },
  { key: 'entry', header: bilingual(E.entry), kind: 'text', width: 24 },
  { key: 'reference', header: bilingual(E.reference), kind: 'text', width: 30 },
  { key: 'debit', header: bilingual(E.debit), kind: 'money', width: 18 },
  { key: 'credit', header: bilingual(E.credit), kind: 'money', width: 18 },
  { key: 'balance', header: bilingual(E.balance), kind: 'money', width: 16 },
];
const I = OPEN_ITEM_HEADINGS;
const ITEM_COLUMNS: Column[] = [
  { key: 'reference', header: bilingual(I.reference), kind: 'text', width: 20 },
  { key: 'invoiceDate', header: bilingual(I.invoiceDate), kind: 'date', width: 14 },
  { key: 'dueDate', header: bilingual(I.dueDate), kind: 'date', width: 14 },
  { key: 'amount', header: bilingual(I.amount), kind: 'money', width: 16 },
  { key: 'openAmount', header: bilingual(I.openAmount), kind: 'money', width: 16 },
  { key: 'daysPastDue', header: bilingual(I.daysPastDue), kind: 'integer', width: 14 },
  { key: 'aging', header: bilingual(I.aging), kind: 'text', width: 22 },
];

export const statementXlsx = async (strapi: Core.Strapi, documentId: string) => {
  const s = await statementDocumentOf(strapi, documentId);
  const summary: Row[] = [
    { item: '对账单号 Number', value: s.number, amount: null },
    { item: '客户 Customer', value: `${s.customer.code} ${s.customer.name}`, amount: null },
    { item: '期间 Period', value: `${s.periodFrom} — ${s.periodTo}`, amount: null },
    { item: '币种 Currency', value: s.currency, amount: null },
    { item: '期初余额 Opening balance', value: s.periodFrom, amount: s.openingBalance },
    { item: '本期发货 Shipped', value: null, amount: s.shipped },
    { item: '本期收款 Received', value: null, amount: s.received },
    { item: '本期冲销 Reversed', value: null, amount: s.reversed },
    { item: '期末余额 Closing balance', value: s.periodTo, amount: s.closingBalance },
    { item: '未清项合计 Open items total', value: s.periodTo, amount: s.aging.total },
    { item: '未核销收款 Unallocated payments', value: s.periodTo, amount: s.unallocated },
    ...s.aging.buckets.map((b) => ({ item: `账龄 ${b.label.zh} / ${b.label.en}`, value: null, amount: b.amount })),
  ];
  const labels = new Map(s.aging.buckets.map((b) => [b.key, `${b.label.zh} / ${b.label.en}`]));
  const content = await sheetsToXlsx(
    [
      { sheetName: '对账单 Statement', columns: SUMMARY_COLUMNS, rows: summary },
      {
        sheetName: '明细 Entries',
        columns: LINE_COLUMNS,
        rows: s.lines.map((l) => ({
          date: l.date,
          entry: `${ENTRY_LABELS[l.kind].zh} ${ENTRY_LABELS[l.kind].en}`,
          reference: l.reference,
          debit: l.debit,
          credit: l.credit,
          balance: l.balance,
        })),
      },
      {
        sheetName: '未清项 Open items',
        columns: ITEM_COLUMNS,
        rows: s.openItems.map((i) => ({ ...i, aging: labels.get(i.bucket) ?? i.bucket })),
      },
    ],
    reportTimeZone(strapi)
  );
  return { filename: `${s.number}.xlsx`, content, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
};

/** Answers with a statement file: the PDF shown in the browser, the XLSX saved. */
export const sendStatementFile = async (strapi: Core.Strapi, ctx: Context, documentId: string, format: 'pdf' | 'xlsx') => {
  const file = format === 'pdf' ? await statementPdf(strapi, documentId) : await statementXlsx(strapi, documentId);
  ctx.type = file.contentType;
  ctx.set('Content-Disposition', `${format === 'pdf' ? 'inline' : 'attachment'}; filename="${file.filename}"`);
  ctx.body = file.content;
};
