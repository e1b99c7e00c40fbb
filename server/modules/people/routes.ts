import { defineRoute } from '../../infra/http/route.ts';
import { AccessRequestSent, AccessRequests, GuardianVisibility, People, PersonDetails, RegisterCheck, WaitingRelationCount, WaitingRelations } from '../../../common/contracts/people.ts';
import { Created, StatusChanged } from '../../../common/contracts/shared.ts';
import { answerAccessRequest, createAccessRequest, listAccessRequests } from './access-requests.ts';
import { answerRelationClaim, countWaitingRelations, listRelationClaims, verifyRelationsWithRegister } from './relations.ts';
import { PageQuery } from '../../infra/http/paging.ts';
import { AccessRequestAnswerBody, AccessRequestBody, GuardianVisibilityBody, IdParams, PersonParams, RegisterBirthBody, RegisterPersonBody, RelationAnswerBody } from './schema.ts';
import * as people from './service.ts';
import { registerBirth } from './birth.ts';

export const peopleRoutes = [
  defineRoute({
    method: 'GET', url: '/api/people', summary: 'People I am involved with (staff) or my family (citizen)', tags: ['people'],
    audience: 'signed-in', guarded: true, query: PageQuery,
    response: People,
    handler: async (ctx, { query }) => people.listMyPeople(ctx, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/people', summary: 'Register a child, youth or pregnant woman; named guardians wait for confirmation. Someone already registered: 409 PERSON_EXISTS and nothing else', tags: ['people'],
    idempotent: true, audience: 'staff', guarded: true, body: RegisterPersonBody, status: 201,
    response: Created,
    handler: async (ctx, { body }) => people.registerPerson(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/people/:id', summary: 'One person with guardians (and, for staff, the relations not yet confirmed)', tags: ['people'], audience: 'signed-in', guarded: true,
    params: PersonParams,
    response: PersonDetails,
    handler: async (ctx, { params }) => people.getPerson(ctx, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/:id/guardian-visibility', summary: 'A youth of consent age decides whether guardians see their case', tags: ['people'],
    versioned: { field: 'version' }, audience: 'citizen', guarded: true, params: PersonParams, body: GuardianVisibilityBody,
    response: GuardianVisibility,
    handler: async (ctx, { params, body }) => people.setGuardianVisibility(ctx, params.id, body.guardiansSeeCase),
  }),
  defineRoute({
    method: 'GET', url: '/api/relation-claims', summary: 'Relations a professional entered naming me as guardian, waiting for my answer', tags: ['people'],
    audience: 'citizen', guarded: true,
    response: WaitingRelations,
    handler: async (ctx) => listRelationClaims(ctx),
  }),
  defineRoute({
    method: 'POST', url: '/api/relation-claims/:id/answer', summary: 'Confirm or refuse that I am the guardian', tags: ['people'],
    audience: 'citizen', guarded: true, params: IdParams, body: RelationAnswerBody,
    response: StatusChanged,
    handler: async (ctx, { params, body }) => answerRelationClaim(ctx, params.id, body.answer),
  }),
  defineRoute({
    method: 'GET', url: '/api/admin/relation-claims', summary: 'How many relations wait for confirmation (a number, no names)', tags: ['people'],
    audience: 'staff', guarded: true,
    response: WaitingRelationCount,
    handler: async (ctx) => countWaitingRelations(ctx),
  }),
  defineRoute({
    method: 'POST', url: '/api/admin/relation-claims/verify', summary: 'Check the waiting relations against the population register', tags: ['people'],
    audience: 'staff', guarded: true,
    response: RegisterCheck,
    handler: async (ctx) => verifyRelationsWithRegister(ctx),
  }),
  defineRoute({
    method: 'POST', url: '/api/access-requests', summary: 'Ask the family for access to a person registered by someone else (national id in the body)', tags: ['people'],
    idempotent: true, audience: 'staff', guarded: true, body: AccessRequestBody, status: 201,
    response: AccessRequestSent,
    handler: async (ctx, { body }) => createAccessRequest(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/access-requests', summary: 'My access requests (staff) or those I decide on (citizen)', tags: ['people'],
    audience: 'signed-in', guarded: true,
    response: AccessRequests,
    handler: async (ctx) => listAccessRequests(ctx),
  }),
  defineRoute({
    method: 'POST', url: '/api/access-requests/:id/answer', summary: 'Grant or refuse an access request', tags: ['people'],
    audience: 'citizen', guarded: true, params: IdParams, body: AccessRequestAnswerBody,
    response: StatusChanged,
    handler: async (ctx, { params, body }) => answerAccessRequest(ctx, params.id, body.answer),
  }),
  defineRoute({
    method: 'POST', url: '/api/people/:id/birth', summary: 'Register the newborn from the pregnant mother\'s record: linked to her with parental responsibility; with her consent the pregnancy\'s log continues as the child\'s', tags: ['people'],
    idempotent: true, audience: 'staff', guarded: true, params: PersonParams, body: RegisterBirthBody, status: 201,
    response: Created,
    handler: async (ctx, { params, body }) => registerBirth(ctx, params.id, body),
  }),
];
