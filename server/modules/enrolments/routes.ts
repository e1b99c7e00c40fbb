// Enrolments: the import from the kindergarten's or school's administrative system (CSV in the body,
// never in a URL) and the search among the children enrolled at one's own unit.
import { defineRoute } from '../../infra/http/route.ts';
import { EnrolledChildrenResponse, ImportEnrolmentsResponse } from '../../../common/contracts/enrolments.ts';
import { NoteWorryResponse } from '../../../common/contracts/cases.ts';
import { EnrolledChildParams, EnrolledWorryBody, EnrolmentSearchQuery, IMPORT_BODY_LIMIT, ImportEnrolmentsBody } from './schema.ts';
import * as enrolments from './service.ts';

const tags = ['enrolments'];

export const enrolmentRoutes = [
  defineRoute({
    method: 'POST', url: '/api/enrolments/imports', summary: 'Import the unit\'s enrolments (CSV); refused whole, by line, if any line is bad', tags,
    idempotent: true, audience: 'staff', guarded: true, body: ImportEnrolmentsBody, status: 201, bodyLimit: IMPORT_BODY_LIMIT,
    response: ImportEnrolmentsResponse,
    handler: async (ctx, { body }) => enrolments.importEnrolments(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/enrolments', summary: 'The children enrolled at one\'s own unit, by name or birth date: name and birth date only', tags,
    audience: 'staff', guarded: true, query: EnrolmentSearchQuery,
    response: EnrolledChildrenResponse,
    handler: async (ctx, { query }) => enrolments.searchEnrolled(ctx, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/enrolments/:personId/worries', summary: 'Note a worry about a child enrolled at one\'s own unit; opens the child\'s case with the author as relay holder', tags,
    idempotent: true, audience: 'staff', guarded: true, params: EnrolledChildParams, body: EnrolledWorryBody, status: 201,
    response: NoteWorryResponse,
    handler: async (ctx, { params, body }) => enrolments.worryAboutEnrolled(ctx, params.personId, body),
  }),
];
