/**
 * The admin panel's client for the customer file (GET /workflows/customer-file/:documentId and its
 * order statistics, src/admin-api/routes.ts), finding customers (the content manager's own list
 * search) and logging a contact (the content manager's create, so the contact log's rules apply).
 * The answer's shape is docs/api.md's "Customer file"; a section the user may not read is absent.
 */
import type { FetchClient } from '@strapi/strapi/admin';
import { fetchFile } from '../files';

interface Page<T> {
  items: T[];
  pagination: { page: number; pageSize: number; total: number; pageCount: number };
}
export type Person = { id: number; name: string; email?: string | null } | null;

export interface FileHeader {
  documentId: string;
  code: string;
  name: string;
  shortName: string | null;
  grade: string;
  region: string | null;
  active: boolean;
  salesperson: Person;
  paymentTermsDays: number;
  currency: string;
  creditLimit: string;
  openBalance: string;
  overdue: string;
  balances: { currency: string; open: string; overdue: string }[];
  creditHold: boolean;
  creditHoldReason: string | null;
  creditHoldSource: string | null;
  warnings: ('creditHold' | 'overdue')[];
}

export interface OpenOrder {
  documentId: string;
  number: string;
  state: string;
  orderDate: string | null;
  requiredDate: string | null;
  promisedDate: string | null;
  late: boolean;
  currency: string;
  total: string;
  shippedPercent: number | null;
  billedPercent: number | null;
  paidPercent: number | null;
}

export interface FileContract {
  documentId: string;
  number: string;
  revision: number;
  state: string;
  currency: string;
  total: string;
  contractDate: string | null;
  deliveryDate: string | null;
}

export interface CustomerFile {
  documentId: string;
  asOf: string;
  sections: string[];
  header: FileHeader;
  /** `late`: how many of all the open orders (not just this page) are past their promised date. */
  orders?: { open: Page<OpenOrder> & { late: number }; contracts?: Page<FileContract> };
  money?: {
    aging: {
      asOf: string;
      buckets: { key: string; label: { en: string; zh: string } }[];
      byCurrency: { currency: string; amounts: Record<string, string>; total: string }[];
    };
    payments?: {
      documentId: string;
      number: string;
      receivedOn: string;
      currency: string;
      amount: string;
      unallocated: string;
      method: string;
      state: string;
    }[];
    statements?: {
      documentId: string;
      number: string;
      periodFrom: string;
      periodTo: string;
      currency: string;
      closingBalance: string;
      state: string;
      answer: { state: 'confirmed' | 'disputed'; comment: string | null; at: string | null } | null;
    }[];
    paymentBehaviour: { paidReceivables: number; averageDaysLate: number | null };
  };
  credit?: unknown;
  complaints?: Page<{
    documentId: string;
    number: string;
    state: string;
    severity: string;
    category: string;
    justified: boolean | null;
    receivedAt: string | null;
    daysOpen: number | null;
    feedbackRating: number | null;
    feedbackComment: string | null;
  }> & { /** Of all the complaints, those not closed or withdrawn. */ open: number };
  contacts?: {
    persons: { name: string; title: string | null; phone: string | null; email: string | null; primary: boolean | null }[];
    log?: Page<{
      documentId: string;
      occurredAt: string | null;
      direction: string;
      channel: string;
      kind: string;
      summary: string;
      outcome: string | null;
      handledBy: Person;
      followUpDate: string | null;
      followUpDue: boolean;
    }>;
  };
  opinions?: Page<{
    documentId: string;
    recordedAt: string | null;
    topic: string;
    text: string;
    source: string;
    sentiment: string;
    marketInfo: boolean;
    recordedBy: Person;
  }>;
  needs?: Page<{
    documentId: string;
    description: string;
    product: { name: string; sku?: string } | null;
    category: string | null;
    estimatedQuantity: number | null;
    estimatedValue: string | null;
    currency: string;
    expectedDate: string | null;
    status: string;
  }>;
  documents?: Page<{
    kind: 'contract' | 'deliveryNote' | 'statement';
    documentId: string;
    number: string;
    revision?: number;
    date: string | null;
  }>;
}

export interface OrderStatistics {
  periods: string[];
  rows: {
    product: { id: number; sku: string; name: string };
    currency: string;
    period: string;
    quantity: string | number;
    amount: string;
    previousQuantity: string | number;
    previousAmount: string;
  }[];
  topProducts: {
    product: { id: number; sku: string; name: string };
    currency: string;
    quantity: string | number;
    amount: string;
    previousQuantity: string | number;
    previousAmount: string;
  }[];
}

export interface StatisticsQuery {
  grain: 'month' | 'quarter' | 'year';
  from: string;
  to: string;
}

export interface FoundCustomer {
  documentId: string;
  code: string;
  name: string;
  shortName: string | null;
  region: string | null;
  grade: string;
}

export interface ContactEntry {
  direction: string;
  channel: string;
  kind: string;
  summary: string;
  outcome?: string;
  followUpDate?: string;
}

const base = (documentId: string) => `/workflows/customer-file/${encodeURIComponent(documentId)}`;
const CUSTOMERS = '/content-manager/collection-types/api::customer.customer';
const statisticsParams = (query: StatisticsQuery, format: 'json' | 'xlsx') =>
  new URLSearchParams({ grain: query.grain, from: query.from, to: query.to, format }).toString();

export const customerFileApi = (client: FetchClient) => ({
  file: async (documentId: string, pageSize = 20): Promise<CustomerFile> =>
    (await client.get<{ data: CustomerFile }>(`${base(documentId)}?pageSize=${pageSize}`)).data.data,

  statistics: async (documentId: string, query: StatisticsQuery): Promise<OrderStatistics> =>
    (await client.get<{ data: OrderStatistics }>(`${base(documentId)}/order-statistics?${statisticsParams(query, 'json')}`)).data.data,

  statisticsFile: (documentId: string, query: StatisticsQuery) =>
    fetchFile(client, `${base(documentId)}/order-statistics?${statisticsParams(query, 'xlsx')}`, 'order-statistics.xlsx'),

  /** The content manager's list search: the customer's code, name, short name, contacts and phones (src/customer-search). */
  find: async (query: string): Promise<FoundCustomer[]> =>
    (await client.get<{ results: FoundCustomer[] }>(`${CUSTOMERS}?page=1&pageSize=10&sort=name:ASC&_q=${encodeURIComponent(query)}`)).data
      .results,

  logContact: async (customerDocumentId: string, entry: ContactEntry): Promise<void> => {
    await client.post('/content-manager/collection-types/api::inquiry.inquiry', {
      ...entry,
      customer: { connect: [{ documentId: customerDocumentId }], disconnect: [] },
    });
  },

  /** A document of the file as a download, through the admin panel's own routes. */
  download: (kind: 'deliveryNote' | 'statementPdf' | 'statementXlsx', documentId: string, number: string) => {
    const id = encodeURIComponent(documentId);
    if (kind === 'deliveryNote') return fetchFile(client, `/workflows/shipment/${id}/delivery-note.pdf`, `${number}.pdf`);
    const format = kind === 'statementPdf' ? 'pdf' : 'xlsx';
    return fetchFile(client, `/workflows/statement/${id}/statement.${format}`, `${number}.${format}`);
  },
});
