/**
 * The statement PDF read back with pdf.js: every aging label stays whole on its line (it once
 * broke as "逾期180天以/上"), and the bank account customers pay into is printed when configured
 * and never made up when not.
 */
import { readPdf } from '../helpers/pdf';
import { agingBuckets, DEFAULT_AGING_BOUNDS } from '../../src/domain/aging';
import { agingOfItems, OpenItem } from '../../src/domain/statement';
import { renderStatement, StatementDocument } from '../../src/pdf/statement-pdf';

const buckets = agingBuckets([...DEFAULT_AGING_BOUNDS]);
// One open item in every bucket, with the longest references the app issues.
const openItems: OpenItem[] = buckets.map((bucket, i) => ({
  reference: `SH-2026-${String(100001 + i)}`,
  invoiceDate: '2026-01-05',
  dueDate: '2026-02-04',
  amount: '1000.00',
  openAmount: '1000.00',
  daysPastDue: bucket.from ?? 0,
  bucket: bucket.key,
}));

const statement = (bank: StatementDocument['company']['bank']): StatementDocument => ({
  number: 'DZ-2026-00042',
  periodFrom: '2026-01-01',
  periodTo: '2026-06-30',
  currency: 'CNY',
  openingBalance: '0.00',
  shipped: '6000.00',
  received: '0.00',
  reversed: '0.00',
  closingBalance: '6000.00',
  unallocated: '0.00',
  company: { name: '宁波海天精工机械有限公司', address: '浙江省宁波市北仑区小港街道 1 号', bank },
  customer: { code: 'C-000042', name: '柳州正大机械有限公司', address: '广西柳州市' },
  lines: openItems.map((item) => ({
    date: item.invoiceDate,
    kind: 'shipment',
    reference: item.reference,
    amount: item.amount,
    debit: item.amount,
    credit: null,
    balance: item.amount,
  })),
  openItems,
  aging: agingOfItems(openItems, buckets),
});

const printedLines = async (document: StatementDocument) =>
  readPdf(await renderStatement(document)).pages.flatMap((page) => page.lines.map((line) => line.join(' ')));

describe('statement PDF', () => {
  it('prints every aging label of the open items on one line, in both languages', async () => {
    const lines = await printedLines(statement(null));
    for (const bucket of buckets) {
      // An open item's row (the entries table prints the reference too, but no due date).
      const item = openItems.find((candidate) => candidate.bucket === bucket.key)!;
      const itemRows = lines.filter((line) => line.includes(item.reference) && line.includes(item.dueDate));
      expect([bucket.key, itemRows.length]).toEqual([bucket.key, 1]);
      expect([bucket.key, itemRows[0].includes(bucket.label.zh)]).toEqual([bucket.key, true]);
    }
    for (const bucket of buckets) {
      expect([bucket.label.en, lines.some((line) => line.includes(bucket.label.en))]).toEqual([bucket.label.en, true]);
    }
  });

  it('prints the bank account customers pay into when the company has one', async () => {
    const lines = await printedLines(statement({ name: '中国工商银行宁波北仑支行', account: '3901 1400 0900 1234 567' }));
    const text = lines.join('\n');
    expect(text).toContain('汇款账户 Remit to');
    expect(text).toContain('中国工商银行宁波北仑支行');
    expect(text).toContain('3901 1400 0900 1234 567');
  });

  it('prints no bank section when none is configured', async () => {
    const text = (await printedLines(statement(null))).join('\n');
    expect(text).not.toContain('Remit to');
    expect(text).not.toContain('开户行');
  });
});
