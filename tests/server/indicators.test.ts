// The indicator register and the annual report through the API: the SBU coordinator adds an
// indicator with a baseline and targets, changes it (the old version kept), imports entered figures
// from a CSV (a bad line refuses the whole file, named by its line), and reads the report for a year:
// status, change, target met, and small figures suppressed on screen, in the CSV and the PDF. Who may
// do what, and that every read of the report is audited as an aggregate read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { testClock, today } from '../support/clock.ts';
import { pdfText } from '../support/pdf-text.ts';
import { teamLedBy, teamServingType, type DemoTeam } from '../support/factories.ts';

let t: TestApp;
let sbu: Client;
let analyst: Client;
let m: string;
// Tone's team, and one she does not lead (the lower secondary schools'): their figures are the test's own.
let tonesTeam: DemoTeam;
let otherTeam: DemoTeam;
const fewer = { suppressed: 'small', fewerThan: 5 };

const post = (client: Client, url: string, payload: unknown, key?: string) =>
  client.app.inject({ method: 'POST', url, payload: payload as object, cookies: client.cookies, headers: { 'x-csrf-token': client.csrfToken ?? '', ...(key ? { 'idempotency-key': key } : {}) } });

const entered = (code: string) => ({
  code, source: 'entered', unit: 'share', direction: 'higher_is_better',
  names: { nb: 'Trives på skolen (Ungdata)', nn: 'Trivst på skulen (Ungdata)', en: 'Thriving at school (Ungdata)' },
  definitions: { nb: 'Andel ungdomsskoleelever som sier de trives.', nn: 'Del ungdomsskuleelevar som seier dei trivst.', en: 'Share of lower-secondary pupils who say they thrive.' },
  baseline: { year: 2022, value: 80 },
  targets: [{ year: 2024, value: 84 }, { year: 2025, value: 86 }],
});

const count = async (table: 'indicator' | 'indicator_entry') => (await t.database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [sbu, analyst] = await Promise.all([signedIn(t.app, 'sbu.koordinator'), signedIn(t.app, 'analytiker')]);
  const db = t.database.db;
  m = (await db.selectFrom('staff_user').select('municipality_id').where('username', '=', 'sbu.koordinator').executeTakeFirstOrThrow()).municipality_id;
  tonesTeam = await teamLedBy(db, 'teamleder');
  otherTeam = await teamServingType(db, 'school_lower_secondary', 'early_intervention');
});
afterAll(async () => {
  await t?.close();
});

describe('the indicator register', () => {
  it('lets the SBU coordinator add an indicator with a baseline and two targets; a replay gives the first answer', async () => {
    const before = await count('indicator');
    const created = await post(sbu, '/api/indicators', entered('ungdata-trivsel'), 'ind-create-1');
    expect(created.statusCode, created.body).toBe(201);
    const replay = await post(sbu, '/api/indicators', entered('ungdata-trivsel'), 'ind-create-1');
    expect(replay.json()).toEqual(created.json());
    expect(await count('indicator')).toBe(before + 1);
    const register = (await sbu.get('/api/indicators')).json();
    expect(register.abilities).toEqual({ edit: true });
    expect(register.indicators.find((i: { code: string }) => i.code === 'ungdata-trivsel')).toMatchObject({
      name: 'Trives på skolen (Ungdata)', baseline: { year: 2022, value: 80 }, targets: [{ year: 2024, value: 84 }, { year: 2025, value: 86 }], retiredAt: null, version: 1,
    });
  });

  it('refuses a target before the baseline, a taken code and an unknown unit, in the user\'s language, changing nothing', async () => {
    expect((await post(sbu, '/api/indicators', entered('ungdata-tatt'))).statusCode).toBe(201);
    const before = await count('indicator');
    const bad = await post(sbu, '/api/indicators', { ...entered('ungdata-x'), targets: [{ year: 2021, value: 70 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ field: 'targets.0.year', message: 'Et mål må gjelde et år etter 0-punktet.' }]);
    const taken = await post(sbu, '/api/indicators', entered('ungdata-tatt'));
    expect(taken.json().error.fields).toEqual([{ field: 'code', message: 'Det finnes allerede en indikator med denne koden.' }]);
    const english = await signedIn(t.app, 'sbu.koordinator', 'en');
    const badEn = await english.post('/api/indicators', { ...entered('ungdata-y'), targets: [{ year: 2021, value: 70 }] });
    expect(badEn.json().error.fields[0].message).toBe('A target must be for a year after the baseline.');
    expect(await count('indicator')).toBe(before);
  });

  it('keeps every version: a change names the version it read, a stale one is refused, retiring keeps the past', async () => {
    const created = (await post(sbu, '/api/indicators', entered('kostra-x'))).json();
    const { source: _source, ...fields } = entered('kostra-x');
    const changed = await sbu.put(`/api/indicators/${created.id}`, { ...fields, baseline: { year: 2022, value: 79 }, version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    const stale = await sbu.put(`/api/indicators/${created.id}`, { ...fields, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await post(sbu, `/api/indicators/${created.id}/retire`, { version: 2 })).statusCode).toBe(200);
    const history = (await sbu.get(`/api/indicators/${created.id}/history`)).json();
    expect(history.versions.map((v: { version: number; baseline: { value: number }; retired: boolean }) => [v.version, v.baseline.value, v.retired])).toEqual([[3, 79, true], [2, 79, false], [1, 80, false]]);
    expect((await sbu.get('/api/indicators')).json().indicators.find((i: { id: string }) => i.id === created.id).retiredAt).not.toBeNull();
  });

  it('imports entered figures all or nothing, naming each bad line', async () => {
    expect((await post(sbu, '/api/indicators', entered('ungdata-import'))).statusCode).toBe(201);
    const before = await count('indicator_entry');
    const bad = await post(sbu, '/api/indicators/entries', { csv: 'code;year;value\nungdata-import;2023;81,5\nungdata-import;20x4;83\nukjent;2024;1\n' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { field: 'line.3', message: 'Linje 3: årstallet må være mellom 2000 og 2100.' },
      { field: 'line.4', message: 'Linje 4: ingen indikator har koden «ukjent».' },
    ]);
    expect(await count('indicator_entry')).toBe(before);
    const good = await post(sbu, '/api/indicators/entries', { csv: 'code;year;value\nungdata-import;2023;81,5\nungdata-import;2024;85\n' });
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json()).toEqual({ imported: 2 });
    expect(await count('indicator_entry')).toBe(before + 2);
  });
});

describe('the annual report', () => {
  beforeAll(async () => {
    // An entered indicator with two years' figures, and one retired now.
    expect((await post(sbu, '/api/indicators', entered('ungdata-rapport'))).statusCode).toBe(201);
    expect((await post(sbu, '/api/indicators/entries', { csv: 'code;year;value\nungdata-rapport;2023;81,5\nungdata-rapport;2024;85\n' })).statusCode).toBe(201);
    const retired = (await post(sbu, '/api/indicators', entered('kostra-rapport'))).json();
    expect((await post(sbu, `/api/indicators/${retired.id}/retire`, { version: 1 })).statusCode).toBe(200);
    // A computed indicator, and the figures the refresh job would have stored for it: known counts.
    const created = await post(sbu, '/api/indicators', {
      code: 'team-cases', source: 'computed', computedKey: 'team_cases', unit: 'count', direction: 'higher_is_better',
      names: { nb: 'Saker i tidlig innsatsteam', nn: 'Saker i tidleg innsatsteam', en: 'Cases in early-intervention teams' },
      definitions: { nb: 'Saker teamene tok imot.', nn: 'Saker teama tok imot.', en: 'Cases the teams accepted.' },
      baseline: { year: 2022, value: 10 }, targets: [{ year: 2024, value: 18 }, { year: 2025, value: 25 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const now = testClock.now();
    const row = (year: number, scopeKind: 'municipality' | 'team', scopeKey: string, n: number) =>
      ({ municipality_id: m, computed_key: 'team_cases', year, scope_kind: scopeKind, scope_key: scopeKey, numerator: n, denominator: n, refreshed_at: now });
    await t.database.db.deleteFrom('indicator_figure').where('municipality_id', '=', m).where('computed_key', '=', 'team_cases').execute();
    await t.database.db.insertInto('indicator_figure').values([
      row(2022, 'municipality', '', 10), row(2023, 'municipality', '', 3), row(2024, 'municipality', '', 20),
      row(2024, 'team', tonesTeam.id, 17), row(2024, 'team', otherTeam.id, 3),
    ]).execute();
  });

  it('shows status, change from baseline and previous year, target met, and suppresses small figures', async () => {
    const response = await analyst.get('/api/indicators/report?year=2024');
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    const cases = report.rows.find((r: { indicator: { code: string } }) => r.indicator.code === 'team-cases');
    expect(cases).toMatchObject({
      baseline: { year: 2022, value: 10 }, target: { year: 2024, value: 18 }, status: { value: 20 },
      // 2023's three cases are "fewer than 5", so no change from the previous year can be given.
      previous: fewer, changeFromBaseline: 10, changeFromPrevious: null, improved: true, targetMet: true,
      trend: [{ year: 2022, value: { value: 10 } }, { year: 2023, value: fewer }, { year: 2024, value: { value: 20 } }],
    });
    // 20 = 17 + 3: the 3 is hidden, and the 17 with it, or 20 − 17 would give it away.
    expect(cases.breakdown).toEqual([
      { scopeKind: 'team', key: tonesTeam.id, name: tonesTeam.name, value: { suppressed: 'secondary' } },
      { scopeKind: 'team', key: otherTeam.id, name: otherTeam.name, value: fewer },
    ]);
    const thriving = report.rows.find((r: { indicator: { code: string } }) => r.indicator.code === 'ungdata-rapport');
    expect(thriving).toMatchObject({ status: { value: 85 }, previous: { value: 81.5 }, changeFromBaseline: 5, changeFromPrevious: 3.5, improved: true, targetMet: true });
    // A retired indicator keeps the years before it was retired, and is gone from the year it was.
    expect(report.rows.some((r: { indicator: { code: string } }) => r.indicator.code === 'kostra-rapport')).toBe(true);
    const thisYear = (await analyst.get(`/api/indicators/report?year=${today().slice(0, 4)}`)).json();
    expect(thisYear.rows.some((r: { indicator: { code: string } }) => r.indicator.code === 'kostra-rapport')).toBe(false);
  });

  it('writes the same table, suppressed the same way, to the CSV and the PDF', async () => {
    const csv = await analyst.get('/api/indicators/report.csv?year=2024');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Hva;0-punkt;Mål;Status;Forbedring fra 0-punkt;Endring fra året før;Mål nådd');
    expect(lines).toContain('Saker i tidlig innsatsteam;10 (2022);18;20;+10;–;Ja');
    expect(lines).toContain(`Saker i tidlig innsatsteam: ${otherTeam.name};;;færre enn 5;;;`);
    expect(lines).toContain(`Saker i tidlig innsatsteam: ${tonesTeam.name};;;skjult;;;`);
    const pdf = await analyst.get('/api/indicators/report.pdf?year=2024');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Årsrapport 2024');
    expect(text).toContain('Saker i tidlig innsatsteam');
    expect(text).toContain('færre enn 5');
    expect(text).not.toContain(`${otherTeam.name}: 3`);
  });

  it('gives a team\'s leader her own team\'s figures only', async () => {
    const tone = await signedIn(t.app, 'teamleder');
    const own = await tone.get(`/api/indicators/report?year=2024&teamId=${tonesTeam.id}`);
    expect(own.statusCode, own.body).toBe(200);
    // Her team's 17 is shown to her: it is a figure of her own team, not a part of a table beside a total.
    expect(own.json().rows.find((r: { indicator: { code: string } }) => r.indicator.code === 'team-cases')).toMatchObject({ status: { value: 17 }, breakdown: [] });
    expect((await tone.get(`/api/indicators/report?year=2024&teamId=${otherTeam.id}`)).statusCode).toBe(403);
    expect((await tone.get('/api/indicators/report?year=2024')).statusCode).toBe(403);
  });

  it('refuses people without a figure role, and audits every read as an aggregate read', async () => {
    const reads = () => t.database.db.selectFrom('audit_event').select(['outcome', 'subject_id']).where('action', '=', 'indicatorReport.read').execute();
    const outcomes = async () => {
      const audited = await reads();
      return { allowed: audited.filter((a) => a.outcome === 'allowed').length, denied: audited.filter((a) => a.outcome === 'denied').length };
    };
    const before = await outcomes();
    for (const url of ['/api/indicators/report?year=2024', '/api/indicators/report?year=2023', '/api/indicators/report.csv?year=2024']) {
      expect((await analyst.get(url)).statusCode, url).toBe(200);
    }
    for (const username of ['fagperson.skole', 'teammedlem', 'revisor']) {
      const other = await signedIn(t.app, username);
      expect((await other.get('/api/indicators/report?year=2024')).statusCode, username).toBe(403);
    }
    expect((await (await signedIn(t.app, 'forelder')).get('/api/indicators/report?year=2024')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/indicators/report?year=2024' })).statusCode).toBe(401);
    expect((await post(analyst, '/api/indicators', entered('analyst-x'))).statusCode).toBe(403);
    expect((await post(analyst, '/api/indicators/entries', { csv: 'code;year;value\nungdata-rapport;2025;90\n' })).statusCode).toBe(403);
    const after = await outcomes();
    expect(after.allowed - before.allowed).toBeGreaterThanOrEqual(3);
    // Each of the three without a figure role is audited by name; the guardian and the anonymous are turned away before any decision.
    expect(after.denied - before.denied).toBeGreaterThanOrEqual(3);
    const deniedTo = await t.database.db.selectFrom('audit_event as a').innerJoin('staff_user as s', 's.id', 'a.actor_id').select('s.username')
      .where('a.action', '=', 'indicatorReport.read').where('a.outcome', '=', 'denied').execute();
    for (const username of ['fagperson.skole', 'teammedlem', 'revisor']) expect(deniedTo.map((d) => d.username)).toContain(username);
    // An aggregate read: nobody is its subject.
    expect((await reads()).every((a) => a.subject_id === null)).toBe(true);
  });

  it('refuses a year outside the range in the user\'s language', async () => {
    const bad = await analyst.get('/api/indicators/report?year=1999');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ field: 'year', message: 'Oppgi et årstall mellom 2000 og 2100.' }]);
  });
});
