// The rules that decide when a service is suggested (seed 002: "ett sett med regler som bestemmer
// når en tjeneste blir presentert enten for innbyggeren eller tjenesteanstalter"). The municipality
// writes them as a small JSON document; nothing in them is code. This file validates that document
// against the situation guide and evaluates it. Everything here is pure: the public situation guide,
// the administrator's preview and (later) a professional's case page all use suggestServices().
import {
  AUDIENCES, DEFAULT_PRIORITY, isAudience, isSituation, MAX_AGE, RULE_CONDITION_FIELDS, RULE_SET_FIELDS, SITUATIONS,
  type GuideDefinition, type RuleCondition, type RuleSet, type SituationAnswers,
} from '../../../common/catalogue.ts';
import type { FieldProblem } from '../../infra/http/errors.ts';

const MAX_CONDITIONS = 20;
const MAX_LIST = 20;

export type RuleValidation = { ok: true; rules: RuleSet } | { ok: false; problems: FieldProblem[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const list = (values: readonly string[]) => values.map((v) => `«${v}»`).join(', ');

function validateCondition(raw: unknown, index: number, guide: GuideDefinition, path: string, problems: FieldProblem[]): RuleCondition | null {
  const rule = index + 1;
  if (!isPlainObject(raw)) {
    problems.push({ field: path, messageKey: 'catalogue.ruleNotObject', params: { rule } });
    return null;
  }
  const before = problems.length;
  for (const key of Object.keys(raw)) {
    if (!(RULE_CONDITION_FIELDS as readonly string[]).includes(key)) {
      problems.push({ field: `${path}.${key}`, messageKey: 'catalogue.ruleUnknownField', params: { rule, field: key, allowed: list(RULE_CONDITION_FIELDS) } });
    }
  }
  if (Object.keys(raw).length === 0) problems.push({ field: path, messageKey: 'catalogue.ruleEmpty', params: { rule } });

  const condition: RuleCondition = {};
  for (const field of ['ageFrom', 'ageTo'] as const) {
    const value = raw[field];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_AGE) {
      problems.push({ field: `${path}.${field}`, messageKey: 'catalogue.ruleAgeInvalid', params: { rule, field, max: MAX_AGE } });
    } else {
      condition[field] = value;
    }
  }
  if (condition.ageFrom !== undefined && condition.ageTo !== undefined && condition.ageFrom > condition.ageTo) {
    problems.push({ field: `${path}.ageTo`, messageKey: 'catalogue.ruleAgeRange', params: { rule, from: condition.ageFrom, to: condition.ageTo } });
  }

  const stringList = (field: 'audiences' | 'situations'): string[] | null => {
    const value = raw[field];
    if (value === undefined) return null;
    if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LIST) {
      problems.push({ field: `${path}.${field}`, messageKey: 'catalogue.ruleListRequired', params: { rule, field } });
      return null;
    }
    return value.map(String);
  };
  const situations = stringList('situations');
  if (situations) {
    const unknown = situations.filter((s) => !isSituation(s));
    for (const value of unknown) {
      problems.push({ field: `${path}.situations`, messageKey: 'catalogue.ruleUnknownSituation', params: { rule, value, allowed: list(SITUATIONS) } });
    }
    if (unknown.length === 0) condition.situations = [...new Set(situations.filter(isSituation))];
  }
  const audiences = stringList('audiences');
  if (audiences) {
    const unknown = audiences.filter((a) => !isAudience(a));
    for (const value of unknown) {
      problems.push({ field: `${path}.audiences`, messageKey: 'catalogue.ruleUnknownAudience', params: { rule, value, allowed: list(AUDIENCES) } });
    }
    if (unknown.length === 0) condition.audiences = [...new Set(audiences.filter(isAudience))];
  }

  if (raw.answers !== undefined) {
    if (!isPlainObject(raw.answers) || Object.keys(raw.answers).length === 0) {
      problems.push({ field: `${path}.answers`, messageKey: 'catalogue.ruleAnswersNotObject', params: { rule } });
    } else {
      const answers: Record<string, string[]> = {};
      for (const [questionId, accepted] of Object.entries(raw.answers)) {
        const question = guide.questions.find((q) => q.id === questionId);
        if (!question) {
          problems.push({
            field: `${path}.answers.${questionId}`, messageKey: 'catalogue.ruleUnknownQuestion',
            params: { rule, question: questionId, allowed: list(guide.questions.map((q) => q.id)) },
          });
          continue;
        }
        if (!Array.isArray(accepted) || accepted.length === 0 || accepted.length > MAX_LIST) {
          problems.push({ field: `${path}.answers.${questionId}`, messageKey: 'catalogue.ruleListRequired', params: { rule, field: `answers.${questionId}` } });
          continue;
        }
        const values = question.options.map((o) => o.value);
        const unknown = accepted.map(String).filter((a) => !values.includes(a));
        for (const value of unknown) {
          problems.push({
            field: `${path}.answers.${questionId}`, messageKey: 'catalogue.ruleUnknownAnswer',
            params: { rule, question: questionId, value, allowed: list(values) },
          });
        }
        answers[questionId] = [...new Set(accepted.map(String))];
      }
      condition.answers = answers;
    }
  }
  return problems.length === before ? condition : null;
}

/**
 * Checks a rule document as the administrator wrote it. Every problem is reported (not just the
 * first), each with the field it is in and a message that names the rule and the offending value.
 */
export function validateRuleSet(raw: unknown, guide: GuideDefinition, path = 'rules'): RuleValidation {
  const problems: FieldProblem[] = [];
  if (!isPlainObject(raw)) return { ok: false, problems: [{ field: path, messageKey: 'catalogue.ruleSetNotObject' }] };
  for (const key of Object.keys(raw)) {
    if (!(RULE_SET_FIELDS as readonly string[]).includes(key)) {
      problems.push({ field: `${path}.${key}`, messageKey: 'catalogue.ruleSetUnknownField', params: { field: key, allowed: list(RULE_SET_FIELDS) } });
    }
  }
  const rules: RuleSet = { suggestWhen: [] };
  if (raw.priority !== undefined) {
    if (typeof raw.priority !== 'number' || !Number.isInteger(raw.priority) || raw.priority < 1 || raw.priority > 9) {
      problems.push({ field: `${path}.priority`, messageKey: 'catalogue.rulePriority' });
    } else {
      rules.priority = raw.priority;
    }
  }
  const conditions = raw.suggestWhen ?? [];
  if (!Array.isArray(conditions)) {
    problems.push({ field: `${path}.suggestWhen`, messageKey: 'catalogue.ruleSuggestWhenNotList' });
  } else if (conditions.length > MAX_CONDITIONS) {
    problems.push({ field: `${path}.suggestWhen`, messageKey: 'catalogue.ruleTooMany', params: { max: MAX_CONDITIONS } });
  } else {
    conditions.forEach((c, i) => {
      const condition = validateCondition(c, i, guide, `${path}.suggestWhen.${i}`, problems);
      if (condition) rules.suggestWhen.push(condition);
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rules };
}

/** The question ids and answers a rule document refers to, to check a changed guide against the rules in use. */
export function referencedAnswers(rules: RuleSet): { question: string; value: string }[] {
  return rules.suggestWhen.flatMap((c) => Object.entries(c.answers ?? {}).flatMap(([question, values]) => values.map((value) => ({ question, value }))));
}

/** How many parts of the condition there are; a more specific match is listed before a general one. */
function specificity(condition: RuleCondition): number {
  return (condition.ageFrom !== undefined || condition.ageTo !== undefined ? 1 : 0)
    + (condition.audiences ? 1 : 0)
    + (condition.situations ? 1 : 0)
    + Object.keys(condition.answers ?? {}).length;
}

/**
 * Does the condition hold for these answers? What the answers leave open (no age given, no
 * audience chosen) does not exclude a service; what they say must fit every part of the condition.
 */
export function conditionHolds(condition: RuleCondition, given: SituationAnswers): boolean {
  if (given.age !== undefined) {
    if (condition.ageFrom !== undefined && given.age < condition.ageFrom) return false;
    if (condition.ageTo !== undefined && given.age > condition.ageTo) return false;
  }
  if (condition.audiences && given.audience !== undefined && !condition.audiences.includes(given.audience)) return false;
  if (condition.situations && !condition.situations.some((s) => given.situations.includes(s))) return false;
  for (const [question, accepted] of Object.entries(condition.answers ?? {})) {
    const chosen = given.answers[question] ?? [];
    if (!accepted.some((a) => chosen.includes(a))) return false;
  }
  return true;
}

export interface Suggestion<T> {
  service: T;
  priority: number;
  /** Parts of the most specific condition that held. */
  specificity: number;
  /** Index of that condition in the service's rules (for the preview). */
  condition: number;
}

/**
 * The services these answers suggest, most relevant first: higher priority, then the more specific
 * match; otherwise in the order given (e.g. by name). Takes no personal data: only an age, the
 * situations and the guide's answers.
 */
export function suggestServices<T extends { rules: RuleSet }>(services: readonly T[], given: SituationAnswers): Suggestion<T>[] {
  const out: (Suggestion<T> & { order: number })[] = [];
  services.forEach((service, order) => {
    let best: { specificity: number; condition: number } | undefined;
    const conditions = service.rules.suggestWhen;
    for (let index = 0; index < conditions.length; index++) {
      const condition = conditions[index]!;
      if (!conditionHolds(condition, given)) continue;
      const s = specificity(condition);
      if (!best || s > best.specificity) best = { specificity: s, condition: index };
    }
    if (best) out.push({ service, priority: service.rules.priority ?? DEFAULT_PRIORITY, ...best, order });
  });
  out.sort((a, b) => b.priority - a.priority || b.specificity - a.specificity || a.order - b.order);
  return out.map(({ order: _order, ...rest }) => rest);
}

/** Reads a rule document stored by this module (it was validated before it was written). */
export function storedRuleSet(value: unknown): RuleSet {
  const raw = (typeof value === 'string' ? JSON.parse(value) : value) as RuleSet | null;
  return raw && Array.isArray(raw.suggestWhen) ? raw : { suggestWhen: [] };
}

/**
 * Answer sets the administrator's preview tries a rule document on, so a rule's reach is visible
 * before it is published. Their descriptions are catalogue.sample.<key>.
 */
export const SAMPLE_ANSWERS: readonly { key: string; answers: SituationAnswers }[] = [
  { key: 'pregnant', answers: { audience: 'self', age: 29, situations: ['pregnancy'], answers: {} } },
  { key: 'parentInfant', answers: { audience: 'child', age: 0, situations: ['small_children'], answers: { concern: ['sleep_food'] } } },
  { key: 'parentPreschoolLanguage', answers: { audience: 'child', age: 4, situations: ['small_children'], answers: { concern: ['development'] } } },
  { key: 'parentSchoolLearning', answers: { audience: 'child', age: 8, situations: ['school'], answers: { concern: ['development'] } } },
  { key: 'parentTeenMood', answers: { audience: 'child', age: 14, situations: ['mental_health'], answers: { concern: ['mood'] } } },
  { key: 'youthAbsence', answers: { audience: 'self', age: 15, situations: ['school', 'youth'], answers: { concern: ['absence'] } } },
  { key: 'youthSubstance', answers: { audience: 'self', age: 16, situations: ['substance_use', 'youth'], answers: {} } },
  { key: 'youthMoneyWork', answers: { audience: 'self', age: 19, situations: ['money_housing'], answers: { money: ['work'] } } },
  { key: 'adultViolenceUrgent', answers: { audience: 'self', age: 34, situations: ['violence'], answers: { urgent: ['yes'] } } },
  { key: 'nextOfKinSubstance', answers: { audience: 'next_of_kin', age: 45, situations: ['substance_use'], answers: {} } },
  { key: 'childDisability', answers: { audience: 'child', age: 7, situations: ['disability'], answers: { help: ['practical'] } } },
  { key: 'newFamily', answers: { audience: 'child', age: 10, situations: ['new_in_norway'], answers: {} } },
];
