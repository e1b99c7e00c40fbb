import { defineRoute } from '../../infra/http/route.ts';
import {
  SurveyAnswered, SurveyFormResponse, SurveyResultsResponse, SurveyRoundsResponse,
  AnsweredResponse, GoalRatingsResponse, InstrumentSaved, InstrumentVersionsResponse, InstrumentsResponse, ScreeningResponse, ScreeningsResponse, TakenIntoLogResponse,
} from '../../../common/contracts/questionnaires.ts';
import { Created } from '../../../common/contracts/shared.ts';
import { AnswerBody, DefineBody, InstrumentParams, PersonParams, RateGoalBody, RoundParams, ScheduleRoundBody, ScreeningParams, StartScreeningBody, SurveyAnswerBody, TakeIntoLogBody } from './schema.ts';
import * as survey from './survey.ts';
import * as screenings from './service.ts';
import * as goals from './goals.ts';

const tags = ['questionnaires'];

export const questionnaireRoutes = [
  defineRoute({
    method: 'GET', url: '/api/questionnaires', summary: 'The instruments in use (FHIR Questionnaire-shaped): the built-in EPDS and AUDIT and the municipality\'s own, with scoring, thresholds, source and licence', tags,
    response: InstrumentsResponse,
    audience: 'signed-in', guarded: true,
    handler: async (ctx) => screenings.listInstruments(ctx),
  }),
  defineRoute({
    method: 'GET', url: '/api/questionnaires/:key/versions', summary: 'Every version of one instrument, newest first', tags,
    response: InstrumentVersionsResponse,
    audience: 'signed-in', guarded: true, params: InstrumentParams,
    handler: async (ctx, { params }) => screenings.listVersions(ctx, params.key),
  }),
  defineRoute({
    method: 'POST', url: '/api/questionnaires', summary: 'Publish the municipality\'s own instrument or its next version (the one before is retired). Overlapping thresholds and thresholds beyond the highest total are refused', tags,
    response: InstrumentSaved,
    idempotent: true, versioned: { field: 'basedOnVersion' }, audience: 'staff', guarded: true, body: DefineBody, status: 201,
    handler: async (ctx, { body }) => screenings.defineInstrument(ctx, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/:id/questionnaire-responses', summary: 'Start a screening with the person in a conversation, or send it to their Min side', tags,
    response: Created,
    idempotent: true, audience: 'staff', guarded: true, params: PersonParams, body: StartScreeningBody, status: 201,
    handler: async (ctx, { params, body }) => screenings.startScreening(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/people/:id/questionnaire-responses', summary: 'The screenings the person answered or was sent: to the person, and to professionals under a consent naming health', tags,
    response: ScreeningsResponse,
    audience: 'signed-in', guarded: true, params: PersonParams,
    handler: async (ctx, { params }) => screenings.listScreenings(ctx, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/questionnaire-responses/:responseId', summary: 'One screening: the form in the reader\'s language with its source and licence, or the answer, the score, the threshold passed and the suggested next step', tags,
    response: ScreeningResponse,
    audience: 'signed-in', guarded: true, params: ScreeningParams,
    handler: async (ctx, { params }) => screenings.getScreening(ctx, params.responseId),
  }),
  defineRoute({
    method: 'POST', url: '/api/questionnaire-responses/:responseId/answers', summary: 'Answer a screening (QuestionnaireResponse items): scored at once; an alert item notifies the professional', tags,
    response: AnsweredResponse,
    versioned: { field: 'version' }, audience: 'signed-in', guarded: true, params: ScreeningParams, body: AnswerBody,
    handler: async (ctx, { params, body }) => screenings.answerScreening(ctx, params.responseId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/questionnaire-responses/:responseId/measure', summary: 'Take the threshold\'s suggestion into the relay log: the goal and the measure towards it', tags,
    response: TakenIntoLogResponse,
    idempotent: true, audience: 'staff', guarded: true, params: ScreeningParams, body: TakeIntoLogBody, status: 201,
    handler: async (ctx, { params, body }) => screenings.takeIntoLog(ctx, params.responseId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/people/:id/goal-ratings', summary: 'Each goal of the relay log with its progress ratings (0–10) over time', tags,
    response: GoalRatingsResponse,
    audience: 'signed-in', guarded: true, params: PersonParams,
    handler: async (ctx, { params }) => goals.goalRatings(ctx, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/:id/goal-ratings', summary: 'Rate a goal\'s progress 0–10: the family or the child on Min side, or the professional writing down their rating in the meeting', tags,
    response: Created,
    idempotent: true, audience: 'signed-in', guarded: true, params: PersonParams, body: RateGoalBody, status: 201,
    handler: async (ctx, { params, body }) => goals.rateGoal(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/surveys', summary: 'Schedule a round of the collaboration survey (e.g. each spring and autumn)', tags,
    response: Created,
    idempotent: true, audience: 'signed-in', guarded: true, body: ScheduleRoundBody, status: 201,
    handler: async (ctx, { body }) => survey.scheduleRound(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/surveys', summary: 'The collaboration survey\'s rounds, and whether the signed-in staff user has answered each', tags,
    response: SurveyRoundsResponse,
    audience: 'signed-in', guarded: true,
    handler: async (ctx) => survey.listRounds(ctx),
  }),
  defineRoute({
    method: 'GET', url: '/api/surveys/results', summary: 'The survey\'s results per round and service type, only for groups of 5 or more', tags,
    response: SurveyResultsResponse,
    audience: 'signed-in', guarded: true,
    handler: async (ctx) => survey.results(ctx),
  }),
  defineRoute({
    method: 'GET', url: '/api/surveys/:roundId', summary: 'One round\'s questions in the reader\'s language', tags,
    response: SurveyFormResponse,
    audience: 'signed-in', guarded: true, params: RoundParams,
    handler: async (ctx, { params }) => survey.surveyForm(ctx, params.roundId),
  }),
  defineRoute({
    method: 'POST', url: '/api/surveys/:roundId/answers', summary: 'Answer a round anonymously: kept only as counts per service type; a second answer is refused', tags,
    response: SurveyAnswered,
    idempotent: true, audience: 'signed-in', guarded: true, params: RoundParams, body: SurveyAnswerBody, status: 201,
    handler: async (ctx, { params, body }) => survey.answerRound(ctx, params.roundId, body.answers),
  }),
];
