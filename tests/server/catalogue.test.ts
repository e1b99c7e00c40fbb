// The public service catalogue ("det digitale sporet"): anyone finds Fjordvik's services without
// signing in, by life situation, age or search that forgives typos and Norwegian word forms; the
// situation guide suggests services by the municipality's rules; the administrator writes drafts,
// previews the rules, publishes, and every version is kept. Bad rules are refused with a clear
// message in the user's language and change nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITUATIONS, type RuleSet } from '../../common/catalogue.ts';
import { suggestServices } from '../../server/modules/catalogue/rules.ts';
import { DEMO_GUIDE } from '../../server/demo/catalogue.ts';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { staffName } from '../support/factories.ts';

let t: TestApp;
let visitor: Client;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 5 });
  visitor = new Client(t.app);
  admin = await signedIn(t.app, 'administrator');
});
afterAll(async () => {
  await t?.close();
});

interface Summary { id: string; slug: string; name: string; summary: string; ageFrom: number | null; ageTo: number | null; audiences: string[]; situations: string[] }

async function search(query: string, lang = 'nb'): Promise<{ services: Summary[]; alsoSearchedFor: string[] }> {
  const response = await new Client(t.app, lang).get(`/api/catalogue/services${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const names = (services: Summary[]) => services.map((s) => s.name);

/** Everything the catalogue has stored, to show that a refused request changed nothing. */
async function catalogueSnapshot() {
  const db = t.database.db;
  return {
    services: await db.selectFrom('catalogue_service').select(['id', 'slug', 'latest_version', 'published_version']).orderBy('id').execute(),
    versions: (await db.selectFrom('catalogue_service_version').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n,
    texts: (await db.selectFrom('catalogue_service_text').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n,
    guides: (await db.selectFrom('catalogue_guide').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n,
  };
}

const texts = (name: string, extra: Record<string, string> = {}) => ({
  name, summary: `${name}: hjelp til familier.`, audienceText: 'Familier i Fjordvik.', howTo: 'Ring oss.', cost: 'Gratis.', openingHours: 'Hverdager.', location: 'Rådhuset.', keywords: '', ...extra,
});
const content = (name: string, overrides: Record<string, unknown> = {}) => ({
  ageFrom: 0, ageTo: 18, audiences: ['child'], situations: ['small_children'], lowThreshold: true,
  rules: { suggestWhen: [{ situations: ['small_children'], ageTo: 5 }] },
  texts: { nb: texts(name), nn: texts(`${name} (nynorsk)`), en: texts(`${name} (English)`) },
  ...overrides,
});

describe('search, open to everyone', () => {
  it('finds the health station for "helsesøster", also when it is misspelt, and says what else it searched for', async () => {
    for (const typed of ['helsesøster', 'helsesøstr', 'helsesster', 'Helsesøster']) {
      const result = await search(`?q=${encodeURIComponent(typed)}`);
      expect(names(result.services)[0], typed).toBe('Helsestasjon for barn 0–5 år');
      // The school nurse and the youth clinic are health nurses too, and come right after.
      expect(names(result.services).slice(0, 3), typed).toEqual(expect.arrayContaining(['Skolehelsetjenesten – helsesykepleier på skolen', 'Helsestasjon for ungdom (HFU)']));
    }
    expect((await search(`?q=${encodeURIComponent('helsesøstr')}`)).alsoSearchedFor).toContain('helsesøster');
    expect((await search(`?q=${encodeURIComponent('helsesøster')}`)).alsoSearchedFor).toEqual([]);
  });

  it('forgives Norwegian word forms and typos in other words', async () => {
    expect(names((await search('?q=helsestasjonene')).services)[0]).toBe('Helsestasjon for barn 0–5 år');
    expect(names((await search('?q=krisesentrene')).services)[0]).toBe('Krisesenteret');
    expect(names((await search('?q=krisesentre')).services)[0]).toBe('Krisesenteret');
    expect(names((await search('?q=avlastnig')).services)[0]).toBe('Avlastning for familier med barn med særlige behov');
    expect(names((await search(`?q=${encodeURIComponent('bostøtten')}`)).services)[0]).toBe('Bostøtte');
  });

  it('ranks a service named for the words above services that only mention them', async () => {
    const result = await search(`?q=${encodeURIComponent('psykisk helse barn')}`);
    expect(names(result.services)[0]).toBe('Psykisk helseteam for barn og unge');
    const jobs = await search('?q=sommerjobb');
    expect(names(jobs.services)[0]).toBe('Ung i jobb – sommerjobb og arbeidstrening');
  });

  it('finds nothing for words that are not in the catalogue, rather than everything', async () => {
    expect((await search('?q=xylofonreparasjon')).services).toEqual([]);
  });

  it('searches in the visitor\'s language, and still understands the Norwegian name', async () => {
    expect(names((await search('?q=school%20nurse', 'en')).services)[0]).toBe('School health service – the school nurse');
    expect(names((await search(`?q=${encodeURIComponent('helsesøster')}`, 'en')).services)[0]).toBe('Health station for children aged 0–5 (helsestasjon)');
    expect(names((await search(`?q=${encodeURIComponent('helsesjukepleiar')}`, 'nn')).services).slice(0, 3)).toContain('Skulehelsetenesta – helsesjukepleiar på skulen');
  });

  it('navigates by life situation, by whom it is for and by age', async () => {
    const pregnancy = await search('?situation=pregnancy');
    expect(pregnancy.services.length).toBeGreaterThanOrEqual(3);
    for (const s of pregnancy.services) expect(s.situations, s.name).toContain('pregnancy');
    expect(names(pregnancy.services)).toContain('Svangerskapskontroll hos jordmor');

    const forMyChildOf14 = await search('?audience=child&age=14');
    expect(forMyChildOf14.services.length).toBeGreaterThan(5);
    for (const s of forMyChildOf14.services) {
      expect(s.audiences, s.name).toContain('child');
      expect(s.ageFrom === null || s.ageFrom <= 14, s.name).toBe(true);
      expect(s.ageTo === null || s.ageTo >= 14, s.name).toBe(true);
    }
    expect(names(forMyChildOf14.services)).not.toContain('Søke barnehageplass');

    const overview = (await visitor.get('/api/catalogue')).json();
    expect(overview.municipality).toBe('Fjordvik kommune');
    for (const situation of SITUATIONS) expect(overview.situationCounts[situation], situation).toBeGreaterThan(0);
  });

  it('refuses a filter that does not exist, in the visitor\'s language', async () => {
    const response = await new Client(t.app, 'en').get('/api/catalogue/services?situation=space_travel');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toEqual({ field: 'situation', message: expect.stringMatching(/option/i) });
  });
});

describe('the demo catalogue', () => {
  it('has at least 60 published services, each complete in bokmål, nynorsk and English', async () => {
    const byLang: Record<string, Summary[]> = Object.fromEntries(await Promise.all(['nb', 'nn', 'en'].map(async (lang) => [lang, (await search('', lang)).services] as const)));
    const nb = byLang.nb!;
    expect(nb.length).toBeGreaterThanOrEqual(60);
    for (const lang of ['nn', 'en']) expect(byLang[lang]!.length, lang).toBe(nb.length);
    for (const lang of ['nb', 'nn', 'en']) {
      for (const s of byLang[lang]!) {
        expect(s.name.trim(), `${lang} ${s.slug}`).not.toBe('');
        expect(s.summary.trim(), `${lang} ${s.slug}`).not.toBe('');
      }
    }
    const slugsOf = (lang: string) => byLang[lang]!.map((s) => s.slug).sort();
    expect(slugsOf('nn')).toEqual(slugsOf('nb'));
    for (const slug of ['helsestasjon', 'skolehelsetjenesten', 'psykisk-helseteam-barn-unge', 'ppt', 'utekontakten', 'nav-ungdomsteam', 'ung-i-jobb', 'akutthjelpen', 'legevakt', 'avlastning', 'barnevernet', 'krisesenter', 'friskliv-og-mestring', 'fritidsklubben-loftet', 'familieveiledning']) {
      expect(slugsOf('nb'), slug).toContain(slug);
    }
  });

  it('shows a service\'s page in the visitor\'s language', async () => {
    const page = async (lang: string) => (await new Client(t.app, lang).get('/api/catalogue/services/akutthjelpen')).json().service;
    const nb = await page('nb');
    expect(nb).toMatchObject({ name: 'Akutthjelpen – praktisk hjelp hjemme i en krise', ageFrom: 0, ageTo: 18 });
    expect(nb.summary).toContain('14 dager');
    expect(nb.howTo).not.toBe('');
    expect((await page('nn')).name).toBe('Akutthjelpa – praktisk hjelp heime i ei krise');
    expect((await page('en')).summary).toContain('up to 14 days');
    expect((await visitor.get('/api/catalogue/services/finnes-ikke')).statusCode).toBe(404);
  });
});

describe('the situation guide and the rules', () => {
  it('suggests the mental-health team first to a parent of a 14-year-old worried about mood, and nothing for adults', async () => {
    const auditBefore = (await t.database.db.selectFrom('audit_event').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
    const response = await visitor.post('/api/catalogue/guide/suggestions', { audience: 'child', age: 14, situations: ['mental_health'], answers: { concern: ['mood'] } });
    expect(response.statusCode).toBe(200);
    const suggested: Summary[] = response.json().services;
    expect(suggested[0]!.name).toBe('Psykisk helseteam for barn og unge');
    expect(names(suggested)).toContain('Skolehelsetjenesten – helsesykepleier på skolen');
    for (const s of suggested) expect(s.ageFrom === null || s.ageFrom <= 14, s.name).toBe(true);
    expect(names(suggested)).not.toContain('Rask psykisk helsehjelp');
    // Nothing is stored about the family's answers, not even in the audit log.
    const auditAfter = (await t.database.db.selectFrom('audit_event').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
    expect(auditAfter).toBe(auditBefore);
  });

  it('puts emergency help first when someone is in danger, and ignores answers to questions that were not asked', async () => {
    const urgent = (await visitor.post('/api/catalogue/guide/suggestions', { audience: 'self', age: 34, situations: ['violence'], answers: { urgent: ['yes'] } })).json().services as Summary[];
    expect(names(urgent).slice(0, 3)).toEqual(expect.arrayContaining(['Legevakt', 'Overgrepsmottaket']));
    expect(names(urgent)).toContain('Krisesenteret');
    // "money" is asked only about money and housing; answered for pregnancy it counts for nothing.
    const pregnant = (await visitor.post('/api/catalogue/guide/suggestions', { audience: 'self', age: 29, situations: ['pregnancy'], answers: { money: ['debt'] } })).json().services as Summary[];
    expect(names(pregnant)).toContain('Svangerskapskontroll hos jordmor');
    expect(names(pregnant)).not.toContain('Økonomi- og gjeldsrådgivning');
  });

  it('gives the guide\'s questions in the visitor\'s language', async () => {
    const nn = (await new Client(t.app, 'nn').get('/api/catalogue/guide')).json();
    expect(nn.questions.map((q: { id: string }) => q.id)).toEqual(['concern', 'money', 'help', 'urgent']);
    expect(nn.questions[0].text).toBe('Kva er du mest uroleg for?');
    const en = (await new Client(t.app, 'en').get('/api/catalogue/guide')).json();
    expect(en.questions[0].options[0].text).toMatch(/^Mood and feelings/);
  });

  it('suggests the same services to a professional from an age and situations alone', async () => {
    const professional = await signedIn(t.app, 'helsesykepleier');
    const response = await professional.get('/api/catalogue/suggestions?age=14&situations=mental_health,school');
    expect(response.statusCode).toBe(200);
    expect(names(response.json().services)).toContain('Psykisk helseteam for barn og unge');
    expect((await visitor.get('/api/catalogue/suggestions?age=14&situations=mental_health')).statusCode).toBe(401);
  });

  it('suggestServices is a pure function of the rules and the answers', () => {
    const services: { name: string; rules: RuleSet }[] = [
      { name: 'general', rules: { suggestWhen: [{ situations: ['mental_health'] }] } },
      { name: 'specific', rules: { suggestWhen: [{ situations: ['mental_health'], ageFrom: 6, ageTo: 23, answers: { concern: ['mood'] } }] } },
      { name: 'adults', rules: { suggestWhen: [{ situations: ['mental_health'], ageFrom: 18 }] } },
      { name: 'urgent', rules: { priority: 9, suggestWhen: [{ answers: { urgent: ['yes'] } }] } },
    ];
    const teen = { age: 14, situations: ['mental_health' as const], answers: { concern: ['mood'] } };
    expect(suggestServices(services, teen).map((s) => s.service.name)).toEqual(['specific', 'general']);
    expect(suggestServices(services, { ...teen, answers: { concern: ['mood'], urgent: ['yes'] } }).map((s) => s.service.name)).toEqual(['urgent', 'specific', 'general']);
    // The more specific match (situation and age) comes before the general one.
    expect(suggestServices(services, { age: 40, situations: ['mental_health'], answers: {} }).map((s) => s.service.name)).toEqual(['adults', 'general']);
    // The guide's own demo questions are what the demo rules refer to.
    expect(DEMO_GUIDE.questions.find((q) => q.id === 'concern')?.options.map((o) => o.value)).toContain('mood');
  });
});

describe('the youth page', () => {
  it('lists what young people can contact themselves under neutral headings, and no adult services', async () => {
    const response = (await visitor.get('/api/catalogue/youth')).json();
    expect(response.groups.map((g: { key: string }) => g.key)).toEqual(['leisure', 'schoolWork', 'health']);
    const all: Summary[] = response.groups.flatMap((g: { services: Summary[] }) => g.services);
    for (const s of all) {
      expect(s.audiences, s.name).toContain('self');
      expect(s.ageTo !== null && s.ageTo >= 13, s.name).toBe(true);
      expect(s.ageFrom === null || s.ageFrom <= 23, s.name).toBe(true);
    }
    const leisure = names(response.groups[0].services);
    expect(leisure).toContain('Fritidsklubben Loftet');
    expect(names(all)).toEqual(expect.arrayContaining(['Helsestasjon for ungdom (HFU)', 'Utekontakten', 'Ung i jobb – sommerjobb og arbeidstrening', 'NAV ungdomsteam']));
    expect(names(all)).not.toContain('Økonomisk sosialhjelp');
    expect(names(all)).not.toContain('Søke barnehageplass');
  });
});

describe('the administrator writes the catalogue', () => {
  /** A service of the test's own at `slug`: a draft (version 1), published when asked. */
  async function service(slug: string, name: string, options: { publish?: boolean } = {}): Promise<string> {
    const created = await admin.post('/api/admin/catalogue/services', { slug, ...content(name) });
    expect(created.statusCode, created.body).toBe(201);
    const id: string = created.json().id;
    if (options.publish) expect((await admin.post(`/api/admin/catalogue/services/${id}/publish`, { version: 1 })).statusCode).toBe(200);
    return id;
  }

  it('keeps a new service as a draft that the public cannot see', async () => {
    const serviceId = await service('eventyrstund', 'Eventyrstund for de minste');
    expect((await visitor.get('/api/catalogue/services/eventyrstund')).statusCode).toBe(404);
    expect(names((await search('?q=eventyrstund')).services)).toEqual([]);
    expect(names((await search('?situation=small_children')).services)).not.toContain('Eventyrstund for de minste');
    const suggested = (await visitor.post('/api/catalogue/guide/suggestions', { audience: 'child', age: 1, situations: ['small_children'], answers: {} })).json().services;
    expect(names(suggested)).not.toContain('Eventyrstund for de minste');
    const list = (await admin.get('/api/admin/catalogue/services')).json().services;
    expect(list.find((s: { id: string }) => s.id === serviceId)).toMatchObject({ name: 'Eventyrstund for de minste', latestVersion: 1, publishedVersion: null, hasDraft: true });
  });

  it('publishing makes the draft the public version, in every language', async () => {
    const serviceId = await service('babysang', 'Babysang på biblioteket');
    expect((await visitor.get('/api/catalogue/services/babysang')).statusCode).toBe(404);
    // The search keeps its answers until the catalogue changes: this one must not outlive the publication.
    expect(names((await search('?q=babysang')).services)).toEqual([]);
    const published = await admin.post(`/api/admin/catalogue/services/${serviceId}/publish`, { version: 1 });
    expect(published.statusCode, published.body).toBe(200);
    expect((await visitor.get('/api/catalogue/services/babysang')).json().service.name).toBe('Babysang på biblioteket');
    expect((await new Client(t.app, 'en').get('/api/catalogue/services/babysang')).json().service.name).toBe('Babysang på biblioteket (English)');
    expect((await new Client(t.app, 'nn').get('/api/catalogue/services/babysang')).json().service.name).toBe('Babysang på biblioteket (nynorsk)');
    expect(names((await search('?q=babysang')).services)).toEqual(['Babysang på biblioteket']);
    const suggested = (await visitor.post('/api/catalogue/guide/suggestions', { audience: 'child', age: 1, situations: ['small_children'], answers: {} })).json().services;
    expect(names(suggested)).toContain('Babysang på biblioteket');
  });

  it('a later draft leaves the published version public until it is published, and history keeps every version', async () => {
    const serviceId = await service('rytmeleik', 'Rytmeleik på biblioteket', { publish: true });
    const saved = await admin.put(`/api/admin/catalogue/services/${serviceId}`, { baseVersion: 1, changeNote: 'Nytt navn', ...content('Rytmeleik og rim') });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(2);
    expect((await visitor.get('/api/catalogue/services/rytmeleik')).json().service.name).toBe('Rytmeleik på biblioteket');
    expect(names((await search('?q=rim')).services)).not.toContain('Rytmeleik og rim');

    const draft = (await admin.get(`/api/admin/catalogue/services/${serviceId}`)).json();
    expect(draft.latest).toMatchObject({ version: 2, state: 'draft' });
    expect(draft.latest.content.texts.nb.name).toBe('Rytmeleik og rim');
    expect(draft.history.map((h: { version: number; state: string }) => [h.version, h.state])).toEqual([[2, 'draft'], [1, 'published']]);

    // An edit based on a version that is no longer the newest is refused, not overwritten.
    const stale = await admin.put(`/api/admin/catalogue/services/${serviceId}`, { baseVersion: 1, ...content('Gammel kopi') });
    expect(stale.statusCode).toBe(409);

    expect((await admin.post(`/api/admin/catalogue/services/${serviceId}/publish`, { version: 2 })).statusCode).toBe(200);
    expect((await visitor.get('/api/catalogue/services/rytmeleik')).json().service.name).toBe('Rytmeleik og rim');
    expect(names((await search('?q=rim')).services)).toContain('Rytmeleik og rim');
    const after = (await admin.get(`/api/admin/catalogue/services/${serviceId}`)).json();
    const adminName = await staffName(t.database.db, 'administrator');
    expect(after.history.map((h: { version: number; state: string; createdBy: string; publishedBy: string | null; changeNote: string | null }) => [h.version, h.state, h.createdBy, h.publishedBy, h.changeNote])).toEqual([
      [2, 'published', adminName, adminName, 'Nytt navn'],
      [1, 'earlier_published', adminName, adminName, null],
    ]);
    const first = (await admin.get(`/api/admin/catalogue/services/${serviceId}/versions/1`)).json();
    expect(first.content.texts.nb.name).toBe('Rytmeleik på biblioteket');
    // Publishing again what is already public is refused.
    expect((await admin.post(`/api/admin/catalogue/services/${serviceId}/publish`, { version: 2 })).statusCode).toBe(409);
  });

  it('refuses rules with an unknown field, an impossible age range or an unknown situation, in the user\'s language, and changes nothing', async () => {
    const cases: { rules: unknown; field: string; nb: RegExp; nn: RegExp; en: RegExp }[] = [
      {
        rules: { suggestWhen: [{ situations: ['school'] }, { ageFrom: 6, mood: ['sad'] }] }, field: 'rules.suggestWhen.1.mood',
        nb: /^Regel 2: ukjent felt «mood»\. Tillatte felt er «ageFrom», «ageTo», «audiences», «situations», «answers»\.$/,
        nn: /^Regel 2: ukjent felt «mood»/, en: /^Rule 2: unknown field “mood”/,
      },
      {
        rules: { suggestWhen: [{ ageFrom: 18, ageTo: 6 }] }, field: 'rules.suggestWhen.0.ageTo',
        nb: /^Regel 1: aldersspennet fra 18 til 6 år er umulig\./, nn: /^Regel 1: aldersspennet frå 18 til 6 år er umogleg\./, en: /^Rule 1: the age range from 18 to 6 years is impossible\./,
      },
      {
        rules: { suggestWhen: [{ situations: ['space_travel'] }] }, field: 'rules.suggestWhen.0.situations',
        nb: /^Regel 1: ukjent livssituasjon «space_travel»/, nn: /^Regel 1: ukjend livssituasjon «space_travel»/, en: /^Rule 1: unknown life situation “space_travel”/,
      },
      {
        rules: { suggestWhen: [{ answers: { concern: ['homesick'] } }] }, field: 'rules.suggestWhen.0.answers.concern',
        nb: /^Regel 1: spørsmålet «concern» har ikke svaret «homesick»/, nn: /svaret «homesick»/, en: /has no answer “homesick”/,
      },
      { rules: { suggestWhen: [{}] }, field: 'rules.suggestWhen.0', nb: /ville foreslått tjenesten for alle/, nn: /føreslått tenesta for alle/, en: /would suggest the service to everyone/ },
      { rules: { suggestWhen: [], owner: 'x' }, field: 'rules.owner', nb: /^Ukjent felt «owner» i reglene/, nn: /^Ukjent felt «owner» i reglane/, en: /^Unknown field “owner” in the rules/ },
    ];
    const serviceId = await service('fargeleik', 'Fargeleik', { publish: true });
    const before = await catalogueSnapshot();
    const publicBefore = (await visitor.get('/api/catalogue/services/fargeleik')).json();
    for (const c of cases) {
      for (const lang of ['nb', 'nn', 'en'] as const) {
        const client = await signedIn(t.app, 'administrator', lang);
        for (const attempt of [
          () => client.put(`/api/admin/catalogue/services/${serviceId}`, { baseVersion: 1, ...content('Fargeleik med feil', { rules: c.rules }) }),
          () => client.post('/api/admin/catalogue/services', { slug: 'feil-regler', ...content('Feil regler', { rules: c.rules }) }),
        ]) {
          const response = await attempt();
          expect(response.statusCode, `${c.field} ${lang}`).toBe(400);
          const problem = response.json().error.fields.find((f: { field: string }) => f.field === c.field);
          expect(problem?.message, `${c.field} ${lang}: ${response.body}`).toMatch(c[lang]);
        }
      }
    }
    expect(await catalogueSnapshot()).toEqual(before);
    expect((await visitor.get('/api/catalogue/services/fargeleik')).json()).toEqual(publicBefore);
  });

  it('refuses an impossible age range for the service itself', async () => {
    const serviceId = await service('dansestund', 'Dansestund');
    const before = await catalogueSnapshot();
    const response = await admin.put(`/api/admin/catalogue/services/${serviceId}`, { baseVersion: 1, ...content('Dansestund', { ageFrom: 18, ageTo: 6 }) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ field: 'ageTo', message: 'Aldersspennet fra 18 til 6 år er umulig. Fra-alderen kan ikke være høyere enn til-alderen.' }]);
    expect(await catalogueSnapshot()).toEqual(before);
  });

  it('previews rules before publishing: which sample answers they match and what one answer set would be shown', async () => {
    const serviceId = await service('sangstund', 'Sangstund og rim', { publish: true });
    const before = await catalogueSnapshot();
    const rules = { suggestWhen: [{ situations: ['pregnancy'] }, { audiences: ['child'], ageTo: 1 }] };
    const preview = await admin.post('/api/admin/catalogue/preview', {
      serviceId, rules, answers: { audience: 'self', age: 29, situations: ['pregnancy'], answers: {} },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.valid).toBe(true);
    const matches = Object.fromEntries(body.samples.map((s: { key: string; matches: boolean }) => [s.key, s.matches]));
    expect(matches).toMatchObject({ pregnant: true, parentInfant: true, parentTeenMood: false, youthMoneyWork: false });
    expect(body.samples.find((s: { key: string }) => s.key === 'pregnant').description).toBe('Gravid, 29 år');
    const suggested = body.suggestions as { name: string; thisService: boolean }[];
    expect(suggested.find((s) => s.thisService)?.name).toBe('Sangstund og rim');
    expect(suggested.map((s) => s.name)).toContain('Svangerskapskontroll hos jordmor');

    const invalid = (await admin.post('/api/admin/catalogue/preview', { rules: { suggestWhen: [{ ageFrom: 18, ageTo: 6 }] } })).json();
    expect(invalid.valid).toBe(false);
    expect(invalid.problems[0].message).toMatch(/^Regel 1: aldersspennet fra 18 til 6 år er umulig/);
    expect(await catalogueSnapshot()).toEqual(before);
  });

  it('publishes only when every language has the essentials', async () => {
    const onlyBokmal = content('Bare bokmål', { texts: { nb: texts('Bare bokmål'), nn: texts('', { summary: '' }), en: texts('Only bokmål', { howTo: '' }) } });
    const created = await admin.post('/api/admin/catalogue/services', { slug: 'bare-bokmal', ...onlyBokmal });
    expect(created.statusCode, created.body).toBe(201);
    const refused = await admin.post(`/api/admin/catalogue/services/${created.json().id}/publish`, { version: 1 });
    expect(refused.statusCode).toBe(400);
    const fields = refused.json().error.fields as { field: string; message: string }[];
    expect(fields.map((f) => f.field).sort()).toEqual(['texts.en.howTo', 'texts.nn.name', 'texts.nn.summary']);
    expect(fields.find((f) => f.field === 'texts.nn.name')!.message).toMatch(/^Mangler på nynorsk\./);
    expect((await visitor.get('/api/catalogue/services/bare-bokmal')).statusCode).toBe(404);
  });

  it('refuses a second service at the same address', async () => {
    const response = await admin.post('/api/admin/catalogue/services', { slug: 'helsestasjon', ...content('Enda en helsestasjon') });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ field: 'slug', message: 'En annen tjeneste har allerede denne adressen.' }]);
  });

  it('only the administrator may edit, and each write is in the audit log', async () => {
    const serviceId = await service('trilletur', 'Trilletur i parken', { publish: true });
    const professional = await signedIn(t.app, 'fagperson.skole');
    expect((await professional.get('/api/admin/catalogue/services')).statusCode).toBe(403);
    expect((await professional.put(`/api/admin/catalogue/services/${serviceId}`, { baseVersion: 1, ...content('Kapret') })).statusCode).toBe(403);
    expect((await professional.post(`/api/admin/catalogue/services/${serviceId}/publish`, { version: 1 })).statusCode).toBe(403);
    expect((await visitor.post('/api/admin/catalogue/services', { slug: 'anonym', ...content('Anonym') })).statusCode).toBe(401);
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'outcome', 'actor_name'])
      .where('entity_id', '=', serviceId)
      .where('action', '=', 'catalogue.publish')
      .execute();
    expect(audit).toEqual(expect.arrayContaining([
      { action: 'catalogue.publish', outcome: 'allowed', actor_name: await staffName(t.database.db, 'administrator') },
      { action: 'catalogue.publish', outcome: 'denied', actor_name: expect.any(String) },
    ]));
  });

  it('changes the guide\'s questions, but not while a rule uses an answer that would disappear', async () => {
    const guide = (await admin.get('/api/admin/catalogue/guide')).json();
    expect(guide.version).toBe(1);
    const withoutMood = structuredClone(guide.definition);
    withoutMood.questions[0].options = withoutMood.questions[0].options.filter((o: { value: string }) => o.value !== 'mood');
    const before = await catalogueSnapshot();
    const refused = await admin.put('/api/admin/catalogue/guide', { baseVersion: 1, definition: withoutMood });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.map((f: { message: string }) => f.message)).toContain(
      'Reglene for «Psykisk helseteam for barn og unge» bruker svaret «mood» på spørsmålet «concern». Endre reglene før du fjerner det.',
    );
    expect(await catalogueSnapshot()).toEqual(before);

    const withQuestion = structuredClone(guide.definition);
    withQuestion.questions.push({
      id: 'where', multiple: false, text: { nb: 'Hvor bor dere?', nn: 'Kvar bur de?', en: 'Where do you live?' },
      options: [{ value: 'north', text: { nb: 'Nord', nn: 'Nord', en: 'North' } }, { value: 'south', text: { nb: 'Sør', nn: 'Sør', en: 'South' } }],
    });
    const saved = await admin.put('/api/admin/catalogue/guide', { baseVersion: 1, definition: withQuestion });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await new Client(t.app, 'en').get('/api/catalogue/guide')).json().questions.at(-1).text).toBe('Where do you live?');
    // A rule may now use the new question.
    const rules = { suggestWhen: [{ answers: { where: ['north'] } }] };
    expect((await admin.post('/api/admin/catalogue/preview', { rules })).json().valid).toBe(true);
    expect((await admin.put('/api/admin/catalogue/guide', { baseVersion: 1, definition: withQuestion })).statusCode).toBe(409);
    // The guide is shared by the whole file: put the municipality's questions back for the tests that read them.
    expect((await admin.put('/api/admin/catalogue/guide', { baseVersion: 2, definition: guide.definition })).statusCode).toBe(200);
  });
});
