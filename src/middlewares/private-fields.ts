/**
 * No private or secret field is sorted or filtered on, by any client: a REST request (`/api/...`)
 * or the admin panel's content manager (`/content-manager/...`) that sorts or filters on one — on
 * the record itself, through a relation (`salesperson.password`, `createdBy.email`) or inside a
 * populate — is refused with a 400 naming the parameter, before the route runs. Otherwise rows
 * would come back in the order of a password hash, or a token hash could be guessed by filtering.
 *
 * Private means `private: true` in the schema (passwords, reset and confirmation tokens, admin
 * users' e-mails, our link token hashes and expiries) or `visible: false`, plus the app's global
 * `api.responses.privateAttributes`. One middleware for every type, registered in
 * config/middlewares.ts after `strapi::query`. It also removes admin users' e-mails from the
 * content manager's `createdBy`/`updatedBy` in its answers, and (keepPrivateFieldsOutOfSearch) takes
 * private fields out of the `_q` search.
 */
import type { Core } from '@strapi/strapi';
import { USER } from '../platform/uids';
import { Worded } from '../domain/messages';
import { FieldProblem, fieldProblem } from '../domain/validation-error';
import { validationError } from '../platform/errors';

type Model = { uid?: string; info?: { pluralName?: string }; attributes: Record<string, Record<string, unknown>> };

/**
 * The content types, and a model by a name read from a request or a schema, as plain data walked by
 * field name (the generated schema types have no index by a name known only at run time).
 */
const contentTypes = (strapi: Core.Strapi) => strapi.contentTypes as unknown as Record<string, Model>;
const modelNamed = (strapi: Core.Strapi, uid: string): Model | undefined => (strapi.getModel as (uid: string) => Model | undefined)(uid);

type Problem = FieldProblem;

/** What a private field cannot be used for, in both languages. */
const USES = {
  sort: { en: 'sorted on', zh: '用于排序' },
  filter: { en: 'filtered on', zh: '用于筛选' },
} as const;

const OPERATORS_WITH_CHILDREN = new Set(['$and', '$or', '$not']);

/** Who created or last changed a record: the relation may be filtered on (by name), its private fields not. */
const CREATOR_FIELDS = new Set(['createdBy', 'updatedBy']);

const isPrivate = (strapi: Core.Strapi, model: Model, name: string) => {
  if (CREATOR_FIELDS.has(name)) return false;
  const attribute = model.attributes[name];
  const global = (strapi.config.get('api.responses.privateAttributes', []) as string[]) ?? [];
  return !!attribute && (attribute.private === true || attribute.visible === false || global.includes(name));
};

/** The model a relation or component attribute leads to. */
const nextModel = (strapi: Core.Strapi, attribute: Record<string, unknown> | undefined): Model | undefined => {
  if (!attribute) return undefined;
  if (attribute.type === 'relation' && typeof attribute.target === 'string') return modelNamed(strapi, attribute.target);
  if (attribute.type === 'component' && typeof attribute.component === 'string') return modelNamed(strapi, attribute.component);
  return undefined;
};

/** A dotted field path (`salesperson.password`): the first private step is a problem. */
const checkPath = (strapi: Core.Strapi, model: Model, fields: string[], parameter: string[], what: Worded, problems: Problem[]) => {
  let current: Model | undefined = model;
  for (const field of fields) {
    if (!current) return;
    if (isPrivate(strapi, current, field)) {
      problems.push(fieldProblem(parameter, 'query.private_field', { field: fields.join('.'), use: what }));
      return;
    }
    current = nextModel(strapi, current.attributes[field]);
  }
};

const checkSort = (strapi: Core.Strapi, model: Model, sort: unknown, parameter: string[], problems: Problem[]) => {
  if (sort === undefined || sort === null) return;
  if (typeof sort === 'string') {
    for (const item of sort.split(',')) {
      const field = item.trim().split(':')[0];
      if (field) checkPath(strapi, model, field.split('.'), parameter, USES.sort, problems);
    }
    return;
  }
  if (Array.isArray(sort)) {
    sort.forEach((item, index) => checkSort(strapi, model, item, [...parameter, String(index)], problems));
    return;
  }
  if (typeof sort === 'object') {
    for (const [field, value] of Object.entries(sort as Record<string, unknown>)) {
      if (isPrivate(strapi, model, field)) {
        problems.push(fieldProblem([...parameter, field], 'query.private_field', { field, use: USES.sort }));
      } else if (value && typeof value === 'object') {
        const target = nextModel(strapi, model.attributes[field]);
        if (target) checkSort(strapi, target, value, [...parameter, field], problems);
      }
    }
  }
};

const checkFilters = (strapi: Core.Strapi, model: Model, filters: unknown, parameter: string[], problems: Problem[]) => {
  if (!filters || typeof filters !== 'object') return;
  if (Array.isArray(filters)) {
    filters.forEach((item, index) => checkFilters(strapi, model, item, [...parameter, String(index)], problems));
    return;
  }
  for (const [key, value] of Object.entries(filters as Record<string, unknown>)) {
    if (OPERATORS_WITH_CHILDREN.has(key)) {
      checkFilters(strapi, model, value, [...parameter, key], problems);
    } else if (key.startsWith('$')) {
      continue; // an operator on the field above: its value is not a field
    } else if (isPrivate(strapi, model, key)) {
      problems.push(fieldProblem([...parameter, key], 'query.private_field', { field: key, use: USES.filter }));
    } else {
      const target = nextModel(strapi, model.attributes[key]);
      if (target) checkFilters(strapi, target, value, [...parameter, key], problems);
    }
  }
};

const checkPopulate = (strapi: Core.Strapi, model: Model, populate: unknown, parameter: string[], problems: Problem[]) => {
  if (!populate || typeof populate !== 'object' || Array.isArray(populate)) return;
  for (const [field, value] of Object.entries(populate as Record<string, unknown>)) {
    const target = nextModel(strapi, model.attributes[field]);
    if (!target || !value || typeof value !== 'object') continue;
    const nested = value as Record<string, unknown>;
    checkFilters(strapi, target, nested.filters, [...parameter, field, 'filters'], problems);
    checkSort(strapi, target, nested.sort, [...parameter, field, 'sort'], problems);
    checkPopulate(strapi, target, nested.populate, [...parameter, field, 'populate'], problems);
  }
};

/** The record type a request reads: `/api/<pluralName>/...` or the content manager's `/<uid>/...`. */
const modelOf = (strapi: Core.Strapi, path: string): Model | undefined => {
  const cm = path.match(/^\/content-manager\/(?:collection-types|single-types)\/([^/]+)/);
  if (cm) return contentTypes(strapi)[decodeURIComponent(cm[1])];
  const api = path.match(/^\/api\/([^/]+)/);
  if (!api) return undefined;
  if (api[1] === 'users') return contentTypes(strapi)[USER];
  return Object.values(contentTypes(strapi)).find((type) => type.uid?.startsWith('api::') && type.info?.pluralName === api[1]);
};

/**
 * What the content manager answers, without private fields: the record's own (the super admin's
 * permissions are not limited by field, so Strapi would show them) and admin users' e-mails in
 * `createdBy`/`updatedBy` wherever they appear.
 */
const dropPrivateFields = (strapi: Core.Strapi, model: Model, body: unknown) => {
  const records = (value: unknown): Record<string, unknown>[] =>
    Array.isArray(value) ? value : value && typeof value === 'object' ? [value as Record<string, unknown>] : [];
  const container = (body ?? {}) as Record<string, unknown>;
  for (const record of [...records(container.data), ...records(container.results)]) {
    for (const name of Object.keys(record)) if (!CREATOR_FIELDS.has(name) && isPrivate(strapi, model, name)) delete record[name];
  }
  const dropCreatorEmails = (value: unknown, depth: number): void => {
    if (!value || typeof value !== 'object' || depth > 6) return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (CREATOR_FIELDS.has(key) && child && typeof child === 'object') delete (child as Record<string, unknown>).email;
      else dropCreatorEmails(child, depth + 1);
    }
  };
  dropCreatorEmails(body, 0);
};

/**
 * Takes private fields out of the content manager's and REST's search (`_q`), which otherwise
 * looks into every text column, token hashes included: a search by prefix would guess them.
 * Called in register(), before the database reads the schemas.
 */
export const keepPrivateFieldsOutOfSearch = (strapi: Core.Strapi) => {
  for (const model of Object.values(contentTypes(strapi))) {
    for (const [name, attribute] of Object.entries(model.attributes)) if (isPrivate(strapi, model, name)) attribute.searchable = false;
  }
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { path: string; query: Record<string, unknown>; body: unknown }, next: () => Promise<void>) => {
    const model = ctx.path.startsWith('/api/') || ctx.path.startsWith('/content-manager/') ? modelOf(strapi, ctx.path) : undefined;
    if (model) {
      const problems: Problem[] = [];
      checkSort(strapi, model, ctx.query.sort, ['sort'], problems);
      checkFilters(strapi, model, ctx.query.filters, ['filters'], problems);
      checkPopulate(strapi, model, ctx.query.populate, ['populate'], problems);
      if (problems.length > 0) {
        throw validationError(problems);
      }
    }
    await next();
    if (model && ctx.path.startsWith('/content-manager/')) dropPrivateFields(strapi, model, ctx.body);
  };
