// The family decides who may see what: a kindergarten teacher records Emma's mother's paper
// consent, the shared case opens for the services named in it, and closes the moment the mother
// withdraws it. Bad consents are refused with a clear message and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { pdfText } from '../support/pdf-text.ts';
import { daysFromToday, today as todayInOslo } from '../support/clock.ts';
import { demoFamilies, type DemoFamilies } from '../support/factories.ts';

let t: TestApp;
let teacher: Client;
let emmaId: string;
let solsikkenId: string;
let sofieId: string;
let martinId: string;
let consentId: string;

const today = todayInOslo();
// A year's worth of days, not "the same date next year": 29 February has none.
const inOneYear = daysFromToday(365);
const PDF = Buffer.from('%PDF-1.4\n% scanned consent\n').toString('base64');

let demo: DemoFamilies;
async function consentCount() {
  return (await t.database.db.selectFrom('consent').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
}
async function involve(username: string, person: string) {
  const staff = await t.database.db.selectFrom('staff_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  await t.database.db.insertInto('involvement').values({ person_id: person, staff_user_id: staff.id, kind: 'relay_holder' }).execute();
}

const paperConsent = (overrides: Record<string, unknown> = {}) => ({
  method: 'paper', giverIds: [sofieId], purposes: ['collaboration'], categories: ['development', 'health'],
  recipientUnitIds: [solsikkenId], recipientUnitTypes: ['health_station'], validFrom: today, validTo: inOneYear,
  document: { name: 'samtykke.pdf', contentType: 'application/pdf', data: PDF },
  ...overrides,
});

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  teacher = await signedIn(t.app, 'fagperson.barnehage');
  demo = await demoFamilies(t.database.db);
  [emmaId, sofieId, martinId] = [demo.youngerChild.id, demo.mother.id, demo.fatherWithoutResponsibility.id];
  solsikkenId = (await t.database.db.selectFrom('service_unit').select('id').where('name', '=', 'Solsikken barnehage').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await t?.close();
});

describe('before the family has consented', () => {
  it('the involved teacher can see who Emma is but not the shared case', async () => {
    expect((await teacher.get(`/api/people/${emmaId}`)).statusCode).toBe(200);
    expect((await teacher.get(`/api/people/${emmaId}/case`)).statusCode).toBe(403);
  });
});

describe('recording a consent signed on paper', () => {
  it('refuses a consent without a giver, from a guardian without parental responsibility, or with no recipient, and stores nothing', async () => {
    const before = await consentCount();
    const noGiver = await teacher.post(`/api/people/${emmaId}/consents`, paperConsent({ giverIds: [] }));
    expect(noGiver.json().error.fields).toEqual([{ field: 'giverIds', message: 'Oppgi hvem som har gitt samtykket.' }]);
    const wrongGiver = await teacher.post(`/api/people/${emmaId}/consents`, paperConsent({ giverIds: [martinId] }));
    expect(wrongGiver.json().error.fields).toEqual([{ field: 'giverIds', message: 'Bare foresatte med foreldreansvar kan samtykke for barnet.' }]);
    const noRecipient = await teacher.post(`/api/people/${emmaId}/consents`, paperConsent({ recipientUnitIds: [], recipientUnitTypes: [] }));
    expect(noRecipient.json().error.fields).toEqual([{ field: 'recipientUnitIds', message: 'Velg minst én tjeneste som kan motta opplysninger.' }]);
    const backwards = await teacher.post(`/api/people/${emmaId}/consents`, paperConsent({ validFrom: inOneYear, validTo: today }));
    expect(backwards.json().error.fields).toEqual([{ field: 'validTo', message: 'Sluttdatoen kan ikke være før startdatoen.' }]);
    expect(await consentCount()).toBe(before);
  });

  it('refuses a scan of the wrong type or too large', async () => {
    const before = await consentCount();
    const renamed = await teacher.post(`/api/people/${emmaId}/consents`, paperConsent({ document: { name: 'a.png', contentType: 'image/png', data: PDF } }));
    expect(renamed.json().error.fields).toEqual([{ field: 'document', message: 'Filen må være en PDF, PNG eller JPEG.' }]);
    const word = await teacher.post(`/api/people/${emmaId}/consents`, paperConsent({ document: { name: 'a.docx', contentType: 'application/msword', data: PDF } }));
    expect(word.statusCode).toBe(400);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024)]).toString('base64');
    const tooLarge = await teacher.post(`/api/people/${emmaId}/consents`, paperConsent({ document: { name: 'big.pdf', contentType: 'application/pdf', data: big } }));
    expect(tooLarge.json().error.fields).toEqual([{ field: 'document', message: 'Filen er for stor. Største tillatte størrelse er 5 MB.' }]);
    expect(await consentCount()).toBe(before);
  });

  it('records the mother\'s paper consent, with the scan and the version of the form she signed', async () => {
    const response = await teacher.post(`/api/people/${emmaId}/consents`, paperConsent());
    expect(response.statusCode).toBe(201);
    consentId = response.json().id;
    const [consent] = (await teacher.get(`/api/people/${emmaId}/consents`)).json().consents;
    expect(consent).toMatchObject({
      state: 'active', method: 'paper', textVersion: 1, recordedBy: 'Ingrid Solheim', documentName: 'samtykke.pdf',
      givers: [{ name: 'Sofie Nordli', capacity: 'guardian' }],
    });
    expect(consent.recipients.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['Solsikken barnehage', 'Helsestasjon']));
    const scan = await teacher.get(`/api/consents/${consentId}/document`);
    expect(scan.headers['content-type']).toBe('application/pdf');
    expect(scan.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('opens the shared case to the involved teacher, whose kindergarten is a recipient', async () => {
    const response = await teacher.get(`/api/people/${emmaId}/case`);
    expect(response.statusCode).toBe(200);
    expect(response.json().involved.map((i: { name: string }) => i.name)).toContain('Ingrid Solheim');
  });

  it('opens nothing to a health nurse who is not involved, though the health station is a recipient', async () => {
    const nurse = await signedIn(t.app, 'helsesykepleier');
    expect((await nurse.get(`/api/people/${emmaId}/case`)).statusCode).toBe(403);
    await involve('helsesykepleier', emmaId);
    expect((await nurse.get(`/api/people/${emmaId}/case`)).statusCode).toBe(200);
  });
});

describe('the guardian', () => {
  it('with parental responsibility sees the consent; without it, sees nothing', async () => {
    const mother = await signedIn(t.app, 'forelder');
    const consents = (await mother.get(`/api/people/${emmaId}/consents`)).json().consents;
    expect(consents.map((c: { id: string }) => c.id)).toContain(consentId);
    const father = await signedIn(t.app, 'forelder.uten.ansvar');
    expect((await father.get(`/api/people/${emmaId}/consents`)).statusCode).toBe(403);
    expect((await father.post(`/api/consents/${consentId}/withdraw`, {})).statusCode).toBe(403);
  });

  it('withdraws it; the teacher\'s next request is refused at once, and the refusal is audited', async () => {
    const mother = await signedIn(t.app, 'forelder');
    const response = await mother.post(`/api/consents/${consentId}/withdraw`, { note: 'Vi vil snakke med barnehagen først.' });
    expect(response.statusCode).toBe(200);

    const refused = await teacher.get(`/api/people/${emmaId}/case`);
    expect(refused.statusCode).toBe(403);
    const denial = await t.database.db
      .selectFrom('audit_event').selectAll()
      .where('subject_id', '=', emmaId).where('action', '=', 'case.read').where('outcome', '=', 'denied')
      .orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(denial).toMatchObject({ actor_name: 'Ingrid Solheim', reason: 'consent_withdrawn' });

    const [consent] = (await teacher.get(`/api/people/${emmaId}/consents`)).json().consents;
    expect(consent).toMatchObject({ state: 'withdrawn', withdrawnBy: 'Sofie Nordli', withdrawalNote: 'Vi vil snakke med barnehagen først.' });
  });

  it('cannot withdraw the same consent twice', async () => {
    const mother = await signedIn(t.app, 'forelder');
    const again = await mother.post(`/api/consents/${consentId}/withdraw`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Samtykket er allerede trukket tilbake.');
  });
});

describe('consent rules', () => {
  it('asks for the child\'s own view from age 7', { tags: ['calendar'] }, async () => {
    const jonasId = demo.olderChild.id;
    const schoolTeacher = await signedIn(t.app, 'fagperson.skole');
    const unit = (await t.database.db.selectFrom('service_unit').select('id').where('name', '=', 'Fjellbekken skole').executeTakeFirstOrThrow()).id;
    const body = paperConsent({ recipientUnitIds: [unit], document: undefined });
    const without = await schoolTeacher.post(`/api/people/${jonasId}/consents`, body);
    expect(without.json().error.fields).toEqual([{ field: 'childView', message: 'Skriv ned barnets egen mening. Barn fra 7 år skal alltid spørres.' }]);
    const withView = await schoolTeacher.post(`/api/people/${jonasId}/consents`, { ...body, childView: 'Jonas vil gjerne at læreren og helsesykepleieren snakker sammen.' });
    expect(withView.statusCode).toBe(201);
  });

  it('needs every guardian with parental responsibility by default, one when the municipality says so', async () => {
    const registered = await teacher.post('/api/people', {
      kind: 'child', givenName: 'Lea', familyName: 'Fjeld', birthDate: '2022-05-05',
      guardians: [
        { givenName: 'Kine', familyName: 'Fjeld', birthDate: '1990-01-01', relation: 'mother', parentalResponsibility: true },
        { givenName: 'Ole', familyName: 'Fjeld', birthDate: '1988-01-01', relation: 'father', parentalResponsibility: true },
      ],
    });
    const leaId = registered.json().id;
    // Relations typed in at registration open nothing until confirmed; here the population register
    // has confirmed both parents, as people of their own with parental responsibility.
    const { municipality_id } = await t.database.db.selectFrom('person').select('municipality_id').where('id', '=', leaId).executeTakeFirstOrThrow();
    const [kineId, oleId] = await Promise.all([['Kine', '1990-01-01'], ['Ole', '1988-01-01']].map(async ([given, born]) =>
      (await t.database.db.insertInto('person').values({ municipality_id, given_name: given!, family_name: 'Fjeld', birth_date: born!, kind: 'adult' }).returning('id').executeTakeFirstOrThrow()).id));
    await t.database.db.insertInto('guardianship').values([kineId!, oleId!].map((guardian_id, i) => ({ child_id: leaId, guardian_id, relation: i === 0 ? 'mother' : 'father', parental_responsibility: true }))).execute();
    const oneParent = await teacher.post(`/api/people/${leaId}/consents`, paperConsent({ giverIds: [kineId], document: undefined }));
    expect(oneParent.json().error.fields).toEqual([{ field: 'giverIds', message: 'Alle foresatte med foreldreansvar må samtykke.' }]);
    await t.database.db.updateTable('municipality').set({ guardian_consent_rule: 'one' }).execute();
    try {
      expect((await teacher.post(`/api/people/${leaId}/consents`, paperConsent({ giverIds: [kineId], document: undefined }))).statusCode).toBe(201);
    } finally {
      await t.database.db.updateTable('municipality').set({ guardian_consent_rule: 'all' }).execute();
    }
  });

  it('a youth of 16 consents alone, and decides: the parents then see nothing', { tags: ['calendar'] }, async () => {
    const [sanderId, lineId] = [demo.youth.id, demo.youthMother.id];
    await involve('koordinator', sanderId);
    const coordinator = await signedIn(t.app, 'koordinator');
    const unitId = (await t.database.db.selectFrom('staff_user').select('service_unit_id').where('username', '=', 'koordinator').executeTakeFirstOrThrow()).service_unit_id!;
    const body = paperConsent({ recipientUnitIds: [unitId], recipientUnitTypes: [], document: undefined, childView: 'Sander vil ha hjelp.' });
    const byParent = await coordinator.post(`/api/people/${sanderId}/consents`, { ...body, giverIds: [lineId] });
    expect(byParent.json().error.fields).toEqual([{ field: 'giverIds', message: 'Ungdommen har nådd samtykkealderen og må selv gi samtykket.' }]);
    const byYouth = await coordinator.post(`/api/people/${sanderId}/consents`, { ...body, giverIds: [sanderId] });
    expect(byYouth.statusCode).toBe(201);

    const youth = await signedIn(t.app, 'ungdom');
    expect((await youth.get(`/api/people/${sanderId}/consents`)).json().consents).toHaveLength(1);
    const lineAccount = await t.database.db.insertInto('citizen_account').values({ person_id: lineId, username: 'line.holm' }).returning('id').executeTakeFirstOrThrow();
    expect(lineAccount.id).toBeTruthy();
    const parent = await signedIn(t.app, 'line.holm');
    expect((await parent.get(`/api/people/${sanderId}/consents`)).statusCode).toBe(403);
    expect((await parent.get(`/api/people/${sanderId}/case`)).statusCode).toBe(403);
  });

  it('in a child-welfare matter a youth of 15 consents alone; otherwise the guardians do', { tags: ['calendar'] }, async () => {
    const [majaId, camillaId] = [demo.youth15.id, demo.youth15Mother.id];
    await involve('barnevern.mottak', majaId);
    const intake = await signedIn(t.app, 'barnevern.mottak');
    const unitId = (await t.database.db.selectFrom('staff_user').select('service_unit_id').where('username', '=', 'barnevern.mottak').executeTakeFirstOrThrow()).service_unit_id!;
    const body = paperConsent({ recipientUnitIds: [unitId], recipientUnitTypes: [], document: undefined, childView: 'Maja vil at mamma skal vite.' });
    const cw = await intake.post(`/api/people/${majaId}/consents`, { ...body, childWelfareMatter: true, giverIds: [camillaId] });
    expect(cw.json().error.fields).toEqual([{ field: 'giverIds', message: 'Ungdommen har nådd samtykkealderen og må selv gi samtykket.' }]);
    expect((await intake.post(`/api/people/${majaId}/consents`, { ...body, childWelfareMatter: false, giverIds: [camillaId] })).statusCode).toBe(201);
    const maja = await signedIn(t.app, 'ungdom.15');
    expect((await maja.get(`/api/people/${majaId}/case`)).statusCode).toBe(403);
  });
});

describe('duties that need no consent', () => {
  it('recording a report to child welfare names the legal basis and who invoked it, and opens nothing', async () => {
    // Recording one takes involvement (tests/security/13-legal-basis.test.ts), not consent.
    await involve('fagperson.skole', emmaId);
    const nurse = await signedIn(t.app, 'fagperson.skole');
    const emmaBefore = await nurse.get(`/api/people/${emmaId}/case`);
    expect(emmaBefore.statusCode).toBe(403);
    const consentsBefore = (await nurse.get(`/api/people/${emmaId}/consents`)).statusCode;
    const response = await nurse.post(`/api/people/${emmaId}/legal-basis`, { basis: 'duty_to_report_child_welfare', note: 'Bekymringsmelding sendt etter samtale med Emma.' });
    expect(response.statusCode).toBe(201);
    const row = await t.database.db.selectFrom('legal_basis_invocation').innerJoin('staff_user', 'staff_user.id', 'legal_basis_invocation.invoked_by')
      .select(['basis', 'staff_user.username']).where('person_id', '=', emmaId).executeTakeFirstOrThrow();
    expect(row).toEqual({ basis: 'duty_to_report_child_welfare', username: 'fagperson.skole' });
    expect((await nurse.get(`/api/people/${emmaId}/case`)).statusCode).toBe(403);
    expect((await nurse.get(`/api/people/${emmaId}/consents`)).statusCode).toBe(consentsBefore);
  });

  it('an administrator cannot invoke it', async () => {
    const admin = await signedIn(t.app, 'administrator');
    expect((await admin.post(`/api/people/${emmaId}/legal-basis`, { basis: 'duty_to_avert', note: 'x' })).statusCode).toBe(403);
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
    const form = await teacher.get(`/api/people/${emmaId}/consent-form.pdf?lang=nn`);
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(form.rawPayload);
    const emma = await t.database.db.selectFrom('person').select(['birth_date', 'national_id']).where('id', '=', emmaId).executeTakeFirstOrThrow();
    const [y, m, d] = emma.birth_date.split('-');
    const [ty, tm, td] = today.split('-');
    expect(text).toContain('Samtykke til samarbeid og deling av opplysningar');
    expect(text).toContain('Emma Nordli');
    expect(text).toContain(`${d}.${m}.${y}`);
    expect(text).toContain(`${td}.${tm}.${ty}`);
    // Sofie has parental responsibility and signs; Martin, without it, is not on a signature line.
    expect(text).toContain('Sofie Nordli');
    expect(text).not.toContain('Martin Berg');
    expect(text).not.toContain(emma.national_id!);
  });

  it('is not filled in for someone who may not record the consent, a citizen or the anonymous; the refusal is audited', async () => {
    // Staff who is no case worker involved with Emma.
    const otherUnit = await signedIn(t.app, 'administrator');
    const sofie = await signedIn(t.app, 'forelder');
    expect((await otherUnit.get(`/api/people/${emmaId}/consent-form.pdf`)).statusCode).toBe(403);
    expect((await sofie.get(`/api/people/${emmaId}/consent-form.pdf`)).statusCode).toBe(403);
    expect((await new Client(t.app).get(`/api/people/${emmaId}/consent-form.pdf`)).statusCode).toBe(401);
    const denied = await t.database.db.selectFrom('audit_event').select('reason').where('action', '=', 'consent.record').where('outcome', '=', 'denied').where('subject_id', '=', emmaId).execute();
    expect(denied.length).toBeGreaterThan(0);
  });
});
