// Instruments and screenings. A professional involved with a person, under a consent that names
// health, starts a screening in a conversation or sends it to the person's Min side; the answer is
// scored at once, and the threshold it passes suggests a measure and an action-guide step, which one
// action takes into the relay log. An alert item notifies the professional at once. Every screening
// is the data of the person who answered it: its access rule and access log follow that person.
import { randomUUID } from 'node:crypto';
import type { Definition } from '../../../common/contracts/questionnaires.ts';
import { osloDate } from '../../../common/dates.ts';
import type { Db, Tx } from '../../infra/db/database.ts';
import { checkVersion, requireStaff, type DataContext } from '../../infra/http/context.ts';
import { AppError, invalid, invalidField } from '../../infra/http/errors.ts';
import { abilitiesOf, authorize, aboutPerson, subjectOf } from '../access/access.ts';
import { notify } from '../notifications/service.ts';
import { guideSteps, guideSubjectOfAnswerer, loadOpenCase, newestGuideVersion } from '../cases/queries.ts';
import { addEntry } from '../cases/relay-log.ts';
import { openCase } from '../cases/service.ts';
import { currentInstruments, currentVersion, findVersion, instrumentVersions, isBuiltIn, type InstrumentVersion } from './definitions.ts';
import { checkDefinition, score, type Problem } from './scoring.ts';
import type { AnswerInput, DefineInput, StartScreeningInput, TakeIntoLogInput } from './schema.ts';

const entityOf = (id: string) => ({ type: 'screening', id });
const asPerson = (id: string) => ({ kind: 'person' as const, id });
/** Where the professional sees a screening, and where the person answers it. */
export const STAFF_LINK = (personId: string, screeningId: string) => `/barn/${personId}/kartlegging/${screeningId}`;
export const MIN_SIDE_LINK = (screeningId: string) => `/min-side/kartlegging/${screeningId}`;

function presentInstrument(i: InstrumentVersion) {
  return { key: i.key, version: i.version, builtIn: i.builtIn, retired: i.retired, createdAt: i.createdAt, definition: i.definition, maxScore: i.maxScore };
}

export async function listInstruments(ctx: DataContext) {
  await authorize(ctx, { action: 'questionnaire.read', purpose: 'administration' });
  const staff = requireStaff(ctx);
  const instruments = await currentInstruments(ctx.trx, staff.municipalityId);
  const abilities = await abilitiesOf(ctx, { purpose: 'administration' }, { define: 'questionnaire.define' });
  return { instruments: instruments.map(presentInstrument), abilities };
}

export async function listVersions(ctx: DataContext, key: string) {
  await authorize(ctx, { action: 'questionnaire.read', purpose: 'administration' });
  const staff = requireStaff(ctx);
  return { versions: (await instrumentVersions(ctx.trx, staff.municipalityId, key)).map(presentInstrument) };
}

/** Threshold steps the published guide does not have for their path: the child guide's, the pregnancy guide's. */
async function unknownGuideSteps(trx: Tx, municipalityId: string, definition: Definition): Promise<Problem[]> {
  const guide = await newestGuideVersion(trx, municipalityId);
  const steps = guide ? await trx.selectFrom('action_guide_step').select(['level', 'step_key', 'subject']).where('guide_version_id', '=', guide.id).execute() : [];
  return definition.thresholds.flatMap((t, i) => ([['guideStep', t.guideStep, 'child'], ['pregnancyGuideStep', t.pregnancyGuideStep, 'pregnancy']] as const)
    .filter(([, ref, subject]) => ref && !steps.some((s) => s.level === ref.level && s.step_key === ref.stepKey && s.subject === subject))
    .map(([field]) => ({ field: `definition.thresholds.${i}.${field}`, messageKey: 'questionnaires.err.unknownGuideStep' as const })));
}

/** The municipality's own instrument, or its next version: the one before is retired in the same step. */
export async function defineInstrument(ctx: DataContext, input: DefineInput) {
  await authorize(ctx, { action: 'questionnaire.define', purpose: 'administration' });
  const staff = requireStaff(ctx);
  if (isBuiltIn(input.key)) throw invalidField('key', 'questionnaires.err.builtInKey');
  const problems = [...checkDefinition(input.definition), ...(await unknownGuideSteps(ctx.trx, staff.municipalityId, input.definition))];
  if (problems.length > 0) throw invalid(...problems.map((p) => ({ field: p.field, messageKey: p.messageKey, ...(p.params ? { params: p.params } : {}) })));
  const newest = await ctx.trx.selectFrom('questionnaire_version').select(['id', 'version'])
    .where('municipality_id', '=', staff.municipalityId).where('instrument_key', '=', input.key)
    .orderBy('version', 'desc').limit(1).forUpdate().executeTakeFirst();
  checkVersion(ctx, newest?.version ?? 0);
  const now = ctx.services.clock.now();
  if (newest) await ctx.trx.updateTable('questionnaire_version').set({ retired_at: now }).where('id', '=', newest.id).execute();
  const version = (newest?.version ?? 0) + 1;
  await ctx.trx.insertInto('questionnaire_version').values({
    municipality_id: staff.municipalityId, instrument_key: input.key, version, definition: JSON.stringify(input.definition), created_by: staff.staffUserId, created_at: now,
  }).execute();
  return { key: input.key, version };
}

export async function startScreening(ctx: DataContext, personId: string, input: StartScreeningInput) {
  const id = randomUUID();
  await authorize(ctx, { action: 'screening.create', purpose: 'follow_up', subject: asPerson(personId), entity: entityOf(id) });
  const staff = requireStaff(ctx);
  const instrument = await currentVersion(ctx.trx, staff.municipalityId, input.instrumentKey);
  if (!instrument || instrument.definition.answeredBy === 'staff_anonymous') throw invalidField('instrumentKey', 'questionnaires.err.unknownInstrument');
  if (input.mode === 'min_side' && instrument.definition.answeredBy !== 'person') throw invalidField('mode', 'questionnaires.err.notForMinSide');
  const person = await ctx.trx.selectFrom('person').select('municipality_id').where('id', '=', personId).executeTakeFirstOrThrow();
  await ctx.trx.insertInto('screening').values({
    id, municipality_id: person.municipality_id, person_id: personId, instrument_key: instrument.key, instrument_version: instrument.version,
    mode: input.mode, requested_by: staff.staffUserId, requested_at: ctx.services.clock.now(),
  }).execute();
  if (input.mode === 'min_side') {
    await notify(ctx.trx, {
      recipient: { kind: 'citizen', personId }, kind: 'screening.sent', subjectPersonId: personId,
      params: { unitName: await unitName(ctx.trx, staff.serviceUnitId) }, link: MIN_SIDE_LINK(id), dedupeKey: `screening.sent:${id}`,
    });
  }
  return { id };
}

async function unitName(trx: Tx, unitId: string | null): Promise<string> {
  if (!unitId) return '';
  return (await trx.selectFrom('service_unit').select('name').where('id', '=', unitId).executeTakeFirst())?.name ?? '';
}

async function loadScreening(db: Db | Tx, id: string) {
  return db.selectFrom('screening as s').innerJoin('staff_user as u', 'u.id', 's.requested_by')
    .select(['s.id', 's.municipality_id', 's.person_id', 's.instrument_key', 's.instrument_version', 's.mode', 's.status', 's.requested_by', 's.requested_at',
      'u.display_name as requested_by_name', 's.language', 's.response', 's.score', 's.subscores', 's.threshold_key', 's.alert', 's.answered_at', 's.measure_entry_key', 's.version'])
    .where('s.id', '=', id).executeTakeFirst();
}
type ScreeningRow = NonNullable<Awaited<ReturnType<typeof loadScreening>>>;

/** Loads the screening and asks the access module about the person who answers it; an unknown id is refused alike. */
async function authorizeScreening(ctx: DataContext, id: string, action: 'screening.read' | 'screening.answer'): Promise<ScreeningRow> {
  await authorize(ctx, { action, purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up', ...aboutPerson(await subjectOf(ctx, 'screening', id)), entity: entityOf(id) });
  return (await loadScreening(ctx.trx, id))!;
}

async function instrumentOf(trx: Tx, row: ScreeningRow): Promise<InstrumentVersion> {
  const found = await findVersion(trx, row.municipality_id, row.instrument_key, row.instrument_version);
  if (!found) throw new Error(`screening ${row.id} names an instrument version that does not exist`);
  return found;
}

/**
 * The result in the reader's language: the threshold's text, the suggested measure and the step of
 * the answerer's own guide (a pregnant woman's or a new mother's is the pregnancy guide).
 */
async function presentResult(ctx: DataContext, screening: { municipalityId: string; personId: string }, definition: Definition, maxScore: number, row: { score: number; subscores: Record<string, number>; thresholdKey: string | null; alertItems: string[] }) {
  const { trx, lang } = ctx;
  const threshold = definition.thresholds.find((t) => t.key === row.thresholdKey) ?? null;
  let guideStep = null;
  if (threshold) {
    const subject = await guideSubjectOfAnswerer(trx, screening.personId, osloDate(ctx.services.clock.now()));
    const step = subject === 'pregnancy' ? threshold.pregnancyGuideStep ?? null : threshold.guideStep;
    if (step) {
      const guide = await newestGuideVersion(trx, screening.municipalityId);
      const steps = guide ? await guideSteps(trx, guide.id, lang, step.level, subject) : [];
      guideStep = { ...step, title: steps.find((s) => s.stepKey === step.stepKey)?.title ?? null };
    }
  }
  return {
    score: row.score, maxScore,
    subscores: definition.scoring.subscales.map((s) => ({ key: s.key, title: s.title[lang], score: row.subscores[s.key] ?? 0 })),
    threshold: threshold ? { key: threshold.key, text: threshold.text[lang], measure: threshold.measure[lang], guideStep } : null,
    alert: row.alertItems.length > 0, alertItems: row.alertItems,
    alertText: row.alertItems.length > 0 ? definition.alertText?.[lang] ?? null : null,
  };
}

type ResponseItem = { linkId: string; score: number };
const alertItemsOf = (definition: Definition, answers: ResponseItem[]) =>
  definition.item.filter((i) => i.alertFrom !== undefined && answers.some((a) => a.linkId === i.linkId && a.score >= i.alertFrom!)).map((i) => i.linkId);

export async function getScreening(ctx: DataContext, id: string) {
  const row = await authorizeScreening(ctx, id, 'screening.read');
  const instrument = await instrumentOf(ctx.trx, row);
  const d = instrument.definition;
  const lang = ctx.lang;
  const answers = row.response === null ? null : (row.response as ResponseItem[]);
  const result = row.status === 'answered' && answers
    ? await presentResult(ctx, { municipalityId: row.municipality_id, personId: row.person_id }, d, instrument.maxScore, { score: row.score!, subscores: row.subscores ?? {}, thresholdKey: row.threshold_key, alertItems: alertItemsOf(d, answers) })
    : null;
  const answerAllowed = await abilitiesOf(ctx, { purpose: 'follow_up', subject: asPerson(row.person_id), entity: entityOf(id) }, { answer: 'screening.answer' });
  const mine = ctx.principal?.kind === 'citizen' ? row.mode === 'min_side' : row.mode === 'conversation';
  return {
    id: row.id, personId: row.person_id, instrumentKey: row.instrument_key, instrumentVersion: row.instrument_version, title: d.title[lang],
    mode: row.mode, status: row.status, requestedAt: row.requested_at, requestedBy: row.requested_by_name, answeredAt: row.answered_at, version: row.version,
    intro: d.intro?.[lang] ?? null, source: d.source[lang], licence: d.licence[lang],
    items: d.item.map((i) => ({ linkId: i.linkId, text: i.text[lang], required: i.required, answerOption: i.answerOption.map((o) => ({ score: o.score, display: o.display[lang] })) })),
    answers, language: row.language, result, measureEntryKey: row.measure_entry_key,
    abilities: {
      answer: answerAllowed.answer && row.status === 'sent' && mine && !instrument.retired,
      takeIntoLog: ctx.principal?.kind === 'staff' && row.status === 'answered' && row.threshold_key !== null && row.measure_entry_key === null,
    },
  };
}

export async function answerScreening(ctx: DataContext, id: string, input: AnswerInput) {
  const row = await authorizeScreening(ctx, id, 'screening.answer');
  // Two answers sent at once: the second waits, then finds the screening answered.
  await ctx.trx.selectFrom('screening').select('id').where('id', '=', id).forUpdate().execute();
  const current = (await loadScreening(ctx.trx, id))!;
  checkVersion(ctx, current.version);
  if (current.status === 'answered') throw new AppError('CONFLICT', 'questionnaires.err.alreadyAnswered');
  // On Min side the person answers what was sent to them; in a conversation the professional fills it in.
  const byCitizen = ctx.principal?.kind === 'citizen';
  if (byCitizen !== (row.mode === 'min_side')) throw invalidField('mode', byCitizen ? 'questionnaires.err.answerInConversation' : 'questionnaires.err.answerOnMinSide');
  const instrument = await instrumentOf(ctx.trx, row);
  if (instrument.retired) throw invalidField('instrumentVersion', 'questionnaires.err.retired');
  const scored = score(instrument.definition, input.answers);
  if ('problems' in scored) throw invalid(...scored.problems.map((p) => ({ field: p.field, messageKey: p.messageKey })));
  const { score: total, subscores, thresholdKey, alertItems } = scored.scored;
  const now = ctx.services.clock.now();
  const answers = instrument.definition.item.flatMap((i) => input.answers.filter((a) => a.linkId === i.linkId));
  const updated = await ctx.trx.updateTable('screening').set({
    status: 'answered', language: ctx.lang, response: JSON.stringify(answers), score: total, subscores: JSON.stringify(subscores),
    threshold_key: thresholdKey, alert: alertItems.length > 0, answered_at: now, version: current.version + 1,
  }).where('id', '=', id).returning('version').executeTakeFirstOrThrow();
  const person = await ctx.trx.selectFrom('person').select(['given_name', 'family_name']).where('id', '=', row.person_id).executeTakeFirstOrThrow();
  const params = { personName: `${person.given_name} ${person.family_name}`, title: instrument.definition.title.nb };
  if (alertItems.length > 0) {
    // Action the same day: the professional hears of it at once, by e-mail too.
    await notify(ctx.trx, { recipient: { kind: 'staff', staffUserId: row.requested_by }, kind: 'screening.alert', subjectPersonId: row.person_id, params, link: STAFF_LINK(row.person_id, id), dedupeKey: `screening.alert:${id}` });
  } else if (byCitizen) {
    await notify(ctx.trx, { recipient: { kind: 'staff', staffUserId: row.requested_by }, kind: 'screening.answered', subjectPersonId: row.person_id, params, link: STAFF_LINK(row.person_id, id), dedupeKey: `screening.answered:${id}` });
  }
  const result = await presentResult(ctx, { municipalityId: row.municipality_id, personId: row.person_id }, instrument.definition, instrument.maxScore, scored.scored);
  return { id, version: updated.version, result };
}

/** The screenings of one person, newest first, and the instruments the professional may start. */
export async function listScreenings(ctx: DataContext, personId: string) {
  await authorize(ctx, { action: 'screening.read', purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up', subject: asPerson(personId) });
  const rows = await ctx.trx.selectFrom('screening as s').innerJoin('staff_user as u', 'u.id', 's.requested_by')
    .select(['s.id', 's.municipality_id', 's.person_id', 's.instrument_key', 's.instrument_version', 's.mode', 's.status', 's.requested_at', 'u.display_name', 's.answered_at', 's.score', 's.threshold_key', 's.alert'])
    .where('s.person_id', '=', personId).orderBy('s.requested_at', 'desc').orderBy('s.id').execute();
  const lang = ctx.lang;
  const screenings = [];
  for (const r of rows) {
    const instrument = await findVersion(ctx.trx, r.municipality_id, r.instrument_key, r.instrument_version);
    const d = instrument?.definition;
    screenings.push({
      id: r.id, personId: r.person_id, instrumentKey: r.instrument_key, instrumentVersion: r.instrument_version, title: d?.title[lang] ?? r.instrument_key,
      mode: r.mode, status: r.status, requestedAt: r.requested_at, requestedBy: r.display_name, answeredAt: r.answered_at,
      score: r.score, thresholdText: d?.thresholds.find((t) => t.key === r.threshold_key)?.text[lang] ?? null, alert: r.alert,
    });
  }
  const abilities = await abilitiesOf(ctx, { purpose: 'follow_up', subject: asPerson(personId) }, { start: 'screening.create' });
  const instruments = ctx.principal?.kind === 'staff' && abilities.start
    ? (await currentInstruments(ctx.trx, ctx.principal.municipalityId)).filter((i) => i.definition.answeredBy !== 'staff_anonymous')
      .map((i) => ({ key: i.key, version: i.version, title: i.definition.title[lang], answeredBy: i.definition.answeredBy }))
    : [];
  return { screenings, instruments, abilities };
}

/**
 * Takes the threshold's suggestion into the relay log with one action: the goal and the measure
 * towards it (opening the case when the person has none), so the family can rate the goal's
 * progress from the measure's start.
 */
export async function takeIntoLog(ctx: DataContext, id: string, input: TakeIntoLogInput) {
  const row = await authorizeScreening(ctx, id, 'screening.read');
  const staff = requireStaff(ctx);
  await ctx.trx.selectFrom('screening').select('id').where('id', '=', id).forUpdate().execute();
  const current = (await loadScreening(ctx.trx, id))!;
  if (current.measure_entry_key) throw new AppError('CONFLICT', 'questionnaires.err.alreadyInLog');
  if (current.status !== 'answered' || !current.threshold_key) throw invalidField('screeningId', 'questionnaires.err.nothingToTake');
  if (input.startsOn < osloDate(ctx.services.clock.now())) throw invalidField('startsOn', 'questionnaires.err.startsInPast');
  const instrument = await instrumentOf(ctx.trx, row);
  const threshold = instrument.definition.thresholds.find((t) => t.key === current.threshold_key)!;
  const helpCase = (await loadOpenCase(ctx.trx, row.person_id)) ?? (await openCase(ctx, row.person_id, row.municipality_id, instrument.definition.title[ctx.lang]));
  const common = { category: 'health' as const, body: '', basedOnVersion: undefined, measureKey: undefined, outcome: undefined, familyView: undefined, childView: undefined };
  const goal = await addEntry(ctx, helpCase.id, { ...common, kind: 'goal', title: input.goal, responsibleStaffId: undefined, startsOn: undefined, evaluateOn: undefined });
  const measure = await addEntry(ctx, helpCase.id, {
    ...common, kind: 'measure', title: input.title ?? threshold.measure[ctx.lang], body: threshold.text[ctx.lang],
    responsibleStaffId: staff.staffUserId, startsOn: input.startsOn, evaluateOn: input.evaluateOn,
  });
  await ctx.trx.updateTable('screening').set({ measure_entry_key: measure.entryKey, version: current.version + 1 }).where('id', '=', id).execute();
  return { caseId: helpCase.id, measureEntryKey: measure.entryKey, goalEntryKey: goal.entryKey };
}
