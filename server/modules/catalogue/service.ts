// The service catalogue (tjenestekatalog): the public reads (navigation, search, a service's page,
// the situation guide and the youth page) and the administrator's writes. A service's content is
// versioned: saving adds a draft version, publishing makes a version the public one, and every
// version stays readable as history.
import { randomUUID } from 'node:crypto';
import { YOUTH_AGE, type GuideDefinition, type RuleSet, type SituationAnswers } from '../../../common/catalogue.ts';
import { translate, type MessageKey } from '../../../common/i18n/index.ts';
import { LANGUAGES, type Language } from '../../../common/roles.ts';
import type { DataContext, RequestContext } from '../../infra/http/context.ts';
import { checkVersion, requireStaff } from '../../infra/http/context.ts';
import { AppError, conflict, invalid, isUniqueViolation, notFound, type FieldProblem } from '../../infra/http/errors.ts';
import { CURSOR_PART, decodeCursor, PAGE_SIZE, toPage } from '../../infra/http/paging.ts';
import { authorize } from '../access/access.ts';
import {
  adminServiceList, catalogueMunicipality, insertGuide, insertVersion, loadGuide, loadServiceRow, loadVersion, publishedService,
  publishedSummaries, publishedWithRules, searchPublished, searchWords, situationCounts, versionHistory, type ServiceSummary,
  type ServiceVersionContent,
} from './queries.ts';
import { publishedCatalogue } from './vocabulary.ts';
import { referencedAnswers, SAMPLE_ANSWERS, storedRuleSet, suggestServices, validateRuleSet } from './rules.ts';
import type { AnswersInput, CreateServiceInput, SaveDraftInput, SearchInput, ServiceContentInput } from './schema.ts';

/** Texts every language must have before a version is published. */
const REQUIRED_FOR_PUBLISHING = ['name', 'summary', 'audienceText', 'howTo'] as const;

async function municipalityFor(ctx: RequestContext) {
  const municipality = await catalogueMunicipality(ctx.services.db, ctx.principal?.municipalityId);
  if (!municipality) throw notFound();
  return municipality;
}

// ---------------------------------------------------------------------------------------------
// Public

export async function overview(ctx: RequestContext) {
  const municipality = await municipalityFor(ctx);
  return { municipality: municipality.name, situationCounts: await situationCounts(ctx.services.db, municipality.id) };
}

export async function search(ctx: RequestContext, input: SearchInput) {
  const db = ctx.services.db;
  const municipality = await municipalityFor(ctx);
  const filters = { situation: input.situation, audience: input.audience, age: input.age };
  const words = searchWords(input.q ?? '');
  if (words.length === 0) {
    return { municipality: municipality.name, query: input.q ?? '', alsoSearchedFor: [], services: await publishedSummaries(db, municipality.id, ctx.lang, filters) };
  }
  // The same search on the same published catalogue has the same answer: kept until a publication.
  const catalogue = publishedCatalogue(db, municipality);
  const found = await catalogue.answer(JSON.stringify([ctx.lang, words, filters]), async () => {
    const corrections = await catalogue.spellingCorrections(words);
    const ranked = (await searchPublished(db, municipality.id, ctx.lang, words, corrections, filters))
      .map((h) => ({ score: Math.round(h.score * 1000), service: h.service }))
      // Equal scores are listed by name, so the order never depends on ids.
      .sort((a, b) => b.score - a.score || a.service.name.localeCompare(b.service.name, 'nb'));
    return {
      // Shown as "Vi søkte også etter …", so a corrected typo is not a mystery.
      alsoSearchedFor: [...new Set([...corrections.values()].map((c) => c[0]).filter((c): c is string => Boolean(c)))].slice(0, 5),
      services: ranked.map((h) => h.service),
    };
  });
  return { municipality: municipality.name, query: input.q ?? '', ...found };
}

export async function getPublished(ctx: RequestContext, slug: string) {
  const municipality = await municipalityFor(ctx);
  const service = await publishedService(ctx.services.db, municipality.id, slug, ctx.lang);
  if (!service) throw notFound();
  return { municipality: municipality.name, service };
}

function localiseGuide(guide: GuideDefinition, lang: Language) {
  return guide.questions.map((q) => ({
    id: q.id,
    multiple: q.multiple,
    text: q.text[lang],
    help: q.help?.[lang] ?? null,
    showWhen: q.showWhen ?? null,
    options: q.options.map((o) => ({ value: o.value, text: o.text[lang] })),
  }));
}

export async function publicGuide(ctx: RequestContext) {
  const municipality = await municipalityFor(ctx);
  const guide = await loadGuide(ctx.services.db, municipality.id);
  return { municipality: municipality.name, questions: localiseGuide(guide.definition, ctx.lang) };
}

/** Only the answers to questions that exist and were asked count; the rest is ignored. */
function cleanAnswers(input: AnswersInput, guide: GuideDefinition): SituationAnswers {
  const answers: Record<string, string[]> = {};
  for (const question of guide.questions) {
    const shown = !question.showWhen || question.showWhen.situations.some((s) => input.situations.includes(s));
    const chosen = (input.answers[question.id] ?? []).filter((v) => question.options.some((o) => o.value === v));
    if (shown && chosen.length) answers[question.id] = question.multiple ? chosen : chosen.slice(0, 1);
  }
  return { audience: input.audience, age: input.age, situations: [...new Set(input.situations)], answers };
}

function presentSuggestion(s: ServiceSummary & { rules: RuleSet }): ServiceSummary {
  const { rules: _rules, ...summary } = s;
  return summary;
}

export async function guideSuggestions(ctx: RequestContext, input: AnswersInput) {
  const municipality = await municipalityFor(ctx);
  const guide = await loadGuide(ctx.services.db, municipality.id);
  const services = await publishedWithRules(ctx.services.db, municipality.id, ctx.lang);
  const suggestions = suggestServices(services, cleanAnswers(input, guide.definition));
  return { municipality: municipality.name, services: suggestions.map((s) => presentSuggestion(s.service)) };
}

/** For a professional's case page: the same rules, given only an age and situations. */
export async function staffSuggestions(ctx: RequestContext, input: { age?: number | undefined; situations?: string[] | undefined }) {
  const staff = requireStaff(ctx);
  const services = await publishedWithRules(ctx.services.db, staff.municipalityId, ctx.lang);
  const given: SituationAnswers = { age: input.age, situations: (input.situations ?? []) as SituationAnswers['situations'], answers: {} };
  return { services: suggestServices(services, given).map((s) => presentSuggestion(s.service)) };
}

type YouthGroup = 'leisure' | 'schoolWork' | 'health';

/** Neutral headings for the youth page, read from what the service is about, not what is wrong. */
function youthGroup(service: ServiceSummary & { rules: RuleSet }): YouthGroup {
  const answers = service.rules.suggestWhen.map((c) => c.answers ?? {});
  if (answers.some((a) => a.help?.includes('activity'))) return 'leisure';
  const health = ['mental_health', 'substance_use', 'violence', 'pregnancy'] as const;
  if (service.situations.some((s) => (health as readonly string[]).includes(s))) return 'health';
  if (answers.some((a) => a.concern?.some((c) => c === 'mood' || c === 'sleep_food'))) return 'health';
  return 'schoolWork';
}

/**
 * The youth page: the services made for young people (they have an upper age between 13 and 29)
 * that a 13–23-year-old can contact themselves, under neutral headings, those needing no referral first.
 */
export async function youth(ctx: RequestContext) {
  const municipality = await municipalityFor(ctx);
  const all = await publishedWithRules(ctx.services.db, municipality.id, ctx.lang);
  const forYouth = all.filter((s) => s.audiences.includes('self') && s.ageTo !== null && s.ageTo >= YOUTH_AGE.from && s.ageTo <= 29
    && (s.ageFrom === null || s.ageFrom <= YOUTH_AGE.to));
  const order: YouthGroup[] = ['leisure', 'schoolWork', 'health'];
  return {
    municipality: municipality.name,
    groups: order.map((key) => ({
      key,
      services: forYouth
        .filter((s) => youthGroup(s) === key)
        .sort((a, b) => Number(b.lowThreshold) - Number(a.lowThreshold) || a.name.localeCompare(b.name, 'nb'))
        .map(presentSuggestion),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Administrator

function problem(field: string, messageKey: MessageKey, params?: Record<string, string | number>): FieldProblem {
  return params ? { field, messageKey, params } : { field, messageKey };
}

/**
 * Checks a service's content before anything is written: the age range, the bokmål texts a draft
 * needs, and the rule document against the municipality's guide. All problems are reported at once.
 */
function checkContent(input: ServiceContentInput, guide: GuideDefinition): { content: ServiceVersionContent; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (input.ageFrom !== null && input.ageTo !== null && input.ageFrom > input.ageTo) {
    problems.push(problem('ageTo', 'catalogue.ageRangeImpossible', { from: input.ageFrom, to: input.ageTo }));
  }
  if (!input.texts.nb.name) problems.push(problem('texts.nb.name', 'errors.required'));
  if (!input.texts.nb.summary) problems.push(problem('texts.nb.summary', 'errors.required'));
  const rules = validateRuleSet(input.rules, guide);
  if (!rules.ok) problems.push(...rules.problems);
  return {
    problems,
    content: {
      ageFrom: input.ageFrom, ageTo: input.ageTo, audiences: [...new Set(input.audiences)], situations: [...new Set(input.situations)],
      lowThreshold: input.lowThreshold, phone: input.phone, email: input.email, url: input.url, address: input.address,
      rules: rules.ok ? rules.rules : { suggestWhen: [] }, changeNote: input.changeNote, texts: input.texts,
    },
  };
}

export async function adminList(ctx: DataContext, page: { after?: string | undefined }) {
  const staff = requireStaff(ctx);
  const after = decodeCursor(page.after, [CURSOR_PART.text, CURSOR_PART.uuid]);
  await authorize(ctx, { action: 'catalogue.edit', purpose: 'administration', entity: { type: 'catalogue', id: staff.municipalityId } });
  const found = await adminServiceList(ctx.trx, staff.municipalityId, ctx.lang, { after, limit: PAGE_SIZE + 1 });
  const { items, ...more } = toPage(found, (r) => [r.name, r.id]);
  return {
    services: items.map((r) => ({
      id: r.id, slug: r.slug, name: r.name, latestVersion: r.latest_version, publishedVersion: r.published_version,
      hasDraft: r.published_version === null || r.latest_version > r.published_version, updatedAt: r.updated_at, situations: r.situations,
    })),
    ...more,
  };
}

function versionState(version: number, row: { latest_version: number; published_version: number | null }, publishedAt: unknown) {
  if (version === row.published_version) return 'published' as const;
  if (version === row.latest_version && (row.published_version === null || version > row.published_version)) return 'draft' as const;
  return publishedAt ? ('earlier_published' as const) : ('earlier_draft' as const);
}

export async function adminGet(ctx: DataContext, id: string) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'catalogue.edit', purpose: 'administration', entity: { type: 'catalogue_service', id } });
  const row = await loadServiceRow(ctx.trx, staff.municipalityId, id);
  if (!row) throw notFound();
  const latest = await loadVersion(ctx.trx, id, row.latest_version);
  if (!latest) throw notFound();
  const history = await versionHistory(ctx.trx, id, ctx.lang);
  return {
    id: row.id, slug: row.slug, latestVersion: row.latest_version, publishedVersion: row.published_version,
    latest: { ...latest, state: versionState(latest.version, row, latest.publishedAt) },
    history: history.map((h) => ({
      version: h.version, name: h.name, createdAt: h.created_at, createdBy: h.created_by_name, publishedAt: h.published_at,
      publishedBy: h.published_by_name, changeNote: h.change_note, state: versionState(h.version, row, h.published_at),
    })),
  };
}

export async function adminGetVersion(ctx: DataContext, id: string, version: number) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'catalogue.edit', purpose: 'administration', entity: { type: 'catalogue_service', id } });
  const row = await loadServiceRow(ctx.trx, staff.municipalityId, id);
  if (!row) throw notFound();
  const found = await loadVersion(ctx.trx, id, version);
  if (!found) throw notFound();
  return { ...found, state: versionState(version, row, found.publishedAt) };
}

export async function createService(ctx: DataContext, input: CreateServiceInput) {
  const staff = requireStaff(ctx);
  const id = randomUUID();
  await authorize(ctx, { action: 'catalogue.edit', purpose: 'administration', entity: { type: 'catalogue_service', id } });
  const guide = await loadGuide(ctx.trx, staff.municipalityId);
  const { content, problems } = checkContent(input, guide.definition);
  const taken = await ctx.trx.selectFrom('catalogue_service').select('id').where('municipality_id', '=', staff.municipalityId).where('slug', '=', input.slug).executeTakeFirst();
  if (taken) problems.unshift(problem('slug', 'catalogue.slugTaken'));
  if (problems.length) throw invalid(...problems);
  try {
    await ctx.trx.insertInto('catalogue_service').values({ id, municipality_id: staff.municipalityId, slug: input.slug, latest_version: 1 }).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid(problem('slug', 'catalogue.slugTaken'));
    throw error;
  }
  await insertVersion(ctx.trx, id, 1, content, staff.staffUserId);
  return { id, version: 1 };
}

export async function saveDraft(ctx: DataContext, id: string, input: SaveDraftInput) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'catalogue.edit', purpose: 'administration', entity: { type: 'catalogue_service', id } });
  const row = await loadServiceRow(ctx.trx, staff.municipalityId, id);
  if (!row) throw notFound();
  const guide = await loadGuide(ctx.trx, staff.municipalityId);
  const { content, problems } = checkContent(input, guide.definition);
  if (problems.length) throw invalid(...problems);
  checkVersion(ctx, row.latest_version);
  const version = row.latest_version + 1;
  // The version check in the WHERE makes two saves of the same version race safely: one wins, one gets 409.
  const updated = await ctx.trx
    .updateTable('catalogue_service')
    .set({ latest_version: version, updated_at: ctx.services.clock.now() })
    .where('id', '=', id)
    .where('latest_version', '=', input.baseVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw conflict();
  await insertVersion(ctx.trx, id, version, content, staff.staffUserId);
  return { id, version };
}

export async function publish(ctx: DataContext, id: string, version: number) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'catalogue.publish', purpose: 'administration', entity: { type: 'catalogue_service', id } });
  const row = await loadServiceRow(ctx.trx, staff.municipalityId, id);
  if (!row) throw notFound();
  checkVersion(ctx, row.latest_version);
  if (row.published_version === version) throw new AppError('CONFLICT', 'catalogue.alreadyPublished');
  const found = await loadVersion(ctx.trx, id, version);
  if (!found) throw notFound();
  const problems: FieldProblem[] = [];
  for (const lang of LANGUAGES) {
    for (const field of REQUIRED_FOR_PUBLISHING) {
      if (!found.content.texts[lang][field].trim()) {
        problems.push(problem(`texts.${lang}.${field}`, 'catalogue.publishTextMissing', { language: translate(ctx.lang, `catalogue.language.${lang}`) }));
      }
    }
  }
  // The guide may have changed since the draft was saved.
  const guide = await loadGuide(ctx.trx, staff.municipalityId);
  const rules = validateRuleSet(found.content.rules, guide.definition);
  if (!rules.ok) problems.push(...rules.problems);
  if (problems.length) throw invalid(...problems);
  await ctx.trx
    .updateTable('catalogue_service_version')
    .set({ published_at: ctx.services.clock.now(), published_by: staff.staffUserId })
    .where('service_id', '=', id)
    .where('version', '=', version)
    .execute();
  const updated = await ctx.trx
    .updateTable('catalogue_service')
    .set({ published_version: version, updated_at: ctx.services.clock.now() })
    .where('id', '=', id)
    .where('latest_version', '=', version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw conflict();
  return { id, publishedVersion: version };
}

/**
 * The preview before publishing: is the rule document valid, which of the sample answer sets it
 * suggests the service for, and which services one answer set would be shown with this draft in
 * place of the service's published rules.
 */
export async function preview(ctx: DataContext, input: { serviceId?: string | undefined; rules: unknown; answers?: AnswersInput | undefined }) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'catalogue.edit', purpose: 'administration', entity: { type: 'catalogue', id: staff.municipalityId } });
  const guide = await loadGuide(ctx.trx, staff.municipalityId);
  const checked = validateRuleSet(input.rules, guide.definition);
  if (!checked.ok) {
    return {
      valid: false,
      problems: checked.problems.map((p) => ({ field: p.field, message: translate(ctx.lang, p.messageKey, p.params) })),
      samples: [],
      suggestions: [],
    };
  }
  const draft = { rules: checked.rules };
  const samples = SAMPLE_ANSWERS.map((s) => ({
    key: s.key,
    description: translate(ctx.lang, `catalogue.sample.${s.key}`),
    matches: suggestServices([draft], s.answers).length > 0,
  }));
  let suggestions: { id: string | null; name: string; thisService: boolean }[] = [];
  if (input.answers) {
    const published = await publishedWithRules(ctx.trx, staff.municipalityId, ctx.lang);
    const others = published.filter((s) => s.id !== input.serviceId);
    const own = input.serviceId ? published.find((s) => s.id === input.serviceId) : undefined;
    const ownName = own?.name ?? translate(ctx.lang, 'catalogue.admin.thisDraft');
    const candidates = [...others.map((s) => ({ ...s, thisService: false })), { id: input.serviceId ?? null, name: ownName, rules: checked.rules, thisService: true }];
    suggestions = suggestServices(candidates, cleanAnswers(input.answers, guide.definition)).map((s) => ({
      id: s.service.id, name: s.service.name, thisService: s.service.thisService,
    }));
  }
  return { valid: true, problems: [], samples, suggestions };
}

export async function adminGuide(ctx: DataContext) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'catalogue.edit', purpose: 'administration', entity: { type: 'catalogue_guide', id: staff.municipalityId } });
  const guide = await loadGuide(ctx.trx, staff.municipalityId);
  return { version: guide.version, definition: guide.definition, samples: SAMPLE_ANSWERS.map((s) => ({ key: s.key, description: translate(ctx.lang, `catalogue.sample.${s.key}`), answers: s.answers })) };
}

/**
 * Changes the guide's questions. Refused while a saved version of a service (draft or published)
 * still refers to a question or answer the new guide no longer has.
 */
export async function saveGuide(ctx: DataContext, baseVersion: number, definition: GuideDefinition) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'catalogue.edit', purpose: 'administration', entity: { type: 'catalogue_guide', id: staff.municipalityId } });
  const problems: FieldProblem[] = [];
  const ids = definition.questions.map((q) => q.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push(problem(`definition.questions.${i}.id`, 'catalogue.guideDuplicateQuestion', { question: id }));
  });
  definition.questions.forEach((q, i) => {
    const values = q.options.map((o) => o.value);
    values.forEach((v, j) => {
      if (values.indexOf(v) !== j) problems.push(problem(`definition.questions.${i}.options.${j}.value`, 'catalogue.guideDuplicateOption', { question: q.id, value: v }));
    });
  });
  const current = await loadGuide(ctx.trx, staff.municipalityId);
  checkVersion(ctx, current.version);
  const inUse = await ctx.trx
    .selectFrom('catalogue_service as s')
    .innerJoin('catalogue_service_version as v', 'v.service_id', 's.id')
    .innerJoin('catalogue_service_text as t', (j) => j.onRef('t.version_id', '=', 'v.id').on('t.lang', '=', ctx.lang))
    .innerJoin('catalogue_service_text as nb', (j) => j.onRef('nb.version_id', '=', 'v.id').on('nb.lang', '=', 'nb'))
    .select((eb) => ['v.rules', eb.fn.coalesce(eb.fn<string>('nullif', ['t.name', eb.val('')]), 'nb.name').as('name')])
    .where('s.municipality_id', '=', staff.municipalityId)
    .where((eb) => eb.or([eb('v.version', '=', eb.ref('s.latest_version')), eb('v.version', '=', eb.ref('s.published_version'))]))
    .execute();
  for (const service of inUse) {
    for (const ref of referencedAnswers(storedRuleSet(service.rules))) {
      const question = definition.questions.find((q) => q.id === ref.question);
      if (!question || !question.options.some((o) => o.value === ref.value)) {
        problems.push(problem('definition', 'catalogue.guideAnswerInUse', { service: service.name, question: ref.question, value: ref.value }));
      }
    }
  }
  if (problems.length) throw invalid(...dedupe(problems));
  const version = current.version + 1;
  try {
    await insertGuide(ctx.trx, staff.municipalityId, version, definition, staff.staffUserId);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
  return { version };
}

function dedupe(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}|${p.messageKey}|${JSON.stringify(p.params ?? {})}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
