/**
 * The contract ledger (合同管理台账): one row per contract revision with its customer, salesperson,
 * money, dates and orders, filtered by query parameters, as JSON pages or as an XLSX / CSV export
 * of every matching row. Used by REST (GET /api/contracts/ledger) and the admin panel
 * (GET /workflows/contract-ledger). Filters run in the database through the Query Engine.
 */
import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import type { Context } from 'koa';
import { dateIn } from '../domain/business-date';
import { CONTRACT_STATES } from '../domain/contract-review';
import {
  calendarDate,
  customerDocument,
  declareQuery,
  listOf,
  moneyAmount,
  oneOf,
  QueryValues,
  staffUser,
  toBeforeFrom,
  wholeNumber,
} from '../platform/query-input';
import { reportTimeZone } from '../platform/settings';
import { Column, Row, toCsv, toXlsx } from '../platform/table-export';
import { CONTRACT } from '../platform/uids';
import { fieldProblem } from '../domain/validation-error';

export const LEDGER_FORMATS = ['json', 'xlsx', 'csv'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];

export const LEDGER_PARAMETERS = [
  'format',
  'customer',
  'state',
  'revisions',
  'from',
  'to',
  'salesperson',
  'minTotal',
  'maxTotal',
  'page',
  'pageSize',
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

/** The ledger's query parameters, in the order their problems are reported. */
export const ledgerQuery = (strapi: Core.Strapi, defaultFormat: LedgerFormat) =>
  declareQuery(
    {
      format: oneOf(LEDGER_FORMATS, defaultFormat),
      customer: customerDocument(strapi),
      state: listOf(CONTRACT_STATES, { en: 'state', zh: '状态' }),
      revisions: oneOf(['current', 'all'] as const, 'current'),
      from: calendarDate(undefined),
      to: calendarDate(undefined),
      salesperson: staffUser(strapi),
      minTotal: moneyAmount(),
      maxTotal: moneyAmount(),
      page: wholeNumber(1, 2147483647, 1),
      pageSize: wholeNumber(1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
    },
    ({ from, to, minTotal, maxTotal }) => [
      ...toBeforeFrom(from, to),
      ...(minTotal && maxTotal && minTotal.greaterThan(maxTotal)
        ? [fieldProblem(['maxTotal'], 'query.max_below_min', { minTotal: minTotal.toFixed(2) })]
        : []),
    ]
  );

export type LedgerQuery = QueryValues<ReturnType<typeof ledgerQuery>>;

/** The Query Engine's filter for the ledger's rows. */
const whereOf = ({ customer, salesperson, state, revisions, from, to, minTotal, maxTotal }: LedgerQuery): Record<string, unknown> => {
  const where: Record<string, unknown> = {};
  if (customer !== undefined || salesperson !== undefined) {
    where.customer = {
      ...(customer !== undefined && { documentId: customer.documentId }),
      ...(salesperson !== undefined && { salesperson: { id: salesperson } }),
    };
  }
  // The ledger shows each contract's current revision: a superseded one only when asked for.
  if (state) where.state = { $in: state };
  else if (revisions === 'current') where.state = { $ne: 'superseded' };
  if (from || to) where.contractDate = { ...(from && { $gte: from }), ...(to && { $lte: to }) };
  if (minTotal || maxTotal) {
    where.total = { ...(minTotal && { $gte: minTotal.toFixed(2) }), ...(maxTotal && { $lte: maxTotal.toFixed(2) }) };
  }
  return where;
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
    select: [
      'number',
      'revision',
      'state',
      'contractDate',
      'currency',
      'total',
      'deliveryDate',
      'paymentTerms',
      'submittedAt',
      'decidedAt',
      'activatedAt',
    ],
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

/** The ledger a checked query asks for. */
export const contractLedger = (strapi: Core.Strapi, query: LedgerQuery): ContractLedger => {
  const { format, page, pageSize } = query;
  const where = whereOf(query);
  const options = { sheetName: '合同台账 Contract ledger', timeZone: reportTimeZone(strapi) };
  return {
    format,
    page: async () => {
      const total = await strapi.db.query(CONTRACT).count({ where });
      const rows = await findRows(strapi, where, (page - 1) * pageSize, pageSize);
      return { rows, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } };
    },
    toXlsx: async () => toXlsx([...LEDGER_COLUMNS], (await allRows(strapi, where)) as Row[], options),
    toCsv: async () => toCsv([...LEDGER_COLUMNS], (await allRows(strapi, where)) as Row[], options),
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
export const sendContractLedger = async (strapi: Core.Strapi, ctx: Context, query: LedgerQuery): Promise<void> => {
  const ledger = contractLedger(strapi, query);
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
