// Item 15: the suite failed every morning before 09:00 UTC because the intake's waiting time
// counted elapsed 24-hour periods. A team leader means calendar days in Norway. The app runs on an
// injected clock, so the same demo referral is read at 00:30 and at 23:30 Oslo time on one day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../server/infra/clock.ts';
import { signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { today } from '../support/clock.ts';

/** The instant at a wall-clock time in Oslo on a date (CET or CEST, whichever applies then). */
function osloInstant(date: string, time: string): Date {
  for (const offset of ['+01:00', '+02:00']) {
    const at = new Date(`${date}T${time}:00${offset}`);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', dateStyle: 'short', timeStyle: 'short' }).format(at);
    if (local === `${date} ${time}`) return at;
  }
  throw new Error(`${date} ${time} does not exist in Oslo`);
}

const day = today();
const clock = new FixedClock(osloInstant(day, '00:30'));
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20, clock });
});
afterAll(async () => {
  await t?.close();
});

describe('the intake counts waiting in calendar days in Oslo', { tags: ['calendar'] }, () => {
  // The demo referral arrived three days before the demo's reference date, at 09:00 UTC.
  const waitingDays = async () => {
    const { team_id } = await t.database.db.selectFrom('referral').select('team_id').executeTakeFirstOrThrow();
    const leader = await signedIn(t.app, 'teamleder');
    const response = await leader.get(`/api/teams/${team_id}/intake`);
    expect(response.statusCode).toBe(200);
    return response.json().referrals[0].waitingDays;
  };

  it('says three days just after midnight, before the hour it arrived', async () => {
    clock.set(osloInstant(day, '00:30'));
    expect(await waitingDays()).toBe(3);
  });

  it('still says three days late in the evening of the same day', async () => {
    clock.set(osloInstant(day, '23:30'));
    expect(await waitingDays()).toBe(3);
  });

  it('says four days once the next day has begun in Oslo', async () => {
    clock.set(new Date(osloInstant(day, '23:30').getTime() + 3_600_000));
    expect(await waitingDays()).toBe(4);
  });
});
