// Questionnaires in the demo: a few EPDS screenings by the health nurse (Kari Nygård) of mothers and
// pregnant women she follows — one over the threshold, one under, one sent and not yet answered —
// and one completed round of the collaboration survey with its counts. Only generated people are
// used, so the fixed demo families (Hanna Sæther among them) start with none. The municipality has
// one instrument of its own, a short conversation guide, at its first version.
import type { Tx } from '../infra/db/database.ts';
import type { Definition, Localized } from '../../common/contracts/questionnaires.ts';
import { addDays } from '../../common/dates.ts';
import { EPDS, COLLABORATION } from '../modules/questionnaires/instruments.ts';
import { score } from '../modules/questionnaires/scoring.ts';

export interface DemoQuestionnaireInput {
  municipalityId: string;
  referenceDate: string;
  nurseId: string;
  sbuCoordinatorId: string;
  /** Who published the municipality's own instrument. */
  administratorId: string;
  /** Mothers and pregnant women the nurse follows (generated ones only). */
  personIds: string[];
  /** Those of them the nurse does not follow yet: she starts to. */
  notYetInvolved: string[];
  /** Every staff user, by their unit's type: the survey's respondents. */
  staff: { id: string; unitType: string }[];
}

const L = (nb: string, nn: string, en: string): Localized => ({ nb, nn, en });
const often = [
  { score: 0, display: L('Sjelden', 'Sjeldan', 'Rarely') },
  { score: 1, display: L('Av og til', 'Av og til', 'Sometimes') },
  { score: 2, display: L('Ofte', 'Ofte', 'Often') },
];

/** The municipality's own instrument: three questions about everyday life, asked in a conversation. */
export const EVERYDAY: Definition = {
  resourceType: 'Questionnaire',
  title: L('Samtale om søvn og hverdag', 'Samtale om søvn og kvardag', 'A conversation about sleep and everyday life'),
  answeredBy: 'professional_with_person',
  source: L('Fjordvik kommune, helsestasjonen', 'Fjordvik kommune, helsestasjonen', 'Fjordvik municipality, the health station'),
  licence: L('Kommunens eget skjema.', 'Kommunen sitt eige skjema.', 'The municipality\'s own form.'),
  item: [
    { linkId: '1', required: true, text: L('Hvor ofte sover du dårlig?', 'Kor ofte søv du dårleg?', 'How often do you sleep badly?'), answerOption: often },
    { linkId: '2', required: true, text: L('Hvor ofte føler du at hverdagen blir for mye?', 'Kor ofte kjenner du at kvardagen blir for mykje?', 'How often does everyday life feel like too much?'), answerOption: often },
    { linkId: '3', required: true, text: L('Hvor ofte mangler du noen å snakke med?', 'Kor ofte manglar du nokon å snakke med?', 'How often do you lack someone to talk to?'), answerOption: often },
  ],
  scoring: { rule: 'sum', subscales: [] },
  thresholds: [{
    key: 't1', from: 4, to: 6,
    text: L('Skåre 4 eller mer: flere ting er tunge nå. Avtal en ny samtale.', 'Skåre 4 eller meir: fleire ting er tunge no. Avtal ein ny samtale.', 'Score of 4 or more: several things are hard now. Agree on another conversation.'),
    measure: L('Ny samtale med helsesykepleier', 'Ny samtale med helsesjukepleiar', 'Another conversation with the health nurse'),
    guideStep: { level: 1, stepKey: 'start_measures' },
    pregnancyGuideStep: { level: 1, stepKey: 'extra_follow_up' },
  }],
};

const SCREENINGS = [
  { daysAgo: 20, answers: [2, 2, 2, 2, 1, 1, 1, 1, 2, 0] }, // 14: probable depression
  { daysAgo: 9, answers: [1, 0, 1, 1, 0, 1, 0, 1, 1, 0] }, // 6: under every threshold
  { daysAgo: 2, answers: null }, // sent to Min side, not yet answered
] as const;

export async function writeDemoQuestionnaires(trx: Tx, input: DemoQuestionnaireInput): Promise<void> {
  const at = (days: number, hour = 10) => new Date(`${addDays(input.referenceDate, -days)}T${String(hour).padStart(2, '0')}:00:00.000Z`);
  if (input.notYetInvolved.length) {
    await trx.insertInto('involvement').values(input.notYetInvolved.map((person_id) => ({ person_id, staff_user_id: input.nurseId, kind: 'collaborator' as const, started_at: at(30).toISOString() }))).execute();
  }
  for (const [i, s] of SCREENINGS.entries()) {
    const personId = input.personIds[i];
    if (!personId) break;
    const base = { municipality_id: input.municipalityId, person_id: personId, instrument_key: 'epds', instrument_version: 1, mode: 'min_side' as const, requested_by: input.nurseId, requested_at: at(s.daysAgo) };
    if (!s.answers) {
      await trx.insertInto('screening').values(base).execute();
      continue;
    }
    const response = s.answers.map((value, n) => ({ linkId: String(n + 1), score: value }));
    const result = score(EPDS, response);
    if ('problems' in result) throw new Error('demo screening does not score');
    await trx.insertInto('screening').values({
      ...base, status: 'answered', language: 'nb', response: JSON.stringify(response), score: result.scored.score, subscores: JSON.stringify(result.scored.subscores),
      threshold_key: result.scored.thresholdKey, alert: result.scored.alertItems.length > 0, answered_at: at(s.daysAgo - 1, 19), version: 2,
    }).execute();
  }

  await trx.insertInto('questionnaire_version').values({
    municipality_id: input.municipalityId, instrument_key: 'hverdag', version: 1, definition: JSON.stringify(EVERYDAY), created_by: input.administratorId, created_at: at(40),
  }).execute();

  // Last autumn's round, closed: everyone answered, their answers only as counts per service type.
  const round = await trx.insertInto('survey_round').values({
    municipality_id: input.municipalityId, instrument_key: 'collaboration', instrument_version: 1, title: 'Samhandlingsundersøkelsen, høst',
    opens_on: addDays(input.referenceDate, -75), closes_on: addDays(input.referenceDate, -61), created_by: input.sbuCoordinatorId, created_at: at(90),
  }).returning('id').executeTakeFirstOrThrow();
  if (input.staff.length === 0) return;
  await trx.insertInto('survey_participation').values(input.staff.map((s) => ({ round_id: round.id, staff_user_id: s.id }))).execute();
  const byType = new Map<string, number>();
  for (const s of input.staff) byType.set(s.unitType, (byType.get(s.unitType) ?? 0) + 1);
  await trx.insertInto('survey_respondents').values([...byType].map(([service_type, respondents]) => ({ round_id: round.id, service_type, respondents }))).execute();
  const tally = new Map<string, number>();
  input.staff.forEach((s, n) => {
    COLLABORATION.item.forEach((item, k) => {
      // A spread of answers that differs by item and person, the same every time.
      const answer = 2 + ((n * 7 + k * 3) % 4);
      const key = `${s.unitType}|${item.linkId}|${answer}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    });
  });
  await trx.insertInto('survey_tally').values([...tally].map(([key, answers]) => {
    const [service_type, link_id, answer] = key.split('|') as [string, string, string];
    return { round_id: round.id, service_type, link_id, answer: Number(answer), answers };
  })).execute();
}
