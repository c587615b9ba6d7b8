/** The contract ledger (合同管理台账): placeholder signature, implemented next. */
import type { Core } from '@strapi/strapi';

export const LEDGER_FORMATS = ['json', 'xlsx', 'csv'] as const;

export interface ContractLedger {
  rows: Record<string, unknown>[];
  toXlsx: () => Promise<Buffer>;
  toCsv: () => Promise<Buffer>;
}

export const contractLedger = async (_strapi: Core.Strapi, _query: Record<string, unknown>): Promise<ContractLedger> => {
  throw new Error('not implemented');
};
