/**
 * The printable delivery note (出货单): renders one shipment as an A4 PDF for the warehouse, the
 * carrier and the customer to sign. Pure: it takes everything it prints as input (the company's
 * name and address come from config in the caller) and touches no database. Money is never on it.
 *
 * Chinese is set in Noto Sans SC from the npm package @expo-google-fonts/noto-sans-sc (SIL OFL
 * 1.1), never a system font, and only the glyphs used are embedded (pdfkit subsets the font).
 */
import Decimal from 'decimal.js';
import {
  bold,
  CONTENT_WIDTH,
  Doc,
  drawDocumentHeader,
  drawFlowingRow,
  drawParticularsColumn,
  drawTableHeader,
  missingGlyphs,
  present,
  regular,
  bottomLimit,
  SIDE,
  SMALL_SIZE,
  startDocument,
  UnprintableText,
  UnprintableTextError,
} from './pdf-layout';

export { UnprintableTextError };

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

/** Every printed value with the field it came from, for the glyph check. */
const printedFields = (note: DeliveryNote): [string, string | null | undefined][] => {
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
  return fields;
};

/**
 * Characters of the note that the embedded font has no glyph for, by field. Empty when the note
 * prints as given; the shipment form can call this to refuse such text when it is saved.
 */
export const unprintableCharacters = (note: DeliveryNote): UnprintableText[] => missingGlyphs(printedFields(note));

const validate = (note: DeliveryNote) => {
  if (note.lines.length === 0) throw new Error('A delivery note needs at least one line');
  for (const line of note.lines) {
    if (!Number.isFinite(line.quantity) || line.quantity < 0) {
      throw new Error(`Line ${line.lineNo}: quantity must be a number of at least 0, got ${line.quantity}`);
    }
  }
  const problems = unprintableCharacters(note);
  if (problems.length > 0) throw new UnprintableTextError(problems, 'Delivery note');
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

const COLUMNS = [
  { zh: '序号', en: 'No.', width: 34, align: 'center' as const },
  { zh: '产品编码', en: 'SKU', width: 86, align: 'left' as const },
  { zh: '品名', en: 'Product', width: 160, align: 'left' as const },
  { zh: '规格', en: 'Specification', width: 125, align: 'left' as const },
  { zh: '数量', en: 'Quantity', width: 64, align: 'right' as const },
  { zh: '单位', en: 'Unit', width: CONTENT_WIDTH - 34 - 86 - 160 - 125 - 64, align: 'center' as const },
];

/** Company, title, number and date on top of every page, so a loose page still says what it is. */
const drawPageHeader = (doc: Doc, note: DeliveryNote) =>
  drawDocumentHeader(doc, note.company, '出货单 Delivery note', `单号 No.: ${note.shipmentNumber}`, `日期 Date: ${note.date}`);

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
  const bottom = Math.max(
    drawParticularsColumn(doc, left, SIDE, top, leftWidth),
    drawParticularsColumn(doc, right, SIDE + leftWidth + gap, top, rightWidth)
  );
  doc.x = SIDE;
  doc.y = bottom + 6;
};

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
    regular(doc, SMALL_SIZE)
      .fillColor('#444444')
      .text('日期 Date:', x + 6, y + SIGNATURE_HEIGHT - 18, { width: width - 12, lineBreak: false });
  });
  doc.x = SIDE;
  doc.y = y + SIGNATURE_HEIGHT;
};

/** Renders the delivery note as an A4 PDF. Throws UnprintableTextError for text the font lacks. */
export const renderDeliveryNote = async (note: DeliveryNote): Promise<Buffer> => {
  validate(note);
  const { doc, finish } = startDocument(
    { Title: `出货单 Delivery note ${note.shipmentNumber}`, Author: note.company.name, Subject: note.customer.name },
    (page) => drawPageHeader(page, note)
  );

  drawParticulars(doc, note);
  drawTableHeader(doc, COLUMNS);

  for (const line of note.lines) {
    const cells = [
      { text: String(line.lineNo), align: COLUMNS[0].align },
      { text: line.sku, align: COLUMNS[1].align },
      { text: line.name, align: COLUMNS[2].align },
      { text: line.specification ?? '', align: COLUMNS[3].align },
      { text: formatQuantity(line.quantity), align: COLUMNS[4].align },
      { text: line.unit, align: COLUMNS[5].align },
    ];
    drawFlowingRow(doc, COLUMNS, cells);
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
  drawFlowingRow(doc, COLUMNS, totalCells, bold);

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

  return finish(note.shipmentNumber);
};
