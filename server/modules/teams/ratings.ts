// The family's rating after every meeting (brukeropplevd nytte): "did you feel heard" and "was the
// help useful", 1–5, and a comment. Each guardian and youth who took part gets a link that works
// without signing in (only its SHA-256 is stored, it expires, and it works once) and a notice on
// Min side, where a signed-in citizen can rate too. One rating per person and meeting. The ratings
// stay in meeting_rating, tied to the meeting and so to the team, for the indicators.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, Tx } from '../../infra/db/database.ts';
import type { DataContext, RequestContext } from '../../infra/http/context.ts';
import { requireCitizen } from '../../infra/http/context.ts';
import { AppError, isUniqueViolation } from '../../infra/http/errors.ts';
import { optionalText } from '../../infra/http/schemas.ts';
import { CURSOR_PART, decodeCursor, PAGE_SIZE, toPage } from '../../infra/http/paging.ts';
import { formatDate, translate } from '../../../common/i18n/index.ts';
import { isLanguage, type Language } from '../../../common/roles.ts';
import { authorize } from '../access/access.ts';
import { writeAudit } from '../audit/audit-log.ts';
import { ungatedFor } from '../access/gate.ts';
import { absoluteLink, notify, queueEmail } from '../notifications/service.ts';
import { meetingName } from './service.ts';

/** How long a rating link works. */
export const RATING_LINK_DAYS = 30;
/** Where a signed-in citizen rates: the list on Min side. */
export const RATING_PAGE = '/min-side/vurderinger';

const score = (required: 'teams.rating.err.feltHeard' | 'teams.rating.err.useful') =>
  z.number({ message: required }).int({ message: required }).min(1, { message: required }).max(5, { message: required });

export const RatingBody = z.strictObject({
  feltHeard: score('teams.rating.err.feltHeard'),
  useful: score('teams.rating.err.useful'),
  comment: optionalText(2000),
});
export type RatingInput = z.infer<typeof RatingBody>;

/** 256 random bits, URL-safe: the link is the only key, so it must not be guessable. */
export const RatingToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'teams.rating.err.unknown' });

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Called inside the transaction that closes a case meeting: each guardian and youth who took part
 * gets a rating link by e-mail (if they have an address; the mail names neither the child nor the
 * team) and a notice on Min side. Calling it again for the same meeting sends nothing new.
 */
export async function offerRating(trx: Tx, meetingId: string, now: Date): Promise<void> {
  const meeting = await trx.selectFrom('team_meeting as m').leftJoin('team as t', 't.id', 'm.team_id').select(['m.id', 'm.starts_at', 't.name as team_name']).where('m.id', '=', meetingId).executeTakeFirstOrThrow();
  const family = await trx
    .selectFrom('meeting_participant as mp')
    .innerJoin('person as p', 'p.id', 'mp.person_id')
    .select(['p.id', 'p.email', 'p.language'])
    .where('mp.meeting_id', '=', meetingId)
    .where('mp.role', 'in', ['guardian', 'youth'])
    .execute();
  const date = formatDate(meeting.starts_at);
  const expiresAt = new Date(now.getTime() + RATING_LINK_DAYS * 86_400_000);
  for (const person of family) {
    const offered = await trx.selectFrom('meeting_rating_link').select('token_hash').where('meeting_id', '=', meetingId).where('person_id', '=', person.id).executeTakeFirst();
    if (offered) continue;
    const token = randomBytes(32).toString('base64url');
    await trx.insertInto('meeting_rating_link').values({ token_hash: hashToken(token), meeting_id: meetingId, person_id: person.id, expires_at: expiresAt }).execute();
    // The notice on Min side; its e-mail is the one below, with the link that needs no sign-in.
    const lang: Language = isLanguage(person.language) ? person.language : 'nb';
    await notify(trx, {
      recipient: { kind: 'citizen', personId: person.id }, kind: 'meeting.rate', params: { teamName: meetingName(lang, meeting.team_name), date },
      link: RATING_PAGE, dedupeKey: `meeting.rate:${meetingId}:${person.id}`, email: false,
    });
    if (person.email) {
      const link = absoluteLink(`/vurdering/${token}`);
      await queueEmail(trx, {
        to: person.email,
        subject: translate(lang, 'teams.rating.mail.subject'),
        // Sent whether or not they chose e-mail notices: the footer says why it came, not that they chose it.
        text: `${translate(lang, 'teams.rating.mail.body', { date, link, days: RATING_LINK_DAYS })}\n\n-- \n${translate(lang, 'teams.rating.mail.footer')}\n`,
        language: lang,
      });
    }
  }
}

async function meetingSummary(trx: Db, meetingId: string, lang: Language) {
  const m = await trx.selectFrom('team_meeting as m').leftJoin('team as t', 't.id', 'm.team_id').select(['m.id', 'm.starts_at', 'm.status', 't.name as team_name']).where('m.id', '=', meetingId).executeTakeFirstOrThrow();
  return { id: m.id, teamName: meetingName(lang, m.team_name), startsAt: m.starts_at, status: m.status };
}

type LinkRow = { meeting_id: string; person_id: string; expires_at: Date; used_at: Date | null };

async function checkLink(trx: Db, link: LinkRow | undefined, now: Date): Promise<LinkRow> {
  if (!link) throw new AppError('NOT_FOUND', 'teams.rating.err.unknown');
  const rated = await trx.selectFrom('meeting_rating').select('id').where('meeting_id', '=', link.meeting_id).where('person_id', '=', link.person_id).executeTakeFirst();
  if (link.used_at || rated) throw new AppError('CONFLICT', 'teams.rating.err.used');
  if (new Date(link.expires_at).getTime() < now.getTime()) throw new AppError('CONFLICT', 'teams.rating.err.expired');
  return link;
}

/**
 * The link stands for the person it was sent to and nobody else: whoever opens it signed in as
 * another person (another family's citizen, or staff) is refused and the attempt is audited. A
 * link found in someone else's mailbox or forwarded cannot rate as that family.
 */
function mayUseLink(ctx: RequestContext, link: LinkRow): boolean {
  if (!ctx.principal) return true;
  return ctx.principal.kind === 'citizen' && ctx.principal.personId === link.person_id;
}

async function refuseLink(ctx: RequestContext, link: LinkRow, action: 'meetingRating.read' | 'meetingRating.create'): Promise<never> {
  await ungatedFor(ctx, 'rating-link').transaction().execute((trx) => writeAudit(trx, {
    principal: ctx.principal, action, purpose: 'self_service', outcome: 'denied', reason: 'rating_link_of_another_person',
    subject: { kind: 'person', id: link.person_id }, entity: { type: 'team_meeting', id: link.meeting_id }, requestId: ctx.requestId,
  }));
  throw new AppError('FORBIDDEN', 'teams.rating.err.notYours');
}

/**
 * What the form from the link shows: the team and the date, and the language of the person it was
 * sent to. Nothing about the child; the token is the only key.
 */
export async function ratingByToken(ctx: RequestContext, token: string) {
  const db = ungatedFor(ctx, 'rating-link');
  const link = await checkLink(db, await db.selectFrom('meeting_rating_link').select(['meeting_id', 'person_id', 'expires_at', 'used_at']).where('token_hash', '=', hashToken(token)).executeTakeFirst(), ctx.services.clock.now());
  if (!mayUseLink(ctx, link)) await refuseLink(ctx, link, 'meetingRating.read');
  const person = await db.selectFrom('person').select('language').where('id', '=', link.person_id).executeTakeFirstOrThrow();
  const language = isLanguage(person.language) ? person.language : 'nb';
  const meeting = await meetingSummary(db, link.meeting_id, language);
  return { meeting: { teamName: meeting.teamName, startsAt: meeting.startsAt }, language, expiresAt: link.expires_at };
}

async function insertRating(trx: Tx, meetingId: string, personId: string, input: RatingInput, now: Date) {
  const row = await trx
    .insertInto('meeting_rating')
    .values({ meeting_id: meetingId, person_id: personId, felt_heard: input.feltHeard, useful: input.useful, comment: input.comment ?? null })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'teams.rating.err.alreadyRated');
      throw error;
    });
  // Any link for the same meeting stops working: one rating per person and meeting.
  await trx.updateTable('meeting_rating_link').set({ used_at: now }).where('meeting_id', '=', meetingId).where('person_id', '=', personId).where('used_at', 'is', null).execute();
  return row.id;
}

/**
 * The rating sent from the link, without signing in. The link stands for the person it was sent
 * to; the write is audited in the same transaction, with the person as the subject.
 */
export async function rateByToken(ctx: RequestContext, token: string, input: RatingInput) {
  let refused: LinkRow | null = null;
  const result = await ungatedFor(ctx, 'rating-link').transaction().execute(async (trx) => {
    const link = await checkLink(
      trx,
      await trx.selectFrom('meeting_rating_link').select(['meeting_id', 'person_id', 'expires_at', 'used_at']).where('token_hash', '=', hashToken(token)).forUpdate().executeTakeFirst(),
      ctx.services.clock.now(),
    );
    if (!mayUseLink(ctx, link)) {
      refused = link;
      return null;
    }
    const id = await insertRating(trx, link.meeting_id, link.person_id, input, ctx.services.clock.now());
    await writeAudit(trx, {
      principal: null, action: 'meetingRating.create', purpose: 'self_service', outcome: 'allowed', reason: 'rating_link',
      subject: { kind: 'person', id: link.person_id }, entity: { type: 'team_meeting', id: link.meeting_id }, requestId: ctx.requestId,
    });
    return { id };
  });
  if (refused) await refuseLink(ctx, refused, 'meetingRating.create');
  return result;
}

/** A signed-in guardian or youth rates a closed meeting they took part in. */
export async function rateMeeting(ctx: DataContext, meetingId: string, input: RatingInput) {
  const citizen = requireCitizen(ctx);
  await authorize(ctx, { action: 'meetingRating.create', purpose: 'self_service', subject: { kind: 'person', id: citizen.personId }, entity: { type: 'team_meeting', id: meetingId } });
  const id = await insertRating(ctx.trx, meetingId, citizen.personId, input, ctx.services.clock.now());
  return { id };
}

async function ownRating(trx: Tx, meetingId: string, personId: string) {
  const r = await trx.selectFrom('meeting_rating').select(['felt_heard', 'useful', 'comment', 'rated_at']).where('meeting_id', '=', meetingId).where('person_id', '=', personId).executeTakeFirst();
  return r ? { feltHeard: r.felt_heard, useful: r.useful, comment: r.comment, ratedAt: r.rated_at } : null;
}

/** For the rating form on Min side: the meeting, and the citizen's own rating if given. */
export async function meetingRatingState(ctx: DataContext, meetingId: string) {
  const citizen = requireCitizen(ctx);
  await authorize(ctx, { action: 'meetingRating.create', purpose: 'self_service', subject: { kind: 'person', id: citizen.personId }, entity: { type: 'team_meeting', id: meetingId } });
  const meeting = await meetingSummary(ctx.trx, meetingId, ctx.lang);
  return { meeting: { id: meeting.id, teamName: meeting.teamName, startsAt: meeting.startsAt }, rating: await ownRating(ctx.trx, meetingId, citizen.personId) };
}

/**
 * The closed meetings the citizen took part in as a guardian or youth, newest first (then by id, so
 * meetings at the same time keep one order), and whether they rated each: a page at a time.
 */
export async function myMeetingsToRate(ctx: DataContext, page: { after?: string | undefined } = {}) {
  const citizen = requireCitizen(ctx);
  const after = decodeCursor(page.after, [CURSOR_PART.micros, CURSOR_PART.uuid]);
  await authorize(ctx, { action: 'meetingRating.list', purpose: 'self_service', subject: { kind: 'person', id: citizen.personId } });
  let query = ctx.trx
    .selectFrom('meeting_participant as mp')
    .innerJoin('team_meeting as m', 'm.id', 'mp.meeting_id')
    .leftJoin('team as t', 't.id', 'm.team_id')
    .leftJoin('meeting_rating as r', (join) => join.onRef('r.meeting_id', '=', 'm.id').onRef('r.person_id', '=', 'mp.person_id'))
    .select([
      'm.id', 'm.starts_at', 'm.place', 't.name as team_name', 'r.felt_heard', 'r.useful', 'r.rated_at',
      // Exact to the microsecond, which a JavaScript Date is not: the cursor must not skip or repeat.
      sql<string>`(extract(epoch from m.starts_at) * 1000000)::bigint::text`.as('starts_micros'),
    ])
    .where('mp.person_id', '=', citizen.personId)
    .where('mp.role', 'in', ['guardian', 'youth'])
    .where('m.status', '=', 'closed');
  if (after) query = query.where(sql<boolean>`(m.starts_at, m.id) < (timestamptz 'epoch' + ${after[0]}::bigint * interval '1 microsecond', ${after[1]}::uuid)`);
  const found = await query.orderBy('m.starts_at', 'desc').orderBy('m.id', 'desc').limit(PAGE_SIZE + 1).execute();
  const { items, ...more } = toPage(found, (r) => [r.starts_micros, r.id]);
  return {
    meetings: items.map((r) => ({
      id: r.id, teamName: meetingName(ctx.lang, r.team_name), startsAt: r.starts_at, place: r.place,
      rating: r.rated_at ? { feltHeard: r.felt_heard!, useful: r.useful!, ratedAt: r.rated_at } : null,
    })),
    ...more,
  };
}
