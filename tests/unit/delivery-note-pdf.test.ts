/**
 * The delivery note PDF, read back with a real PDF parser (Mozilla's pdf.js): the Chinese text
 * comes out exactly as it went in (so no glyph fell back to .notdef), headings are bilingual, the
 * table header repeats on every page and the page numbers count the pages there really are.
 */
import { PdfText, readPdf } from '../helpers/pdf';
import {
  DeliveryNote,
  DeliveryNoteLine,
  formatQuantity,
  renderDeliveryNote,
  totalsByUnit,
  unprintableCharacters,
  UnprintableTextError,
} from '../../src/pdf/delivery-note-pdf';

const PRODUCTS = [
  { name: '不锈钢法兰盘', specification: 'DN100 PN16 304', unit: '件' },
  { name: '碳钢无缝钢管', specification: 'Φ108×4.5 20#', unit: '米' },
  { name: '铸铁闸阀', specification: 'Z45T-10 DN150', unit: '台' },
  { name: '高压橡胶密封圈', specification: 'O型 φ50×3.1 氟橡胶', unit: '个' },
  { name: '镀锌六角螺栓', specification: 'M16×80 8.8级', unit: '套' },
];

const lines = (count: number): DeliveryNoteLine[] =>
  Array.from({ length: count }, (_, i) => {
    const product = PRODUCTS[i % PRODUCTS.length];
    return {
      lineNo: i + 1,
      sku: `P-${String(1001 + i).padStart(6, '0')}`,
      name: `${product.name}${i + 1}号`,
      specification: product.specification,
      quantity: 10 * (i + 1) + (i % 7),
      unit: product.unit,
    };
  });

const note = (lineCount: number, overrides: Partial<DeliveryNote> = {}): DeliveryNote => ({
  company: { name: '江苏恒达精密机械制造有限公司', address: '江苏省苏州市工业园区星湖街 218 号 邮编 215000' },
  shipmentNumber: 'CK-2026-000123',
  date: '2026-03-18',
  customer: {
    code: 'C-000042',
    name: '浙江鑫源流体设备股份有限公司',
    address: '浙江省温州市龙湾区永强大道 1688 号 3 号仓库',
    contactName: '陈晓燕',
    contactPhone: '138 5773 0421',
  },
  orderNumber: 'SO-2026-000077',
  contractNumber: 'HT-2026-000015',
  transport: { kind: 'truck', plate: '苏E·7K352', driverName: '王建国', driverPhone: '139 1550 2286' },
  inspectionReference: '320100226000451',
  customsReference: '223320260000123456',
  lines: lines(lineCount),
  remarks: '请收货人当场清点数量并检查包装，如有破损请在签收单上注明。',
  ...overrides,
});

const allRuns = (text: PdfText) => text.pages.flatMap((page) => page.runs.map((run) => run.text));

/** The value printed right of a label on the same row (labels are smaller type, so a slightly other baseline). */
const valueBeside = (text: PdfText, label: string): string | undefined => {
  for (const { runs } of text.pages) {
    const at = runs.find((run) => run.text === label);
    if (!at) continue;
    const beside = runs.filter((run) => run.x > at.x && Math.abs(run.y - at.y) < 4).sort((a, b) => a.x - b.x);
    return beside[0]?.text;
  }
  return undefined;
};

describe('delivery note PDF', () => {
  let twenty: { pdf: Buffer; text: PdfText };
  let twoHundred: { pdf: Buffer; text: PdfText };

  beforeAll(async () => {
    const pdf20 = await renderDeliveryNote(note(20));
    const pdf200 = await renderDeliveryNote(note(200));
    twenty = { pdf: pdf20, text: readPdf(pdf20) };
    twoHundred = { pdf: pdf200, text: readPdf(pdf200) };
  });

  it('is a PDF that embeds only a subset of the font', () => {
    expect(twenty.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The whole font file is about 10 MB; the used glyphs of two weights stay far below 200 kB.
    expect(twenty.pdf.length).toBeLessThan(200 * 1024);
    expect(twenty.pdf.toString('latin1')).toMatch(/\/FontFile2 /);
    expect(twenty.pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    // No standard PDF font: its Chinese would depend on the reader's system fonts.
    expect(twenty.pdf.toString('latin1')).not.toMatch(/Helvetica|Times|Courier/);
  });

  it('prints every Chinese string exactly as given, so no glyph fell back to .notdef', () => {
    const runs = allRuns(twenty.text);
    expect(runs.join('')).not.toContain('\u0000');
    const sample = note(20);
    for (const chinese of [
      sample.company.name,
      sample.company.address,
      sample.customer.address,
      `${sample.customer.contactName} ${sample.customer.contactPhone}`,
      '苏E·7K352',
      '王建国 139 1550 2286',
      sample.remarks,
      ...sample.lines.map((line) => line.name),
    ]) {
      expect(runs).toContain(chinese);
    }
    expect(runs).toContain(`C-000042 ${sample.customer.name}`);
  });

  it('shows the shipment, order and customs references under bilingual headings', () => {
    const text = allRuns(twenty.text);
    expect(text).toContain('出货单 Delivery note');
    expect(text).toContain('单号 No.: CK-2026-000123');
    expect(text).toContain('日期 Date: 2026-03-18');
    for (const [label, value] of [
      ['客户 Customer', 'C-000042 浙江鑫源流体设备股份有限公司'],
      ['订单号 Order no.', 'SO-2026-000077'],
      ['合同号 Contract no.', 'HT-2026-000015'],
      ['车牌 Truck plate', '苏E·7K352'],
      ['司机 Driver', '王建国 139 1550 2286'],
      ['商检 Inspection ref.', '320100226000451'],
      ['报关 Customs decl.', '223320260000123456'],
      ['联系人 Contact', '陈晓燕 138 5773 0421'],
    ]) {
      expect([label, valueBeside(twenty.text, label)]).toEqual([label, value]);
    }
    // Column headings: Chinese over English in one cell.
    for (const [zh, en] of [
      ['序号', 'No.'],
      ['产品编码', 'SKU'],
      ['品名', 'Product'],
      ['规格', 'Specification'],
      ['数量', 'Quantity'],
      ['单位', 'Unit'],
    ]) {
      expect(text.join('|')).toContain(`${zh}|${en}`);
    }
    for (const signature of ['发货人签字 Shipped by', '承运人签字 Carrier', '收货人签字 Received by', '备注 Remarks']) {
      expect(text).toContain(signature);
    }
  });

  it('has one table row per line with its number, SKU, product name, specification, quantity and unit', () => {
    for (const line of note(20).lines) {
      // Each cell is one text run; the row reads as its cells in order.
      const row = twenty.text.pages.flatMap((page) => page.lines).find((runs) => runs.includes(line.sku));
      expect(row).toEqual([String(line.lineNo), line.sku, line.name, line.specification, formatQuantity(line.quantity), line.unit]);
    }
    const totals = totalsByUnit(note(20).lines);
    expect(totals.map((t) => t.unit)).toEqual(['件', '米', '台', '个', '套']);
    const runs = allRuns(twenty.text);
    expect(runs).toContain('合计 Total（20 行 lines）');
    for (const total of totals) expect(runs).toContain(`${formatQuantity(total.quantity)} ${total.unit}`);
    // 10 + 21 + 32 + … : the five units' totals add up to the sum of all lines.
    expect(totals.reduce((sum, t) => sum + t.quantity.toNumber(), 0)).toBe(note(20).lines.reduce((sum, l) => sum + l.quantity, 0));
  });

  it('spreads 200 lines over several pages, repeating the table header and numbering the pages', () => {
    const { numPages, pages } = twoHundred.text;
    expect(numPages).toBeGreaterThanOrEqual(4);
    pages.forEach((page, i) => {
      const text = page.runs.map((run) => run.text);
      expect(text).toContain(`第 ${i + 1} 页 / 共 ${numPages} 页`);
      expect(text).toContain('出货单 Delivery note');
      expect(text).toContain('单号 No.: CK-2026-000123');
      // A page that carries table rows starts them under the column headings.
      if (text.some((run) => /^P-\d{6}$/.test(run))) {
        expect(text).toEqual(expect.arrayContaining(['品名', 'Product', '数量', 'Quantity']));
        expect(text.indexOf('品名')).toBeLessThan(text.findIndex((run) => /^P-\d{6}$/.test(run)));
      }
    });
    // Every line printed once, in order, none lost at a page break.
    const skus = allRuns(twoHundred.text).filter((run) => /^P-\d{6}$/.test(run));
    expect(skus).toEqual(note(200).lines.map((line) => line.sku));
    const lastPage = pages[numPages - 1].runs.map((run) => run.text);
    expect(lastPage).toContain('收货人签字 Received by');
  });

  it('prints forwarder transport, and leaves out the references a note does not have', async () => {
    const forwarded = readPdf(
      await renderDeliveryNote(
        note(3, {
          transport: {
            kind: 'forwarder',
            forwarder: '中外运上海分公司',
            vessel: 'COSCO SHIPPING ARIES 052E',
            containerNumber: 'CSNU 6184520',
          },
          contractNumber: null,
          inspectionReference: undefined,
          customsReference: '',
          remarks: null,
        })
      )
    );
    expect(valueBeside(forwarded, '货代 Forwarder')).toBe('中外运上海分公司');
    expect(valueBeside(forwarded, '船名 Vessel')).toBe('COSCO SHIPPING ARIES 052E');
    expect(valueBeside(forwarded, '柜号 Container no.')).toBe('CSNU 6184520');
    for (const absent of ['合同号', '商检', '报关', '车牌', '备注']) {
      expect(allRuns(forwarded).join('\n')).not.toContain(absent);
    }
  });

  it('refuses text the font cannot print instead of printing empty boxes', async () => {
    const bad = note(2, { remarks: '加急 🚚' });
    expect(unprintableCharacters(bad)).toEqual([{ field: 'remarks', characters: ['🚚'] }]);
    await expect(renderDeliveryNote(bad)).rejects.toThrow(UnprintableTextError);
    expect(unprintableCharacters(note(20))).toEqual([]);
  });

  it('adds quantities per unit with decimal arithmetic', () => {
    const [kg] = totalsByUnit([
      { lineNo: 1, sku: 'A', name: 'a', quantity: 0.1, unit: 'kg' },
      { lineNo: 2, sku: 'B', name: 'b', quantity: 0.2, unit: 'kg' },
    ]);
    expect(formatQuantity(kg.quantity)).toBe('0.3');
    expect(formatQuantity(1234567)).toBe('1,234,567');
  });
});
