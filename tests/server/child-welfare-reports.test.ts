// Reports to child welfare through the API (issue 13): Henrik Aasen, Jonas's teacher, sends a report
// under the duty to report; the intake (Anders Moe) sees it in the queue, acknowledges it, decides
// and gives feedback; Henrik follows it in "My reports"; Sofie sees on Min side that it was sent —
// unless Henrik recorded that telling the family would put Jonas at risk. Around that path: bad
// input changes nothing, and every route refuses those who have no business with the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { daysFromToday, today } from '../support/clock.ts';

let t: TestApp;
let henrik: Client; // fagperson.skole, involved with Jonas
let ingrid: Client; // fagperson.barnehage: another unit, not involved with Jonas
let anders: Client; // barnevern.mottak
let sofie: Client; // forelder, parental responsibility for Jonas
let martin: Client; // forelder.uten.ansvar
let sander: Client; // ungdom, 16
const ids: Record<string, string> = {};

const body = (extra: Record<string, unknown> = {}) => ({
  description: 'Jonas har fortalt at han ikke får mat hjemme om kveldene, og har vært sulten på skolen flere dager.',
  observedOn: today(), tried: 'Samtale med Jonas og mor.', childWords: '«Det er ingen som lager middag.»',
  urgent: false, familyTold: true, legalBasis: 'child_welfare_act', reporterPhone: '98765432', ...extra,
});
const count = async (table: 'child_welfare_report' | 'legal_basis_invocation' | 'notification') =>
  (await t.database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
const post = (client: Client, url: string, payload: unknown, key?: string) =>
  client.app.inject({ method: 'POST', url, payload: payload as object, cookies: client.cookies, headers: { 'x-csrf-token': client.csrfToken ?? '', ...(key ? { 'idempotency-key': key } : {}) } });

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [henrik, ingrid, anders, sofie, martin, sander] = await Promise.all([
    signedIn(t.app, 'fagperson.skole'), signedIn(t.app, 'fagperson.barnehage'), signedIn(t.app, 'barnevern.mottak'),
    signedIn(t.app, 'forelder'), signedIn(t.app, 'forelder.uten.ansvar'), signedIn(t.app, 'ungdom'),
  ]);
  const db = t.database.db;
  const person = async (g: string, f: string) => (await db.selectFrom('person').select('id').where('given_name', '=', g).where('family_name', '=', f).executeTakeFirstOrThrow()).id;
  Object.assign(ids, { jonas: await person('Jonas', 'Nordli'), emma: await person('Emma', 'Nordli') });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('sending a report', () => {
  it('is one transaction: the report, the legal basis, the receipt with its deadlines, the intake notified', async () => {
    const before = { reports: await count('child_welfare_report'), bases: await count('legal_basis_invocation') };
    const sent = await post(henrik, `/api/people/${ids.jonas}/child-welfare-reports`, body(), 'report-jonas-1');
    expect(sent.statusCode, sent.body).toBe(201);
    const receipt = sent.json();
    expect(receipt).toMatchObject({ reference: expect.stringMatching(/^BM-\d{4}-\d{5}$/), receivedOn: today(), reviewBy: daysFromToday(7), feedbackBy: daysFromToday(21), dutyServicePhone: null });
    ids.report = receipt.id;
    expect(await count('child_welfare_report')).toBe(before.reports + 1);
    expect(await count('legal_basis_invocation')).toBe(before.bases + 1);
    const notice = (await anders.get('/api/notifications')).json();
    expect(JSON.stringify(notice)).toContain(receipt.reference);
    // The same request again (a double click, a lost answer) is answered once.
    const again = await post(henrik, `/api/people/${ids.jonas}/child-welfare-reports`, body(), 'report-jonas-1');
    expect(again.json().id).toBe(receipt.id);
    expect(await count('child_welfare_report')).toBe(before.reports + 1);
  });

  it('refuses a report without a description, or with a future observation date, in the user\'s language, and changes nothing', async () => {
    const before = await count('child_welfare_report');
    const empty = await henrik.post(`/api/people/${ids.jonas}/child-welfare-reports`, body({ description: '   ' }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['description']);
    const future = await henrik.post(`/api/people/${ids.jonas}/child-welfare-reports`, body({ observedOn: daysFromToday(1) }));
    expect(future.json().error.fields).toEqual([{ field: 'observedOn', message: 'Datoen for det du så, kan ikke være frem i tid.' }]);
    const english = new Client(t.app, 'en');
    Object.assign(english, { cookies: henrik.cookies, csrfToken: henrik.csrfToken });
    expect((await english.post(`/api/people/${ids.jonas}/child-welfare-reports`, body({ observedOn: daysFromToday(1) }))).json().error.fields)
      .toEqual([{ field: 'observedOn', message: 'The date of what you observed cannot be in the future.' }]);
    const untold = await henrik.post(`/api/people/${ids.jonas}/child-welfare-reports`, body({ familyTold: false }));
    expect(untold.json().error.fields).toEqual([{ field: 'notToldReason', message: 'Skriv hvorfor familien ikke er orientert.' }]);
    expect(await count('child_welfare_report')).toBe(before);
  });

  it('refuses a child the reporter is not involved with, as it refuses one that does not exist', async () => {
    const before = await count('child_welfare_report');
    const other = await ingrid.post(`/api/people/${ids.jonas}/child-welfare-reports`, body());
    const unknown = await ingrid.post('/api/people/00000000-0000-4000-8000-000000000000/child-welfare-reports', body());
    expect([other.statusCode, unknown.statusCode]).toEqual([403, 403]);
    expect(other.json()).toEqual(unknown.json());
    expect(await count('child_welfare_report')).toBe(before);
  });

  it('alerts the duty service at once when urgent, and shows the reporter its phone number', async () => {
    const sent = await henrik.post(`/api/people/${ids.jonas}/child-welfare-reports`, body({ urgent: true, familyTold: false, notToldReason: 'Jonas er redd for hva som skjer hjemme om foreldrene får vite det.' }));
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().dutyServicePhone).toBe('12 34 56 78');
    ids.hidden = sent.json().id;
    const mail = await t.database.db.selectFrom('outbound_email').select(['subject', 'body_text']).where('to_address', '=', 'barnevernvakt@fjordvik.kommune.no').execute();
    expect(mail.map((m) => m.subject)).toEqual([`Haster: bekymringsmelding ${sent.json().reference}`]);
    // The alert names no child.
    expect(mail[0]!.body_text).not.toContain('Jonas');
  });
});

describe('the intake', () => {
  it('sees the queue, urgent first, with the days since receipt and the deadlines; one overdue from the demo', async () => {
    const queue = (await anders.get('/api/child-welfare/queue')).json().items;
    const urgency = queue.map((i: { urgent: boolean }) => i.urgent);
    expect(urgency).toEqual([...urgency].sort((a, b) => Number(b) - Number(a)));
    expect(queue.find((i: { id: string }) => i.id === ids.hidden)).toMatchObject({ urgent: true, daysSinceReceipt: 0, reviewBy: daysFromToday(7), feedbackBy: daysFromToday(21), status: 'sent' });
    expect(queue.find((i: { id: string }) => i.id === ids.report)).toMatchObject({ urgent: false, child: { name: 'Jonas Nordli' }, reporter: { name: 'Henrik Aasen', unitName: 'Fjellbekken skole' } });
    const overdue = (await anders.get('/api/child-welfare/queue?view=overdue')).json().items;
    expect(overdue.map((i: { daysSinceReceipt: number; reviewOverdue: boolean }) => [i.daysSinceReceipt, i.reviewOverdue])).toEqual([[12, true]]);
  });

  it('is the only role that reads the queue', async () => {
    expect((await henrik.get('/api/child-welfare/queue')).statusCode).toBe(403);
    expect((await sofie.get('/api/child-welfare/queue')).statusCode).toBe(403);
    expect((await new Client(t.app).get('/api/child-welfare/queue')).statusCode).toBe(401);
  });

  it('acknowledges receipt: the reporter gets a receipt with the date and the reference; again, or with a stale version, is refused', async () => {
    const report = (await anders.get(`/api/child-welfare/reports/${ids.report}`)).json();
    expect(report).toMatchObject({ description: expect.stringContaining('ikke får mat'), childWords: '«Det er ingen som lager middag.»', version: 1 });
    const ack = await anders.post(`/api/child-welfare/reports/${ids.report}/acknowledge`, { version: 1 });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'received', version: 2 });
    expect((await anders.post(`/api/child-welfare/reports/${ids.report}/acknowledge`, { version: 1 })).statusCode).toBe(409);
    expect((await anders.post(`/api/child-welfare/reports/${ids.report}/acknowledge`, { version: 2 })).json().error.message).toBe('Dette er allerede gjort for meldingen.');
    const notices = JSON.stringify((await henrik.get('/api/notifications')).json());
    expect(notices).toContain(`mottatt meldingen din ${report.reference}`);
  });

  it('records the decision with the feedback; the investigation\'s deadline is three months from receipt', async () => {
    const decided = await anders.post(`/api/child-welfare/reports/${ids.report}/decision`, { decision: 'investigation', feedback: 'Vi har åpnet undersøkelse. Takk for meldingen.', version: 2 });
    expect(decided.statusCode, decided.body).toBe(200);
    const [y, m, d] = today().split('-').map(Number) as [number, number, number];
    // The same day three months on (month index m - 1 + 3), or that month's last day.
    const lastDay = new Date(Date.UTC(y, m + 3, 0)).getUTCDate();
    const threeMonths = new Date(Date.UTC(y, m + 2, Math.min(d, lastDay))).toISOString().slice(0, 10);
    expect(decided.json()).toMatchObject({ status: 'feedback_given', decision: 'investigation', investigationEndBy: threeMonths, version: 3 });
  });

  it('cannot decide before acknowledging', async () => {
    const r = await anders.post(`/api/child-welfare/reports/${ids.hidden}/decision`, { decision: 'dismissed', feedback: 'Test', version: 1 });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toBe('Bekreft mottak av meldingen først.');
  });
});

describe('the reporter', () => {
  it('sees their own reports with status, receipt and feedback', async () => {
    const mine = (await henrik.get('/api/child-welfare/reports/mine')).json().items;
    expect(mine.find((r: { id: string }) => r.id === ids.report)).toMatchObject({
      status: 'feedback_given', decision: 'investigation', feedback: 'Vi har åpnet undersøkelse. Takk for meldingen.', acknowledgedAt: expect.any(String), feedbackOverdue: false,
    });
    expect(mine.find((r: { id: string }) => r.id === ids.hidden)).toMatchObject({ status: 'sent', acknowledgedAt: null });
  });

  it('reads only their own reports; another professional reads none', async () => {
    expect((await henrik.get(`/api/child-welfare/reports/${ids.report}`)).statusCode).toBe(200);
    expect((await ingrid.get(`/api/child-welfare/reports/${ids.report}`)).statusCode).toBe(403);
    expect((await ingrid.get('/api/child-welfare/reports/mine')).json().items).toEqual([]);
    expect((await henrik.post(`/api/child-welfare/reports/${ids.report}/acknowledge`, { version: 3 })).statusCode).toBe(403);
  });
});

describe('the family', () => {
  it('sees on Min side that a report was sent, by which service and when, when they were told', async () => {
    const seen = (await sofie.get(`/api/people/${ids.jonas}/child-welfare-reports`)).json().reports;
    expect(seen).toEqual([expect.objectContaining({ id: ids.report, unitName: 'Fjellbekken skole' })]);
    const log = JSON.stringify((await sofie.get(`/api/people/${ids.jonas}/access-log`)).json());
    expect(log).toMatch(/Anders Moe, saksbehandler, mottak, Barnevernstjenesten, [^"]*leste en bekymringsmelding/);
  });

  it('sees nothing of a report kept from them, not even the intake\'s reads, until the intake decides otherwise', async () => {
    const log = async () => ((await sofie.get(`/api/people/${ids.jonas}/access-log`)).json().events as { id: string; text: string }[]);
    const before = await log();
    await anders.get(`/api/child-welfare/reports/${ids.hidden}`);
    await anders.get('/api/child-welfare/queue');
    const hiddenRows = (await t.database.db.selectFrom('audit_event').select('id').where('entity_type', '=', 'child_welfare_report').where('entity_id', '=', ids.hidden!).execute()).map((r) => String(r.id));
    expect(hiddenRows.length).toBeGreaterThan(2);
    const after = await log();
    // The queue's read of the told report shows; nothing of the other one does.
    expect(after.filter((e) => hiddenRows.includes(e.id))).toEqual([]);
    expect(after.filter((e) => !before.some((b) => b.id === e.id)).map((e) => e.text)).toEqual([expect.stringContaining('så barnevernets liste over meldinger')]);
    expect((await sofie.get(`/api/people/${ids.jonas}/child-welfare-reports`)).json().reports.map((r: { id: string }) => r.id)).toEqual([ids.report]);
    const ack = await anders.post(`/api/child-welfare/reports/${ids.hidden}/acknowledge`, { version: 1 });
    const shown = await anders.post(`/api/child-welfare/reports/${ids.hidden}/family-visibility`, { familyMaySee: true, version: ack.json().version });
    expect(shown.statusCode, shown.body).toBe(200);
    expect((await sofie.get(`/api/people/${ids.jonas}/child-welfare-reports`)).json().reports.map((r: { id: string }) => r.id).sort()).toEqual([ids.report, ids.hidden].sort());
  });

  it('refuses a guardian without parental responsibility, a youth and the anonymous', async () => {
    expect((await martin.get(`/api/people/${ids.jonas}/child-welfare-reports`)).statusCode).toBe(403);
    expect((await sander.get(`/api/people/${ids.jonas}/child-welfare-reports`)).statusCode).toBe(403);
    expect((await sander.get(`/api/child-welfare/reports/${ids.report}`)).statusCode).toBe(403);
    expect((await new Client(t.app).get(`/api/people/${ids.jonas}/child-welfare-reports`)).statusCode).toBe(401);
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
    expect(thread).toMatchObject({ ageYears: 9, outcome: 'advice', messages: [{ body: 'Snakk med eleven først, og ring oss igjen.', authorName: 'Anders Moe' }] });
    expect((await ingrid.get(`/api/child-welfare/consultations/${id}`)).statusCode).toBe(403);
  });
});

describe('counts for the outcome track', () => {
  it('counts reports by month, by the reporter\'s service type and decision, and consultations by source, with no personal data', async () => {
    const counts = (await anders.get('/api/child-welfare/counts')).json();
    const total = await count('child_welfare_report');
    expect(counts.bySource).toEqual([{ source: 'school_primary', name: 'Barneskole', count: total }]);
    expect(counts.byDecision.reduce((n: number, d: { count: number }) => n + d.count, 0)).toBe(total);
    // The demo's one investigation and Jonas's.
    expect(counts.byDecision.find((d: { decision: string }) => d.decision === 'investigation').count).toBe(2);
    expect(counts.byMonth.at(-1)).toEqual({ month: today().slice(0, 7), count: expect.any(Number) });
    expect(counts.consultationsBySource).toEqual([{ source: 'school_primary', name: 'Barneskole', count: 1 }]);
    expect(JSON.stringify(counts)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect((await henrik.get('/api/child-welfare/counts')).statusCode).toBe(403);
  });
});

describe('the API document', () => {
  it('documents creating a report, the queue with its deadlines as dates, acknowledging, the decision with feedback, and the reporter\'s list', async () => {
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
