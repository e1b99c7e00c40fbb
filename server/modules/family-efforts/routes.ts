import { defineRoute } from '../../infra/http/route.ts';
import { EffortChanged, EffortDetails, EffortList, MyEfforts } from '../../../common/contracts/family-efforts.ts';
import { Created } from '../../../common/contracts/shared.ts';
import { AppointLeaderBody, CallInBody, CloseEffortBody, EffortParams, RequestEffortBody, VersionBody } from './schema.ts';
import * as efforts from './service.ts';

const tags = ['family-efforts'];

export const familyEffortRoutes = [
  defineRoute({
    method: 'POST', url: '/api/family-efforts', summary: 'Ask for a level-2 whole-family effort: a professional involved with one of the family, or the family', tags,
    idempotent: true, audience: 'signed-in', guarded: true, body: RequestEffortBody, status: 201,
    response: Created,
    handler: async (ctx, { body }) => efforts.requestEffort(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/family-efforts', summary: 'The efforts I lead, was offered, asked for or was called into; the level-2 intake: its municipality\'s', tags,
    audience: 'staff', guarded: true,
    response: EffortList,
    handler: async (ctx) => efforts.listEfforts(ctx),
  }),
  defineRoute({
    method: 'GET', url: '/api/family-efforts/:effortId', summary: 'One effort: the family, the leader, the services called in, what each child\'s consents open to me', tags,
    audience: 'staff', guarded: true, params: EffortParams,
    response: EffortDetails,
    handler: async (ctx, { params }) => efforts.getEffort(ctx, params.effortId),
  }),
  defineRoute({
    method: 'POST', url: '/api/family-efforts/:effortId/leader', summary: 'The level-2 intake offers the effort to an effort leader (innsatsleder)', tags,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: EffortParams, body: AppointLeaderBody,
    response: EffortChanged,
    handler: async (ctx, { params, body }) => efforts.appointLeader(ctx, params.effortId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/family-efforts/:effortId/accept', summary: 'The offered leader accepts the effort', tags,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: EffortParams, body: VersionBody,
    response: EffortChanged,
    handler: async (ctx, { params }) => efforts.acceptEffort(ctx, params.effortId),
  }),
  defineRoute({
    method: 'POST', url: '/api/family-efforts/:effortId/services', summary: 'The leader calls in a professional of a service some member\'s consent covers', tags,
    idempotent: true, audience: 'staff', guarded: true, params: EffortParams, body: CallInBody, status: 201,
    response: Created,
    handler: async (ctx, { params, body }) => efforts.callInService(ctx, params.effortId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/family-efforts/:effortId/close', summary: 'The leader ends the effort with an evaluation', tags,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: EffortParams, body: CloseEffortBody,
    response: EffortChanged,
    handler: async (ctx, { params, body }) => efforts.closeEffort(ctx, params.effortId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/my-family-efforts', summary: 'Min side: the family\'s efforts and their one contact person', tags,
    audience: 'citizen', guarded: true,
    response: MyEfforts,
    handler: async (ctx) => efforts.myEfforts(ctx),
  }),
];
