// Round trips per request, by construction: a case read is at most six statements sent to the
// database — BEGIN and COMMIT among them — with its session lookup, its authorization, its audit row
// and its data; a relay-log write is bounded too, however many in the family it tells. A rule that
// loads the same fact twice, or a query added in a loop, makes the count larger and fails the test.
// The facts an access decision rests on are loaded once per request (server/modules/access/facts.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccessWorld, type AccessWorld } from '../support/access-fixture.ts';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';

let t: TestApp;
let world: AccessWorld;
let holder: Client;
const sent: string[] = [];

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 0, onStatement: (sql) => sent.push(sql) });
  world = await buildAccessWorld(t.database.db);
  holder = await signedIn(t.app, 't.professional');
});
afterAll(async () => {
  await t?.close();
});

/** The statements one request sends (it must succeed). */
async function statementsOf(send: () => Promise<{ statusCode: number; body: string }>): Promise<string[]> {
  const from = sent.length;
  const response = await send();
  expect(response.statusCode, response.body).toBeLessThan(300);
  return sent.slice(from);
}

const entry = (n: number) => ({ kind: 'agreement', category: 'development', title: `Notat ${n}`, body: 'Går fint i barnehagen.' });

describe('round trips', () => {
  it('a case read is at most 6 round trips, BEGIN and COMMIT included, whatever the size of the log', async () => {
    const path = `/api/people/${world.family.child}/case`;
    for (let i = 0; i < 3; i++) expect((await holder.post(`/api/cases/${world.family.caseId}/entries`, entry(i))).statusCode).toBe(201);
    const small = await statementsOf(() => holder.get(path));
    for (let i = 3; i < 30; i++) expect((await holder.post(`/api/cases/${world.family.caseId}/entries`, entry(i))).statusCode).toBe(201);
    const large = await statementsOf(() => holder.get(path));
    expect(large.length).toBe(small.length);
    expect(small.filter((statement) => /^(begin|commit)$/i.test(statement.trim())), 'the transaction is counted').toHaveLength(2);
    expect(small.length, small.join('\n')).toBeLessThanOrEqual(6);
  });

  it('a relay-log entry is written in 9 statements, and telling the whole family by e-mail adds two, not two per person', async () => {
    const db = t.database.db;
    const caseUrl = `/api/cases/${world.family.caseId}/entries`;
    /** Who was told of the entry with this title, and where their e-mail went. */
    const told = async (title: string) => {
      const { entry_key } = await db.selectFrom('relay_log_entry').select('entry_key').where('case_id', '=', world.family.caseId).where('title', '=', title).executeTakeFirstOrThrow();
      return db.selectFrom('notification as n').leftJoin('outbound_email as e', 'e.notification_id', 'n.id').select(['n.person_id', 'e.to_address'])
        .where('n.dedupe_key', 'like', `case.entryAdded:${entry_key}:%`).orderBy('n.person_id').execute();
    };

    // The mother alone decides and has an account; she has not chosen e-mail.
    const alone = await statementsOf(() => holder.post(caseUrl, entry(99)));
    expect(alone.length, alone.join('\n')).toBeLessThanOrEqual(9);
    expect(await told('Notat 99')).toEqual([{ person_id: expect.any(String), to_address: null }]);

    // Both parents now have parental responsibility, and both chose e-mail.
    const parents = await db.selectFrom('guardianship').select(['guardian_id', 'parental_responsibility']).where('child_id', '=', world.family.child).execute();
    const ids = parents.map((p) => p.guardian_id);
    try {
      await db.updateTable('guardianship').set({ parental_responsibility: true }).where('child_id', '=', world.family.child).execute();
      for (const id of ids) await db.updateTable('person').set({ email: `${id.slice(0, 8)}@example.org` }).where('id', '=', id).execute();
      await db.updateTable('citizen_account').set({ email_notifications: true }).where('person_id', 'in', ids).execute();

      const family = await statementsOf(() => holder.post(caseUrl, entry(100)));
      expect(family.length, family.join('\n')).toBe(alone.length + 2);
      expect(await told('Notat 100')).toEqual(ids.sort().map((id) => ({ person_id: id, to_address: `${id.slice(0, 8)}@example.org` })));
    } finally {
      for (const p of parents) await db.updateTable('guardianship').set({ parental_responsibility: p.parental_responsibility }).where('child_id', '=', world.family.child).where('guardian_id', '=', p.guardian_id).execute();
      await db.updateTable('citizen_account').set({ email_notifications: false }).where('person_id', 'in', ids).execute();
    }
  });
});
