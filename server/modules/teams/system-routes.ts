// System-level team meetings: no personal data, a report to the SBU coordinator and the SLT group.
import { z } from 'zod';
import { defineRoute } from '../../infra/http/route.ts';
import { Saved, VersionSaved } from '../../../common/contracts/shared.ts';
import { CloseSystemMeetingResponse, ListSystemMeetingsResponse, SystemMeetingResponse } from '../../../common/contracts/teams.ts';
import { uuid } from '../../infra/http/schemas.ts';
import * as system from './system-meetings.ts';
import { sendPdf } from '../../infra/http/pdf-reply.ts';

const MeetingParams = z.strictObject({ meetingId: uuid });
const tags = ['system-level teams'];

export const systemMeetingRoutes = [
  defineRoute({
    method: 'GET', url: '/api/system-meetings', summary: 'The user\'s system-level teams and their meetings (the SBU coordinator: all)', tags,
    audience: 'staff', guarded: true,
    response: ListSystemMeetingsResponse,
    handler: async (ctx) => system.listSystemMeetings(ctx),
  }),
  defineRoute({
    method: 'POST', url: '/api/system-meetings', summary: 'Schedule a meeting of a system-level team; its leader chairs it', tags,
    idempotent: true, audience: 'staff', guarded: true, body: system.ScheduleSystemBody, status: 201,
    response: Saved,
    handler: async (ctx, { body }) => system.scheduleSystemMeeting(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/system-meetings/:meetingId', summary: 'A system-level meeting: minutes, action plan, where the report went', tags,
    audience: 'staff', guarded: true, params: MeetingParams,
    response: SystemMeetingResponse,
    handler: async (ctx, { params }) => system.getSystemMeeting(ctx, params.meetingId),
  }),
  defineRoute({
    method: 'PUT', url: '/api/system-meetings/:meetingId/minutes', summary: 'Save the minutes and action plan; refused if a text holds a national id or a name from the person register', tags,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: MeetingParams, body: system.SystemMinutesBody,
    response: VersionSaved,
    handler: async (ctx, { params, body }) => system.saveSystemMinutes(ctx, params.meetingId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/system-meetings/:meetingId/close', summary: 'Close the meeting (needs an action plan) and forward the report to the SBU coordinator and the SLT group', tags,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: MeetingParams, body: system.CloseSystemBody,
    response: CloseSystemMeetingResponse,
    handler: async (ctx, { params, body }) => system.closeSystemMeeting(ctx, params.meetingId, body.version),
  }),
  defineRoute({
    method: 'GET', url: '/api/system-meetings/:meetingId/report.pdf', summary: 'The report of a closed system-level meeting as a PDF', tags,
    audience: 'staff', guarded: true, params: MeetingParams,
    produces: 'application/pdf',
    handler: async (ctx, { params }) => {
      const report = await system.systemReportPdf(ctx, params.meetingId);
      return sendPdf(ctx.reply, report.pdf, report.fileName, 'inline');
    },
  }),
];
