// The action guide (handlingsveileder) as the municipality edits it: read the newest version with
// every level in every language, and publish a new version. Published versions are never changed,
// so a case always shows what the guide said when a step was done.
import type { Db, Tx } from '../../infra/db/database.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { checkVersion, requireStaff } from '../../infra/http/context.ts';
import { invalidField } from '../../infra/http/errors.ts';
import { authorize } from '../access/access.ts';
import { checkHandbookLinks } from '../handbook/links.ts';
import { newestGuideVersion } from './queries.ts';
import type { GuideInput } from './schema.ts';

export async function readGuide(db: Db | Tx, municipalityId: string) {
  const current = await newestGuideVersion(db, municipalityId);
  const versions = await db
    .selectFrom('action_guide_version as v')
    .leftJoin('staff_user as s', 's.id', 'v.published_by')
    .select(['v.version', 'v.published_at', 'v.note', 's.display_name'])
    .where('v.municipality_id', '=', municipalityId)
    .orderBy('v.version', 'desc')
    .execute();
  const steps = current
    ? await db.selectFrom('action_guide_step').selectAll().where('guide_version_id', '=', current.id).orderBy('level').orderBy('position').execute()
    : [];
  return {
    version: current?.version ?? null,
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.published_at, note: v.note, publishedBy: v.display_name })),
    steps: steps.map((s) => ({
      level: s.level,
      subject: s.subject,
      stepKey: s.step_key,
      title: { nb: s.title_nb, nn: s.title_nn, en: s.title_en },
      body: { nb: s.body_nb, nn: s.body_nn, en: s.body_en },
      links: s.links,
    })),
  };
}

export async function publishGuide(ctx: DataContext, input: GuideInput) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'actionGuide.publish', purpose: 'administration' });
  // Every level needs a child step; pregnancy steps may be left out (the child steps stand in).
  for (const level of [0, 1, 2, 3]) {
    if (!input.steps.some((s) => s.level === level && s.subject === 'child')) throw invalidField('steps', 'cases.err.guideLevelEmpty', { level });
  }
  const seen = new Set<string>();
  input.steps.forEach((s, i) => {
    const key = `${s.level}:${s.stepKey}`;
    if (seen.has(key)) throw invalidField(`steps.${i}.stepKey`, 'cases.err.guideDuplicateStep');
    seen.add(key);
  });
  await checkHandbookLinks(ctx.trx, staff.municipalityId, input.steps);
  const current = await newestGuideVersion(ctx.trx, staff.municipalityId);
  checkVersion(ctx, current?.version ?? 0, () => invalidField('basedOnVersion', 'cases.err.guideChanged'));
  const version = await ctx.trx
    .insertInto('action_guide_version')
    .values({ municipality_id: staff.municipalityId, version: input.basedOnVersion + 1, published_by: staff.staffUserId, note: input.note ?? null })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  const positions = new Map<number, number>();
  await ctx.trx
    .insertInto('action_guide_step')
    .values(input.steps.map((s) => {
      const position = (positions.get(s.level) ?? 0) + 1;
      positions.set(s.level, position);
      return {
        guide_version_id: version.id, level: s.level, subject: s.subject, position, step_key: s.stepKey,
        title_nb: s.title.nb, title_nn: s.title.nn, title_en: s.title.en, body_nb: s.body.nb, body_nn: s.body.nn, body_en: s.body.en,
        links: JSON.stringify(s.links),
      };
    }))
    .execute();
  return { version: version.version };
}
