// The session answers what the signed-in user may open and do; the web draws only that. The menu's
// absence page follows the absence rule (a case worker at a kindergarten or school), the pages follow
// the active role, and switching role changes the answer. Users are made here, not taken from the demo.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../common/roles.ts';
import { signedIn, startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let municipalityId: string;

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 0 });
  municipalityId = (await t.database.db.selectFrom('municipality').select('id').orderBy('created_at').limit(1).executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await t?.close();
});

async function staffAt(unitType: string | null, roles: StaffRole[]): Promise<string> {
  const db = t.database.db;
  const unit = unitType
    ? (await db.insertInto('service_unit').values({ municipality_id: municipalityId, type_code: unitType, name: `Enhet ${randomUUID().slice(0, 8)}` }).returning('id').executeTakeFirstOrThrow()).id
    : null;
  const username = `s.${randomUUID().slice(0, 8)}`;
  const user = await db.insertInto('staff_user').values({ municipality_id: municipalityId, username, display_name: username, email: `${username}@example.test`, service_unit_id: unit })
    .returning('id').executeTakeFirstOrThrow();
  await db.insertInto('staff_role').values(roles.map((role) => ({ staff_user_id: user.id, role }))).execute();
  return username;
}

async function session(username: string) {
  return (await (await signedIn(t.app, username)).get('/api/auth/me')).json();
}

describe('the session names the pages, the menu and the abilities of the active role', () => {
  it('a professional at a kindergarten has absence and the enrolled children in the menu; at a health station the pages but not the menu entries', async () => {
    const kindergarten = await session(await staffAt('kindergarten', ['professional']));
    expect(kindergarten.pages).toEqual(['people', 'register', 'worries', 'cwMine', 'cwConsult', 'absence', 'enrolled', 'handbook', 'familyEfforts']);
    expect(kindergarten.menu).toEqual(['people', 'register', 'worries', 'cwMine', 'cwConsult', 'absence', 'enrolled', 'handbook', 'familyEfforts']);
    const health = await session(await staffAt('health_station', ['professional']));
    expect(health.pages).toContain('absence');
    expect(health.pages).toContain('enrolled');
    expect(health.menu).toEqual(['people', 'register', 'worries', 'cwMine', 'cwConsult', 'handbook', 'familyEfforts']);
    expect(health.abilities).toEqual({ editTeams: false, readDevMailbox: false, seeEveryTeam: false, teamOverviews: false, indicatorsOnly: false });
  });

  it('the administrator edits teams; the SBU coordinator sees every team through indicators; the auditor only audits', async () => {
    const admin = await session(await staffAt(null, ['administrator']));
    expect(admin.pages[0]).toBe('adminUnits');
    expect(admin.abilities).toMatchObject({ editTeams: true, teamOverviews: false, indicatorsOnly: false });
    const sbu = await session(await staffAt(null, ['sbu_coordinator']));
    expect(sbu.menu).toEqual(['teams', 'systemMeetings', 'handbook', 'indicators', 'annualReport', 'survey']);
    expect(sbu.abilities).toMatchObject({ editTeams: false, seeEveryTeam: true, teamOverviews: true, indicatorsOnly: true });
    // The analyst works with figures only, and lands on the annual report rather than a refusal.
    const analyst = await session(await staffAt(null, ['analyst']));
    expect(analyst.pages).toEqual(['annualReport', 'indicators', 'teams', 'survey']);
    const auditor = await session(await staffAt(null, ['auditor']));
    expect(auditor).toMatchObject({ pages: ['audit'], menu: ['audit'] });
    // The editor (redaktør) writes the handbook and reads it; nothing else.
    const editor = await session(await staffAt(null, ['editor']));
    expect(editor).toMatchObject({ pages: ['adminHandbook', 'handbook'], menu: ['adminHandbook', 'handbook'] });
  });

  it('the child-welfare intake starts at its queue of reports', async () => {
    const intake = await session(await staffAt('child_welfare', ['child_welfare_intake']));
    expect(intake.pages).toEqual(['cwQueue', 'cwConsult', 'people', 'register', 'worries', 'handbook', 'familyEfforts']);
  });

  it('switching role changes the answer', async () => {
    const client = await signedIn(t.app, await staffAt('school_primary', ['professional', 'team_leader']));
    const before = (await client.get('/api/auth/me')).json();
    expect(before.principal.activeRole).toBe('professional');
    expect((await client.post('/api/auth/role', { role: 'team_leader' })).statusCode).toBeLessThan(300);
    const after = (await client.get('/api/auth/me')).json();
    expect(after.menu).toEqual(['people', 'register', 'worries', 'cwMine', 'cwConsult', 'intake', 'teams', 'systemMeetings', 'absence', 'enrolled', 'handbook', 'familyEfforts']);
    expect(after.abilities.teamOverviews).toBe(true);
  });

  it('signed out: no pages, nothing allowed', async () => {
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me' })).json();
    expect(me).toMatchObject({ principal: null, pages: [], menu: [] });
    expect(Object.values(me.abilities).every((v) => v === false)).toBe(true);
  });
});
