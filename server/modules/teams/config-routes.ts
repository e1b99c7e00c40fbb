// Team configuration (administrator) and the team overview (the team's leader, the SBU coordinator).
// Listing the active teams stays in the organisation module (GET /api/teams).
import { z } from 'zod';
import { defineRoute } from '../../infra/http/route.ts';
import { Saved } from '../../../common/contracts/shared.ts';
import { ListTeamConfigResponse, MyTeamOverviewsResponse, TeamOverviewResponse, TeamStaffChoices, TeamUnitChoices } from '../../../common/contracts/teams.ts';
import { uuid } from '../../infra/http/schemas.ts';
import { PageQuery } from '../../infra/http/paging.ts';
import { createTeam, listTeamConfig, listTeamStaffChoices, listTeamUnitChoices, TeamBody, TeamUpdateBody, updateTeam } from './config.ts';
import { myTeamOverviews, teamOverview } from './overview.ts';

const TeamParams = z.strictObject({ teamId: uuid });
const tags = ['teams'];

export const teamConfigRoutes = [
  defineRoute({
    method: 'GET', url: '/api/teams/config', summary: 'Every team of the municipality with its configuration and version, a page at a time (administrator)', tags,
    audience: 'staff', guarded: true, query: PageQuery,
    response: ListTeamConfigResponse,
    handler: async (ctx, { query }) => listTeamConfig(ctx, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/teams/config/staff', summary: 'The staff the team form offers (active, in a team role), a page at a time by name (administrator)', tags,
    audience: 'staff', guarded: true, query: PageQuery,
    response: TeamStaffChoices,
    handler: async (ctx, { query }) => listTeamStaffChoices(ctx, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/teams/config/units', summary: 'The active service units the team form offers, a page at a time by name (administrator)', tags,
    audience: 'staff', guarded: true, query: PageQuery,
    response: TeamUnitChoices,
    handler: async (ctx, { query }) => listTeamUnitChoices(ctx, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/teams', summary: 'Create a team (administrator)', tags,
    idempotent: true, audience: 'staff', guarded: true, body: TeamBody, status: 201,
    response: Saved,
    handler: async (ctx, { body }) => createTeam(ctx, body),
  }),
  defineRoute({
    method: 'PUT', url: '/api/teams/:teamId', summary: 'Edit a team; names the version it read (administrator)', tags,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: TeamParams, body: TeamUpdateBody,
    response: Saved,
    handler: async (ctx, { params, body }) => updateTeam(ctx, params.teamId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/teams/overviews', summary: 'The overviews of the teams the user leads (the SBU coordinator: every team)', tags,
    audience: 'staff', guarded: true,
    response: MyTeamOverviewsResponse,
    handler: async (ctx) => myTeamOverviews(ctx),
  }),
  defineRoute({
    method: 'GET', url: '/api/teams/:teamId/overview', summary: 'A team\'s figures: cases, family present, days to first meeting, action items on time (no names)', tags,
    audience: 'staff', guarded: true, params: TeamParams,
    response: TeamOverviewResponse,
    handler: async (ctx, { params }) => teamOverview(ctx, params.teamId),
  }),
];
