// The vocabulary of the public service catalogue, shared by server and browser: the life
// situations and audiences the catalogue is navigated by (seed 002: "for deg selv, til dine barn
// eller som pårørende"), and the shapes of the rule format and the situation guide.
import type { Language } from './roles.ts';

/** Life situations (livssituasjoner); names in common/i18n/<lang>/catalogue.json as situation.<code>. */
export const SITUATIONS = [
  'pregnancy', // graviditet
  'small_children', // småbarn
  'school', // skole
  'youth', // ungdom
  'mental_health', // psykisk helse
  'substance_use', // rus
  'money_housing', // økonomi og bolig
  'violence', // vold og overgrep
  'disability', // funksjonsnedsettelse
  'new_in_norway', // ny i Norge
] as const;
export type Situation = (typeof SITUATIONS)[number];

/** Whom the help is for: "for meg", "for barnet mitt", "som pårørende". */
export const AUDIENCES = ['self', 'child', 'next_of_kin'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The youth page shows what is relevant from 13 to 23 (ungdom, seed 003). */
export const YOUTH_AGE = { from: 13, to: 23 } as const;

export const MAX_AGE = 120;

export function isSituation(value: unknown): value is Situation {
  return typeof value === 'string' && (SITUATIONS as readonly string[]).includes(value);
}

export function isAudience(value: unknown): value is Audience {
  return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value);
}

/**
 * One condition of a rule: every part that is given must hold. A service is suggested when any
 * of its conditions holds.
 */
export interface RuleCondition {
  /** Age in whole years of the person who needs help, both ends included. */
  ageFrom?: number;
  ageTo?: number;
  /** Any of these. */
  audiences?: Audience[];
  /** Any of these. */
  situations?: Situation[];
  /** Question id → the answers that count; every question named must have one of its answers. */
  answers?: Record<string, string[]>;
}

export interface RuleSet {
  suggestWhen: RuleCondition[];
  /** 1–9, default 5: a higher priority is listed first (emergency services use 9). */
  priority?: number;
}

export const RULE_SET_FIELDS = ['suggestWhen', 'priority'] as const;
export const RULE_CONDITION_FIELDS = ['ageFrom', 'ageTo', 'audiences', 'situations', 'answers'] as const;
export const DEFAULT_PRIORITY = 5;

export type LocalText = Record<Language, string>;

export interface GuideOption {
  value: string;
  text: LocalText;
}

export interface GuideQuestion {
  id: string;
  /** Several answers may be chosen (checkboxes) or one (radio buttons). */
  multiple: boolean;
  text: LocalText;
  help?: LocalText;
  /** Asked only when one of these situations is chosen; always asked when absent. */
  showWhen?: { situations: Situation[] };
  options: GuideOption[];
}

/** The municipality's own questions in the situation guide ("Hva trenger du hjelp til?"). */
export interface GuideDefinition {
  questions: GuideQuestion[];
}

/** What the guide (or a professional's case page) knows: never who the person is. */
export interface SituationAnswers {
  audience?: Audience | undefined;
  age?: number | undefined;
  situations: Situation[];
  answers: Record<string, string[]>;
}
