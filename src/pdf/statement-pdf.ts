/**
 * The customer statement (对账单) as an A4 PDF: the period's summary (opening balance, shipped,
 * received, reversed, closing balance), every entry with its running balance, the open items at
 * the period's end with their aging, and a box for the customer's confirmation. Pure: it prints
 * the figures it is given (the statement as issued and frozen) and touches no database.
 */
import { AgingBucket } from '../domain/aging';
import { groupedMoney } from '../domain/money';
import { ENTRY_HEADINGS, ENTRY_LABELS, IssuedStatement, OpenItem, OPEN_ITEM_HEADINGS, StatementLine } from '../domain/statement';
import {
  bold,
  CompanyParticulars,
  CONTENT_WIDTH,
  Doc,
  drawDocumentHeader,
  drawFlowingRow,
  drawParticularsColumn,
  drawTableHeader,
  missingGlyphs,
  regular,
  bottomLimit,
  SIDE,
  SMALL_SIZE,
  startDocument,
  TableColumn,
  UnprintableTextError,
} from './pdf-layout';

export interface StatementDocument extends IssuedStatement {
  company: CompanyParticulars;
  customer: { code: string; name: string; address: string };
  lines: StatementLine[];
  openItems: OpenItem[];
  aging: { buckets: { key: string; label: AgingBucket['label']; amount: string }[]; total: string };
}

const E = ENTRY_HEADINGS;
const LINE_COLUMNS: TableColumn[] = [
  { ...E.date, width: 66, align: 'center' },
  { ...E.entry, width: 92, align: 'left' },
  { ...E.reference, width: 124, align: 'left' },
  { ...E.debit, width: 75, align: 'right' },
  { ...E.credit, width: 75, align: 'right' },
  { ...E.balance, width: CONTENT_WIDTH - 66 - 92 - 124 - 75 - 75, align: 'right' },
];

const I = OPEN_ITEM_HEADINGS;
// The aging column fits its longest label (逾期180天以上 / Over 180 days) on one line each.
const ITEM_COLUMNS: TableColumn[] = [
  { ...I.reference, width: 84, align: 'left' },
  { ...I.invoiceDate, width: 66, align: 'center' },
  { ...I.dueDate, width: 66, align: 'center' },
  { ...I.amount, width: 80, align: 'right' },
  { ...I.openAmount, width: 80, align: 'right' },
  { ...I.daysPastDue, width: 50, align: 'right' },
  { ...I.aging, width: CONTENT_WIDTH - 84 - 66 - 66 - 80 - 80 - 50, align: 'center' },
];

const SUMMARY_COLUMNS: TableColumn[] = [
  { zh: '期初余额', en: 'Opening balance', width: CONTENT_WIDTH / 5, align: 'right' },
  { zh: '本期发货', en: 'Shipped', width: CONTENT_WIDTH / 5, align: 'right' },
  { zh: '本期收款', en: 'Received', width: CONTENT_WIDTH / 5, align: 'right' },
  { zh: '本期冲销', en: 'Reversed', width: CONTENT_WIDTH / 5, align: 'right' },
  { zh: '期末余额', en: 'Closing balance', width: CONTENT_WIDTH / 5, align: 'right' },
];

const heading = (doc: Doc, text: string) => {
  doc.y += 10;
  if (doc.y + 60 > bottomLimit(doc)) doc.addPage();
  bold(doc, 10).text(text, SIDE, doc.y, { width: CONTENT_WIDTH });
  doc.y += 3;
};

const validate = (statement: StatementDocument) => {
  const problems = missingGlyphs([
    ['company.name', statement.company.name],
    ['company.address', statement.company.address],
    ['company.bank.name', statement.company.bank?.name],
    ['company.bank.account', statement.company.bank?.account],
    ['customer.name', statement.customer.name],
    ['customer.address', statement.customer.address],
    ...statement.lines.map((line, i): [string, string] => [`lines[${i}].reference`, line.reference]),
    ...statement.openItems.map((item, i): [string, string] => [`openItems[${i}].reference`, item.reference]),
  ]);
  if (problems.length > 0) throw new UnprintableTextError(problems, 'Statement');
};

const money = (amount: string) => groupedMoney(amount);

/** The customer and the period side by side, then the period's summary row. */
const drawParticularsAndSummary = (doc: Doc, statement: StatementDocument, period: string) => {
  const top = doc.y + 8;
  const half = (CONTENT_WIDTH - 16) / 2;
  const bottom = Math.max(
    drawParticularsColumn(
      doc,
      [
        ['客户 Customer', `${statement.customer.code} ${statement.customer.name}`],
        ['地址 Address', statement.customer.address || '-'],
      ],
      SIDE,
      top,
      half
    ),
    drawParticularsColumn(
      doc,
      [
        ['期间 Period', period],
        ['币种 Currency', statement.currency],
      ],
      SIDE + half + 16,
      top,
      half
    )
  );
  doc.x = SIDE;
  doc.y = bottom + 6;

  drawTableHeader(doc, SUMMARY_COLUMNS);
  drawFlowingRow(
    doc,
    SUMMARY_COLUMNS,
    [statement.openingBalance, statement.shipped, statement.received, statement.reversed, statement.closingBalance].map((amount) => ({
      text: money(amount),
      align: 'right' as const,
    })),
    bold
  );
};

/** Every entry of the period with its running balance, between the opening and the closing balance. */
const drawEntries = (doc: Doc, statement: StatementDocument) => {
  heading(doc, '本期明细 Entries in the period');
  drawTableHeader(doc, LINE_COLUMNS);
  const spanRow = (label: string, amount: string) => [
    { text: label, span: 5, align: 'right' as const },
    { text: money(amount), align: 'right' as const },
  ];
  drawFlowingRow(doc, LINE_COLUMNS, spanRow(`期初余额 Opening balance（${statement.periodFrom}）`, statement.openingBalance), bold);
  for (const line of statement.lines) {
    const label = ENTRY_LABELS[line.kind];
    drawFlowingRow(doc, LINE_COLUMNS, [
      { text: line.date, align: 'center' },
      { text: `${label.zh} ${label.en}`, align: 'left' },
      { text: line.reference, align: 'left' },
      { text: line.debit ? money(line.debit) : '', align: 'right' },
      { text: line.credit ? money(line.credit) : '', align: 'right' },
      { text: money(line.balance), align: 'right' },
    ]);
  }
  drawFlowingRow(doc, LINE_COLUMNS, spanRow(`期末余额 Closing balance（${statement.periodTo}）`, statement.closingBalance), bold);
};

/** The open items at the period's end with their total, the aging, and how they meet the closing balance. */
const drawOpenItems = (doc: Doc, statement: StatementDocument) => {
  heading(doc, `未清项 Open items at ${statement.periodTo}`);
  drawTableHeader(doc, ITEM_COLUMNS);
  const bucketLabel = new Map(statement.aging.buckets.map((b) => [b.key, b.label]));
  for (const item of statement.openItems) {
    const label = bucketLabel.get(item.bucket);
    drawFlowingRow(doc, ITEM_COLUMNS, [
      { text: item.reference, align: 'left' },
      { text: item.invoiceDate, align: 'center' },
      { text: item.dueDate, align: 'center' },
      { text: money(item.amount), align: 'right' },
      { text: money(item.openAmount), align: 'right' },
      { text: String(Math.max(item.daysPastDue, 0)), align: 'right' },
      { text: label ? `${label.zh}\n${label.en}` : item.bucket, align: 'center' },
    ]);
  }
  drawFlowingRow(
    doc,
    ITEM_COLUMNS,
    [
      { text: '未清项合计 Open items total', span: 4, align: 'right' },
      { text: money(statement.aging.total), align: 'right' },
      { text: '', span: 2, align: 'left' },
    ],
    bold
  );

  const agingColumns: TableColumn[] = statement.aging.buckets.map((b) => ({
    zh: b.label.zh,
    en: b.label.en,
    width: CONTENT_WIDTH / statement.aging.buckets.length,
    align: 'right',
  }));
  heading(doc, '账龄 Aging');
  drawTableHeader(doc, agingColumns);
  drawFlowingRow(
    doc,
    agingColumns,
    statement.aging.buckets.map((b) => ({ text: money(b.amount), align: 'right' as const }))
  );

  doc.y += 8;
  regular(doc).text(
    `未核销收款 Unallocated payments: ${money(statement.unallocated)} ${statement.currency}。` +
      `期末余额 = 未清项合计 − 未核销收款 / Closing balance = open items total − unallocated payments: ` +
      `${money(statement.aging.total)} − ${money(statement.unallocated)} = ${money(statement.closingBalance)} ${statement.currency}`,
    SIDE,
    doc.y,
    { width: CONTENT_WIDTH }
  );
};

/** Where to pay: the company's bank account, when configured (COMPANY_BANK_NAME, COMPANY_BANK_ACCOUNT). */
const drawRemittance = (doc: Doc, statement: StatementDocument) => {
  const bank = statement.company.bank;
  if (!bank) return;
  heading(doc, '汇款账户 Remit to');
  const bottom = drawParticularsColumn(
    doc,
    [
      ['户名 Account name', statement.company.name],
      ['开户行 Bank', bank.name],
      ['账号 Account no.', bank.account],
    ],
    SIDE,
    doc.y,
    CONTENT_WIDTH
  );
  doc.x = SIDE;
  doc.y = bottom;
};

/** The customer's confirmation: signed here, or given through the link in the mail. */
const drawConfirmationBox = (doc: Doc, statement: StatementDocument) => {
  const boxHeight = 70;
  doc.y += 12;
  if (doc.y + boxHeight > bottomLimit(doc)) doc.addPage();
  const y = doc.y;
  doc.rect(SIDE, y, CONTENT_WIDTH, boxHeight).lineWidth(0.5).stroke();
  bold(doc).text('客户确认 Customer confirmation', SIDE + 6, y + 6, { width: CONTENT_WIDTH - 12 });
  regular(doc, SMALL_SIZE)
    .fillColor('#444444')
    .text(
      `我司确认截至 ${statement.periodTo} 的余额为 ${money(statement.closingBalance)} ${statement.currency}。 We confirm the balance above.`,
      SIDE + 6,
      y + 22,
      { width: CONTENT_WIDTH - 12 }
    );
  regular(doc, SMALL_SIZE)
    .fillColor('#444444')
    .text('盖章/签字 Stamp / signature:                日期 Date:', SIDE + 6, y + boxHeight - 18, {
      width: CONTENT_WIDTH - 12,
      lineBreak: false,
    });
  doc.y = y + boxHeight;
};

export const renderStatement = async (statement: StatementDocument): Promise<Buffer> => {
  validate(statement);
  const period = `${statement.periodFrom} — ${statement.periodTo}`;
  const { doc, finish } = startDocument(
    { Title: `对账单 Statement ${statement.number}`, Author: statement.company.name, Subject: statement.customer.name },
    (page) =>
      drawDocumentHeader(page, statement.company, '对账单 Statement of account', `单号 No.: ${statement.number}`, `期间 Period: ${period}`)
  );
  drawParticularsAndSummary(doc, statement, period);
  drawEntries(doc, statement);
  drawOpenItems(doc, statement);
  drawRemittance(doc, statement);
  drawConfirmationBox(doc, statement);
  return finish(statement.number);
};
