// Reports to child welfare through the API (issue 13): a teacher (fagperson.skole) sends a report
// under the duty to report about a child they are involved with; the intake (barnevern.mottak) sees
// it in the queue, acknowledges it, decides and gives feedback; the teacher follows it in "My
// reports"; the child's guardian sees on Min side that it was sent — unless the teacher recorded
// that telling the family would put the child at risk. Around that path: bad input changes nothing,
// and every route refuses those who have no business with the report. Every test sends the reports
// it needs and counts only what it made, so the tests hold in any order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { daysFromToday, today } from '../support/clock.ts';
import { involvedChild, staffIdentity, type PersonName } from '../support/factories.ts';

let t: TestApp;
let henrik: Client; // fagperson.skole, involved with the child
let ingrid: Client; // fagperson.barnehage: another unit, not involved with the child
let anders: Client; // barnevern.mottak
let sofie: Client; // forelder, parental responsibility for the child
let martin: Client; // forelder.uten.ansvar
let sander: Client; // ungdom, 16
let child: PersonName;
let reporter: { displayName: string; unitName: string | null };
let intake: { displayName: string };

interface Receipt { id: string; reference: string; version: number }

const FEEDBACK = 'Vi har åpnet undersøkelse. Takk for meldingen.';
const body = (extra: Record<string, unknown> = {}) => ({
  description: 'Eleven har fortalt at han ikke får mat hjemme om kveldene, og har vært sulten på skolen flere dager.',
  observedOn: today(), tried: 'Samtale med eleven og mor.', childWords: '«Det er ingen som lager middag.»',
  urgent: false, familyTold: true, legalBasis: 'child_welfare_act', reporterPhone: '98765432', ...extra,
});
const reportsOfChild = () => `/api/people/${child.id}/child-welfare-reports`;
const count = async (table: 'child_welfare_report' | 'legal_basis_invocation' | 'notification') =>
  (await t.database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
const post = (client: Client, url: string, payload: unknown, key?: string) =>
  client.app.inject({ method: 'POST', url, payload: payload as object, cookies: client.cookies, headers: { 'x-csrf-token': client.csrfToken ?? '', ...(key ? { 'idempotency-key': key } : {}) } });

/** A report the teacher sends about the child, the family told unless `extra` says otherwise: its receipt. */
async function sendReport(extra: Record<string, unknown> = {}): Promise<Receipt> {
  const sent = await henrik.post(reportsOfChild(), body(extra));
  expect(sent.statusCode, sent.body).toBe(201);
  const { id, reference } = sent.json() as { id: string; reference: string };
  return { id, reference, version: 1 };
}
/** An urgent report kept from the family. */
const keptFromFamily = () => sendReport({ urgent: true, familyTold: false, notToldReason: 'Barnet er redd for hva som skjer hjemme om foreldrene får vite det.' });
/** A report the intake has acknowledged. */
async function acknowledged(): Promise<Receipt> {
  const report = await sendReport();
  const ack = await anders.post(`/api/child-welfare/reports/${report.id}/acknowledge`, { version: report.version });
  expect(ack.statusCode, ack.body).toBe(200);
  return { ...report, version: ack.json().version };
}
/** A report the intake has acknowledged and decided to investigate, with feedback. */
async function decided(): Promise<Receipt> {
  const report = await acknowledged();
  const decision = await anders.post(`/api/child-welfare/reports/${report.id}/decision`, { decision: 'investigation', feedback: FEEDBACK, version: report.version });
  expect(decision.statusCode, decision.body).toBe(200);
  return { ...report, version: decision.json().version };
}
const accessLog = async () => ((await sofie.get(`/api/people/${child.id}/access-log`)).json().events as { id: string; text: string }[]);

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [henrik, ingrid, anders, sofie, martin, sander] = await Promise.all([
    signedIn(t.app, 'fagperson.skole'), signedIn(t.app, 'fagperson.barnehage'), signedIn(t.app, 'barnevern.mottak'),
    signedIn(t.app, 'forelder'), signedIn(t.app, 'forelder.uten.ansvar'), signedIn(t.app, 'ungdom'),
  ]);
  child = await involvedChild(henrik, sofie);
  reporter = await staffIdentity(t.database.db, henrik);
  intake = await staffIdentity(t.database.db, anders);
});
afterAll(async () => {
  await t?.close();
});

describe('sending a report', () => {
  it('is one transaction: the report, the legal basis, the receipt with its deadlines, the intake notified', { tags: ['calendar'] }, async () => {
    const before = { reports: await count('child_welfare_report'), bases: await count('legal_basis_invocation') };
    const sent = await post(henrik, reportsOfChild(), body(), 'report-once');
    expect(sent.statusCode, sent.body).toBe(201);
    const receipt = sent.json();
    expect(receipt).toMatchObject({ reference: expect.stringMatching(/^BM-\d{4}-\d{5}$/), receivedOn: today(), reviewBy: daysFromToday(7), feedbackBy: daysFromToday(21), dutyServicePhone: null });
    expect(await count('child_welfare_report')).toBe(before.reports + 1);
    expect(await count('legal_basis_invocation')).toBe(before.bases + 1);
    const notice = (await anders.get('/api/notifications')).json();
    expect(JSON.stringify(notice)).toContain(receipt.reference);
    // The same request again (a double click, a lost answer) is answered once.
    const again = await post(henrik, reportsOfChild(), body(), 'report-once');
    expect(again.json().id).toBe(receipt.id);
    expect(await count('child_welfare_report')).toBe(before.reports + 1);
  });

  it('refuses a report without a description, or with a future observation date, in the user\'s language, and changes nothing', { tags: ['calendar'] }, async () => {
    const before = await count('child_welfare_report');
    const empty = await henrik.post(reportsOfChild(), body({ description: '   ' }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['description']);
    const future = await henrik.post(reportsOfChild(), body({ observedOn: daysFromToday(1) }));
    expect(future.json().error.fields).toEqual([{ field: 'observedOn', message: 'Datoen for det du så, kan ikke være frem i tid.' }]);
    const english = new Client(t.app, 'en');
    Object.assign(english, { cookies: henrik.cookies, csrfToken: henrik.csrfToken });
    expect((await english.post(reportsOfChild(), body({ observedOn: daysFromToday(1) }))).json().error.fields)
      .toEqual([{ field: 'observedOn', message: 'The date of what you observed cannot be in the future.' }]);
    const untold = await henrik.post(reportsOfChild(), body({ familyTold: false }));
    expect(untold.json().error.fields).toEqual([{ field: 'notToldReason', message: 'Skriv hvorfor familien ikke er orientert.' }]);
    expect(await count('child_welfare_report')).toBe(before);
  });

  it('refuses a child the reporter is not involved with, as it refuses one that does not exist', async () => {
    const before = await count('child_welfare_report');
    const other = await ingrid.post(reportsOfChild(), body());
    const unknown = await ingrid.post('/api/people/00000000-0000-4000-8000-000000000000/child-welfare-reports', body());
    expect([other.statusCode, unknown.statusCode]).toEqual([403, 403]);
    expect(other.json()).toEqual(unknown.json());
    expect(await count('child_welfare_report')).toBe(before);
  });

  it('alerts the duty service at once when urgent, and shows the reporter its phone number', async () => {
    const dutyMail = () => t.database.db.selectFrom('outbound_email').select(['id', 'subject', 'body_text']).where('to_address', '=', 'barnevernvakt@fjordvik.kommune.no').execute();
    const before = (await dutyMail()).map((m) => m.id);
    const sent = await henrik.post(reportsOfChild(), body({ urgent: true, familyTold: false, notToldReason: 'Barnet er redd for hva som skjer hjemme om foreldrene får vite det.' }));
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().dutyServicePhone).toBe('12 34 56 78');
    const mail = (await dutyMail()).filter((m) => !before.includes(m.id));
    expect(mail.map((m) => m.subject)).toEqual([`Haster: bekymringsmelding ${sent.json().reference}`]);
    // The alert names no child.
    expect(mail[0]!.body_text).not.toContain(child.givenName);
  });
});

describe('the intake', () => {
  it('sees the queue, urgent first, with the days since receipt and the deadlines; one overdue from the demo', { tags: ['calendar'] }, async () => {
    const told = await sendReport();
    const kept = await keptFromFamily();
    const queue = (await anders.get('/api/child-welfare/queue')).json().items;
    const urgency = queue.map((i: { urgent: boolean }) => i.urgent);
    expect(urgency).toEqual([...urgency].sort((a, b) => Number(b) - Number(a)));
    expect(queue.find((i: { id: string }) => i.id === kept.id)).toMatchObject({ urgent: true, daysSinceReceipt: 0, reviewBy: daysFromToday(7), feedbackBy: daysFromToday(21), status: 'sent' });
    expect(queue.find((i: { id: string }) => i.id === told.id)).toMatchObject({
      urgent: false, child: { name: `${child.givenName} ${child.familyName}` }, reporter: { name: reporter.displayName, unitName: reporter.unitName },
    });
    const overdue = (await anders.get('/api/child-welfare/queue?view=overdue')).json().items;
    expect(overdue.map((i: { daysSinceReceipt: number; reviewOverdue: boolean }) => [i.daysSinceReceipt, i.reviewOverdue])).toEqual([[12, true]]);
  });

  it('is the only role that reads the queue', async () => {
    expect((await henrik.get('/api/child-welfare/queue')).statusCode).toBe(403);
    expect((await sofie.get('/api/child-welfare/queue')).statusCode).toBe(403);
    expect((await new Client(t.app).get('/api/child-welfare/queue')).statusCode).toBe(401);
  });

  it('acknowledges receipt: the reporter gets a receipt with the date and the reference; again, or with a stale version, is refused', { tags: ['calendar'] }, async () => {
    const sent = await sendReport();
    const report = (await anders.get(`/api/child-welfare/reports/${sent.id}`)).json();
    expect(report).toMatchObject({ description: expect.stringContaining('ikke får mat'), childWords: '«Det er ingen som lager middag.»', version: 1 });
    const ack = await anders.post(`/api/child-welfare/reports/${sent.id}/acknowledge`, { version: 1 });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'received', version: 2 });
    expect((await anders.post(`/api/child-welfare/reports/${sent.id}/acknowledge`, { version: 1 })).statusCode).toBe(409);
    expect((await anders.post(`/api/child-welfare/reports/${sent.id}/acknowledge`, { version: 2 })).json().error.message).toBe('Dette er allerede gjort for meldingen.');
    const notices = JSON.stringify((await henrik.get('/api/notifications')).json());
    expect(notices).toContain(`mottatt meldingen din ${report.reference}`);
  });

  it('records the decision with the feedback; the investigation\'s deadline is three months from receipt', { tags: ['calendar'] }, async () => {
    const report = await acknowledged();
    const decision = await anders.post(`/api/child-welfare/reports/${report.id}/decision`, { decision: 'investigation', feedback: FEEDBACK, version: report.version });
    expect(decision.statusCode, decision.body).toBe(200);
    const [y, m, d] = today().split('-').map(Number) as [number, number, number];
    // The same day three months on (month index m - 1 + 3), or that month's last day.
    const lastDay = new Date(Date.UTC(y, m + 3, 0)).getUTCDate();
    const threeMonths = new Date(Date.UTC(y, m + 2, Math.min(d, lastDay))).toISOString().slice(0, 10);
    expect(decision.json()).toMatchObject({ status: 'feedback_given', decision: 'investigation', investigationEndBy: threeMonths, version: 3 });
  });

  it('cannot decide before acknowledging', async () => {
    const report = await sendReport();
    const r = await anders.post(`/api/child-welfare/reports/${report.id}/decision`, { decision: 'dismissed', feedback: 'Test', version: report.version });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toBe('Bekreft mottak av meldingen først.');
  });
});

describe('the reporter', () => {
  it('sees their own reports with status, receipt and feedback', async () => {
    const answered = await decided();
    const waiting = await keptFromFamily();
    const mine = (await henrik.get('/api/child-welfare/reports/mine')).json().items;
    expect(mine.find((r: { id: string }) => r.id === answered.id)).toMatchObject({
      status: 'feedback_given', decision: 'investigation', feedback: FEEDBACK, acknowledgedAt: expect.any(String), feedbackOverdue: false,
    });
    expect(mine.find((r: { id: string }) => r.id === waiting.id)).toMatchObject({ status: 'sent', acknowledgedAt: null });
  });

  it('reads only their own reports; another professional reads none', async () => {
    const report = await sendReport();
    expect((await henrik.get(`/api/child-welfare/reports/${report.id}`)).statusCode).toBe(200);
    expect((await ingrid.get(`/api/child-welfare/reports/${report.id}`)).statusCode).toBe(403);
    expect((await ingrid.get('/api/child-welfare/reports/mine')).json().items).toEqual([]);
    expect((await henrik.post(`/api/child-welfare/reports/${report.id}/acknowledge`, { version: report.version })).statusCode).toBe(403);
  });
});

describe('the family', () => {
  it('sees on Min side that a report was sent, by which service and when, when they were told', { tags: ['calendar'] }, async () => {
    const told = await sendReport();
    const before = await accessLog();
    await anders.get(`/api/child-welfare/reports/${told.id}`);
    const seen = (await sofie.get(reportsOfChild())).json().reports as { id: string }[];
    expect(seen.filter((r) => r.id === told.id)).toEqual([expect.objectContaining({ id: told.id, unitName: reporter.unitName })]);
    const fresh = (await accessLog()).filter((e) => !before.some((b) => b.id === e.id));
    expect(JSON.stringify(fresh)).toMatch(new RegExp(`${intake.displayName}, saksbehandler, mottak, Barnevernstjenesten, [^"]*leste en bekymringsmelding`));
  });

  it('sees nothing of a report kept from them, not even the intake\'s reads, until the intake decides otherwise', async () => {
    const told = await sendReport();
    const kept = await keptFromFamily();
    const ours = async () => ((await sofie.get(reportsOfChild())).json().reports as { id: string }[]).map((r) => r.id).filter((id) => [told.id, kept.id].includes(id));
    const before = await accessLog();
    await anders.get(`/api/child-welfare/reports/${kept.id}`);
    await anders.get('/api/child-welfare/queue');
    const keptRows = (await t.database.db.selectFrom('audit_event').select('id').where('entity_type', '=', 'child_welfare_report').where('entity_id', '=', kept.id).execute()).map((r) => String(r.id));
    expect(keptRows.length).toBeGreaterThan(2);
    const fresh = (await accessLog()).filter((e) => !before.some((b) => b.id === e.id));
    // The queue's read of the told report shows; nothing of the kept one does.
    expect(fresh.filter((e) => keptRows.includes(e.id))).toEqual([]);
    expect(fresh.map((e) => e.text)).toEqual([expect.stringContaining('så barnevernets liste over meldinger')]);
    expect(await ours()).toEqual([told.id]);
    const ack = await anders.post(`/api/child-welfare/reports/${kept.id}/acknowledge`, { version: kept.version });
    const shown = await anders.post(`/api/child-welfare/reports/${kept.id}/family-visibility`, { familyMaySee: true, version: ack.json().version });
    expect(shown.statusCode, shown.body).toBe(200);
    expect((await ours()).sort()).toEqual([told.id, kept.id].sort());
  });

  it('refuses a guardian without parental responsibility, a youth and the anonymous', async () => {
    const report = await sendReport();
    expect((await martin.get(reportsOfChild())).statusCode).toBe(403);
    expect((await sander.get(reportsOfChild())).statusCode).toBe(403);
    expect((await sander.get(`/api/child-welfare/reports/${report.id}`)).statusCode).toBe(403);
    expect((await new Client(t.app).get(reportsOfChild())).statusCode).toBe(401);
  });
});

describe('anonymous consultation', () => {
  it('carries no identity; the intake answers in the thread; only the two sides read it', async () => {
    const asked = await henrik.post('/api/child-welfare/consultations', { ageYears: 9, situation: 'En elev forteller om mye krangling hjemme. Bør vi melde?' });
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json().id;
    const intakeList = (await anders.get('/api/child-welfare/consultations')).json();
    expect(intakeList.items.map((c: { id: string }) => c.id)).toContain(id);
    // The page shows the asking form or the answer form by what the API says, not by the role.
    expect(intakeList.abilities).toEqual({ ask: false, answer: true });
    expect((await henrik.get('/api/child-welfare/consultations')).json().abilities).toEqual({ ask: true, answer: false });
    expect((await henrik.post(`/api/child-welfare/consultations/${id}/answers`, { body: 'Svar', outcome: 'advice' })).statusCode).toBe(403);
    expect((await anders.post(`/api/child-welfare/consultations/${id}/answers`, { body: 'Snakk med eleven først, og ring oss igjen.', outcome: 'advice' })).statusCode).toBe(201);
    const thread = (await henrik.get(`/api/child-welfare/consultations/${id}`)).json();
    expect(thread).toMatchObject({ ageYears: 9, outcome: 'advice', messages: [{ body: 'Snakk med eleven først, og ring oss igjen.', authorName: intake.displayName }] });
    expect((await ingrid.get(`/api/child-welfare/consultations/${id}`)).statusCode).toBe(403);
  });
});

describe('counts for the outcome track', () => {
  it('counts reports by month, by the reporter\'s service type and decision, and consultations by source, with no personal data', { tags: ['calendar'] }, async () => {
    type Counts = { byDecision: { decision: string; count: number }[]; consultationsBySource: { source: string; count: number }[] };
    const investigations = (c: Counts) => c.byDecision.find((d) => d.decision === 'investigation')?.count ?? 0;
    const consultations = (c: Counts) => c.consultationsBySource.find((s) => s.source === 'school_primary')?.count ?? 0;
    const before = (await anders.get('/api/child-welfare/counts')).json() as Counts;
    await decided();
    expect((await henrik.post('/api/child-welfare/consultations', { ageYears: 12, situation: 'En elev er mye borte. Bør vi melde?' })).statusCode).toBe(201);
    const counts = (await anders.get('/api/child-welfare/counts')).json();
    const total = await count('child_welfare_report');
    expect(counts.bySource).toEqual([{ source: 'school_primary', name: 'Barneskole', count: total }]);
    expect(counts.byDecision.reduce((n: number, d: { count: number }) => n + d.count, 0)).toBe(total);
    const decidedToInvestigate = await t.database.db.selectFrom('child_welfare_report').select(sql<number>`count(*)::int`.as('n')).where('decision', '=', 'investigation').executeTakeFirstOrThrow();
    expect(investigations(counts)).toBe(investigations(before) + 1);
    expect(investigations(counts)).toBe(decidedToInvestigate.n);
    expect(counts.byMonth.at(-1)).toEqual({ month: today().slice(0, 7), count: expect.any(Number) });
    expect(counts.consultationsBySource).toEqual([{ source: 'school_primary', name: 'Barneskole', count: consultations(before) + 1 }]);
    expect(JSON.stringify(counts)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect((await henrik.get('/api/child-welfare/counts')).statusCode).toBe(403);
  });
});

describe('the API document', () => {
  it('documents creating a report, the queue with its deadlines as dates, acknowledging, the decision with feedback, and the reporter\'s list', { tags: ['calendar'] }, async () => {
    const doc = (await new Client(t.app).get('/api/openapi.json')).json();
    const answer = (path: string, method: string, status = '200') => doc.paths[path][method].responses[status].content['application/json'].schema;
    expect(doc.paths['/api/people/{id}/child-welfare-reports'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['description', 'observedOn', 'urgent', 'familyTold', 'legalBasis', 'reporterPhone']));
    expect(answer('/api/people/{id}/child-welfare-reports', 'post', '201').properties.reviewBy).toMatchObject({ type: 'string', format: 'date' });
    const item = answer('/api/child-welfare/queue', 'get').properties.items.items.properties;
    expect([item.reviewBy, item.feedbackBy]).toEqual([expect.objectContaining({ format: 'date' }), expect.objectContaining({ format: 'date' })]);
    expect(doc.paths['/api/child-welfare/reports/{reportId}/acknowledge'].post.summary).toMatch(/receipt/);
    expect(doc.paths['/api/child-welfare/reports/{reportId}/decision'].post.requestBody.content['application/json'].schema.required).toEqual(['decision', 'feedback', 'version']);
    expect(answer('/api/child-welfare/reports/mine', 'get').properties.items.items.properties.feedback).toBeDefined();
  });
});
