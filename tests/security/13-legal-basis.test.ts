// Item 13: recording that a legal duty was invoked (opplysningsplikt, avvergeplikt) writes on a
// person's record, so it takes involvement like every other write; and the answer must not tell
// whether a person id exists. A colleague who is not involved, a professional of another unit, a
// citizen and an anonymous caller each get the same answer for a real child and for a random id;
// every signed-in attempt is in the audit log and nothing is written. The involved professional
// still records the duty.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { demoFamilies } from '../support/factories.ts';

let t: TestApp;
let childId: string;
const body = { basis: 'duty_to_report_child_welfare', note: 'Bekymringsmelding sendt.' };

const invocations = async () => (await t.database.db.selectFrom('legal_basis_invocation').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
const refusalsFor = async (subjectId: string) =>
  (await t.database.db.selectFrom('audit_event').select(sql<number>`count(*)::int`.as('n'))
    .where('action', '=', 'legalBasis.record').where('outcome', '=', 'denied').where('subject_id', '=', subjectId).executeTakeFirstOrThrow()).n;

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  childId = (await demoFamilies(t.database.db)).olderChild.id;
});
afterAll(async () => {
  await t?.close();
});

/** The answer as a caller sees it: status and body, with the request id (different per request) left out. */
function answer(response: { statusCode: number; body: string }) {
  const parsed = JSON.parse(response.body) as Record<string, unknown>;
  delete parsed.requestId;
  return { status: response.statusCode, body: parsed };
}

describe('recording a legal basis on a person one is not involved with', () => {
  const callers: [string, string][] = [
    ['a colleague at the same kindergarten who is not involved', 'fagperson.barnehage'],
    ['a professional of another unit', 'helsesykepleier'],
    ['a team member', 'teammedlem'],
    ['a citizen (the mother)', 'forelder'],
  ];

  for (const [who, username] of callers) {
    it(`is refused to ${who} exactly as for an unknown id, audited, nothing written`, async () => {
      const client: Client = await signedIn(t.app, username);
      const unknownId = randomUUID();
      const before = { rows: await invocations(), real: await refusalsFor(childId), unknown: await refusalsFor(unknownId) };
      const real = await client.post(`/api/people/${childId}/legal-basis`, body);
      const unknown = await client.post(`/api/people/${unknownId}/legal-basis`, body);
      expect(real.statusCode).toBe(403);
      expect(answer(real)).toEqual(answer(unknown));
      expect(await invocations()).toBe(before.rows);
      expect(await refusalsFor(childId)).toBe(before.real + 1);
      expect(await refusalsFor(unknownId)).toBe(before.unknown + 1);
    });
  }

  it('is refused to an anonymous caller exactly as for an unknown id, nothing written', async () => {
    const before = await invocations();
    const real = await t.app.inject({ method: 'POST', url: `/api/people/${childId}/legal-basis`, payload: body });
    const unknown = await t.app.inject({ method: 'POST', url: `/api/people/${randomUUID()}/legal-basis`, payload: body });
    expect([401, 403]).toContain(real.statusCode);
    expect(answer(real)).toEqual(answer(unknown));
    expect(await invocations()).toBe(before);
  });
});

describe('the involved professional', () => {
  it('records the duty, and it opens nothing', async () => {
    // The school's contact teacher is involved with the mother's older child in the demo.
    const henrik = await signedIn(t.app, 'fagperson.skole');
    const before = await invocations();
    const recorded = await henrik.post(`/api/people/${childId}/legal-basis`, body);
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(await invocations()).toBe(before + 1);
    expect((await henrik.get(`/api/people/${childId}/case`)).statusCode).toBe(403);
  });
});
