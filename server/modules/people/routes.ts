import { defineRoute } from '../../infra/http/route.ts';
import { GuardianVisibilityBody, PersonParams, RegisterPersonBody } from './schema.ts';
import * as people from './service.ts';

export const peopleRoutes = [
  defineRoute({
    method: 'GET', url: '/api/people', summary: 'People I am involved with (staff) or my family (citizen)', tags: ['people'],
    audience: 'signed-in', guarded: true,
    handler: async (ctx) => ({ people: await people.listMyPeople(ctx) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/people', summary: 'Register a child, youth or pregnant woman with guardians', tags: ['people'],
    idempotent: true, audience: 'staff', guarded: true, body: RegisterPersonBody, status: 201,
    handler: async (ctx, { body }) => people.registerPerson(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/people/:id', summary: 'One person with guardians', tags: ['people'], audience: 'signed-in', guarded: true,
    params: PersonParams,
    handler: async (ctx, { params }) => people.getPerson(ctx, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/:id/guardian-visibility', summary: 'A youth of consent age decides whether guardians see their case', tags: ['people'],
    audience: 'citizen', guarded: true, params: PersonParams, body: GuardianVisibilityBody,
    handler: async (ctx, { params, body }) => people.setGuardianVisibility(ctx, params.id, body.guardiansSeeCase),
  }),
];
