// Withdrawing a consent wholly or partly (the consent text promises "helt eller delvis"): a part
// taken out shuts out exactly the services or kinds of information named, the rest stays in force;
// the relay holder and those who lose access are told; a withdrawal by anyone who may not is refused,
// audited and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { addGuardian, expectStatus, familyName, registeredChildWithGuardian } from '../support/factories.ts';
import { daysFromToday, today } from '../support/clock.ts';

let t: TestApp;
let teacher: Client;
let nurse: Client;
const ids = { teacher: '', nurse: '', teacherUnit: '', nurseUnit: '' };

async function staff(username: string) {
  return t.database.db.selectFrom('staff_user').select(['id', 'service_unit_id']).where('username', '=', username).executeTakeFirstOrThrow();
}
const noticesTo = async (staffId: string, kind: string, childId: string) =>
  (await t.database.db.selectFrom('notification').select('id').where('staff_user_id', '=', staffId).where('kind', '=', kind).where('subject_person_id', '=', childId).execute()).length;
const consentRow = async (consentId: string) => {
  const c = await t.database.db.selectFrom('consent').select(['categories', 'withdrawn_at']).where('id', '=', consentId).executeTakeFirstOrThrow();
  const recipients = await t.database.db.selectFrom('consent_recipient').select('service_unit_id').where('consent_id', '=', consentId).execute();
  return { categories: [...c.categories].sort(), withdrawn: c.withdrawn_at !== null, recipients: recipients.map((r) => r.service_unit_id).sort() };
};

let families = 0;
/**
 * A child of the teacher's with an open case, the mother (with parental responsibility) and the
 * father (without, but signed in); the mother's consent to language and health for the kindergarten
 * and the health station; the nurse brought in, and a health entry in the log she can read.
 */
async function consentedChild() {
  const n = families++;
  const db = t.database.db;
  const f = await registeredChildWithGuardian(db, teacher, { givenName: 'Tiril', familyName: familyName(n), birthDate: daysFromToday(-5 * 365), guardianGivenName: 'Mari', username: `mor.tilbake.${n}` });
  const father = await addGuardian(db, t.app, f.childId, { givenName: 'Per', familyName: familyName(n), username: `far.tilbake.${n}`, relation: 'father', parentalResponsibility: false });
  const caseId = expectStatus(await teacher.post('/api/worries', { personId: f.childId, categories: ['language'], description: 'Sier lite.', noticedOn: today() }), 201).json().caseId as string;
  // The parent's consent: language and health, for the kindergarten and the health station.
  const consentId = expectStatus(await f.guardian.post(`/api/people/${f.childId}/consents/digital`, {
    purposes: ['collaboration'], categories: ['language', 'health'], recipientUnitIds: [ids.teacherUnit, ids.nurseUnit], validTo: daysFromToday(365),
    childView: 'Jeg liker å tegne.',
  }), 201).json().id as string;
  expectStatus(await teacher.post(`/api/cases/${caseId}/involved`, { staffUserId: ids.nurse }), 201);
  expectStatus(await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'agreement', category: 'health', title: 'Hørselstest bestilt' }), 201);
  expectStatus(await nurse.get(`/api/people/${f.childId}/case`), 200);
  return { childId: f.childId, parent: f.guardian, father: father.client, consentId };
}
/** The same, with the health station already taken out of the consent. */
async function withoutHealthStation() {
  const c = await consentedChild();
  expectStatus(await c.parent.post(`/api/consents/${c.consentId}/withdraw`, { recipients: [ids.nurseUnit] }), 200);
  return c;
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [teacher, nurse] = await Promise.all([signedIn(t.app, 'fagperson.barnehage'), signedIn(t.app, 'helsesykepleier')]);
  const [tu, nu] = await Promise.all([staff('fagperson.barnehage'), staff('helsesykepleier')]);
  Object.assign(ids, { teacher: tu.id, nurse: nu.id, teacherUnit: tu.service_unit_id!, nurseUnit: nu.service_unit_id! });
});
afterAll(async () => {
  await t?.close();
});

describe('withdrawing part of a consent', () => {
  it('refuses a part the consent does not hold, and anyone who may not withdraw; nothing changes', async () => {
    const { consentId, parent, father } = await consentedChild();
    const before = await consentRow(consentId);
    const outside = await parent.post(`/api/consents/${consentId}/withdraw`, { recipients: ['00000000-0000-4000-8000-000000000000'] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields).toEqual([{ field: 'recipients', message: 'Dette er ikke en del av samtykket.' }]);
    expect((await parent.post(`/api/consents/${consentId}/withdraw`, { categories: ['social'] })).json().error.fields).toEqual([{ field: 'categories', message: 'Dette er ikke en del av samtykket.' }]);
    expect((await parent.post(`/api/consents/${consentId}/withdraw`, { categories: ['nonsense'] })).statusCode).toBe(400);
    const deniedBefore = (await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'consent.withdraw').where('outcome', '=', 'denied').execute()).length;
    for (const [who, other] of [['father without parental responsibility', father], ['youth', await signedIn(t.app, 'ungdom')], ['another unit', await signedIn(t.app, 'fagperson.skole')]] as const) {
      expect((await other.post(`/api/consents/${consentId}/withdraw`, { recipients: [ids.nurseUnit] })).statusCode, who).toBe(403);
    }
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/consents/${consentId}/withdraw`, payload: { recipients: [ids.nurseUnit] } });
    expect([401, 403]).toContain(anonymous.statusCode);
    const deniedAfter = (await t.database.db.selectFrom('audit_event').select('id').where('action', '=', 'consent.withdraw').where('outcome', '=', 'denied').execute()).length;
    expect(deniedAfter - deniedBefore).toBeGreaterThanOrEqual(3);
    expect(await consentRow(consentId)).toEqual(before);
    expect(await t.database.db.selectFrom('consent_partial_withdrawal').select('id').where('consent_id', '=', consentId).execute()).toEqual([]);
  });

  it('a service taken out loses access at once and is told; the kindergarten keeps it and the relay holder is told', async () => {
    const { consentId, parent, childId } = await consentedChild();
    const response = await parent.post(`/api/consents/${consentId}/withdraw`, { recipients: [ids.nurseUnit], note: 'Helsestasjonen trenger ikke se dette.' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ id: consentId, state: 'active', lostAccess: 1 });
    expect((await nurse.get(`/api/people/${childId}/case`)).statusCode).toBe(403);
    const log = (await teacher.get(`/api/people/${childId}/case`)).json();
    expect(log.entries.map((e: { title: string }) => e.title)).toContain('Hørselstest bestilt');
    expect(await noticesTo(ids.nurse, 'consent.accessLost', childId)).toBe(1);
    expect(await noticesTo(ids.teacher, 'consent.withdrawn', childId)).toBe(1);
    expect(await noticesTo(ids.teacher, 'consent.accessLost', childId)).toBe(0);
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
    const { consentId, parent, childId } = await withoutHealthStation();
    expect((await teacher.get(`/api/people/${childId}/case`)).json().entries.map((e: { title: string }) => e.title)).toContain('Hørselstest bestilt');
    const response = await parent.post(`/api/consents/${consentId}/withdraw`, { categories: ['health'] });
    expect(response.json()).toMatchObject({ state: 'active', lostAccess: 1 });
    const log = (await teacher.get(`/api/people/${childId}/case`)).json();
    expect(log.visibleCategories).toEqual(['language']);
    expect(log.entries.map((e: { title: string }) => e.title)).not.toContain('Hørselstest bestilt');
    expect(await noticesTo(ids.teacher, 'consent.accessLost', childId)).toBe(1);
    expect(await consentRow(consentId)).toEqual({ categories: ['language'], withdrawn: false, recipients: [ids.teacherUnit] });
  });

  it('taking out the last service withdraws the whole consent', async () => {
    const { consentId, parent, childId } = await withoutHealthStation();
    const response = await parent.post(`/api/consents/${consentId}/withdraw`, { recipients: [ids.teacherUnit] });
    expect(response.json()).toMatchObject({ state: 'withdrawn', lostAccess: 1 });
    expect((await teacher.get(`/api/people/${childId}/case`)).statusCode).toBe(403);
    expect((await consentRow(consentId)).withdrawn).toBe(true);
    expect((await parent.post(`/api/consents/${consentId}/withdraw`, {})).statusCode).toBe(409);
  });
});
