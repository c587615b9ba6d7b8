/**
 * The customer file (客户档案): which sections a caller sees, and the small rules its rows follow.
 * A section is there only when one of the caller's roles may read ('read' in the access matrix)
 * the records it is made of; a section the caller may not read is absent from the answer, not
 * empty. The super admin sees every section. Parts of a section made of other records (an order
 * section's contracts, the money section's payments and statements, the contact log, each kind of
 * document) follow the same rule for their own record type.
 */
import Decimal from 'decimal.js';
import { ACCESS_MATRIX, RecordName } from './access-matrix';
import type { RoleCode } from './staff-roles';

/** The file's sections, in the order the file shows them, and the record type each is made of. */
export const CUSTOMER_FILE_SECTIONS = {
  header: 'customer',
  orders: 'order',
  money: 'receivable',
  credit: 'credit-event',
  complaints: 'complaint',
  contacts: 'customer',
  opinions: 'customer-opinion',
  needs: 'customer-need',
} as const satisfies Record<string, RecordName>;
export type CustomerFileSection = keyof typeof CUSTOMER_FILE_SECTIONS;

/** The documents section lists the documents of each readable kind; it is present when any is. */
export const DOCUMENT_KINDS = { contract: 'contract', deliveryNote: 'shipment', statement: 'statement' } as const satisfies Record<
  string,
  RecordName
>;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

/** Who is asking: their role codes, and whether they are the admin panel's super admin. */
export interface FileReader {
  roles: readonly RoleCode[];
  superAdmin: boolean;
}

/** Whether any of the reader's roles may read `record`. */
export const mayRead = (reader: FileReader, record: RecordName): boolean =>
  reader.superAdmin || reader.roles.some((role) => (ACCESS_MATRIX[record]?.[role] ?? []).includes('read'));

/** The sections of the file the reader sees, in the file's order. */
export const fileSections = (reader: FileReader): (CustomerFileSection | 'documents')[] => [
  ...(Object.entries(CUSTOMER_FILE_SECTIONS) as [CustomerFileSection, RecordName][])
    .filter(([, record]) => mayRead(reader, record))
    .map(([section]) => section),
  ...(documentKinds(reader).length > 0 ? (['documents'] as const) : []),
];

/** The kinds of documents the reader may download. */
export const documentKinds = (reader: FileReader): DocumentKind[] =>
  (Object.entries(DOCUMENT_KINDS) as [DocumentKind, RecordName][]).filter(([, record]) => mayRead(reader, record)).map(([kind]) => kind);

/** Orders that are still running: every state but closed and cancelled. */
export const CLOSED_ORDER_STATES = ['closed', 'cancelled'] as const;

/** Contract revisions that are no longer the contract: a newer revision took their place. */
export const REPLACED_CONTRACT_STATES = ['superseded'] as const;

/** The page of a long list the caller asked for; pages count from 1. */
export interface PageRequest {
  page: number;
  pageSize: number;
}
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Pagination extends PageRequest {
  total: number;
  pageCount: number;
}

export const paginationOf = ({ page, pageSize }: PageRequest, total: number): Pagination => ({
  page,
  pageSize,
  total,
  pageCount: Math.ceil(total / pageSize),
});

/** Whole calendar days from one business date to another (YYYY-MM-DD). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * A share of a whole in percent, one place (shipped 3 of 7 → 42.9); null when there is no whole.
 * Exact (decimal.js), rounded half up as the tests' independent computation does.
 */
export const percentOf = (part: string | number, whole: string | number): number | null => {
  const w = new Decimal(String(whole));
  if (!w.gt(0)) return null;
  return new Decimal(String(part)).dividedBy(w).times(100).toDecimalPlaces(1).toNumber();
};

/** What the customer's complaint judgement means for the file: justified, not justified, not judged yet. */
export const justifiedOf = (judgement: string | null | undefined): boolean | null =>
  judgement === 'justified' ? true : judgement === 'unjustified' ? false : null;
