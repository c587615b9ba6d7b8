/**
 * The content manager's relation picker (an order's, a contract's, a complaint's … customer) finds a
 * customer as the customer list does: by the search text (src/domain/customer-search.ts: name, short
 * name, code, contacts, phone by its digits). Strapi's picker search (`GET
 * /content-manager/relations/:model/:targetField?_q=…`) looks only into the picked type's main field
 * (the name), with a database query the Document Service middleware never sees; so the plugin's
 * `findAvailable` action gets the search as a filter on `searchText` instead (the action then checks
 * the filter against the reader's permissions as any other).
 */
import type { Core } from '@strapi/strapi';
import { searchTermOf } from '../domain/customer-search';
import { CUSTOMER } from '../platform/uids';

type Action = (this: unknown, ctx: Koa) => Promise<unknown>;
interface Koa {
  params: { model?: string; targetField?: string };
  request: { query: Record<string, unknown> };
}
export interface ContentManagerServer {
  controllers: { relations: { findAvailable: Action } };
}

const picksCustomer = (strapi: Core.Strapi, { model, targetField }: Koa['params']): boolean => {
  if (!model || !targetField) return false;
  const attributes = strapi.getModel(model as Parameters<Core.Strapi['getModel']>[0])?.attributes as
    Record<string, { target?: string }> | undefined;
  return attributes?.[targetField]?.target === CUSTOMER;
};

export const searchCustomersInRelationPicker = (plugin: ContentManagerServer): void => {
  const findAvailable = plugin.controllers.relations.findAvailable;
  plugin.controllers.relations.findAvailable = async function (this: unknown, ctx: Koa) {
    const { _q: search, ...query } = ctx.request.query;
    if (typeof search === 'string' && picksCustomer(strapi, ctx.params)) {
      const term = searchTermOf(search);
      const bySearchText = { searchText: { $contains: term } };
      ctx.request.query =
        term === '' ? query : { ...query, filters: query.filters ? { $and: [query.filters, bySearchText] } : bySearchText };
    }
    return findAvailable.call(this, ctx);
  };
};
