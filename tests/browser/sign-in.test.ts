// The sign-in page, languages, each demo role's start page, role switching, sign-out, an expired
// session and the not-found page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, expectFitsWidth, expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, signOut, startBrowserApp, unitNameOf, type BrowserApp } from './support.ts';
import { teamLedBy } from '../support/factories.ts';

let env: BrowserApp;
/** The names the pages show, found by role: the kindergarten teacher and her unit, the mother's younger child (whom both see), a team, the log-ins the tests sign in as. */
const names = { teacher: '', kindergarten: '', child: '', team: '', teamLeader: '', administrator: '', auditor: '', mother: '' };
beforeAll(async () => {
  env = await startBrowserApp();
  Object.assign(names, {
    teacher: await nameOf(env, 'fagperson.barnehage'), kindergarten: await unitNameOf(env, 'fagperson.barnehage'), child: (await demoPeople(env)).youngerChild.name,
    team: (await teamLedBy(env.testApp.database.db, 'teamleder')).name, teamLeader: await nameOf(env, 'teamleder'), administrator: await nameOf(env, 'administrator'),
    auditor: await nameOf(env, 'revisor'), mother: await nameOf(env, 'forelder'),
  });
});
afterAll(async () => {
  await env?.close();
});

describe('sign-in page', () => {
  it('is in bokmål at /, switches to nynorsk and English (text and <html lang>) and remembers the choice', async () => {
    const t = await openPage(env);
    const { page } = t;
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Logg inn i Sammen' }).waitFor();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('nb');
    await page.getByRole('heading', { name: 'Demobrukere' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Ansatte' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Innbyggere' }).waitFor();
    await expectNoAxeViolations(page, 'sign-in (nb)');

    await page.getByRole('button', { name: 'Nynorsk' }).click();
    await page.getByRole('heading', { name: 'Demobrukarar' }).waitFor();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('nn');
    await page.getByRole('heading', { level: 3, name: 'Tilsette' }).waitFor();
    expect(await page.getByRole('button', { name: 'Nynorsk' }).getAttribute('aria-pressed')).toBe('true');
    await expectNoAxeViolations(page, 'sign-in (nn)');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Sammen' }).waitFor();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('heading', { name: 'Demo users' }).waitFor();
    await expect.poll(() => page.title()).toBe('Sign in to Sammen – Sammen');
    await expectNoAxeViolations(page, 'sign-in (en)');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Sammen' }).waitFor();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    // The server answers in the chosen language too (its messages come back translated).
    const me = await page.request.get('/api/auth/me');
    expect((await me.json()).language).toBe('en');

    await page.getByRole('button', { name: 'Bokmål' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logg inn i Sammen' }).waitFor();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('nb');
    expectNoProblems(t);
    await t.close();
  });
});

/** Each demo log-in's start page; the name on its button and in the banner is the database's (`nameOf`). */
const START_PAGES: { username: string; path: string; heading: string; nav: string[] }[] = [
  { username: 'fagperson.barnehage', path: '/barn', heading: 'Mine barn og unge', nav: ['Mine barn og unge', 'Registrer barn', 'Undringer', 'Mine bekymringsmeldinger', 'Anonym drøfting', 'Fravær', 'Barn ved enheten', 'Håndbok', 'Nivå 2'] },
  { username: 'fagperson.skole', path: '/barn', heading: 'Mine barn og unge', nav: ['Mine barn og unge', 'Registrer barn', 'Undringer', 'Mine bekymringsmeldinger', 'Anonym drøfting', 'Fravær', 'Barn ved enheten', 'Håndbok', 'Nivå 2'] },
  { username: 'helsesykepleier', path: '/barn', heading: 'Mine barn og unge', nav: ['Mine barn og unge', 'Registrer barn', 'Undringer', 'Mine bekymringsmeldinger', 'Anonym drøfting', 'Håndbok', 'Nivå 2'] },
  { username: 'teamleder', path: '/barn', heading: 'Mine barn og unge', nav: ['Mine barn og unge', 'Registrer barn', 'Undringer', 'Mine bekymringsmeldinger', 'Anonym drøfting', 'Inntak', 'Team', 'Systemteam', 'Fravær', 'Barn ved enheten', 'Håndbok', 'Nivå 2'] },
  { username: 'teammedlem', path: '/barn', heading: 'Mine barn og unge', nav: ['Mine barn og unge', 'Registrer barn', 'Undringer', 'Mine bekymringsmeldinger', 'Anonym drøfting', 'Håndbok', 'Nivå 2'] },
  { username: 'koordinator', path: '/barn', heading: 'Mine barn og unge', nav: ['Mine barn og unge', 'Registrer barn', 'Undringer', 'Mine bekymringsmeldinger', 'Anonym drøfting', 'Håndbok', 'Nivå 2'] },
  // The intake starts at its queue of reports.
  { username: 'barnevern.mottak', path: '/barnevern', heading: 'Meldinger til barnevernet', nav: ['Meldinger til barnevernet', 'Anonym drøfting', 'Mine barn og unge', 'Registrer barn', 'Undringer', 'Håndbok', 'Nivå 2'] },
  { username: 'koordinerende.enhet', path: '/koordinerende-enhet', heading: 'Koordinerende enhet', nav: ['Koordinerende enhet', 'Mine barn og unge', 'Registrer barn', 'Undringer', 'Mine bekymringsmeldinger', 'Anonym drøfting', 'Håndbok', 'Nivå 2'] },
  { username: 'sbu.koordinator', path: '/team', heading: 'Team', nav: ['Team', 'Systemteam', 'Håndbok', 'Indikatorer', 'Årsrapport', 'Samhandlingsundersøkelsen'] },
  { username: 'analytiker', path: '/arsrapport', heading: 'Årsrapport', nav: ['Årsrapport', 'Indikatorer', 'Team', 'Samhandlingsundersøkelsen'] },
  { username: 'administrator', path: '/admin/enheter', heading: 'Tjenesteenheter', nav: ['Tjenesteenheter', 'Ansatte', 'Handlingsveileder', 'Skjema', 'Tjenestekatalog', 'Team', 'Håndbok – redigering', 'Indikatorer', 'Årsrapport'] },
  { username: 'revisor', path: '/revisjon', heading: 'Tilgangslogg', nav: ['Tilgangslogg'] },
  { username: 'forelder', path: '/min-side', heading: 'Min side', nav: ['Min side', 'Finn hjelp'] },
];

describe('each demo role', () => {
  it('signs in with one click on the development sign-in page and lands on its start page', async () => {
    const t = await openPage(env);
    const { page } = t;
    for (const start of START_PAGES) {
      const user = { ...start, name: await nameOf(env, start.username) };
      await signInAs(page, user.name);
      await page.getByRole('heading', { level: 1, name: user.heading }).waitFor();
      expect(new URL(page.url()).pathname, user.name).toBe(user.path);
      await page.getByRole('banner').getByText(user.name).waitFor();
      const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
      // Entries for some kinds of unit (Fravær: kindergartens and schools) appear once the unit is known.
      await expect.poll(() => nav.getByRole('link').allTextContents(), { message: user.name }).toEqual(user.nav);
      // The start page has content, not just a heading.
      if (user.path === '/barn') await page.getByRole('table', { name: 'Barn og unge du følger opp' }).or(page.getByText('Du følger ikke opp noen barn eller unge ennå.')).waitFor();
      if (user.path === '/team') {
        await page.getByText('Indikatorer og måltall kommer fra indikatormodulen', { exact: false }).waitFor();
        await page.getByRole('cell', { name: names.team, exact: false }).first().waitFor();
      }
      if (user.path === '/admin/enheter') await page.getByRole('cell', { name: names.kindergarten, exact: true }).waitFor();
      if (user.path === '/revisjon') await page.getByRole('table', { name: 'Hendelser i tilgangsloggen' }).waitFor();
      if (user.path === '/min-side') await page.getByRole('link', { name: names.child }).waitFor();
      await expectNoAxeViolations(page, `${user.name}: ${user.path}`);
      await signOut(page);
      await page.getByText('Du er logget ut.').waitFor();
    }
    expectNoProblems(t);
    await t.close();
  });

  it('the professional sees the children she follows in "Mine barn og unge" with dates as dd.mm.åååå', async () => {
    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, names.teacher);
    const table = page.getByRole('table', { name: 'Barn og unge du følger opp' });
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: names.child }) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/\d{2}\.\d{2}\.\d{4}/);
    await row.getByRole('link', { name: names.child }).click();
    await page.getByRole('heading', { level: 1, name: names.child }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Foresatte' }).waitFor();
    await expectNoAxeViolations(page, 'person page (staff)');
    expectNoProblems(t);
    await t.close();
  });

  it('a user with several roles switches role and gets that role\'s menu', async () => {
    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, names.teamLeader);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    expect(await nav.getByRole('link').allTextContents()).toContain('Team');
    await page.getByLabel('Rolle').selectOption({ label: 'Teammedlem' });
    await page.getByRole('button', { name: 'Bytt rolle' }).click();
    await expect.poll(() => nav.getByRole('link').allTextContents()).toEqual(['Mine barn og unge', 'Registrer barn', 'Undringer', 'Mine bekymringsmeldinger', 'Anonym drøfting', 'Systemteam', 'Håndbok', 'Nivå 2']);
    await page.getByRole('heading', { level: 1, name: 'Mine barn og unge' }).waitFor();
    await page.goto('/team');
    await page.getByRole('heading', { level: 1, name: 'Ikke tilgjengelig i rollen din' }).waitFor();
    await expectNoAxeViolations(page, 'no access');
    expectNoProblems(t);
    await t.close();
  });
});

describe('on a phone (375 px)', () => {
  it('every start page and form fits the screen and passes axe', async () => {
    const t = await openPage(env, { width: 375, height: 800 });
    const { page } = t;
    const visit = async (path: string, heading: string) => {
      if (new URL(page.url()).pathname !== path) await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectFitsWidth(page, path);
      await expectNoAxeViolations(page, `${path} at 375 px`);
    };
    await page.goto('/');
    await visit('/', 'Logg inn i Sammen');
    await signInAs(page, names.administrator);
    await visit('/admin/enheter', 'Tjenesteenheter');
    await page.getByRole('button', { name: 'Ny tjenesteenhet' }).click();
    await expectFitsWidth(page, 'new service unit form');
    await visit('/admin/ansatte', 'Ansatte');
    await page.getByRole('button', { name: 'Ny ansatt' }).click();
    await expectFitsWidth(page, 'new staff form');
    await visit('/team', 'Team');
    await signOut(page);
    await signInAs(page, names.auditor);
    await visit('/revisjon', 'Tilgangslogg');
    await signOut(page);
    await signInAs(page, names.teacher);
    await visit('/barn', 'Mine barn og unge');
    await page.getByRole('link', { name: names.child }).click();
    await visit(new URL(page.url()).pathname, names.child);
    await visit('/barn/ny', 'Registrer barn');
    await signOut(page);
    await signInAs(page, names.mother);
    await visit('/min-side', 'Min side');
    expectNoProblems(t);
    await t.close();
  });

  it('a long menu folds behind a button, so the page starts on the first screen; choosing a page folds it again; a family\'s short menu stays in sight', async () => {
    const t = await openPage(env, { width: 375, height: 800 });
    const { page } = t;
    await signInAs(page, names.teacher);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    const toggle = nav.getByRole('button', { name: 'Meny' });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Registrer barn' }).isVisible()).toBe(false);
    const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect(heading && heading.y < 400, 'the page heading is below the menu').toBe(true);

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expectNoAxeViolations(page, 'the open menu at 375 px');
    await nav.getByRole('link', { name: 'Registrer barn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrer barn' }).waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Registrer barn' }).isVisible()).toBe(false);

    // A wide screen shows the menu itself, without the button.
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await nav.getByRole('link', { name: 'Registrer barn' }).isVisible()).toBe(true);
    expect(await toggle.isVisible()).toBe(false);

    // A parent's short menu stays in sight on the phone: "Finn hjelp" is not hidden behind a button.
    await page.setViewportSize({ width: 375, height: 800 });
    await signOut(page);
    await signInAs(page, names.mother);
    await page.getByRole('heading', { level: 1, name: 'Min side' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Finn hjelp' }).isVisible()).toBe(true);
    expect(await nav.getByRole('button', { name: 'Meny' }).count()).toBe(0);
    expectNoProblems(t);
    await t.close();
  });
});

describe('keyboard use', () => {
  it('skip link, sign-in, menu and links work with the keyboard, with visible focus', async () => {
    const t = await openPage(env);
    const { page } = t;
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const style = el ? getComputedStyle(el) : null;
      return {
        tag: el?.tagName ?? '', text: el?.textContent?.trim() ?? '', id: el?.id ?? '', height: el?.getBoundingClientRect().height ?? 0,
        visible: !!style && (style.outlineStyle !== 'none' || style.boxShadow !== 'none'),
      };
    });
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Logg inn i Sammen' }).waitFor();
    await page.keyboard.press('Tab');
    // The skip link is hidden until it has focus, then shown at the top of the page.
    expect(await focused()).toMatchObject({ tag: 'A', text: 'Hopp til hovedinnholdet' });
    expect((await focused()).height).toBeGreaterThan(20);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).id).toBe('main');

    // Tab from the main content to the first demo user and sign in with Enter.
    let guard = 0;
    while (!(await focused()).text.startsWith(names.teacher) && guard++ < 40) await page.keyboard.press('Tab');
    expect((await focused()).visible).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mine barn og unge' }).waitFor();

    // The menu by keyboard; after the page changes, focus is on its heading.
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Registrer barn' }).focus();
    expect((await focused()).visible).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Registrer barn' }).waitFor();
    await expect.poll(async () => (await focused()).tag).toBe('H1');
    expectNoProblems(t);
    await t.close();
  });
});

describe('the accessibility check', () => {
  it('is really running: it fails on a field without a label', async () => {
    const t = await openPage(env);
    const { page } = t;
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Logg inn i Sammen' }).waitFor();
    await page.evaluate(() => document.querySelector('main')!.append(document.createElement('input')));
    await expect(expectNoAxeViolations(page)).rejects.toThrow(/label/);
    await t.close();
  });
});

describe('sessions and unknown pages', () => {
  it('sends the user back to sign-in with a message when the session has ended', async () => {
    const t = await openPage(env);
    const { page } = t;
    await signInAs(page, names.teacher);
    await page.getByRole('link', { name: names.child }).waitFor();
    await t.context.clearCookies();
    await page.getByRole('link', { name: names.child }).click();
    await page.getByText('Økten din er utløpt. Logg inn på nytt.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Logg inn i Sammen' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await expectNoAxeViolations(page, 'sign-in after expiry');
    expectNoProblems(t);
    await t.close();
  });

  it('shows a not-found page for an unknown address, signed in or not', async () => {
    const t = await openPage(env);
    const { page } = t;
    await page.goto('/finnes-ikke');
    await page.getByRole('heading', { level: 1, name: 'Fant ikke siden' }).waitFor();
    await expectNoAxeViolations(page, 'not found (signed out)');
    await signInAs(page, names.administrator);
    await page.goto('/admin/finnes-ikke');
    await page.getByRole('heading', { level: 1, name: 'Fant ikke siden' }).waitFor();
    await page.getByRole('link', { name: 'Gå til startsiden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tjenesteenheter' }).waitFor();
    expectNoProblems(t);
    await t.close();
  });
});
