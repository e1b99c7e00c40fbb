// The team overview for the early-intervention team that `teamleder` (Tone) leads: cases,
// the share of meetings where a parent or the youth was recorded present, the average days from
// referral to the first meeting, and the share of action items done on time — aggregated, with no
// names, and every figure under five suppressed. The rows are written straight into the database,
// so the figures are known exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { today, testClock } from '../support/clock.ts';
import { teamLedBy, teamServingType } from '../support/factories.ts';

let t: TestApp;
let tone: Client;
const ids: Record<string, string> = {};
const DAY = 86_400_000;

const dayOffset = (n: number) => {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  tone = await signedIn(t.app, 'teamleder');
  const db = t.database.db;
  const staff = async (u: string) => (await db.selectFrom('staff_user').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
  const team = await teamLedBy(db, 'teamleder');
  // A team Tone does not lead and the test writes nothing for: the lower secondary schools' one.
  const other = await teamServingType(db, 'school_lower_secondary', 'early_intervention');
  Object.assign(ids, { team: team.id, teamName: team.name, other: other.id, tone: await staff('teamleder'), henrik: await staff('fagperson.skole') });
  const children = await db.selectFrom('person').select(['id', 'given_name', 'family_name']).where('kind', '=', 'child').limit(4).execute();
  const guardian = await db.selectFrom('guardianship').select('guardian_id').where('child_id', '=', children[0]!.id).executeTakeFirstOrThrow();
  ids.childName = children[0]!.given_name;

  const now = testClock.now().getTime();
  const referral = async (personId: string | null, status: 'accepted' | 'waiting', receivedDaysAgo: number) =>
    (await db.insertInto('referral').values({
      team_id: team.id, person_id: personId, source: 'professional', referred_by_staff_id: ids.henrik!, reason: 'Bekymring for trivsel',
      basis: personId ? 'family_present' : 'anonymous', status, received_at: new Date(now - receivedDaysAgo * DAY), ...(personId ? {} : { age_years: 9 }),
    }).returning('id').executeTakeFirstOrThrow()).id;
  const meetingFor = async (referralId: string, personId: string, startsDaysAgo: number, status: 'closed' | 'cancelled' | 'scheduled') => {
    const startsAt = new Date(now - startsDaysAgo * DAY);
    return (await db.insertInto('team_meeting').values({
      team_id: team.id, kind: 'case', referral_id: referralId, person_id: personId, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 3_600_000),
      place: 'Skolens møterom', chair_staff_id: ids.tone!, created_by: ids.tone!, status,
      ...(status === 'closed' ? { closed_at: new Date(startsAt.getTime() + 3_600_000), closed_by: ids.tone! } : {}),
    }).returning('id').executeTakeFirstOrThrow()).id;
  };

  // Three accepted referrals (cases), one waiting, one anonymous discussion.
  const a = await referral(children[0]!.id, 'accepted', 30);
  const b = await referral(children[1]!.id, 'accepted', 20);
  const c = await referral(children[2]!.id, 'accepted', 10);
  await referral(children[3]!.id, 'waiting', 2);
  await referral(null, 'accepted', 5);
  // A: first meeting 5 days after the referral; B: a cancelled meeting after 2 days does not count,
  // the first held one is 10 days after. C: no meeting yet.
  void c;
  await meetingFor(b, children[1]!.id, 18, 'cancelled');
  // Twelve held meetings with a guardian invited: at six the guardian came, at the other six the
  // guardian was absent, sent apologies or was never recorded — invitations are not attendance.
  const attendance = ['present', 'present', 'present', 'present', 'present', 'present', 'absent', 'absent', 'apologies', 'apologies', null, null] as const;
  const held: string[] = [];
  for (const [i, attended] of attendance.entries()) {
    const m = await meetingFor(i === 0 ? a : b, (i === 0 ? children[0]! : children[1]!).id, i === 0 ? 25 : 10 - i * 0.5, 'closed');
    held.push(m);
    await db.insertInto('meeting_participant').values([
      { meeting_id: m, staff_user_id: ids.tone!, role: 'chair', attendance: 'present' },
      { meeting_id: m, person_id: guardian.guardian_id, role: 'guardian', attendance: attended },
    ]).execute();
  }
  // Items: six done on time and one done late (the seven measured); one open and not yet due.
  await db.insertInto('action_item').values([
    ...[1, 2, 3, 4, 5, 6].map((n) => ({ meeting_id: held[0]!, position: n, what: `Tiltak ${n}`, owner_staff_id: ids.henrik!, due_on: dayOffset(-20), status: 'done' as const, done_on: dayOffset(-21) })),
    { meeting_id: held[1]!, position: 1, what: 'Samtale med helsesykepleier', owner_staff_id: ids.henrik!, due_on: dayOffset(-15), status: 'done', done_on: dayOffset(-12) },
    { meeting_id: held[1]!, position: 2, what: 'Evaluere', owner_staff_id: ids.henrik!, due_on: dayOffset(14) },
  ]).execute();
  // One family's rating: never shown to the team's leader on its own.
  await db.insertInto('meeting_rating').values({ meeting_id: held[0]!, person_id: guardian.guardian_id, felt_heard: 4, useful: 5 }).execute();
});
afterAll(async () => {
  await t?.close();
});

describe('the team overview', () => {
  it('shows the team\'s leader the figures for her team, small ones suppressed', async () => {
    const response = await tone.get(`/api/teams/${ids.team}/overview`);
    expect(response.statusCode).toBe(200);
    const fewer = { suppressed: 'small', fewerThan: 5 };
    expect(response.json()).toEqual({
      team: { id: ids.team, name: ids.teamName, kind: 'early_intervention' },
      // Three cases: fewer than five.
      cases: fewer,
      // Twelve held, six with a guardian actually present (not the twelve invited).
      meetingsHeld: { value: 12 },
      meetingsWithFamily: { value: 6 },
      familyPresentShare: { value: 0.5 },
      // Two referrals reached a meeting: too few for their average to be shown.
      referralsWithMeeting: fewer,
      averageDaysToFirstMeeting: fewer,
      // Seven items measured, one late: the one late is hidden, and so is the six on time, or
      // seven minus six would give it away.
      actionItemsMeasured: { value: 7 },
      actionItemsOnTime: { suppressed: 'secondary' },
      actionItemsOnTimeShare: { suppressed: 'secondary' },
      // One family's answer is never shown on its own.
      ratings: { count: fewer, feltHeard: fewer, useful: fewer },
    });
    // Aggregated: no child is named.
    expect(response.body).not.toContain(ids.childName);
  });

  it('lists the overviews of the teams she leads', async () => {
    const mine = (await tone.get('/api/teams/overviews')).json().overviews;
    expect(mine.map((o: { team: { name: string } }) => o.team.name)).toEqual([ids.teamName]);
  });

  it('shows the SBU coordinator every team, and nobody else', async () => {
    const sbu = await signedIn(t.app, 'sbu.koordinator');
    expect((await sbu.get(`/api/teams/${ids.team}/overview`)).json().meetingsHeld).toEqual({ value: 12 });
    // Every active team of her municipality, as many as the database holds (the demo's, and any another test made).
    const { municipality_id } = await t.database.db.selectFrom('staff_user').select('municipality_id').where('username', '=', 'sbu.koordinator').executeTakeFirstOrThrow();
    const active = await t.database.db.selectFrom('team').select('id').where('municipality_id', '=', municipality_id).where('active', '=', true).execute();
    expect(active.length).toBeGreaterThan(1);
    const listed = (await sbu.get('/api/teams/overviews')).json().overviews.map((o: { team: { id: string } }) => o.team.id);
    expect(listed.sort()).toEqual(active.map((a) => a.id).sort());
    expect((await tone.get(`/api/teams/${ids.other}/overview`)).statusCode).toBe(403);
    for (const username of ['analytiker', 'administrator', 'fagperson.skole', 'teammedlem']) {
      const other = await signedIn(t.app, username);
      expect((await other.get(`/api/teams/${ids.team}/overview`)).statusCode, username).toBe(403);
    }
    const sofie = await signedIn(t.app, 'forelder');
    expect((await sofie.get(`/api/teams/${ids.team}/overview`)).statusCode).toBe(403);
  });

  it('shows empty figures, not zeros made up, for a team with nothing yet', async () => {
    const sbu = await signedIn(t.app, 'sbu.koordinator');
    const empty = (await sbu.get(`/api/teams/${ids.other}/overview`)).json();
    expect(empty).toMatchObject({ cases: { value: 0 }, familyPresentShare: null, averageDaysToFirstMeeting: null, actionItemsOnTimeShare: null, ratings: { count: { value: 0 }, feltHeard: null } });
  });
});
