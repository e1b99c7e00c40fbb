// Several municipalities share one deployment (docs/decisions/0019-tenancy-and-scale-out.md): no
// query crosses from one to another. Municipality A is the demo (Fjordvik); B is a second one with
// the same organisation copied and its own families, cases, consents, relay logs, referrals,
// meetings, catalogue and audit trail (server/demo/scale.ts). Every user of A, in each of their
// roles, calls every read route — lists without parameters, and reads with B's ids in the path —
// and nothing of B may come back: none of its ids, usernames, addresses or its name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import { apiRoutes } from '../../server/app.ts';
import { DEMO_CITIZENS, DEMO_STAFF } from '../../server/modules/identity/demo-users.ts';
import { generateScale } from '../../server/demo/scale.ts';
import { createSession, SESSION_COOKIE } from '../../server/infra/auth/session.ts';
import { Client as Browser, signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { daysFromToday, testClock, today } from '../support/clock.ts';

let t: TestApp;
/** Everything that identifies B: its rows' ids, and the marks its copied names and addresses carry. */
const bIds = new Set<string>();
const bAuditIds = new Set<string>();
let bMarks: string[] = [];
/** A row of B for each kind of path parameter. */
const bParam: Record<string, string> = {};

async function ids(text: string): Promise<string[]> {
  const result = await t.database.db.executeQuery<{ id: string }>(CompiledQuery.raw(text));
  return result.rows.map((r) => String(r.id));
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 30 });
  await generateScale(t.database.db, { referenceDate: today(), homeChildren: 0, otherMunicipalities: 1, otherChildren: 300, caseShare: 0.5, auditPerCase: 3, salt: 'tenancy' });
  const db = t.database.db;
  const b = await db.selectFrom('municipality').select(['id', 'code', 'name']).orderBy('created_at', 'desc').orderBy('id').executeTakeFirstOrThrow();
  const m = `'${b.id}'`;
  const groups = [
    `SELECT id FROM municipality WHERE id = ${m}`,
    `SELECT id FROM service_unit WHERE municipality_id = ${m}`,
    `SELECT id FROM staff_user WHERE municipality_id = ${m}`,
    `SELECT id FROM team WHERE municipality_id = ${m}`,
    `SELECT id FROM person WHERE municipality_id = ${m}`,
    `SELECT id FROM help_case WHERE municipality_id = ${m}`,
    `SELECT id FROM worry WHERE municipality_id = ${m}`,
    `SELECT e.entry_key AS id FROM relay_log_entry e JOIN help_case c ON c.id = e.case_id WHERE c.municipality_id = ${m}`,
    `SELECT e.id FROM relay_log_entry e JOIN help_case c ON c.id = e.case_id WHERE c.municipality_id = ${m}`,
    `SELECT c.id FROM consent c JOIN person p ON p.id = c.subject_id WHERE p.municipality_id = ${m}`,
    `SELECT r.id FROM referral r JOIN team t ON t.id = r.team_id WHERE t.municipality_id = ${m}`,
    `SELECT x.id FROM team_meeting x JOIN team t ON t.id = x.team_id WHERE t.municipality_id = ${m}`,
    `SELECT a.id FROM action_item a JOIN team_meeting x ON x.id = a.meeting_id JOIN team t ON t.id = x.team_id WHERE t.municipality_id = ${m}`,
    `SELECT id FROM catalogue_service WHERE municipality_id = ${m}`,
    `SELECT v.id FROM catalogue_service_version v JOIN catalogue_service s ON s.id = v.service_id WHERE s.municipality_id = ${m}`,
    `SELECT a.id FROM citizen_account a JOIN person p ON p.id = a.person_id WHERE p.municipality_id = ${m}`,
  ];
  for (const q of groups) for (const id of await ids(q)) bIds.add(id);
  for (const id of await ids(`SELECT e.id FROM audit_event e WHERE e.actor_id IN (SELECT id FROM staff_user WHERE municipality_id = ${m})
      OR e.subject_id IN (SELECT id FROM person WHERE municipality_id = ${m})`)) bAuditIds.add(id);
  // The copied organisation keeps A's display names, so B is recognised by its ids and by the
  // municipality code its usernames and e-mail addresses carry.
  bMarks = [b.name, `.k${b.code}`];
  const first = async (q: string) => (await ids(q))[0]!;
  bParam.person = await first(`SELECT c.person_id AS id FROM help_case c WHERE c.municipality_id = ${m} AND c.level > 0 ORDER BY c.id LIMIT 1`);
  bParam.staff = await first(`SELECT id FROM staff_user WHERE municipality_id = ${m} ORDER BY username LIMIT 1`);
  bParam.case = await first(`SELECT id FROM help_case WHERE municipality_id = ${m} AND level > 0 ORDER BY id LIMIT 1`);
  bParam.entryKey = await first(`SELECT e.entry_key AS id FROM relay_log_entry e WHERE e.case_id = '${bParam.case}' LIMIT 1`);
  bParam.team = await first(`SELECT id FROM team WHERE municipality_id = ${m} AND kind = 'early_intervention' ORDER BY name LIMIT 1`);
  bParam.systemTeamMeeting = bParam.team;
  bParam.meeting = await first(`SELECT x.id FROM team_meeting x JOIN team t ON t.id = x.team_id WHERE t.municipality_id = ${m} ORDER BY x.id LIMIT 1`);
  bParam.referral = await first(`SELECT r.id FROM referral r JOIN team t ON t.id = r.team_id WHERE t.municipality_id = ${m} ORDER BY r.id LIMIT 1`);
  bParam.consent = await first(`SELECT c.id FROM consent c JOIN person p ON p.id = c.subject_id WHERE p.municipality_id = ${m} ORDER BY c.id LIMIT 1`);
  bParam.catalogueService = await first(`SELECT id FROM catalogue_service WHERE municipality_id = ${m} ORDER BY slug LIMIT 1`);
});

afterAll(async () => {
  await t?.close();
});

/** The GET routes with B's rows in their path parameters; routes that need no data of B keep theirs. */
function readPaths(): string[] {
  const fill = (url: string): string | null => {
    if (url.includes(':audience') || url.startsWith('/api/dev/') || url.startsWith('/api/ratings/')) return null;
    let out = url;
    if (url.startsWith('/api/people/:id')) out = out.replace(':id', bParam.person!);
    else if (url.startsWith('/api/admin/staff/:id')) out = out.replace(':id', bParam.staff!);
    else if (url.startsWith('/api/admin/catalogue/services/:id')) out = out.replace(':id', bParam.catalogueService!).replace(':version', '1');
    else if (url.includes(':id')) return null;
    out = out
      .replace(':caseId', bParam.case!).replace(':entryKey', bParam.entryKey!).replace(':teamId', bParam.team!)
      .replace(':referralId', bParam.referral!).replace(':consentId', bParam.consent!).replace(':slug', 'helsestasjon');
    if (out.startsWith('/api/system-meetings/:meetingId') || out.startsWith('/api/meetings/:meetingId')) out = out.replace(':meetingId', bParam.meeting!);
    return out.includes('/:') ? null : out;
  };
  const paths = apiRoutes.filter((r) => r.method === 'GET').map((r) => fill(r.url)).filter((u): u is string => u !== null);
  // The auditor's search, newest first, would show only this test's own events on its first page:
  // also search the days before today, where B's history lies.
  return [...paths, `/api/audit/events?to=${daysFromToday(-1)}`, `/api/audit/events?to=${daysFromToday(-1)}&action=case.read`];
}

/** The string values in a response that belong to B. */
function leaks(body: string): string[] {
  const found = new Set<string>();
  for (const mark of bMarks) if (body.includes(mark)) found.add(mark);
  for (const match of body.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi)) {
    if (bIds.has(match[0].toLowerCase())) found.add(match[0]);
  }
  // Audit events are numbered, not uuids: an event id of B in an auditor's or a family's list.
  for (const match of body.matchAll(/"id":"(\d+)"/g)) if (bAuditIds.has(match[1]!)) found.add(`audit_event ${match[1]}`);
  return [...found];
}

/** Responses with data (2xx), so a sweep that only met refusals would show up as empty. */
let answered = 0;

async function sweep(client: Client, who: string, paths: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const url of paths) {
    const response = await client.get(url);
    expect(response.statusCode, `${who} GET ${url}`).toBeLessThan(500);
    if (response.statusCode < 300) answered++;
    const found = leaks(response.body);
    if (found.length) problems.push(`${who} GET ${url} → ${found.slice(0, 3).join(', ')}`);
  }
  return problems;
}

describe('two municipalities in one database', () => {
  it('B really has data of every kind, which its own users see', async () => {
    expect(bIds.size).toBeGreaterThan(500);
    expect(bAuditIds.size).toBeGreaterThan(50);
    expect(Object.values(bParam).every(Boolean)).toBe(true);
    // The same sweep as below, as B's administrator and team leader: their lists are full of B.
    const admin = await signedIn(t.app, 'administrator.k1001');
    expect(leaks((await admin.get('/api/service-units')).body).length).toBeGreaterThan(0);
    expect(leaks((await admin.get('/api/admin/staff')).body).length).toBeGreaterThan(0);
    const leader = await signedIn(t.app, 'teamleder.k1001');
    await leader.post('/api/auth/role', { role: 'team_leader' });
    expect(leaks((await leader.get('/api/intake')).body).length).toBeGreaterThan(0);
  });

  it('no read route shows anything of B to a staff user of A, in any of their roles', async () => {
    const paths = readPaths();
    expect(paths.length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const user of DEMO_STAFF) {
      for (const role of user.roles) {
        const client = await signedIn(t.app, user.username);
        const switched = await client.post('/api/auth/role', { role });
        expect(switched.statusCode).toBe(200);
        problems.push(...(await sweep(client, `${user.username} (${role})`, paths)));
      }
    }
    expect(problems).toEqual([]);
    // Most of the sweep was answered with data (each role is refused the routes not meant for it).
    expect(answered).toBeGreaterThan(DEMO_STAFF.length * 10);
  });

  // Each audit event carries its municipality (migration 0021), and the auditor's search is
  // confined to the auditor's own: A's history is there, B's is not.
  it('the auditor\'s search is confined to the auditor\'s municipality', async () => {
    const auditor = await signedIn(t.app, 'revisor');
    const searches = readPaths().filter((p) => p.startsWith('/api/audit/events'));
    expect(await sweep(auditor, 'revisor', searches)).toEqual([]);
    // Not an empty answer: today's events of A (this test's own reads) are found.
    expect((await auditor.get('/api/audit/events')).json().events.length).toBeGreaterThan(0);
  });

  it('a citizen of B sees B as their municipality, its service units and its catalogue', async () => {
    const db = t.database.db;
    const b = await db.selectFrom('municipality').select(['id', 'name']).where('id', 'in', [...bIds]).executeTakeFirstOrThrow();
    const account = await db.selectFrom('citizen_account as a').innerJoin('person as p', 'p.id', 'a.person_id')
      .select('a.id').where('p.municipality_id', '=', b.id).orderBy('a.id').executeTakeFirstOrThrow();
    // B's citizens have no demo log-in: the session an identity provider's sign-in would make.
    const { token } = await createSession(db, { citizenAccountId: account.id }, testClock.now());
    const citizen = new Browser(t.app);
    citizen.cookies[SESSION_COOKIE] = token;
    expect((await citizen.get('/api/municipality')).json().name).toBe(b.name);
    expect(leaks((await citizen.get('/api/service-units')).body).length).toBeGreaterThan(0);
    expect((await citizen.get('/api/catalogue/services?q=helsestasjon')).json().municipality).toBe(b.name);
    // Someone not signed in sees the deployment's first municipality, A.
    expect((await new Browser(t.app).get('/api/catalogue/services?q=helsestasjon')).json().municipality).not.toBe(b.name);
  });

  it('no read route shows anything of B to a citizen of A, or to someone not signed in', async () => {
    const paths = readPaths();
    const problems: string[] = [];
    for (const citizen of DEMO_CITIZENS) problems.push(...(await sweep(await signedIn(t.app, citizen.username), citizen.username, paths)));
    const { Client: Anonymous } = await import('../support/app.ts');
    problems.push(...(await sweep(new Anonymous(t.app), 'anonymous', paths)));
    expect(problems).toEqual([]);
  });
});
