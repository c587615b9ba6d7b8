/** The completion of the sales targets: each salesperson's or region's target for a year against its sales. */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { centsToMoney, ratio } from '../domain/sales-periods';
import { DashboardInput, oneOf, parseDashboardQuery, today, wholeNumber } from './dashboard-query';
import { labelled } from './sales-labels';
import { cents, groupedSums, run } from './sales-sums';
import { metaOf } from '../platform/table-meta';
import { SALES_TARGET as TARGET } from '../platform/uids';

type Query = Record<string, unknown>;

export const TARGET_SUBJECTS = ['salesperson', 'region'] as const;
export type TargetSubject = (typeof TARGET_SUBJECTS)[number];

export interface TargetRow {
  key: string;
  label: string;
  target: string | null;
  actual: string;
  completion: string | null;
}

export interface SalesTargets {
  year: number;
  by: TargetSubject;
  rows: TargetRow[];
}

/**
 * The year's target of each salesperson or region against the year's sales. A subject's target
 * for the year is its annual target; without one, the sum of its quarterly targets; without those,
 * the sum of its monthly targets. Subjects with sales but no target are listed with target null.
 */
export const targetsOf = async (strapi: Core.Strapi, year: number, by: TargetSubject): Promise<SalesTargets> => {
  const t = metaOf(strapi, TARGET);
  const salesperson = t.link('salesperson');
  const subject = by === 'salesperson' ? `CAST(ts.${salesperson.target} AS VARCHAR(20))` : `t.${t.column('region')}`;
  const targetRows = await run<{ subject: string; grain: string; amount: unknown }>(
    strapi,
    `SELECT ${subject} AS subject,
        CASE WHEN t.${t.column('month')} IS NOT NULL THEN 'month' WHEN t.${t.column('quarter')} IS NOT NULL THEN 'quarter' ELSE 'year' END AS grain,
        SUM(CAST(ROUND(t.${t.column('amount')} * 100) AS BIGINT)) AS amount
     FROM ${t.table} t LEFT JOIN ${salesperson.table} ts ON ts.${salesperson.owner} = t.id
     WHERE t.${t.column('year')} = ? AND ${subject} IS NOT NULL
     GROUP BY 1, 2`,
    [year]
  );
  const targets = new Map<string, Decimal>();
  for (const grain of ['month', 'quarter', 'year']) {
    // Coarser targets replace finer ones: year over quarters over months.
    for (const row of targetRows.filter((candidate) => candidate.grain === grain)) targets.set(String(row.subject), cents(row.amount));
  }
  const sums = await groupedSums(strapi, { from: `${year}-01-01`, to: `${year}-12-31` }, { dimension: by });
  const actuals = new Map([...sums].filter(([key]) => key !== '').map(([key, sum]) => [key, sum.amount]));
  const keys = [...new Set([...targets.keys(), ...actuals.keys()])];
  const labels =
    by === 'salesperson' ? await labelled(strapi, 'salesperson', keys) : new Map(keys.map((key) => [key, { key, label: key }]));
  const rows = keys.map((key) => {
    const target = targets.get(key);
    const actual = actuals.get(key) ?? new Decimal(0);
    return {
      key,
      label: labels.get(key)?.label ?? key,
      target: target === undefined ? null : centsToMoney(target),
      actual: centsToMoney(actual),
      completion: target === undefined ? null : ratio(actual, target),
    };
  });
  rows.sort((x, y) => new Decimal(y.actual).comparedTo(x.actual) || x.label.localeCompare(y.label));
  return { year, by, rows };
};

export const TARGET_PARAMETERS = {
  year: wholeNumber(2000, 2100, () => 0),
  by: oneOf(TARGET_SUBJECTS, 'salesperson'),
};

export const targetsFor = (strapi: Core.Strapi, { params }: DashboardInput<typeof TARGET_PARAMETERS>): Promise<SalesTargets> =>
  targetsOf(strapi, params.year || Number(today(strapi).slice(0, 4)), params.by);

export const salesTargets = async (strapi: Core.Strapi, query: Query): Promise<SalesTargets> =>
  targetsFor(strapi, await parseDashboardQuery(strapi, query, TARGET_PARAMETERS, { filters: false }));
