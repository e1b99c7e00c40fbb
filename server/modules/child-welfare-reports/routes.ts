import { defineRoute } from '../../infra/http/route.ts';
import { ConsultationResponse, ConsultationsResponse, FamilyReportsResponse, MyReportsResponse, ReportCountsResponse, ReportQueueResponse, ReportResponse, SendReportResponse } from '../../../common/contracts/child-welfare.ts';
import { Created } from '../../../common/contracts/shared.ts';
import {
  ConsultationAnswerBody, ConsultationBody, ConsultationParams, CountsQuery, DecisionBody, FamilyVisibilityBody, InvestigationBody, PersonParams, QueueQuery,
  ReportBody, ReportParams, VersionBody,
} from './schema.ts';
import * as reports from './service.ts';
import * as consultations from './consultations.ts';
import { reportCounts } from './counts.ts';

const tags = ['child-welfare'];

export const childWelfareRoutes = [
  defineRoute({
    method: 'POST', url: '/api/people/:id/child-welfare-reports', summary: 'Send a report to child welfare (bekymringsmelding) on a child one works with: the duty to report, no consent needed. Answers with the reference, the receipt time and the deadlines (reviewBy, feedbackBy as dates); an urgent report also answers with the duty service\'s phone number', tags,
    response: SendReportResponse,
    idempotent: true, audience: 'staff', guarded: true, params: PersonParams, body: ReportBody, status: 201,
    handler: async (ctx, { params, body }) => reports.sendReport(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/child-welfare/queue', summary: 'The intake\'s queue: urgent first, then the oldest; each item with the days since receipt and its deadlines (reviewBy, feedbackBy, investigationEndBy as dates, and whether each is overdue). view=overdue lists the overdue ones', tags,
    response: ReportQueueResponse,
    audience: 'staff', guarded: true, query: QueueQuery,
    handler: async (ctx, { query }) => reports.intakeQueue(ctx, query.view),
  }),
  defineRoute({
    method: 'GET', url: '/api/child-welfare/reports/mine', summary: 'The reporter\'s own reports: status (sent, received, feedback given), the feedback, the delivery state, and whether a deadline passed without feedback', tags,
    response: MyReportsResponse,
    audience: 'staff', guarded: true,
    handler: async (ctx) => reports.myReports(ctx),
  }),
  defineRoute({
    method: 'GET', url: '/api/child-welfare/reports/:reportId', summary: 'One report, for the intake and the reporter: what it contains and its deadlines', tags,
    response: ReportResponse,
    audience: 'staff', guarded: true, params: ReportParams,
    handler: async (ctx, { params }) => reports.getReport(ctx, params.reportId),
  }),
  defineRoute({
    method: 'GET', url: '/api/child-welfare/reports/:reportId/pdf', summary: 'One report as a PDF in the reader\'s language', tags,
    produces: 'application/pdf',
    audience: 'staff', guarded: true, params: ReportParams,
    handler: async (ctx, { params }) => reports.reportPdf(ctx, params.reportId),
  }),
  defineRoute({
    method: 'POST', url: '/api/child-welfare/reports/:reportId/acknowledge', summary: 'Acknowledge receipt: the reporter gets a receipt with the date and the reference', tags,
    response: ReportResponse,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: ReportParams, body: VersionBody,
    handler: async (ctx, { params }) => reports.acknowledge(ctx, params.reportId),
  }),
  defineRoute({
    method: 'POST', url: '/api/child-welfare/reports/:reportId/decision', summary: 'Record the review decision (investigation opened, dismissed, referred elsewhere) with the feedback to the reporter', tags,
    response: ReportResponse,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: ReportParams, body: DecisionBody,
    handler: async (ctx, { params, body }) => reports.decide(ctx, params.reportId, body.decision, body.feedback),
  }),
  defineRoute({
    method: 'POST', url: '/api/child-welfare/reports/:reportId/investigation', summary: 'Extend the investigation to six months, or end it with the reporter\'s second feedback', tags,
    response: ReportResponse,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: ReportParams, body: InvestigationBody,
    handler: async (ctx, { params, body }) => reports.investigationStep(ctx, params.reportId, body.step, body.finalFeedback),
  }),
  defineRoute({
    method: 'POST', url: '/api/child-welfare/reports/:reportId/family-visibility', summary: 'Let the family see on Min side that the report was sent (when the reporter kept it from them)', tags,
    response: ReportResponse,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: ReportParams, body: FamilyVisibilityBody,
    handler: async (ctx, { params }) => reports.letFamilySee(ctx, params.reportId),
  }),
  defineRoute({
    method: 'GET', url: '/api/people/:id/child-welfare-reports', summary: 'Min side: the reports to child welfare the family may see, by which service and when', tags,
    response: FamilyReportsResponse,
    audience: 'citizen', guarded: true, params: PersonParams,
    handler: async (ctx, { params }) => reports.familyReports(ctx, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/child-welfare/consultations', summary: 'Ask the child-welfare intake anonymously: the age and the situation, no identity', tags,
    response: Created,
    idempotent: true, audience: 'staff', guarded: true, body: ConsultationBody, status: 201,
    handler: async (ctx, { body }) => consultations.ask(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/child-welfare/consultations', summary: 'One\'s own consultations; the intake sees its municipality\'s', tags,
    response: ConsultationsResponse,
    audience: 'staff', guarded: true,
    handler: async (ctx) => consultations.list(ctx),
  }),
  defineRoute({
    method: 'GET', url: '/api/child-welfare/consultations/:consultationId', summary: 'One consultation and its thread', tags,
    response: ConsultationResponse,
    audience: 'staff', guarded: true, params: ConsultationParams,
    handler: async (ctx, { params }) => consultations.thread(ctx, params.consultationId),
  }),
  defineRoute({
    method: 'POST', url: '/api/child-welfare/consultations/:consultationId/answers', summary: 'The intake answers: advice, send a report, or not a child-welfare matter', tags,
    response: Created,
    idempotent: true, audience: 'staff', guarded: true, params: ConsultationParams, body: ConsultationAnswerBody, status: 201,
    handler: async (ctx, { params, body }) => consultations.answer(ctx, params.consultationId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/child-welfare/counts', summary: 'Reports by month, by the reporter\'s service type and by review decision; consultations by source. No personal data', tags,
    response: ReportCountsResponse,
    audience: 'staff', guarded: true, query: CountsQuery,
    handler: async (ctx, { query }) => reportCounts(ctx, query),
  }),
];
