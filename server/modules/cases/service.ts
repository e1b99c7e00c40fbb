// The case's shared steps: the link to a child's page, the child's name, loading a case and asking the
// access module about it, opening a case. The sections live beside it: worries.ts, status.ts,
// relay-log.ts, baton.ts, tasks.ts.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../infra/db/database.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { requireStaff } from '../../infra/http/context.ts';
import { AppError } from '../../infra/http/errors.ts';
import { authorize, type AccessAction, aboutPerson, subjectOf } from '../access/access.ts';
import { involve, loadCase, loadOpenCase } from './queries.ts';

const caseClosed = () => new AppError('CONFLICT', 'cases.err.caseClosed');

export function personLink(personId: string): string {
  return `/barn/${personId}`;
}

export async function childName(trx: Tx, personId: string): Promise<string> {
  const p = await trx.selectFrom('person').select(['given_name', 'family_name']).where('id', '=', personId).executeTakeFirstOrThrow();
  return `${p.given_name} ${p.family_name}`;
}

export async function loadPerson(trx: Tx, personId: string) {
  return trx
    .selectFrom('person')
    .select(['id', 'given_name', 'family_name', 'birth_date', 'kind', 'expected_birth_date', 'municipality_id'])
    .where('id', '=', personId)
    .executeTakeFirst();
}

/**
 * Loads a case and asks the access module about its person. An unknown case id is refused the same
 * way as a case one may not see, so the answer never tells whether it exists.
 */
export async function authorizeCase(ctx: DataContext, caseId: string, action: AccessAction) {
  const purpose = ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up';
  await authorize(ctx, { action, purpose, ...aboutPerson(await subjectOf(ctx, 'help_case', caseId)), entity: { type: 'help_case', id: caseId } });
  return (await loadCase(ctx.trx, caseId))!;
}

export function requireOpen(c: { closed_at: Date | null }): void {
  if (c.closed_at) throw caseClosed();
}

export async function openCase(ctx: DataContext, personId: string, municipalityId: string, reason: string) {
  const staff = requireStaff(ctx);
  const existing = await loadOpenCase(ctx.trx, personId);
  if (existing) return existing;
  const id = randomUUID();
  await ctx.trx.insertInto('help_case').values({ id, municipality_id: municipalityId, person_id: personId, level: 0, relay_holder_id: staff.staffUserId, opened_by: staff.staffUserId }).execute();
  await ctx.trx.insertInto('case_level_change').values({ case_id: id, from_level: null, to_level: 0, reason, changed_by: staff.staffUserId }).execute();
  await involve(ctx.trx, personId, staff.staffUserId, 'relay_holder');
  return (await loadCase(ctx.trx, id))!;
}
