// The digital handbook (digital håndbok): pages of municipal guidance, written by the administrator
// or the editor in bokmål (nynorsk and English when written), versioned like the catalogue's
// services — every save a new draft version, put up for review, then published — and read by staff
// and, when marked public, by everyone. Unsafe rich text is refused (html.ts); images are checked by
// their bytes and kept in the database.
import { sql } from 'kysely';
import { MAX_IMAGE_BYTES, type PageState, type PageVisibility } from '../../../common/handbook.ts';
import { LANGUAGES, type Language } from '../../../common/roles.ts';
import type { TeamKind } from '../../../common/contracts/teams.ts';
import type { Tx } from '../../infra/db/database.ts';
import type { DataContext, RequestContext } from '../../infra/http/context.ts';
import { checkVersion, requireStaff } from '../../infra/http/context.ts';
import { AppError, invalidField, isUniqueViolation, notFound } from '../../infra/http/errors.ts';
import { CURSOR_PART, decodeCursor, PAGE_SIZE, toPage } from '../../infra/http/paging.ts';
import { abilitiesOf, authorize, decideWith } from '../access/access.ts';
import { AccessFacts } from '../access/facts.ts';
import { searchWords } from '../catalogue/queries.ts';
import { corrections, vocabularyOf } from '../catalogue/vocabulary.ts';
import { cleanHtml, imageTypeOf } from './html.ts';
import { handbookMunicipality, publishedPage, publishedSummaries, publishedWords, searchPublished, stepsLinkingTo } from './queries.ts';
import type { CreatePageInput, SavePageInput, UploadImageInput } from './schema.ts';

// ---------------------------------------------------------------------------------------------
// Reading: everyone sees public pages; the municipality's staff also those marked for staff.

async function readerOf(ctx: RequestContext, code: string | undefined) {
  const p = ctx.principal;
  const municipality = await handbookMunicipality(ctx.services.db, code, p?.kind === 'staff' ? p.municipalityId : undefined);
  if (!municipality) throw notFound();
  const ownStaff = p?.kind === 'staff' && p.municipalityId === municipality.id;
  const withStaffOnly = ownStaff && (await decideWith(new AccessFacts(ctx.services.db), p, { action: 'handbookStaffPage.read', purpose: 'administration' }, ctx.services.clock.now())).allowed;
  return { municipality, withStaffOnly };
}

const summary = (r: { slug: string; title: string; excerpt: string; visibility: PageVisibility }) => ({ slug: r.slug, title: r.title, excerpt: r.excerpt, visibility: r.visibility });

export async function search(ctx: RequestContext, q: string | undefined, code: string | undefined) {
  const db = ctx.services.db;
  const { municipality, withStaffOnly } = await readerOf(ctx, code);
  const words = searchWords(q ?? '');
  if (words.length === 0) {
    return { municipality: municipality.name, query: q ?? '', alsoSearchedFor: [], pages: (await publishedSummaries(db, municipality.id, ctx.lang, withStaffOnly)).map(summary) };
  }
  // The catalogue's spelling correction over the words of the pages this reader may see: a
  // handbook is a few dozen pages, so the vocabulary is built for each search rather than kept.
  const found = corrections(vocabularyOf(await publishedWords(db, municipality.id, withStaffOnly)), words);
  const ranked = await searchPublished(db, municipality.id, ctx.lang, words, found, withStaffOnly);
  const rows = new Map((await publishedSummaries(db, municipality.id, ctx.lang, withStaffOnly, ranked.map((r) => r.id))).map((r) => [r.id, r]));
  const pages = ranked
    .map((r) => ({ score: Math.round(r.score * 1000), row: rows.get(r.id) }))
    .filter((r): r is { score: number; row: NonNullable<typeof r.row> } => Boolean(r.row))
    .sort((a, b) => b.score - a.score || a.row.title.localeCompare(b.row.title, 'nb'))
    .map((r) => summary(r.row));
  const alsoSearchedFor = [...new Set([...found.values()].map((c) => c[0]).filter((c): c is string => Boolean(c)))].slice(0, 5);
  return { municipality: municipality.name, query: q ?? '', alsoSearchedFor, pages };
}

export async function readPublished(ctx: RequestContext, slug: string, code: string | undefined) {
  const db = ctx.services.db;
  const { municipality, withStaffOnly } = await readerOf(ctx, code);
  // A staff-only page is "not found" to the public: its existence is not told either.
  const page = await publishedPage(db, municipality.id, slug, ctx.lang, withStaffOnly);
  if (!page || !page.published_at) throw notFound();
  const linkedFrom = await stepsLinkingTo(db, municipality.id, slug, ctx.lang);
  return {
    municipality: municipality.name, slug: page.slug, lang: page.lang, title: page.title, html: page.html,
    visibility: page.visibility as PageVisibility, version: page.version, publishedAt: page.published_at, linkedFrom,
  };
}

export async function readImage(ctx: RequestContext, id: string) {
  const image = await ctx.services.db.selectFrom('handbook_image').select(['content_type', 'bytes']).where('id', '=', id).executeTakeFirst();
  if (!image) throw notFound();
  return image;
}

// ---------------------------------------------------------------------------------------------
// Writing: the administrator and the editor.

type Texts = SavePageInput['texts'];

/** Each written language's stored text; refuses unsafe HTML and images that are not the municipality's. */
async function cleanTexts(ctx: DataContext, municipalityId: string, texts: Texts) {
  const result: { lang: Language; title: string; body_html: string; body_text: string }[] = [];
  const images = new Set<string>();
  for (const lang of LANGUAGES) {
    const text = texts[lang];
    if (!text?.title) {
      if (text?.html.trim()) throw invalidField(`texts.${lang}.title`, 'handbook.err.titleMissing');
      continue;
    }
    const clean = cleanHtml(text.html);
    if (!clean.ok) throw invalidField(`texts.${lang}.html`, 'handbook.err.unsafeHtml');
    clean.images.forEach((id) => images.add(id));
    result.push({ lang, title: text.title, body_html: clean.html, body_text: clean.text });
  }
  if (images.size > 0) {
    const known = await ctx.trx.selectFrom('handbook_image').select('id').where('municipality_id', '=', municipalityId).where('id', 'in', [...images]).execute();
    if (known.length !== images.size) throw invalidField('texts', 'handbook.err.unknownImage');
  }
  return result;
}

async function insertVersion(ctx: DataContext, pageId: string, version: number, input: SavePageInput | CreatePageInput, texts: Awaited<ReturnType<typeof cleanTexts>>) {
  const staff = requireStaff(ctx);
  const row = await ctx.trx
    .insertInto('handbook_page_version')
    .values({ page_id: pageId, version, visibility: input.visibility, about_team_kind: input.aboutTeamKind, change_note: input.changeNote ?? null, created_by: staff.staffUserId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.trx.insertInto('handbook_page_text').values(texts.map((t) => ({ version_id: row.id, ...t }))).execute();
}

async function loadPage(trx: Tx, municipalityId: string, id: string) {
  const page = await trx
    .selectFrom('handbook_page')
    .select(['id', 'slug', 'latest_version', 'published_version'])
    .where('id', '=', id)
    .where('municipality_id', '=', municipalityId)
    .forUpdate()
    .executeTakeFirst();
  if (!page) throw notFound();
  return page;
}

export async function createPage(ctx: DataContext, input: CreatePageInput) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'handbook.edit', purpose: 'administration' });
  const texts = await cleanTexts(ctx, staff.municipalityId, input.texts);
  try {
    const page = await ctx.trx
      .insertInto('handbook_page')
      .values({ municipality_id: staff.municipalityId, slug: input.slug, latest_version: 1, updated_at: ctx.services.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertVersion(ctx, page.id, 1, input, texts);
    return { id: page.id, version: 1 };
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidField('slug', 'handbook.err.slugTaken');
    throw error;
  }
}

export async function savePage(ctx: DataContext, id: string, input: SavePageInput) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'handbook.edit', purpose: 'administration', entity: { type: 'handbook_page', id } });
  const page = await loadPage(ctx.trx, staff.municipalityId, id);
  checkVersion(ctx, page.latest_version);
  const texts = await cleanTexts(ctx, staff.municipalityId, input.texts);
  const version = page.latest_version + 1;
  await insertVersion(ctx, id, version, input, texts);
  await ctx.trx.updateTable('handbook_page').set({ latest_version: version, updated_at: ctx.services.clock.now() }).where('id', '=', id).execute();
  return { id, version };
}

/** Puts the newest version up for review (draft → review). */
export async function submitForReview(ctx: DataContext, id: string) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'handbook.edit', purpose: 'administration', entity: { type: 'handbook_page', id } });
  const page = await loadPage(ctx.trx, staff.municipalityId, id);
  checkVersion(ctx, page.latest_version);
  const version = await versionState(ctx.trx, id, page.latest_version);
  if (version !== 'draft') throw new AppError('CONFLICT', 'handbook.err.notDraft');
  await ctx.trx.updateTable('handbook_page_version')
    .set({ state: 'review', submitted_by: staff.staffUserId, submitted_at: ctx.services.clock.now() })
    .where('page_id', '=', id).where('version', '=', page.latest_version).execute();
  return { version: page.latest_version, state: 'review' as const };
}

/** Publishes the newest version, once reviewed (review → published); the earlier published version stays as history. */
export async function publishPage(ctx: DataContext, id: string) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'handbook.publish', purpose: 'administration', entity: { type: 'handbook_page', id } });
  const page = await loadPage(ctx.trx, staff.municipalityId, id);
  checkVersion(ctx, page.latest_version);
  if ((await versionState(ctx.trx, id, page.latest_version)) !== 'review') throw new AppError('CONFLICT', 'handbook.err.notInReview');
  const now = ctx.services.clock.now();
  await ctx.trx.updateTable('handbook_page_version')
    .set({ state: 'published', published_by: staff.staffUserId, published_at: now })
    .where('page_id', '=', id).where('version', '=', page.latest_version).execute();
  await ctx.trx.updateTable('handbook_page').set({ published_version: page.latest_version, updated_at: now }).where('id', '=', id).execute();
  return { version: page.latest_version, state: 'published' as const };
}

async function versionState(trx: Tx, pageId: string, version: number): Promise<PageState> {
  const row = await trx.selectFrom('handbook_page_version').select('state').where('page_id', '=', pageId).where('version', '=', version).executeTakeFirstOrThrow();
  return row.state as PageState;
}

export async function adminList(ctx: DataContext, page: { after?: string | undefined } = {}) {
  const staff = requireStaff(ctx);
  const after = decodeCursor(page.after, [CURSOR_PART.text, CURSOR_PART.uuid]);
  await authorize(ctx, { action: 'handbook.edit', purpose: 'administration' });
  const title = sql<string>`coalesce(t.title, nb.title)`;
  let query = ctx.trx
    .selectFrom('handbook_page as p')
    .innerJoin('handbook_page_version as v', (j) => j.onRef('v.page_id', '=', 'p.id').onRef('v.version', '=', 'p.latest_version'))
    .innerJoin('handbook_page_text as nb', (j) => j.onRef('nb.version_id', '=', 'v.id').on('nb.lang', '=', 'nb'))
    .leftJoin('handbook_page_text as t', (j) => j.onRef('t.version_id', '=', 'v.id').on('t.lang', '=', ctx.lang))
    .select(['p.id', 'p.slug', 'p.latest_version', 'p.published_version', 'p.updated_at', 'v.visibility', 'v.state', title.as('title')])
    .where('p.municipality_id', '=', staff.municipalityId);
  if (after) query = query.where(sql<boolean>`(${title}, p.id) > (${after[0]}, ${after[1]}::uuid)`);
  const found = await query.orderBy(title).orderBy('p.id').limit(PAGE_SIZE + 1).execute();
  const { items, ...more } = toPage(found, (r) => [r.title, r.id]);
  return {
    pages: items.map((r) => ({
      id: r.id, slug: r.slug, title: r.title, visibility: r.visibility as PageVisibility, latestVersion: r.latest_version,
      state: r.state as PageState, publishedVersion: r.published_version, updatedAt: r.updated_at,
    })),
    ...more,
  };
}

export async function adminGet(ctx: DataContext, id: string) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'handbook.edit', purpose: 'administration', entity: { type: 'handbook_page', id } });
  const page = await ctx.trx.selectFrom('handbook_page').select(['id', 'slug', 'latest_version', 'published_version'])
    .where('id', '=', id).where('municipality_id', '=', staff.municipalityId).executeTakeFirst();
  if (!page) throw notFound();
  const history = await ctx.trx
    .selectFrom('handbook_page_version as v')
    .leftJoin('staff_user as c', 'c.id', 'v.created_by')
    .leftJoin('staff_user as s', 's.id', 'v.submitted_by')
    .leftJoin('staff_user as p', 'p.id', 'v.published_by')
    .select(['v.id', 'v.version', 'v.state', 'v.visibility', 'v.about_team_kind', 'v.change_note', 'v.created_at', 'v.submitted_at', 'v.published_at',
      'c.display_name as created_by', 's.display_name as submitted_by', 'p.display_name as published_by'])
    .where('v.page_id', '=', id)
    .orderBy('v.version', 'desc')
    .execute();
  const newest = history[0]!;
  const texts = await ctx.trx.selectFrom('handbook_page_text').select(['lang', 'title', 'body_html']).where('version_id', '=', newest.id).execute();
  const textOf = (lang: Language) => {
    const t = texts.find((x) => x.lang === lang);
    return { title: t?.title ?? '', html: t?.body_html ?? '' };
  };
  return {
    id: page.id, slug: page.slug, version: page.latest_version, state: newest.state as PageState, visibility: newest.visibility as PageVisibility,
    aboutTeamKind: newest.about_team_kind as TeamKind | null, publishedVersion: page.published_version,
    texts: { nb: textOf('nb'), nn: textOf('nn'), en: textOf('en') },
    history: history.map((v) => ({
      version: v.version, state: v.state as PageState, changeNote: v.change_note, createdAt: v.created_at, createdBy: v.created_by,
      submittedAt: v.submitted_at, submittedBy: v.submitted_by, publishedAt: v.published_at, publishedBy: v.published_by,
    })),
    linkedFrom: await stepsLinkingTo(ctx.trx, staff.municipalityId, page.slug, ctx.lang),
    abilities: await abilitiesOf(ctx, { purpose: 'administration', entity: { type: 'handbook_page', id } }, { edit: 'handbook.edit', publish: 'handbook.publish' }),
  };
}

export async function uploadImage(ctx: DataContext, input: UploadImageInput) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'handbook.edit', purpose: 'administration' });
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length > MAX_IMAGE_BYTES) throw invalidField('data', 'errors.fileTooLarge', { maxMb: MAX_IMAGE_BYTES / 1024 / 1024 });
  // The file must be the image it says it is: its first bytes decide, not the name or the claim.
  if (bytes.length === 0 || imageTypeOf(bytes) !== input.contentType) throw invalidField('data', 'handbook.err.imageType');
  const row = await ctx.trx
    .insertInto('handbook_image')
    .values({ municipality_id: staff.municipalityId, content_type: input.contentType, bytes, byte_size: bytes.length, created_by: staff.staffUserId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, url: `/api/handbook/images/${row.id}` };
}

