// Long lists in the browser: a relay log shows the newest 50 entries, and "Vis eldre" loads the
// older ones below them until there are no more, without repeating any; a long list of notifications
// shows a page and "Vis flere" the rest; a picker of the people one is involved with offers all of
// them, past the first page, and so does the team form of its staff and services. Each page passes
// axe-core before and after.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../common/i18n/index.ts';
import { DEMO_STAFF } from '../../server/modules/identity/demo-users.ts';
import { ENTRY_PAGE_SIZE } from '../../server/modules/cases/queries.ts';
import { PAGE_SIZE } from '../../server/infra/http/paging.ts';
import { today } from '../support/clock.ts';
import { expectNoAxeViolations, expectNoProblems, openPage, signInAs, startBrowserApp, type BrowserApp } from './support.ts';

let env: BrowserApp;
let target: { person_id: string; case_id: string; holder: string; holder_name: string; category: string };
const TOTAL = ENTRY_PAGE_SIZE + 12;

beforeAll(async () => {
  env = await startBrowserApp();
  const db = env.testApp.database.db;
  // An open case whose relay holder is a demo log-in and may write in it (a consent in force).
  const found = await sql<typeof target>`
    SELECT c.person_id, c.id AS case_id, s.id AS holder, s.display_name AS holder_name, co.categories[1] AS category
      FROM help_case c JOIN staff_user s ON s.id = c.relay_holder_id
      JOIN consent co ON co.subject_id = c.person_id AND co.withdrawn_at IS NULL AND co.valid_from <= ${today()} AND co.valid_to >= ${today()}
     WHERE c.closed_at IS NULL AND s.username = ANY(${DEMO_STAFF.map((u) => u.username)}::text[])
     ORDER BY c.id LIMIT 1`.execute(db);
  target = found.rows[0]!;
  // Replace what the log holds with TOTAL entries a day apart, numbered from the oldest.
  const existing = await db.selectFrom('relay_log_entry').select(sql<number>`count(*)::int`.as('n')).where('case_id', '=', target.case_id).executeTakeFirstOrThrow();
  const base = Date.parse(`${today()}T08:00:00Z`) - (TOTAL + 1) * 86_400_000;
  await db.insertInto('relay_log_entry').values(Array.from({ length: TOTAL - existing.n }, (_, i) => ({
    case_id: target.case_id, entry_key: randomUUID(), version: 1, kind: 'strength' as const, category: target.category,
    title: `Sideinnførsel ${String(i + 1).padStart(3, '0')}`, author_staff_id: target.holder, written_at: new Date(base + i * 86_400_000),
  }))).execute();
});
afterAll(async () => {
  await env?.close();
});

describe('long lists in pages', () => {
  it('shows the newest entries first and loads the older ones on "Vis eldre"', async () => {
    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, target.holder_name);
    await page.goto(`/barn/${target.person_id}`);
    await page.getByRole('heading', { level: 2, name: translate('nb', 'cases.ui.logHeading') }).waitFor();
    const titles = page.getByText(/^Sideinnførsel \d{3}$/);
    const showOlder = page.getByRole('button', { name: translate('nb', 'cases.ui.showOlder') });
    await showOlder.waitFor();
    const firstPage = await titles.count();
    expect(firstPage).toBeLessThanOrEqual(ENTRY_PAGE_SIZE);
    // The oldest entry is not on the first page; the newest is.
    await expect.poll(() => page.getByText('Sideinnførsel 001', { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'relay log, first page');

    await showOlder.click();
    await page.getByText('Sideinnførsel 001', { exact: true }).waitFor();
    await expect.poll(() => showOlder.count()).toBe(0);
    const all = await titles.allTextContents();
    expect(all.length).toBeGreaterThan(firstPage);
    expect(new Set(all).size).toBe(all.length);
    await expectNoAxeViolations(page, 'relay log, older entries loaded');
    expectNoProblems(t);
    await t.close();
  });

  it('shows a page of notifications and the rest on "Vis flere"', async () => {
    const db = env.testApp.database.db;
    const have = (await db.selectFrom('notification').select(sql<number>`count(*)::int`.as('n')).where('staff_user_id', '=', target.holder).executeTakeFirstOrThrow()).n;
    await db.insertInto('notification').values(Array.from({ length: PAGE_SIZE + 5 - have }, (_, i) => ({
      staff_user_id: target.holder, kind: 'referral.received', params: JSON.stringify({ teamName: `Sideteam ${String(i + 1).padStart(3, '0')}` }), link: '/varsler',
      created_at: new Date(Date.parse(`${today()}T06:00:00Z`) - (i + 1) * 3_600_000),
    }))).execute();
    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, target.holder_name);
    await page.goto('/varsler');
    const list = page.getByRole('list', { name: translate('nb', 'notifications.page.listLabel') });
    await list.waitFor();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(PAGE_SIZE);
    await expectNoAxeViolations(page, 'notifications, first page');
    await page.getByRole('button', { name: translate('nb', 'ui.common.showMore') }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(PAGE_SIZE + 5);
    await expect.poll(() => page.getByRole('button', { name: translate('nb', 'ui.common.showMore') }).count()).toBe(0);
    await expectNoAxeViolations(page, 'notifications, all pages');
    expectNoProblems(t);
    await t.close();
  });

  it('offers every child one is involved with when tying a worry to a child, past the first page', async () => {
    const db = env.testApp.database.db;
    const teacher = await db.selectFrom('staff_user').select(['id', 'display_name', 'municipality_id']).where('username', '=', 'fagperson.skole').executeTakeFirstOrThrow();
    const children = await db.insertInto('person')
      .values(Array.from({ length: PAGE_SIZE + 1 }, (_, i) => ({ municipality_id: teacher.municipality_id, given_name: `Velgbar${String(i + 1).padStart(3, '0')}`, family_name: 'Sidebarn', birth_date: '2017-02-01', kind: 'child' })))
      .returning('id').execute();
    await db.insertInto('involvement').values(children.map((c) => ({ person_id: c.id, staff_user_id: teacher.id, kind: 'registrant' as const }))).execute();
    await db.insertInto('worry').values({ municipality_id: teacher.municipality_id, subject_kind: 'child', age_years: 9, categories: [target.category], description: 'Sideundring om et barn.', noticed_by: teacher.id, noticed_on: today() }).execute();

    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, teacher.display_name);
    await page.goto('/undringer');
    const worry = page.getByTestId('worry').filter({ hasText: 'Sideundring om et barn.' });
    const picker = worry.getByLabel(translate('nb', 'cases.ui.worries.person'));
    const last = `Velgbar${String(PAGE_SIZE + 1).padStart(3, '0')} Sidebarn`;
    await picker.getByRole('option', { name: new RegExp(`^${last} `) }).waitFor({ state: 'attached' });
    const offered = (await picker.getByRole('option').allTextContents()).filter((o) => o.includes(' Sidebarn '));
    expect(offered).toHaveLength(PAGE_SIZE + 1);
    await expectNoAxeViolations(page, 'worries, every child in the picker');
    expectNoProblems(t);
    await t.close();
  });

  it('offers every member and service in the administrator\'s team form, past the first page of each', async () => {
    const db = env.testApp.database.db;
    const admin = await db.selectFrom('staff_user').select(['display_name', 'municipality_id']).where('username', '=', 'administrator').executeTakeFirstOrThrow();
    const staff = await db.insertInto('staff_user').values(Array.from({ length: PAGE_SIZE + 1 }, (_, i) => ({
      municipality_id: admin.municipality_id, username: `sideansatt.${i}`, display_name: `Teamvalg${String(i + 1).padStart(3, '0')} Sideansatt`, email: `sideansatt.${i}@fjordvik.example`,
    }))).returning('id').execute();
    await db.insertInto('staff_role').values(staff.map((s) => ({ staff_user_id: s.id, role: 'team_member' }))).execute();
    await db.insertInto('service_unit').values(Array.from({ length: PAGE_SIZE + 1 }, (_, i) => ({
      municipality_id: admin.municipality_id, name: `Sideenhet ${String(i + 1).padStart(3, '0')}`, type_code: 'school_primary',
    }))).execute();

    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, admin.display_name);
    await page.goto('/team');
    await page.getByRole('button', { name: translate('nb', 'teams.form.newButton') }).click();
    const last = `Teamvalg${String(PAGE_SIZE + 1).padStart(3, '0')} Sideansatt`;
    await page.getByRole('checkbox', { name: last }).waitFor();
    await page.getByRole('checkbox', { name: `Sideenhet ${String(PAGE_SIZE + 1).padStart(3, '0')}` }).waitFor();
    expect(await page.getByRole('checkbox', { name: /Sideansatt/ }).count()).toBe(PAGE_SIZE + 1);
    expect(await page.getByRole('checkbox', { name: /^Sideenhet / }).count()).toBe(PAGE_SIZE + 1);
    expect(await page.getByRole('option', { name: last }).count()).toBe(0);
    await expectNoAxeViolations(page, 'team form, every member and service');
    expectNoProblems(t);
    await t.close();
  });
});
