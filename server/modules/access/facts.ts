// The facts access rules are decided on — involvement, guardianship, the subject person, the
// consents, the user's unit — loaded once per request and shared by every decision in it (an
// authorize(), the abilities of the resource, the relay log's categories). A write in the request
// (other than its own audit rows) empties them, so a decision after e.g. a new involvement sees it.
import type { Db } from '../../infra/db/database.ts';
import { sql, type RawBuilder } from 'kysely';
import { consentsForAccessJson, consentsFromJson, loadConsentsForAccess } from '../consent/queries.ts';
import type { ConsentForAccess } from '../consent/rules.ts';

export interface SubjectPerson {
  id: string;
  kind: string;
  birthDate: string;
  municipalityId: string;
  guardiansSeeCase: boolean;
  /** The municipality's consent ages: from them a youth decides alone (consent/rules.ts, decidesAlone). */
  consentAge: number;
  consentAgeChildWelfare: number;
}

export interface UnitFacts {
  id: string;
  typeCode: string;
  active: boolean;
}

/**
 * The records a request names by their own id, and where each says whose it is: a handler names the
 * subject of its decision with subjectOf() before it may read the record (access/gate.ts).
 */
const SUBJECT_OF = {
  help_case: 'person_id',
  child_welfare_report: 'person_id',
  consent: 'subject_id',
  individual_plan: 'person_id',
  plan_request: 'person_id',
  coordinator_assignment: 'person_id',
  after_care: 'person_id',
  team_meeting: 'person_id',
  referral: 'person_id',
  screening: 'person_id',
  access_request: 'person_id',
  relation_claim: 'child_id',
  // Records of a case: the case's person.
  action_item: 'case_id',
  relay_handover: 'case_id',
} as const;

export type SubjectRecord = keyof typeof SUBJECT_OF;

/** What a professional's way into a person's case rests on, as columns of one statement (the person given as SQL). */
function staffCaseFacts(staffUserId: string, unitId: string | null, personId: RawBuilder<string>) {
  return [
    sql<string | null>`(select kind from involvement where person_id = ${personId} and staff_user_id = ${staffUserId} and ended_at is null limit 1)`.as('involvement'),
    sql<string | null>`(select type_code from service_unit where id = ${unitId})`.as('unit_type'),
    sql<boolean | null>`(select active from service_unit where id = ${unitId})`.as('unit_active'),
    consentsForAccessJson(personId).as('consents'),
    sql<boolean>`exists (select 1 from transition t join help_case c on c.id = t.case_id where c.person_id = ${personId} and t.to_unit_id = ${unitId} and t.status <> 'cancelled')`.as('receiver'),
  ] as const;
}

/** What the rules need of a person (person as p, joined to municipality as m), and the facts made of it. */
const SUBJECT_PERSON_COLUMNS = ['p.id', 'p.kind', 'p.birth_date', 'p.municipality_id', 'p.guardians_see_case', 'm.consent_age', 'm.consent_age_child_welfare'] as const;

function subjectPersonOf(row: { id: string; kind: SubjectPerson['kind']; birth_date: string; municipality_id: string; guardians_see_case: boolean; consent_age: number; consent_age_child_welfare: number }): SubjectPerson {
  return { id: row.id, kind: row.kind, birthDate: row.birth_date, municipalityId: row.municipality_id, guardiansSeeCase: row.guardians_see_case, consentAge: row.consent_age, consentAgeChildWelfare: row.consent_age_child_welfare };
}

export class AccessFacts {
  private readonly memo = new Map<string, Promise<unknown>>();

  /** The request's transaction; outside a request (the session answer) the database: rules only read. */
  readonly trx: Db;

  constructor(trx: Db) {
    this.trx = trx;
  }

  /** Forgets what was loaded: called when the request writes. */
  forget(): void {
    this.memo.clear();
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let found = this.memo.get(key) as Promise<T> | undefined;
    if (!found) {
      found = load();
      this.memo.set(key, found);
    }
    return found;
  }

  private seed(key: string, value: unknown): void {
    if (!this.memo.has(key)) this.memo.set(key, Promise.resolve(value));
  }

  /**
   * What a professional's way into a person's case rests on — the involvement, the user's unit, the
   * person's consents, whether the unit receives the person at a transition — in one statement.
   */
  staffCase(staffUserId: string, unitId: string | null, personId: string): Promise<void> {
    return this.once(`staffCase:${staffUserId}:${unitId ?? ''}:${personId}`, async () => {
      const row = await this.trx.selectNoFrom(staffCaseFacts(staffUserId, unitId, sql<string>`${personId}::uuid`)).executeTakeFirstOrThrow();
      this.seedStaffCase(staffUserId, unitId, personId, row);
    });
  }

  /**
   * The person of a case and, for a professional, the same facts as staffCase(), in one statement: a
   * case's routes name their subject before they may read the case (gate.ts), at no extra round trip.
   */
  staffCaseOf(staffUserId: string, unitId: string | null, caseId: string): Promise<string | null> {
    return this.once(`subject:help_case:${caseId}`, async () => {
      const row = await this.trx.selectFrom('help_case')
        .select(['help_case.person_id', ...staffCaseFacts(staffUserId, unitId, sql<string>`help_case.person_id`)])
        .where('help_case.id', '=', caseId).executeTakeFirst();
      if (!row) return null;
      this.seed(`staffCase:${staffUserId}:${unitId ?? ''}:${row.person_id}`, undefined);
      this.seedStaffCase(staffUserId, unitId, row.person_id, row);
      return row.person_id;
    });
  }

  private seedStaffCase(staffUserId: string, unitId: string | null, personId: string, row: { involvement: string | null; unit_type: string | null; unit_active: boolean | null; consents: unknown; receiver: boolean }): void {
    this.seed(`involvement:${staffUserId}:${personId}`, row.involvement ?? null);
    if (unitId) {
      this.seed(`unit:${unitId}`, row.unit_type ? { id: unitId, typeCode: row.unit_type, active: row.unit_active ?? false } : null);
      this.seed(`transition:${personId}:${unitId}`, row.receiver);
    }
    this.seed(`consents:${personId}`, consentsFromJson(row.consents as Parameters<typeof consentsFromJson>[0]));
  }

  /** What a citizen's view of a person rests on — the guardianship and the person — in one statement. */
  citizenView(citizenPersonId: string, personId: string): Promise<void> {
    return this.once(`citizenView:${citizenPersonId}:${personId}`, async () => {
      const row = await this.trx.selectFrom('person as p').innerJoin('municipality as m', 'm.id', 'p.municipality_id')
        .leftJoin('guardianship as g', (join) => join.onRef('g.child_id', '=', 'p.id').on('g.guardian_id', '=', citizenPersonId))
        .select([...SUBJECT_PERSON_COLUMNS, 'g.parental_responsibility'])
        .where('p.id', '=', personId).executeTakeFirst();
      this.seed(`person:${personId}`, row
        ? subjectPersonOf(row)
        : null);
      this.seed(`guardianship:${citizenPersonId}:${personId}`, row?.parental_responsibility == null ? null : { parentalResponsibility: row.parental_responsibility });
    });
  }

  /** The kind of the staff user's current involvement with the person, or null. */
  involvement(staffUserId: string, personId: string): Promise<string | null> {
    return this.once(`involvement:${staffUserId}:${personId}`, async () => {
      const row = await this.trx.selectFrom('involvement').select('kind')
        .where('person_id', '=', personId).where('staff_user_id', '=', staffUserId).where('ended_at', 'is', null)
        .executeTakeFirst();
      return row?.kind ?? null;
    });
  }

  /** Whether the guardian has parental responsibility for the child; null when not a guardian. */
  guardianship(guardianId: string, childId: string): Promise<{ parentalResponsibility: boolean } | null> {
    return this.once(`guardianship:${guardianId}:${childId}`, async () => {
      const row = await this.trx.selectFrom('guardianship').select('parental_responsibility')
        .where('child_id', '=', childId).where('guardian_id', '=', guardianId).executeTakeFirst();
      return row ? { parentalResponsibility: row.parental_responsibility } : null;
    });
  }

  person(personId: string): Promise<SubjectPerson | null> {
    return this.once(`person:${personId}`, async () => {
      const row = await this.trx.selectFrom('person as p').innerJoin('municipality as m', 'm.id', 'p.municipality_id')
        .select(SUBJECT_PERSON_COLUMNS)
        .where('p.id', '=', personId).executeTakeFirst();
      return row
        ? subjectPersonOf(row)
        : null;
    });
  }

  /**
   * The person, and who of the family has an account: the person, and the guardians with parental
   * responsibility (familyDeciders picks among them by age), in one statement.
   */
  familyWithAccounts(personId: string): Promise<{ person: SubjectPerson; selfHasAccount: boolean; guardiansWithAccount: string[] } | null> {
    return this.once(`familyWithAccounts:${personId}`, async () => {
      const row = await this.trx.selectFrom('person as p').innerJoin('municipality as m', 'm.id', 'p.municipality_id')
        .select(SUBJECT_PERSON_COLUMNS)
        .select([
          sql<boolean>`exists (select 1 from citizen_account a where a.person_id = p.id)`.as('self_has_account'),
          sql<string[]>`(select coalesce(json_agg(g.guardian_id order by g.guardian_id), '[]'::json) from guardianship g join citizen_account a on a.person_id = g.guardian_id
            where g.child_id = p.id and g.parental_responsibility)`.as('guardians_with_account'),
        ])
        .where('p.id', '=', personId).executeTakeFirst();
      if (!row) return null;
      const person = subjectPersonOf(row);
      this.seed(`person:${personId}`, person);
      return { person, selfHasAccount: row.self_has_account, guardiansWithAccount: row.guardians_with_account };
    });
  }

  unit(unitId: string | null): Promise<UnitFacts | null> {
    if (!unitId) return Promise.resolve(null);
    return this.once(`unit:${unitId}`, async () => {
      const row = await this.trx.selectFrom('service_unit').select(['id', 'type_code', 'active']).where('id', '=', unitId).executeTakeFirst();
      return row ? { id: row.id, typeCode: row.type_code, active: row.active } : null;
    });
  }

  consents(personId: string): Promise<ConsentForAccess[]> {
    return this.once(`consents:${personId}`, () => loadConsentsForAccess(this.trx, personId));
  }

  /** Whether the unit receives the person at a planned or completed transition. */
  transitionReceiver(personId: string, unitId: string): Promise<boolean> {
    return this.once(`transition:${personId}:${unitId}`, async () => {
      const row = await this.trx.selectFrom('transition as t').innerJoin('help_case as c', 'c.id', 't.case_id').select('t.id')
        .where('c.person_id', '=', personId).where('t.to_unit_id', '=', unitId).where('t.status', '<>', 'cancelled').executeTakeFirst();
      return row !== undefined;
    });
  }

  /** The relay holder of the person's open case, or undefined when there is none. */
  relayHolder(personId: string): Promise<string | undefined> {
    return this.once(`holder:${personId}`, async () => {
      const row = await this.trx.selectFrom('help_case').select('relay_holder_id').where('person_id', '=', personId).where('closed_at', 'is', null).executeTakeFirst();
      return row?.relay_holder_id;
    });
  }

  /** The person a record belongs to (null when it names none, or does not exist): the id only. */
  subjectOf(table: SubjectRecord, id: string): Promise<string | null> {
    return this.once(`subject:${table}:${id}`, async () => {
      const column = SUBJECT_OF[table];
      const row = column === 'case_id'
        ? await sql<{ person: string | null }>`select c.person_id as person from ${sql.table(table)} r join help_case c on c.id = r.case_id where r.id = ${id}`.execute(this.trx)
        : await sql<{ person: string | null }>`select ${sql.ref(column)} as person from ${sql.table(table)} where id = ${id}`.execute(this.trx);
      return row.rows[0]?.person ?? null;
    });
  }

  team(teamId: string): Promise<{ municipalityId: string; kind: string; leaderStaffUserId: string | null } | null> {
    return this.once(`team:${teamId}`, async () => {
      const row = await this.trx.selectFrom('team').select(['municipality_id', 'kind', 'leader_staff_user_id']).where('id', '=', teamId).executeTakeFirst();
      return row ? { municipalityId: row.municipality_id, kind: row.kind, leaderStaffUserId: row.leader_staff_user_id } : null;
    });
  }
}
