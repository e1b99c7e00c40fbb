// The auditor's view of the audit log and the family's. Searching or reading it is itself an access,
// and is recorded; both read the actions in the same human words (presentation.ts).
import { sql } from 'kysely';
import { requireStaff, type DataContext } from '../../infra/http/context.ts';
import { CURSOR_PART, decodeCursor, toPage } from '../../infra/http/paging.ts';
import { authorize } from '../access/access.ts';
import { readPeople } from '../access/person-reads.ts';
import { actionText, actorText, familyLines } from './presentation.ts';
import type { AuditSearch } from './schema.ts';

const PAGE_SIZE = 50;
/** Audit rows per page of the family's access log; one line joins a reader's rows close in time. */
const ACCESS_LOG_ROWS = 500;

export async function searchAuditLog(ctx: DataContext, search: AuditSearch) {
  const auditor = requireStaff(ctx);
  await authorize(ctx, { action: 'audit.search', purpose: 'audit' });
  let query = ctx.trx
    .selectFrom('audit_event as e')
    // An auditor oversees their own municipality only (decision 0019).
    .where('e.municipality_id', '=', auditor.municipalityId)
    .leftJoin('person as p', (join) => join.onRef('p.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'person'))
    .leftJoin('staff_user as s', (join) => join.onRef('s.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'staff'))
    .leftJoin('service_unit as u', 'u.id', 'e.actor_unit_id')
    .leftJoin('staff_user as a', (join) => join.onRef('a.id', '=', 'e.actor_id').on('e.actor_kind', '=', 'staff'))
    .select([
      'e.id', 'e.occurred_at', 'e.actor_kind', 'e.actor_name', 'e.actor_role', 'a.title as actor_title', 'u.name as actor_unit', 'e.subject_kind', 'e.subject_id',
      'e.action', 'e.entity_type', 'e.purpose', 'e.outcome', 'e.reason',
      sql<string | null>`coalesce(p.given_name || ' ' || p.family_name, s.display_name)`.as('subject_name'),
    ]);
  if (search.q) {
    const pattern = `%${search.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('e.actor_name', 'ilike', pattern),
        eb(sql`p.given_name || ' ' || p.family_name`, 'ilike', pattern),
        eb('s.display_name', 'ilike', pattern),
      ]),
    );
  }
  if (search.action) query = query.where('e.action', '=', search.action);
  if (search.outcome) query = query.where('e.outcome', '=', search.outcome);
  if (search.from) query = query.where('e.occurred_at', '>=', new Date(`${search.from}T00:00:00`));
  if (search.to) query = query.where('e.occurred_at', '<', sql<Date>`${search.to}::date + 1`);
  const rows = await query
    .orderBy('e.occurred_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(PAGE_SIZE + 1)
    .offset((search.page - 1) * PAGE_SIZE)
    .execute();
  const page = rows.slice(0, PAGE_SIZE);
  // The results name children and parents: the auditor's look is in their access log too.
  readPeople(ctx, page.map((r) => (r.subject_kind === 'person' ? r.subject_id : null)), { action: 'audit.search', purpose: 'audit', reason: 'shown_in_audit_search' });
  return {
    events: page.map((r) => ({
      id: String(r.id), occurredAt: r.occurred_at, actorKind: r.actor_kind, actorName: r.actor_name, actorRole: r.actor_role,
      actorUnit: r.actor_unit, subjectKind: r.subject_kind, subjectName: r.subject_name, action: r.action,
      entityType: r.entity_type, purpose: r.purpose, outcome: r.outcome, reason: r.reason,
      who: actorText(ctx.lang, { actorKind: r.actor_kind, name: r.actor_name, title: r.actor_title, role: r.actor_role, unitName: r.actor_unit }),
      what: actionText(ctx.lang, r.action),
    })),
    page: search.page,
    hasMore: rows.length > PAGE_SIZE,
  };
}

/**
 * The family's view of the audit log (innsyn i logg): who in the services read or wrote their or
 * their child's data, when, in which role and unit, one line per look in the reader's language.
 * Looking is itself recorded.
 */
export async function accessLogForFamily(ctx: DataContext, personId: string, page: { after?: string | undefined } = {}) {
  const after = decodeCursor(page.after, [CURSOR_PART.micros, CURSOR_PART.bigint]);
  await authorize(ctx, { action: 'accessLog.read', purpose: 'self_service', subject: { kind: 'person', id: personId } });
  let query = ctx.trx
    .selectFrom('audit_event as e')
    .leftJoin('service_unit as u', 'u.id', 'e.actor_unit_id')
    .leftJoin('staff_user as a', (join) => join.onRef('a.id', '=', 'e.actor_id').on('e.actor_kind', '=', 'staff'))
    .select(['e.id', 'e.occurred_at', 'e.actor_kind', 'e.actor_id', 'e.actor_name', 'e.actor_role', 'a.title', 'u.name as unit_name', 'e.action',
      // Exact to the microsecond, which a JavaScript Date is not: the cursor must not skip or repeat.
      sql<string>`(extract(epoch from e.occurred_at) * 1000000)::bigint::text`.as('occurred_micros')])
    .where('e.subject_kind', '=', 'person')
    .where('e.subject_id', '=', personId)
    .where('e.outcome', '=', 'allowed')
    .where('e.actor_kind', 'in', ['staff', 'system'])
    // A report to child welfare the family may not yet know of leaves no trace here, not even its reads.
    .where((w) => w.not(w.exists(w.selectFrom('child_welfare_report as r').select('r.id')
      .where('e.entity_type', '=', 'child_welfare_report').whereRef(sql`r.id::text`, '=', 'e.entity_id').where('r.family_may_see', '=', false))));
  if (after) query = query.where(sql<boolean>`(e.occurred_at, e.id) < (timestamptz 'epoch' + ${after[0]}::bigint * interval '1 microsecond', ${after[1]}::bigint)`);
  const { items: rows, hasMore, nextCursor } = toPage(
    await query.orderBy('e.occurred_at', 'desc').orderBy('e.id', 'desc').limit(ACCESS_LOG_ROWS + 1).execute(),
    (r) => [r.occurred_micros, String(r.id)],
    ACCESS_LOG_ROWS,
  );
  const lines = familyLines(ctx.lang, rows.map((r) => ({
    id: String(r.id), at: new Date(r.occurred_at), actorKind: r.actor_kind, actorId: r.actor_id, name: r.actor_name, title: r.title, role: r.actor_role, unitName: r.unit_name, action: r.action,
  })));
  // Words only: the family never sees an action code or a role code.
  return { events: lines.map((l) => ({ id: l.id, at: l.at, who: l.who, what: l.what, when: l.when, text: l.text })), hasMore, nextCursor };
}
