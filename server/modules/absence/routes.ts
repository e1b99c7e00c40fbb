// High absence: the import (CSV in the body, never in a URL) and the contact teacher's list.
import { defineRoute } from '../../infra/http/route.ts';
import { ImportAbsenceResponse, ListHighAbsenceResponse } from '../../../common/contracts/absence.ts';
import { IMPORT_BODY_LIMIT, ImportAbsenceBody } from './schema.ts';
import * as absence from './service.ts';

export const absenceRoutes = [
  defineRoute({
    method: 'POST', url: '/api/absence/imports', summary: 'Import absence per child and period (CSV); refused whole if any row is bad', tags: ['absence'],
    idempotent: true, audience: 'staff', guarded: true, body: ImportAbsenceBody, status: 201, bodyLimit: IMPORT_BODY_LIMIT,
    response: ImportAbsenceResponse,
    handler: async (ctx, { body }) => absence.importAbsence(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/absence/high', summary: 'My pupils above 10 % absence with weak progress, with the action guide\'s first step', tags: ['absence'],
    audience: 'staff', guarded: true,
    response: ListHighAbsenceResponse,
    handler: async (ctx) => absence.listHighAbsence(ctx),
  }),
];
