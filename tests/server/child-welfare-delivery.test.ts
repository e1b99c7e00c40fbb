// The background work on reports to child welfare: reminders before the review deadline reach the
// intake once, even from two job runners at the same moment; a missed deadline is escalated to the
// intake's leader once; and delivery to the national channel is validated against the channel's
// own JSON Schema (KS Fiks IO no.ks.fiks.bekymringsmelding.offentlig.v2), retried after a failure
// and never lost, with the channel's state shown to the reporter.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { testClock, today } from '../support/clock.ts';
import { involvedChild, staffIdentity, type PersonName } from '../support/factories.ts';
import { addDays } from '../../common/dates.ts';
import { Worker } from '../../server/infra/jobs/queue.ts';
import { databaseQueue, deliverReport, DELIVERY_JOB, exportReport, setDeliveryAdapter, type DeliveryMessage } from '../../server/modules/child-welfare-reports/delivery.ts';
import { fiksProblems } from '../../server/modules/child-welfare-reports/fiks.ts';
import { sendReportReminders } from '../../server/modules/child-welfare-reports/jobs.ts';

let t: TestApp;
let henrik: Client; // fagperson.skole
let anders: Client; // barnevern.mottak
let child: PersonName; // one the teacher is involved with

/** Noon in Oslo on the date `days` from today: the hour the reminder job happens to run does not matter. */
const onDay = (days: number) => new Date(`${addDays(today(), days)}T11:00:00Z`);
/** The notices of `kind` about the report with `reference`. */
const notices = async (kind: string, reference: string) =>
  (await t.database.db.selectFrom('notification').select(sql<number>`count(*)::int`.as('n')).where('kind', '=', kind).where('params', '@>', sql`${JSON.stringify({ reference })}::jsonb` as never).executeTakeFirstOrThrow()).n;

/** A report the teacher sends about the child. */
async function sendReport(): Promise<{ id: string; reference: string }> {
  const sent = await henrik.post(`/api/people/${child.id}/child-welfare-reports`, {
    description: 'Eleven sier at han er redd for å gå hjem.', observedOn: today(), urgent: false, familyTold: true, legalBasis: 'child_welfare_act', reporterPhone: '+47 987 65 432',
  });
  expect(sent.statusCode, sent.body).toBe(201);
  return { id: sent.json().id, reference: sent.json().reference };
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [henrik, anders] = await Promise.all([signedIn(t.app, 'fagperson.skole'), signedIn(t.app, 'barnevern.mottak')]);
  child = await involvedChild(henrik);
});
afterAll(async () => {
  await t?.close();
});
afterEach(() => {
  setDeliveryAdapter(databaseQueue);
});

describe('reminders and escalation', { tags: ['calendar'] }, () => {
  it('reminds the intake two days before the review deadline, once, though two runners run at the same moment', async () => {
    const { reference } = await sendReport();
    await sendReportReminders(t.database.db, onDay(4));
    expect(await notices('cwReport.reviewDue', reference)).toBe(0);
    await Promise.all([sendReportReminders(t.database.db, onDay(5)), sendReportReminders(t.database.db, onDay(5))]);
    // One intake user in the demo: one reminder; the next hour's run adds none.
    expect(await notices('cwReport.reviewDue', reference)).toBe(1);
    await sendReportReminders(t.database.db, onDay(6));
    expect(await notices('cwReport.reviewDue', reference)).toBe(1);
  });

  it('escalates a missed review deadline to the intake\'s leader once, the day after it', async () => {
    const { reference } = await sendReport();
    await sendReportReminders(t.database.db, onDay(7));
    expect(await notices('cwReport.overdue', reference)).toBe(0);
    await Promise.all([sendReportReminders(t.database.db, onDay(8)), sendReportReminders(t.database.db, onDay(8))]);
    expect(await notices('cwReport.overdue', reference)).toBe(1);
    await sendReportReminders(t.database.db, onDay(9));
    expect(await notices('cwReport.overdue', reference)).toBe(1);
    // The feedback deadline, three weeks on, is escalated on its own.
    await sendReportReminders(t.database.db, onDay(22));
    expect(await notices('cwReport.overdue', reference)).toBe(2);
  });
});

describe('delivery to the national channel', () => {
  it('exports the report in the channel\'s own format, valid against its JSON Schema', async () => {
    const report = await sendReport();
    const reporter = await staffIdentity(t.database.db, henrik);
    const { json } = await t.database.db.transaction().execute((trx) => exportReport(trx, report.id));
    expect(fiksProblems(json)).toEqual([]);
    expect(json).toMatchObject({
      kommunenummer: '9901', kommunenavn: 'Fjordvik kommune',
      offentligMelder: { personnavn: reporter.displayName, telefonnummer: '+47 987 65 432', virksomhet: { navn: reporter.unitName } },
      offentligBarn: [{ personnavn: `${child.givenName} ${child.familyName}`, orientert: true, ufoedt: false }],
      melding: { melding: expect.stringContaining('redd for å gå hjem') },
    });
    // The validator is not a formality: the schema refuses a report without its message or with a bad phone number.
    const { melding: _dropped, ...withoutMessage } = json;
    expect(fiksProblems(withoutMessage)).toEqual(["/ must have required property 'melding'"]);
    expect(fiksProblems({ ...json, offentligMelder: { ...json.offentligMelder, telefonnummer: 'ring meg' } }).length).toBe(1);
  });

  it('retries a failed delivery and shows its state; nothing is lost', async () => {
    const { id: reportId, reference: ref } = await sendReport();
    const handed: DeliveryMessage[] = [];
    let failures = 1;
    // The queue also holds the other tests' reports: only this one fails, and only this one is counted.
    setDeliveryAdapter({
      channel: 'fiks-io',
      deliver: async (message) => {
        if (message.reference !== ref) return 'delivered';
        if (failures-- > 0) throw new Error('Fiks IO svarte ikke');
        handed.push(message);
        return 'delivered';
      },
    });
    const worker = new Worker(t.database.db, { [DELIVERY_JOB]: deliverReport });
    const now = testClock.now();
    await worker.drain(now);
    const failed = (await henrik.get('/api/child-welfare/reports/mine')).json().items.find((r: { id: string }) => r.id === reportId);
    expect(failed.delivery).toBe('failed');
    const job = await t.database.db.selectFrom('job').select(['status', 'attempts']).where('dedupe_key', '=', `${DELIVERY_JOB}:${reportId}`).executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'pending', attempts: 1 });
    // The queue tries again after its back-off.
    await worker.drain(new Date(now.getTime() + 10 * 60_000));
    expect(handed.map((m) => [m.reference, m.protocol])).toEqual([[ref, 'no.ks.fiks.bekymringsmelding.offentlig.v2']]);
    expect(handed[0]!.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(fiksProblems(handed[0]!.json)).toEqual([]);
    const delivered = (await anders.get(`/api/child-welfare/reports/${reportId}`)).json().delivery;
    expect(delivered).toEqual({ channel: 'fiks-io', state: 'delivered', attempts: 2 });
  });

  it('validates every report in the database, the demo\'s included', async () => {
    await sendReport();
    const ids = await t.database.db.selectFrom('child_welfare_report').select('id').execute();
    expect(ids.length).toBeGreaterThan(1);
    for (const { id } of ids) {
      const { json } = await t.database.db.transaction().execute((trx) => exportReport(trx, id));
      expect(fiksProblems(json), id).toEqual([]);
    }
  });
});
