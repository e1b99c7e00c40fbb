// The organisation of the fictional Fjordvik kommune: service units, the generated staff posts and
// the teams of the collaboration model in seed 003 ("Ny modell for tverrfaglig samhandling").
// Everything here is fixed; only the names of the generated staff come from the seed.

export const MUNICIPALITY = { code: '9901', name: 'Fjordvik kommune' } as const;
export const EMAIL_DOMAIN = 'fjordvik.kommune.no';

/** The areas (bydeler); a unit's area decides which early-intervention team is proposed. */
export const AREAS = ['Nord', 'Sentrum', 'Sør'] as const;
export type Area = (typeof AREAS)[number];

export interface UnitSpec {
  type: string;
  name: string;
  area: Area | null;
  /** Local part of the unit's post address; null for units outside the municipality's mail. */
  mailbox: string | null;
}

export const UNITS: readonly UnitSpec[] = [
  { type: 'kindergarten', name: 'Solsikken barnehage', area: 'Nord', mailbox: 'post.solsikken' },
  { type: 'kindergarten', name: 'Maurtua barnehage', area: 'Nord', mailbox: 'post.maurtua' },
  { type: 'kindergarten', name: 'Nordlys barnehage', area: 'Nord', mailbox: 'post.nordlys' },
  { type: 'kindergarten', name: 'Tusenfryd barnehage', area: 'Sentrum', mailbox: 'post.tusenfryd' },
  { type: 'kindergarten', name: 'Bryggen barnehage', area: 'Sentrum', mailbox: 'post.bryggen' },
  { type: 'kindergarten', name: 'Havblikk barnehage', area: 'Sentrum', mailbox: 'post.havblikk' },
  { type: 'kindergarten', name: 'Blåbærlia barnehage', area: 'Sør', mailbox: 'post.blabaerlia' },
  { type: 'kindergarten', name: 'Trollskogen barnehage', area: 'Sør', mailbox: 'post.trollskogen' },
  { type: 'kindergarten', name: 'Måkeberget barnehage', area: 'Sør', mailbox: 'post.makeberget' },
  { type: 'school_primary', name: 'Fjellbekken skole', area: 'Nord', mailbox: 'post.fjellbekken' },
  { type: 'school_primary', name: 'Nordheim skole', area: 'Nord', mailbox: 'post.nordheim' },
  { type: 'school_primary', name: 'Torget skole', area: 'Sentrum', mailbox: 'post.torget' },
  { type: 'school_primary', name: 'Kirkebakken skole', area: 'Sentrum', mailbox: 'post.kirkebakken' },
  { type: 'school_primary', name: 'Sørvika skole', area: 'Sør', mailbox: 'post.sorvika' },
  { type: 'school_primary', name: 'Lyngmo skole', area: 'Sør', mailbox: 'post.lyngmo' },
  { type: 'school_lower_secondary', name: 'Nordheim ungdomsskole', area: 'Nord', mailbox: 'post.nordheim.ungdomsskole' },
  // Takes the pupils of both Sentrum and Sør.
  { type: 'school_lower_secondary', name: 'Fjordvik ungdomsskole', area: 'Sentrum', mailbox: 'post.fjordvik.ungdomsskole' },
  // Run by the county (fylkeskommunen), but its pupils are Fjordvik's youth and it sits in the team.
  { type: 'school_upper_secondary', name: 'Fjordvik videregående skole', area: 'Sentrum', mailbox: 'post.fjordvik.vgs' },
  { type: 'health_station', name: 'Helsestasjon Nord', area: 'Nord', mailbox: 'helsestasjon.nord' },
  { type: 'health_station', name: 'Helsestasjon Sentrum', area: 'Sentrum', mailbox: 'helsestasjon.sentrum' },
  { type: 'health_station', name: 'Helsestasjon Sør', area: 'Sør', mailbox: 'helsestasjon.sor' },
  { type: 'school_health_service', name: 'Skolehelsetjenesten', area: null, mailbox: 'skolehelsetjenesten' },
  { type: 'ppt', name: 'PP-tjenesten', area: null, mailbox: 'ppt' },
  { type: 'child_welfare', name: 'Barnevernstjenesten', area: null, mailbox: 'barnevern' },
  { type: 'nav', name: 'NAV Fjordvik', area: 'Sentrum', mailbox: 'nav' },
  { type: 'mental_health_team', name: 'Psykisk helseteam for barn og unge', area: null, mailbox: 'psykiskhelse.barnogunge' },
  { type: 'outreach', name: 'Utekontakten', area: null, mailbox: 'utekontakten' },
  { type: 'youth_leisure', name: 'Ungdom og fritid', area: null, mailbox: 'ungdomogfritid' },
  { type: 'youth_leisure', name: 'Fritidsklubben Loftet', area: 'Sør', mailbox: 'loftet' },
  { type: 'gp', name: 'Fjordvik legekontor', area: 'Sentrum', mailbox: 'post.legekontor' },
  { type: 'gp', name: 'Nordheim legesenter', area: 'Nord', mailbox: 'post.nordheim.legesenter' },
  // The police are a state service: no municipal mailbox.
  { type: 'police_youth', name: 'Politiets ungdomsenhet', area: null, mailbox: null },
  { type: 'coordinating_unit', name: 'Koordinerende enhet', area: null, mailbox: 'koordinerende.enhet' },
  { type: 'municipal_admin', name: 'Kommuneadministrasjonen', area: null, mailbox: 'postmottak' },
];

/**
 * The ages (in months, negative before birth) a unit's professionals work with; demo involvement
 * is drawn from children of these ages.
 */
export const UNIT_TYPE_AGE_MONTHS: Readonly<Record<string, readonly [number, number] | null>> = {
  kindergarten: [12, 71],
  school_primary: [72, 155],
  school_lower_secondary: [156, 191],
  school_upper_secondary: [192, 239],
  health_station: [-9, 71],
  school_health_service: [72, 239],
  ppt: [12, 239],
  child_welfare: [0, 215],
  nav: [192, 287],
  mental_health_team: [72, 287],
  outreach: [156, 287],
  youth_leisure: [156, 215],
  gp: [-9, 287],
  police_youth: [168, 215],
  coordinating_unit: [0, 287],
  municipal_admin: null, // administration never works with children's cases
};

/** A generated staff post: the person's name comes from the seed, the rest is fixed. */
export interface StaffSlot {
  key: string;
  unit: string;
  title: string;
}

export const STAFF_SLOTS: readonly StaffSlot[] = [
  { key: 'styrer.solsikken', unit: 'Solsikken barnehage', title: 'Styrer' },
  { key: 'styrer.maurtua', unit: 'Maurtua barnehage', title: 'Styrer' },
  { key: 'styrer.nordlys', unit: 'Nordlys barnehage', title: 'Styrer' },
  { key: 'styrer.tusenfryd', unit: 'Tusenfryd barnehage', title: 'Styrer' },
  { key: 'styrer.bryggen', unit: 'Bryggen barnehage', title: 'Styrer' },
  { key: 'styrer.havblikk', unit: 'Havblikk barnehage', title: 'Styrer' },
  { key: 'styrer.blabaerlia', unit: 'Blåbærlia barnehage', title: 'Styrer' },
  { key: 'styrer.trollskogen', unit: 'Trollskogen barnehage', title: 'Styrer' },
  { key: 'styrer.makeberget', unit: 'Måkeberget barnehage', title: 'Styrer' },
  { key: 'pedleder.tusenfryd', unit: 'Tusenfryd barnehage', title: 'Pedagogisk leder' },
  { key: 'pedleder.blabaerlia', unit: 'Blåbærlia barnehage', title: 'Pedagogisk leder' },
  { key: 'rektor.nordheim', unit: 'Nordheim skole', title: 'Rektor' },
  { key: 'rektor.torget', unit: 'Torget skole', title: 'Rektor' },
  { key: 'rektor.kirkebakken', unit: 'Kirkebakken skole', title: 'Rektor' },
  { key: 'rektor.sorvika', unit: 'Sørvika skole', title: 'Rektor' },
  { key: 'rektor.lyngmo', unit: 'Lyngmo skole', title: 'Rektor' },
  { key: 'kontaktlaerer.torget', unit: 'Torget skole', title: 'Kontaktlærer' },
  { key: 'kontaktlaerer.sorvika', unit: 'Sørvika skole', title: 'Kontaktlærer' },
  { key: 'rektor.nordheim.us', unit: 'Nordheim ungdomsskole', title: 'Rektor' },
  { key: 'kontaktlaerer.nordheim.us', unit: 'Nordheim ungdomsskole', title: 'Kontaktlærer' },
  { key: 'rektor.fjordvik.us', unit: 'Fjordvik ungdomsskole', title: 'Rektor' },
  { key: 'sosiallaerer.fjordvik.us', unit: 'Fjordvik ungdomsskole', title: 'Sosiallærer' },
  { key: 'rektor.vgs', unit: 'Fjordvik videregående skole', title: 'Rektor' },
  { key: 'radgiver.vgs', unit: 'Fjordvik videregående skole', title: 'Rådgiver' },
  { key: 'tjenesteleder.hbu', unit: 'Helsestasjon Sentrum', title: 'Tjenesteleder helsetjenester barn og unge' },
  { key: 'avdleder.hbu.sentrum', unit: 'Helsestasjon Sentrum', title: 'Avdelingsleder helsetjenester barn og unge' },
  { key: 'avdleder.hbu.nord', unit: 'Helsestasjon Nord', title: 'Avdelingsleder helsetjenester barn og unge' },
  { key: 'avdleder.hbu.sor', unit: 'Helsestasjon Sør', title: 'Avdelingsleder helsetjenester barn og unge' },
  { key: 'helsesykepleier.sentrum', unit: 'Helsestasjon Sentrum', title: 'Helsesykepleier' },
  { key: 'helsesykepleier.sor', unit: 'Helsestasjon Sør', title: 'Helsesykepleier' },
  { key: 'jordmor', unit: 'Helsestasjon Sentrum', title: 'Jordmor' },
  { key: 'helsesykepleier.skole.1', unit: 'Skolehelsetjenesten', title: 'Helsesykepleier' },
  { key: 'helsesykepleier.skole.2', unit: 'Skolehelsetjenesten', title: 'Helsesykepleier' },
  { key: 'tjenesteleder.ppt', unit: 'PP-tjenesten', title: 'Tjenesteleder PP-tjenesten' },
  { key: 'avdleder.ppt', unit: 'PP-tjenesten', title: 'Avdelingsleder PP-tjenesten' },
  { key: 'pp.radgiver', unit: 'PP-tjenesten', title: 'PP-rådgiver' },
  { key: 'avdleder.barnevern.1', unit: 'Barnevernstjenesten', title: 'Avdelingsleder barnevern' },
  { key: 'avdleder.barnevern.2', unit: 'Barnevernstjenesten', title: 'Avdelingsleder barnevern' },
  { key: 'barnevernspedagog', unit: 'Barnevernstjenesten', title: 'Barnevernspedagog' },
  { key: 'veileder.nav', unit: 'NAV Fjordvik', title: 'Veileder, ungdomsteamet' },
  { key: 'psykolog', unit: 'Psykisk helseteam for barn og unge', title: 'Psykologspesialist' },
  { key: 'leder.utekontakten', unit: 'Utekontakten', title: 'Leder Utekontakten' },
  { key: 'miljoarbeider.utekontakten', unit: 'Utekontakten', title: 'Miljøarbeider' },
  { key: 'leder.ungdomogfritid', unit: 'Ungdom og fritid', title: 'Leder Ungdom og fritid' },
  { key: 'fastlege.sentrum', unit: 'Fjordvik legekontor', title: 'Fastlege' },
  { key: 'fastlege.nord', unit: 'Nordheim legesenter', title: 'Fastlege' },
  { key: 'politi', unit: 'Politiets ungdomsenhet', title: 'Politibetjent, forebyggende' },
  { key: 'koordinator.ke', unit: 'Koordinerende enhet', title: 'Koordinator' },
  { key: 'tjenesteleder.barnehage', unit: 'Kommuneadministrasjonen', title: 'Tjenesteleder barnehagekontoret' },
  { key: 'seksjonsleder.skole', unit: 'Kommuneadministrasjonen', title: 'Seksjonsleder skole' },
];

export interface TeamSpec {
  name: string;
  kind: 'early_intervention' | 'system_level';
  ageFromMonths: number;
  ageToMonths: number;
  /**
   * Null means "every area not covered by a team of the same kind and age with its own area". Seed
   * 003 gives two teams for 1–5 and 6–12 years in three areas: one for Nord, one shared by Sentrum
   * and Sør. A proposal should prefer the team with the child's area and fall back to the null one.
   */
  area: 'Nord' | null;
  /** A demo username or a StaffSlot key. */
  leader: string;
  /** Staff (demo usernames or slot keys) in team_member; the leader is listed there too. */
  members: readonly string[];
  units: readonly string[];
  meetingPlace: string;
  description: string;
}

const MONTHS = 12;

export const TEAMS: readonly TeamSpec[] = [
  {
    name: 'Tidlig innsatsteam før fødsel til 1 år',
    kind: 'early_intervention',
    ageFromMonths: -9,
    ageToMonths: 1 * MONTHS - 1,
    area: null,
    leader: 'avdleder.hbu.sentrum',
    members: ['jordmor', 'helsesykepleier.sor', 'barnevernspedagog', 'psykolog'],
    units: ['Helsestasjon Nord', 'Helsestasjon Sentrum', 'Helsestasjon Sør', 'Barnevernstjenesten', 'Psykisk helseteam for barn og unge'],
    meetingPlace: 'På aktuell helsestasjon',
    description:
      'Helsestasjon, barnevernstjenesten og psykisk helseteam. Jordmor, fysioterapeut, PP-tjenesten og barnehage inviteres ved behov. Ledes av avdelingsleder helsetjenester barn og unge.',
  },
  {
    name: 'Tidlig innsatsteam barnehage Nord',
    kind: 'early_intervention',
    ageFromMonths: 1 * MONTHS,
    ageToMonths: 6 * MONTHS - 1,
    area: 'Nord',
    leader: 'avdleder.hbu.nord',
    members: ['teammedlem', 'styrer.solsikken', 'styrer.maurtua', 'barnevernspedagog'],
    units: ['Solsikken barnehage', 'Maurtua barnehage', 'Nordlys barnehage', 'Helsestasjon Nord', 'PP-tjenesten', 'Barnevernstjenesten'],
    meetingPlace: 'I barnets barnehage (teamet ambulerer)',
    description:
      'Barnehage, PP-tjenesten, barnevern og helsetjenester barn og unge. Møtet ledes av styrer i barnets barnehage; fastlege innkalles ved behov.',
  },
  {
    name: 'Tidlig innsatsteam barnehage Sør og Sentrum',
    kind: 'early_intervention',
    ageFromMonths: 1 * MONTHS,
    ageToMonths: 6 * MONTHS - 1,
    area: null,
    leader: 'avdleder.hbu.sor',
    members: ['pp.radgiver', 'styrer.tusenfryd', 'styrer.blabaerlia', 'barnevernspedagog'],
    units: [
      'Tusenfryd barnehage', 'Bryggen barnehage', 'Havblikk barnehage', 'Blåbærlia barnehage', 'Trollskogen barnehage',
      'Måkeberget barnehage', 'Helsestasjon Sentrum', 'Helsestasjon Sør', 'PP-tjenesten', 'Barnevernstjenesten',
    ],
    meetingPlace: 'I barnets barnehage (teamet ambulerer)',
    description:
      'Barnehage, PP-tjenesten, barnevern og helsetjenester barn og unge for barnehagene i Sentrum og Sør. Møtet ledes av styrer i barnets barnehage.',
  },
  {
    name: 'Tidlig innsatsteam barneskole Nord',
    kind: 'early_intervention',
    ageFromMonths: 6 * MONTHS,
    ageToMonths: 13 * MONTHS - 1,
    area: 'Nord',
    leader: 'teamleder',
    members: ['teammedlem', 'rektor.nordheim', 'helsesykepleier.skole.1', 'barnevernspedagog'],
    units: ['Fjellbekken skole', 'Nordheim skole', 'Skolehelsetjenesten', 'PP-tjenesten', 'Barnevernstjenesten', 'Psykisk helseteam for barn og unge'],
    meetingPlace: 'På barnets skole',
    description:
      'Skole, PP-tjenesten, barnevern og helsetjenester barn og unge. Møtet ledes av rektor på barnets skole; kontaktlærer deltar.',
  },
  {
    name: 'Tidlig innsatsteam barneskole Sør og Sentrum',
    kind: 'early_intervention',
    ageFromMonths: 6 * MONTHS,
    ageToMonths: 13 * MONTHS - 1,
    area: null,
    leader: 'avdleder.ppt',
    members: ['rektor.torget', 'rektor.sorvika', 'helsesykepleier.skole.2', 'pp.radgiver'],
    units: [
      'Torget skole', 'Kirkebakken skole', 'Sørvika skole', 'Lyngmo skole', 'Skolehelsetjenesten', 'PP-tjenesten',
      'Barnevernstjenesten', 'Psykisk helseteam for barn og unge',
    ],
    meetingPlace: 'På barnets skole',
    description:
      'Skole, PP-tjenesten, barnevern og helsetjenester barn og unge for barneskolene i Sentrum og Sør. Ledes/koordineres av avdelingsleder i PP-tjenesten.',
  },
  {
    name: 'Tidlig innsatsteam ungdomsskole',
    kind: 'early_intervention',
    ageFromMonths: 13 * MONTHS,
    ageToMonths: 16 * MONTHS - 1,
    area: null,
    leader: 'avdleder.barnevern.1',
    members: ['rektor.nordheim.us', 'rektor.fjordvik.us', 'helsesykepleier.skole.1', 'pp.radgiver', 'psykolog'],
    units: [
      'Nordheim ungdomsskole', 'Fjordvik ungdomsskole', 'Skolehelsetjenesten', 'PP-tjenesten', 'Barnevernstjenesten',
      'Psykisk helseteam for barn og unge', 'Utekontakten',
    ],
    meetingPlace: 'På elevens skole',
    description:
      'Skole, PP-tjenesten, barnevern og helsetjenester barn og unge. Møtet ledes av rektor; kontaktlærer deltar. Ledes/koordineres av avdelingsleder i barnevernstjenesten.',
  },
  {
    name: 'Tidlig innsatsteam videregående',
    kind: 'early_intervention',
    ageFromMonths: 16 * MONTHS,
    ageToMonths: 24 * MONTHS - 1,
    area: null,
    leader: 'avdleder.barnevern.2',
    members: ['rektor.vgs', 'radgiver.vgs', 'helsesykepleier.skole.2', 'veileder.nav', 'politi'],
    units: [
      'Fjordvik videregående skole', 'Skolehelsetjenesten', 'Barnevernstjenesten', 'NAV Fjordvik',
      'Psykisk helseteam for barn og unge', 'Utekontakten', 'Politiets ungdomsenhet',
    ],
    meetingPlace: 'På den unges skole',
    description:
      'Skole, PP-tjenesten på videregående, barnevern og helsetjenester barn og unge. Fastlege, veiledningssenteret og politiet innkalles ved behov. Ledes/koordineres av avdelingsleder i barnevernstjenesten.',
  },
  {
    name: 'Småbarnsteamet',
    kind: 'system_level',
    ageFromMonths: 0,
    ageToMonths: 6 * MONTHS - 1,
    area: null,
    leader: 'tjenesteleder.hbu',
    members: ['tjenesteleder.barnehage', 'avdleder.hbu.sentrum', 'avdleder.hbu.nord', 'avdleder.hbu.sor'],
    units: ['Kommuneadministrasjonen', 'Helsestasjon Nord', 'Helsestasjon Sentrum', 'Helsestasjon Sør', 'PP-tjenesten', 'Barnevernstjenesten'],
    meetingPlace: 'Rådhuset, møterom Fjorden',
    description:
      'Samarbeid på systemnivå for 0–5 år, uten personopplysninger. Møtes 3–4 ganger i året og rapporterer til koordinator for Sammen for barn og unge.',
  },
  {
    name: 'Barneteamet',
    kind: 'system_level',
    ageFromMonths: 6 * MONTHS,
    ageToMonths: 13 * MONTHS - 1,
    area: null,
    leader: 'tjenesteleder.ppt',
    members: ['seksjonsleder.skole', 'teamleder', 'avdleder.ppt'],
    units: ['Kommuneadministrasjonen', 'PP-tjenesten', 'Skolehelsetjenesten', 'Barnevernstjenesten'],
    meetingPlace: 'Rådhuset, møterom Fjorden',
    description:
      'Samarbeid på systemnivå for 6–12 år, uten personopplysninger. Møtes 3–4 ganger i året og rapporterer til koordinator for Sammen for barn og unge.',
  },
  {
    name: 'Ungdomsteamet 13–15 år',
    kind: 'system_level',
    ageFromMonths: 13 * MONTHS,
    ageToMonths: 16 * MONTHS - 1,
    area: null,
    leader: 'leder.utekontakten',
    members: ['miljoarbeider.utekontakten', 'leder.ungdomogfritid', 'politi', 'helsesykepleier.skole.1', 'sosiallaerer.fjordvik.us'],
    units: ['Utekontakten', 'Ungdom og fritid', 'Politiets ungdomsenhet', 'Skolehelsetjenesten', 'Nordheim ungdomsskole', 'Fjordvik ungdomsskole'],
    meetingPlace: 'Utekontakten, Storgata 12',
    description:
      'Trender og utfordringer i ungdomsmiljøet, uten personopplysninger. Møtes månedlig før SLT-koordineringsgruppen og rapporterer dit og til koordinator for Sammen for barn og unge.',
  },
  {
    name: 'Ungdomsteamet 16–23 år',
    kind: 'system_level',
    ageFromMonths: 16 * MONTHS,
    ageToMonths: 24 * MONTHS - 1,
    area: null,
    leader: 'leder.ungdomogfritid',
    members: ['leder.utekontakten', 'politi', 'radgiver.vgs', 'helsesykepleier.skole.2', 'veileder.nav'],
    units: ['Ungdom og fritid', 'Utekontakten', 'Politiets ungdomsenhet', 'Fjordvik videregående skole', 'Skolehelsetjenesten', 'NAV Fjordvik'],
    meetingPlace: 'Fritidsklubben Loftet',
    description:
      'Trender og utfordringer i ungdomsmiljøet, uten personopplysninger. Møtes månedlig før SLT-koordineringsgruppen og rapporterer dit og til koordinator for Sammen for barn og unge.',
  },
];

/** Titles of the people who lead a unit (styrer, rektor, leder): the first such post is the unit's leader. */
export const LEADER_TITLE = /^(Styrer|Rektor|Tjenesteleder|Avdelingsleder|Leder)\b/;
