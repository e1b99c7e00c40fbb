// The report as every reader and job loads it: the row, the reporter's name and unit, the delivery.
import type { Tx } from '../../infra/db/database.ts';

export function reportsOf(trx: Tx) {
  return trx
    .selectFrom('child_welfare_report as r')
    .innerJoin('staff_user as s', 's.id', 'r.reporter_staff_id')
    .leftJoin('service_unit as u', 'u.id', 'r.reporter_unit_id')
    .leftJoin('child_welfare_report_delivery as d', 'd.report_id', 'r.id')
    .selectAll('r')
    .select(['s.display_name as reporter_name', 'u.name as unit_name', 'u.type_code as unit_type', 'd.channel as delivery_channel', 'd.state as delivery_state', 'd.attempts as delivery_attempts']);
}

export type ReportRow = Awaited<ReturnType<ReturnType<typeof reportsOf>['executeTakeFirstOrThrow']>>;

export async function reportRow(trx: Tx, id: string): Promise<ReportRow> {
  return reportsOf(trx).where('r.id', '=', id).executeTakeFirstOrThrow();
}
