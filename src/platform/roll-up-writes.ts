/**
 * What the roll-ups (./sales-facts.ts, ./receivable-facts.ts) share to follow the writes of their
 * base records: running in the caller's transaction (or a new one), reading in it when there is one,
 * and reading a database lifecycle event — the ids it wrote, the ids a bulk update or delete is
 * about to touch.
 */
import type { Core } from '@strapi/strapi';

export type Knex = Core.Strapi['db']['connection'];

/** The rows of a raw query's result: an array on SQLite, `{ rows }` on PostgreSQL. */
export const rowsOf = <Row>(result: unknown): Row[] => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows);

/**
 * The rows of a SELECT, read in the caller's transaction when there is one (it must see what the
 * step just wrote), else on the pool: a transaction opened for one read costs a BEGIN and a COMMIT,
 * two more round trips than the read.
 */
export const readRows = async <Row>(strapi: Core.Strapi, sql: string, bindings: readonly unknown[]): Promise<Row[]> =>
  rowsOf<Row>(
    strapi.db.inTransaction()
      ? await strapi.db.transaction(({ trx }) => trx.raw(sql, bindings as never))
      : await strapi.db.connection.raw(sql, bindings as never)
  );

/** Runs `work` in `knex` when given, else in a transaction (Strapi joins the caller's, if any). */
export const inTransaction = async (strapi: Core.Strapi, knex: Knex | undefined, work: (trx: Knex) => Promise<void>): Promise<void> => {
  if (knex) return work(knex);
  await strapi.db.transaction(({ trx }) => work(trx));
};

export interface LifecycleEvent {
  action?: string;
  model: { uid: string };
  params: { where?: Record<string, unknown>; data?: Record<string, unknown> };
  result?: { id?: number; ids?: number[] } | { id: number }[];
  state: Record<string, unknown>;
}

/** The row ids a create or update event wrote. */
export const idsOfResult = (event: LifecycleEvent): number[] => {
  const { result } = event;
  if (!result) return [];
  if (Array.isArray(result)) return result.map((row) => row.id);
  if (Array.isArray(result.ids)) return result.ids;
  return result.id !== undefined ? [result.id] : [];
};

/** The ids of the rows of `uid` a write's `where` matches (read before the write, while they still match). */
export const matchingIds = async (strapi: Core.Strapi, uid: string, where: Record<string, unknown> | undefined): Promise<number[]> =>
  (await strapi.db.query(uid).findMany({ where: where ?? {}, select: ['id'] })).map((row: { id: number }) => row.id);

/**
 * ANALYZE on PostgreSQL (a no-op on SQLite): tables just filled in bulk keep the planner's
 * statistics of the empty ones otherwise, and it would join a chunk by nested loops over whole
 * tables. Inside a transaction ANALYZE sees the rows written in it.
 */
export const analyze = async (strapi: Core.Strapi, knex: Knex, tables: string[]): Promise<void> => {
  if (strapi.db.dialect.client === 'postgres') await knex.raw(`ANALYZE ${tables.join(', ')}`);
};

export interface FollowedWrites {
  models: string[];
  /** The roll-up's keys (orders, receivables, products …) that the rows of `uid` with these ids concern. */
  concerned: (uid: string, ids: number[]) => Promise<number[]>;
  /** Brings the roll-up in step for these keys, in the writer's transaction. */
  resync: (keys: number[]) => Promise<void>;
  /** Only writes that set one of these attributes move a figure; others are not followed. */
  setting?: string[];
  /** Follow updates only (not creates and deletes). */
  updatesOnly?: boolean;
}

/**
 * Subscribes a roll-up to every Query Engine write of `models` — the Document Service, the
 * workflow engine and trusted server writes alike; the hooks run inside the writer's transaction.
 * Before an update or delete the keys concerned are remembered, while the rows still say so;
 * after it they and those of the rows written are resynced.
 */
export const followWrites = (strapi: Core.Strapi, { models, concerned, resync, setting, updatesOnly = false }: FollowedWrites): void => {
  const applies = (event: LifecycleEvent) => !setting || setting.some((attribute) => Object.hasOwn(event.params.data ?? {}, attribute));
  const remember = async (event: LifecycleEvent) => {
    if (event.action?.startsWith('beforeUpdate') && !applies(event)) return;
    event.state.concerned = await concerned(event.model.uid, await matchingIds(strapi, event.model.uid, event.params.where));
  };
  const remembered = (event: LifecycleEvent) => (event.state.concerned as number[] | undefined) ?? [];
  const written = async (event: LifecycleEvent) =>
    resync([...remembered(event), ...(await concerned(event.model.uid, idsOfResult(event)))]);
  const updated = async (event: LifecycleEvent) => (applies(event) ? written(event) : undefined);
  const bulk = async (event: LifecycleEvent) => resync(remembered(event));
  strapi.db.lifecycles.subscribe({
    models,
    beforeUpdate: remember,
    afterUpdate: updated,
    beforeUpdateMany: remember,
    afterUpdateMany: bulk,
    ...(updatesOnly
      ? {}
      : {
          afterCreate: written,
          afterCreateMany: written,
          beforeDelete: remember,
          afterDelete: bulk,
          beforeDeleteMany: remember,
          afterDeleteMany: bulk,
        }),
  });
};
