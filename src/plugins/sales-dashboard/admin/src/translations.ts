/**
 * What the dashboard says, in the panel's two languages (en, zh-Hans). Keys are prefixed with the
 * plugin id when registered (`registerTrads` in ./index.ts); the English text is also the default
 * message, so a missing translation shows English rather than a key.
 */
import { PLUGIN_ID } from './pluginId';

export const en = {
  'plugin.name': 'Sales dashboard',
  'page.title': 'Sales and receivables',
  'page.subtitle': 'Order lines of placed orders in CNY, dated by the order date; receivables as of today or the end date.',
  'section.sales': 'Sales',
  'section.receivables': 'Receivables',

  'filter.from': 'From',
  'filter.to': 'To',
  'filter.region': 'Region',
  'filter.salesperson': 'Salesperson',
  'filter.customer': 'Customer',
  'filter.category': 'Product category',
  'filter.grain': 'Period',
  'filter.all': 'All',
  'filter.reset': 'Clear filters',
  'filter.by': 'By',

  'grain.day': 'Day',
  'grain.month': 'Month',
  'grain.quarter': 'Quarter',
  'grain.year': 'Year',

  'chart.trend': 'Sales trend',
  'chart.region': 'Sales by region',
  'chart.salesperson': 'Sales by salesperson',
  'chart.customer': 'Top customers',
  'chart.spec': 'Sales by product spec',
  'chart.category': 'Shares of product categories',
  'chart.targets': 'Plan completion {year}',
  'chart.aging': 'Receivables aging',
  'chart.collection': 'Billed and collected',
  'chart.overdue': 'Customers most overdue',
  'chart.clickToFilter': 'Click a bar to filter by it.',
  'chart.clickSliceToFilter': 'Click a slice to filter by it.',
  'chart.partialPeriod': '{period} (so far)',
  'chart.partialNote': 'Dashed: a period counted only in part (still running, or cut by the dates chosen).',

  'series.amount': 'Sales',
  'series.previousAmount': 'Same period a year earlier',
  'series.target': 'Target',
  'series.actual': 'Actual',
  'series.billed': 'Billed',
  'series.collected': 'Collected',
  'series.overdue': 'Overdue',

  'column.period': 'Period',
  'column.amount': 'Amount (CNY)',
  'column.quantity': 'Quantity',
  'column.orders': 'Orders',
  'column.previousAmount': 'A year earlier (CNY)',
  'column.name': 'Name',
  'column.share': 'Share',
  'column.target': 'Target (CNY)',
  'column.actual': 'Actual (CNY)',
  'column.completion': 'Completion',
  'column.total': 'Total (CNY)',
  'column.month': 'Month',
  'column.billed': 'Billed (CNY)',
  'column.collected': 'Collected (CNY)',
  'column.overdue': 'Overdue (CNY)',
  'column.oldestDaysOverdue': 'Oldest overdue (days)',
  'table.others': 'Others ({count})',
  'table.sortBy': 'Sort by {column}',
  'table.caption': 'Table of {chart}',

  'bucket.not_due': 'Not due',
  'bucket.d1_30': '1–30 days',
  'bucket.d31_60': '31–60 days',
  'bucket.d61_90': '61–90 days',
  'bucket.d91_180': '91–180 days',
  'bucket.d180_plus': 'Over 180 days',

  'totals.sales': 'Total {amount} CNY · {quantity} units · {orders} orders',
  'totals.otherCurrency': '{count} orders in other currencies are not included.',
  'aging.asOf': 'As of {date}',
  'targets.none': 'No targets set for this year yet: only the actual sales are shown.',
  'aging.groupBy': 'Group by',
  'aging.bucket': 'Bucket',

  'state.loading': 'Loading…',
  'state.empty': 'No data for these filters.',
  'state.error': 'Could not be loaded: {message}',
  'state.retry': 'Retry',
  'state.noPermissions': 'You may see neither sales nor receivables statistics.',

  'export.button': 'Export XLSX',
  'export.failed': 'The table could not be exported: {message}',

  'widget.salesMonth.title': 'Sales this month vs last month',
  'widget.salesMonth.thisMonth': 'This month to {date}',
  'widget.salesMonth.lastMonth': 'Last month, same days',
  'widget.salesMonth.wholeLastMonth': 'Whole last month: ¥ {amount}',
  'widget.salesMonth.orders': '{count, plural, one {# order} other {# orders}}',
  'widget.salesMonth.change': '{change} on the same days last month',
  'widget.salesMonth.noChange': 'No sales on the same days last month to compare with',
  'widget.overdue.title': 'Receivables overdue',
  'widget.overdue.amount': 'Overdue',
  'widget.overdue.customers': '{count, plural, one {# customer} other {# customers}} overdue',
  'widget.overdue.open': 'Open in all',
  'widget.link': 'Open the dashboard',
} as const;

export type MessageKey = keyof typeof en;

const zhHans: Record<MessageKey, string> = {
  'plugin.name': '销售看板',
  'page.title': '销售与应收',
  'page.subtitle': '已下达订单的人民币订单行，按订单日期统计；应收账款截至今天或截止日期。',
  'section.sales': '销售',
  'section.receivables': '应收账款',

  'filter.from': '起始日期',
  'filter.to': '截止日期',
  'filter.region': '区域',
  'filter.salesperson': '业务员',
  'filter.customer': '客户',
  'filter.category': '产品类别',
  'filter.grain': '周期',
  'filter.all': '全部',
  'filter.reset': '清除筛选',
  'filter.by': '按',

  'grain.day': '日',
  'grain.month': '月',
  'grain.quarter': '季度',
  'grain.year': '年',

  'chart.trend': '销售趋势',
  'chart.region': '各区域销售额',
  'chart.salesperson': '各业务员销售额',
  'chart.customer': '客户销售排名',
  'chart.spec': '各产品规格销售额',
  'chart.category': '产品类别占比',
  'chart.targets': '{year} 年销售计划完成率',
  'chart.aging': '应收账龄',
  'chart.collection': '开票与回款',
  'chart.overdue': '逾期客户排名',
  'chart.clickToFilter': '点击柱条即按其筛选。',
  'chart.clickSliceToFilter': '点击扇区即按其筛选。',
  'chart.partialPeriod': '{period}（至今）',
  'chart.partialNote': '虚线：只统计了部分天数的期间（尚未结束，或被所选日期截断）。',

  'series.amount': '销售额',
  'series.previousAmount': '上年同期',
  'series.target': '目标',
  'series.actual': '实际',
  'series.billed': '开票',
  'series.collected': '回款',
  'series.overdue': '逾期',

  'column.period': '期间',
  'column.amount': '金额（元）',
  'column.quantity': '数量',
  'column.orders': '订单数',
  'column.previousAmount': '上年同期（元）',
  'column.name': '名称',
  'column.share': '占比',
  'column.target': '目标（元）',
  'column.actual': '实际（元）',
  'column.completion': '完成率',
  'column.total': '合计（元）',
  'column.month': '月份',
  'column.billed': '开票（元）',
  'column.collected': '回款（元）',
  'column.overdue': '逾期（元）',
  'column.oldestDaysOverdue': '最长逾期（天）',
  'table.others': '其他（{count}）',
  'table.sortBy': '按{column}排序',
  'table.caption': '{chart}明细表',

  'bucket.not_due': '未到期',
  'bucket.d1_30': '1–30 天',
  'bucket.d31_60': '31–60 天',
  'bucket.d61_90': '61–90 天',
  'bucket.d91_180': '91–180 天',
  'bucket.d180_plus': '180 天以上',

  'totals.sales': '合计 {amount} 元 · {quantity} 件 · {orders} 单',
  'totals.otherCurrency': '另有 {count} 张外币订单未计入。',
  'aging.asOf': '截至 {date}',
  'targets.none': '本年度尚未设定目标，仅显示实际销售额。',
  'aging.groupBy': '分组',
  'aging.bucket': '账龄段',

  'state.loading': '加载中…',
  'state.empty': '所选条件下没有数据。',
  'state.error': '加载失败：{message}',
  'state.retry': '重试',
  'state.noPermissions': '您无权查看销售或应收统计。',

  'export.button': '导出 XLSX',
  'export.failed': '表格导出失败：{message}',

  'widget.salesMonth.title': '本月与上月销售',
  'widget.salesMonth.thisMonth': '本月至 {date}',
  'widget.salesMonth.lastMonth': '上月同期',
  'widget.salesMonth.wholeLastMonth': '上月全月：¥ {amount}',
  'widget.salesMonth.orders': '{count} 单',
  'widget.salesMonth.change': '较上月同期 {change}',
  'widget.salesMonth.noChange': '上月同期无销售，无法比较',
  'widget.overdue.title': '逾期应收',
  'widget.overdue.amount': '逾期金额',
  'widget.overdue.customers': '{count} 家客户逾期',
  'widget.overdue.open': '未收合计',
  'widget.link': '打开看板',
};

export const MESSAGE_PREFIX = `${PLUGIN_ID}.`;

export const messageId = (key: MessageKey) => `${MESSAGE_PREFIX}${key}`;

const prefixed = (messages: Record<MessageKey, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, text]) => [`${MESSAGE_PREFIX}${key}`, text]));

/** By the admin's locale codes, for `registerTrads`. */
export const dashboardTranslations: Record<string, Record<string, string>> = { en: prefixed(en), 'zh-Hans': prefixed(zhHans) };
