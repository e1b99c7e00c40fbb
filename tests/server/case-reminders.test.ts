// Deadlines and reminders for cases, and the retention rule: evaluation dates coming up, overdue
// measures, unanswered handovers reminded and escalated to the leader of the holder's unit, and a
// closed log deleted when its retention date has passed. Two processes running the same reminder
// job at once send each reminder once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { purgeExpiredCases, sendCaseReminders } from '../../server/modules/cases/jobs.ts';
import { today as todayInOslo, testClock } from '../support/clock.ts';
import { demoFamilies } from '../support/factories.ts';

let t: TestApp;
let teacher: Client;
let emmaId: string;
let caseId: string;
let handoverId: string;
const ids: Record<string, string> = {};

const today = todayInOslo();
const plusDays = (n: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

async function notifications() {
  return t.database.db
    .selectFrom('notification as n')
    .innerJoin('staff_user as s', 's.id', 'n.staff_user_id')
    .select(['n.kind', 's.username'])
    .where('n.kind', '<>', 'handover.requested') // sent when asked, not by the reminder job
    .orderBy('n.kind')
    .execute();
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  teacher = await signedIn(t.app, 'fagperson.barnehage');
  const db = t.database.db;
  const demo = await demoFamilies(db);
  emmaId = demo.youngerChild.id;
  const sofie = demo.mother.id;
  ids.teacher = (await db.selectFrom('staff_user').select('id').where('username', '=', 'fagperson.barnehage').executeTakeFirstOrThrow()).id;
  ids.nurse = (await db.selectFrom('staff_user').select('id').where('username', '=', 'helsesykepleier').executeTakeFirstOrThrow()).id;
  const solsikken = await db.selectFrom('service_unit').select(['id', 'leader_staff_user_id']).where('name', '=', 'Solsikken barnehage').executeTakeFirstOrThrow();
  ids.leader = solsikken.leader_staff_user_id!;

  caseId = (await teacher.post('/api/worries', { personId: emmaId, categories: ['language'], description: 'Lite språk', noticedOn: today })).json().caseId;
  expect((await teacher.post(`/api/people/${emmaId}/consents`, {
    method: 'paper', giverIds: [sofie], purposes: ['collaboration'], categories: ['language'], recipientUnitIds: [solsikken.id], recipientUnitTypes: ['health_station'],
    validFrom: today, validTo: plusDays(365),
  })).statusCode).toBe(201);
  const measure = (title: string, startsOn: string, evaluateOn: string) =>
    teacher.post(`/api/cases/${caseId}/entries`, { kind: 'measure', category: 'language', title, responsibleStaffId: ids.teacher, startsOn, evaluateOn });
  expect((await measure('Språkgruppe', today, plusDays(3))).statusCode).toBe(201);
  expect((await measure('Lesestund', plusDays(-40), plusDays(-2))).statusCode).toBe(201);
  expect((await measure('Foreldresamtale', today, plusDays(60))).statusCode).toBe(201);
  handoverId = (await teacher.post(`/api/cases/${caseId}/handovers`, { toStaffId: ids.nurse })).json().id;
  // The request has waited six days: past the reminder (2) and the municipality's escalation limit (5).
  await db.updateTable('relay_handover').set({ requested_at: new Date(testClock.now().getTime() - 6 * 86_400_000) }).where('id', '=', handoverId).execute();
});
afterAll(async () => {
  await t?.close();
});

describe('reminders', () => {
  it('announce a coming evaluation, flag an overdue measure, remind the receiver and escalate to the unit leader — once, from two processes', async () => {
    await Promise.all([sendCaseReminders(t.database.db, testClock.now()), sendCaseReminders(t.database.db, testClock.now())]);
    const leader = await t.database.db.selectFrom('staff_user').select('username').where('id', '=', ids.leader!).executeTakeFirstOrThrow();
    expect(await notifications()).toEqual([
      { kind: 'handover.escalated', username: leader.username },
      { kind: 'handover.reminder', username: 'helsesykepleier' },
      { kind: 'measure.evaluationDue', username: 'fagperson.barnehage' },
      { kind: 'measure.overdue', username: 'fagperson.barnehage' },
    ]);
    // The next hourly run adds nothing.
    expect(await sendCaseReminders(t.database.db, testClock.now())).toBe(0);
    const handover = await t.database.db.selectFrom('relay_handover').select(['escalated_at', 'status']).where('id', '=', handoverId).executeTakeFirstOrThrow();
    expect(handover.status).toBe('pending');
    expect(handover.escalated_at).not.toBeNull();
  });

  it('reach the teacher in the app with the child named, and by e-mail without', async () => {
    const list = (await teacher.get('/api/notifications')).json();
    const texts = JSON.stringify(list);
    expect(texts).toContain('Lesestund');
    expect(texts).toContain('Emma Nordli');
    const mails = await t.database.db.selectFrom('outbound_email').select(['subject', 'body_text', 'to_address']).where('to_address', '=', 'fagperson.barnehage@fjordvik.kommune.no').execute();
    expect(mails.length).toBe(2);
    for (const mail of mails) expect(`${mail.subject} ${mail.body_text}`).not.toMatch(/Emma|Nordli|Lesestund/);
  });

  it('stop for a measure once it is evaluated', async () => {
    const tasks = (await teacher.get('/api/tasks/measures')).json();
    const overdue = tasks.measures.find((m: { title: string }) => m.title === 'Lesestund');
    expect(overdue.overdue).toBe(true);
    expect((await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'evaluation', category: 'language', title: 'Evaluert', measureKey: overdue.entryKey, outcome: 'achieved' })).statusCode).toBe(201);
    const after = (await teacher.get('/api/tasks/measures')).json();
    expect(after.measures.map((m: { title: string }) => m.title)).not.toContain('Lesestund');
  });
});

describe('retention', () => {
  it('deletes a closed log once its retention date has passed, and audits it', async () => {
    expect((await teacher.post(`/api/cases/${caseId}/close`, { reason: 'family_withdrew', note: 'Familien ønsker ikke mer oppfølging.' })).statusCode).toBe(200);
    expect(await purgeExpiredCases(t.database.db, testClock.now())).toBe(0);
    await t.database.db.updateTable('help_case').set({ retain_until: plusDays(-1) }).where('id', '=', caseId).execute();
    expect(await purgeExpiredCases(t.database.db, testClock.now())).toBe(1);
    expect(await t.database.db.selectFrom('relay_log_entry').select('id').where('case_id', '=', caseId).execute()).toEqual([]);
    const purge = await t.database.db.selectFrom('audit_event').select(['actor_kind', 'subject_id']).where('action', '=', 'case.purge').executeTakeFirstOrThrow();
    expect(purge).toEqual({ actor_kind: 'system', subject_id: emmaId });
  });
});
