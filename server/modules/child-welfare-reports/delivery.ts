// Delivery of a report through an adapter: the national channel (KS Fiks IO) in production, here the
// database queue. The report is stored in Sammen first; delivery is a job of its own, so a channel
// that is down delays it and loses nothing: the job is retried with back-off, and every attempt and
// the channel's state (accepted, sent, delivered, refused) are on the report for the reporter and
// the intake to see.
import type { Db, Tx } from '../../infra/db/database.ts';
import { enqueue } from '../../infra/jobs/queue.ts';
import { systemReads } from '../access/person-reads.ts';
import { FIKS_PROTOCOL, fiksProblems, toFiks } from './fiks.ts';
import { renderReportPdf } from './pdf.ts';
import { reportRow } from './queries.ts';
import { reportView } from './view.ts';
import type { ReportContent } from './schema.ts';

export const DELIVERY_JOB = 'cwReports.deliver';
export const MAX_DELIVERY_ATTEMPTS = 8;

export type ChannelState = 'accepted' | 'sent' | 'delivered' | 'refused';

export interface DeliveryMessage {
  reportId: string;
  reference: string;
  protocol: string;
  json: unknown;
  pdf: Buffer;
}

/** A channel a report can be handed to; it answers with the state the channel reports. */
export interface DeliveryAdapter {
  channel: string;
  deliver(message: DeliveryMessage): Promise<ChannelState>;
}

/** The database queue: the document is kept on the delivery row, where the national channel's integration picks it up. */
export const databaseQueue: DeliveryAdapter = {
  channel: 'database',
  deliver: async () => 'accepted',
};

let adapter: DeliveryAdapter = databaseQueue;

/** Chooses the channel (at start-up; tests put in a failing one). */
export function setDeliveryAdapter(next: DeliveryAdapter): void {
  adapter = next;
}

export async function queueDelivery(trx: Tx, reportId: string, now: Date): Promise<void> {
  await trx.insertInto('child_welfare_report_delivery').values({ report_id: reportId, channel: adapter.channel, updated_at: now }).execute();
  await enqueue(trx, DELIVERY_JOB, { reportId }, { dedupeKey: `${DELIVERY_JOB}:${reportId}`, maxAttempts: MAX_DELIVERY_ATTEMPTS }, now);
}

/** Builds the national format for a report and checks it against the schema; a report that does not fit is a bug, not a retry. */
export async function exportReport(trx: Tx, reportId: string) {
  const r = await reportRow(trx, reportId);
  const facts = await trx.selectFrom('person as p').innerJoin('municipality as m', 'm.id', 'p.municipality_id')
    .select(['p.national_id', 'm.code', 'm.name']).where('p.id', '=', r.person_id).executeTakeFirstOrThrow();
  const json = toFiks({
    municipality: { code: facts.code, name: facts.name }, reporterRole: r.reporter_role, reporterPhone: r.reporter_phone,
    content: r.content as ReportContent, nationalId: facts.national_id, observedOn: r.observed_on, familyTold: r.family_told,
    notToldReason: r.not_told_reason, receivedAt: new Date(r.received_at),
  });
  const problems = fiksProblems(json);
  if (problems.length) throw new Error(`The report does not fit ${FIKS_PROTOCOL}: ${problems.join('; ')}`);
  return { row: r, json };
}

export async function deliverReport(db: Db, payload: unknown, now: Date): Promise<void> {
  const reportId = (payload as { reportId?: unknown }).reportId;
  if (typeof reportId !== 'string') throw new Error('cwReports.deliver: no report id');
  try {
    await db.transaction().execute(async (trx) => {
      const { row, json } = await exportReport(trx, reportId);
      const pdf = await renderReportPdf('nb', reportView(row, now));
      const state = await adapter.deliver({ reportId, reference: row.reference, protocol: FIKS_PROTOCOL, json, pdf });
      // Handing the report on is Sammen reading the child's data, for the family's log.
      await systemReads(trx).read(row.person_id, { action: 'cwReport.deliver', purpose: 'legal_duty', reason: `channel:${adapter.channel}`, entity: { type: 'child_welfare_report', id: reportId } });
      await trx.updateTable('child_welfare_report_delivery')
        .set((eb) => ({ state, channel: adapter.channel, attempts: eb('attempts', '+', 1), last_error: null, payload: JSON.stringify(json), updated_at: now }))
        .where('report_id', '=', reportId).execute();
    });
  } catch (error) {
    // Shown on the report while the queue tries again; the job's own record keeps the attempts.
    await db.updateTable('child_welfare_report_delivery')
      .set((eb) => ({ state: 'failed', attempts: eb('attempts', '+', 1), last_error: (error as Error).message.slice(0, 2000), updated_at: now }))
      .where('report_id', '=', reportId).execute();
    throw error;
  }
}
