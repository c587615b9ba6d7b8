/**
 * The contract ledger (合同管理台账): one row per contract revision with its customer, salesperson,
 * money, dates and orders, filtered by query parameters, as JSON pages or as an XLSX / CSV export
 * of every matching row. Used by REST (GET /api/contracts/ledger) and the admin panel
 * (GET /workflows/contract-ledger). Filters run in the database through the Query Engine.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import type { Context } from 'koa';
import { dateIn, isCalendarDate } from '../domain/business-date';
import { CONTRACT_STATES } from '../domain/contract-review';
import { parseMoney } from '../domain/money';
import { FieldProblem } from '../domain/validation-error';
import { plainParameter } from '../platform/query-parameter';
import { validationError } from '../platform/errors';
import { reportTimeZone } from '../platform/settings';
import { Column, Row, toCsv, toXlsx } from '../platform/table-export';
import { CONTRACT, CUSTOMER, USER } from '../platform/uids';


export const LEDGER_FORMATS = ['json', 'xlsx', 'csv'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];

export const LEDGER_PARAMETERS = [
  'format', 'customer', 'state', 'revisions', 'from', 'to', 'salesperson', 'minTotal', 'maxTotal', 'page', 'pageSize',
] as const;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;
/** Exports read the database in slices this size, so a large ledger is not one huge IN list. */
const EXPORT_BATCH = 1000;

/** The ledger's columns, in order: the JSON keys, the spreadsheet headers and the CSV header. */
export const LEDGER_COLUMNS = [
  { key: 'number', header: '合同编号 Number', kind: 'text', width: 16 },
  { key: 'revision', header: '版本 Revision', kind: 'integer', width: 10 },
  { key: 'state', header: '状态 State', kind: 'text', width: 20 },
  { key: 'contractDate', header: '合同日期 Contract date', kind: 'date', width: 14 },
  { key: 'customerCode', header: '客户编号 Customer code', kind: 'text', width: 14 },
  { key: 'customerName', header: '客户名称 Customer', kind: 'text', width: 30 },
  { key: 'salesperson', header: '业务员 Salesperson', kind: 'text', width: 16 },
  { key: 'currency', header: '币种 Currency', kind: 'text', width: 10 },
  { key: 'total', header: '合同金额 Total', kind: 'money', width: 16 },
  { key: 'deliveryDate', header: '交货日期 Delivery date', kind: 'date', width: 14 },
  { key: 'paymentTerms', header: '付款条件 Payment terms', kind: 'text', width: 36 },
  { key: 'submittedAt', header: '提交评审 Submitted at', kind: 'datetime', width: 20 },
  { key: 'decidedAt', header: '评审结论 Decided at', kind: 'datetime', width: 20 },
  { key: 'activatedAt', header: '生效时间 Activated at', kind: 'datetime', width: 20 },
  { key: 'orders', header: '销售订单 Orders', kind: 'text', width: 30 },
  { key: 'drafter', header: '起草人 Drafter', kind: 'text', width: 16 },
] as const satisfies readonly Column[];

export type LedgerRow = { [K in (typeof LEDGER_COLUMNS)[number]['key']]: string | number | null };

export interface LedgerPagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface ContractLedger {
  format: LedgerFormat;
  /** One page of rows, for JSON. */
  page: () => Promise<{ rows: LedgerRow[]; pagination: LedgerPagination }>;
  /** Every matching row. */
  toXlsx: () => Promise<Buffer>;
  toCsv: () => Promise<Buffer>;
}

interface Filters {
  format: LedgerFormat;
  where: Record<string, unknown>;
  page: number;
  pageSize: number;
}

type Query = Record<string, unknown>;

const positiveInteger = (text: string | undefined, name: string, problems: FieldProblem[], max = 2147483647): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d{1,10}$/.test(text) || Number(text) < 1 || Number(text) > max) {
    problems.push({ path: [name], message: `must be a whole number from 1 to ${max}` });
    return undefined;
  }
  return Number(text);
};

const calendarDate = (text: string | undefined, name: string, problems: FieldProblem[]): string | undefined => {
  if (text === undefined) return undefined;
  if (!isCalendarDate(text)) {
    problems.push({ path: [name], message: 'must be a date YYYY-MM-DD' });
    return undefined;
  }
  return text;
};

const money = (text: string | undefined, name: string, problems: FieldProblem[]): Decimal | undefined => {
  if (text === undefined) return undefined;
  const amount = parseMoney(text);
  if (typeof amount === 'string') {
    problems.push({ path: [name], message: amount });
    return undefined;
  }
  return amount;
};

/** Reads and checks every parameter, reporting all problems at once as one 400. */
const parseFilters = async (strapi: Core.Strapi, query: Query, defaultFormat: LedgerFormat): Promise<Filters> => {
  const problems: FieldProblem[] = [];
  for (const name of Object.keys(query)) {
    if (!(LEDGER_PARAMETERS as readonly string[]).includes(name)) {
      problems.push({ path: [name], message: `unknown parameter; the ledger takes ${LEDGER_PARAMETERS.join(', ')}` });
    }
  }
  const text = (name: (typeof LEDGER_PARAMETERS)[number]) => plainParameter(query, name, problems);

  const format = text('format') ?? defaultFormat;
  if (!(LEDGER_FORMATS as readonly string[]).includes(format)) {
    problems.push({ path: ['format'], message: `must be one of ${LEDGER_FORMATS.join(', ')}` });
  }

  const customer = text('customer');
  if (customer !== undefined && !/^[a-z0-9]{1,64}$/.test(customer)) {
    problems.push({ path: ['customer'], message: "must be a customer's documentId" });
  }

  const stateText = text('state');
  const states = stateText?.split(',').map((state) => state.trim());
  const unknownStates = (states ?? []).filter((state) => !(CONTRACT_STATES as readonly string[]).includes(state));
  if (unknownStates.length > 0) {
    problems.push({ path: ['state'], message: `unknown state ${unknownStates.join(', ')}; one or more (comma-separated) of ${CONTRACT_STATES.join(', ')}` });
  }

  const revisions = text('revisions') ?? 'current';
  if (!['current', 'all'].includes(revisions)) problems.push({ path: ['revisions'], message: 'must be current or all' });

  const from = calendarDate(text('from'), 'from', problems);
  const to = calendarDate(text('to'), 'to', problems);
  if (from && to && from > to) problems.push({ path: ['to'], message: `must not be before from (${from})` });

  const salesperson = positiveInteger(text('salesperson'), 'salesperson', problems);

  const minTotal = money(text('minTotal'), 'minTotal', problems);
  const maxTotal = money(text('maxTotal'), 'maxTotal', problems);
  if (minTotal && maxTotal && minTotal.greaterThan(maxTotal)) {
    problems.push({ path: ['maxTotal'], message: `must not be less than minTotal (${minTotal.toFixed(2)})` });
  }

  const page = positiveInteger(text('page'), 'page', problems) ?? 1;
  const pageSize = positiveInteger(text('pageSize'), 'pageSize', problems, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;

  // A filter naming nobody is a typo, not an empty ledger: say so rather than show no rows.
  if (problems.length === 0 && customer !== undefined) {
    const found = await strapi.db.query(CUSTOMER).findOne({ where: { documentId: customer }, select: ['id'] });
    if (!found) problems.push({ path: ['customer'], message: `no customer with documentId ${customer}` });
  }
  if (problems.length === 0 && salesperson !== undefined) {
    const found = await strapi.db.query(USER).findOne({ where: { id: salesperson }, select: ['id'] });
    if (!found) problems.push({ path: ['salesperson'], message: `no staff user with id ${salesperson}` });
  }
  if (problems.length > 0) throw validationError(problems);

  const where: Record<string, unknown> = {};
  if (customer !== undefined || salesperson !== undefined) {
    where.customer = {
      ...(customer !== undefined && { documentId: customer }),
      ...(salesperson !== undefined && { salesperson: { id: salesperson } }),
    };
  }
  // The ledger shows each contract's current revision: a superseded one only when asked for.
  if (states) where.state = { $in: states };
  else if (revisions === 'current') where.state = { $ne: 'superseded' };
  if (from || to) where.contractDate = { ...(from && { $gte: from }), ...(to && { $lte: to }) };
  if (minTotal || maxTotal) {
    where.total = { ...(minTotal && { $gte: minTotal.toFixed(2) }), ...(maxTotal && { $lte: maxTotal.toFixed(2) }) };
  }
  return { format: format as LedgerFormat, where, page, pageSize };
};

interface Person {
  username: string | null;
  displayName: string | null;
}

interface StoredContract {
  number: string | null;
  revision: number | null;
  state: string;
  contractDate: string | null;
  currency: string;
  total: number | string | null;
  deliveryDate: string | null;
  paymentTerms: string | null;
  submittedAt: Date | string | number | null;
  decidedAt: Date | string | number | null;
  activatedAt: Date | string | number | null;
  customer: { code: string | null; name: string | null; salesperson: Person | null } | null;
  orders: { number: string | null }[] | null;
  drafter: Person | null;
}

const personName = (person: Person | null | undefined) => (person ? person.displayName || person.username : null);
const instant = (value: Date | string | number | null) => (value === null || value === undefined ? null : new Date(value).toISOString());
const calendar = (value: string | null) => (value ? String(value).slice(0, 10) : null);

/**
 * Only the columns above leave the server, built field by field: no private user fields, no
 * createdBy/updatedBy, nothing a sanitizer would have to remove.
 */
const ledgerRow = (contract: StoredContract): LedgerRow => ({
  number: contract.number,
  revision: contract.revision,
  state: contract.state,
  contractDate: calendar(contract.contractDate),
  customerCode: contract.customer?.code ?? null,
  customerName: contract.customer?.name ?? null,
  salesperson: personName(contract.customer?.salesperson),
  currency: contract.currency,
  // SQLite returns decimals as floats; a two-place value prints back exactly, and Decimal keeps it so.
  total: contract.total === null ? null : new Decimal(String(contract.total)).toFixed(2),
  deliveryDate: calendar(contract.deliveryDate),
  paymentTerms: contract.paymentTerms,
  submittedAt: instant(contract.submittedAt),
  decidedAt: instant(contract.decidedAt),
  activatedAt: instant(contract.activatedAt),
  orders: (contract.orders ?? [])
    .map((order) => order.number)
    .filter((number): number is string => Boolean(number))
    .sort()
    .join(', '),
  drafter: personName(contract.drafter),
});

const PERSON = { select: ['username', 'displayName'] };

const findRows = async (strapi: Core.Strapi, where: Record<string, unknown>, offset: number, limit: number): Promise<LedgerRow[]> => {
  const contracts = (await strapi.db.query(CONTRACT).findMany({
    where,
    select: ['number', 'revision', 'state', 'contractDate', 'currency', 'total', 'deliveryDate', 'paymentTerms', 'submittedAt', 'decidedAt', 'activatedAt'],
    populate: {
      customer: { select: ['code', 'name'], populate: { salesperson: PERSON } },
      orders: { select: ['number'] },
      drafter: PERSON,
    },
    // id last: a stable order for paging even if two rows ever share number and revision.
    orderBy: [{ number: 'asc' }, { revision: 'asc' }, { id: 'asc' }],
    offset,
    limit,
  })) as StoredContract[];
  return contracts.map(ledgerRow);
};

const allRows = async (strapi: Core.Strapi, where: Record<string, unknown>): Promise<LedgerRow[]> => {
  const rows: LedgerRow[] = [];
  for (let offset = 0; ; offset += EXPORT_BATCH) {
    const batch = await findRows(strapi, where, offset, EXPORT_BATCH);
    rows.push(...batch);
    if (batch.length < EXPORT_BATCH) return rows;
  }
};

/** Checks the query (400 naming each bad parameter) and returns the ledger it asks for. */
export const contractLedger = async (strapi: Core.Strapi, query: Query, defaultFormat: LedgerFormat = 'json'): Promise<ContractLedger> => {
  const { format, where, page, pageSize } = await parseFilters(strapi, query, defaultFormat);
  const options = { sheetName: '合同台账 Contract ledger', timeZone: reportTimeZone(strapi) };
  return {
    format,
    page: async () => {
      const total = await strapi.db.query(CONTRACT).count({ where });
      const rows = await findRows(strapi, where, (page - 1) * pageSize, pageSize);
      return { rows, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } };
    },
    toXlsx: async () => toXlsx([...LEDGER_COLUMNS], await allRows(strapi, where) as Row[], options),
    toCsv: async () => toCsv([...LEDGER_COLUMNS], await allRows(strapi, where) as Row[], options),
  };
};

const CONTENT_TYPES: Record<Exclude<LedgerFormat, 'json'>, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * Answers a ledger request, the same for REST and the admin panel: `{ data, meta: { pagination } }`
 * for JSON, otherwise a download named after today's date in the report time zone.
 */
export const sendContractLedger = async (strapi: Core.Strapi, ctx: Context, defaultFormat: LedgerFormat): Promise<void> => {
  const ledger = await contractLedger(strapi, ctx.query as Query, defaultFormat);
  if (ledger.format === 'json') {
    const { rows, pagination } = await ledger.page();
    ctx.body = { data: rows, meta: { pagination } };
    return;
  }
  const body = ledger.format === 'xlsx' ? await ledger.toXlsx() : await ledger.toCsv();
  ctx.attachment(`contract-ledger-${dateIn(reportTimeZone(strapi))}.${ledger.format}`);
  ctx.type = CONTENT_TYPES[ledger.format];
  ctx.body = body;
};
