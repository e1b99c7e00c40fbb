// The clock the tests run on unless a test fixes its own (FixedClock): the system clock, which
// scripts/test-dates.sh moves with libfaketime to midnight, daylight-saving days, 29 February and
// New Year's Eve. Tests take "today" from here, never from `new Date()`.
import { addDays, osloDate } from '../../common/dates.ts';
import { systemClock, type Clock } from '../../server/infra/clock.ts';

export const testClock: Clock = systemClock;

/** Today's date in Oslo on the clock, as YYYY-MM-DD. */
export const today = (clock: Clock = testClock): string => osloDate(clock.now());

/** The Oslo date `n` days from today (negative: before). */
export const daysFromToday = (n: number, clock: Clock = testClock): string => addDays(today(clock), n);

/** A form's date as a Norwegian user types it (dd.mm.yyyy), `n` days from today in Oslo. */
export const typedDate = (n: number, clock: Clock = testClock): string => {
  const [y, m, d] = daysFromToday(n, clock).split('-');
  return `${d}.${m}.${y}`;
};
