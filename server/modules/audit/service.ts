// The auditor's view of the audit log. Searching it is itself an access, and is recorded.
import { sql } from 'kysely';
import type { DataContext } from '../../infra/http/context.ts';
import { authorize } from '../access/access.ts';
import type { AuditSearch } from './schema.ts';

const PAGE_SIZE = 50;

export async function searchAuditLog(ctx: DataContext, search: AuditSearch) {
  await authorize(ctx, { action: 'audit.search', purpose: 'audit' });
  let query = ctx.trx
    .selectFrom('audit_event as e')
    .leftJoin('person as p', (join) => join.onRef('p.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'person'))
    .leftJoin('staff_user as s', (join) => join.onRef('s.id', '=', 'e.subject_id').on('e.subject_kind', '=', 'staff'))
    .leftJoin('service_unit as u', 'u.id', 'e.actor_unit_id')
    .select([
      'e.id', 'e.occurred_at', 'e.actor_kind', 'e.actor_name', 'e.actor_role', 'u.name as actor_unit', 'e.subject_kind',
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
  return {
    events: rows.slice(0, PAGE_SIZE).map((r) => ({
      id: String(r.id), occurredAt: r.occurred_at, actorKind: r.actor_kind, actorName: r.actor_name, actorRole: r.actor_role,
      actorUnit: r.actor_unit, subjectKind: r.subject_kind, subjectName: r.subject_name, action: r.action,
      entityType: r.entity_type, purpose: r.purpose, outcome: r.outcome, reason: r.reason,
    })),
    page: search.page,
    hasMore: rows.length > PAGE_SIZE,
  };
}

/**
 * The family's view of the audit log (innsyn i logg): who in the services read or wrote their or
 * their child's data, when, in which role and unit. Looking is itself recorded.
 */
export async function accessLogForFamily(ctx: DataContext, personId: string) {
  await authorize(ctx, { action: 'accessLog.read', purpose: 'self_service', subject: { kind: 'person', id: personId } });
  const rows = await ctx.trx
    .selectFrom('audit_event as e')
    .leftJoin('service_unit as u', 'u.id', 'e.actor_unit_id')
    .select(['e.id', 'e.occurred_at', 'e.actor_kind', 'e.actor_name', 'e.actor_role', 'u.name as unit_name', 'e.action', 'e.purpose'])
    .where('e.subject_kind', '=', 'person')
    .where('e.subject_id', '=', personId)
    .where('e.outcome', '=', 'allowed')
    .where('e.actor_kind', 'in', ['staff', 'system'])
    .orderBy('e.occurred_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(500)
    .execute();
  return {
    events: rows.map((r) => ({
      id: String(r.id), at: r.occurred_at, actorKind: r.actor_kind, name: r.actor_name, role: r.actor_role, unitName: r.unit_name, action: r.action, purpose: r.purpose,
    })),
  };
}
