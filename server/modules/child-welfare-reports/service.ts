// Reports to child welfare (bekymringsmelding): a professional sends one about a child they work
// with, under the duty to report, which overrides confidentiality and needs no consent; the
// intake acknowledges it, decides and gives the reporter feedback within the law's deadlines
// (deadlines.ts). Sending is one transaction: the report, the legal basis, the audit row, the
// receipt, the intake's notification, the delivery and, when urgent, the duty service's alert.
//
// Every audit row about a report names it as its entity, so the family's access log can leave out
// a report the family may not yet know of (audit/service.ts).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { formatDate, translate } from '../../../common/i18n/index.ts';
import type { Tx } from '../../infra/db/database.ts';
import { checkVersion, requireStaff, type DataContext } from '../../infra/http/context.ts';
import { AppError, invalidField } from '../../infra/http/errors.ts';
import { authorize, aboutPerson, subjectOf } from '../access/access.ts';
import { readPeople } from '../access/person-reads.ts';
import { osloDate } from '../../../common/dates.ts';
import { notify, notifyAll, queueEmail, type NotificationInput } from '../notifications/service.ts';
import { finalFeedbackBy, investigationEndBy, isOverdue, receiptDeadlines } from './deadlines.ts';
import { queueDelivery } from './delivery.ts';
import { renderReportPdf } from './pdf.ts';
import { reportRow, reportsOf, type ReportRow } from './queries.ts';
import { deadlinesOf, reportView, statusOf } from './view.ts';
import type { ReportContent, ReportInput, ReviewDecision } from './schema.ts';
import { sendPdf } from '../../infra/http/pdf-reply.ts';

export const entityOf = (id: string) => ({ type: 'child_welfare_report', id });
export const INTAKE_LINK = (id: string) => `/barnevern/meldinger/${id}`;
export const REPORTER_LINK = '/mine-meldinger';

export async function intakeStaff(trx: Tx, municipalityId: string): Promise<string[]> {
  const rows = await trx.selectFrom('staff_user as s').innerJoin('staff_role as r', 'r.staff_user_id', 's.id')
    .select('s.id').where('s.municipality_id', '=', municipalityId).where('s.active', '=', true).where('r.role', '=', 'child_welfare_intake')
    .orderBy('s.id').execute();
  return rows.map((r) => r.id);
}

export async function nextReference(trx: Tx, now: Date): Promise<string> {
  const { rows } = await sql<{ n: string }>`SELECT nextval('child_welfare_report_number')::text AS n`.execute(trx);
  return `BM-${osloDate(now).slice(0, 4)}-${rows[0]!.n.padStart(5, '0')}`;
}

export async function sendReport(ctx: DataContext, personId: string, input: ReportInput) {
  const id = randomUUID();
  await authorize(ctx, { action: 'cwReport.create', purpose: 'legal_duty', subject: { kind: 'person', id: personId }, entity: entityOf(id) });
  const me = requireStaff(ctx);
  const now = ctx.services.clock.now();
  if (input.observedOn > osloDate(now)) throw invalidField('observedOn', 'reports.err.observedInFuture');
  const person = await ctx.trx.selectFrom('person').select(['given_name', 'family_name', 'birth_date', 'kind', 'address', 'municipality_id']).where('id', '=', personId).executeTakeFirstOrThrow();
  if (person.kind === 'adult') throw invalidField('personId', 'reports.err.notAChild');
  const guardians = await ctx.trx.selectFrom('guardianship as g').innerJoin('person as p', 'p.id', 'g.guardian_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.phone']).where('g.child_id', '=', personId).orderBy('p.family_name').orderBy('p.id').execute();
  const staff = await ctx.trx.selectFrom('staff_user as s').leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.display_name', 's.email', 's.title', 'u.id as unit_id', 'u.name as unit_name', 'u.type_code'])
    .where('s.id', '=', me.staffUserId).executeTakeFirstOrThrow();
  const content: ReportContent = {
    child: { name: `${person.given_name} ${person.family_name}`, birthDate: person.birth_date, address: person.address, unborn: person.kind === 'pregnant' },
    guardians: guardians.map((g) => ({ personId: g.id, name: `${g.given_name} ${g.family_name}`, phone: g.phone })),
    reporter: { name: staff.display_name, email: staff.email, unitName: staff.unit_name, unitType: staff.type_code },
    description: input.description, history: input.history ?? null, tried: input.tried ?? null, childWords: input.childWords ?? null,
    otherServices: input.otherServices ?? null, interpreter: input.interpreter ?? null, legalBasis: input.legalBasis,
  };
  const invocation = await ctx.trx.insertInto('legal_basis_invocation')
    .values({ person_id: personId, basis: 'duty_to_report_child_welfare', invoked_by: me.staffUserId, invoked_at: now, note: translate('nb', `reports.legalBasis.${input.legalBasis}`) })
    .returning('id').executeTakeFirstOrThrow();
  const deadlines = receiptDeadlines(now);
  const reference = await nextReference(ctx.trx, now);
  await ctx.trx.insertInto('child_welfare_report').values({
    id, municipality_id: person.municipality_id, reference, person_id: personId, reporter_staff_id: me.staffUserId, reporter_unit_id: staff.unit_id,
    reporter_role: staff.title ?? translate('nb', `domain.role.${me.activeRole}`), reporter_phone: input.reporterPhone, legal_basis_invocation_id: invocation.id,
    content: JSON.stringify(content), observed_on: input.observedOn, urgent: input.urgent, family_told: input.familyTold,
    not_told_reason: input.familyTold ? null : input.notToldReason ?? null, family_may_see: input.familyTold,
    received_at: now, received_on: deadlines.receivedOn, review_by: deadlines.reviewBy, feedback_by: deadlines.feedbackBy,
  }).execute();
  // The guardians named in the report are read for it, under the same decision.
  readPeople(ctx, guardians.map((g) => g.id), { action: 'cwReport.create', purpose: 'legal_duty', reason: 'guardian_in_report', entity: entityOf(id) });
  await notifyAll(ctx.trx, (await intakeStaff(ctx.trx, person.municipality_id)).map((staffUserId): NotificationInput => (
    { recipient: { kind: 'staff', staffUserId }, kind: input.urgent ? 'cwReport.receivedUrgent' : 'cwReport.received', params: { reference }, link: INTAKE_LINK(id) })));
  const municipality = await ctx.trx.selectFrom('municipality').select(['duty_service_email', 'duty_service_phone']).where('id', '=', person.municipality_id).executeTakeFirstOrThrow();
  if (input.urgent && municipality.duty_service_email) {
    // The alert names no child: the duty service opens the report in Sammen, or calls the reporter.
    await queueEmail(ctx.trx, {
      to: municipality.duty_service_email, language: 'nb',
      subject: translate('nb', 'reports.dutyAlert.subject', { reference }),
      text: translate('nb', 'reports.dutyAlert.body', { reference, unitName: staff.unit_name ?? '', phone: input.reporterPhone }),
    });
  }
  await queueDelivery(ctx.trx, id, now);
  return {
    id, reference, receivedAt: now, receivedOn: deadlines.receivedOn, reviewBy: deadlines.reviewBy, feedbackBy: deadlines.feedbackBy,
    dutyServicePhone: input.urgent ? municipality.duty_service_phone : null,
  };
}

/** The intake's queue: urgent first, then the oldest; the open ones, the overdue ones, or all. */
export async function intakeQueue(ctx: DataContext, view: 'open' | 'overdue' | 'all') {
  await authorize(ctx, { action: 'cwReportQueue.read', purpose: 'legal_duty' });
  const me = requireStaff(ctx);
  const now = ctx.services.clock.now();
  const today = osloDate(now);
  let query = reportsOf(ctx.trx).where('r.municipality_id', '=', me.municipalityId);
  if (view === 'open') query = query.where((w) => w.or([w('r.feedback_at', 'is', null), w.and([w('r.decision', '=', 'investigation'), w('r.final_feedback_at', 'is', null)])]));
  if (view === 'overdue') {
    query = query.where((w) => w.or([
      w.and([w('r.decided_at', 'is', null), w('r.review_by', '<', today)]),
      w.and([w('r.feedback_at', 'is', null), w('r.feedback_by', '<', today)]),
      w.and([w('r.investigation_ended_on', 'is', null), w('r.investigation_end_by', '<', today)]),
      w.and([w('r.final_feedback_at', 'is', null), w('r.final_feedback_by', '<', today)]),
    ]));
  }
  const rows = await query.orderBy('r.urgent', 'desc').orderBy('r.received_at').orderBy('r.id').limit(500).execute();
  await readChildren(ctx, rows, 'cwReportQueue.read', 'report_in_queue');
  const items = [];
  for (const r of rows) {
    items.push({
      id: r.id, reference: r.reference, urgent: r.urgent, receivedAt: r.received_at, status: statusOf(r),
      daysSinceReceipt: daysSince(r.received_on, today),
      child: { id: r.person_id, name: (r.content as ReportContent).child.name },
      reporter: { name: r.reporter_name, unitName: r.unit_name, unitType: r.unit_type },
      decision: r.decision, ...deadlinesOf(r, now),
    });
  }
  return { items };
}

/**
 * Records the read of each child a list names, once per child, under one of their reports: one the
 * family may see when there is one, so a report kept from the family hides only its own reads.
 */
async function readChildren(ctx: DataContext, rows: ReportRow[], action: 'cwReportQueue.read' | 'cwReport.list', reason: string) {
  const visibleFirst = [...rows].sort((a, b) => Number(b.family_may_see) - Number(a.family_may_see));
  for (const r of visibleFirst) readPeople(ctx, [r.person_id], { action, purpose: 'legal_duty', reason, entity: entityOf(r.id) });
}

function daysSince(from: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

async function loadForAction(ctx: DataContext, reportId: string, action: 'cwReport.read' | 'cwReport.handle'): Promise<ReportRow> {
  // The subject is read in the access decision's own query: an unknown id and someone else's
  // report are refused alike.
  await authorize(ctx, { action, purpose: 'legal_duty', entity: entityOf(reportId), ...aboutPerson(await subjectOf(ctx, 'child_welfare_report', reportId)) });
  const row = await reportRow(ctx.trx, reportId);
  // The guardians the report names are read under the same decision.
  const guardians = reportView(row, ctx.services.clock.now()).guardians.map((g) => g.personId);
  readPeople(ctx, guardians, { action, purpose: 'legal_duty', reason: 'guardian_in_report', entity: entityOf(reportId) });
  return row;
}

export async function getReport(ctx: DataContext, reportId: string) {
  return reportView(await loadForAction(ctx, reportId, 'cwReport.read'), ctx.services.clock.now());
}

export async function reportPdf(ctx: DataContext, reportId: string) {
  const r = await getReport(ctx, reportId);
  // A file is not scanned for the people it names: the guardians are recorded here.
  readPeople(ctx, r.guardians.map((g) => g.personId), { action: 'cwReport.read', purpose: 'legal_duty', reason: 'guardian_in_report', entity: entityOf(reportId) });
  const pdf = await renderReportPdf(ctx.lang, r);
  return sendPdf(ctx.reply, pdf, `${r.reference}.pdf`, 'inline');
}

/** Updates the report under the version the client read; a stale version or a repeated step is refused. */
async function update(ctx: DataContext, reportId: string, allowed: (r: ReportRow) => AppError | null, changes: (r: ReportRow, now: Date) => Record<string, unknown>) {
  const r = await loadForAction(ctx, reportId, 'cwReport.handle');
  checkVersion(ctx, r.version);
  const problem = allowed(r);
  if (problem) throw problem;
  const now = ctx.services.clock.now();
  const updated = await ctx.trx.updateTable('child_welfare_report').set({ ...changes(r, now), version: r.version + 1 })
    .where('id', '=', reportId).where('version', '=', r.version).executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'errors.conflict');
  return reportRow(ctx.trx, reportId);
}

const stepDone = () => new AppError('CONFLICT', 'reports.err.stepDone');

export async function acknowledge(ctx: DataContext, reportId: string) {
  const me = requireStaff(ctx);
  const r = await update(ctx, reportId, (r) => (r.acknowledged_at ? stepDone() : null), (_r, now) => ({ acknowledged_at: now, acknowledged_by: me.staffUserId }));
  await notify(ctx.trx, { recipient: { kind: 'staff', staffUserId: r.reporter_staff_id }, kind: 'cwReport.acknowledged', params: { reference: r.reference, date: formatDate(r.acknowledged_at!) }, link: REPORTER_LINK });
  return reportView(r, ctx.services.clock.now());
}

export async function decide(ctx: DataContext, reportId: string, decision: ReviewDecision, feedback: string) {
  const me = requireStaff(ctx);
  const r = await update(ctx, reportId,
    (r) => (!r.acknowledged_at ? new AppError('CONFLICT', 'reports.err.notAcknowledged') : r.decided_at ? stepDone() : null),
    (r, now) => ({
      decision, decided_at: now, decided_on: osloDate(now), decided_by: me.staffUserId, feedback_text: feedback, feedback_at: now,
      investigation_end_by: decision === 'investigation' ? investigationEndBy(r.received_on, false) : null,
    }));
  await notify(ctx.trx, { recipient: { kind: 'staff', staffUserId: r.reporter_staff_id }, kind: 'cwReport.feedback', params: { reference: r.reference }, link: REPORTER_LINK });
  return reportView(r, ctx.services.clock.now());
}

/** Extending the investigation to six months, or ending it and telling the reporter again. */
export async function investigationStep(ctx: DataContext, reportId: string, step: 'extend' | 'end', finalFeedback: string | undefined) {
  const r = await update(ctx, reportId,
    (r) => (r.decision !== 'investigation' ? new AppError('CONFLICT', 'reports.err.noInvestigation') : r.investigation_ended_on || (step === 'extend' && r.investigation_extended) ? stepDone() : null),
    (r, now) => step === 'extend'
      ? { investigation_extended: true, investigation_end_by: investigationEndBy(r.received_on, true) }
      : { investigation_ended_on: osloDate(now), final_feedback_by: finalFeedbackBy(osloDate(now)), final_feedback_text: finalFeedback ?? null, final_feedback_at: now });
  if (step === 'end') await notify(ctx.trx, { recipient: { kind: 'staff', staffUserId: r.reporter_staff_id }, kind: 'cwReport.finalFeedback', params: { reference: r.reference }, link: REPORTER_LINK });
  return reportView(r, ctx.services.clock.now());
}

/** The intake decides the family may now see that the report was sent (it was kept from them for the child's sake). */
export async function letFamilySee(ctx: DataContext, reportId: string) {
  const r = await update(ctx, reportId, (r) => (r.family_may_see ? stepDone() : null), () => ({ family_may_see: true }));
  return reportView(r, ctx.services.clock.now());
}

/** The reporter's own reports, with where each stands and the feedback given. */
export async function myReports(ctx: DataContext) {
  await authorize(ctx, { action: 'cwReport.list', purpose: 'legal_duty' });
  const me = requireStaff(ctx);
  const rows = await reportsOf(ctx.trx).where('r.reporter_staff_id', '=', me.staffUserId).orderBy('r.received_at', 'desc').orderBy('r.id').limit(500).execute();
  const now = ctx.services.clock.now();
  await readChildren(ctx, rows, 'cwReport.list', 'own_report');
  const items = [];
  for (const r of rows) {
    items.push({
      id: r.id, reference: r.reference, urgent: r.urgent, receivedAt: r.received_at, status: statusOf(r),
      child: { id: r.person_id, name: (r.content as ReportContent).child.name },
      acknowledgedAt: r.acknowledged_at,
      // A reporter from a public service learns whether an investigation was opened (§ 13-2).
      decision: r.decision, feedback: r.feedback_text, feedbackAt: r.feedback_at,
      investigationEndedOn: r.investigation_ended_on, finalFeedback: r.final_feedback_text,
      delivery: r.delivery_state,
      feedbackBy: r.feedback_by, feedbackOverdue: !r.feedback_at && isOverdue(r.feedback_by, now),
      finalFeedbackBy: r.final_feedback_by, finalFeedbackOverdue: r.final_feedback_by !== null && !r.final_feedback_at && isOverdue(r.final_feedback_by, now),
    });
  }
  return { items };
}

/** Min side: the reports the family may see, by which service and when; never their content. */
export async function familyReports(ctx: DataContext, personId: string) {
  await authorize(ctx, { action: 'cwReport.familyView', purpose: 'self_service', subject: { kind: 'person', id: personId } });
  const rows = await ctx.trx.selectFrom('child_welfare_report as r').leftJoin('service_unit as u', 'u.id', 'r.reporter_unit_id')
    .select(['r.id', 'r.received_at', 'u.name as unit_name', 'u.type_code'])
    .where('r.person_id', '=', personId).where('r.family_may_see', '=', true).orderBy('r.received_at', 'desc').execute();
  return { reports: rows.map((r) => ({ id: r.id, sentAt: r.received_at, unitName: r.unit_name, unitType: r.type_code })) };
}

