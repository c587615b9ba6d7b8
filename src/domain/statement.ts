/**
 * A customer statement (对账单) for a period, as arithmetic: the period's entries (each shipment's
 * receivable, each cancellation of one, each payment, each reversal of one) in date order with a
 * running balance from the opening balance; the period's totals; and the two reconciliations an
 * issued statement must pass:
 *   closing = opening + shipped − received + reversed
 *   closing = Σ open items − unallocated payments
 * where `shipped` is what was invoiced in the period less what was cancelled in it. The figures
 * themselves come from SQL (src/cash-collection/statements.ts); nothing here touches a database.
 */
import Decimal from 'decimal.js';
import { AgingBucket } from './aging';
import { Message, message } from './messages';
import { formatMoney } from './money';

/** What raises the balance (shipment, reversal of a payment) and what lowers it (cancellation, payment). */
export const ENTRY_KINDS = ['shipment', 'cancellation', 'payment', 'reversal'] as const;
export type StatementEntryKind = (typeof ENTRY_KINDS)[number];

export const ENTRY_LABELS: Record<StatementEntryKind, { en: string; zh: string }> = {
  shipment: { en: 'Shipment', zh: '发货' },
  cancellation: { en: 'Shipment cancelled', zh: '发货取消' },
  payment: { en: 'Payment', zh: '收款' },
  reversal: { en: 'Payment reversed', zh: '收款冲销' },
};

const RAISES: Record<StatementEntryKind, boolean> = { shipment: true, cancellation: false, payment: false, reversal: true };

/** The headings of the statement's two tables, the same in the PDF and the XLSX (each adds its own widths). */
export const ENTRY_HEADINGS = {
  date: { zh: '日期', en: 'Date' },
  entry: { zh: '摘要', en: 'Entry' },
  reference: { zh: '单号', en: 'Reference' },
  debit: { zh: '借方（应收）', en: 'Debit' },
  credit: { zh: '贷方（已收）', en: 'Credit' },
  balance: { zh: '余额', en: 'Balance' },
} as const;
export const OPEN_ITEM_HEADINGS = {
  reference: { zh: '出货单', en: 'Shipment' },
  invoiceDate: { zh: '开票日期', en: 'Invoiced' },
  dueDate: { zh: '到期日', en: 'Due' },
  amount: { zh: '金额', en: 'Amount' },
  openAmount: { zh: '未收金额', en: 'Open' },
  daysPastDue: { zh: '逾期天数', en: 'Days past due' },
  aging: { zh: '账龄', en: 'Aging' },
} as const;

export interface StatementEntry {
  /** Business date, YYYY-MM-DD. */
  date: string;
  kind: StatementEntryKind;
  /** Shipment or payment number, with the bank reference for payments. */
  reference: string;
  /** Positive; the kind says in which direction it moves the balance. */
  amount: string;
  dueDate?: string | null;
}

export interface StatementLine extends StatementEntry {
  /** What the customer owes more (借方) or less (贷方); one of the two is null. */
  debit: string | null;
  credit: string | null;
  balance: string;
}

/** Same day: shipments before cancellations before payments before reversals, then by reference. */
const byDate = (a: StatementEntry, b: StatementEntry) =>
  a.date.localeCompare(b.date) || ENTRY_KINDS.indexOf(a.kind) - ENTRY_KINDS.indexOf(b.kind) || a.reference.localeCompare(b.reference);

/** The entries in date order, each with the balance after it. */
export const statementLines = (openingBalance: string, entries: readonly StatementEntry[]): StatementLine[] => {
  let balance = new Decimal(openingBalance);
  return [...entries].sort(byDate).map((entry) => {
    const amount = new Decimal(entry.amount);
    if (amount.isNegative()) throw new Error(`Statement entry ${entry.reference} has a negative amount ${entry.amount}`);
    balance = RAISES[entry.kind] ? balance.plus(amount) : balance.minus(amount);
    return {
      ...entry,
      amount: formatMoney(amount),
      debit: RAISES[entry.kind] ? formatMoney(amount) : null,
      credit: RAISES[entry.kind] ? null : formatMoney(amount),
      balance: formatMoney(balance),
    };
  });
};

export interface PeriodTotals {
  shipped: string;
  received: string;
  reversed: string;
}

export const periodTotals = (entries: readonly StatementEntry[]): PeriodTotals => {
  const sum = (kind: StatementEntryKind) =>
    entries.filter((e) => e.kind === kind).reduce((total, e) => total.plus(e.amount), new Decimal(0));
  return {
    shipped: formatMoney(sum('shipment').minus(sum('cancellation'))),
    received: formatMoney(sum('payment')),
    reversed: formatMoney(sum('reversal')),
  };
};

export const closingFrom = (openingBalance: string, totals: PeriodTotals): string =>
  formatMoney(new Decimal(openingBalance).plus(totals.shipped).minus(totals.received).plus(totals.reversed));

/** The balances a statement reports besides its period totals. */
export interface StatementBalances extends PeriodTotals {
  openingBalance: string;
  closingBalance: string;
  unallocated: string;
}

export interface StatementFigures extends StatementBalances {
  openItemsTotal: string;
}

/** What an issued statement says on its face: number, period, currency and the figures as stored. */
export interface IssuedStatement extends StatementBalances {
  number: string;
  periodFrom: string;
  periodTo: string;
  currency: string;
}

/** What does not add up, as messages; empty when both reconciliations hold to the cent. */
export const reconciliationProblems = (figures: StatementFigures): Message[] => {
  const problems: Message[] = [];
  const rolled = closingFrom(figures.openingBalance, figures);
  if (!new Decimal(rolled).equals(figures.closingBalance)) {
    problems.push(
      message('statement.rolled_differs', {
        opening: figures.openingBalance,
        shipped: figures.shipped,
        received: figures.received,
        reversed: figures.reversed,
        rolled,
        closing: figures.closingBalance,
      })
    );
  }
  const open = formatMoney(new Decimal(figures.openItemsTotal).minus(figures.unallocated));
  if (!new Decimal(open).equals(figures.closingBalance)) {
    problems.push(
      message('statement.open_differs', {
        openItems: figures.openItemsTotal,
        unallocated: figures.unallocated,
        open,
        closing: figures.closingBalance,
      })
    );
  }
  return problems;
};

export interface OpenItem {
  reference: string;
  invoiceDate: string;
  dueDate: string;
  amount: string;
  openAmount: string;
  daysPastDue: number;
  bucket: string;
}

/** The open items' amounts per aging bucket (every bucket present, in order) and their total. */
export const agingOfItems = (items: readonly OpenItem[], buckets: readonly AgingBucket[]) => {
  const amounts = new Map(buckets.map((bucket) => [bucket.key, new Decimal(0)]));
  for (const item of items) {
    if (!amounts.has(item.bucket)) throw new Error(`Open item ${item.reference} is in an unknown bucket ${item.bucket}`);
    amounts.set(item.bucket, amounts.get(item.bucket)!.plus(item.openAmount));
  }
  return {
    buckets: buckets.map((bucket) => ({ key: bucket.key, label: bucket.label, amount: formatMoney(amounts.get(bucket.key)!) })),
    total: formatMoney([...amounts.values()].reduce((total, amount) => total.plus(amount), new Decimal(0))),
  };
};

export const STATEMENT_STATES = ['issued', 'sent', 'confirmed', 'disputed'] as const;
export type StatementState = (typeof STATEMENT_STATES)[number];

export const STATEMENT_STATE_LABELS: Record<StatementState, { en: string; zh: string }> = {
  issued: { en: 'Issued', zh: '已出具' },
  sent: { en: 'Sent', zh: '已发送' },
  confirmed: { en: 'Confirmed', zh: '已确认' },
  disputed: { en: 'Disputed', zh: '有异议' },
};

/** The period a statement may cover: real dates, from ≤ to, and not ending after today. */
export const periodProblems = (periodFrom: unknown, periodTo: unknown, today: string, isDate: (value: unknown) => boolean) => {
  const problems: { path: string[]; said: Message }[] = [];
  if (!isDate(periodFrom)) problems.push({ path: ['periodFrom'], said: message('field.date') });
  if (!isDate(periodTo)) problems.push({ path: ['periodTo'], said: message('field.date') });
  if (problems.length) return problems;
  if ((periodFrom as string) > (periodTo as string))
    problems.push({ path: ['periodFrom'], said: message('statement.period_order', { field: 'periodTo' }) });
  if ((periodTo as string) > today) problems.push({ path: ['periodTo'], said: message('statement.period_future', { today }) });
  return problems;
};
