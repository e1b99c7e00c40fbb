// After-care (ettervern, decision 0037): child welfare records that a young adult receives after-care
// from one date to another, within the law's age limit; it shows with the individual plan, and before
// it ends the plans' reminder job (jobs.ts) asks Koordinerende enhet for a coordinator in adult services.
import type { DataContext } from '../../infra/http/context.ts';
import { checkVersion, requireStaff } from '../../infra/http/context.ts';
import { AppError, invalidField } from '../../infra/http/errors.ts';
import { ageOn } from '../../../common/dates.ts';
import { AFTER_CARE_AGE_LIMIT, AFTER_CARE_FROM_AGE } from '../../../common/plans.ts';
import type { Tx } from '../../infra/db/database.ts';
import { authorize, aboutPerson, subjectOf } from '../access/access.ts';
import type { AfterCareInput } from './schema.ts';

/** The person's after-care periods, the earliest first. */
export function afterCarePeriods(trx: Tx, personId: string) {
  return trx.selectFrom('after_care as a').innerJoin('staff_user as s', 's.id', 'a.recorded_by')
    .select(['a.id', 'a.version', 'a.starts_on', 'a.ends_on', 'a.recorded_at', 's.display_name'])
    .where('a.person_id', '=', personId).orderBy('a.starts_on').orderBy('a.id').execute();
}

export const afterCareShape = (a: Awaited<ReturnType<typeof afterCarePeriods>>[number]) => ({
  id: a.id, version: a.version, startsOn: a.starts_on, endsOn: a.ends_on, recordedBy: a.display_name, recordedAt: a.recorded_at,
});

/** The dates must lie between the 18th birthday and the day before the law's age limit, and not overlap another period. */
async function checkPeriod(ctx: DataContext, personId: string, input: AfterCareInput, except: string | null) {
  const person = await ctx.trx.selectFrom('person').select(['birth_date']).where('id', '=', personId).executeTakeFirstOrThrow();
  if (ageOn(person.birth_date, input.startsOn) < AFTER_CARE_FROM_AGE) throw invalidField('startsOn', 'plans.err.afterCareTooYoung', { age: AFTER_CARE_FROM_AGE });
  if (ageOn(person.birth_date, input.endsOn) >= AFTER_CARE_AGE_LIMIT) throw invalidField('endsOn', 'plans.err.afterCareAgeLimit', { age: AFTER_CARE_AGE_LIMIT });
  let overlapping = ctx.trx.selectFrom('after_care').select('id').where('person_id', '=', personId)
    .where('starts_on', '<=', input.endsOn).where('ends_on', '>=', input.startsOn);
  if (except) overlapping = overlapping.where('id', '<>', except);
  if (await overlapping.executeTakeFirst()) throw invalidField('startsOn', 'plans.err.afterCareOverlap');
}

export async function listAfterCare(ctx: DataContext, personId: string) {
  await authorize(ctx, { action: 'afterCare.read', purpose: 'follow_up', subject: { kind: 'person', id: personId } });
  return { items: (await afterCarePeriods(ctx.trx, personId)).map(afterCareShape) };
}

export async function recordAfterCare(ctx: DataContext, personId: string, input: AfterCareInput) {
  await authorize(ctx, { action: 'afterCare.record', purpose: 'follow_up', subject: { kind: 'person', id: personId } });
  const me = requireStaff(ctx);
  // One writer at a time per person, so two overlapping periods cannot both pass the check.
  await ctx.trx.selectFrom('person').select('id').where('id', '=', personId).forUpdate().execute();
  await checkPeriod(ctx, personId, input, null);
  const person = await ctx.trx.selectFrom('person').select('municipality_id').where('id', '=', personId).executeTakeFirstOrThrow();
  const row = await ctx.trx.insertInto('after_care').values({
    municipality_id: person.municipality_id, person_id: personId, starts_on: input.startsOn, ends_on: input.endsOn, recorded_by: me.staffUserId, recorded_at: ctx.services.clock.now(),
  }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id };
}

/** A changed period (usually a new end date): a new version over the one read; a moved end is announced again. */
export async function changeAfterCare(ctx: DataContext, afterCareId: string, input: AfterCareInput) {
  await authorize(ctx, { action: 'afterCare.record', purpose: 'follow_up', entity: { type: 'after_care', id: afterCareId }, ...aboutPerson(await subjectOf(ctx, 'after_care', afterCareId)) });
  const me = requireStaff(ctx);
  const row = (await ctx.trx.selectFrom('after_care').select(['person_id', 'version']).where('id', '=', afterCareId).forUpdate().executeTakeFirst())!;
  checkVersion(ctx, row.version);
  await checkPeriod(ctx, row.person_id, input, afterCareId);
  const updated = await ctx.trx.updateTable('after_care')
    .set({ starts_on: input.startsOn, ends_on: input.endsOn, recorded_by: me.staffUserId, recorded_at: ctx.services.clock.now(), version: row.version + 1 })
    .where('id', '=', afterCareId).where('version', '=', row.version).executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'errors.conflict');
  return { id: afterCareId, version: row.version + 1 };
}
