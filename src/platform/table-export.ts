/**
 * Writes a report (a list of rows and the one list of columns that describes them) as an Excel
 * workbook or a CSV file, so that JSON, XLSX and CSV always carry the same columns in the same
 * order. Each column has a kind that decides how its value is written:
 *   text      as is
 *   integer   a number
 *   money     a two-place decimal string in the rows; a number formatted 0.00 in Excel
 *   date      YYYY-MM-DD; a date in Excel
 *   datetime  an ISO instant in the rows; the wall-clock time in the report time zone in Excel and
 *             CSV, which cannot carry a zone
 */
import ExcelJS from 'exceljs';
import { dateTimeIn } from '../domain/business-date';

export type ColumnKind = 'text' | 'integer' | 'money' | 'date' | 'datetime';

export interface Column<Key extends string = string> {
  key: Key;
  /** Bilingual, as the department reads it: "合同编号 Number". */
  header: string;
  kind: ColumnKind;
  /** Excel column width in characters. */
  width: number;
}

export type Row = Record<string, string | number | null>;

export interface ExportOptions {
  sheetName: string;
  timeZone: string;
}

const EXCEL_FORMATS: Record<ColumnKind, string> = {
  text: '@',
  integer: '0',
  money: '0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};

/** Excel has no time zones: a date or wall-clock time is a Date whose UTC fields are what to show. */
const asExcelDate = (wallClock: string): Date => new Date(`${wallClock.replace(' ', 'T')}Z`);

const excelValue = (column: Column, value: string | number | null, timeZone: string): ExcelJS.CellValue => {
  if (value === null || value === '') return null;
  switch (column.kind) {
    case 'integer':
    case 'money':
      // A two-place amount up to the money columns' 999,999,999,999.99 has at most 14 significant
      // digits, which a double holds exactly enough to print back the same two places.
      return Number(value);
    case 'date':
      return asExcelDate(String(value));
    case 'datetime':
      return asExcelDate(dateTimeIn(timeZone, new Date(value)));
    default:
      return String(value);
  }
};

/** Adds one sheet (a header row, frozen and filtered, then the rows) to a workbook. */
export const addSheet = (
  workbook: ExcelJS.Workbook,
  columns: Column[],
  rows: Row[],
  { sheetName, timeZone }: ExportOptions
): ExcelJS.Worksheet => {
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    key: column.key,
    header: column.header,
    width: column.width,
    style: { numFmt: EXCEL_FORMATS[column.kind] },
  }));
  for (const row of rows) {
    sheet.addRow(Object.fromEntries(columns.map((column) => [column.key, excelValue(column, row[column.key] ?? null, timeZone)])));
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
};

/** A workbook of several sheets, each a report of its own columns and rows. */
export const sheetsToXlsx = async (sheets: { columns: Column[]; rows: Row[]; sheetName: string }[], timeZone: string): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  for (const sheet of sheets) addSheet(workbook, sheet.columns, sheet.rows, { sheetName: sheet.sheetName, timeZone });
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

export const toXlsx = (columns: Column[], rows: Row[], { sheetName, timeZone }: ExportOptions): Promise<Buffer> =>
  sheetsToXlsx([{ columns, rows, sheetName }], timeZone);

const csvText = (column: Column, value: string | number | null, timeZone: string): string => {
  if (value === null) return '';
  if (column.kind === 'datetime') return dateTimeIn(timeZone, new Date(value));
  const text = String(value);
  // Spreadsheet programs run a text cell starting with = + - @ as a formula (CSV injection);
  // a leading apostrophe keeps free text such as payment terms inert. Numbers and dates are ours.
  if (column.kind === 'text' && /^[=+\-@\t\r]/.test(text)) return `'${text}`;
  return text;
};

const quoted = (field: string): string => (/[",\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote, line break or edge
 * spaces. UTF-8 with a byte-order mark, without which Excel reads Chinese as the local code page.
 */
export const toCsv = (columns: Column[], rows: Row[], { timeZone }: ExportOptions): Buffer => {
  const lines = [columns.map((column) => quoted(column.header)).join(',')];
  for (const row of rows) {
    lines.push(columns.map((column) => quoted(csvText(column, row[column.key] ?? null, timeZone))).join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
};

/** A cell of a sheet written row by row (addCellSheet). */
export type Cell = string | number | null;

/** A sheet of plain rows under a bold, frozen header; columns sized to their text; number formats by column (1-based). */
export const addCellSheet = (
  workbook: ExcelJS.Workbook,
  sheet: { name: string; headers: readonly string[] },
  rows: Cell[][],
  numberFormats: Record<number, string> = {}
) => {
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.addRow([...sheet.headers]).font = { bold: true };
  for (const row of rows) worksheet.addRow(row);
  worksheet.columns.forEach((column, index) => {
    column.width = Math.max(12, ...[sheet.headers[index], ...rows.map((row) => row[index])].map((value) => String(value ?? '').length + 4));
  });
  for (const [column, format] of Object.entries(numberFormats)) worksheet.getColumn(Number(column)).numFmt = format;
};
