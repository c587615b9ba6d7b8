/**
 * The performance sheet (考评) of a supervisor's team for a calendar month, in SQL in the database
 * (two statements: the members' workflow steps, the late orders they own), with the figures defined
 * in src/domain/supervision.ts; as JSON or an XLSX sheet with bilingual headers
 * (GET /api/my-work/performance, admin /workflows/my-work/performance).
 *
 * Datetimes: SQLite keeps epoch milliseconds, PostgreSQL a wall clock of the Node process's zone
 * (see src/statistics/complaint-counts.ts); the month's bounds are bound as Dates, which each driver
 * writes the way it stores them. The end of an order's promised day is taken in the report zone:
 * exactly on PostgreSQL, at the zone's offset at the start of the month on SQLite (which has no zone data).
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import Decimal from 'decimal.js';
import { dateIn } from '../domain/business-date';
import { message } from '../domain/messages';
import { OPEN_ORDER_STATES } from '../domain/my-work';
import { STAFF_ROLES } from '../domain/staff-roles';
import { isMonth, monthDays, PERFORMANCE_FIGURE_LABELS, PERFORMANCE_FIGURES, PerformanceRow } from '../domain/supervision';
import { offsetAt, startOfDay } from '../domain/zone-offsets';
import { Actor } from '../platform/actor';
import type { Endpoint } from '../platform/endpoint';
import { declareQuery, oneOf } from '../platform/query-input';
import { rowsOf } from '../platform/roll-up-writes';
import { reportTimeZone } from '../platform/settings';
import { Column, Row, toXlsx } from '../platform/table-export';
import { metaOf } from '../platform/table-meta';
import { ORDER, WORKFLOW_EVENT } from '../platform/uids';
import { durationMsSql } from '../statistics/complaint-counts';
import { requireSupervisor, teamOf } from './team-work';

export interface PerformanceSheet {
  month: string;
  rows: PerformanceRow[];
}

const MS_PER_HOUR = 3_600_000;
const count = (value: unknown) => Number(value ?? 0);

interface StepRow {
  staff_id: number;
  tasks_on_time: unknown;
  tasks_late: unknown;
  complaint_on_time: unknown;
  complaint_late: unknown;
  reviews: unknown;
  review_ms: unknown;
}

/** The figures of `staffIds` for `month` (YYYY-MM), by staff id. */
const figuresOf = async (strapi: Core.Strapi, staffIds: number[], month: string, now: Date) => {
  const knex = strapi.db.connection;
  const zone = reportTimeZone(strapi);
  const { first, next } = monthDays(month);
  const [from, until] = [startOfDay(zone, first), startOfDay(zone, next)];
  const members = staffIds.map(() => '?').join(', ');

  const e = metaOf(strapi, WORKFLOW_EVENT);
  const actor = e.link('actor');
  const [subject, subjectId, action, fromState, toState, at, dueAt] = [
    'subject',
    'subjectId',
    'action',
    'fromState',
    'toState',
    'at',
    'dueAt',
  ].map(e.column);
  const judged = (condition: string) => `SUM(CASE WHEN ${condition} AND e.${dueAt} IS NOT NULL THEN 1 ELSE 0 END)`;
  const taskDone = `e.${subject} = 'task' AND e.${action} = 'complete'`;
  const complaintStep = `e.${subject} = 'complaint' AND e.${fromState} <> e.${toState}`;
  const review = `e.${subject} = 'contract' AND e.${action} = 'review'`;
  // The contract's latest entry into review before the opinion (a submission, or a return to review).
  const enteredReview = `(SELECT MAX(s.${at}) FROM ${e.table} s WHERE s.${subject} = 'contract' AND s.${subjectId} = e.${subjectId}
      AND s.${toState} = 'in_review' AND s.${fromState} <> 'in_review' AND s.${at} <= e.${at})`;
  const reviewTime = durationMsSql(strapi)(`e.${at}`, enteredReview);
  const steps = rowsOf<StepRow>(
    await knex.raw(
      `SELECT l.${actor.target} AS staff_id,
          ${judged(`${taskDone} AND e.${at} <= e.${dueAt}`)} AS tasks_on_time,
          ${judged(`${taskDone} AND e.${at} > e.${dueAt}`)} AS tasks_late,
          ${judged(`${complaintStep} AND e.${at} <= e.${dueAt}`)} AS complaint_on_time,
          ${judged(`${complaintStep} AND e.${at} > e.${dueAt}`)} AS complaint_late,
          SUM(CASE WHEN ${review} THEN 1 ELSE 0 END) AS reviews,
          AVG(CASE WHEN ${review} THEN ${reviewTime.sql} END) AS review_ms
        FROM ${e.table} e JOIN ${actor.table} l ON l.${actor.owner} = e.id
        WHERE l.${actor.target} IN (${members}) AND e.${at} >= ? AND e.${at} < ?
        GROUP BY l.${actor.target}`,
      [...reviewTime.bindings, ...staffIds, from, until]
    )
  );

  const o = metaOf(strapi, ORDER);
  const owner = o.link('salesperson');
  const [state, promised] = [o.column('state'), o.column('promisedDate')];
  const postgres = strapi.db.dialect.client === 'postgres';
  const processZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const endOfPromisedDay = postgres
    ? { sql: `(((o.${promised} + 1)::timestamp AT TIME ZONE ?) AT TIME ZONE ?)`, bindings: [zone, processZone] }
    : { sql: `((CAST(strftime('%s', o.${promised}) AS INTEGER) + 86400) * 1000 - ?)`, bindings: [offsetAt(zone, from.getTime())] };
  const open = [...OPEN_ORDER_STATES];
  const late = rowsOf<{ staff_id: number; late_orders: unknown }>(
    await knex.raw(
      `SELECT l.${owner.target} AS staff_id, COUNT(*) AS late_orders
        FROM ${o.table} o JOIN ${owner.table} l ON l.${owner.owner} = o.id
        WHERE l.${owner.target} IN (${members}) AND o.${promised} >= ? AND o.${promised} < ?
          AND ((o.${state} IN (${open.map(() => '?').join(', ')}) AND o.${promised} < ?)
            OR (o.${state} IN ('shipped', 'closed') AND NOT EXISTS (
              SELECT 1 FROM ${e.table} s WHERE s.${subject} = 'order' AND s.${subjectId} = o.document_id
                AND s.${toState} = 'shipped' AND s.${at} < ${endOfPromisedDay.sql})))
        GROUP BY l.${owner.target}`,
      [...staffIds, first, next, ...open, dateIn(zone, now), ...endOfPromisedDay.bindings]
    )
  );
  return { steps: new Map(steps.map((row) => [Number(row.staff_id), row])), late: new Map(late.map((row) => [Number(row.staff_id), row])) };
};

/** The sheet of the caller's team for `month`; refused (403) to anyone who supervises nobody. */
export const performanceSheet = async (
  strapi: Core.Strapi,
  actor: Actor,
  month: string,
  now: Date = new Date()
): Promise<PerformanceSheet> => {
  requireSupervisor(actor);
  const members = await teamOf(strapi, actor.roles);
  if (members.length === 0) return { month, rows: [] };
  const { steps, late } = await figuresOf(
    strapi,
    members.map((member) => member.staffId),
    month,
    now
  );
  const rows = members.map((member): PerformanceRow => {
    const step = steps.get(member.staffId);
    return {
      ...member,
      tasksOnTime: count(step?.tasks_on_time),
      tasksLate: count(step?.tasks_late),
      complaintStepsOnTime: count(step?.complaint_on_time),
      complaintStepsLate: count(step?.complaint_late),
      contractsReviewed: count(step?.reviews),
      averageReviewHours:
        step?.review_ms === null || step?.review_ms === undefined ? null : new Decimal(String(step.review_ms)).div(MS_PER_HOUR).toFixed(2),
      lateOrdersOwned: count(late.get(member.staffId)?.late_orders),
    };
  });
  return { month, rows };
};

const COLUMNS: Column[] = [
  { key: 'name', header: '员工 Staff', kind: 'text', width: 20 },
  { key: 'role', header: '岗位 Role', kind: 'text', width: 24 },
  ...PERFORMANCE_FIGURES.map((figure): Column => ({
    key: figure,
    header: `${PERFORMANCE_FIGURE_LABELS[figure].zh} ${PERFORMANCE_FIGURE_LABELS[figure].en}`,
    kind: figure === 'averageReviewHours' ? 'money' : 'integer',
    width: 18,
  })),
];

export const performanceXlsx = (sheet: PerformanceSheet, timeZone: string): Promise<Buffer> =>
  toXlsx(
    COLUMNS,
    sheet.rows.map((row): Row => ({
      ...Object.fromEntries(PERFORMANCE_FIGURES.map((figure) => [figure, row[figure]])),
      name: row.name,
      role: row.role ? `${STAFF_ROLES[row.role].nameZh} ${STAFF_ROLES[row.role].name}` : null,
    })),
    { sheetName: `考评 ${sheet.month}`, timeZone }
  );

/** The month asked for (YYYY-MM; this month in the report zone by default) and the format. */
export const performanceQuery = (strapi: Core.Strapi) =>
  declareQuery({
    month: {
      fallback: () => dateIn(reportTimeZone(strapi)).slice(0, 7),
      schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'a calendar month, YYYY-MM' },
      read: (value: string) => (isMonth(value) ? value : { problem: message('field.month') }),
    },
    format: oneOf(['json', 'xlsx'] as const, 'json'),
  });

/** The endpoint, shared by REST's controller action and the admin route. */
export const performanceEndpoint = (
  strapi: Core.Strapi,
  actorOf: () => Promise<Actor>
): Endpoint<ReturnType<typeof performanceQuery>['parameters']> => ({
  query: performanceQuery(strapi),
  handle: async (ctx: Context, { query }) => {
    const sheet = await performanceSheet(strapi, await actorOf(), query.month);
    if (query.format === 'json') return { data: sheet };
    ctx.attachment(`performance-${sheet.month}.xlsx`);
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.body = await performanceXlsx(sheet, reportTimeZone(strapi));
    return undefined;
  },
});
