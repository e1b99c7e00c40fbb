import { defineRoute } from '../../infra/http/route.ts';
import { AnnualReportResponse, ImportEntriesResponse, IndicatorHistoryResponse, IndicatorRegisterResponse } from '../../../common/contracts/indicators.ts';
import { Saved } from '../../../common/contracts/shared.ts';
import { CreateIndicatorBody, IMPORT_BODY_LIMIT, ImportBody, IndicatorParams, ReportQuery, RetireBody, UpdateIndicatorBody } from './schema.ts';
import * as indicators from './service.ts';
import { annualReport } from './report.ts';
import { reportCsv, reportPdf } from './export.ts';
import { sendPdf } from '../../infra/http/pdf-reply.ts';

const tags = ['indicators'];

export const indicatorRoutes = [
  defineRoute({
    method: 'GET', url: '/api/indicators', summary: 'The indicator register: each indicator with its names, definition, unit, direction, source, baseline, targets and entered figures', tags,
    response: IndicatorRegisterResponse,
    audience: 'staff', guarded: true,
    handler: async (ctx) => indicators.register(ctx),
  }),
  defineRoute({
    method: 'POST', url: '/api/indicators', summary: 'Add an indicator (computed from a definition, or entered) with its baseline and targets', tags,
    response: Saved,
    idempotent: true, audience: 'staff', guarded: true, body: CreateIndicatorBody, status: 201,
    handler: async (ctx, { body }) => indicators.createIndicator(ctx, body),
  }),
  defineRoute({
    method: 'PUT', url: '/api/indicators/:indicatorId', summary: 'Change an indicator; the version read is named and the old one kept in the history', tags,
    response: Saved,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: IndicatorParams, body: UpdateIndicatorBody,
    handler: async (ctx, { params, body }) => indicators.updateIndicator(ctx, params.indicatorId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/indicators/:indicatorId/retire', summary: 'Retire an indicator: out of later reports, its past kept', tags,
    response: Saved,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: IndicatorParams, body: RetireBody,
    handler: async (ctx, { params }) => indicators.retireIndicator(ctx, params.indicatorId),
  }),
  defineRoute({
    method: 'GET', url: '/api/indicators/:indicatorId/history', summary: 'Every saved version of an indicator, newest first', tags,
    response: IndicatorHistoryResponse,
    audience: 'staff', guarded: true, params: IndicatorParams,
    handler: async (ctx, { params }) => indicators.history(ctx, params.indicatorId),
  }),
  defineRoute({
    method: 'POST', url: '/api/indicators/entries', summary: 'Import entered figures (CSV: code;year;value); refused whole, each bad line named, if any line is bad', tags,
    response: ImportEntriesResponse,
    idempotent: true, audience: 'staff', guarded: true, body: ImportBody, status: 201, bodyLimit: IMPORT_BODY_LIMIT,
    handler: async (ctx, { body }) => indicators.importEntries(ctx, body.csv),
  }),
  defineRoute({
    method: 'GET', url: '/api/indicators/report', summary: 'The annual status report for a year: baseline, target, status, change and target met per indicator, trends and breakdowns; small figures suppressed. teamId: one team\'s figures', tags,
    response: AnnualReportResponse,
    audience: 'staff', guarded: true, query: ReportQuery,
    handler: async (ctx, { query }) => annualReport(ctx, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/indicators/report.csv', summary: 'The annual status report as CSV', tags,
    produces: 'text/csv',
    audience: 'staff', guarded: true, query: ReportQuery,
    handler: async (ctx, { query }) => {
      const report = await annualReport(ctx, query);
      return ctx.reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="arsrapport-${query.year}.csv"`).send(reportCsv(ctx.lang, report));
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/indicators/report.pdf', summary: 'The annual status report as a PDF', tags,
    produces: 'application/pdf',
    audience: 'staff', guarded: true, query: ReportQuery,
    handler: async (ctx, { query }) => {
      const report = await annualReport(ctx, query);
      const municipality = await ctx.trx.selectFrom('municipality').select('name').where('id', '=', ctx.principal?.kind === 'staff' ? ctx.principal.municipalityId : '').executeTakeFirst();
      const pdf = await reportPdf(ctx.lang, report, municipality?.name ?? '');
      return sendPdf(ctx.reply, pdf, `arsrapport-${query.year}.pdf`);
    },
  }),
];
