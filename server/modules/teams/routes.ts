import { z } from 'zod';
import { defineRoute } from '../../infra/http/route.ts';
import { nonEmptyText, uuid } from '../../infra/http/schemas.ts';
import * as teams from './service.ts';

const PersonParams = z.strictObject({ id: uuid });
const tags = ['teams'];

export const teamRoutes = [
  defineRoute({
    method: 'GET', url: '/api/people/:id/team-requests', summary: 'The team proposed for the child and the family\'s requests for a discussion', tags,
    audience: 'signed-in', guarded: true, params: PersonParams,
    handler: async (ctx, { params }) => teams.familyRequests(ctx, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/:id/team-requests', summary: 'The family asks the early-intervention team for a discussion', tags,
    audience: 'citizen', guarded: true, params: PersonParams, body: z.strictObject({ reason: nonEmptyText(2000) }), status: 201,
    handler: async (ctx, { params, body }) => teams.requestTeamDiscussion(ctx, params.id, body.reason),
  }),
];
