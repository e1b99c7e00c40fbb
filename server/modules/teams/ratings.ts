// The family's rating after every meeting (brukeropplevd nytte). Work in progress.
import type { Tx } from '../../infra/db/database.ts';

// Called by the lead inside the transaction that closes a case meeting: offers every family
// participant (guardian or youth) a rating link.
export async function offerRating(trx: Tx, meetingId: string): Promise<void> {
  void trx;
  void meetingId;
}
