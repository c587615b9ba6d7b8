/**
 * The printable delivery note (出货单): renders one shipment as an A4 PDF for the warehouse, the
 * carrier and the customer to sign. Pure: it takes everything it prints as input (the company's
 * name and address come from config in the caller) and touches no database. Money is never on it.
 *
 * Chinese is set in Noto Sans SC from the npm package @expo-google-fonts/noto-sans-sc (SIL OFL
 * 1.1), never a system font, and only the glyphs used are embedded (pdfkit subsets the font).
 */
import { readFileSync } from 'fs';
import Decimal from 'decimal.js';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

export interface DeliveryNoteLine {
  lineNo: number;
  sku: string;
  name: string;
  specification?: string | null;
  quantity: number;
  unit: string;
}

export type DeliveryNoteTransport =
  | { kind: 'truck'; plate: string; driverName: string; driverPhone?: string | null }
  | { kind: 'forwarder'; forwarder: string; vessel?: string | null; containerNumber?: string | null };

export interface DeliveryNote {
  company: { name: string; address: string };
  shipmentNumber: string;
  /** Shipping date, YYYY-MM-DD (a business date, printed as given). */
  date: string;
  customer: {
    code: string;
    name: string;
    address: string;
    contactName?: string | null;
    contactPhone?: string | null;
  };
  orderNumber: string;
  contractNumber?: string | null;
  transport: DeliveryNoteTransport;
  /** 商检: commodity inspection certificate or application number, when the goods needed one. */
  inspectionReference?: string | null;
  /** 报关: customs declaration number, for exports. */
  customsReference?: string | null;
  lines: DeliveryNoteLine[];
  remarks?: string | null;
}

/**
 * Text the font cannot show. Thrown instead of printing empty boxes (.notdef) on a document the
 * customer signs; the caller tells the user which field to correct.
 */
export class UnprintableTextError extends Error {
  constructor(readonly problems: { field: string; characters: string[] }[]) {
    super(
      `Delivery note text the font cannot print: ${problems
        .map((p) => `${p.field} (${p.characters.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()} ${c}`).join(', ')})`)
        .join('; ')}`,
    );
    this.name = 'UnprintableTextError';
  }
}

const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

// Each font file is about 10 MB: read once per process, not once per note.
let fonts: { regular: Buffer; bold: Buffer; coverage: fontkit.Font } | undefined;
const loadFonts = () => {
  if (!fonts) {
    const regular = readFileSync(require.resolve(FONT_FILES.regular));
    const bold = readFileSync(require.resolve(FONT_FILES.bold));
    fonts = { regular, bold, coverage: fontkit.create(regular) as fontkit.Font };
  }
  return fonts;
};

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/** Every printed value with the field it came from, for the glyph check. */
const printedFields = (note: DeliveryNote): [string, string][] => {
  const fields: [string, string | null | undefined][] = [
    ['company.name', note.company.name],
    ['company.address', note.company.address],
    ['shipmentNumber', note.shipmentNumber],
    ['date', note.date],
    ['customer.code', note.customer.code],
    ['customer.name', note.customer.name],
    ['customer.address', note.customer.address],
    ['customer.contactName', note.customer.contactName],
    ['customer.contactPhone', note.customer.contactPhone],
    ['orderNumber', note.orderNumber],
    ['contractNumber', note.contractNumber],
    ['inspectionReference', note.inspectionReference],
    ['customsReference', note.customsReference],
    ['remarks', note.remarks],
    ...(note.transport.kind === 'truck'
      ? ([
          ['transport.plate', note.transport.plate],
          ['transport.driverName', note.transport.driverName],
          ['transport.driverPhone', note.transport.driverPhone],
        ] as [string, string | null | undefined][])
      : ([
          ['transport.forwarder', note.transport.forwarder],
          ['transport.vessel', note.transport.vessel],
          ['transport.containerNumber', note.transport.containerNumber],
        ] as [string, string | null | undefined][])),
    ...note.lines.flatMap((line, i): [string, string | null | undefined][] => [
      [`lines[${i}].sku`, line.sku],
      [`lines[${i}].name`, line.name],
      [`lines[${i}].specification`, line.specification],
      [`lines[${i}].unit`, line.unit],
    ]),
  ];
  return fields.filter((entry): entry is [string, string] => present(entry[1]));
};

/**
 * Characters of the note that the embedded font has no glyph for, by field. Empty when the note
 * prints as given; the shipment form can call this to refuse such text when it is saved.
 */
export const unprintableCharacters = (note: DeliveryNote): { field: string; characters: string[] }[] => {
  const font = loadFonts().coverage;
  const problems: { field: string; characters: string[] }[] = [];
  for (const [field, value] of printedFields(note)) {
    // Line breaks and tabs are layout, not glyphs.
    const missing = [...new Set([...value])].filter((c) => c.codePointAt(0)! >= 0x20 && !font.hasGlyphForCodePoint(c.codePointAt(0)!));
    if (missing.length > 0) problems.push({ field, characters: missing });
  }
  return problems;
};

const validate = (note: DeliveryNote) => {
  if (note.lines.length === 0) throw new Error('A delivery note needs at least one line');
  for (const line of note.lines) {
    if (!Number.isFinite(line.quantity) || line.quantity < 0) {
      throw new Error(`Line ${line.lineNo}: quantity must be a number of at least 0, got ${line.quantity}`);
    }
  }
  const problems = unprintableCharacters(note);
  if (problems.length > 0) throw new UnprintableTextError(problems);
};

// Quantities are whole numbers on orders today; up to three decimals keeps kg and metres exact.
const quantityFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
export const formatQuantity = (quantity: number | Decimal): string => quantityFormat.format(Number(quantity));

/**
 * Total quantity per unit, in order of first appearance: pieces and metres do not add up, so a
 * note with several units shows one total for each.
 */
export const totalsByUnit = (lines: DeliveryNoteLine[]): { unit: string; quantity: Decimal }[] => {
  const totals = new Map<string, Decimal>();
  // Decimal, not float: 0.1 + 0.2 kg must print as 0.3.
  for (const line of lines) totals.set(line.unit, (totals.get(line.unit) ?? new Decimal(0)).plus(line.quantity));
  return [...totals.entries()].map(([unit, quantity]) => ({ unit, quantity }));
};

// Layout, in PDF points (1/72 inch). A4 is 595.28 × 841.89.
const PAGE = { width: 595.28, height: 841.89 };
const SIDE = 40;
const HEADER_TOP = 28;
const HEADER_HEIGHT = 78;
const FOOTER_HEIGHT = 36;
const CONTENT_WIDTH = PAGE.width - 2 * SIDE;
const CELL_PAD = 4;
const BODY_SIZE = 9;
const SMALL_SIZE = 8;

const COLUMNS = [
  { zh: '序号', en: 'No.', width: 34, align: 'center' as const },
  { zh: '产品编码', en: 'SKU', width: 86, align: 'left' as const },
  { zh: '品名', en: 'Product', width: 160, align: 'left' as const },
  { zh: '规格', en: 'Specification', width: 125, align: 'left' as const },
  { zh: '数量', en: 'Quantity', width: 64, align: 'right' as const },
  { zh: '单位', en: 'Unit', width: CONTENT_WIDTH - 34 - 86 - 160 - 125 - 64, align: 'center' as const },
];

type Doc = PDFKit.PDFDocument;
type Align = 'left' | 'center' | 'right';

const regular = (doc: Doc, size = BODY_SIZE) => doc.font('regular').fontSize(size).fillColor('black');
const bold = (doc: Doc, size = BODY_SIZE) => doc.font('bold').fontSize(size).fillColor('black');

/** Company, title, number and date on top of every page, so a loose page still says what it is. */
const drawPageHeader = (doc: Doc, note: DeliveryNote) => {
  let y = HEADER_TOP;
  bold(doc, 13).text(note.company.name, SIDE, y, { width: CONTENT_WIDTH, align: 'center', lineBreak: false, ellipsis: true });
  y += 18;
  regular(doc, SMALL_SIZE).text(note.company.address, SIDE, y, { width: CONTENT_WIDTH, align: 'center', lineBreak: false, ellipsis: true });
  y += 13;
  bold(doc, 16).text('出货单 Delivery note', SIDE, y, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
  y += 25;
  regular(doc, BODY_SIZE).text(`单号 No.: ${note.shipmentNumber}`, SIDE, y, { width: CONTENT_WIDTH / 2, lineBreak: false });
  doc.text(`日期 Date: ${note.date}`, SIDE + CONTENT_WIDTH / 2, y, { width: CONTENT_WIDTH / 2, align: 'right', lineBreak: false });
  y += 15;
  doc.moveTo(SIDE, y).lineTo(SIDE + CONTENT_WIDTH, y).lineWidth(0.8).stroke();
};

/** Customer, order and transport references as label/value pairs in two columns. */
const drawParticulars = (doc: Doc, note: DeliveryNote) => {
  const { customer, transport } = note;
  const contact = [customer.contactName, customer.contactPhone].filter(present).join(' ');
  const left: [string, string][] = [
    ['客户 Customer', `${customer.code} ${customer.name}`],
    ['地址 Address', customer.address],
    ...(present(contact) ? [['联系人 Contact', contact] as [string, string]] : []),
  ];
  const transportRows: [string, string | null | undefined][] =
    transport.kind === 'truck'
      ? [
          ['车牌 Truck plate', transport.plate],
          ['司机 Driver', [transport.driverName, transport.driverPhone].filter(present).join(' ')],
        ]
      : [
          ['货代 Forwarder', transport.forwarder],
          ['船名 Vessel', transport.vessel],
          ['柜号 Container no.', transport.containerNumber],
        ];
  const right = (
    [
      ['订单号 Order no.', note.orderNumber],
      ['合同号 Contract no.', note.contractNumber],
      ...transportRows,
      ['商检 Inspection ref.', note.inspectionReference],
      ['报关 Customs decl.', note.customsReference],
    ] as [string, string | null | undefined][]
  ).filter((row): row is [string, string] => present(row[1]));

  // The customer column gets more room: company names and addresses are the long values.
  const gap = 16;
  const leftWidth = Math.round((CONTENT_WIDTH - gap) * 0.56);
  const rightWidth = CONTENT_WIDTH - gap - leftWidth;
  const top = doc.y + 8;
  const drawColumn = (rows: [string, string][], x: number, width: number) => {
    regular(doc, SMALL_SIZE);
    const labelWidth = Math.max(...rows.map(([label]) => doc.widthOfString(label))) + 6;
    const valueWidth = width - labelWidth;
    let y = top;
    for (const [label, value] of rows) {
      regular(doc, SMALL_SIZE).fillColor('#444444').text(label, x, y + 1, { width: labelWidth, lineBreak: false });
      regular(doc);
      const height = doc.heightOfString(value, { width: valueWidth });
      doc.text(value, x + labelWidth, y, { width: valueWidth });
      y += height + 3;
    }
    return y;
  };
  const bottom = Math.max(drawColumn(left, SIDE, leftWidth), drawColumn(right, SIDE + leftWidth + gap, rightWidth));
  doc.x = SIDE;
  doc.y = bottom + 6;
};

const cellHeight = (doc: Doc, text: string, width: number) => doc.heightOfString(text, { width: width - 2 * CELL_PAD });

/** One table row; cells may span several columns. Returns nothing: doc.y moves below the row. */
const drawRow = (doc: Doc, cells: { text: string; span?: number; align: Align }[], height: number) => {
  let x = SIDE;
  let column = 0;
  const y = doc.y;
  for (const cell of cells) {
    const width = COLUMNS.slice(column, column + (cell.span ?? 1)).reduce((sum, c) => sum + c.width, 0);
    doc.rect(x, y, width, height).lineWidth(0.5).stroke();
    doc.text(cell.text, x + CELL_PAD, y + CELL_PAD, { width: width - 2 * CELL_PAD, align: cell.align });
    x += width;
    column += cell.span ?? 1;
  }
  doc.x = SIDE;
  doc.y = y + height;
};

const rowHeight = (doc: Doc, cells: { text: string; span?: number }[]) => {
  let column = 0;
  let tallest = 0;
  for (const cell of cells) {
    const width = COLUMNS.slice(column, column + (cell.span ?? 1)).reduce((sum, c) => sum + c.width, 0);
    tallest = Math.max(tallest, cellHeight(doc, cell.text, width));
    column += cell.span ?? 1;
  }
  return tallest + 2 * CELL_PAD;
};

const drawTableHeader = (doc: Doc) => {
  bold(doc, SMALL_SIZE);
  const cells = COLUMNS.map((c) => ({ text: `${c.zh}\n${c.en}`, align: 'center' as const }));
  const y = doc.y;
  const height = rowHeight(doc, cells);
  doc.rect(SIDE, y, CONTENT_WIDTH, height).fillColor('#eeeeee').fill();
  bold(doc, SMALL_SIZE);
  drawRow(doc, cells, height);
};

const bottomLimit = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** The signature boxes: who shipped, who carried, who received. */
const SIGNATURE_HEIGHT = 78;
const drawSignatures = (doc: Doc) => {
  const boxes = [
    { zh: '发货人签字', en: 'Shipped by' },
    { zh: '承运人签字', en: 'Carrier' },
    { zh: '收货人签字', en: 'Received by' },
  ];
  const gap = 10;
  const width = (CONTENT_WIDTH - 2 * gap) / 3;
  const y = doc.y;
  boxes.forEach((box, i) => {
    const x = SIDE + i * (width + gap);
    doc.rect(x, y, width, SIGNATURE_HEIGHT).lineWidth(0.5).stroke();
    bold(doc).text(`${box.zh} ${box.en}`, x + 6, y + 6, { width: width - 12, lineBreak: false });
    regular(doc, SMALL_SIZE).fillColor('#444444').text('日期 Date:', x + 6, y + SIGNATURE_HEIGHT - 18, { width: width - 12, lineBreak: false });
  });
  doc.x = SIDE;
  doc.y = y + SIGNATURE_HEIGHT;
};

/** Renders the delivery note as an A4 PDF. Throws UnprintableTextError for text the font lacks. */
export const renderDeliveryNote = async (note: DeliveryNote): Promise<Buffer> => {
  validate(note);
  const { regular: regularFont, bold: boldFont } = loadFonts();

  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: HEADER_TOP + HEADER_HEIGHT, bottom: FOOTER_HEIGHT + 20, left: SIDE, right: SIDE },
    // Page numbers say "of N": every page stays in memory until N is known.
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: `出货单 Delivery note ${note.shipmentNumber}`, Author: note.company.name, Subject: note.customer.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('regular', regularFont);
  doc.registerFont('bold', boldFont);
  // Also when pdfkit itself breaks a long remark onto a new page; the flowing text then goes on
  // in the body style, as the handler leaves it.
  doc.on('pageAdded', () => {
    drawPageHeader(doc, note);
    regular(doc);
    doc.x = SIDE;
    doc.y = doc.page.margins.top;
  });
  drawPageHeader(doc, note);
  regular(doc);
  doc.x = SIDE;
  doc.y = doc.page.margins.top;

  drawParticulars(doc, note);
  drawTableHeader(doc);

  for (const line of note.lines) {
    regular(doc);
    const cells = [
      { text: String(line.lineNo), align: COLUMNS[0].align },
      { text: line.sku, align: COLUMNS[1].align },
      { text: line.name, align: COLUMNS[2].align },
      { text: line.specification ?? '', align: COLUMNS[3].align },
      { text: formatQuantity(line.quantity), align: COLUMNS[4].align },
      { text: line.unit, align: COLUMNS[5].align },
    ];
    const height = rowHeight(doc, cells);
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      drawTableHeader(doc);
      regular(doc);
    }
    drawRow(doc, cells, height);
  }

  const totals = totalsByUnit(note.lines);
  bold(doc);
  const totalLabel = `合计 Total（${note.lines.length} 行 lines）`;
  const totalCells =
    totals.length === 1
      ? [
          { text: totalLabel, span: 4, align: 'right' as const },
          { text: formatQuantity(totals[0].quantity), align: 'right' as const },
          { text: totals[0].unit, align: 'center' as const },
        ]
      : [
          { text: totalLabel, span: 4, align: 'right' as const },
          { text: totals.map((t) => `${formatQuantity(t.quantity)} ${t.unit}`).join('\n'), span: 2, align: 'right' as const },
        ];
  const totalHeight = rowHeight(doc, totalCells);
  if (doc.y + totalHeight > bottomLimit(doc)) {
    doc.addPage();
    drawTableHeader(doc);
    bold(doc);
  }
  drawRow(doc, totalCells, totalHeight);

  if (present(note.remarks)) {
    doc.y += 8;
    bold(doc).text('备注 Remarks', SIDE, doc.y, { width: CONTENT_WIDTH });
    regular(doc);
    // Short remarks stay on the page with their heading; a very long one flows over pages.
    if (doc.y + Math.min(doc.heightOfString(note.remarks, { width: CONTENT_WIDTH }), 60) > bottomLimit(doc)) doc.addPage();
    doc.text(note.remarks, SIDE, doc.y, { width: CONTENT_WIDTH });
  }

  doc.y += 14;
  if (doc.y + SIGNATURE_HEIGHT > bottomLimit(doc)) doc.addPage();
  drawSignatures(doc);

  // Page numbers, now that the count is known; drawn in the bottom margin, which pdfkit would
  // otherwise treat as overflow and answer with a new page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - FOOTER_HEIGHT;
    regular(doc, SMALL_SIZE).fillColor('#444444');
    doc.text(note.shipmentNumber, SIDE, y, { width: CONTENT_WIDTH / 3, lineBreak: false });
    doc.text(`第 ${i + 1} 页 / 共 ${range.count} 页`, SIDE + CONTENT_WIDTH / 3, y, {
      width: CONTENT_WIDTH / 3,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return finished;
};
