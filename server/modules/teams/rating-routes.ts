// The family's rating of a meeting: from the link in the e-mail (no sign-in; the token is the key)
// or signed in on Min side.
import { z } from 'zod';
import { defineRoute } from '../../infra/http/route.ts';
import { PageQuery } from '../../infra/http/paging.ts';
import { Created } from '../../../common/contracts/shared.ts';
import { MeetingRatingStateResponse, MyMeetingsToRateResponse, RateByTokenResponse, RatingByTokenResponse } from '../../../common/contracts/teams.ts';
import { uuid } from '../../infra/http/schemas.ts';
import { meetingRatingState, myMeetingsToRate, rateByToken, rateMeeting, RatingBody, RatingToken, ratingByToken } from './ratings.ts';

const TokenParams = z.strictObject({ token: RatingToken });
const MeetingParams = z.strictObject({ meetingId: uuid });
const tags = ['ratings'];

export const ratingRoutes = [
  defineRoute({
    method: 'GET', url: '/api/ratings/:token', summary: 'The rating form from a link: the team, the date and the language of the person it was sent to', tags,
    audience: 'public', guarded: false, params: TokenParams,
    response: RatingByTokenResponse,
    handler: async (ctx, { params }) => ratingByToken(ctx, params.token),
  }),
  defineRoute({
    method: 'POST', url: '/api/ratings/:token', summary: 'Rate the meeting from the link (once; audited)', tags,
    retrySafe: 'the link is the key and works once: a repeat is answered 409 (already used) and creates nothing', audience: 'public', guarded: false, params: TokenParams, body: RatingBody, status: 201,
    response: RateByTokenResponse,
    handler: async (ctx, { params, body }) => rateByToken(ctx, params.token, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/meeting-ratings', summary: 'The closed meetings the citizen took part in, and their ratings, a page at a time', tags,
    audience: 'citizen', guarded: true, query: PageQuery,
    response: MyMeetingsToRateResponse,
    handler: async (ctx, { query }) => myMeetingsToRate(ctx, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/meetings/:meetingId/rating', summary: 'The citizen\'s own rating of a meeting they took part in', tags,
    audience: 'citizen', guarded: true, params: MeetingParams,
    response: MeetingRatingStateResponse,
    handler: async (ctx, { params }) => meetingRatingState(ctx, params.meetingId),
  }),
  defineRoute({
    method: 'POST', url: '/api/meetings/:meetingId/rating', summary: 'A guardian or youth who took part rates the closed meeting (once)', tags,
    idempotent: true, audience: 'citizen', guarded: true, params: MeetingParams, body: RatingBody, status: 201,
    response: Created,
    handler: async (ctx, { params, body }) => rateMeeting(ctx, params.meetingId, body),
  }),
];
