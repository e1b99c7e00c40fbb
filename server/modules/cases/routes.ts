import { defineRoute } from '../../infra/http/route.ts';
import { AddEntryResponse, CaseLog, CaseStatus, ChangeLevelResponse, CloseCaseResponse, CorrectEntryResponse, DiscussantsResponse, EntryHistoryResponse, InvolveColleagueResponse, LinkWorryResponse, ListColleaguesResponse, ListMyWorriesResponse, MyActionItemsResponse, MyHandoversResponse, MyMeasuresResponse, MyTasksResponse, NoteWorryResponse, PlanTransitionResponse, ReadGuideResponse, SetStepDoneResponse } from '../../../common/contracts/cases.ts';
import { Created, StatusChanged, VersionSaved } from '../../../common/contracts/shared.ts';
import {
  AnswerBody, CaseParams, GuideBody, CloseBody, EnrolmentBody, EntryBody, EntryParams, HandoverBody, HandoverParams, InvolveBody, LevelBody, LinkWorryBody,
  CasePageQuery, PersonParams, StepBody, TransitionBody, WorryBody, WorryDiscussionBody, WorryParams,
} from './schema.ts';
import { publishGuide, readGuide } from './guide.ts';
import * as baton from './baton.ts';
import * as relayLog from './relay-log.ts';
import * as status from './status.ts';
import * as tasks from './tasks.ts';
import * as worries from './worries.ts';
import { sendPdf } from '../../infra/http/pdf-reply.ts';
import { PageQuery } from '../../infra/http/paging.ts';

const tags = ['cases'];

export const caseRoutes = [
  defineRoute({
    method: 'POST', url: '/api/worries', summary: 'Note a worry (undring): about a person, or anonymously without identity', tags,
    idempotent: true, audience: 'staff', guarded: true, body: WorryBody, status: 201,
    response: NoteWorryResponse,
    handler: async (ctx, { body }) => worries.noteWorry(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/worries', summary: 'Anonymous worries one noted or was asked to discuss, newest first, a page at a time', tags,
    audience: 'staff', guarded: true, query: PageQuery,
    response: ListMyWorriesResponse,
    handler: async (ctx, { query }) => worries.listMyWorries(ctx, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/worries/discussants', summary: 'Colleagues and teams a worry can be discussed with', tags,
    audience: 'staff', guarded: false,
    response: DiscussantsResponse,
    handler: async (ctx) => {
      const me = ctx.principal as { municipalityId: string; staffUserId: string };
      return worries.discussants(ctx.services.db, me.municipalityId, me.staffUserId);
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/worries/:worryId/discussions', summary: 'Record an anonymous discussion with a colleague or a team', tags,
    idempotent: true, audience: 'staff', guarded: true, params: WorryParams, body: WorryDiscussionBody, status: 201,
    response: Created,
    handler: async (ctx, { params, body }) => worries.discussWorry(ctx, params.worryId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/worries/:worryId/link', summary: 'Tie an anonymous worry to a person; opens the case', tags,
    audience: 'staff', guarded: true, params: WorryParams, body: LinkWorryBody,
    response: LinkWorryResponse,
    handler: async (ctx, { params, body }) => worries.linkWorry(ctx, params.worryId, body.personId),
  }),
  defineRoute({
    method: 'GET', url: '/api/people/:id/case-status', summary: 'Level, action guide steps, relay holder, handover and transitions', tags,
    audience: 'signed-in', guarded: true, params: PersonParams,
    response: CaseStatus,
    handler: async (ctx, { params }) => status.getCaseStatus(ctx, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/people/:id/case', summary: 'The shared case and relay log, as far as the consent reaches', tags,
    audience: 'signed-in', guarded: true, params: PersonParams, query: CasePageQuery,
    response: CaseLog,
    handler: async (ctx, { params, query }) => relayLog.getCase(ctx, params.id, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/people/:id/relay-log.pdf', summary: 'The relay log as a PDF in the reader\'s language, as far as the consent reaches (a PDF at every transition)', tags,
    audience: 'signed-in', guarded: true, params: PersonParams,
    produces: 'application/pdf',
    handler: async (ctx, { params }) => {
      const pdf = await relayLog.relayLogPdf(ctx, params.id);
      return sendPdf(ctx.reply, pdf, 'stafettlogg.pdf');
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/people/:id/enrolments', summary: 'Enrol the child at a kindergarten or school', tags,
    idempotent: true, audience: 'staff', guarded: true, params: PersonParams, body: EnrolmentBody, status: 201,
    response: Created,
    handler: async (ctx, { params, body }) => status.addEnrolment(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/level', summary: 'Move the case to another level, with the reason', tags,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: CaseParams, body: LevelBody,
    response: ChangeLevelResponse,
    handler: async (ctx, { params, body }) => status.changeLevel(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/steps', summary: 'Mark an action guide step done or not done', tags,
    audience: 'staff', guarded: true, params: CaseParams, body: StepBody,
    response: SetStepDoneResponse,
    handler: async (ctx, { params, body }) => status.setStepDone(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/entries', summary: 'Write in the relay log (development area, goal, measure, evaluation, agreement, strength, note)', tags,
    idempotent: true, audience: 'signed-in', guarded: true, params: CaseParams, body: EntryBody, status: 201,
    response: AddEntryResponse,
    handler: async (ctx, { params, body }) => relayLog.addEntry(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/entries/:entryKey', summary: 'Correct an entry: a new version, the old one stays in the history', tags,
    idempotent: true, versioned: { field: 'basedOnVersion' }, audience: 'signed-in', guarded: true, params: EntryParams, body: EntryBody, status: 201,
    response: CorrectEntryResponse,
    handler: async (ctx, { params, body }) => relayLog.correctEntry(ctx, params.caseId, params.entryKey, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/entries/:entryKey/history', summary: 'Every version of an entry', tags,
    audience: 'signed-in', guarded: true, params: EntryParams,
    response: EntryHistoryResponse,
    handler: async (ctx, { params }) => relayLog.entryHistory(ctx, params.caseId, params.entryKey),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/colleagues', summary: 'Staff the consent lets into the case', tags,
    audience: 'staff', guarded: true, params: CaseParams,
    response: ListColleaguesResponse,
    handler: async (ctx, { params }) => relayLog.listColleagues(ctx, params.caseId),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/involved', summary: 'Bring a colleague from a consented service into the case', tags,
    idempotent: true, audience: 'staff', guarded: true, params: CaseParams, body: InvolveBody, status: 201,
    response: InvolveColleagueResponse,
    handler: async (ctx, { params, body }) => relayLog.involveColleague(ctx, params.caseId, body.staffUserId),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/handovers', summary: 'Ask a colleague to take over the baton', tags,
    idempotent: true, audience: 'staff', guarded: true, params: CaseParams, body: HandoverBody, status: 201,
    response: Created,
    handler: async (ctx, { params, body }) => baton.requestHandover(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/handovers/:handoverId/accept', summary: 'Accept the baton', tags,
    audience: 'staff', guarded: true, params: HandoverParams, body: AnswerBody,
    response: StatusChanged,
    handler: async (ctx, { params, body }) => baton.answerHandover(ctx, params.handoverId, true, body.note),
  }),
  defineRoute({
    method: 'POST', url: '/api/handovers/:handoverId/decline', summary: 'Decline the baton; the holder keeps it', tags,
    audience: 'staff', guarded: true, params: HandoverParams, body: AnswerBody,
    response: StatusChanged,
    handler: async (ctx, { params, body }) => baton.answerHandover(ctx, params.handoverId, false, body.note),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/transitions', summary: 'Plan a transition with a transfer meeting', tags,
    idempotent: true, audience: 'staff', guarded: true, params: CaseParams, body: TransitionBody, status: 201,
    response: PlanTransitionResponse,
    handler: async (ctx, { params, body }) => baton.planTransition(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/close', summary: 'Close the relay log; it becomes read-only and follows the retention rule', tags,
    audience: 'staff', guarded: true, params: CaseParams, body: CloseBody,
    response: CloseCaseResponse,
    handler: async (ctx, { params, body }) => baton.closeCase(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/action-guide', summary: 'The municipality\'s action guide: the newest version in every language, and the list of versions', tags,
    audience: 'staff', guarded: false,
    response: ReadGuideResponse,
    handler: async (ctx) => readGuide(ctx.services.db, (ctx.principal as { municipalityId: string }).municipalityId),
  }),
  defineRoute({
    method: 'POST', url: '/api/action-guide', summary: 'Publish a new version of the action guide', tags,
    idempotent: true, versioned: { field: 'basedOnVersion' }, audience: 'staff', guarded: true, body: GuideBody, status: 201,
    response: VersionSaved,
    handler: async (ctx, { body }) => publishGuide(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/tasks', summary: 'The professional\'s open collaboration-survey rounds to answer', tags,
    audience: 'staff', guarded: true,
    response: MyTasksResponse,
    handler: async (ctx) => tasks.myTasks(ctx),
  }),
  defineRoute({
    method: 'GET', url: '/api/tasks/handovers', summary: 'Batons offered to the professional, oldest first, a page at a time', tags,
    audience: 'staff', guarded: true, query: PageQuery,
    response: MyHandoversResponse,
    handler: async (ctx, { query }) => tasks.myHandovers(ctx, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/tasks/measures', summary: 'Measures the professional must evaluate, earliest date first, a page at a time', tags,
    audience: 'staff', guarded: true, query: PageQuery,
    response: MyMeasuresResponse,
    handler: async (ctx, { query }) => tasks.myMeasures(ctx, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/tasks/action-items', summary: 'Open action items the professional owns, earliest due first, a page at a time', tags,
    audience: 'staff', guarded: true, query: PageQuery,
    response: MyActionItemsResponse,
    handler: async (ctx, { query }) => tasks.myActionItems(ctx, query),
  }),
];
