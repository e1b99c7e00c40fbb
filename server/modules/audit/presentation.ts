// How the audit log reads to people: one wording for the family's "who has read our data" and for the
// auditor. Codes stay in the database; no one is shown one (decision 0015).
import { translate, type MessageKey } from '../../../common/i18n/index.ts';
import type { Language } from '../../../common/roles.ts';
import type { AccessAction } from '../access/access.ts';

/** Actions written outside authorize(): sign-in, what background jobs do, a rating link opened by someone else. */
export type SystemAction = 'session.signIn' | 'case.purge' | 'notification.remind' | 'relation.claim' | 'meetingRating.read' | 'cwReport.deliver';
export type AuditedAction = AccessAction | SystemAction;

/**
 * Every action that reaches the audit log. The type makes a new action fail to compile until it is
 * listed here, and each entry must have its text `domain.action.<action>` in bokmål (the i18n test
 * holds nynorsk and English to bokmål).
 */
export const AUDITED_ACTIONS = {
  'team.edit': true, 'team.overview': true, 'systemMeeting.read': true, 'systemMeeting.write': true,
  'meetingRating.create': true, 'meetingRating.list': true, 'meetingRating.read': true,
  'person.create': true, 'person.read': true, 'person.list': true,
  'relation.list': true, 'relation.confirm': true, 'relation.verify': true, 'relation.claim': true,
  'accessRequest.create': true, 'accessRequest.list': true, 'accessRequest.answer': true,
  'staff.create': true, 'staff.update': true, 'staff.read': true, 'staff.list': true,
  'serviceUnit.create': true, 'serviceUnit.update': true, 'serviceUnitType.create': true,
  'catalogue.edit': true, 'catalogue.publish': true, 'audit.search': true, 'devMailbox.read': true,
  'case.read': true, 'case.write': true, 'caseColleagues.read': true,
  'consent.read': true, 'consent.record': true, 'consent.withdraw': true,
  'notification.read': true, 'notification.update': true,
  'absence.import': true, 'absence.read': true, 'legalBasis.record': true,
  'worry.create': true, 'worry.list': true, 'worry.read': true, 'worry.discuss': true, 'worry.link': true,
  'caseStatus.read': true, 'caseStatus.write': true, 'case.hold': true, 'handover.answer': true,
  'actionGuide.publish': true, 'consent.give': true, 'consent.sign': true, 'accessLog.read': true,
  'guardianVisibility.set': true, 'teamRequest.create': true,
  'referral.create': true, 'referralProposal.read': true, 'referral.anonymous': true, 'intake.read': true, 'referral.answer': true,
  'meeting.schedule': true, 'meetingCandidates.read': true, 'meeting.read': true, 'meeting.write': true, 'actionItem.update': true,
  'cwReport.create': true, 'cwReport.list': true, 'cwReport.read': true, 'cwReport.handle': true, 'cwReportQueue.read': true, 'cwReport.familyView': true,
  'cwReport.deliver': true, 'cwConsultation.create': true, 'cwConsultation.list': true, 'cwConsultation.read': true, 'cwConsultation.answer': true, 'cwCounts.read': true,
  'questionnaire.read': true, 'questionnaire.define': true, 'screening.create': true, 'screening.read': true, 'screening.answer': true,
  'goalRating.read': true, 'goalRating.create': true, 'survey.schedule': true, 'survey.list': true, 'survey.answer': true, 'survey.results': true,
  'planRequest.create': true, 'planRequestQueue.read': true, 'planRequest.decide': true, 'coordinator.appoint': true, 'coordinator.answer': true,
  'planStatus.read': true, 'plan.read': true, 'plan.create': true, 'plan.write': true, 'plan.familyWrite': true, 'planMeeting.schedule': true,
  'afterCare.record': true, 'afterCare.read': true,
  'session.signIn': true, 'case.purge': true, 'notification.remind': true,
  'birth.register': true, 'familyEffort.request': true, 'familyEffort.list': true, 'familyEffort.read': true, 'familyEffort.appoint': true,
  'familyEffort.accept': true, 'familyEffort.callIn': true, 'familyEffort.close': true, 'familyEffort.familyView': true,
  'indicator.list': true, 'indicator.edit': true, 'indicatorReport.read': true,
  'enrolment.import': true, 'enrolment.search': true, 'enrolment.worry': true,
  'handbook.edit': true, 'handbook.publish': true, 'handbookStaffPage.read': true,
} as const satisfies Record<AuditedAction, true>;

// Compile-time: every audited action has a bokmål text.
type Untranslated = Exclude<`domain.action.${AuditedAction}`, MessageKey>;
const everyActionHasText: [Untranslated] extends [never] ? true : Untranslated = true;
void everyActionHasText;

export function isAuditedAction(action: string): action is AuditedAction {
  return Object.hasOwn(AUDITED_ACTIONS, action);
}

/** What was done, as a sentence-case phrase ("Read the relay log"); never the code. */
export function actionText(lang: Language, action: string): string {
  return translate(lang, isAuditedAction(action) ? `domain.action.${action}` : 'domain.auditLine.otherAction');
}

/** Lower-cases the first letter inside a sentence, but leaves "PP-rådgiver" and "SBU" alone. */
function inSentence(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

const LOCALE: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** "3. mars 2026 kl. 14:05", "3 March 2026 at 14:05": Oslo time. */
export function whenText(lang: Language, at: Date | string): string {
  const date = new Date(at);
  const day = new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' }).format(date);
  const time = new Intl.DateTimeFormat('nb-NO', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Oslo' }).format(date);
  return translate(lang, 'domain.auditLine.when', { date: day, time });
}

export interface ActorFacts {
  actorKind: string;
  name: string | null;
  /** The staff user's title ("Pedagogisk leder"), else their role code. */
  title: string | null;
  role: string | null;
  unitName: string | null;
}

/** "Ingrid Solheim, pedagogisk leder, Solsikken barnehage"; a background job is Sammen itself. */
export function actorText(lang: Language, actor: ActorFacts): string {
  if (actor.actorKind === 'system') return translate(lang, 'domain.auditLine.system');
  const role = actor.title ?? (actor.role ? translate(lang, `domain.role.${actor.role}`) : null);
  return [actor.name ?? translate(lang, 'domain.auditLine.unknownActor'), role ? inSentence(role) : null, actor.unitName].filter(Boolean).join(', ');
}

function listText(lang: Language, items: string[]): string {
  return new Intl.ListFormat(LOCALE[lang], { style: 'long', type: 'conjunction' }).format(items);
}

export interface AuditRowForLine extends ActorFacts {
  id: string;
  at: Date;
  actorId: string | null;
  action: string;
}

export interface FamilyLine {
  id: string;
  at: Date;
  who: string;
  what: string;
  when: string;
  /** The whole line: "Ingrid Solheim, pedagogisk leder, Solsikken barnehage, leste stafettloggen, 3. mars 2026 kl. 14:05". */
  text: string;
}

/** Requests this close together by the same person are one look at the person's page. */
export const LOOK_GAP_MS = 2 * 60_000;

/**
 * The family's lines, newest first: one per look. A professional opening the child's page makes
 * several requests (status, log, consents …), each audited on its own; the family sees them as one
 * line naming everything that was read, at the time the look began.
 */
export function familyLines(lang: Language, rows: AuditRowForLine[]): FamilyLine[] {
  const looks: { rows: AuditRowForLine[] }[] = [];
  for (const row of rows) {
    const current = looks.at(-1);
    const last = current?.rows.at(-1);
    const sameActor = last && last.actorKind === row.actorKind && last.actorId === row.actorId && last.name === row.name;
    if (current && last && sameActor && last.at.getTime() - row.at.getTime() <= LOOK_GAP_MS) current.rows.push(row);
    else looks.push({ rows: [row] });
  }
  return looks.map(({ rows: group }) => {
    const first = group.at(-1)!;
    const phrases: string[] = [];
    // Oldest first, each thing once.
    for (const row of [...group].reverse()) {
      const phrase = inSentence(actionText(lang, row.action));
      if (!phrases.includes(phrase)) phrases.push(phrase);
    }
    const who = actorText(lang, group[0]!);
    const what = listText(lang, phrases);
    const when = whenText(lang, first.at);
    return { id: first.id, at: first.at, who, what, when, text: translate(lang, 'domain.auditLine.line', { who, what, when }) };
  });
}
