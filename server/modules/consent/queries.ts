// Reads of consent data shared by the access module and the consent service.
import { sql, type RawBuilder } from 'kysely';
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

/**
 * A person's consents with their recipients as one JSON value: a sub-select for statements that load
 * more with them. `ownOnly`: only those the person gave themself (as a youth or an adult).
 */
export function consentsForAccessJson(personId: string | RawBuilder<string>, ownOnly = false): RawBuilder<ConsentJson[] | string> {
  return sql<ConsentJson[] | string>`(
    select coalesce(json_agg(json_build_object(
      'validFrom', c.valid_from, 'validTo', c.valid_to, 'withdrawnAt', c.withdrawn_at,
      'awaiting', cardinality(c.awaiting_person_ids), 'purposes', c.purposes, 'categories', c.categories,
      'unitIds', (select coalesce(json_agg(r.service_unit_id), '[]'::json) from consent_recipient r where r.consent_id = c.id and r.service_unit_id is not null),
      'unitTypes', (select coalesce(json_agg(r.unit_type_code), '[]'::json) from consent_recipient r where r.consent_id = c.id and r.unit_type_code is not null)
    )), '[]'::json)
    from consent c where c.subject_id = ${personId}
      and (${!ownOnly} or exists (select 1 from consent_giver g where g.consent_id = c.id and g.person_id = c.subject_id))
  )`;
}

export interface ConsentJson {
  validFrom: string;
  validTo: string;
  withdrawnAt: string | null;
  awaiting: number;
  purposes: string[];
  categories: string[];
  unitIds: string[];
  unitTypes: string[];
}

/** The consents as the access rules read them, from consentsForAccessJson (a driver may hand JSON over as text). */
export function consentsFromJson(value: ConsentJson[] | string | null): ConsentForAccess[] {
  const list: ConsentJson[] = typeof value === 'string' ? (JSON.parse(value) as ConsentJson[]) : value ?? [];
  return list.map((c) => ({
    validFrom: c.validFrom,
    validTo: c.validTo,
    withdrawnAt: c.withdrawnAt ? new Date(c.withdrawnAt) : null,
    awaitingSignature: c.awaiting > 0,
    purposes: c.purposes,
    categories: c.categories,
    recipientUnitIds: c.unitIds,
    recipientUnitTypes: c.unitTypes,
  }));
}

/** A person's consents and their recipients, in one statement. */
export async function loadConsentsForAccess(db: Db | Tx, personId: string, ownOnly = false): Promise<ConsentForAccess[]> {
  const row = await db.selectNoFrom(consentsForAccessJson(personId, ownOnly).as('consents')).executeTakeFirstOrThrow();
  return consentsFromJson(row.consents);
}
