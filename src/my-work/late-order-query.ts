/**
 * The open orders late on a day, in SQL: the three conditions of `latenessOf` (src/domain/my-work.ts)
 * — promised date passed, planned finish overrun while planned, promised after the customer's
 * required date (two columns compared, which the Query Engine cannot) — so only late orders are
 * read; `latenessOf` then names each one's reasons. The work list and the late-order watch share it.
 */
import type { Core } from '@strapi/strapi';
import { OPEN_ORDER_STATES, PLANNED_STATES } from '../domain/my-work';
import { metaOf } from '../platform/table-meta';
import { ORDER } from '../platform/uids';

/** The ids of the orders late on `day` (YYYY-MM-DD), as a query the caller may order and limit; with the promised date's column. */
export const lateOrderIds = (strapi: Core.Strapi, day: string) => {
  const o = metaOf(strapi, ORDER);
  const [state, promised, planned, required] = ['state', 'promisedDate', 'plannedFinish', 'requiredDate'].map(o.column);
  const query = strapi.db
    .connection(o.table)
    .select('id')
    .whereIn(state, [...OPEN_ORDER_STATES])
    .andWhere((late) =>
      late
        .where(promised, '<', day)
        .orWhere((overrun) => overrun.where(planned, '<', day).whereIn(state, [...PLANNED_STATES]))
        .orWhereRaw(`${required} < ${promised}`)
    );
  return { query, promised };
};
