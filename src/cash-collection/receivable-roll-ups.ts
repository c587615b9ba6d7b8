/**
 * Everything derived from receivables and their allocations that is kept in the writers'
 * transactions: the dashboard's receivables roll-up (src/cash-collection/receivable-facts.ts) and the
 * month-end aging snapshots (./aging-snapshots.ts). `syncReceivableRollUps` brings both in step
 * for some receivables; `followReceivableChanges` calls it from the database lifecycle hooks of
 * every Query Engine write that can move a figure, and the payment service calls it after its
 * conditional UPDATEs, which fire no hooks.
 */
import type { Core } from '@strapi/strapi';
import { followWrites, inTransaction, Knex } from '../platform/roll-up-writes';
import { syncReceivableFacts } from './receivable-facts';
import { metaOf } from '../platform/table-meta';
import { syncAgingSnapshots } from './aging-snapshots';
import { ALLOCATION, CUSTOMER, RECEIVABLE } from '../platform/uids';

export const syncReceivableRollUps = async (strapi: Core.Strapi, receivableIds: number[], knex?: Knex): Promise<void> => {
  const ids = [...new Set(receivableIds.filter((id) => Number.isInteger(id)))];
  if (ids.length === 0) return;
  await inTransaction(strapi, knex, async (trx) => {
    await syncReceivableFacts(strapi, ids, trx);
    await syncAgingSnapshots(strapi, ids, trx);
  });
};

/** The receivables the rows of `uid` with these ids concern: themselves, an allocation's, a customer's. */
const receivablesOf = async (strapi: Core.Strapi, uid: string, ids: number[]): Promise<number[]> => {
  if (ids.length === 0) return [];
  if (uid === RECEIVABLE) return ids;
  const link = uid === ALLOCATION ? metaOf(strapi, ALLOCATION).link('receivable') : metaOf(strapi, RECEIVABLE).link('customer');
  const [of, receivable] = uid === ALLOCATION ? [link.owner, link.target] : [link.target, link.owner];
  return strapi.db.transaction(async ({ trx }) => {
    const rows: { id: unknown }[] = await trx(link.table).whereIn(of, ids).select({ id: receivable });
    return rows.map((row) => Number(row.id));
  });
};

/** Keeps the receivables roll-ups in step with every Query Engine write that can move a figure. */
export const followReceivableChanges = (strapi: Core.Strapi) => {
  const concerned = (uid: string, ids: number[]) => receivablesOf(strapi, uid, ids);
  const resync = (ids: number[]) => syncReceivableRollUps(strapi, ids);
  followWrites(strapi, { models: [RECEIVABLE, ALLOCATION], concerned, resync });
  // A customer's region and salesperson are copied into its figures; its other fields are not.
  followWrites(strapi, { models: [CUSTOMER], concerned, resync, setting: ['region', 'salesperson'] });
};
