// Enrolments (innskriving): a kindergarten or school imports who is enrolled there from its own
// administrative system (CSV, refused whole with line numbers if a line is bad), and its staff find
// the children enrolled at their own unit by name or birth date, to start a worry from there. The
// search shows name and birth date only, and every child it shows is audited for the family's log.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DataContext } from '../../infra/http/context.ts';
import { requireStaff } from '../../infra/http/context.ts';
import { AppError, type FieldProblem } from '../../infra/http/errors.ts';
import { CURSOR_PART, decodeCursor, PAGE_SIZE, toPage } from '../../infra/http/paging.ts';
import { authorize, may, recordAccess } from '../access/access.ts';
import { readPeople } from '../access/person-reads.ts';
import { osloDate } from '../../../common/dates.ts';
import { MAX_CSV_CHARS, isoDate, parseEnrolmentFile, type Problem } from './rows.ts';
import type { EnrolledWorryInput, ImportEnrolmentsInput } from './schema.ts';
import { invalidField } from '../../infra/http/errors.ts';
import { involve } from '../cases/queries.ts';
import { worryAbout } from '../cases/worries.ts';

function refuse(problems: Problem[]): AppError {
  const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const fields: FieldProblem[] = sorted.map((p) => ({ field: p.line === null ? 'csv' : `line.${p.line}`, messageKey: p.key, ...(p.params ? { params: p.params } : {}) }));
  return new AppError('VALIDATION', 'enrolments.import.refused', { params: { count: problems.length }, fields });
}

const CHUNK = 1000;

export async function importEnrolments(ctx: DataContext, input: ImportEnrolmentsInput) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'enrolment.import', purpose: 'registration' });
  const unitId = staff.serviceUnitId!;
  if (input.csv.length > MAX_CSV_CHARS) throw refuse([{ line: null, key: 'enrolments.file.tooLarge', params: { maxMb: MAX_CSV_CHARS / 1_000_000 } }]);
  const { rows, problems } = parseEnrolmentFile(input.csv);
  if (problems.some((p) => p.line === null)) throw refuse(problems);

  // The municipality's children by national id. One message whether the id is unknown or not a
  // child here, so an import cannot be used to find out who is registered.
  const ids = [...new Set(rows.flatMap((r) => (r.nationalId ? [r.nationalId] : [])))];
  const children = new Map<string, string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const found = await ctx.trx.selectFrom('person').select(['id', 'national_id'])
      .where('municipality_id', '=', staff.municipalityId).where('kind', '=', 'child').where('national_id', 'in', ids.slice(i, i + CHUNK)).execute();
    for (const p of found) children.set(p.national_id!, p.id);
  }
  const resolved: { line: number; personId: string; startsOn: string; endsOn: string | null }[] = [];
  for (const row of rows) {
    const personId = row.nationalId ? children.get(row.nationalId) : undefined;
    if (row.nationalId && !personId) problems.push({ line: row.line, key: 'enrolments.row.unknownChild', params: { line: row.line } });
    if (personId && row.startsOn && (!row.endsOn || row.endsOn >= row.startsOn)) resolved.push({ line: row.line, personId, startsOn: row.startsOn, endsOn: row.endsOn });
  }
  if (problems.length) throw refuse(problems);

  const importId = randomUUID();
  await ctx.trx.insertInto('enrolment_import')
    .values({ id: importId, service_unit_id: unitId, imported_by: staff.staffUserId, file_name: input.fileName ?? null, row_count: resolved.length })
    .execute();
  // A child's enrolment here that overlaps the file's period is the same enrolment: the file's dates
  // replace it; otherwise the child is newly enrolled.
  const existing = new Map<string, { id: string; starts_on: string; ends_on: string | null }[]>();
  const personIds = resolved.map((r) => r.personId);
  for (let i = 0; i < personIds.length; i += CHUNK) {
    const found = await ctx.trx.selectFrom('enrolment').select(['id', 'person_id', 'starts_on', 'ends_on'])
      .where('service_unit_id', '=', unitId).where('person_id', 'in', personIds.slice(i, i + CHUNK)).execute();
    for (const e of found) existing.set(e.person_id, [...(existing.get(e.person_id) ?? []), e]);
  }
  let added = 0;
  let updated = 0;
  const fresh: { person_id: string; service_unit_id: string; starts_on: string; ends_on: string | null; import_id: string }[] = [];
  for (const r of resolved) {
    const same = (existing.get(r.personId) ?? []).find((e) => (r.endsOn === null || e.starts_on <= r.endsOn) && (e.ends_on === null || e.ends_on >= r.startsOn));
    if (same) {
      await ctx.trx.updateTable('enrolment').set({ starts_on: r.startsOn, ends_on: r.endsOn, import_id: importId }).where('id', '=', same.id).execute();
      updated++;
    } else {
      fresh.push({ person_id: r.personId, service_unit_id: unitId, starts_on: r.startsOn, ends_on: r.endsOn, import_id: importId });
      added++;
    }
  }
  for (let i = 0; i < fresh.length; i += CHUNK) await ctx.trx.insertInto('enrolment').values(fresh.slice(i, i + CHUNK)).execute();
  for (const personId of new Set(personIds)) {
    recordAccess(ctx, { action: 'enrolment.import', purpose: 'registration', subject: { kind: 'person', id: personId }, entity: { type: 'enrolment_import', id: importId } }, `unit:${unitId}`);
  }
  return { importId, rows: resolved.length, added, updated };
}

/** Children enrolled at the user's own unit now or from a coming date, by name or birth date. */
export async function searchEnrolled(ctx: DataContext, input: { q: string; after?: string | undefined }) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'enrolment.search', purpose: 'follow_up' });
  const unitId = staff.serviceUnitId!;
  const after = decodeCursor(input.after, [CURSOR_PART.text, CURSOR_PART.text, CURSOR_PART.uuid]);
  const today = osloDate(ctx.services.clock.now());
  const birthDate = isoDate(input.q);
  let query = ctx.trx.selectFrom('person as p')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.birth_date'])
    .where('p.kind', '=', 'child')
    .where((eb) => eb.exists(eb.selectFrom('enrolment as e').select('e.id')
      .whereRef('e.person_id', '=', 'p.id').where('e.service_unit_id', '=', unitId)
      .where((w) => w.or([w('e.ends_on', 'is', null), w('e.ends_on', '>=', today)]))));
  if (birthDate) query = query.where('p.birth_date', '=', birthDate);
  else {
    // Every word of the search must be in the name: "ola nor" finds Ola Nordmann.
    for (const word of input.q.split(/\s+/).filter(Boolean)) {
      const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where(sql<boolean>`(p.given_name || ' ' || p.family_name) ILIKE ${pattern}`);
    }
  }
  if (after) query = query.where(sql<boolean>`(p.family_name, p.given_name, p.id) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`);
  const found = await query.orderBy('p.family_name').orderBy('p.given_name').orderBy('p.id').limit(PAGE_SIZE + 1).execute();
  const { items, ...page } = toPage(found, (r) => [r.family_name, r.given_name, r.id]);
  readPeople(ctx, items.map((r) => r.id), { action: 'enrolment.search', purpose: 'follow_up', reason: 'enrolled_at_own_unit' });
  // Every child listed is enrolled at the user's unit (the query), so one decision answers for all.
  const first = items[0];
  const noteWorry = first ? await may(ctx, { action: 'enrolment.worry', purpose: 'follow_up', subject: { kind: 'person', id: first.id } }) : false;
  return {
    children: items.map((r) => ({ personId: r.id, givenName: r.given_name, familyName: r.family_name, birthDate: r.birth_date })),
    ...page,
    abilities: { noteWorry },
  };
}

/**
 * A worry about a child enrolled at the user's own unit. It goes on the child's case (opened now with
 * the author as relay holder when there is none), and the author is involved from then on; what they
 * read of an existing case is still for its rules and the family's consent to decide.
 */
export async function worryAboutEnrolled(ctx: DataContext, personId: string, input: EnrolledWorryInput) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'enrolment.worry', purpose: 'follow_up', subject: { kind: 'person', id: personId } });
  if (input.noticedOn > osloDate(ctx.services.clock.now())) throw invalidField('noticedOn', 'cases.err.noticedInFuture');
  const noted = await worryAbout(ctx, personId, input);
  await involve(ctx.trx, personId, staff.staffUserId, 'registrant');
  return noted;
}
