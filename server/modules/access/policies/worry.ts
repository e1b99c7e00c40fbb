// Worries (undringer): noted and discussed anonymously by case workers; tied to a person by the
// author once involved with that person.
import type { Db } from '../../../infra/db/database.ts';
import type { Decision } from '../actions.ts';
import { allow, caseWorker, deny, entityId, subjectId, type Policy, type Rule } from '../policy.ts';

async function worryAccess(trx: Db, staffUserId: string, worryId: string, authorOnly: boolean): Promise<Decision> {
  const worry = await trx.selectFrom('worry').select(['noticed_by']).where('id', '=', worryId).executeTakeFirst();
  if (!worry) return deny('no_subject');
  if (worry.noticed_by === staffUserId) return allow('worry_author');
  if (authorOnly) return deny('not_worry_author');
  const discussed = await trx
    .selectFrom('worry_discussion as d')
    .leftJoin('team_member as tm', 'tm.team_id', 'd.with_team_id')
    .select('d.id')
    .where('d.worry_id', '=', worryId)
    .where((w) => w.or([w('d.with_staff_id', '=', staffUserId), w('tm.staff_user_id', '=', staffUserId)]))
    .executeTakeFirst();
  return discussed ? allow('worry_discussed_with') : deny('not_worry_participant');
}

/** The author and those the worry was discussed with read it; only the author discusses and links it. */
const worryRule = (authorOnly: boolean): Rule => ({ principal, request, facts }) => {
  const role = caseWorker(principal);
  if (!role.allowed || principal.kind !== 'staff') return role;
  const worryId = entityId(request, 'worry');
  return worryId ? worryAccess(facts.trx, principal.staffUserId, worryId, authorOnly) : deny('no_subject');
};

export const worryPolicy = {
  'worry.create': ({ principal }) => caseWorker(principal),
  'worry.list': ({ principal }) => caseWorker(principal),
  'worry.read': worryRule(false),
  'worry.discuss': worryRule(true),
  'worry.link': async (input) => {
    const worry = await worryRule(true)(input);
    if (!worry.allowed || input.principal.kind !== 'staff') return worry;
    const personId = subjectId(input.request);
    if (!personId) return deny('no_subject');
    const involvement = await input.facts.involvement(input.principal.staffUserId, personId);
    return involvement ? allow(`worry_author+involved:${involvement}`) : deny('not_involved');
  },
} satisfies Policy;
