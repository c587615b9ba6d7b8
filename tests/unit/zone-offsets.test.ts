import { offsetAt, offsetPeriods, startOfDay } from '../../src/domain/zone-offsets';

const HOUR = 3_600_000;

describe('zone offsets', () => {
  it('reads the offset of a zone at an instant', () => {
    expect(offsetAt('Asia/Shanghai', Date.parse('2026-01-01T00:00:00.750Z'))).toBe(8 * HOUR);
    expect(offsetAt('UTC', Date.parse('2026-07-01T12:00:00Z'))).toBe(0);
    expect(offsetAt('Europe/Berlin', Date.parse('2026-01-15T12:00:00Z'))).toBe(HOUR);
    expect(offsetAt('Europe/Berlin', Date.parse('2026-07-15T12:00:00Z'))).toBe(2 * HOUR);
    expect(offsetAt('America/St_Johns', Date.parse('2026-01-15T12:00:00Z'))).toBe(-3.5 * HOUR);
  });

  it('finds the instant a calendar day begins in the zone', () => {
    expect(startOfDay('Asia/Shanghai', '2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(startOfDay('UTC', '2026-03-01').toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(startOfDay('Europe/Berlin', '2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDay('Europe/Berlin', '2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDay('America/Los_Angeles', '2026-11-02').toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });

  it('takes the first instant after a daylight-saving jump at midnight', () => {
    // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September (2026-09-06), at 04:00 UTC.
    expect(startOfDay('America/Santiago', '2026-09-06').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('splits a range into periods of constant offset, each change to the millisecond', () => {
    expect(offsetPeriods('Asia/Shanghai', Date.parse('2024-01-01T00:00:00Z'), Date.parse('2027-01-01T00:00:00Z'))).toEqual([
      { from: null, offset: 8 * HOUR },
    ]);
    expect(offsetPeriods('Europe/Berlin', Date.parse('2026-01-01T00:00:00Z'), Date.parse('2026-12-31T00:00:00Z'))).toEqual([
      { from: null, offset: HOUR },
      { from: Date.parse('2026-03-29T01:00:00Z'), offset: 2 * HOUR },
      { from: Date.parse('2026-10-25T01:00:00Z'), offset: HOUR },
    ]);
  });
});
