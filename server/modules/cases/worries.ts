// Worries (undringer): noted without identity, discussed with colleagues and teams, tied to a
// person once the family has been spoken to, which opens the case.
import { sql } from 'kysely';
import type { Db } from '../../infra/db/database.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { requireStaff } from '../../infra/http/context.ts';
import { CURSOR_PART, decodeCursor, PAGE_SIZE, toPage } from '../../infra/http/paging.ts';
import { AppError, invalidField } from '../../infra/http/errors.ts';
import { osloDate } from '../../../common/dates.ts';
import { translate } from '../../../common/i18n/index.ts';
import { authorize } from '../access/access.ts';
import { CASE_WORK_ROLES } from '../../../common/roles.ts';
import { type WorryInput } from './schema.ts';
import { loadPerson, openCase } from './service.ts';

export async function noteWorry(ctx: DataContext, input: WorryInput) {
  const staff = requireStaff(ctx);
  if (input.noticedOn > osloDate(ctx.services.clock.now())) throw invalidField('noticedOn', 'cases.err.noticedInFuture');
  if (!input.personId) {
    await authorize(ctx, { action: 'worry.create', purpose: 'follow_up' });
    const row = await ctx.trx
      .insertInto('worry')
      .values({
        municipality_id: staff.municipalityId, person_id: null, subject_kind: input.subjectKind, age_years: input.ageYears ?? null,
        categories: [...new Set(input.categories)], description: input.description, noticed_by: staff.staffUserId, noticed_on: input.noticedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { worryId: row.id, caseId: null };
  }
  await authorize(ctx, { action: 'caseStatus.write', purpose: 'follow_up', subject: { kind: 'person', id: input.personId } });
  return worryAbout(ctx, input.personId, input);
}

/**
 * A worry about a person the caller has authorized it for: tied to the person's open case, or one
 * opened now with the one who noted it as relay holder.
 */
export async function worryAbout(ctx: DataContext, personId: string, input: Pick<WorryInput, 'categories' | 'description' | 'noticedOn'>) {
  const staff = requireStaff(ctx);
  const person = (await loadPerson(ctx.trx, personId))!;
  if (person.kind === 'adult') throw invalidField('personId', 'cases.err.notAChild');
  const helpCase = await openCase(ctx, person.id, person.municipality_id, translate(ctx.lang, 'cases.openedByWorry'));
  const row = await ctx.trx
    .insertInto('worry')
    .values({
      municipality_id: person.municipality_id, person_id: person.id, subject_kind: person.kind === 'pregnant' ? 'pregnant' : 'child', age_years: null,
      categories: [...new Set(input.categories)], description: input.description, noticed_by: staff.staffUserId, noticed_on: input.noticedOn,
      linked_at: ctx.services.clock.now(), case_id: helpCase.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { worryId: row.id, caseId: helpCase.id };
}

export async function listMyWorries(ctx: DataContext, page: { after?: string | undefined } = {}) {
  const staff = requireStaff(ctx);
  const after = decodeCursor(page.after, [CURSOR_PART.micros, CURSOR_PART.uuid]);
  await authorize(ctx, { action: 'worry.list', purpose: 'follow_up' });
  // Only worries without identity: once tied to a person they live on that person's case.
  let query = ctx.trx
    .selectFrom('worry as w')
    .innerJoin('staff_user as s', 's.id', 'w.noticed_by')
    .select(['w.id', 'w.subject_kind', 'w.age_years', 'w.categories', 'w.description', 'w.noticed_on', 'w.noticed_by', 's.display_name',
      // Exact to the microsecond, which a JavaScript Date is not: the cursor must not skip or repeat.
      sql<string>`(extract(epoch from w.created_at) * 1000000)::bigint::text`.as('created_micros')])
    .where('w.person_id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('w.noticed_by', '=', staff.staffUserId),
        eb.exists(
          eb.selectFrom('worry_discussion as d')
            .leftJoin('team_member as tm', 'tm.team_id', 'd.with_team_id')
            .select('d.id')
            .whereRef('d.worry_id', '=', 'w.id')
            .where((w) => w.or([w('d.with_staff_id', '=', staff.staffUserId), w('tm.staff_user_id', '=', staff.staffUserId)])),
        ),
      ]),
    );
  if (after) query = query.where(sql<boolean>`(w.created_at, w.id) < (timestamptz 'epoch' + ${after[0]}::bigint * interval '1 microsecond', ${after[1]}::uuid)`);
  const { items: rows, ...more } = toPage(await query.orderBy('w.created_at', 'desc').orderBy('w.id', 'desc').limit(PAGE_SIZE + 1).execute(), (r) => [r.created_micros, r.id]);
  const discussions = rows.length
    ? await ctx.trx
      .selectFrom('worry_discussion as d')
      .innerJoin('staff_user as a', 'a.id', 'd.written_by')
      .leftJoin('staff_user as c', 'c.id', 'd.with_staff_id')
      .leftJoin('team as t', 't.id', 'd.with_team_id')
      .select(['d.worry_id', 'd.note', 'd.discussed_at', 'a.display_name as written_by', 'c.display_name as with_staff', 't.name as with_team'])
      .where('d.worry_id', 'in', rows.map((r) => r.id))
      .orderBy('d.discussed_at')
      .execute()
    : [];
  return {
    worries: rows.map((r) => ({
      id: r.id, subjectKind: r.subject_kind, ageYears: r.age_years, categories: r.categories, description: r.description, noticedOn: r.noticed_on,
      noticedBy: r.display_name, mine: r.noticed_by === staff.staffUserId,
      discussions: discussions.filter((d) => d.worry_id === r.id).map((d) => ({ note: d.note, at: d.discussed_at, writtenBy: d.written_by, withStaff: d.with_staff, withTeam: d.with_team })),
    })),
    ...more,
  };
}

export async function discussWorry(ctx: DataContext, worryId: string, input: { withStaffId?: string | undefined; withTeamId?: string | undefined; note: string }) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'worry.discuss', purpose: 'follow_up', entity: { type: 'worry', id: worryId } });
  if (input.withStaffId) {
    const colleague = await ctx.trx.selectFrom('staff_user').select('id').where('id', '=', input.withStaffId).where('municipality_id', '=', staff.municipalityId).where('active', '=', true).executeTakeFirst();
    if (!colleague || colleague.id === staff.staffUserId) throw invalidField('withStaffId', 'cases.err.unknownColleague');
  }
  if (input.withTeamId) {
    const team = await ctx.trx.selectFrom('team').select('id').where('id', '=', input.withTeamId).where('municipality_id', '=', staff.municipalityId).executeTakeFirst();
    if (!team) throw invalidField('withTeamId', 'cases.err.unknownTeam');
  }
  const row = await ctx.trx
    .insertInto('worry_discussion')
    .values({ worry_id: worryId, with_staff_id: input.withStaffId ?? null, with_team_id: input.withTeamId ?? null, note: input.note, written_by: staff.staffUserId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
}

/** Colleagues and teams a worry can be discussed with: names and units, no personal data of children. */
export async function discussants(db: Db, municipalityId: string, selfId: string) {
  const staff = await db
    .selectFrom('staff_user as s')
    .leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.id', 's.display_name', 'u.name as unit_name'])
    .where('s.municipality_id', '=', municipalityId)
    .where('s.active', '=', true)
    .where('s.id', '<>', selfId)
    .where((eb) => eb.exists(eb.selectFrom('staff_role as r').select('r.role').whereRef('r.staff_user_id', '=', 's.id').where('r.role', 'in', CASE_WORK_ROLES)))
    .orderBy('s.display_name')
    .execute();
  const teams = await db.selectFrom('team').select(['id', 'name']).where('municipality_id', '=', municipalityId).where('active', '=', true).where('kind', '=', 'early_intervention').orderBy('name').execute();
  return { staff: staff.map((s) => ({ id: s.id, name: s.display_name, unitName: s.unit_name })), teams };
}

/** Ties an anonymous worry to a person once the family has been spoken to; opens the case. */
export async function linkWorry(ctx: DataContext, worryId: string, personId: string) {
  await authorize(ctx, { action: 'worry.link', purpose: 'follow_up', subject: { kind: 'person', id: personId }, entity: { type: 'worry', id: worryId } });
  const worry = (await ctx.trx.selectFrom('worry').select(['person_id', 'subject_kind']).where('id', '=', worryId).executeTakeFirst())!;
  if (worry.person_id) throw new AppError('CONFLICT', 'cases.err.worryAlreadyLinked');
  const person = (await loadPerson(ctx.trx, personId))!;
  if (person.kind === 'adult' || (person.kind === 'pregnant') !== (worry.subject_kind === 'pregnant')) throw invalidField('personId', 'cases.err.notAChild');
  const helpCase = await openCase(ctx, person.id, person.municipality_id, translate(ctx.lang, 'cases.openedByWorry'));
  await ctx.trx.updateTable('worry').set({ person_id: person.id, linked_at: ctx.services.clock.now(), case_id: helpCase.id, age_years: null }).where('id', '=', worryId).execute();
  return { caseId: helpCase.id };
}
