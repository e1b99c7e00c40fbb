// Statements per request, by construction: the hot paths send a fixed number of statements to the
// database whatever the size of the data they read. Each request is measured with a little data (3
// rows) and again with ten times as much (30 rows); a query per row (a round trip per referral, per
// child or per audit row) makes the second count larger and fails the test. docs/performance.md
// has the counts the benchmark measured.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertVersion } from '../../server/modules/catalogue/queries.ts';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { daysFromToday } from '../support/clock.ts';

let t: TestApp;
let statements = 0;
let municipalityId: string;

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20, onStatement: () => statements++ });
  municipalityId = (await t.database.db.selectFrom('municipality').select('id').orderBy('created_at').limit(1).executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await t?.close();
});

/** The statements one request sends (it must succeed). */
async function counted(send: () => Promise<{ statusCode: number; body: string }>): Promise<number> {
  const before = statements;
  const response = await send();
  expect(response.statusCode, response.body).toBeLessThan(300);
  return statements - before;
}

const id = async (table: 'staff_user', column: 'username', value: string) =>
  (await t.database.db.selectFrom(table).select('id').where(column, '=', value).executeTakeFirstOrThrow()).id;

describe('statements per request do not grow with the data', () => {
  it('Min side: the same count for a family of 3 children and of 30', async () => {
    const db = t.database.db;
    // A guardian of our own, so the demo families stay as they are for the other tests.
    const guardian = (await db.insertInto('person').values({ municipality_id: municipalityId, given_name: 'Trine', family_name: 'Telle', birth_date: '1985-03-01', kind: 'adult' }).returning('id').executeTakeFirstOrThrow()).id;
    await db.insertInto('citizen_account').values({ person_id: guardian, username: 'statements.guardian' }).execute();
    const addChildren = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const child = (await db.insertInto('person').values({ municipality_id: municipalityId, given_name: `Barn${i}`, family_name: 'Telle', birth_date: '2018-05-01', kind: 'child' }).returning('id').executeTakeFirstOrThrow()).id;
        await db.insertInto('guardianship').values({ child_id: child, guardian_id: guardian, relation: 'mother', parental_responsibility: true }).execute();
      }
    };
    const citizen = await signedIn(t.app, 'statements.guardian');
    await addChildren(3);
    const small = await counted(() => citizen.get('/api/people'));
    await addChildren(27);
    const large = await counted(() => citizen.get('/api/people'));
    expect((await citizen.get('/api/people')).json().people).toHaveLength(31);
    expect(large).toBe(small);
  });

  it('the intake queue: the same count for 3 waiting referrals and for 30', async () => {
    const db = t.database.db;
    const leader = await id('staff_user', 'username', 'teamleder');
    const referrer = await id('staff_user', 'username', 'fagperson.skole');
    const team = (await db.selectFrom('team').select('id').where('leader_staff_user_id', '=', leader).where('kind', '=', 'early_intervention').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
    const waiting = (await db.selectFrom('referral').select(sql<number>`count(*)::int`.as('n')).where('team_id', '=', team).where('status', 'in', ['waiting', 'more_info', 'accepted']).executeTakeFirstOrThrow()).n;
    // Thirty children of the test's own, so no other test's children (or their referrals) are counted.
    const children = (await db.insertInto('person').values(Array.from({ length: 30 }, (_, i) => ({
      municipality_id: municipalityId, given_name: `Henvist${i}`, family_name: 'Telle', birth_date: '2016-05-01', kind: 'child' as const, area: 'Nord',
    }))).returning('id').execute()).map((r) => r.id);
    const refer = async (from: number, to: number) => {
      for (const child of children.slice(from, to)) {
        await db.insertInto('referral').values({ team_id: team, person_id: child, source: 'professional', referred_by_staff_id: referrer, reason: 'Uro i timene', basis: 'family_present' }).execute();
      }
    };
    const tone = await signedIn(t.app, 'teamleder');
    await refer(0, 3);
    const small = await counted(() => tone.get(`/api/teams/${team}/intake`));
    await refer(3, 30);
    const large = await counted(() => tone.get(`/api/teams/${team}/intake`));
    expect((await tone.get(`/api/teams/${team}/intake`)).json().referrals).toHaveLength(waiting + 30);
    expect(large).toBe(small);
  });

  it('the catalogue search: the same count with 3 more published services and with 30 more', async () => {
    const db = t.database.db;
    const publish = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const texts = { name: `Telletjeneste ${i}`, summary: 'Hjelp til familier med småbarn.', audienceText: 'Familier.', howTo: 'Ring oss.', cost: 'Gratis.', openingHours: 'Hverdager.', location: 'Rådhuset.', keywords: 'familie, søvn' };
        const service = (await db.insertInto('catalogue_service').values({ municipality_id: municipalityId, slug: `telletjeneste-${i}`, latest_version: 1, published_version: 1 }).returning('id').executeTakeFirstOrThrow()).id;
        await insertVersion(db, service, 1, {
          ageFrom: 0, ageTo: 18, audiences: ['next_of_kin'], situations: ['small_children'], lowThreshold: true, phone: null, email: null, url: null, address: null,
          rules: { suggestWhen: [] }, changeNote: null, texts: { nb: texts, nn: texts, en: texts },
        }, null);
      }
    };
    const visitor = await signedIn(t.app, 'forelder');
    // The first search after a publication may rebuild what search needs; count the ones after it.
    const search = async () => {
      await visitor.get('/api/catalogue/services?q=familie+sovn');
      return counted(() => visitor.get('/api/catalogue/services?q=familie+sovn'));
    };
    // The vocabulary is kept between searches, and a publication renews it at once.
    const corrected = async () => (await visitor.get('/api/catalogue/services?q=telletjenste')).json().alsoSearchedFor;
    expect(await corrected()).toEqual([]);
    await publish(0, 3);
    expect(await corrected()).toEqual(['telletjeneste']);
    const small = await search();
    await publish(3, 30);
    const large = await search();
    expect((await visitor.get('/api/catalogue/services?q=telletjeneste')).json().services.length).toBeGreaterThanOrEqual(30);
    expect(large).toBe(small);
  });

  it('a relay-log entry: the same count when the log holds 3 entries and when it holds 30', async () => {
    const db = t.database.db;
    // An open case whose relay holder may write in it: one the demo gives a consent in force.
    const today = daysFromToday(0);
    const found = await sql<{ case_id: string; username: string; category: string }>`
      SELECT c.id AS case_id, s.username, co.categories[1] AS category
        FROM help_case c JOIN staff_user s ON s.id = c.relay_holder_id
        JOIN consent co ON co.subject_id = c.person_id AND co.withdrawn_at IS NULL AND co.valid_from <= ${today} AND co.valid_to >= ${today}
       WHERE c.closed_at IS NULL ORDER BY c.id LIMIT 1`.execute(db);
    const target = found.rows[0]!;
    const holder: Client = await signedIn(t.app, target.username);
    const holderId = await id('staff_user', 'username', target.username);
    const fill = async (total: number) => {
      const have = (await db.selectFrom('relay_log_entry').select(sql<number>`count(*)::int`.as('n')).where('case_id', '=', target.case_id).executeTakeFirstOrThrow()).n;
      for (let i = have; i < total; i++) {
        await db.insertInto('relay_log_entry').values({ case_id: target.case_id, entry_key: randomUUID(), version: 1, kind: 'strength', category: target.category, title: `Innførsel ${i}`, author_staff_id: holderId }).execute();
      }
    };
    const write = () => counted(() => holder.post(`/api/cases/${target.case_id}/entries`, { kind: 'strength', category: target.category, title: 'Hadde en god dag', body: 'Var med i leken.' }));
    await fill(3);
    const small = await write();
    await fill(30);
    const large = await write();
    expect(large).toBe(small);
  });
});
