// The Norwegian calendar date of an instant: the day turns at Oslo's midnight, winter and summer,
// and on the days the clocks change; osloDate remembers its last answer for an hour, so these
// instants are asked in an order that would reuse a stale answer if the hour were wrong.
import { describe, expect, it } from 'vitest';
import { osloDate } from '../../common/dates.ts';

describe('osloDate', () => {
  it('turns the day at midnight in Oslo, in winter time and in summer time', () => {
    expect(osloDate(new Date('2026-12-01T22:59:59.999Z'))).toBe('2026-12-01');
    expect(osloDate(new Date('2026-12-01T23:00:00.000Z'))).toBe('2026-12-02');
    expect(osloDate(new Date('2026-12-01T22:30:00.000Z'))).toBe('2026-12-01');
    expect(osloDate(new Date('2026-06-30T21:59:59.999Z'))).toBe('2026-06-30');
    expect(osloDate(new Date('2026-06-30T22:00:00.000Z'))).toBe('2026-07-01');
    expect(osloDate(new Date('2026-06-30T21:00:00.000Z'))).toBe('2026-06-30');
  });

  it('follows the clock changes of March and October', () => {
    // 29 March 2026: 02:00 winter time becomes 03:00 summer time (01:00 UTC).
    expect(osloDate(new Date('2026-03-28T22:59:59.999Z'))).toBe('2026-03-28');
    expect(osloDate(new Date('2026-03-28T23:00:00.000Z'))).toBe('2026-03-29');
    expect(osloDate(new Date('2026-03-29T21:59:59.999Z'))).toBe('2026-03-29');
    expect(osloDate(new Date('2026-03-29T22:00:00.000Z'))).toBe('2026-03-30');
    // 25 October 2026: 03:00 summer time becomes 02:00 winter time (01:00 UTC).
    expect(osloDate(new Date('2026-10-24T21:59:59.999Z'))).toBe('2026-10-24');
    expect(osloDate(new Date('2026-10-24T22:00:00.000Z'))).toBe('2026-10-25');
    expect(osloDate(new Date('2026-10-25T22:59:59.999Z'))).toBe('2026-10-25');
    expect(osloDate(new Date('2026-10-25T23:00:00.000Z'))).toBe('2026-10-26');
  });

  it('refuses an instant that is not one', () => {
    expect(() => osloDate(new Date('not a date'))).toThrow(RangeError);
  });
});
