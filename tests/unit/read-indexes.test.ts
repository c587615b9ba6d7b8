/**
 * The late-order index (schema version 11) is partial: PostgreSQL uses it only when the late-order
 * query names the same open states, so the two must not drift apart.
 */
import { READ_INDEXES } from '../../database/versions/0011-read-indexes';
import { OPEN_ORDER_STATES } from '../../src/domain/my-work';

describe('read indexes', () => {
  it('keep the late orders’ partial index on exactly the open order states', () => {
    expect(READ_INDEXES.orders_open_promised_index).toBe(
      `orders (promised_date, id) WHERE state IN (${OPEN_ORDER_STATES.map((state) => `'${state}'`).join(', ')})`
    );
  });
});
