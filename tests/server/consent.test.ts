// The family decides who may see what: a kindergarten teacher records a mother's paper consent,
// the shared case opens for the services named in it, and closes the moment the mother withdraws
// it. Bad consents are refused with a clear message and change nothing. Each test brings a family
// of its own as far as it needs (most take one from the pool `beforeAll` registers in one go), so
// the tests pass in any order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { pdfText } from '../support/pdf-text.ts';
import { daysFromToday, today as todayInOslo } from '../support/clock.ts';
import {
  addGuardian, expectStatus, familiesRegisteredBy, familyName, nationalIdBornOn, ownAccount, registeredChildWithGuardian, staffIdentity,
  type FamilyForm, type FamilyOfOne,
} from '../support/factories.ts';
import { addDays, subtractYears } from '../../common/dates.ts';

let t: TestApp;
let teacher: Client;
let teacherId: string;
let teacherUnitId: string;
let teacherIdentity: { displayName: string; unitName: string | null };

const today = todayInOslo();
// A year's worth of days, not "the same date next year": 29 February has none.
const inOneYear = daysFromToday(365);
const PDF = Buffer.from('%PDF-1.4\n% scanned consent\n').toString('base64');

/** The consents recorded for this child: a refused one must add none, whatever other tests recorded. */
async function consentCount(childId: string) {
  return (await t.database.db.selectFrom('consent').select(sql<number>`count(*)::int`.as('n')).where('subject_id', '=', childId).executeTakeFirstOrThrow()).n;
}
async function involve(username: string, person: string) {
  const staff = await t.database.db.selectFrom('staff_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  await t.database.db.insertInto('involvement').values({ person_id: person, staff_user_id: staff.id, kind: 'relay_holder' }).execute();
}

interface Family extends FamilyOfOne { n: number; childName: string; surname: string }
let families = 0;
// A kindergarten child: under 7, so no consent here needs the child's own view unless the test says so.
const familyForm = (): FamilyForm & { n: number } => {
  const n = families++;
  return { n, givenName: 'Ada', familyName: familyName(n), birthDate: addDays(subtractYears(today, 4), -30), guardianGivenName: 'Sofie', username: `mor.samtykke.${n}` };
};
const registered = (forms: (FamilyForm & { n: number })[]) => familiesRegisteredBy(t.database.db, t.app, { staffUserId: teacherId, enrolledAt: { unitId: teacherUnitId, startsOn: subtractYears(today, 1) } }, forms)
  .then((made) => made.map((f, i): Family => ({ ...f, n: forms[i]!.n, childName: `${forms[i]!.givenName} ${forms[i]!.familyName}`, surname: forms[i]!.familyName })));
/** Children at the teacher's kindergarten with their mothers, made together in `beforeAll`: one for each test that takes one. */
const unused: Family[] = [];
/** A child the teacher registered (and so is involved with), with a mother with parental responsibility who is signed in. */
async function family(): Promise<Family> {
  return unused.shift() ?? (await registered([familyForm()]))[0]!;
}
/** The child's father, without parental responsibility, signed in to Min side. */
function fatherWithoutResponsibility(f: Family) {
  return addGuardian(t.database.db, t.app, f.childId, { givenName: 'Martin', familyName: f.surname, username: `far.samtykke.${f.n}`, relation: 'father', parentalResponsibility: false });
}

/**
 * A youth of `age` and a month, registered by the staff user `registrant` (who is then involved),
 * with the mother (parental responsibility) and a Min side log-in of the youth's own; the
 * registrant's unit, to receive what the youth agrees to share.
 */
async function youthOf(age: number, registrant: string, names: { givenName: string; guardianGivenName: string }) {
  const staff = await t.database.db.selectFrom('staff_user').select(['id', 'service_unit_id']).where('username', '=', registrant).executeTakeFirstOrThrow();
  const n = families++;
  const [f] = await familiesRegisteredBy(t.database.db, t.app, { staffUserId: staff.id }, [
    { ...names, familyName: familyName(n), birthDate: addDays(subtractYears(today, age), -30), username: `mor.samtykke.${n}` },
  ]);
  return { family: f!, youth: await ownAccount(t.database.db, t.app, f!.childId, `ungdom.samtykke.${n}`), unitId: staff.service_unit_id! };
}

const paperConsent = (f: { guardianId: string }, overrides: Record<string, unknown> = {}) => ({
  method: 'paper', giverIds: [f.guardianId], purposes: ['collaboration'], categories: ['development', 'health'],
  recipientUnitIds: [teacherUnitId], recipientUnitTypes: ['health_station'], validFrom: today, validTo: inOneYear,
  document: { name: 'samtykke.pdf', contentType: 'application/pdf', data: PDF },
  ...overrides,
});
/** The mother's paper consent, recorded by the teacher; its id. */
async function consented(f: Family): Promise<string> {
  return expectStatus(await teacher.post(`/api/people/${f.childId}/consents`, paperConsent(f)), 201).json().id as string;
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  teacher = await signedIn(t.app, 'fagperson.barnehage');
  const staff = await t.database.db.selectFrom('staff_user').select(['id', 'service_unit_id']).where('username', '=', 'fagperson.barnehage').executeTakeFirstOrThrow();
  [teacherId, teacherUnitId] = [staff.id, staff.service_unit_id!];
  teacherIdentity = await staffIdentity(t.database.db, teacher);
  unused.push(...await registered(Array.from({ length: 14 }, familyForm)));
});
afterAll(async () => {
  await t?.close();
});

describe('before the family has consented', () => {
  it('the involved teacher can see who the child is but not the shared case', async () => {
    const f = await family();
    expect((await teacher.get(`/api/people/${f.childId}`)).statusCode).toBe(200);
    expect((await teacher.get(`/api/people/${f.childId}/case`)).statusCode).toBe(403);
  });
});

describe('recording a consent signed on paper', () => {
  it('refuses a consent without a giver, from a guardian without parental responsibility, or with no recipient, and stores nothing', async () => {
    const f = await family();
    const father = await fatherWithoutResponsibility(f);
    const url = `/api/people/${f.childId}/consents`;
    const noGiver = await teacher.post(url, paperConsent(f, { giverIds: [] }));
    expect(noGiver.json().error.fields).toEqual([{ field: 'giverIds', message: 'Oppgi hvem som har gitt samtykket.' }]);
    const wrongGiver = await teacher.post(url, paperConsent(f, { giverIds: [father.id] }));
    expect(wrongGiver.json().error.fields).toEqual([{ field: 'giverIds', message: 'Bare foresatte med foreldreansvar kan samtykke for barnet.' }]);
    const noRecipient = await teacher.post(url, paperConsent(f, { recipientUnitIds: [], recipientUnitTypes: [] }));
    expect(noRecipient.json().error.fields).toEqual([{ field: 'recipientUnitIds', message: 'Velg minst én tjeneste som kan motta opplysninger.' }]);
    const backwards = await teacher.post(url, paperConsent(f, { validFrom: inOneYear, validTo: today }));
    expect(backwards.json().error.fields).toEqual([{ field: 'validTo', message: 'Sluttdatoen kan ikke være før startdatoen.' }]);
    expect(await consentCount(f.childId)).toBe(0);
  });

  it('refuses a scan of the wrong type or too large', async () => {
    const f = await family();
    const url = `/api/people/${f.childId}/consents`;
    const renamed = await teacher.post(url, paperConsent(f, { document: { name: 'a.png', contentType: 'image/png', data: PDF } }));
    expect(renamed.json().error.fields).toEqual([{ field: 'document', message: 'Filen må være en PDF, PNG eller JPEG.' }]);
    const word = await teacher.post(url, paperConsent(f, { document: { name: 'a.docx', contentType: 'application/msword', data: PDF } }));
    expect(word.statusCode).toBe(400);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024)]).toString('base64');
    const tooLarge = await teacher.post(url, paperConsent(f, { document: { name: 'big.pdf', contentType: 'application/pdf', data: big } }));
    expect(tooLarge.json().error.fields).toEqual([{ field: 'document', message: 'Filen er for stor. Største tillatte størrelse er 5 MB.' }]);
    expect(await consentCount(f.childId)).toBe(0);
  });

  it('records the mother\'s paper consent, with the scan and the version of the form she signed', async () => {
    const f = await family();
    const response = await teacher.post(`/api/people/${f.childId}/consents`, paperConsent(f));
    expect(response.statusCode).toBe(201);
    const consentId = response.json().id;
    const [consent] = (await teacher.get(`/api/people/${f.childId}/consents`)).json().consents;
    expect(consent).toMatchObject({
      id: consentId, state: 'active', method: 'paper', textVersion: 1, recordedBy: teacherIdentity.displayName, documentName: 'samtykke.pdf',
      givers: [{ name: f.guardianName, capacity: 'guardian' }],
    });
    expect(consent.recipients.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining([teacherIdentity.unitName, 'Helsestasjon']));
    const scan = await teacher.get(`/api/consents/${consentId}/document`);
    expect(scan.headers['content-type']).toBe('application/pdf');
    expect(scan.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('opens the shared case to the involved teacher, whose kindergarten is a recipient', async () => {
    const f = await family();
    await consented(f);
    const response = await teacher.get(`/api/people/${f.childId}/case`);
    expect(response.statusCode).toBe(200);
    expect(response.json().involved.map((i: { name: string }) => i.name)).toContain(teacherIdentity.displayName);
  });

  it('opens nothing to a health nurse who is not involved, though the health station is a recipient', async () => {
    const f = await family();
    await consented(f);
    const nurse = await signedIn(t.app, 'helsesykepleier');
    expect((await nurse.get(`/api/people/${f.childId}/case`)).statusCode).toBe(403);
    await involve('helsesykepleier', f.childId);
    expect((await nurse.get(`/api/people/${f.childId}/case`)).statusCode).toBe(200);
  });
});

describe('the guardian', () => {
  it('with parental responsibility sees the consent; without it, sees nothing', async () => {
    const f = await family();
    const father = await fatherWithoutResponsibility(f);
    const consentId = await consented(f);
    const consents = (await f.guardian.get(`/api/people/${f.childId}/consents`)).json().consents;
    expect(consents.map((c: { id: string }) => c.id)).toContain(consentId);
    expect((await father.client.get(`/api/people/${f.childId}/consents`)).statusCode).toBe(403);
    expect((await father.client.post(`/api/consents/${consentId}/withdraw`, {})).statusCode).toBe(403);
  });

  it('withdraws it; the teacher\'s next request is refused at once, and the refusal is audited', async () => {
    const f = await family();
    const consentId = await consented(f);
    expect((await teacher.get(`/api/people/${f.childId}/case`)).statusCode).toBe(200);
    const response = await f.guardian.post(`/api/consents/${consentId}/withdraw`, { note: 'Vi vil snakke med barnehagen først.' });
    expect(response.statusCode).toBe(200);

    const refused = await teacher.get(`/api/people/${f.childId}/case`);
    expect(refused.statusCode).toBe(403);
    const denial = await t.database.db
      .selectFrom('audit_event').selectAll()
      .where('subject_id', '=', f.childId).where('action', '=', 'case.read').where('outcome', '=', 'denied')
      .orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(denial).toMatchObject({ actor_name: teacherIdentity.displayName, reason: 'consent_withdrawn' });

    const [consent] = (await teacher.get(`/api/people/${f.childId}/consents`)).json().consents;
    expect(consent).toMatchObject({ state: 'withdrawn', withdrawnBy: f.guardianName, withdrawalNote: 'Vi vil snakke med barnehagen først.' });
  });

  it('cannot withdraw the same consent twice', async () => {
    const f = await family();
    const consentId = await consented(f);
    expect((await f.guardian.post(`/api/consents/${consentId}/withdraw`, {})).statusCode).toBe(200);
    const again = await f.guardian.post(`/api/consents/${consentId}/withdraw`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Samtykket er allerede trukket tilbake.');
  });
});

describe('consent rules', () => {
  it('asks for the child\'s own view from age 7', { tags: ['calendar'] }, async () => {
    const schoolTeacher = await signedIn(t.app, 'fagperson.skole');
    const n = families++;
    const pupil = await registeredChildWithGuardian(t.database.db, schoolTeacher, {
      givenName: 'Nils', familyName: familyName(n), birthDate: addDays(subtractYears(today, 9), -30), guardianGivenName: 'Sofie', username: `mor.samtykke.${n}`,
    });
    const unit = (await t.database.db.selectFrom('staff_user').select('service_unit_id').where('username', '=', 'fagperson.skole').executeTakeFirstOrThrow()).service_unit_id!;
    const body = paperConsent(pupil, { recipientUnitIds: [unit], document: undefined });
    const without = await schoolTeacher.post(`/api/people/${pupil.childId}/consents`, body);
    expect(without.json().error.fields).toEqual([{ field: 'childView', message: 'Skriv ned barnets egen mening. Barn fra 7 år skal alltid spørres.' }]);
    const withView = await schoolTeacher.post(`/api/people/${pupil.childId}/consents`, { ...body, childView: 'Nils vil gjerne at læreren og helsesykepleieren snakker sammen.' });
    expect(withView.statusCode).toBe(201);
  });

  it('needs every guardian with parental responsibility by default, one when the municipality says so', async () => {
    const f = await family();
    // The father has parental responsibility too, as the population register confirms him.
    await addGuardian(t.database.db, t.app, f.childId, { givenName: 'Ole', familyName: f.surname, username: `far.samtykke.${f.n}`, relation: 'father' });
    const oneParent = await teacher.post(`/api/people/${f.childId}/consents`, paperConsent(f, { document: undefined }));
    expect(oneParent.json().error.fields).toEqual([{ field: 'giverIds', message: 'Alle foresatte med foreldreansvar må samtykke.' }]);
    const { municipality_id } = await t.database.db.selectFrom('person').select('municipality_id').where('id', '=', f.childId).executeTakeFirstOrThrow();
    const municipality = t.database.db.updateTable('municipality').where('id', '=', municipality_id);
    const { guardian_consent_rule: rule } = await t.database.db.selectFrom('municipality').select('guardian_consent_rule').where('id', '=', municipality_id).executeTakeFirstOrThrow();
    await municipality.set({ guardian_consent_rule: 'one' }).execute();
    // The rule is the municipality's, read by every test: it is put back whatever happens here.
    try {
      expect((await teacher.post(`/api/people/${f.childId}/consents`, paperConsent(f, { document: undefined }))).statusCode).toBe(201);
    } finally {
      await municipality.set({ guardian_consent_rule: rule }).execute();
    }
  });

  it('a youth of 16 consents alone, and decides: the parents then see nothing', { tags: ['calendar'] }, async () => {
    const coordinator = await signedIn(t.app, 'koordinator');
    const { family: f, youth, unitId } = await youthOf(16, 'koordinator', { givenName: 'Sander', guardianGivenName: 'Line' });
    const body = paperConsent(f, { recipientUnitIds: [unitId], recipientUnitTypes: [], document: undefined, childView: 'Sander vil ha hjelp.' });
    const byParent = await coordinator.post(`/api/people/${f.childId}/consents`, { ...body, giverIds: [f.guardianId] });
    expect(byParent.json().error.fields).toEqual([{ field: 'giverIds', message: 'Ungdommen har nådd samtykkealderen og må selv gi samtykket.' }]);
    const byYouth = await coordinator.post(`/api/people/${f.childId}/consents`, { ...body, giverIds: [f.childId] });
    expect(byYouth.statusCode).toBe(201);

    expect((await youth.get(`/api/people/${f.childId}/consents`)).json().consents).toHaveLength(1);
    expect((await f.guardian.get(`/api/people/${f.childId}/consents`)).statusCode).toBe(403);
    expect((await f.guardian.get(`/api/people/${f.childId}/case`)).statusCode).toBe(403);
  });

  it('in a child-welfare matter a youth of 15 consents alone; otherwise the guardians do', { tags: ['calendar'] }, async () => {
    const intake = await signedIn(t.app, 'barnevern.mottak');
    const { family: f, youth: maja, unitId } = await youthOf(15, 'barnevern.mottak', { givenName: 'Maja', guardianGivenName: 'Camilla' });
    const body = paperConsent(f, { recipientUnitIds: [unitId], recipientUnitTypes: [], document: undefined, childView: 'Maja vil at mamma skal vite.' });
    const cw = await intake.post(`/api/people/${f.childId}/consents`, { ...body, childWelfareMatter: true, giverIds: [f.guardianId] });
    expect(cw.json().error.fields).toEqual([{ field: 'giverIds', message: 'Ungdommen har nådd samtykkealderen og må selv gi samtykket.' }]);
    expect((await intake.post(`/api/people/${f.childId}/consents`, { ...body, childWelfareMatter: false, giverIds: [f.guardianId] })).statusCode).toBe(201);
    expect((await maja.get(`/api/people/${f.childId}/case`)).statusCode).toBe(403);
  });
});

describe('duties that need no consent', () => {
  it('recording a report to child welfare names the legal basis and who invoked it, and opens nothing', async () => {
    const f = await family();
    // Recording one takes involvement (tests/security/13-legal-basis.test.ts), not consent.
    await involve('fagperson.skole', f.childId);
    const nurse = await signedIn(t.app, 'fagperson.skole');
    const emmaBefore = await nurse.get(`/api/people/${f.childId}/case`);
    expect(emmaBefore.statusCode).toBe(403);
    const consentsBefore = (await nurse.get(`/api/people/${f.childId}/consents`)).statusCode;
    const response = await nurse.post(`/api/people/${f.childId}/legal-basis`, { basis: 'duty_to_report_child_welfare', note: 'Bekymringsmelding sendt etter samtale med Ada.' });
    expect(response.statusCode).toBe(201);
    const row = await t.database.db.selectFrom('legal_basis_invocation').innerJoin('staff_user', 'staff_user.id', 'legal_basis_invocation.invoked_by')
      .select(['basis', 'staff_user.username']).where('person_id', '=', f.childId).executeTakeFirstOrThrow();
    expect(row).toEqual({ basis: 'duty_to_report_child_welfare', username: 'fagperson.skole' });
    expect((await nurse.get(`/api/people/${f.childId}/case`)).statusCode).toBe(403);
    expect((await nurse.get(`/api/people/${f.childId}/consents`)).statusCode).toBe(consentsBefore);
  });

  it('an administrator cannot invoke it', async () => {
    const f = await family();
    const admin = await signedIn(t.app, 'administrator');
    expect((await admin.post(`/api/people/${f.childId}/legal-basis`, { basis: 'duty_to_avert', note: 'x' })).statusCode).toBe(403);
  });
});

describe('the common consent form', () => {
  it('is a printable PDF in bokmål, nynorsk and English', async () => {
    const forms = await Promise.all(['nb', 'nn', 'en'].map((lang) => t.app.inject({ method: 'GET', url: `/api/consent-form.pdf?lang=${lang}` })));
    for (const form of forms) {
      expect(form.statusCode).toBe(200);
      expect(form.headers['content-type']).toBe('application/pdf');
      expect(form.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(forms[0]!.rawPayload.equals(forms[1]!.rawPayload)).toBe(false);
    const text = (await t.app.inject({ method: 'GET', url: '/api/consent-text?lang=nn' })).json();
    expect(text).toMatchObject({ version: 1, title: 'Samtykke til samarbeid og deling av opplysningar' });
  });

  it('comes filled in for the child: name, birth date, the guardians with parental responsibility, valid from today', { tags: ['calendar'] }, async () => {
    const f = await family();
    const father = await fatherWithoutResponsibility(f);
    // A child registered by hand has no national id; this one has one, so the form can be seen to leave it out.
    const { birth_date: birthDate } = await t.database.db.selectFrom('person').select('birth_date').where('id', '=', f.childId).executeTakeFirstOrThrow();
    const nationalId = nationalIdBornOn(birthDate, 700 + f.n);
    await t.database.db.updateTable('person').set({ national_id: nationalId }).where('id', '=', f.childId).execute();
    const form = await teacher.get(`/api/people/${f.childId}/consent-form.pdf?lang=nn`);
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(form.rawPayload);
    const [y, m, d] = birthDate.split('-');
    const [ty, tm, td] = today.split('-');
    expect(text).toContain('Samtykke til samarbeid og deling av opplysningar');
    expect(text).toContain(f.childName);
    expect(text).toContain(`${d}.${m}.${y}`);
    expect(text).toContain(`${td}.${tm}.${ty}`);
    // The mother has parental responsibility and signs; the father, without it, is not on a signature line.
    expect(text).toContain(f.guardianName);
    expect(text).not.toContain(father.name);
    expect(text).not.toContain(nationalId);
  });

  it('is not filled in for someone who may not record the consent, a citizen or the anonymous; the refusal is audited', async () => {
    const f = await family();
    // Staff who is no case worker involved with the child.
    const otherUnit = await signedIn(t.app, 'administrator');
    expect((await otherUnit.get(`/api/people/${f.childId}/consent-form.pdf`)).statusCode).toBe(403);
    expect((await f.guardian.get(`/api/people/${f.childId}/consent-form.pdf`)).statusCode).toBe(403);
    expect((await new Client(t.app).get(`/api/people/${f.childId}/consent-form.pdf`)).statusCode).toBe(401);
    const denied = await t.database.db.selectFrom('audit_event').select('reason').where('action', '=', 'consent.record').where('outcome', '=', 'denied').where('subject_id', '=', f.childId).execute();
    expect(denied.length).toBeGreaterThan(0);
  });
});
