// Min side speaks to its reader: the server says, for each person a citizen sees, whether the reader
// is that person themself or a guardian, so the pages address a youth or a pregnant woman as "du"
// and never guess from names. Staff are nobody's reader here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { involvedChild } from '../support/factories.ts';
import { today } from '../support/clock.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
});
afterAll(async () => {
  await t?.close();
});

type Listed = { id: string; kind: string; reader: string | null };
const meOf = async (username: string) => ({
  personId: (await t.database.db.selectFrom('citizen_account').select('person_id').where('username', '=', username).executeTakeFirstOrThrow()).person_id,
});

describe('what a family reads about a case', () => {
  it('the status without the professionals\' checklist (the action guide\'s steps)', async () => {
    const teacher = await signedIn(t.app, 'fagperson.barnehage');
    const parent = await signedIn(t.app, 'forelder');
    const child = await involvedChild(teacher, parent);
    expect((await teacher.post('/api/worries', { personId: child.id, categories: ['language'], description: 'Sier lite.', noticedOn: today() })).statusCode).toBe(201);
    const staffView = (await teacher.get(`/api/people/${child.id}/case-status`)).json();
    expect(staffView.case.steps.length).toBeGreaterThan(0);
    const familyView = (await parent.get(`/api/people/${child.id}/case-status`)).json();
    expect(familyView.case.relayHolder.name).toBe(staffView.case.relayHolder.name);
    expect(familyView.case.steps).toEqual([]);
  });
});

describe('who reads Min side', () => {
  it('a parent reads herself as "self" and her children as "guardian", in the list and on each page', async () => {
    const parent = await signedIn(t.app, 'forelder');
    const { personId } = await meOf('forelder');
    const people = (await parent.get('/api/people')).json().people as Listed[];
    expect(people.find((p) => p.id === personId)?.reader).toBe('self');
    const children = people.filter((p) => p.id !== personId);
    expect(children.length).toBeGreaterThan(0);
    expect(children.every((p) => p.reader === 'guardian')).toBe(true);
    expect((await parent.get(`/api/people/${children[0]!.id}`)).json().citizen.reader).toBe('guardian');
    expect((await parent.get(`/api/people/${personId}`)).json().citizen.reader).toBe('self');
  });

  it('a youth and a pregnant woman read about themselves', async () => {
    for (const username of ['ungdom', 'gravid']) {
      const citizen = await signedIn(t.app, username);
      const { personId } = await meOf(username);
      const self = (await citizen.get(`/api/people/${personId}`)).json();
      expect(self.citizen.reader, username).toBe('self');
      expect(((await citizen.get('/api/people')).json().people as Listed[]).map((p) => p.reader), username).toEqual(['self']);
    }
  });

  it('staff lists carry no reader', async () => {
    const teacher = await signedIn(t.app, 'fagperson.barnehage');
    const child = await involvedChild(teacher);
    const listed = ((await teacher.get('/api/people')).json().people as Listed[]).find((p) => p.id === child.id);
    expect(listed?.reader).toBeNull();
    expect((await teacher.get(`/api/people/${child.id}`)).json().citizen).toBeNull();
  });
});
