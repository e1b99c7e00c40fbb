// The facts access rules are decided on — involvement, guardianship, the subject person, the
// consents, the user's unit — loaded once per request and shared by every decision in it (an
// authorize(), the abilities of the resource, the relay log's categories). A write in the request
// (other than its own audit rows) empties them, so a decision after e.g. a new involvement sees it.
import type { Db } from '../../infra/db/database.ts';
import { sql } from 'kysely';
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
      const row = await this.trx.selectNoFrom((eb) => [
        eb.selectFrom('involvement').select('kind').where('person_id', '=', personId).where('staff_user_id', '=', staffUserId).where('ended_at', 'is', null).limit(1).as('involvement'),
        eb.selectFrom('service_unit').select('type_code').where('id', '=', unitId).as('unit_type'),
        eb.selectFrom('service_unit').select('active').where('id', '=', unitId).as('unit_active'),
        consentsForAccessJson(personId).as('consents'),
        sql<boolean>`exists (select 1 from transition t join help_case c on c.id = t.case_id where c.person_id = ${personId} and t.to_unit_id = ${unitId} and t.status <> 'cancelled')`.as('receiver'),
      ]).executeTakeFirstOrThrow();
      this.seed(`involvement:${staffUserId}:${personId}`, row.involvement ?? null);
      if (unitId) {
        this.seed(`unit:${unitId}`, row.unit_type ? { id: unitId, typeCode: row.unit_type, active: row.unit_active ?? false } : null);
        this.seed(`transition:${personId}:${unitId}`, row.receiver);
      }
      this.seed(`consents:${personId}`, consentsFromJson(row.consents));
    });
  }

  /** What a citizen's view of a person rests on — the guardianship and the person — in one statement. */
  citizenView(citizenPersonId: string, personId: string): Promise<void> {
    return this.once(`citizenView:${citizenPersonId}:${personId}`, async () => {
      const row = await this.trx.selectFrom('person as p').innerJoin('municipality as m', 'm.id', 'p.municipality_id')
        .leftJoin('guardianship as g', (join) => join.onRef('g.child_id', '=', 'p.id').on('g.guardian_id', '=', citizenPersonId))
        .select(['p.id', 'p.kind', 'p.birth_date', 'p.municipality_id', 'p.guardians_see_case', 'm.consent_age', 'm.consent_age_child_welfare', 'g.parental_responsibility'])
        .where('p.id', '=', personId).executeTakeFirst();
      this.seed(`person:${personId}`, row
        ? { id: row.id, kind: row.kind, birthDate: row.birth_date, municipalityId: row.municipality_id, guardiansSeeCase: row.guardians_see_case, consentAge: row.consent_age, consentAgeChildWelfare: row.consent_age_child_welfare }
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
        .select(['p.id', 'p.kind', 'p.birth_date', 'p.municipality_id', 'p.guardians_see_case', 'm.consent_age', 'm.consent_age_child_welfare'])
        .where('p.id', '=', personId).executeTakeFirst();
      return row
        ? { id: row.id, kind: row.kind, birthDate: row.birth_date, municipalityId: row.municipality_id, guardiansSeeCase: row.guardians_see_case, consentAge: row.consent_age, consentAgeChildWelfare: row.consent_age_child_welfare }
        : null;
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

  team(teamId: string): Promise<{ municipalityId: string; kind: string; leaderStaffUserId: string | null } | null> {
    return this.once(`team:${teamId}`, async () => {
      const row = await this.trx.selectFrom('team').select(['municipality_id', 'kind', 'leader_staff_user_id']).where('id', '=', teamId).executeTakeFirst();
      return row ? { municipalityId: row.municipality_id, kind: row.kind, leaderStaffUserId: row.leader_staff_user_id } : null;
    });
  }
}
