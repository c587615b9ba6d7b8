/**
 * What every printed document shares (delivery note, statement): A4 pages set in Noto Sans SC from
 * the npm package @expo-google-fonts/noto-sans-sc (SIL OFL 1.1), never a system font, with only
 * the glyphs used embedded (pdfkit subsets the font); the check that refuses text the font cannot
 * show instead of printing empty boxes (.notdef); bordered tables whose rows may span columns; a
 * header on every page; and "page n of N" footers.
 */
import { readFileSync } from 'fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

// Each font file is about 10 MB: read once per process, not once per document.
let fonts: { regular: Buffer; bold: Buffer; coverage: fontkit.Font } | undefined;
const loadFonts = () => {
  if (!fonts) {
    const regular = readFileSync(require.resolve(FONT_FILES.regular));
    const bold = readFileSync(require.resolve(FONT_FILES.bold));
    fonts = { regular, bold, coverage: fontkit.create(regular) as fontkit.Font };
  }
  return fonts;
};

export const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

export interface UnprintableText {
  field: string;
  characters: string[];
}

/**
 * Text the font cannot show. Thrown instead of printing empty boxes on a document the customer
 * signs or confirms; the caller tells the user which field to correct.
 */
export class UnprintableTextError extends Error {
  constructor(
    readonly problems: UnprintableText[],
    documentName = 'Document'
  ) {
    super(
      `${documentName} text the font cannot print: ${problems
        .map((p) => `${p.field} (${p.characters.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()} ${c}`).join(', ')})`)
        .join('; ')}`
    );
    this.name = 'UnprintableTextError';
  }
}

/** The characters of each (field, value) that the embedded font has no glyph for. */
export const missingGlyphs = (fields: [string, string | null | undefined][]): UnprintableText[] => {
  const font = loadFonts().coverage;
  const problems: UnprintableText[] = [];
  for (const [field, value] of fields) {
    if (!present(value)) continue;
    // Line breaks and tabs are layout, not glyphs.
    const missing = [...new Set([...value])].filter((c) => c.codePointAt(0)! >= 0x20 && !font.hasGlyphForCodePoint(c.codePointAt(0)!));
    if (missing.length > 0) problems.push({ field, characters: missing });
  }
  return problems;
};

// Layout, in PDF points (1/72 inch). A4 is 595.28 × 841.89.
export const SIDE = 40;
export const HEADER_TOP = 28;
export const HEADER_HEIGHT = 78;
export const FOOTER_HEIGHT = 36;
export const CONTENT_WIDTH = 595.28 - 2 * SIDE;
export const BODY_SIZE = 9;
export const SMALL_SIZE = 8;
const CELL_PAD = 4;

export type Doc = PDFKit.PDFDocument;

/** The company as printed on its documents; the bank account only where the customer pays (statements). */
export interface CompanyParticulars {
  name: string;
  address: string;
  bank?: { name: string; account: string } | null;
}
export type Align = 'left' | 'center' | 'right';

export const regular = (doc: Doc, size = BODY_SIZE) => doc.font('regular').fontSize(size).fillColor('black');
export const bold = (doc: Doc, size = BODY_SIZE) => doc.font('bold').fontSize(size).fillColor('black');

/** A table column: its bilingual heading, its width in points and how its cells align. */
export interface TableColumn {
  zh: string;
  en: string;
  width: number;
  align: Align;
}
export interface TableCell {
  text: string;
  span?: number;
  align: Align;
}

const widthOf = (columns: readonly TableColumn[], column: number, span = 1) =>
  columns.slice(column, column + span).reduce((sum, c) => sum + c.width, 0);

export const rowHeight = (doc: Doc, columns: readonly TableColumn[], cells: readonly { text: string; span?: number }[]) => {
  let column = 0;
  let tallest = 0;
  for (const cell of cells) {
    const width = widthOf(columns, column, cell.span);
    tallest = Math.max(tallest, doc.heightOfString(cell.text, { width: width - 2 * CELL_PAD }));
    column += cell.span ?? 1;
  }
  return tallest + 2 * CELL_PAD;
};

/** One table row; cells may span several columns. doc.y moves below the row. */
export const drawRow = (
  doc: Doc,
  columns: readonly TableColumn[],
  cells: readonly TableCell[],
  height = rowHeight(doc, columns, cells)
) => {
  let x = SIDE;
  let column = 0;
  const y = doc.y;
  for (const cell of cells) {
    const width = widthOf(columns, column, cell.span);
    doc.rect(x, y, width, height).lineWidth(0.5).stroke();
    doc.text(cell.text, x + CELL_PAD, y + CELL_PAD, { width: width - 2 * CELL_PAD, align: cell.align });
    x += width;
    column += cell.span ?? 1;
  }
  doc.x = SIDE;
  doc.y = y + height;
};

export const drawTableHeader = (doc: Doc, columns: readonly TableColumn[]) => {
  bold(doc, SMALL_SIZE);
  const cells = columns.map((c) => ({ text: `${c.zh}\n${c.en}`, align: 'center' as const }));
  const y = doc.y;
  const height = rowHeight(doc, columns, cells);
  doc.rect(SIDE, y, CONTENT_WIDTH, height).fillColor('#eeeeee').fill();
  bold(doc, SMALL_SIZE);
  drawRow(doc, columns, cells, height);
};

export const bottomLimit = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/**
 * A row of a table that may run over pages: a new page repeats the table header first. `style`
 * sets the row's font (after the header's bold).
 */
export const drawFlowingRow = (
  doc: Doc,
  columns: readonly TableColumn[],
  cells: readonly TableCell[],
  style: (doc: Doc) => void = regular
) => {
  style(doc);
  const height = rowHeight(doc, columns, cells);
  if (doc.y + height > bottomLimit(doc)) {
    doc.addPage();
    drawTableHeader(doc, columns);
    style(doc);
  }
  drawRow(doc, columns, cells, height);
};

/**
 * An A4 document in Noto Sans SC with `drawHeader` on top of every page (so a loose page still
 * says what it is), also when pdfkit itself breaks long text onto a new page. `finish` numbers the
 * pages ("第 n 页 / 共 N 页", with `footerLabel` on the left) and resolves to the file.
 */
export const startDocument = (info: { Title: string; Author: string; Subject: string }, drawHeader: (doc: Doc) => void) => {
  const { regular: regularFont, bold: boldFont } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: HEADER_TOP + HEADER_HEIGHT, bottom: FOOTER_HEIGHT + 20, left: SIDE, right: SIDE },
    // Page numbers say "of N": every page stays in memory until N is known.
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', regularFont);
  doc.registerFont('bold', boldFont);
  const startPage = () => {
    drawHeader(doc);
    regular(doc);
    doc.x = SIDE;
    doc.y = doc.page.margins.top;
  };
  // The flowing text then goes on in the body style, as the handler leaves it.
  doc.on('pageAdded', startPage);
  startPage();

  const finish = (footerLabel: string): Promise<Buffer> => {
    // Drawn in the bottom margin, which pdfkit would otherwise treat as overflow and answer with a new page.
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      doc.switchToPage(i);
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - FOOTER_HEIGHT;
      regular(doc, SMALL_SIZE).fillColor('#444444');
      doc.text(footerLabel, SIDE, y, { width: CONTENT_WIDTH / 3, lineBreak: false });
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
  return { doc, finish };
};

/** Label/value pairs in a column from (x, top); returns the y below the last. */
export const drawParticularsColumn = (doc: Doc, rows: [string, string][], x: number, top: number, width: number) => {
  regular(doc, SMALL_SIZE);
  const labelWidth = Math.max(...rows.map(([label]) => doc.widthOfString(label))) + 6;
  const valueWidth = width - labelWidth;
  let y = top;
  for (const [label, value] of rows) {
    regular(doc, SMALL_SIZE)
      .fillColor('#444444')
      .text(label, x, y + 1, { width: labelWidth, lineBreak: false });
    regular(doc);
    const height = doc.heightOfString(value, { width: valueWidth });
    doc.text(value, x + labelWidth, y, { width: valueWidth });
    y += height + 3;
  }
  return y;
};

/** Company, title, number and date: the header both documents print on every page. */
export const drawDocumentHeader = (doc: Doc, company: CompanyParticulars, title: string, numberLine: string, dateLine: string) => {
  let y = HEADER_TOP;
  bold(doc, 13).text(company.name, SIDE, y, { width: CONTENT_WIDTH, align: 'center', lineBreak: false, ellipsis: true });
  y += 18;
  regular(doc, SMALL_SIZE).text(company.address, SIDE, y, { width: CONTENT_WIDTH, align: 'center', lineBreak: false, ellipsis: true });
  y += 13;
  bold(doc, 16).text(title, SIDE, y, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
  y += 25;
  regular(doc, BODY_SIZE).text(numberLine, SIDE, y, { width: CONTENT_WIDTH / 2, lineBreak: false });
  doc.text(dateLine, SIDE + CONTENT_WIDTH / 2, y, { width: CONTENT_WIDTH / 2, align: 'right', lineBreak: false });
  y += 15;
  doc
    .moveTo(SIDE, y)
    .lineTo(SIDE + CONTENT_WIDTH, y)
    .lineWidth(0.8)
    .stroke();
};
