import { defineRoute } from '../../infra/http/route.ts';
import { PageQuery } from '../../infra/http/paging.ts';
import { AdminGuide, AdminService, AdminServiceList, AdminVersion, GuideSuggestions, Overview, PreviewResult, PublicGuide, Published, PublishedService, SearchResult, StaffSuggestions, YouthServices } from '../../../common/contracts/catalogue.ts';
import { Saved, VersionSaved } from '../../../common/contracts/shared.ts';
import {
  AnswersBody, CreateServiceBody, GuideBody, IdParams, PreviewBody, PublishBody, SaveDraftBody, SearchQuery, SlugParams,
  StaffSuggestionsQuery, VersionParams,
} from './schema.ts';
import * as catalogue from './service.ts';

// The public routes hold no personal data: published service descriptions, and suggestions computed
// from an age and a situation that are neither stored nor logged (the guide posts them in a body).
export const catalogueRoutes = [
  defineRoute({
    method: 'GET', url: '/api/catalogue', summary: 'The catalogue\'s navigation: municipality and services per life situation', tags: ['catalogue'],
    audience: 'public', guarded: false,
    response: Overview,
    handler: async (ctx) => catalogue.overview(ctx),
  }),
  defineRoute({
    method: 'GET', url: '/api/catalogue/services', summary: 'Published services: search (typos and word forms forgiven) and filters', tags: ['catalogue'],
    audience: 'public', guarded: false, query: SearchQuery,
    response: SearchResult,
    handler: async (ctx, { query }) => catalogue.search(ctx, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/catalogue/services/:slug', summary: 'One published service, in the request language', tags: ['catalogue'],
    audience: 'public', guarded: false, params: SlugParams,
    response: PublishedService,
    handler: async (ctx, { params }) => catalogue.getPublished(ctx, params.slug),
  }),
  defineRoute({
    method: 'GET', url: '/api/catalogue/guide', summary: 'The situation guide\'s questions ("Hva trenger du hjelp til?")', tags: ['catalogue'],
    audience: 'public', guarded: false,
    response: PublicGuide,
    handler: async (ctx) => catalogue.publicGuide(ctx),
  }),
  defineRoute({
    method: 'POST', url: '/api/catalogue/guide/suggestions', summary: 'Services the rules suggest for the guide\'s answers (nothing is stored)', tags: ['catalogue'],
    audience: 'public', guarded: false, body: AnswersBody,
    response: GuideSuggestions,
    handler: async (ctx, { body }) => catalogue.guideSuggestions(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/catalogue/youth', summary: 'Everything for 13–23-year-olds they can contact themselves', tags: ['catalogue'],
    audience: 'public', guarded: false,
    response: YouthServices,
    handler: async (ctx) => catalogue.youth(ctx),
  }),
  defineRoute({
    method: 'GET', url: '/api/catalogue/suggestions', summary: 'Services the rules suggest for an age and situations (for a case page; no personal data)',
    tags: ['catalogue'], audience: 'staff', guarded: false, query: StaffSuggestionsQuery,
    response: StaffSuggestions,
    handler: async (ctx, { query }) => catalogue.staffSuggestions(ctx, query),
  }),

  // The administrator: drafts, publishing, history, the rules' preview and the guide.
  defineRoute({
    method: 'GET', url: '/api/admin/catalogue/services', summary: 'The services with their draft and published versions, a page at a time by name', tags: ['catalogue'],
    audience: 'staff', guarded: true, query: PageQuery,
    response: AdminServiceList,
    handler: async (ctx, { query }) => catalogue.adminList(ctx, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/admin/catalogue/services', summary: 'Add a service (as a draft)', tags: ['catalogue'],
    idempotent: true, audience: 'staff', guarded: true, body: CreateServiceBody, status: 201,
    response: Saved,
    handler: async (ctx, { body }) => catalogue.createService(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/admin/catalogue/services/:id', summary: 'A service\'s newest version and its history', tags: ['catalogue'],
    audience: 'staff', guarded: true, params: IdParams,
    response: AdminService,
    handler: async (ctx, { params }) => catalogue.adminGet(ctx, params.id),
  }),
  defineRoute({
    method: 'PUT', url: '/api/admin/catalogue/services/:id', summary: 'Save a new draft version (names the version it was based on)', tags: ['catalogue'],
    versioned: { field: 'baseVersion' }, audience: 'staff', guarded: true, params: IdParams, body: SaveDraftBody,
    response: Saved,
    handler: async (ctx, { params, body }) => catalogue.saveDraft(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/admin/catalogue/services/:id/versions/:version', summary: 'One version from a service\'s history', tags: ['catalogue'],
    audience: 'staff', guarded: true, params: VersionParams,
    response: AdminVersion,
    handler: async (ctx, { params }) => catalogue.adminGetVersion(ctx, params.id, params.version),
  }),
  defineRoute({
    method: 'POST', url: '/api/admin/catalogue/services/:id/publish', summary: 'Make the newest version the public one', tags: ['catalogue'],
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: IdParams, body: PublishBody,
    response: Published,
    handler: async (ctx, { params, body }) => catalogue.publish(ctx, params.id, body.version),
  }),
  defineRoute({
    method: 'POST', url: '/api/admin/catalogue/preview', summary: 'Check a rule document and show what it would suggest, before publishing', tags: ['catalogue'],
    audience: 'staff', guarded: true, body: PreviewBody,
    response: PreviewResult,
    handler: async (ctx, { body }) => catalogue.preview(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/admin/catalogue/guide', summary: 'The situation guide\'s questions in every language, and the preview\'s sample answers', tags: ['catalogue'],
    audience: 'staff', guarded: true,
    response: AdminGuide,
    handler: async (ctx) => catalogue.adminGuide(ctx),
  }),
  defineRoute({
    method: 'PUT', url: '/api/admin/catalogue/guide', summary: 'Change the situation guide\'s questions (refused while rules use a removed answer)', tags: ['catalogue'],
    versioned: { field: 'baseVersion' }, audience: 'staff', guarded: true, body: GuideBody,
    response: VersionSaved,
    handler: async (ctx, { body }) => catalogue.saveGuide(ctx, body.baseVersion, body.definition),
  }),
];
