/**
 * A customer's credit position, as the contract review snapshots it on submit. Receivables arrive
 * with shipments (a later module); until that module exists no customer owes anything, so the open
 * and overdue balances are zero, and the exposure is the contracts agreed but not completed.
 */
import type { Core } from '@strapi/strapi';
import { CreditSnapshot, OPEN_CONTRACT_STATES } from '../domain/contract-review';
import { Decimal, formatMoney, sumMoney } from '../domain/money';

const CONTRACT = 'api::contract.contract';

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
  return {
    openBalance: '0.00',
    overdueAmount: '0.00',
    openContracts: formatMoney(sumMoney(open.map((row: { total: unknown }) => new Decimal(String(row.total ?? 0))))),
    creditLimit: formatMoney(new Decimal(String(customer.creditLimit ?? 0))),
    creditHold: Boolean(customer.creditHold),
    contractTotal: formatMoney(new Decimal(String(contract.total ?? 0))),
  };
};
