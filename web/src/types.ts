// Response shapes of the API routes the front end uses (see server/modules/*/service.ts).
import type { Language, StaffRole } from '../../common/roles.ts';
import type { PageKey } from '../../common/pages.ts';

export interface StaffPrincipal {
  kind: 'staff';
  displayName: string;
  username: string;
  roles: StaffRole[];
  activeRole: StaffRole;
  serviceUnitId: string | null;
}

export interface CitizenPrincipal {
  kind: 'citizen';
  displayName: string;
}

export type Principal = StaffPrincipal | CitizenPrincipal;

/** What the signed-in user may do beyond one record (the server's navigationOf). */
export interface SessionAbilities {
  editTeams: boolean;
  readDevMailbox: boolean;
  seeEveryTeam: boolean;
  teamOverviews: boolean;
  indicatorsOnly: boolean;
}

export const NO_ABILITIES: SessionAbilities = { editTeams: false, readDevMailbox: false, seeEveryTeam: false, teamOverviews: false, indicatorsOnly: false };

export interface Me {
  principal: Principal | null;
  /** The pages the user may open, the start page first; the menu's pages; both from the server. */
  pages: PageKey[];
  menu: PageKey[];
  abilities: SessionAbilities;
  csrfToken: string | null;
  language: Language;
  signIn: { dev: boolean; staffOidc: boolean; citizenOidc: boolean };
}

export interface DevUser {
  username: string;
  displayName: string;
  kind: 'staff' | 'citizen';
  roles: string[];
  unitName: string | null;
}

export interface Municipality {
  id: string;
  code: string;
  name: string;
}

export interface ServiceUnitType {
  code: string;
  name: string;
  builtIn: boolean;
}

export interface ServiceUnit {
  id: string;
  name: string;
  typeCode: string;
  typeName: string;
  area: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
  version: number;
}

export interface Team {
  id: string;
  name: string;
  kind: string;
  ageFromMonths: number;
  ageToMonths: number;
  area: string | null;
  meetingPlace: string | null;
  description: string | null;
  leaderName: string | null;
  memberUnits: string[];
}

export interface StaffListItem {
  id: string;
  username: string;
  displayName: string;
  email: string;
  serviceUnitId: string | null;
  unitName: string | null;
  title: string | null;
  active: boolean;
  roles: StaffRole[];
}

export interface StaffDetails extends StaffListItem {
  phone: string | null;
  nationalId: string | null;
  language: Language;
  version: number;
}

export interface Person {
  id: string;
  nationalId: string | null;
  givenName: string;
  familyName: string;
  birthDate: string;
  kind: 'child' | 'pregnant' | 'adult' | string;
  expectedBirthDate: string | null;
  area: string | null;
  address: string | null;
  email: string | null;
  phone: string | null;
}

export interface Guardian extends Person {
  relation: 'mother' | 'father' | 'other' | string;
  parentalResponsibility: boolean;
  livesWithChild: boolean;
}

/** A guardian a professional entered by hand: only what they typed, until confirmed. */
export interface UnconfirmedRelation {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  relation: 'mother' | 'father' | 'other' | string;
  parentalResponsibility: boolean;
  livesWithChild: boolean;
  email: string | null;
  phone: string | null;
  status: 'unconfirmed' | 'rejected';
}

export interface PersonDetails extends Person {
  guardians: Guardian[];
  unconfirmedRelations?: UnconfirmedRelation[];
  /** For a signed-in citizen: what they decide for this person. */
  citizen: { decides: boolean; setsGuardianVisibility: boolean; guardiansSeeCase: boolean } | null;
}

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorKind: string;
  actorName: string | null;
  actorRole: string | null;
  actorUnit: string | null;
  subjectKind: string | null;
  subjectName: string | null;
  action: string;
  entityType: string | null;
  purpose: string | null;
  outcome: string;
  reason: string | null;
  /** Who acted, in words: "Ingrid Solheim, pedagogisk leder, Solsikken barnehage". */
  who: string;
  /** What was done, in the same words the family's access log uses. */
  what: string;
}

export interface AuditPage {
  events: AuditEvent[];
  page: number;
  hasMore: boolean;
}
