// The public model (den visualiserte modellen): levels 0–3 with their steps and the municipality's
// early-intervention and system-level teams, drawn by the web from this answer — the published
// action guide and the team configuration as they are now, so the model changes when either does.
// Only what the public may follow is linked: public handbook pages, forms that need no child, and
// outside pages.
import { guideLinkKind, handbookSlugOf, needsChild } from '../../../common/handbook.ts';
import type { Language } from '../../../common/roles.ts';
import type { TeamKind } from '../../../common/contracts/teams.ts';
import type { RequestContext } from '../../infra/http/context.ts';
import { notFound } from '../../infra/http/errors.ts';
import { newestGuideVersion } from '../cases/queries.ts';
import { handbookMunicipality, publishedSlugs } from './queries.ts';

const pick = (texts: Record<Language, string>, lang: Language) => texts[lang] || texts.nb;

export async function publicModel(ctx: RequestContext, code: string | undefined) {
  const db = ctx.services.db;
  // The model is public: the municipality is the one asked for, or the installation's, never the reader's staff view.
  const municipality = await handbookMunicipality(db, code, undefined);
  if (!municipality) throw notFound();
  const guide = await newestGuideVersion(db, municipality.id);
  const steps = guide
    ? await db.selectFrom('action_guide_step').selectAll().where('guide_version_id', '=', guide.id)
      // The model draws the path for children (levels 0–3); the pregnancy steps (decision 0028) are
      // a second path the diagram does not draw yet, and drawing both would not fit one A4 page.
      .where('subject', '=', 'child').orderBy('level').orderBy('position').execute()
    : [];
  const slugs = steps.flatMap((s) => s.links.map((l) => handbookSlugOf(l.url))).filter((s): s is string => s !== null);
  const pages = await publishedSlugs(db, municipality.id, [...new Set(slugs)]);
  const lang = ctx.lang;
  const levels = [0, 1, 2, 3].map((level) => ({
    level,
    steps: steps.filter((s) => s.level === level).map((s) => ({
      stepKey: s.step_key,
      title: pick({ nb: s.title_nb, nn: s.title_nn, en: s.title_en }, lang),
      body: pick({ nb: s.body_nb, nn: s.body_nn, en: s.body_en }, lang),
      links: s.links
        .filter((l) => {
          const slug = handbookSlugOf(l.url);
          return slug ? pages.get(slug) === 'public' : !needsChild(l.url);
        })
        .map((l) => ({ label: pick(l.label, lang), url: l.url, kind: guideLinkKind(l.url) })),
    })),
  }));

  const teams = await db
    .selectFrom('team')
    .select(['id', 'name', 'kind', 'age_from_months', 'age_to_months', 'area', 'description'])
    .where('municipality_id', '=', municipality.id)
    .where('active', '=', true)
    .orderBy('kind').orderBy('age_from_months').orderBy('name')
    .execute();
  // Each team links to the public page about teams of its kind (the page says which kind it is about).
  const about = await db
    .selectFrom('handbook_page as p')
    .innerJoin('handbook_page_version as v', (j) => j.onRef('v.page_id', '=', 'p.id').onRef('v.version', '=', 'p.published_version'))
    .innerJoin('handbook_page_text as nb', (j) => j.onRef('nb.version_id', '=', 'v.id').on('nb.lang', '=', 'nb'))
    .leftJoin('handbook_page_text as t', (j) => j.onRef('t.version_id', '=', 'v.id').on('t.lang', '=', lang))
    .select((eb) => ['p.slug', 'v.about_team_kind', eb.fn.coalesce('t.title', 'nb.title').as('title')])
    .where('p.municipality_id', '=', municipality.id)
    .where('v.visibility', '=', 'public')
    .where('v.about_team_kind', 'is not', null)
    .orderBy('p.slug')
    .execute();
  const pageAbout = (kind: TeamKind) => {
    const found = about.find((a) => a.about_team_kind === kind);
    return found ? { slug: found.slug, title: found.title } : null;
  };
  return {
    municipality: { name: municipality.name, code: municipality.code },
    guideVersion: guide?.version ?? null,
    publishedAt: guide?.published_at ?? null,
    levels,
    teams: teams.map((t) => ({
      id: t.id, name: t.name, kind: t.kind as TeamKind, ageFromMonths: t.age_from_months, ageToMonths: t.age_to_months,
      area: t.area, description: t.description, page: pageAbout(t.kind as TeamKind),
    })),
  };
}
