// The digital handbook (issue 18): the administrator or the editor writes pages in rich text, saves
// drafts, sends them for review and publishes, every version kept with who did what; a stale
// version is refused (409). Unsafe HTML and bad images are refused with a clear message and change
// nothing. Staff-only pages never reach the public. The action guide links to pages, a guide whose
// link leads nowhere is not published, each page names the steps that point to it, and the public
// model shows the published guide and the teams with the links the public may follow.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { createServiceUnit, createStaffUser, staffForm, staffName } from '../support/factories.ts';

let t: TestApp;
let visitor: Client;
let admin: Client;
let professional: Client;

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 5 });
  visitor = new Client(t.app);
  admin = await signedIn(t.app, 'administrator');
  professional = await signedIn(t.app, 'fagperson.skole');
});
afterAll(async () => {
  await t?.close();
});

type Response = Awaited<ReturnType<Client['get']>>;
const fields = (response: Response) => response.json().error.fields;
let counter = 0;
/** A slug no other test uses. */
const slug = (name: string) => `${name}-${++counter}`;

const pageBody = (pageSlug: string, title: string, html: string, extra: Record<string, unknown> = {}) => ({
  slug: pageSlug, visibility: 'public', texts: { nb: { title, html } }, ...extra,
});

async function createPage(client: Client, pageSlug: string, title: string, html = `<p>${title}</p>`, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await client.post('/api/admin/handbook/pages', pageBody(pageSlug, title, html, extra));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** Draft → review → published, as the editor's buttons do it. */
async function publish(client: Client, id: string, version = 1) {
  expect((await client.post(`/api/admin/handbook/pages/${id}/review`, { version })).statusCode).toBe(200);
  const published = await client.post(`/api/admin/handbook/pages/${id}/publish`, { version });
  expect(published.statusCode, published.body).toBe(200);
}

async function publishedPage(pageSlug: string, title: string, extra: Record<string, unknown> = {}, html = `<p>${title}</p>`): Promise<string> {
  const id = await createPage(admin, pageSlug, title, html, extra);
  await publish(admin, id);
  return id;
}

/** Everything the handbook has stored, to show a refused request changed nothing. */
async function snapshot() {
  const db = t.database.db;
  const count = async (table: 'handbook_page' | 'handbook_page_version' | 'handbook_page_text' | 'handbook_image') =>
    (await db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  return {
    pages: await count('handbook_page'), versions: await count('handbook_page_version'), texts: await count('handbook_page_text'), images: await count('handbook_image'),
    states: await db.selectFrom('handbook_page').select(['id', 'latest_version', 'published_version']).orderBy('id').execute(),
  };
}

async function guide() {
  return (await admin.get('/api/action-guide')).json() as { version: number; steps: { level: number; stepKey: string; links: { label: Record<string, string>; url: string }[] }[] };
}

/** Publishes the guide with these links added to the first level-1 step. */
async function publishGuideWith(links: { label: Record<string, string>; url: string }[]) {
  const current = await guide();
  const steps = structuredClone(current.steps);
  const first = steps.find((s) => s.level === 1)!;
  first.links = [...first.links, ...links];
  return { response: await admin.post('/api/action-guide', { basedOnVersion: current.version, steps }), stepKey: first.stepKey, before: current.version };
}
const label = (text: string) => ({ nb: text, nn: text, en: text });

describe('versions: draft, review, publish', () => {
  it('keeps every version with who wrote, reviewed and published it; the public sees only the published one', async () => {
    const s = slug('rutine-for-foreldremote');
    const id = await createPage(admin, s, 'Rutine for foreldremøte', '<h2>Før møtet</h2><p>Avtal tid og sted.</p>');
    expect((await visitor.get(`/api/handbook/pages/${s}`)).statusCode).toBe(404);

    const saved = await admin.put(`/api/admin/handbook/pages/${id}`, { baseVersion: 1, visibility: 'public', texts: { nb: { title: 'Rutine for foreldremøte', html: '<h2>Før møtet</h2><p>Avtal tid, sted og tolk.</p>' } }, changeNote: 'Tolk' });
    expect(saved.json()).toEqual({ id, version: 2 });
    // Publishing needs the review step first, and names the newest version.
    const early = await admin.post(`/api/admin/handbook/pages/${id}/publish`, { version: 2 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('Siden må sendes til gjennomgang før den kan publiseres.');
    await publish(admin, id, 2);

    const page = (await visitor.get(`/api/handbook/pages/${s}`)).json();
    expect(page).toMatchObject({ slug: s, title: 'Rutine for foreldremøte', version: 2, visibility: 'public', lang: 'nb' });
    expect(page.html).toBe('<h2>Før møtet</h2><p>Avtal tid, sted og tolk.</p>');

    // A new draft does not change what the public reads.
    await admin.put(`/api/admin/handbook/pages/${id}`, { baseVersion: 2, visibility: 'public', texts: { nb: { title: 'Rutine for foreldremøte', html: '<p>Uferdig</p>' } } });
    expect((await visitor.get(`/api/handbook/pages/${s}`)).json().version).toBe(2);

    const history = (await admin.get(`/api/admin/handbook/pages/${id}`)).json();
    expect(history).toMatchObject({ version: 3, state: 'draft', publishedVersion: 2, abilities: { edit: true, publish: true } });
    const adminName = await staffName(t.database.db, 'administrator');
    expect(history.history.map((v: { version: number; state: string; createdBy: string; submittedBy: string | null; publishedBy: string | null; changeNote: string | null }) =>
      [v.version, v.state, v.createdBy, v.submittedBy, v.publishedBy, v.changeNote])).toEqual([
      [3, 'draft', adminName, null, null, null],
      [2, 'published', adminName, adminName, adminName, 'Tolk'],
      [1, 'draft', adminName, null, null, null],
    ]);
  });

  it('refuses a save, review or publish of a stale version (409) and changes nothing', async () => {
    const id = await createPage(admin, slug('stale'), 'Gammel side');
    await admin.put(`/api/admin/handbook/pages/${id}`, { baseVersion: 1, visibility: 'public', texts: { nb: { title: 'Ny side', html: '<p>Ny</p>' } } });
    const before = await snapshot();
    const stale = await admin.put(`/api/admin/handbook/pages/${id}`, { baseVersion: 1, visibility: 'staff', texts: { nb: { title: 'Overskriver', html: '<p>x</p>' } } });
    expect(stale.statusCode).toBe(409);
    expect((await admin.post(`/api/admin/handbook/pages/${id}/review`, { version: 1 })).statusCode).toBe(409);
    expect((await admin.post(`/api/admin/handbook/pages/${id}/publish`, { version: 1 })).statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
    expect((await admin.get(`/api/admin/handbook/pages/${id}`)).json().texts.nb.title).toBe('Ny side');
  });

  it('answers a replayed create with the first answer and makes one page; a taken address is refused', async () => {
    const s = slug('replay');
    const key = randomUUID();
    const send = () => t.app.inject({ method: 'POST', url: '/api/admin/handbook/pages', payload: pageBody(s, 'Én gang', '<p>Én</p>'), cookies: admin.cookies, headers: { 'x-csrf-token': admin.csrfToken ?? '', 'idempotency-key': key } });
    const first = await send();
    const again = await send();
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect((await t.database.db.selectFrom('handbook_page').select('id').where('slug', '=', s).execute()).length).toBe(1);
    const taken = await admin.post('/api/admin/handbook/pages', pageBody(s, 'To ganger', '<p>To</p>'));
    expect(fields(taken)).toEqual([{ field: 'slug', message: 'Det finnes allerede en side med denne adressen.' }]);
  });

  it('keeps nynorsk and English when written, and shows bokmål where a language is missing', async () => {
    const s = slug('samtale');
    await publishedPage(s, 'Samtale med barnet', { texts: { nb: { title: 'Samtale med barnet', html: '<p>Bokmål</p>' }, nn: { title: 'Samtale med barnet (nn)', html: '<p>Nynorsk</p>' } } });
    expect((await new Client(t.app, 'nn').get(`/api/handbook/pages/${s}`)).json()).toMatchObject({ lang: 'nn', html: '<p>Nynorsk</p>' });
    expect((await new Client(t.app, 'en').get(`/api/handbook/pages/${s}`)).json()).toMatchObject({ lang: 'nb', html: '<p>Bokmål</p>' });
  });
});

describe('sanitising: no script can be stored', () => {
  const unsafe: [string, string][] = [
    ['a script tag', '<p>Hei</p><script>alert(1)</script>'],
    ['an on* attribute', '<p onclick="alert(1)">Hei</p>'],
    ['an on* attribute on an image', '<img src="/api/handbook/images/00000000-0000-4000-8000-000000000000" onerror="alert(1)">'],
    ['a javascript: link', '<a href="javascript:alert(1)">Klikk</a>'],
    ['a javascript: link in disguise', '<a href="JaVa&#x09;ScRiPt:alert(1)">Klikk</a>'],
    ['a data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Klikk</a>'],
    ['a data: image', '<img src="data:image/png;base64,iVBORw0KGgo=" alt="x">'],
    ['an image from another site', '<img src="https://example.com/x.png" alt="x">'],
    ['an iframe', '<iframe src="https://example.com"></iframe>'],
    ['a style attribute', '<p style="background:url(javascript:alert(1))">Hei</p>'],
    ['an svg with script', '<svg><script>alert(1)</script></svg>'],
  ];
  for (const [what, html] of unsafe) {
    it(`refuses ${what} with a clear message and stores nothing`, async () => {
      const before = await snapshot();
      const response = await admin.post('/api/admin/handbook/pages', pageBody(slug('unsafe'), 'Farlig', html));
      expect(response.statusCode).toBe(400);
      expect(fields(response)).toEqual([{ field: 'texts.nb.html', message: expect.stringContaining('Teksten inneholder noe som ikke er tillatt') }]);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('refuses unsafe HTML in a later version too, in the author\'s language, and keeps the page as it was', async () => {
    const id = await createPage(admin, slug('trygg'), 'Trygg');
    const response = await new Client(t.app, 'en').signIn('administrator').then((c) => c.put(`/api/admin/handbook/pages/${id}`, { baseVersion: 1, visibility: 'public', texts: { nb: { title: 'Trygg', html: '<p>ok</p>' }, en: { title: 'Safe', html: '<a href="javascript:void(0)">x</a>' } } }));
    expect(fields(response)).toEqual([{ field: 'texts.en.html', message: expect.stringContaining('The text contains something that is not allowed') }]);
    expect((await admin.get(`/api/admin/handbook/pages/${id}`)).json().version).toBe(1);
  });

  it('stores what looks like a script typed as text as text, escaped', async () => {
    const s = slug('tekst');
    await publishedPage(s, 'Tekst', {}, '<p>&lt;script&gt;alert(1)&lt;/script&gt; og <a href="https://lovdata.no" target="_blank" rel="noopener noreferrer nofollow">loven</a></p>');
    const page = (await visitor.get(`/api/handbook/pages/${s}`)).json();
    expect(page.html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; og <a href="https://lovdata.no" target="_blank" rel="noopener noreferrer nofollow">loven</a></p>');
    const stored = await t.database.db.selectFrom('handbook_page_text').select('body_html').execute();
    expect(stored.filter((r) => /<script|javascript:|\son\w+=/i.test(r.body_html))).toEqual([]);
  });
});

describe('images', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

  it('stores a real image and serves it with its checked type; a page may show it', async () => {
    const uploaded = await admin.post('/api/admin/handbook/images', { contentType: 'image/png', data: png.toString('base64') });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const { url } = uploaded.json();
    const served = await visitor.get(url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.equals(png)).toBe(true);
    const s = slug('med-bilde');
    await publishedPage(s, 'Med bilde', {}, `<p>Se bildet:</p><img src="${url}" alt="Modellen">`);
    expect((await visitor.get(`/api/handbook/pages/${s}`)).json().html).toContain(`<img src="${url}" alt="Modellen" />`);
  });

  it('refuses a file that is not the image it claims, one too large, and an SVG, storing nothing', async () => {
    const before = await snapshot();
    const pdf = await admin.post('/api/admin/handbook/images', { contentType: 'image/png', data: Buffer.from('%PDF-1.7 not an image').toString('base64') });
    expect(fields(pdf)).toEqual([{ field: 'data', message: 'Filen må være et bilde av typen PNG, JPEG, GIF eller WebP.' }]);
    const jpegAsPng = await admin.post('/api/admin/handbook/images', { contentType: 'image/jpeg', data: png.toString('base64') });
    expect(jpegAsPng.statusCode).toBe(400);
    const large = Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]);
    expect(fields(await admin.post('/api/admin/handbook/images', { contentType: 'image/png', data: large.toString('base64') }))).toEqual([
      { field: 'data', message: 'Filen er for stor. Største tillatte størrelse er 2 MB.' },
    ]);
    const svg = await admin.post('/api/admin/handbook/images', { contentType: 'image/svg+xml', data: Buffer.from('<svg onload="alert(1)"/>').toString('base64') });
    expect(fields(svg)).toEqual([{ field: 'contentType', message: 'Filen må være et bilde av typen PNG, JPEG, GIF eller WebP.' }]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a page with an image that is not in the store', async () => {
    const response = await admin.post('/api/admin/handbook/pages', pageBody(slug('ukjent-bilde'), 'Ukjent', `<img src="/api/handbook/images/${randomUUID()}" alt="x">`));
    expect(fields(response)).toEqual([{ field: 'texts', message: 'Et bilde i teksten finnes ikke i håndbokens bildearkiv. Last det opp på nytt.' }]);
  });
});

describe('public and staff-only pages', () => {
  it('never shows a staff-only page to the public: not by address, not in the list, not in search', async () => {
    const s = slug('intern-rutine-kvalitetslosing');
    await publishedPage(s, 'Intern rutine for kvalitetslosing', { visibility: 'staff' });
    const open = slug('apen-rutine-kvalitetslosing');
    await publishedPage(open, 'Åpen rutine for kvalitetslosing');

    expect((await visitor.get(`/api/handbook/pages/${s}`)).statusCode).toBe(404);
    expect((await (await signedIn(t.app, 'forelder')).get(`/api/handbook/pages/${s}`)).statusCode).toBe(404);
    const slugs = (r: Response) => r.json().pages.map((p: { slug: string }) => p.slug);
    expect(slugs(await visitor.get('/api/handbook/pages'))).not.toContain(s);
    expect(slugs(await visitor.get('/api/handbook/pages?q=kvalitetslosing'))).toEqual([open]);

    // Staff read it, and find it.
    expect((await professional.get(`/api/handbook/pages/${s}`)).json()).toMatchObject({ slug: s, visibility: 'staff' });
    expect(slugs(await professional.get('/api/handbook/pages?q=kvalitetslosing')).sort()).toEqual([open, s].sort());
  });

  it('finds pages with the catalogue\'s forgiving search: word forms and typos', async () => {
    const s = slug('sprakvansker');
    await publishedPage(s, 'Kartlegging av språkvansker', {}, '<p>Logopeden hjelper barn med uttale.</p>');
    const first = async (q: string) => (await visitor.get(`/api/handbook/pages?q=${encodeURIComponent(q)}`)).json();
    expect((await first('språkvansker')).pages[0].slug).toBe(s);
    expect((await first('språkvanskene')).pages[0].slug).toBe(s);
    const typo = await first('logopedn');
    expect(typo.pages[0].slug).toBe(s);
    expect(typo.alsoSearchedFor).toContain('logopeden');
  });
});

describe('links between the action guide and the handbook', () => {
  it('refuses to publish a guide linking to a page that does not exist or is not published, and changes nothing', async () => {
    const missing = await publishGuideWith([{ label: label('Finnes ikke'), url: '/handbok/finnes-ikke' }]);
    expect(missing.response.statusCode).toBe(400);
    expect(fields(missing.response)).toEqual([{ field: expect.stringMatching(/^steps\.\d+\.links\.\d+\.url$/), message: 'Lenken går til håndboksiden «finnes-ikke», som ikke finnes eller ikke er publisert. Publiser siden eller fjern lenken.' }]);
    const draft = slug('bare-utkast');
    await createPage(admin, draft, 'Bare utkast');
    const unpublished = await publishGuideWith([{ label: label('Utkast'), url: `/handbok/${draft}` }]);
    expect(unpublished.response.statusCode).toBe(400);
    expect((await guide()).version).toBe(missing.before);
  });

  it('publishes a guide linking to a published page; the page names the step; the model links it for everyone', async () => {
    const s = slug('undring-og-bekymring');
    await publishedPage(s, 'Når du er bekymret');
    const staffOnly = slug('intern-kontaktliste');
    await publishedPage(staffOnly, 'Intern kontaktliste', { visibility: 'staff' });
    const { response, stepKey, before } = await publishGuideWith([
      { label: label('Når du er bekymret'), url: `/handbok/${s}` },
      { label: label('Intern kontaktliste'), url: `/handbok/${staffOnly}` },
      { label: label('Bekymringsmelding'), url: '/barn/:child/bekymringsmelding' },
    ]);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ version: before + 1 });

    const page = (await visitor.get(`/api/handbook/pages/${s}`)).json();
    expect(page.linkedFrom).toEqual([expect.objectContaining({ level: 1, stepKey })]);

    const model = (await visitor.get('/api/model')).json();
    expect(model.guideVersion).toBe(before + 1);
    expect(model.levels.map((l: { level: number }) => l.level)).toEqual([0, 1, 2, 3]);
    const step = model.levels[1].steps.find((x: { stepKey: string }) => x.stepKey === stepKey);
    const urls = step.links.map((l: { url: string }) => l.url);
    // The public follows the public page; the staff-only page and a form that needs a child are left out.
    expect(urls).toContain(`/handbok/${s}`);
    expect(urls).not.toContain(`/handbok/${staffOnly}`);
    expect(urls).not.toContain('/barn/:child/bekymringsmelding');
    expect(step.links.find((l: { url: string }) => l.url === `/handbok/${s}`)).toEqual({ label: 'Når du er bekymret', url: `/handbok/${s}`, kind: 'handbook' });
  });

  it('draws the teams from the team configuration and links each to the public page about its kind', async () => {
    const s = slug('tidlig-innsatsteam');
    await publishedPage(s, 'Slik arbeider tidlig innsatsteam', { aboutTeamKind: 'early_intervention' });
    const model = (await visitor.get('/api/model')).json();
    const configured = await t.database.db.selectFrom('team').select(['name', 'kind']).where('active', '=', true).execute();
    expect(model.teams.map((x: { name: string }) => x.name).sort()).toEqual(configured.map((c) => c.name).sort());
    const early = model.teams.filter((x: { kind: string }) => x.kind === 'early_intervention');
    expect(early.length).toBeGreaterThan(0);
    // The demo's own page about these teams may come first by address; the link is to a public page about the kind.
    for (const team of early) expect(team.page?.slug).toBeTruthy();
    expect(model.teams.filter((x: { kind: string }) => x.kind === 'system_level').length).toBeGreaterThan(0);
  });
});

describe('who may write', () => {
  it('lets the editor (redaktør) write and publish, and refuses other staff, citizens and the anonymous, auditing the refusals', async () => {
    const unit = await createServiceUnit(admin, `Kommunikasjon ${randomUUID().slice(0, 6)}`, { typeCode: 'municipal_admin' });
    const username = `redaktor.${randomUUID().slice(0, 8)}`;
    await createStaffUser(admin, { ...staffForm(username, 'Rita Redaktør', unit.id, '1985-04-12'), roles: ['editor'] });
    const editor = await signedIn(t.app, username);
    const id = await createPage(editor, slug('redaktor'), 'Fra redaktøren');
    await publish(editor, id);

    const before = await snapshot();
    const body = pageBody(slug('kapret'), 'Kapret', '<p>x</p>');
    expect((await professional.post('/api/admin/handbook/pages', body)).statusCode).toBe(403);
    expect((await professional.put(`/api/admin/handbook/pages/${id}`, { baseVersion: 1, visibility: 'public', texts: body.texts })).statusCode).toBe(403);
    expect((await professional.post(`/api/admin/handbook/pages/${id}/publish`, { version: 1 })).statusCode).toBe(403);
    expect((await professional.get('/api/admin/handbook/pages')).statusCode).toBe(403);
    expect((await (await signedIn(t.app, 'forelder.uten.ansvar')).post('/api/admin/handbook/pages', body)).statusCode).toBe(403);
    expect((await (await signedIn(t.app, 'ungdom')).post('/api/admin/handbook/pages', body)).statusCode).toBe(403);
    expect((await visitor.post('/api/admin/handbook/pages', body)).statusCode).toBe(401);
    expect(await snapshot()).toEqual(before);

    const audit = await t.database.db.selectFrom('audit_event').select(['action', 'outcome', 'actor_name'])
      .where('entity_id', '=', id).where('action', 'in', ['handbook.edit', 'handbook.publish']).execute();
    expect(audit).toEqual(expect.arrayContaining([
      { action: 'handbook.publish', outcome: 'allowed', actor_name: 'Rita Redaktør' },
      { action: 'handbook.publish', outcome: 'denied', actor_name: expect.any(String) },
      { action: 'handbook.edit', outcome: 'denied', actor_name: expect.any(String) },
    ]));
  });
});
