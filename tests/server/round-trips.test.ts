// Round trips per request, by construction: a case read is at most six statements sent to the
// database — BEGIN and COMMIT among them — with its session lookup, its authorization, its audit row
// and its data; a relay-log write is bounded too. A rule that
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

  it('a relay-log entry is written in a bounded number of statements', async () => {
    const written = await statementsOf(() => holder.post(`/api/cases/${world.family.caseId}/entries`, entry(99)));
    expect(written.length, written.join('\n')).toBeLessThanOrEqual(12);
  });
});
