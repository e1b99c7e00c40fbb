// The computed figures, counted by the definitions and kept in indicator_figure. A job counts every
// municipality every hour; reading the report of the current year when its figures are older than
// FRESH_MINUTES queues that municipality's count at once. The report itself only reads the table.
import { sql } from 'kysely';
import type { Db } from '../../infra/db/database.ts';
import { enqueue } from '../../infra/jobs/queue.ts';
import { osloDate } from '../../../common/dates.ts';
import { COMPUTED, type FigureRow } from './definitions.ts';

export const REFRESH_JOB = 'indicators.refresh';
export const FRESH_MINUTES = 10;

/** Counts every computed definition for one municipality and replaces its stored figures. */
export async function refreshFigures(db: Db, municipalityId: string, now: Date): Promise<void> {
  const today = osloDate(now);
  const results: { key: string; rows: FigureRow[] }[] = [];
  for (const [key, definition] of Object.entries(COMPUTED)) results.push({ key, rows: await definition.compute(db, municipalityId, today) });
  await db.transaction().execute(async (trx) => {
    // One refresh of a municipality at a time, whichever process runs it.
    await sql`SELECT id FROM municipality WHERE id = ${municipalityId} FOR UPDATE`.execute(trx);
    await trx.deleteFrom('indicator_figure').where('municipality_id', '=', municipalityId).execute();
    const rows = results.flatMap(({ key, rows }) => rows.map((r) => ({
      municipality_id: municipalityId, computed_key: key, year: r.year, scope_kind: r.scopeKind, scope_key: r.scopeKey,
      numerator: r.numerator, denominator: r.denominator, refreshed_at: now,
    })));
    for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('indicator_figure').values(rows.slice(i, i + 1000)).execute();
  });
}

/** The job: one municipality when the payload names it, otherwise every one. */
export async function refreshJob(db: Db, payload: unknown, now: Date): Promise<void> {
  const named = typeof payload === 'object' && payload !== null && 'municipalityId' in payload && typeof payload.municipalityId === 'string' ? payload.municipalityId : null;
  const municipalities = named ? [{ id: named }] : await db.selectFrom('municipality').select('id').execute();
  for (const m of municipalities) await refreshFigures(db, m.id, now);
}

/** The current period is read: queue a count now if the stored one is older than FRESH_MINUTES. */
export async function refreshIfStale(db: Db, municipalityId: string, refreshedAt: Date | null, now: Date): Promise<void> {
  if (refreshedAt && now.getTime() - refreshedAt.getTime() < FRESH_MINUTES * 60_000) return;
  const slot = Math.floor(now.getTime() / (FRESH_MINUTES * 60_000));
  await enqueue(db, REFRESH_JOB, { municipalityId }, { dedupeKey: `${REFRESH_JOB}:${municipalityId}:${slot}`, maxAttempts: 1 }, now);
}
