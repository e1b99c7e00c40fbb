// Reads of consent data shared by the access module and the consent service.
import type { Db, Tx } from '../../infra/db/database.ts';
import type { ConsentForAccess, ConsentSettings } from './rules.ts';

export async function loadConsentSettings(db: Db | Tx, municipalityId: string): Promise<ConsentSettings> {
  const row = await db
    .selectFrom('municipality')
    .select(['consent_age', 'consent_age_child_welfare', 'guardian_consent_rule'])
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return { consentAge: row.consent_age, consentAgeChildWelfare: row.consent_age_child_welfare, guardianRule: row.guardian_consent_rule };
}

export async function loadConsentsForAccess(db: Db | Tx, personId: string): Promise<ConsentForAccess[]> {
  const consents = await db
    .selectFrom('consent')
    .select(['id', 'purposes', 'categories', 'valid_from', 'valid_to', 'withdrawn_at', 'awaiting_person_ids'])
    .where('subject_id', '=', personId)
    .execute();
  if (consents.length === 0) return [];
  const recipients = await db
    .selectFrom('consent_recipient')
    .select(['consent_id', 'service_unit_id', 'unit_type_code'])
    .where('consent_id', 'in', consents.map((c) => c.id))
    .execute();
  return consents.map((c) => ({
    validFrom: c.valid_from,
    validTo: c.valid_to,
    withdrawnAt: c.withdrawn_at ? new Date(c.withdrawn_at) : null,
    awaitingSignature: c.awaiting_person_ids.length > 0,
    purposes: c.purposes,
    categories: c.categories,
    recipientUnitIds: recipients.filter((r) => r.consent_id === c.id && r.service_unit_id).map((r) => r.service_unit_id!),
    recipientUnitTypes: recipients.filter((r) => r.consent_id === c.id && r.unit_type_code).map((r) => r.unit_type_code!),
  }));
}
