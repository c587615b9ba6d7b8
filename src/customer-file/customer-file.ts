/**
 * The customer file (客户档案) over HTTP, the same for REST (`GET /api/customers/:documentId/file`)
 * and the admin panel (`GET /workflows/customer-file/:documentId`): the sections the caller's roles
 * may read (src/domain/customer-file.ts), each computed in SQL (./file-sections.ts), the long lists
 * paged by `page` and `pageSize` (open orders, contracts, complaints, contact log, opinions, needs,
 * documents). Sections the caller may not read are absent, not empty.
 */
import type { Core } from '@strapi/strapi';
import { dateIn } from '../domain/business-date';
import { DEFAULT_PAGE_SIZE, documentKinds, FileReader, fileSections, MAX_PAGE_SIZE, mayRead } from '../domain/customer-file';
import { creditRecord } from '../cash-collection/credit-control';
import { currentActor } from '../platform/actor';
import type { Endpoint } from '../platform/endpoint';
import { declareQuery, QueryValues, wholeNumber } from '../platform/query-input';
import { reportTimeZone } from '../platform/settings';
import {
  agingOf,
  averageDaysLate,
  complaintList,
  contactLog,
  contactPersons,
  contracts,
  documentList,
  FileContext,
  headerSection,
  lastPayments,
  lastStatements,
  needList,
  opinionList,
  openOrders,
} from './file-sections';
import { noSuchDocument } from '../platform/errors';
import { CUSTOMER } from '../platform/uids';

export const MAX_PAGE = 100_000;

/** The file's query: which page of its long lists (orders, contracts, complaints, contact log, documents). */
export const customerFileQuery = () =>
  declareQuery({
    page: wholeNumber(1, MAX_PAGE, 1),
    pageSize: wholeNumber(1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
  });
export type CustomerFileQuery = QueryValues<ReturnType<typeof customerFileQuery>>;

/** Runs the parts a reader may see, side by side; a part not seen is left out of the object. */
const present = async <T extends Record<string, (() => Promise<unknown>) | false>>(
  parts: T
): Promise<{ [K in keyof T]?: T[K] extends () => Promise<infer R> ? R : never }> => {
  const entries = Object.entries(parts).filter((entry): entry is [string, () => Promise<unknown>] => entry[1] !== false);
  const values = await Promise.all(entries.map(([, read]) => read()));
  return Object.fromEntries(entries.map(([key], i) => [key, values[i]])) as never;
};

/** The customer file as `reader` may see it, or a 404 when no customer has the documentId. */
export const customerFile = async (
  strapi: Core.Strapi,
  documentId: string,
  reader: FileReader,
  query: CustomerFileQuery,
  now: Date = new Date()
) => {
  const timeZone = reportTimeZone(strapi);
  const today = dateIn(timeZone, now);
  // The row's id first (by the documentId index), so the header is read side by side with the sections.
  const customer = await strapi.db.query(CUSTOMER).findOne({ where: { documentId }, select: ['id'] });
  if (!customer) throw noSuchDocument('customer');
  const context: FileContext = { strapi, customerId: customer.id, documentId, today, now, timeZone, page: query };
  const sections = fileSections(reader);
  const shows = (section: string) => (sections as string[]).includes(section);
  const may = (record: Parameters<typeof mayRead>[1]) => mayRead(reader, record);
  const kinds = documentKinds(reader);
  const { header: found, ...read } = await present({
    header: () => headerSection(strapi, documentId, today),
    orders:
      shows('orders') && (() => present({ open: () => openOrders(context), contracts: may('contract') && (() => contracts(context)) })),
    money:
      shows('money') &&
      (() =>
        present({
          aging: () => agingOf(context),
          payments: may('payment') && (() => lastPayments(context)),
          statements: may('statement') && (() => lastStatements(context)),
          paymentBehaviour: () => averageDaysLate(context),
        })),
    credit: shows('credit') && (async () => creditRecord(strapi, documentId, now, customer.id)),
    complaints: shows('complaints') && (() => complaintList(context)),
    contacts:
      shows('contacts') && (() => present({ persons: () => contactPersons(context), log: may('inquiry') && (() => contactLog(context)) })),
    opinions: shows('opinions') && (() => opinionList(context)),
    needs: shows('needs') && (() => needList(context)),
    documents: shows('documents') && (() => documentList(context, kinds)),
  });
  return {
    documentId,
    asOf: today,
    sections,
    ...(shows('header') && found ? { header: found.header } : {}),
    ...read,
  };
};

/** The endpoint: REST's controller action and the admin route share it; the caller's roles come from their session. */
export const customerFileEndpoint = (strapi: Core.Strapi): Endpoint<ReturnType<typeof customerFileQuery>['parameters']> => ({
  query: customerFileQuery(),
  handle: async (_ctx, { params, query }) => {
    const actor = await currentActor(strapi);
    return { data: await customerFile(strapi, params.documentId, actor, query) };
  },
});
