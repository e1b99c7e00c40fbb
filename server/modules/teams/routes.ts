import { z } from 'zod';
import { PageQuery } from '../../infra/http/paging.ts';
import { defineRoute } from '../../infra/http/route.ts';
import { Created, StatusChanged, VersionSaved } from '../../../common/contracts/shared.ts';
import { CloseMeetingResponse, FamilyRequestsResponse, IntakeQueueResponse, MeetingCandidatesResponse, MeetingResponse, MeetingsOfPersonResponse, MyIntakeResponse, RedirectReferralResponse, ReferResponse, ReferralProposalResponse, RequestTeamDiscussionResponse, ReviewItemsResponse, ScheduleMeetingResponse } from '../../../common/contracts/teams.ts';
import { nonEmptyText, uuid } from '../../infra/http/schemas.ts';
import * as meetings from './meetings.ts';
import {
  AnonymousReferralBody, AnswerBody, ItemParams, MeetingParams, MinutesBody, MoreInfoBody, RedirectBody, ReferralBody, ReferralParams, ReviewBody, ScheduleBody, TeamParams,
} from './schema.ts';
import * as teams from './service.ts';
import { sendPdf } from '../../infra/http/pdf-reply.ts';

const PersonParams = z.strictObject({ id: uuid });
const tags = ['teams'];

export const teamRoutes = [
  defineRoute({
    method: 'GET', url: '/api/people/:id/team-requests', summary: 'The team proposed for the child and the family\'s requests for a discussion, a page at a time', tags,
    audience: 'signed-in', guarded: true, params: PersonParams, query: PageQuery,
    response: FamilyRequestsResponse,
    handler: async (ctx, { params, query }) => teams.familyRequests(ctx, params.id, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/:id/team-requests', summary: 'The family asks the early-intervention team for a discussion', tags,
    idempotent: true, audience: 'citizen', guarded: true, params: PersonParams, body: z.strictObject({ reason: nonEmptyText(2000) }), status: 201,
    response: RequestTeamDiscussionResponse,
    handler: async (ctx, { params, body }) => teams.requestTeamDiscussion(ctx, params.id, body.reason),
  }),
];

export const meetingRoutes = [
  defineRoute({
    method: 'GET', url: '/api/people/:id/referral-proposal', summary: 'The team proposed for the child, and whether the family consented to team discussion', tags,
    audience: 'staff', guarded: true, params: PersonParams,
    response: ReferralProposalResponse,
    handler: async (ctx, { params }) => meetings.referralProposal(ctx, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/:id/referrals', summary: 'Refer the child to an early-intervention team', tags,
    idempotent: true, audience: 'staff', guarded: true, params: PersonParams, body: ReferralBody, status: 201,
    response: ReferResponse,
    handler: async (ctx, { params, body }) => meetings.refer(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/referrals/anonymous', summary: 'Ask a team for an anonymous discussion (no identity stored)', tags,
    idempotent: true, audience: 'staff', guarded: true, body: AnonymousReferralBody, status: 201,
    response: Created,
    handler: async (ctx, { body }) => meetings.referAnonymously(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/intake', summary: 'The intake queues of the teams the user leads', tags,
    audience: 'staff', guarded: true,
    response: MyIntakeResponse,
    handler: async (ctx) => meetings.myIntake(ctx),
  }),
  defineRoute({
    method: 'GET', url: '/api/referrals/:referralId/candidates', summary: 'Who can be invited to a meeting about the referred child', tags,
    audience: 'staff', guarded: true, params: ReferralParams,
    response: MeetingCandidatesResponse,
    handler: async (ctx, { params }) => meetings.meetingCandidates(ctx, params.referralId),
  }),
  defineRoute({
    method: 'GET', url: '/api/teams/:teamId/intake', summary: 'The team\'s intake queue with waiting time (team leader)', tags,
    audience: 'staff', guarded: true, params: TeamParams, query: PageQuery,
    response: IntakeQueueResponse,
    handler: async (ctx, { params, query }) => meetings.intakeQueue(ctx, params.teamId, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/referrals/:referralId/accept', summary: 'Accept a referral', tags,
    audience: 'staff', guarded: true, params: ReferralParams, body: AnswerBody,
    response: StatusChanged,
    handler: async (ctx, { params, body }) => meetings.acceptReferral(ctx, params.referralId, body.note),
  }),
  defineRoute({
    method: 'POST', url: '/api/referrals/:referralId/more-info', summary: 'Ask the referrer for more information', tags,
    audience: 'staff', guarded: true, params: ReferralParams, body: MoreInfoBody,
    response: StatusChanged,
    handler: async (ctx, { params, body }) => meetings.askForMore(ctx, params.referralId, body.note),
  }),
  defineRoute({
    method: 'POST', url: '/api/referrals/:referralId/redirect', summary: 'Send the referral on to another team', tags,
    audience: 'staff', guarded: true, params: ReferralParams, body: RedirectBody,
    response: RedirectReferralResponse,
    handler: async (ctx, { params, body }) => meetings.redirectReferral(ctx, params.referralId, body.teamId, body.note),
  }),
  defineRoute({
    method: 'POST', url: '/api/referrals/:referralId/meetings', summary: 'Schedule a meeting with the family; invitations with a calendar file', tags,
    idempotent: true, audience: 'staff', guarded: true, params: ReferralParams, body: ScheduleBody, status: 201,
    response: ScheduleMeetingResponse,
    handler: async (ctx, { params, body }) => meetings.scheduleMeeting(ctx, params.referralId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/meetings/:meetingId', summary: 'A meeting: participants, minutes, action plan, items to review', tags,
    audience: 'signed-in', guarded: true, params: MeetingParams,
    response: MeetingResponse,
    handler: async (ctx, { params }) => meetings.getMeeting(ctx, params.meetingId),
  }),
  defineRoute({
    method: 'PUT', url: '/api/meetings/:meetingId/minutes', summary: 'Save the minutes and the action plan', tags,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: MeetingParams, body: MinutesBody,
    response: VersionSaved,
    handler: async (ctx, { params, body }) => meetings.saveMinutes(ctx, params.meetingId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/meetings/:meetingId/review', summary: 'Review the action plan of earlier meetings', tags,
    audience: 'staff', guarded: true, params: MeetingParams, body: ReviewBody,
    response: ReviewItemsResponse,
    handler: async (ctx, { params, body }) => meetings.reviewItems(ctx, params.meetingId, body.items),
  }),
  defineRoute({
    method: 'POST', url: '/api/meetings/:meetingId/close', summary: 'Close the meeting (needs an action plan); minutes go to the relay log and every participant', tags,
    audience: 'staff', guarded: true, params: MeetingParams,
    response: CloseMeetingResponse,
    handler: async (ctx, { params }) => meetings.closeMeeting(ctx, params.meetingId),
  }),
  defineRoute({
    method: 'GET', url: '/api/meetings/:meetingId/minutes.pdf', summary: 'The minutes as a PDF in the reader\'s language', tags,
    audience: 'signed-in', guarded: true, params: MeetingParams,
    produces: 'application/pdf',
    handler: async (ctx, { params }) => {
      const pdf = await meetings.minutesPdf(ctx, params.meetingId);
      return sendPdf(ctx.reply, pdf, 'referat.pdf');
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/action-items/:itemId/done', summary: 'The owner (a professional, or a guardian or youth on Min side) marks an action item done', tags,
    audience: 'signed-in', guarded: true, params: ItemParams,
    response: StatusChanged,
    handler: async (ctx, { params }) => meetings.markItemDone(ctx, params.itemId),
  }),
  defineRoute({
    method: 'GET', url: '/api/people/:id/meetings', summary: 'Team meetings about the person, newest first, a page at a time', tags,
    audience: 'signed-in', guarded: true, params: PersonParams, query: PageQuery,
    response: MeetingsOfPersonResponse,
    handler: async (ctx, { params, query }) => meetings.meetingsOfPerson(ctx, params.id, query),
  }),
];
