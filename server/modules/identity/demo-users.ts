// The fixed demo log-ins. The development sign-in opens only these (service.ts), the documentation
// and the browser tests name them, so they never change; the demo generator (server/demo/generate.ts)
// creates them. They live here, not in server/demo, because a module never imports the demo.
import type { StaffRole } from '../../../common/roles.ts';

export interface DemoStaffUser {
  username: string;
  displayName: string;
  title: string;
  roles: readonly StaffRole[];
  /** The service unit's name, as created by the generator (see organisation.ts). */
  unitName: string;
}

export const DEMO_STAFF = [
  {
    username: 'fagperson.barnehage',
    displayName: 'Ingrid Solheim',
    title: 'Pedagogisk leder',
    roles: ['professional'],
    unitName: 'Solsikken barnehage',
  },
  {
    username: 'fagperson.skole',
    displayName: 'Henrik Aasen',
    title: 'Kontaktlærer',
    roles: ['professional'],
    unitName: 'Fjellbekken skole',
  },
  {
    username: 'helsesykepleier',
    displayName: 'Kari Nygård',
    title: 'Helsesykepleier',
    roles: ['professional'],
    unitName: 'Helsestasjon Nord',
  },
  {
    username: 'teamleder',
    displayName: 'Tone Haugland',
    title: 'Rektor',
    roles: ['team_leader', 'team_member'],
    unitName: 'Fjellbekken skole',
  },
  {
    username: 'teammedlem',
    displayName: 'Lars Eide',
    title: 'PP-rådgiver',
    roles: ['team_member', 'professional'],
    unitName: 'PP-tjenesten',
  },
  {
    username: 'koordinator',
    displayName: 'Marte Lunde',
    title: 'Familieterapeut og koordinator',
    roles: ['coordinator', 'professional'],
    unitName: 'Psykisk helseteam for barn og unge',
  },
  {
    username: 'barnevern.mottak',
    displayName: 'Anders Moe',
    title: 'Saksbehandler, mottak',
    roles: ['child_welfare_intake'],
    unitName: 'Barnevernstjenesten',
  },
  {
    username: 'koordinerende.enhet',
    displayName: 'Hanne Strand',
    title: 'Leder, Koordinerende enhet',
    roles: ['coordinating_unit'],
    unitName: 'Koordinerende enhet',
  },
  {
    username: 'sbu.koordinator',
    displayName: 'Eirik Bakken',
    title: 'Koordinator for Sammen for barn og unge',
    roles: ['sbu_coordinator'],
    unitName: 'Kommuneadministrasjonen',
  },
  {
    username: 'analytiker',
    displayName: 'Nora Vik',
    title: 'Analytiker',
    roles: ['analyst'],
    unitName: 'Kommuneadministrasjonen',
  },
  {
    username: 'administrator',
    displayName: 'Per Johansen',
    title: 'Systemansvarlig',
    roles: ['administrator'],
    unitName: 'Kommuneadministrasjonen',
  },
  {
    username: 'revisor',
    displayName: 'Silje Dahl',
    title: 'Personvernombud',
    roles: ['auditor'],
    unitName: 'Kommuneadministrasjonen',
  },
  {
    username: 'jordmor',
    displayName: 'Guro Lien',
    title: 'Jordmor',
    roles: ['midwife'],
    unitName: 'Helsestasjon Nord',
  },
  {
    username: 'nav.veileder',
    displayName: 'Arne Brekke',
    title: 'Familiekoordinator',
    roles: ['professional'],
    unitName: 'NAV Fjordvik',
  },
] as const satisfies readonly DemoStaffUser[];

export type DemoStaffUsername = (typeof DEMO_STAFF)[number]['username'];

export interface DemoCitizen {
  username: string;
  displayName: string;
  /** Who this is in the demo, for the sign-in page and the docs (Norwegian, as the users see it). */
  description: string;
}

// The demo families have fixed names and birth dates (see DEMO_FAMILIES in population.ts); the
// generated population around them follows the seed.
export const DEMO_CITIZENS = [
  {
    username: 'forelder',
    displayName: 'Sofie Nordli',
    description: 'Mor med foreldreansvar for Emma (5 år, Solsikken barnehage) og Jonas (9 år, Fjellbekken skole)',
  },
  {
    username: 'forelder.uten.ansvar',
    displayName: 'Martin Berg',
    description: 'Far til Emma og Jonas, uten foreldreansvar og bor ikke med barna',
  },
  {
    username: 'ungdom',
    displayName: 'Sander Holm',
    description: 'Ungdom, 16 år, Fjordvik videregående skole',
  },
  {
    username: 'ungdom.15',
    displayName: 'Maja Kristiansen',
    description: 'Ungdom, 15 år, Nordheim ungdomsskole',
  },
  {
    username: 'ungdom.17',
    displayName: 'Ida Johnsen',
    description: 'Ungdom, 17 år, fyller 18 om snaut fire uker; følges av Psykisk helseteam for angst og rus',
  },
  {
    username: 'gravid',
    displayName: 'Hanna Sæther',
    description: 'Gravid, termin om snaut tre måneder, følges av Helsestasjon Nord',
  },
] as const satisfies readonly DemoCitizen[];

export type DemoCitizenUsername = (typeof DEMO_CITIZENS)[number]['username'];
