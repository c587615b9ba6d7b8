/** The complaint statistics as an XLSX summary (投诉汇总统计 Complaint summary) for ?format=xlsx. */
import ExcelJS from 'exceljs';
import { addCellSheet, Cell } from '../platform/table-export';
import type { ComplaintStatistics, Timeliness } from './complaint-figures';
import { CATEGORY_LABELS, SEVERITY_LABELS } from './complaint-labels';

/** The summary's sheets, in order; each sheet's first row holds these headers. */
export const SUMMARY_SHEETS = {
  summary: { name: '概览 Summary', headers: ['指标 Measure', '数值 Value'] },
  timeliness: { name: '时效 Timeliness', headers: ['指标 Measure', '件数 Count', '平均小时 Average hours', '90%分位小时 P90 hours'] },
  byMonth: { name: '按月 By month', headers: ['月份 Month', '投诉数 Complaints', '成立 Justified', '不成立 Unjustified'] },
  byCategory: {
    name: '按类别 By category',
    headers: ['类别 Category', '名称 Name', '投诉数 Complaints', '成立 Justified', '不成立 Unjustified'],
  },
  bySeverity: {
    name: '按严重度 By severity',
    headers: ['严重度 Severity', '名称 Name', '投诉数 Complaints', '成立 Justified', '不成立 Unjustified'],
  },
  byProduct: { name: '按产品 By product', headers: ['排名 Rank', '物料号 SKU', '产品名称 Product', '投诉数 Complaints'] },
  byCustomer: { name: '按客户 By customer', headers: ['排名 Rank', '客户编号 Code', '客户名称 Customer', '投诉数 Complaints'] },
} as const;

/**
 * The statistics as an XLSX workbook (投诉汇总统计 Complaint summary): one sheet per table, counts,
 * hours and ratings as numbers, the justified rate as a number formatted as a percentage.
 */
export const complaintSummaryXlsx = async (statistics: ComplaintStatistics): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.title = '投诉汇总统计 Complaint summary';
  workbook.created = new Date(statistics.asOf);
  const { filters } = statistics;
  const summary: Cell[][] = [
    ['报表 Report', '投诉汇总统计 Complaint summary'],
    ['时区 Time zone', statistics.timeZone],
    ['统计时点 As of', statistics.asOf],
    ['受理日期自 Received from', filters.from],
    ['受理日期至 Received to', filters.to],
    ['客户 Customer', filters.customer],
    ['类别 Category', filters.category && CATEGORY_LABELS[filters.category]],
    ['严重度 Severity', filters.severity && SEVERITY_LABELS[filters.severity]],
    ['投诉总数 Complaints', statistics.total],
    ['已撤销 Withdrawn', statistics.withdrawn],
    ['逾期 Overdue', statistics.overdue],
    ['已判定 Judged', statistics.judgement.judged],
    ['成立 Justified', statistics.judgement.justified],
    ['不成立 Unjustified', statistics.judgement.unjustified],
    ['成立率 Justified rate', statistics.judgement.rate === null ? null : Number(statistics.judgement.rate)],
    ['满意度评价数 Ratings', statistics.satisfaction.count],
    ['平均满意度 Average rating', statistics.satisfaction.average],
  ];
  addCellSheet(workbook, SUMMARY_SHEETS.summary, summary);
  // Only the rate is a fraction; the other values keep Excel's general number format.
  workbook
    .getWorksheet(SUMMARY_SHEETS.summary.name)!
    .getCell(summary.findIndex((row) => row[0] === '成立率 Justified rate') + 2, 2).numFmt = '0.00%';
  const timeliness = (label: string, value: Timeliness): Cell[] => [label, value.count, value.averageHours, value.p90Hours];
  addCellSheet(
    workbook,
    SUMMARY_SHEETS.timeliness,
    [timeliness('回复用时 Time to reply', statistics.timeToReply), timeliness('结案用时 Time to close', statistics.timeToClose)],
    { 3: '0.00', 4: '0.00' }
  );
  addCellSheet(
    workbook,
    SUMMARY_SHEETS.byMonth,
    statistics.byMonth.map((row) => [row.month ?? '未记录 Not recorded', row.count, row.justified, row.unjustified])
  );
  addCellSheet(
    workbook,
    SUMMARY_SHEETS.byCategory,
    statistics.byCategory.map((row) => [
      row.category,
      CATEGORY_LABELS[row.category] ?? row.category,
      row.count,
      row.justified,
      row.unjustified,
    ])
  );
  addCellSheet(
    workbook,
    SUMMARY_SHEETS.bySeverity,
    statistics.bySeverity.map((row) => [
      row.severity,
      SEVERITY_LABELS[row.severity] ?? row.severity,
      row.count,
      row.justified,
      row.unjustified,
    ])
  );
  const ranked = <Row extends { count: number }>(
    table: { top: Row[]; others: number; none: number },
    key: (row: Row) => [Cell, Cell],
    none: string
  ): Cell[][] => [
    ...table.top.map((row, index): Cell[] => [index + 1, ...key(row), row.count]),
    [null, '其他 Others', null, table.others],
    [null, none, null, table.none],
  ];
  addCellSheet(
    workbook,
    SUMMARY_SHEETS.byProduct,
    ranked(statistics.byProduct, (row) => [row.sku, row.name], '未指定产品 No product')
  );
  addCellSheet(
    workbook,
    SUMMARY_SHEETS.byCustomer,
    ranked(statistics.byCustomer, (row) => [row.code, row.name], '未指定客户 No customer')
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
