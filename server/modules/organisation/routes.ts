import { defineRoute } from '../../infra/http/route.ts';
import { PageQuery } from '../../infra/http/paging.ts';
import { Municipality, ServiceUnitTypeCreated, ServiceUnitTypes, ServiceUnits, StaffDetails, StaffList, Teams } from '../../../common/contracts/organisation.ts';
import { Created, Saved } from '../../../common/contracts/shared.ts';
import { requireStaff } from '../../infra/http/context.ts';
import { IdParams, ServiceUnitBody, ServiceUnitTypeBody, ServiceUnitUpdateBody, StaffBody, StaffUpdateBody } from './schema.ts';
import * as organisation from './service.ts';

export const organisationRoutes = [
  defineRoute({
    method: 'GET', url: '/api/municipality', summary: 'The user\'s municipality', tags: ['organisation'], audience: 'signed-in', guarded: false,
    response: Municipality,
    handler: async (ctx) => organisation.getMunicipality(ctx.services.db, ctx.principal!.municipalityId),
  }),
  defineRoute({
    method: 'GET', url: '/api/service-unit-types', summary: 'Kinds of service unit, a page at a time', tags: ['organisation'], audience: 'staff', guarded: false,
    query: PageQuery, response: ServiceUnitTypes,
    handler: async (ctx, { query }) => organisation.listServiceUnitTypes(ctx.services.db, ctx.lang, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/admin/service-unit-types', summary: 'Add a kind of service unit', tags: ['organisation'], idempotent: true, audience: 'staff',
    guarded: true, body: ServiceUnitTypeBody, status: 201,
    response: ServiceUnitTypeCreated,
    handler: async (ctx, { body }) => organisation.createServiceUnitType(ctx, body),
  }),
  defineRoute({
    // Citizens choose among them when they give a consent: names and contact details, as on the
    // municipality's website.
    method: 'GET', url: '/api/service-units', summary: 'Service units of the municipality, by kind and name, a page at a time', tags: ['organisation'], audience: 'signed-in', guarded: false,
    query: PageQuery, response: ServiceUnits,
    handler: async (ctx, { query }) => organisation.listServiceUnits(ctx.services.db, ctx.principal!.municipalityId, ctx.lang, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/admin/service-units', summary: 'Create a service unit', tags: ['organisation'], idempotent: true, audience: 'staff',
    guarded: true, body: ServiceUnitBody, status: 201,
    response: Created,
    handler: async (ctx, { body }) => organisation.createServiceUnit(ctx, body),
  }),
  defineRoute({
    method: 'PUT', url: '/api/admin/service-units/:id', summary: 'Edit a service unit', tags: ['organisation'], versioned: { field: 'version' }, audience: 'staff',
    guarded: true, params: IdParams, body: ServiceUnitUpdateBody,
    response: Saved,
    handler: async (ctx, { params, body }) => organisation.updateServiceUnit(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/teams', summary: 'Early-intervention and system-level teams, a page at a time', tags: ['organisation'], audience: 'staff',
    guarded: false, query: PageQuery,
    response: Teams,
    handler: async (ctx, { query }) => organisation.listTeams(ctx.services.db, requireStaff(ctx).municipalityId, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/admin/staff', summary: 'Staff users, a page at a time by name', tags: ['organisation'], audience: 'staff', guarded: true,
    query: PageQuery, response: StaffList,
    handler: async (ctx, { query }) => organisation.listStaff(ctx, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/admin/staff/:id', summary: 'One staff user', tags: ['organisation'], audience: 'staff', guarded: true,
    params: IdParams,
    response: StaffDetails,
    handler: async (ctx, { params }) => organisation.getStaff(ctx, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/admin/staff', summary: 'Create a staff user', tags: ['organisation'], idempotent: true, audience: 'staff', guarded: true,
    body: StaffBody, status: 201,
    response: Created,
    handler: async (ctx, { body }) => organisation.createStaffUser(ctx, body),
  }),
  defineRoute({
    method: 'PUT', url: '/api/admin/staff/:id', summary: 'Edit a staff user', tags: ['organisation'], versioned: { field: 'version' }, audience: 'staff', guarded: true,
    params: IdParams, body: StaffUpdateBody,
    response: Saved,
    handler: async (ctx, { params, body }) => organisation.updateStaffUser(ctx, params.id, body),
  }),
];
