/**
 * The dashboard's tables as XLSX downloads (GET /sales-dashboard/export/:table), through the one
 * report writer (src/platform/table-export.ts): the same parameters as the table's own endpoint, the
 * same rows, bilingual column headers, money as numbers formatted 0.00.
 */
import type { Core } from '@strapi/strapi';
import { Column, Row, toXlsx } from '../platform/table-export';
import { reportTimeZone } from '../platform/settings';
import * as receivables from './receivable-statistics';
import { salesBreakdown } from './sales-breakdown';
import { salesTargets } from './sales-targets';
import { salesTrend } from './sales-trend';

export const DASHBOARD_TABLES = ['trend', 'breakdown', 'targets', 'aging', 'collection', 'overdue-top'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

type Query = Record<string, unknown>;
const money = (key: string, header: string): Column => ({ key, header, kind: 'money', width: 16 });
const text = (key: string, header: string, width = 24): Column => ({ key, header, kind: 'text', width });
const integer = (key: string, header: string): Column => ({ key, header, kind: 'integer', width: 12 });

interface Sheet {
  sheetName: string;
  columns: Column[];
  rows: Row[];
}

// Rows are copied with a spread: the copy is a plain object type, which (unlike the rows' interfaces) is a Row.
const sheets: Record<DashboardTable, (strapi: Core.Strapi, query: Query) => Promise<Sheet>> = {
  async trend(strapi, query) {
    const trend = await salesTrend(strapi, query);
    return {
      sheetName: '销售趋势 Sales trend',
      columns: [
        text('period', '期间 Period', 12),
        money('amount', '销售额 Amount'),
        integer('quantity', '数量 Quantity'),
        integer('orders', '订单数 Orders'),
        money('previousAmount', '上年同期 Last year'),
        text('partial', '部分期间 Partial period', 20),
      ],
      rows: trend.rows.map((row) => ({ ...row, partial: row.partial ? '部分 partial' : '' })),
    };
  },
  async breakdown(strapi, query) {
    const breakdown = await salesBreakdown(strapi, query);
    return {
      sheetName: '销售构成 Sales breakdown',
      columns: [
        text('label', '项目 Item', 32),
        money('amount', '销售额 Amount'),
        integer('quantity', '数量 Quantity'),
        text('share', '占比 Share', 10),
      ],
      rows: [
        ...breakdown.rows.map((row) => ({ ...row })),
        {
          label: `其他 Others (${breakdown.others.count})`,
          amount: breakdown.others.amount,
          quantity: breakdown.others.quantity,
          share: null,
        },
        { label: '合计 Total', amount: breakdown.total.amount, quantity: breakdown.total.quantity, share: null },
      ],
    };
  },
  async targets(strapi, query) {
    const targets = await salesTargets(strapi, query);
    return {
      sheetName: `目标完成 Targets ${targets.year}`,
      columns: [
        text('label', targets.by === 'region' ? '区域 Region' : '业务员 Salesperson'),
        money('target', '目标 Target'),
        money('actual', '实际 Actual'),
        text('completion', '完成率 Completion', 12),
      ],
      rows: targets.rows.map((row) => ({ ...row })),
    };
  },
  async aging(strapi, query) {
    const aging = await receivables.receivableAging(strapi, query);
    return {
      sheetName: '账龄 Aging',
      columns: [
        text('label', '分组 Group', 32),
        ...aging.buckets.map((bucket) => money(bucket.key, `${bucket.label.zh} ${bucket.label.en}`)),
        money('total', '合计 Total'),
      ],
      rows: [...aging.rows, { label: '合计 Total', amounts: aging.totals.amounts, total: aging.totals.total }].map((row) => ({
        label: row.label,
        ...row.amounts,
        total: row.total,
      })),
    };
  },
  async collection(strapi, query) {
    const collection = await receivables.collectionTrend(strapi, query);
    return {
      sheetName: '回款趋势 Collection',
      columns: [text('month', '月份 Month', 10), money('billed', '开票 Billed'), money('collected', '回款 Collected')],
      rows: collection.rows,
    };
  },
  async 'overdue-top'(strapi, query) {
    const overdue = await receivables.overdueTop(strapi, query);
    return {
      sheetName: '逾期客户 Overdue customers',
      columns: [
        text('label', '客户 Customer', 32),
        money('overdue', '逾期金额 Overdue'),
        integer('oldestDaysOverdue', '最长逾期天数 Oldest days overdue'),
      ],
      rows: overdue.rows.map((row) => ({ ...row })),
    };
  },
};

export const dashboardTableXlsx = async (
  strapi: Core.Strapi,
  table: DashboardTable,
  query: Query
): Promise<{ fileName: string; body: Buffer }> => {
  const sheet = await sheets[table](strapi, query);
  const body = await toXlsx(sheet.columns, sheet.rows, { sheetName: sheet.sheetName.slice(0, 31), timeZone: reportTimeZone(strapi) });
  return { fileName: `sales-dashboard-${table}.xlsx`, body };
};
