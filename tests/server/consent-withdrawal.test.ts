// Withdrawing a consent wholly or partly (the consent text promises "helt eller delvis"): a part
// taken out shuts out exactly the services or kinds of information named, the rest stays in force;
// the relay holder and those who lose access are told; a withdrawal by anyone who may not is refused,
// audited and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { involvedChild } from '../support/factories.ts';
import { daysFromToday, today } from '../support/clock.ts';

let t: TestApp;
let teacher: Client;
let nurse: Client;
let parent: Client;
let childId: string;
let consentId: string;
const ids = { teacher: '', nurse: '', teacherUnit: '', nurseUnit: '' };

async function staff(username: string) {
  return t.database.db.selectFrom('staff_user').select(['id', 'service_unit_id']).where('username', '=', username).executeTakeFirstOrThrow();
}
const noticesTo = async (staffId: string, kind: string) =>
  (await t.database.db.selectFrom('notification').select('id').where('staff_user_id', '=', staffId).where('kind', '=', kind).where('subject_person_id', '=', childId).execute()).length;
const consentRow = async () => {
  const c = await t.database.db.selectFrom('consent').select(['categories', 'withdrawn_at']).where('id', '=', consentId).executeTakeFirstOrThrow();
  const recipients = await t.database.db.selectFrom('consent_recipient').select('service_unit_id').where('consent_id', '=', consentId).execute();
  return { categories: [...c.categories].sort(), withdrawn: c.withdrawn_at !== null, recipients: recipients.map((r) => r.service_unit_id).sort() };
};

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [teacher, nurse, parent] = await Promise.all([signedIn(t.app, 'fagperson.barnehage'), signedIn(t.app, 'helsesykepleier'), signedIn(t.app, 'forelder')]);
  const [tu, nu] = await Promise.all([staff('fagperson.barnehage'), staff('helsesykepleier')]);
  Object.assign(ids, { teacher: tu.id, nurse: nu.id, teacherUnit: tu.service_unit_id!, nurseUnit: nu.service_unit_id! });
  childId = (await involvedChild(teacher, parent)).id;
  const worry = await teacher.post('/api/worries', { personId: childId, categories: ['language'], description: 'Sier lite.', noticedOn: today() });
  expect(worry.statusCode).toBe(201);
  const caseId = worry.json().caseId as string;
  // The parent's consent: language and health, for the kindergarten and the health station.
  const given = await parent.post(`/api/people/${childId}/consents/digital`, {
    purposes: ['collaboration'], categories: ['language', 'health'], recipientUnitIds: [ids.teacherUnit, ids.nurseUnit], validTo: daysFromToday(365),
    childView: 'Jeg liker å tegne.',
  });
  expect(given.statusCode, given.body).toBe(201);
  consentId = given.json().id;
  expect((await teacher.post(`/api/cases/${caseId}/involved`, { staffUserId: ids.nurse })).statusCode).toBe(201);
  const note = await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'agreement', category: 'health', title: 'Hørselstest bestilt' });
  expect(note.statusCode, note.body).toBe(201);
  expect((await nurse.get(`/api/people/${childId}/case`)).statusCode).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

describe('withdrawing part of a consent', () => {
  it('refuses a part the consent does not hold, and anyone who may not withdraw; nothing changes', async () => {
    const before = await consentRow();
    const outside = await parent.post(`/api/consents/${consentId}/withdraw`, { recipients: ['00000000-0000-4000-8000-000000000000'] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields).toEqual([{ field: 'recipients', message: 'Dette er ikke en del av samtykket.' }]);
    expect((await parent.post(`/api/consents/${consentId}/withdraw`, { categories: ['social'] })).json().error.fields).toEqual([{ field: 'categories', message: 'Dette er ikke en del av samtykket.' }]);
    expect((await parent.post(`/api/consents/${consentId}/withdraw`, { categories: ['nonsense'] })).statusCode).toBe(400);
    const deniedBefore = (await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'consent.withdraw').where('outcome', '=', 'denied').execute()).length;
    for (const username of ['forelder.uten.ansvar', 'ungdom', 'fagperson.skole']) {
      const other = await signedIn(t.app, username);
      expect((await other.post(`/api/consents/${consentId}/withdraw`, { recipients: [ids.nurseUnit] })).statusCode, username).toBe(403);
    }
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/consents/${consentId}/withdraw`, payload: { recipients: [ids.nurseUnit] } });
    expect([401, 403]).toContain(anonymous.statusCode);
    const deniedAfter = (await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'consent.withdraw').where('outcome', '=', 'denied').execute()).length;
    expect(deniedAfter - deniedBefore).toBeGreaterThanOrEqual(3);
    expect(await consentRow()).toEqual(before);
    expect(await t.database.db.selectFrom('consent_partial_withdrawal').select('id').where('consent_id', '=', consentId).execute()).toEqual([]);
  });

  it('a service taken out loses access at once and is told; the kindergarten keeps it and the relay holder is told', async () => {
    const response = await parent.post(`/api/consents/${consentId}/withdraw`, { recipients: [ids.nurseUnit], note: 'Helsestasjonen trenger ikke se dette.' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ id: consentId, state: 'active', lostAccess: 1 });
    expect((await nurse.get(`/api/people/${childId}/case`)).statusCode).toBe(403);
    const log = (await teacher.get(`/api/people/${childId}/case`)).json();
    expect(log.entries.map((e: { title: string }) => e.title)).toContain('Hørselstest bestilt');
    expect(await noticesTo(ids.nurse, 'consent.accessLost')).toBe(1);
    expect(await noticesTo(ids.teacher, 'consent.withdrawn')).toBe(1);
    expect(await noticesTo(ids.teacher, 'consent.accessLost')).toBe(0);
    // The family reads what stays in force and what was taken out.
    const listed = (await parent.get(`/api/people/${childId}/consents`)).json().consents.find((c: { id: string }) => c.id === consentId);
    expect(listed.state).toBe('active');
    expect(listed.recipients.map((r: { id: string }) => r.id)).toEqual([ids.teacherUnit]);
    expect(listed.partialWithdrawals).toHaveLength(1);
    expect(listed.partialWithdrawals[0]).toMatchObject({ recipients: [{ kind: 'unit', id: ids.nurseUnit }], categories: [], note: 'Helsestasjonen trenger ikke se dette.' });
    // The same request again: the part is no longer in the consent.
    expect((await parent.post(`/api/consents/${consentId}/withdraw`, { recipients: [ids.nurseUnit] })).statusCode).toBe(400);
  });

  it('a category taken out hides that kind of information from everyone, the rest stays', async () => {
    const response = await parent.post(`/api/consents/${consentId}/withdraw`, { categories: ['health'] });
    expect(response.json()).toMatchObject({ state: 'active', lostAccess: 1 });
    const log = (await teacher.get(`/api/people/${childId}/case`)).json();
    expect(log.visibleCategories).toEqual(['language']);
    expect(log.entries.map((e: { title: string }) => e.title)).not.toContain('Hørselstest bestilt');
    expect(await noticesTo(ids.teacher, 'consent.accessLost')).toBe(1);
    expect(await consentRow()).toEqual({ categories: ['language'], withdrawn: false, recipients: [ids.teacherUnit] });
  });

  it('taking out the last service withdraws the whole consent', async () => {
    const response = await parent.post(`/api/consents/${consentId}/withdraw`, { recipients: [ids.teacherUnit] });
    expect(response.json()).toMatchObject({ state: 'withdrawn', lostAccess: 1 });
    expect((await teacher.get(`/api/people/${childId}/case`)).statusCode).toBe(403);
    expect((await consentRow()).withdrawn).toBe(true);
    expect((await parent.post(`/api/consents/${consentId}/withdraw`, {})).statusCode).toBe(409);
  });
});
