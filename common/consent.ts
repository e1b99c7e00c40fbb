// What a consent can name, shared by the server's consent rules and the web's forms: one list each.

/**
 * The age of majority (myndighetsalder, vergemålsloven § 2): parental responsibility ends, and the
 * person decides everything alone.
 */
export const AGE_OF_MAJORITY = 18;

/** What a consent lets the services do. */
export const CONSENT_PURPOSES = [
  'collaboration', // stafettlogg og tverrfaglig samarbeid
  'team_discussion', // drøfting i tidlig innsatsteam
  'transition', // overføring ved overgang
  'individual_plan', // individuell plan: samarbeid om planen og hvem som ser den
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** The kinds of information a consent covers (the same categories a worry is noted in). */
export const CONSENT_CATEGORIES = [
  'development', 'health', 'behaviour', 'social', 'family_situation', 'school_attendance', 'language', 'other',
] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];
