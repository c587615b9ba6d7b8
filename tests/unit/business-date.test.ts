import { dateTimeIn } from '../../src/domain/business-date';

describe('dateTimeIn', () => {
  it('gives the wall-clock time in the zone, to the second, midnight as 00', () => {
    expect(dateTimeIn('Asia/Shanghai', new Date('2026-12-31T16:00:00.999Z'))).toBe('2027-01-01 00:00:00');
    expect(dateTimeIn('Asia/Shanghai', new Date('2026-03-05T03:04:05Z'))).toBe('2026-03-05 11:04:05');
    expect(dateTimeIn('UTC', new Date('2026-03-05T23:59:59Z'))).toBe('2026-03-05 23:59:59');
  });

  it('follows daylight saving where the zone has it', () => {
    expect(dateTimeIn('Europe/Berlin', new Date('2026-01-15T12:00:00Z'))).toBe('2026-01-15 13:00:00');
    expect(dateTimeIn('Europe/Berlin', new Date('2026-07-15T12:00:00Z'))).toBe('2026-07-15 14:00:00');
  });
});
