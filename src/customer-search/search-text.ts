/**
 * Finding a customer during a phone call (src/domain/customer-search.ts says what is searched):
 * the customer's `searchText` column, written by the server after every write of the customer
 * (src/guards/customer-guard.ts calls `refreshSearchText` in the write's transaction, for REST, the
 * content manager's saves and clones, and our own services alike), filled at start for rows that
 * have none, and the customer lists' search (`_q`) made a search of that column, where a phone
 * typed with separators is looked for by its digits.
 */
import type { Core } from '@strapi/strapi';
import { customerSearchText, searchTermOf, SearchedCustomer } from '../domain/customer-search';
import { metaOf } from '../platform/table-meta';
import { CUSTOMER } from '../platform/uids';

type Knex = Core.Strapi['db']['connection'];

/** The name of the trigram index on PostgreSQL (database/versions/0008-customer-search-index.ts). */
export const SEARCH_INDEX = 'customers_search_text_trgm';

const SEARCHED_FIELDS = ['id', 'code', 'name', 'shortName', 'searchText'];

type StoredCustomer = SearchedCustomer & { id: number; searchText?: string | null };

const writeTexts = (strapi: Core.Strapi, trx: Knex, rows: { id: number; text: string }[]) => {
  const { table, column } = metaOf(strapi, CUSTOMER);
  return Promise.all(
    rows.map(({ id, text }) =>
      trx(table)
        .where({ id })
        .update({ [column('searchText')]: text })
    )
  );
};

/**
 * Computes the customer's search text from what is stored (after the write, so whatever the client
 * sent — a whole admin form, a REST PUT of some fields, a clone — what counts is the result) and
 * writes it when it changed, in the caller's transaction. Answers the text.
 */
export const refreshSearchText = async (strapi: Core.Strapi, documentId: string): Promise<string | null> => {
  const customer = (await strapi.db.query(CUSTOMER).findOne({
    where: { documentId },
    select: SEARCHED_FIELDS,
    populate: { contacts: { select: ['name', 'phone', 'email'] } },
  })) as StoredCustomer | null;
  if (!customer) return null;
  const text = customerSearchText(customer);
  if (text !== customer.searchText) {
    await strapi.db.transaction(({ trx }) => writeTexts(strapi, trx, [{ id: customer.id, text }]));
  }
  return text;
};

const FILL_CHUNK = 500;

/**
 * Fills the search text of the customers that have none: rows from before the column existed, or
 * written around the Document Service. Run at every start; a database where every customer has one
 * costs one query. Done here rather than in a schema version, because a version imports nothing of
 * src/ and the text must be the one the domain function computes, not a copy of it in SQL.
 */
export const fillMissingSearchTexts = async (strapi: Core.Strapi): Promise<number> => {
  let filled = 0;
  for (;;) {
    const customers = (await strapi.db.query(CUSTOMER).findMany({
      where: { searchText: { $null: true } },
      select: SEARCHED_FIELDS,
      populate: { contacts: { select: ['name', 'phone', 'email'] } },
      orderBy: { id: 'asc' },
      limit: FILL_CHUNK,
    })) as StoredCustomer[];
    if (customers.length === 0) return filled;
    await strapi.db.transaction(({ trx }) =>
      writeTexts(
        strapi,
        trx,
        customers.map((customer) => ({ id: customer.id, text: customerSearchText(customer) }))
      )
    );
    filled += customers.length;
  }
};

/**
 * In filters on `searchText` (`filters[searchText][$containsi]=…`, also inside `$and`/`$or`/`$not`),
 * the term as the search text holds it (`searchTermOf`), and `$containsi` as `$contains`: both
 * sides are lowercase, and Strapi writes `$containsi` as `LOWER(CAST(col AS VARCHAR)) LIKE …` on
 * PostgreSQL, which no index serves, but `$contains` as `col LIKE …`, which the trigram index does.
 */
const normalizeFilters = (filters: unknown): void => {
  if (Array.isArray(filters)) return filters.forEach(normalizeFilters);
  if (!filters || typeof filters !== 'object') return;
  for (const [key, value] of Object.entries(filters as Record<string, unknown>)) {
    if (key === 'searchText' && value && typeof value === 'object') {
      const conditions = value as Record<string, unknown>;
      for (const operator of ['$contains', '$containsi']) {
        const term = conditions[operator];
        if (typeof term !== 'string') continue;
        delete conditions[operator];
        conditions.$contains = searchTermOf(term);
      }
    } else if (key.startsWith('$')) {
      normalizeFilters(value);
    }
  }
};

/**
 * Customer lists, in the content manager and over REST: the list search (`_q`) looks into the
 * search text only — code, names, contacts — as one `search_text LIKE '%term%'` (with the trigram
 * index on PostgreSQL), instead of Strapi's `ILIKE` over every text column of the customer (region,
 * address, notes …), which no index serves: on 12,000 customers a REST search took 120–350 ms on
 * PostgreSQL and 50–85 ms on SQLite that way, 12–35 ms and 20–26 ms this way (`npm run bench -- search`). A term that looks like a phone number is looked for by its digits
 * (`searchTermOf`). Filters on `searchText` are read likewise (`normalizeFilters`); other filters
 * (region, grade …) apply as sent, together with the search.
 */
export const searchCustomersBySearchText = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (ctx, next) => {
    const params = ctx.params as { _q?: unknown; filters?: unknown } | undefined;
    if (ctx.uid === CUSTOMER && params) {
      normalizeFilters(params.filters);
      if (typeof params._q === 'string') {
        const term = searchTermOf(params._q);
        delete params._q;
        if (term !== '') {
          const search = { searchText: { $contains: term } };
          params.filters = params.filters ? { $and: [params.filters, search] } : search;
        }
      }
    }
    return next();
  });
};

/** On PostgreSQL, says once at start when the trigram index is missing (pg_trgm could not be created): searches then scan. */
export const checkSearchIndex = async (strapi: Core.Strapi): Promise<void> => {
  if (strapi.db.dialect.client !== 'postgres') return;
  const { rows } = (await strapi.db.connection.raw('SELECT 1 FROM pg_indexes WHERE indexname = ?', [SEARCH_INDEX])) as {
    rows: unknown[];
  };
  if (rows.length === 0) {
    strapi.log.warn(
      `Customer search: no trigram index ${SEARCH_INDEX} (the pg_trgm extension could not be created), so searches scan the customers. ` +
        'See database/README.md to add it.'
    );
  }
};
