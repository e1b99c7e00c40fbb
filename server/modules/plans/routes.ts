import { defineRoute } from '../../infra/http/route.ts';
import { AfterCareListResponse, PersonPlanResponse, PlanQueueResponse, PlanRequestResponse } from '../../../common/contracts/plans.ts';
import { Created, Saved, StatusChanged } from '../../../common/contracts/shared.ts';
import { ScheduleMeetingResponse } from '../../../common/contracts/teams.ts';
import { ScheduleBody } from '../teams/schema.ts';
import {
  AnswerBody, AppointBody, EvaluationHeldBody, EvaluationParams, AssignmentParams, CommentBody, ContributionBody, CreatePlanBody, DecisionBody, EvaluationDateBody, GoalBody, PersonParams,
  PlanParams, PlanRequestBody, QueueQuery, RequestParams, VersionBody, AfterCareBody, AfterCareChangeBody, AfterCareParams,
} from './schema.ts';
import * as afterCare from './after-care.ts';
import * as requests from './service.ts';
import * as plans from './plan.ts';

const tags = ['plans'];

export const planRoutes = [
  defineRoute({
    method: 'POST', url: '/api/people/:id/plan-requests', summary: 'Ask for an individual plan and/or a coordinator (or a child coordinator) with a short reason: the family on Min side, or a professional with the family\'s consent', tags,
    response: Created,
    idempotent: true, audience: 'signed-in', guarded: true, params: PersonParams, body: PlanRequestBody, status: 201,
    handler: async (ctx, { params, body }) => requests.createRequest(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/plan-requests', summary: 'Koordinerende enhet\'s queue: undecided requests with their waiting time, the longest waiting first; view=decided lists the decided ones', tags,
    response: PlanQueueResponse,
    audience: 'staff', guarded: true, query: QueueQuery,
    handler: async (ctx, { query }) => requests.queue(ctx, query.view),
  }),
  defineRoute({
    method: 'GET', url: '/api/plan-requests/:requestId', summary: 'One request, its decision, and the staff involved with the person whom the unit may appoint as coordinator', tags,
    response: PlanRequestResponse,
    audience: 'staff', guarded: true, params: RequestParams,
    handler: async (ctx, { params }) => requests.getRequest(ctx, params.requestId),
  }),
  defineRoute({
    method: 'POST', url: '/api/plan-requests/:requestId/decision', summary: 'Grant (appointing a coordinator, who must accept) or refuse (the family is told of the right to complain), with the reason', tags,
    response: PlanRequestResponse,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: RequestParams, body: DecisionBody,
    handler: async (ctx, { params, body }) => requests.decide(ctx, params.requestId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/:id/coordinator', summary: 'Appoint a new coordinator after a grant; the current one stays until the new one accepts', tags,
    response: Created,
    idempotent: true, audience: 'staff', guarded: true, params: PersonParams, body: AppointBody, status: 201,
    handler: async (ctx, { params, body }) => requests.appoint(ctx, params.id, body.staffUserId, body.reason),
  }),
  defineRoute({
    method: 'POST', url: '/api/coordinator-assignments/:assignmentId/answer', summary: 'The appointed staff user accepts or declines being the coordinator', tags,
    response: StatusChanged,
    audience: 'staff', guarded: true, params: AssignmentParams, body: AnswerBody,
    handler: async (ctx, { params, body }) => requests.answer(ctx, params.assignmentId, body.accept),
  }),
  defineRoute({
    method: 'GET', url: '/api/people/:id/individual-plan', summary: 'The person\'s requests and decisions, the coordinator and how to reach them, and the plan when the reader may see it', tags,
    response: PersonPlanResponse,
    audience: 'signed-in', guarded: true, params: PersonParams,
    handler: async (ctx, { params }) => requests.personPlan(ctx, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/:id/individual-plan', summary: 'The coordinator opens the plan with the relay log\'s development areas, goals and measures linked; the case moves to level 3', tags,
    response: Created,
    idempotent: true, audience: 'staff', guarded: true, params: PersonParams, body: CreatePlanBody, status: 201,
    handler: async (ctx, { params, body }) => plans.createPlan(ctx, params.id, body.firstEvaluationOn),
  }),
  defineRoute({
    method: 'POST', url: '/api/individual-plans/:planId/goals', summary: 'A goal in the family\'s or the child\'s own words', tags,
    response: Saved,
    versioned: { field: 'version' }, audience: 'signed-in', guarded: true, params: PlanParams, body: GoalBody,
    handler: async (ctx, { params, body }) => plans.addGoal(ctx, params.planId, body.whose, body.text),
  }),
  defineRoute({
    method: 'POST', url: '/api/individual-plans/:planId/contributions', summary: 'What a service contributes, with the responsible person and dates', tags,
    response: Saved,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: PlanParams, body: ContributionBody,
    handler: async (ctx, { params, body }) => plans.addContribution(ctx, params.planId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/individual-plans/:planId/evaluations', summary: 'An evaluation date (a reminder goes out before it)', tags,
    response: Saved,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: PlanParams, body: EvaluationDateBody,
    handler: async (ctx, { params, body }) => plans.addEvaluationDate(ctx, params.planId, body.dueOn),
  }),
  defineRoute({
    method: 'POST', url: '/api/individual-plans/:planId/evaluations/:evaluationId/held', summary: 'An evaluation held: the own goals\' status with the family\'s view', tags,
    response: Saved,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: EvaluationParams, body: EvaluationHeldBody,
    handler: async (ctx, { params, body }) => plans.evaluationHeld(ctx, params.planId, params.evaluationId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/individual-plans/:planId/comments', summary: 'A comment on the plan', tags,
    response: Created,
    idempotent: true, audience: 'signed-in', guarded: true, params: PlanParams, body: CommentBody, status: 201,
    handler: async (ctx, { params, body }) => plans.addComment(ctx, params.planId, body.body),
  }),
  defineRoute({
    method: 'POST', url: '/api/individual-plans/:planId/confirm', summary: 'The family confirms the version of the plan they read', tags,
    response: Saved,
    versioned: { field: 'version' }, audience: 'citizen', guarded: true, params: PlanParams, body: VersionBody,
    handler: async (ctx, { params }) => plans.confirm(ctx, params.planId),
  }),
  defineRoute({
    method: 'POST', url: '/api/individual-plans/:planId/meetings', summary: 'The coordinator calls a meeting about the plan (ansvarsgruppemøte): the family and the services working with the child are invited; minutes, action plan and rating as for a team meeting', tags,
    response: ScheduleMeetingResponse,
    idempotent: true, audience: 'staff', guarded: true, params: PlanParams, body: ScheduleBody, status: 201,
    handler: async (ctx, { params, body }) => plans.schedulePlanMeeting(ctx, params.planId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/individual-plans/:planId/pdf', summary: 'The plan as a PDF in the reader\'s language', tags,
    produces: 'application/pdf',
    audience: 'signed-in', guarded: true, params: PlanParams,
    handler: async (ctx, { params }) => plans.planPdf(ctx, params.planId),
  }),
  defineRoute({
    method: 'GET', url: '/api/people/:id/after-care', summary: 'A young adult\'s after-care (ettervern) periods: child welfare of the municipality, and whoever reads the plan', tags,
    response: AfterCareListResponse,
    audience: 'staff', guarded: true, params: PersonParams,
    handler: async (ctx, { params }) => afterCare.listAfterCare(ctx, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/:id/after-care', summary: 'Child welfare records after-care for a young adult, from and to, before the law\'s age limit', tags,
    response: Created,
    idempotent: true, audience: 'staff', guarded: true, params: PersonParams, body: AfterCareBody, status: 201,
    handler: async (ctx, { params, body }) => afterCare.recordAfterCare(ctx, params.id, body),
  }),
  defineRoute({
    method: 'PUT', url: '/api/after-care/:afterCareId', summary: 'Child welfare changes an after-care period (names the version read); a moved end date is announced again', tags,
    response: Saved,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: AfterCareParams, body: AfterCareChangeBody,
    handler: async (ctx, { params, body }) => afterCare.changeAfterCare(ctx, params.afterCareId, body),
  }),
];
