// Deadlines and reminders for cases, and the retention rule: evaluation dates coming up, overdue
// measures, unanswered handovers reminded and escalated to the leader of the holder's unit, and a
// closed log deleted when its retention date has passed. Two processes running the same reminder
// job at once send each reminder once. The job reminds about every case in the database, so each
// test builds a case of its own and looks only at what was sent about its child: the tests pass in
// any order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { purgeExpiredCases, sendCaseReminders } from '../../server/modules/cases/jobs.ts';
import { today as todayInOslo, testClock } from '../support/clock.ts';
import { expectStatus, familiesRegisteredBy, familyName, type FamilyForm } from '../support/factories.ts';
import { subtractYears } from '../../common/dates.ts';

let t: TestApp;
let teacher: Client;
const ids: Record<'teacher' | 'teacherUnit' | 'nurse' | 'leader', string> = { teacher: '', teacherUnit: '', nurse: '', leader: '' };
let teacherEmail: string;

const today = todayInOslo();
const plusDays = (n: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The staff notifications about this child, but for the handover request itself. */
async function notifications(childId: string) {
  return t.database.db
    .selectFrom('notification as n')
    .innerJoin('staff_user as s', 's.id', 'n.staff_user_id')
    .select(['n.kind', 's.username'])
    .where('n.kind', '<>', 'handover.requested') // sent when asked, not by the reminder job
    .where('n.subject_person_id', '=', childId)
    .orderBy('n.kind')
    .execute();
}

let families = 0;
const familyForm = (): FamilyForm => {
  const n = families++;
  return { givenName: 'Ada', familyName: familyName(n), birthDate: subtractYears(today, 4), guardianGivenName: 'Sofie', username: `mor.frist.${n}` };
};
const registered = (forms: FamilyForm[]) => familiesRegisteredBy(t.database.db, t.app, { staffUserId: ids.teacher, enrolledAt: { unitId: ids.teacherUnit, startsOn: subtractYears(today, 1) } }, forms)
  .then((made) => made.map((f, i) => ({ ...f, givenName: forms[i]!.givenName, familyName: forms[i]!.familyName })));
/** Kindergarten children of the teacher's with their mothers, made together in `beforeAll`: one for each test. */
const unused: Awaited<ReturnType<typeof registered>> = [];

/**
 * A child of the teacher's with a case under the mother's consent: a measure to evaluate in three
 * days, one two days overdue (Lesestund), one far off, and the baton offered to the health nurse
 * six days ago: past the reminder (2) and the municipality's escalation limit (5).
 */
async function caseWithDeadlines() {
  const f = unused.shift() ?? (await registered([familyForm()]))[0]!;
  const db = t.database.db;
  const caseId = expectStatus(await teacher.post('/api/worries', { personId: f.childId, categories: ['language'], description: 'Lite språk', noticedOn: today }), 201).json().caseId as string;
  expectStatus(await teacher.post(`/api/people/${f.childId}/consents`, {
    method: 'paper', giverIds: [f.guardianId], purposes: ['collaboration'], categories: ['language'], recipientUnitIds: [ids.teacherUnit], recipientUnitTypes: ['health_station'],
    validFrom: today, validTo: plusDays(365),
  }), 201);
  const measure = async (title: string, startsOn: string, evaluateOn: string) =>
    expectStatus(await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'measure', category: 'language', title, responsibleStaffId: ids.teacher, startsOn, evaluateOn }), 201);
  await measure('Språkgruppe', today, plusDays(3));
  await measure('Lesestund', plusDays(-40), plusDays(-2));
  await measure('Foreldresamtale', today, plusDays(60));
  const handoverId = expectStatus(await teacher.post(`/api/cases/${caseId}/handovers`, { toStaffId: ids.nurse }), 201).json().id as string;
  await db.updateTable('relay_handover').set({ requested_at: new Date(testClock.now().getTime() - 6 * 86_400_000) }).where('id', '=', handoverId).execute();
  return { childId: f.childId, childName: `${f.givenName} ${f.familyName}`, givenName: f.givenName, familyName: f.familyName, caseId, handoverId };
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  teacher = await signedIn(t.app, 'fagperson.barnehage');
  const db = t.database.db;
  const staff = (username: string) => db.selectFrom('staff_user').select(['id', 'service_unit_id', 'email']).where('username', '=', username).executeTakeFirstOrThrow();
  const [teacherRow, nurseRow] = await Promise.all([staff('fagperson.barnehage'), staff('helsesykepleier')]);
  const unit = await db.selectFrom('service_unit').select('leader_staff_user_id').where('id', '=', teacherRow.service_unit_id!).executeTakeFirstOrThrow();
  Object.assign(ids, { teacher: teacherRow.id, teacherUnit: teacherRow.service_unit_id!, nurse: nurseRow.id, leader: unit.leader_staff_user_id! });
  teacherEmail = teacherRow.email;
  unused.push(...await registered(Array.from({ length: 4 }, familyForm)));
});
afterAll(async () => {
  await t?.close();
});

describe('reminders', () => {
  it('announce a coming evaluation, flag an overdue measure, remind the receiver and escalate to the unit leader — once, from two processes', async () => {
    const { childId, handoverId } = await caseWithDeadlines();
    await Promise.all([sendCaseReminders(t.database.db, testClock.now()), sendCaseReminders(t.database.db, testClock.now())]);
    const leader = await t.database.db.selectFrom('staff_user').select('username').where('id', '=', ids.leader).executeTakeFirstOrThrow();
    expect(await notifications(childId)).toEqual([
      { kind: 'handover.escalated', username: leader.username },
      { kind: 'handover.reminder', username: 'helsesykepleier' },
      { kind: 'measure.evaluationDue', username: 'fagperson.barnehage' },
      { kind: 'measure.overdue', username: 'fagperson.barnehage' },
    ]);
    // The next hourly run adds nothing: the first two sent whatever was due, for every case.
    expect(await sendCaseReminders(t.database.db, testClock.now())).toBe(0);
    const handover = await t.database.db.selectFrom('relay_handover').select(['escalated_at', 'status']).where('id', '=', handoverId).executeTakeFirstOrThrow();
    expect(handover.status).toBe('pending');
    expect(handover.escalated_at).not.toBeNull();
  });

  it('reach the teacher in the app with the child named, and by e-mail without', async () => {
    const c = await caseWithDeadlines();
    await sendCaseReminders(t.database.db, testClock.now());
    const list = (await teacher.get('/api/notifications')).json();
    const texts = JSON.stringify(list.notifications.filter((n: { subjectPersonId: string | null }) => n.subjectPersonId === c.childId));
    expect(texts).toContain('Lesestund');
    expect(texts).toContain(c.childName);
    const mails = await t.database.db.selectFrom('outbound_email as m').innerJoin('notification as n', 'n.id', 'm.notification_id')
      .select(['m.subject', 'm.body_text']).where('m.to_address', '=', teacherEmail).where('n.subject_person_id', '=', c.childId).execute();
    expect(mails.length).toBe(2);
    for (const mail of mails) expect(`${mail.subject} ${mail.body_text}`).not.toMatch(new RegExp(`${c.givenName}|${c.familyName}|Lesestund`));
  });

  it('stop for a measure once it is evaluated', async () => {
    const { childId, caseId } = await caseWithDeadlines();
    type Task = { entryKey: string; title: string; overdue: boolean; person: { id: string } };
    const ofChild = (tasks: { measures: Task[] }) => tasks.measures.filter((m) => m.person.id === childId);
    const tasks = (await teacher.get('/api/tasks/measures')).json();
    const overdue = ofChild(tasks).find((m) => m.title === 'Lesestund');
    expect(overdue?.overdue).toBe(true);
    expect((await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'evaluation', category: 'language', title: 'Evaluert', measureKey: overdue!.entryKey, outcome: 'achieved' })).statusCode).toBe(201);
    const after = (await teacher.get('/api/tasks/measures')).json();
    expect(ofChild(after).map((m) => m.title)).not.toContain('Lesestund');
  });
});

describe('retention', () => {
  it('deletes a closed log once its retention date has passed, and audits it', async () => {
    const { childId, caseId } = await caseWithDeadlines();
    expect((await teacher.post(`/api/cases/${caseId}/close`, { reason: 'family_withdrew', note: 'Familien ønsker ikke mer oppfølging.' })).statusCode).toBe(200);
    expect(await purgeExpiredCases(t.database.db, testClock.now())).toBe(0);
    await t.database.db.updateTable('help_case').set({ retain_until: plusDays(-1) }).where('id', '=', caseId).execute();
    expect(await purgeExpiredCases(t.database.db, testClock.now())).toBe(1);
    expect(await t.database.db.selectFrom('relay_log_entry').select('id').where('case_id', '=', caseId).execute()).toEqual([]);
    const purge = await t.database.db.selectFrom('audit_event').select(['actor_kind', 'subject_id']).where('action', '=', 'case.purge').where('entity_id', '=', caseId).executeTakeFirstOrThrow();
    expect(purge).toEqual({ actor_kind: 'system', subject_id: childId });
  });
});
