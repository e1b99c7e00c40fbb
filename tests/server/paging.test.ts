// Every list read comes in pages with a stable order: two rows more than a page make the first page
// full, say there is more, and its cursor brings exactly the rest — nothing skipped or repeated,
// also when many rows share the same time. A list whose limit is removed fails here: it fetches more
// than a page and one row, which toPage() refuses.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../server/infra/http/paging.ts';
import { insertVersion } from '../../server/modules/catalogue/queries.ts';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { demoFamilies } from '../support/factories.ts';

let t: TestApp;
let municipalityId: string;
/** One instant for every row a test makes, so only the tie-break keeps the order stable. */
const SAME_TIME = new Date('2026-01-15T09:00:00Z');

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 5 });
  municipalityId = (await t.database.db.selectFrom('municipality').select('id').orderBy('created_at').limit(1).executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await t?.close();
});

const staffId = async (username: string) => (await t.database.db.selectFrom('staff_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

async function newChildren(n: number, familyName: string): Promise<string[]> {
  const rows = await t.database.db.insertInto('person')
    .values(Array.from({ length: n }, (_, i) => ({ municipality_id: municipalityId, given_name: `Barn${String(i).padStart(3, '0')}`, family_name: familyName, birth_date: '2017-02-01', kind: 'child' })))
    .returning('id').execute();
  return rows.map((r) => r.id);
}

/** Reads every page of a list; checks each page's size and that the pages join up without a gap or a repeat. */
async function allPages<T extends { id: string }>(client: Client, url: string, items: (body: Record<string, unknown>) => T[], size = PAGE_SIZE) {
  const first = await client.get(url);
  expect(first.statusCode, first.body).toBe(200);
  const body = first.json();
  expect(items(body)).toHaveLength(size);
  expect(body.hasMore).toBe(true);
  expect(body.nextCursor).toEqual(expect.any(String));
  const second = await client.get(`${url}${url.includes('?') ? '&' : '?'}after=${encodeURIComponent(body.nextCursor)}`);
  expect(second.statusCode, second.body).toBe(200);
  expect(second.json().hasMore).toBe(false);
  expect(second.json().nextCursor).toBeNull();
  const ids = [...items(body), ...items(second.json())].map((x) => x.id);
  expect(new Set(ids).size).toBe(ids.length);
  return ids;
}

describe('list reads come in pages', () => {
  it('a professional\'s people: 50 by name, then the rest', async () => {
    const teacher = await signedIn(t.app, 'fagperson.skole');
    const me = await staffId('fagperson.skole');
    const children = await newChildren(PAGE_SIZE + 2, 'Aaberg');
    await t.database.db.insertInto('involvement').values(children.map((id) => ({ person_id: id, staff_user_id: me, kind: 'registrant' }))).execute();
    const ids = await allPages(teacher, '/api/people', (b) => b.people as { id: string }[]);
    expect(ids).toEqual(expect.arrayContaining(children));
  });

  it('a team\'s intake queue: the 50 who waited longest, then the rest', async () => {
    const leader = await signedIn(t.app, 'teamleder');
    const team = (await t.database.db.selectFrom('team').select('id').where('leader_staff_user_id', '=', await staffId('teamleder')).where('kind', '=', 'early_intervention').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
    const waiting = (await t.database.db.selectFrom('referral').select(sql<number>`count(*)::int`.as('n')).where('team_id', '=', team).where('status', 'in', ['waiting', 'more_info', 'accepted']).executeTakeFirstOrThrow()).n;
    const referrer = await staffId('fagperson.skole');
    const children = await newChildren(PAGE_SIZE + 2 - waiting, 'Intaksen');
    await t.database.db.insertInto('referral').values(children.map((id) => ({ team_id: team, person_id: id, source: 'professional' as const, referred_by_staff_id: referrer, reason: 'Uro', basis: 'family_present' as const, received_at: SAME_TIME }))).execute();
    await allPages(leader, `/api/teams/${team}/intake`, (b) => b.referrals as { id: string }[]);
  });

  it('my notifications: the newest 50, then the rest', async () => {
    const nurse = await signedIn(t.app, 'helsesykepleier');
    const me = await staffId('helsesykepleier');
    const have = (await nurse.get('/api/notifications')).json().notifications.length as number;
    await t.database.db.insertInto('notification')
      .values(Array.from({ length: PAGE_SIZE + 2 - have }, () => ({ staff_user_id: me, kind: 'referral.received', params: JSON.stringify({ teamName: 'Team' }), link: '/varsler', created_at: SAME_TIME })))
      .execute();
    await allPages(nurse, '/api/notifications', (b) => b.notifications as { id: string }[]);
  });

  it('a family\'s access log: a page of reads, then the older ones', async () => {
    const mother = await signedIn(t.app, 'forelder');
    const child = (await demoFamilies(t.database.db)).youngerChild.id;
    // 502 reads by different professionals far apart in time: 502 lines, one per read.
    const staff = await t.database.db.selectFrom('staff_user').select(['id', 'display_name']).where('municipality_id', '=', municipalityId).execute();
    await t.database.db.transaction().execute((trx) => trx.insertInto('audit_event').values(Array.from({ length: 502 }, (_, i) => ({
      occurred_at: new Date(Date.UTC(2025, 0, 1) + i * 86_400_000), actor_kind: 'staff' as const, actor_id: staff[i % staff.length]!.id, actor_name: `Leser ${i}`,
      actor_role: 'professional', subject_kind: 'person' as const, subject_id: child, action: 'case.read', purpose: 'follow_up', outcome: 'allowed' as const, reason: 'test',
    }))).execute());
    const first = (await mother.get(`/api/people/${child}/access-log`)).json();
    expect(first.events).toHaveLength(500);
    expect(first.hasMore).toBe(true);
    const rest = (await mother.get(`/api/people/${child}/access-log?after=${first.nextCursor}`)).json();
    expect(rest.hasMore).toBe(false);
    expect(rest.events.map((e: { id: string }) => e.id)).not.toContain(first.events.at(-1).id);
    expect(rest.events.length).toBeGreaterThanOrEqual(1);
  });

  it('the administrator\'s staff list: 50 by name, then the rest, also when names are the same', async () => {
    const admin = await signedIn(t.app, 'administrator');
    const have = (await t.database.db.selectFrom('staff_user').select(sql<number>`count(*)::int`.as('n')).where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow()).n;
    // Enough for a second page, three of them with the same name.
    await t.database.db.insertInto('staff_user').values(Array.from({ length: Math.max(3, PAGE_SIZE + 2 - have) }, (_, i) => ({
      municipality_id: municipalityId, username: `likenavn.${i}`, display_name: 'Aase Likenavn', email: `likenavn.${i}@fjordvik.example`,
    }))).execute();
    await allPages(admin, '/api/admin/staff', (b) => b.staff as { id: string }[]);
  });

  it('the catalogue\'s admin list: 50 services by name, then the rest', async () => {
    const admin = await signedIn(t.app, 'administrator');
    const have = (await admin.get('/api/admin/catalogue/services')).json().services.length as number;
    const texts = { name: 'Samme navn', summary: 'Hjelp.', audienceText: 'Familier.', howTo: 'Ring oss.', cost: 'Gratis.', openingHours: 'Hverdager.', location: 'Rådhuset.', keywords: 'familie' };
    for (let i = 0; i < PAGE_SIZE + 2 - have; i++) {
      const service = (await t.database.db.insertInto('catalogue_service').values({ municipality_id: municipalityId, slug: `samme-navn-${i}`, latest_version: 1 }).returning('id').executeTakeFirstOrThrow()).id;
      await insertVersion(t.database.db, service, 1, {
        ageFrom: 0, ageTo: 18, audiences: ['next_of_kin'], situations: ['small_children'], lowThreshold: true, phone: null, email: null, url: null, address: null,
        rules: { suggestWhen: [] }, changeNote: null, texts: { nb: texts, nn: texts, en: texts },
      }, null);
    }
    await allPages(admin, '/api/admin/catalogue/services', (b) => b.services as { id: string }[]);
  });

  it('the anonymous worries one noted: the newest 50, then the rest', async () => {
    const teacher = await signedIn(t.app, 'fagperson.barnehage');
    const me = await staffId('fagperson.barnehage');
    const have = (await teacher.get('/api/worries')).json().worries.length as number;
    await t.database.db.insertInto('worry').values(Array.from({ length: PAGE_SIZE + 2 - have }, (_, i) => ({
      municipality_id: municipalityId, subject_kind: 'child' as const, age_years: 4, noticed_by: me, noticed_on: '2026-01-15', categories: ['social'], description: `Undring ${i}`, created_at: SAME_TIME,
    }))).execute();
    await allPages(teacher, '/api/worries', (b) => b.worries as { id: string }[]);
  });

  describe('a professional\'s tasks, each section a page at a time', () => {
    let children: string[];
    let cases: string[];
    let nurseId: string;
    let teacherId: string;
    beforeAll(async () => {
      nurseId = await staffId('helsesykepleier');
      teacherId = await staffId('fagperson.skole');
      children = await newChildren(PAGE_SIZE + 2, 'Oppgave');
      cases = (await t.database.db.insertInto('help_case')
        .values(children.map((person_id) => ({ municipality_id: municipalityId, person_id, level: 1, relay_holder_id: teacherId, opened_by: teacherId })))
        .returning('id').execute()).map((r) => r.id);
    });

    /** The first page says there is more and its cursor brings the last page (what is shown of each is the access module's). */
    async function twoPages(client: Client, url: string) {
      const first = await client.get(url);
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ hasMore: true, nextCursor: expect.any(String) });
      const second = await client.get(`${url}?after=${encodeURIComponent(first.json().nextCursor)}`);
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json()).toMatchObject({ hasMore: false, nextCursor: null });
    }

    it('batons offered', async () => {
      await t.database.db.insertInto('relay_handover').values(cases.map((case_id) => ({ case_id, from_staff_id: teacherId, to_staff_id: nurseId, requested_by: teacherId, requested_at: SAME_TIME }))).execute();
      await twoPages(await signedIn(t.app, 'helsesykepleier'), '/api/tasks/handovers');
    });

    it('measures to evaluate', async () => {
      await t.database.db.insertInto('relay_log_entry').values(Array.from({ length: PAGE_SIZE + 2 }, (_, i) => ({
        case_id: cases[0]!, kind: 'measure' as const, category: 'language', title: `Tiltak ${i}`, entry_key: randomUUID(), version: 1, responsible_staff_id: nurseId, starts_on: '2026-01-15', evaluate_on: '2026-03-01', author_staff_id: teacherId,
      }))).execute();
      await twoPages(await signedIn(t.app, 'helsesykepleier'), '/api/tasks/measures');
    });

    it('action items: the earliest due 50, then the rest', async () => {
      const team = (await t.database.db.selectFrom('team').select('id').where('municipality_id', '=', municipalityId).orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
      // A system-level meeting, about no child: its items are the owner's to see.
      const meeting = (await t.database.db.insertInto('team_meeting').values({
        team_id: team, kind: 'system', place: 'Rådhuset', starts_at: SAME_TIME, ends_at: new Date(SAME_TIME.getTime() + 3_600_000), chair_staff_id: teacherId, created_by: teacherId,
        status: 'closed', closed_at: SAME_TIME,
      }).returning('id').executeTakeFirstOrThrow()).id;
      await t.database.db.insertInto('action_item').values(Array.from({ length: PAGE_SIZE + 2 }, (_, i) => ({
        meeting_id: meeting, position: i + 1, what: `Gjøremål ${i}`, owner_staff_id: nurseId, due_on: '2026-02-01',
      }))).execute();
      await allPages(await signedIn(t.app, 'helsesykepleier'), '/api/tasks/action-items', (b) => b.actionItems as { id: string }[]);
    });
  });

  it('the administrator\'s teams: 50 in order, then the rest, with the form\'s areas', async () => {
    const admin = await signedIn(t.app, 'administrator');
    const leader = await staffId('teamleder');
    const have = (await t.database.db.selectFrom('team').select(sql<number>`count(*)::int`.as('n')).where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow()).n;
    await t.database.db.insertInto('team').values(Array.from({ length: PAGE_SIZE + 2 - have }, (_, i) => ({
      municipality_id: municipalityId, name: `Systemteam ${String(i).padStart(3, '0')}`, kind: 'system_level' as const, age_from_months: 0, age_to_months: 216, leader_staff_user_id: leader,
    }))).execute();
    await allPages(admin, '/api/teams/config', (b) => b.teams as { id: string }[]);
    // The form's staff and units are lists of their own (below); the known areas come with the teams.
    expect((await admin.get('/api/teams/config')).json().options.areas).toEqual(expect.any(Array));
  });

  it('the handbook\'s admin list: 50 pages by title, then the rest', async () => {
    const admin = await signedIn(t.app, 'administrator');
    const have = (await admin.get('/api/admin/handbook/pages')).json().pages.length as number;
    for (let i = 0; i < PAGE_SIZE + 2 - have; i++) {
      const page = (await t.database.db.insertInto('handbook_page').values({ municipality_id: municipalityId, slug: `samme-tittel-${i}` }).returning('id').executeTakeFirstOrThrow()).id;
      const version = (await t.database.db.insertInto('handbook_page_version').values({ page_id: page, version: 1, visibility: 'staff' }).returning('id').executeTakeFirstOrThrow()).id;
      await t.database.db.insertInto('handbook_page_text').values({ version_id: version, lang: 'nb', title: 'Samme tittel', body_html: '<p>Tekst</p>', body_text: 'Tekst' }).execute();
    }
    await allPages(admin, '/api/admin/handbook/pages', (b) => b.pages as { id: string }[]);
  });

  it('the service units: 50 by kind and name, then the rest, none left out', async () => {
    const admin = await signedIn(t.app, 'administrator');
    const have = (await t.database.db.selectFrom('service_unit').select(sql<number>`count(*)::int`.as('n')).where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow()).n;
    await t.database.db.insertInto('service_unit').values(Array.from({ length: Math.max(3, PAGE_SIZE + 2 - have) }, (_, i) => ({
      municipality_id: municipalityId, name: `Samme skole ${String(i).padStart(3, '0')}`, type_code: 'school_primary',
    }))).execute();
    const ids = await allPages(admin, '/api/service-units', (b) => b.units as { id: string }[], PAGE_SIZE);
    expect(ids.length).toBe((await t.database.db.selectFrom('service_unit').select(sql<number>`count(*)::int`.as('n')).where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow()).n);
  });

  it('the teams as staff see them: the active ones, 50 in order, then the rest', async () => {
    const leader = await staffId('teamleder');
    const active = async () => (await t.database.db.selectFrom('team').select(sql<number>`count(*)::int`.as('n')).where('municipality_id', '=', municipalityId).where('active', '=', true).executeTakeFirstOrThrow()).n;
    const add = PAGE_SIZE + 2 - await active();
    const team = (i: number, active: boolean) => ({
      municipality_id: municipalityId, name: `Teamliste ${String(i).padStart(3, '0')}`, kind: 'system_level' as const, age_from_months: 0, age_to_months: 216, leader_staff_user_id: leader, active,
    });
    const inactive = (await t.database.db.insertInto('team').values([team(999, false), ...Array.from({ length: Math.max(0, add) }, (_, i) => team(i, true))]).returning(['id', 'active']).execute())
      .find((x) => !x.active)!.id;
    const ids = await allPages(await signedIn(t.app, 'teamleder'), '/api/teams', (b) => b.teams as { id: string }[]);
    expect(ids).toHaveLength(await active());
    expect(ids).not.toContain(inactive);
  });

  it('the kinds of service unit: 50 in their order, then the rest, also when the order is the same', async () => {
    const have = (await t.database.db.selectFrom('service_unit_type').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
    await t.database.db.insertInto('service_unit_type').values(Array.from({ length: Math.max(3, PAGE_SIZE + 2 - have) }, (_, i) => ({
      code: `samme_plass_${String(i).padStart(3, '0')}`, name_nb: 'Samme', name_nn: 'Same', name_en: 'Same', sort_order: 500,
    }))).execute();
    const codes = await allPages(await signedIn(t.app, 'administrator'), '/api/service-unit-types', (b) => (b.types as { code: string }[]).map((x) => ({ id: x.code })));
    expect(codes.length).toBe((await t.database.db.selectFrom('service_unit_type').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n);
  });

  describe('the team form\'s choices, each a page at a time', () => {
    it('the staff in a team role: 50 by name, then the rest, also when names are the same', async () => {
      const inRole = async () => (await t.database.db.selectFrom('staff_user as s').select(sql<number>`count(*)::int`.as('n')).where('s.municipality_id', '=', municipalityId).where('s.active', '=', true)
        .where((eb) => eb.exists(eb.selectFrom('staff_role as r').select('r.staff_user_id').whereRef('r.staff_user_id', '=', 's.id').where('r.role', 'in', ['team_member', 'team_leader']))).executeTakeFirstOrThrow()).n;
      const added = await t.database.db.insertInto('staff_user').values(Array.from({ length: Math.max(3, PAGE_SIZE + 2 - await inRole()) }, (_, i) => ({
        municipality_id: municipalityId, username: `teamvalg.${i}`, display_name: 'Aase Teamvalg', email: `teamvalg.${i}@fjordvik.example`,
      }))).returning('id').execute();
      // Two roles each: still one choice per person.
      await t.database.db.insertInto('staff_role').values(added.flatMap((x) => [{ staff_user_id: x.id, role: 'team_member' }, { staff_user_id: x.id, role: 'team_leader' }])).execute();
      const ids = await allPages(await signedIn(t.app, 'administrator'), '/api/teams/config/staff', (b) => b.staff as { id: string }[]);
      expect(ids).toHaveLength(await inRole());
      expect(ids).toEqual(expect.arrayContaining(added.map((x) => x.id)));
    });

    it('the active service units: 50 by name, then the rest', async () => {
      const activeUnits = async () => (await t.database.db.selectFrom('service_unit').select(sql<number>`count(*)::int`.as('n')).where('municipality_id', '=', municipalityId).where('active', '=', true).executeTakeFirstOrThrow()).n;
      const add = PAGE_SIZE + 2 - await activeUnits();
      const unit = (i: number, active: boolean) => ({ municipality_id: municipalityId, name: `Teamvalg enhet ${String(i).padStart(3, '0')}`, type_code: 'school_primary', active });
      const inactive = (await t.database.db.insertInto('service_unit').values([unit(999, false), ...Array.from({ length: Math.max(0, add) }, (_, i) => unit(i, true))]).returning(['id', 'active']).execute())
        .find((x) => !x.active)!.id;
      const ids = await allPages(await signedIn(t.app, 'administrator'), '/api/teams/config/units', (b) => b.units as { id: string }[]);
      expect(ids).toHaveLength(await activeUnits());
      expect(ids).not.toContain(inactive);
    });
  });

  describe('Min side', () => {
    it('the family\'s requests to teams: the newest 50, then the rest', async () => {
      const mother = await signedIn(t.app, 'forelder');
      const { mother: me, olderChild } = await demoFamilies(t.database.db);
      const team = (await t.database.db.selectFrom('team').select('id').where('municipality_id', '=', municipalityId).where('kind', '=', 'early_intervention').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
      const have = (await t.database.db.selectFrom('referral').select(sql<number>`count(*)::int`.as('n')).where('person_id', '=', olderChild.id).executeTakeFirstOrThrow()).n;
      await t.database.db.insertInto('referral').values(Array.from({ length: PAGE_SIZE + 2 - have }, (_, i) => ({
        team_id: team, person_id: olderChild.id, source: 'family' as const, requested_by_person_id: me.id, reason: `Samtale ${i}`, basis: 'family_present' as const, status: 'closed', received_at: SAME_TIME,
      }))).execute();
      await allPages(mother, `/api/people/${olderChild.id}/team-requests`, (b) => b.requests as { id: string }[]);
    });

    it('the meetings to rate: the newest 50, then the rest', async () => {
      const mother = await signedIn(t.app, 'forelder');
      const { mother: me, olderChild } = await demoFamilies(t.database.db);
      const chair = await staffId('teamleder');
      const team = (await t.database.db.selectFrom('team').select('id').where('municipality_id', '=', municipalityId).where('kind', '=', 'early_intervention').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
      const have = (await t.database.db.selectFrom('meeting_participant as mp').innerJoin('team_meeting as m', 'm.id', 'mp.meeting_id').select(sql<number>`count(*)::int`.as('n'))
        .where('mp.person_id', '=', me.id).where('mp.role', 'in', ['guardian', 'youth']).where('m.status', '=', 'closed').executeTakeFirstOrThrow()).n;
      const meetings = await t.database.db.insertInto('team_meeting').values(Array.from({ length: PAGE_SIZE + 2 - have }, () => ({
        team_id: team, person_id: olderChild.id, kind: 'case' as const, place: 'Rådhuset', starts_at: SAME_TIME, ends_at: new Date(SAME_TIME.getTime() + 3_600_000), chair_staff_id: chair, created_by: chair,
        status: 'closed', closed_at: SAME_TIME,
      }))).returning('id').execute();
      await t.database.db.insertInto('meeting_participant').values(meetings.map((m) => ({ meeting_id: m.id, person_id: me.id, role: 'guardian' }))).execute();
      await allPages(mother, '/api/meeting-ratings', (b) => b.meetings as { id: string }[]);
    });
  });

  describe('a child\'s page', () => {
    let child: string;
    let teacher: Client;
    beforeAll(async () => {
      teacher = await signedIn(t.app, 'fagperson.skole');
      const me = await staffId('fagperson.skole');
      child = (await newChildren(1, 'Lenge'))[0]!;
      await t.database.db.insertInto('involvement').values({ person_id: child, staff_user_id: me, kind: 'registrant' }).execute();
    });

    it('its team meetings: the newest 50, then the rest', async () => {
      const team = (await t.database.db.selectFrom('team').select('id').where('municipality_id', '=', municipalityId).where('kind', '=', 'early_intervention').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
      const me = await staffId('fagperson.skole');
      await t.database.db.insertInto('team_meeting').values(Array.from({ length: PAGE_SIZE + 2 }, () => ({
        team_id: team, person_id: child, kind: 'case' as const, place: 'Rådhuset', starts_at: SAME_TIME, ends_at: new Date(SAME_TIME.getTime() + 3_600_000), chair_staff_id: me, created_by: me,
      }))).execute();
      await allPages(teacher, `/api/people/${child}/meetings`, (b) => b.meetings as { id: string }[]);
    });

    it('the worries in its case read: the first 50 as they were noticed, then the rest', async () => {
      // Read by the child's mother, who sees the whole case.
      const mother = await signedIn(t.app, 'forelder');
      const emma = (await demoFamilies(t.database.db)).youngerChild.id;
      const me = await staffId('fagperson.skole');
      const caseId = (await t.database.db.selectFrom('help_case').select('id').where('person_id', '=', emma).where('closed_at', 'is', null).executeTakeFirst())?.id
        ?? (await t.database.db.insertInto('help_case').values({ municipality_id: municipalityId, person_id: emma, level: 1, relay_holder_id: me, opened_by: me }).returning('id').executeTakeFirstOrThrow()).id;
      const have = (await t.database.db.selectFrom('worry').select(sql<number>`count(*)::int`.as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow()).n;
      await t.database.db.insertInto('worry').values(Array.from({ length: PAGE_SIZE + 2 - have }, (_, i) => ({
        municipality_id: municipalityId, case_id: caseId, subject_kind: 'child' as const, noticed_by: me, noticed_on: '2026-01-15', categories: ['development'], description: `Uro ${i}`,
      }))).execute();
      const response = await mother.get(`/api/people/${emma}/case`);
      expect(response.statusCode, response.body).toBe(200);
      const first = response.json();
      expect(first.worries).toHaveLength(PAGE_SIZE);
      expect(first.worriesHasMore).toBe(true);
      const rest = (await mother.get(`/api/people/${emma}/case?worriesAfter=${encodeURIComponent(first.worriesCursor)}`)).json();
      expect(rest.worriesHasMore).toBe(false);
      expect(rest.worriesCursor).toBeNull();
      const ids = [...first.worries, ...rest.worries].map((w: { id: string }) => w.id);
      expect(new Set(ids).size).toBe(PAGE_SIZE + 2);
    });
  });

  describe('a cursor the server did not make is refused in the user\'s language, and nothing is read', () => {
    const badCursor = 'The link to the next page is not valid. Load the list again.';
    const encode = (parts: string[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    // Each list with a cursor of the right length whose parts are not what its sort key holds.
    const lists: [user: string, url: string, forged: string[]][] = [
      ['helsesykepleier', '/api/notifications', ['soon', randomUUID()]],
      ['helsesykepleier', '/api/notifications', [String(Date.now() * 1000), 'not-an-id']],
      ['teamleder', `/api/teams/${randomUUID()}/intake`, ['yesterday', randomUUID()]],
      ['teamleder', `/api/teams/${randomUUID()}/intake`, ['1700000000000000', '1 OR 1=1']],
      ['helsesykepleier', `/api/people/${randomUUID()}/meetings`, ['soon', 'not-an-id']],
      ['fagperson.skole', '/api/people', ['Aaberg', 'Barn', 'not-an-id']],
      ['administrator', '/api/admin/staff', ['Aase', 'not-an-id']],
      ['fagperson.barnehage', '/api/worries', ['soon', randomUUID()]],
      ['helsesykepleier', '/api/tasks/handovers', ['soon', randomUUID()]],
      ['helsesykepleier', '/api/tasks/measures', ['2026-13', randomUUID()]],
      ['helsesykepleier', '/api/tasks/action-items', ['2026-02-01', 'x']],
      ['administrator', '/api/teams/config', ['early_intervention', 'twelve', 'Team', randomUUID()]],
      ['administrator', '/api/admin/handbook/pages', ['Tittel', 'not-an-id']],
      ['administrator', '/api/service-units', ['first', 'Skole', randomUUID()]],
      ['administrator', '/api/admin/catalogue/services', ['Navn', 'not-an-id']],
      ['teamleder', '/api/teams', ['early_intervention', 'twelve', 'Team', randomUUID()]],
      ['administrator', '/api/service-unit-types', ['first', 'school_primary']],
      ['administrator', '/api/teams/config/staff', ['Aase', 'not-an-id']],
      ['administrator', '/api/teams/config/units', ['Skole', 'not-an-id']],
      ['forelder', `/api/people/${randomUUID()}/team-requests`, ['yesterday', randomUUID()]],
      ['forelder', '/api/meeting-ratings', ['1700000000000000', 'not-an-id']],
    ];
    it.each(lists)('%s: %s %j', async (user, url, forged) => {
      const client = await signedIn(t.app, user, 'en');
      for (const after of [encode(forged), 'bm90LWEtY3Vyc29y', encode([...forged, 'one part too many'])]) {
        const response = await client.get(`${url}?after=${after}`);
        expect(response.statusCode, response.body).toBe(400);
        expect(response.json().error.fields).toEqual([{ field: 'after', message: badCursor }]);
      }
    });

    it('the family\'s access log too, in nynorsk', async () => {
      const mother = await signedIn(t.app, 'forelder', 'nn');
      const child = (await demoFamilies(t.database.db)).youngerChild.id;
      const reads = async () => (await t.database.db.selectFrom('audit_event').select(sql<number>`count(*)::int`.as('n')).where('subject_id', '=', child).executeTakeFirstOrThrow()).n;
      const before = await reads();
      const response = await mother.get(`/api/people/${child}/access-log?after=${encode(['1700000000000000', 'not-a-number'])}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([{ field: 'after', message: 'Lenkja til neste side er ikkje gyldig. Last lista på nytt.' }]);
      // Refused before the log was read: no read of the child's data is recorded.
      expect(await reads()).toBe(before);
    });
  });
});
