/**
 * A customer's credit position, as the contract review snapshots it on submit: what its shipments
 * still owe (open receivables) and how much of that is past due (in the report time zone), the
 * contracts agreed but not yet completed, its credit limit and hold.
 */
import type { Core } from '@strapi/strapi';
import { CreditSnapshot, OPEN_CONTRACT_STATES } from '../domain/contract-review';
import { dateIn } from '../domain/business-date';
import { Decimal, formatMoney, sumMoney } from '../domain/money';
import { reportTimeZone } from '../platform/settings';
import { CONTRACT, RECEIVABLE } from '../platform/uids';

export const creditSnapshot = async (
  strapi: Core.Strapi,
  customer: { id: number; creditLimit: unknown; creditHold: boolean },
  contract: { id: number; total: unknown; previousRevisionId: number | null }
): Promise<CreditSnapshot> => {
  const open = await strapi.db.query(CONTRACT).findMany({
    where: {
      customer: { id: customer.id },
      state: { $in: [...OPEN_CONTRACT_STATES] },
      // An amendment replaces the revision it amends: that one does not count twice.
      id: { $notIn: [contract.id, contract.previousRevisionId ?? contract.id] },
    },
    select: ['total'],
  });
  const receivables = await strapi.db.query(RECEIVABLE).findMany({
    where: { customer: { id: customer.id }, state: 'open' },
    select: ['openAmount', 'dueDate'],
  });
  const today = dateIn(reportTimeZone(strapi));
  const owed = (rows: { openAmount: unknown }[]) => formatMoney(sumMoney(rows.map((row) => new Decimal(String(row.openAmount ?? 0)))));
  return {
    openBalance: owed(receivables),
    overdueAmount: owed(receivables.filter((row: { dueDate: string }) => row.dueDate < today)),
    openContracts: formatMoney(sumMoney(open.map((row: { total: unknown }) => new Decimal(String(row.total ?? 0))))),
    creditLimit: formatMoney(new Decimal(String(customer.creditLimit ?? 0))),
    creditHold: Boolean(customer.creditHold),
    contractTotal: formatMoney(new Decimal(String(contract.total ?? 0))),
  };
};
