// The action guide's links to the handbook: a guide is published only when every handbook page it
// links to exists and is published, so no step leads a reader to a page that is not there.
import type { GuideLink } from '../../infra/db/column-types.ts';
import { handbookSlugOf } from '../../../common/handbook.ts';
import type { Tx } from '../../infra/db/database.ts';
import { invalidField } from '../../infra/http/errors.ts';
import { publishedSlugs } from './queries.ts';

/** Refuses the first link (by its field) to a handbook page the municipality has not published. */
export async function checkHandbookLinks(trx: Tx, municipalityId: string, steps: readonly { links: readonly GuideLink[] }[]): Promise<void> {
  const wanted = steps.flatMap((s, i) => s.links.map((l, j) => ({ slug: handbookSlugOf(l.url), field: `steps.${i}.links.${j}.url` })));
  const slugs = [...new Set(wanted.map((w) => w.slug).filter((s): s is string => s !== null))];
  const published = await publishedSlugs(trx, municipalityId, slugs);
  const broken = wanted.find((w) => w.slug !== null && !published.has(w.slug));
  if (broken) throw invalidField(broken.field, 'handbook.err.brokenLink', { page: broken.slug ?? '' });
}
