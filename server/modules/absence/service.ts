// High absence (høyt fravær): a kindergarten or school imports absence per child and period; a
// file with any bad row is refused whole and nothing is stored. Children whose latest period is
// above 10 % with weak progress are listed for their contact teacher with the first step of the
// action guide, and the teacher becomes involved with them so they can open the child's page.
import { randomUUID } from 'node:crypto';
import { formatDate } from '../../../common/i18n/index.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { requireStaff } from '../../infra/http/context.ts';
import { AppError, type FieldProblem } from '../../infra/http/errors.ts';
import { authorize, recordAccess } from '../access/access.ts';
import { osloDate } from '../../../common/dates.ts';
import { notify } from '../notifications/service.ts';
import { childrenAtUnit, enrolledChildren, firstGuideStep, highAbsenceAtUnit, staffOfUnitByEmail } from './queries.ts';
import { MAX_CSV_CHARS, parseAbsenceFile, type Problem } from './rows.ts';
import type { ImportAbsenceInput } from './schema.ts';

const INSERT_CHUNK = 1000;

function refuse(problems: Problem[]): AppError {
  const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const fields: FieldProblem[] = sorted.map((p) => ({ field: p.line === null ? 'csv' : `line.${p.line}`, messageKey: p.key, ...(p.params ? { params: p.params } : {}) }));
  return new AppError('VALIDATION', 'notifications.absence.import.refused', { params: { count: problems.length }, fields });
}

export async function importAbsence(ctx: DataContext, input: ImportAbsenceInput) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'absence.import', purpose: 'follow_up' });
  const unitId = staff.serviceUnitId!;
  if (input.csv.length > MAX_CSV_CHARS) throw refuse([{ line: null, key: 'notifications.absence.file.tooLarge', params: { maxMb: MAX_CSV_CHARS / 1_000_000 } }]);

  const { rows, problems } = parseAbsenceFile(input.csv);
  if (problems.some((p) => p.line === null)) throw refuse(problems);

  // The register: the same message whether the child is unknown or not enrolled here, so an
  // import cannot be used to find out who is registered in the municipality.
  const children = await childrenAtUnit(ctx.trx, staff.municipalityId, unitId, rows.flatMap((r) => (r.nationalId ? [r.nationalId] : [])));
  const teachers = await staffOfUnitByEmail(ctx.trx, unitId, rows.flatMap((r) => (r.teacherEmail ? [r.teacherEmail] : [])));
  const seen = new Map<string, number>();
  const resolved: { line: number; personId: string; from: string; to: string; percent: number; progress: 'good' | 'weak'; teacherId: string }[] = [];
  for (const row of rows) {
    const { line } = row;
    let personId: string | null = null;
    if (row.nationalId) {
      const child = children.get(row.nationalId);
      const from = row.from ?? row.to;
      const to = row.to ?? row.from;
      const enrolled = child?.enrolments.some((e) => (!to || e.from <= to) && (!from || e.to === null || e.to >= from));
      if (child && enrolled) personId = child.id;
      else problems.push({ line, key: 'notifications.absence.row.unknownChild', params: { line } });
    }
    let teacherId: string | null = null;
    if (row.teacherEmail) {
      teacherId = teachers.get(row.teacherEmail) ?? null;
      if (!teacherId) problems.push({ line, key: 'notifications.absence.row.unknownTeacher', params: { line, email: row.teacherEmail } });
    }
    if (personId && row.from && row.to) {
      const key = `${personId}|${row.from}|${row.to}`;
      const other = seen.get(key);
      if (other !== undefined) problems.push({ line, key: 'notifications.absence.row.duplicate', params: { line, other } });
      else seen.set(key, line);
    }
    if (personId && teacherId && row.from && row.to && row.percent !== null && row.progress) {
      resolved.push({ line, personId, from: row.from, to: row.to, percent: row.percent, progress: row.progress, teacherId });
    }
  }
  if (problems.length) throw refuse(problems);

  const importId = randomUUID();
  await ctx.trx
    .insertInto('absence_import')
    .values({ id: importId, service_unit_id: unitId, imported_by: staff.staffUserId, file_name: input.fileName ?? null, row_count: resolved.length })
    .execute();
  for (let i = 0; i < resolved.length; i += INSERT_CHUNK) {
    await ctx.trx
      .insertInto('absence_record')
      .values(resolved.slice(i, i + INSERT_CHUNK).map((r) => ({
        import_id: importId, service_unit_id: unitId, person_id: r.personId, period_from: r.from, period_to: r.to,
        absence_percent: r.percent, progress: r.progress, contact_teacher_id: r.teacherId, line: r.line,
      })))
      .execute();
  }
  const personIds = [...new Set(resolved.map((r) => r.personId))];
  for (const personId of personIds) {
    recordAccess(ctx, { action: 'absence.import', purpose: 'follow_up', subject: { kind: 'person', id: personId }, entity: { type: 'absence_import', id: importId } }, `unit:${unitId}`);
  }

  // The children this import puts on a contact teacher's list: the teacher becomes involved (so
  // the child's page opens) and is notified.
  const high = await highAbsenceAtUnit(ctx.trx, unitId, { personIds });
  const names = new Map<string, string>();
  if (high.length) {
    const people = await ctx.trx.selectFrom('person').select(['id', 'given_name', 'family_name']).where('id', 'in', high.map((h) => h.person_id)).execute();
    for (const p of people) names.set(p.id, `${p.given_name} ${p.family_name}`);
  }
  for (const h of high) {
    const involved = await ctx.trx
      .selectFrom('involvement').select('id')
      .where('person_id', '=', h.person_id).where('staff_user_id', '=', h.contact_teacher_id).where('ended_at', 'is', null)
      .executeTakeFirst();
    if (!involved) await ctx.trx.insertInto('involvement').values({ person_id: h.person_id, staff_user_id: h.contact_teacher_id, kind: 'registrant' }).execute();
    if (h.contact_teacher_id !== staff.staffUserId) {
      await notify(ctx.trx, {
        recipient: { kind: 'staff', staffUserId: h.contact_teacher_id }, kind: 'absence.high', subjectPersonId: h.person_id,
        params: { childName: names.get(h.person_id) ?? '', percent: formatPercent(h.absence_percent) }, link: '/fravaer', dedupeKey: `absence.high:${h.id}`,
      });
    }
  }
  return { importId, rows: resolved.length, children: personIds.length, highAbsence: high.length };
}

function formatPercent(value: number): string {
  return new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 }).format(value);
}

/** The signed-in contact teacher's children above 10 % absence with weak progress, with the guide's first step. */
export async function listHighAbsence(ctx: DataContext) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'absence.read', purpose: 'follow_up' });
  const unitId = staff.serviceUnitId!;
  const high = await highAbsenceAtUnit(ctx.trx, unitId, { teacherId: staff.staffUserId });
  // A child who has left the unit is followed up by the next one, not listed here.
  const people = new Map((await enrolledChildren(ctx.trx, unitId, high.map((h) => h.person_id), osloDate(ctx.services.clock.now()))).map((p) => [p.id, p]));
  const children = high
    .filter((h) => people.has(h.person_id))
    .map((h) => {
      const p = people.get(h.person_id)!;
      return {
        personId: h.person_id, givenName: p.given_name, familyName: p.family_name, birthDate: p.birth_date,
        periodFrom: h.period_from, periodTo: h.period_to, period: `${formatDate(h.period_from)}–${formatDate(h.period_to)}`,
        absencePercent: h.absence_percent, absencePercentText: formatPercent(h.absence_percent), progress: h.progress,
      };
    })
    .sort((a, b) => b.absencePercent - a.absencePercent || a.familyName.localeCompare(b.familyName, 'nb') || a.givenName.localeCompare(b.givenName, 'nb'));
  for (const child of children) {
    recordAccess(ctx, { action: 'absence.read', purpose: 'follow_up', subject: { kind: 'person', id: child.personId } }, 'contact_teacher');
  }
  return { children, firstStep: await firstGuideStep(ctx.trx, staff.municipalityId, ctx.lang) };
}
