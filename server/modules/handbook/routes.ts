import { defineRoute } from '../../infra/http/route.ts';
import { AdminPage, AdminPageList, ImageUploaded, PageSearch, PageStateChanged, PublicModel, PublishedPage } from '../../../common/contracts/handbook.ts';
import { Saved } from '../../../common/contracts/shared.ts';
import { MAX_IMAGE_BYTES } from '../../../common/handbook.ts';
import { CreatePageBody, ImageParams, MunicipalityQuery, PageIdParams, SavePageBody, SearchQuery, SlugParams, UploadImageBody, VersionBody } from './schema.ts';
import * as handbook from './service.ts';
import { PageQuery } from '../../infra/http/paging.ts';
import { publicModel } from './model.ts';

const tags = ['handbook'];

// The public routes hold no personal data: published municipal guidance (staff-only pages only for
// the municipality's staff), its images, and the model drawn from the guide and the teams.
export const handbookRoutes = [
  defineRoute({
    method: 'GET', url: '/api/handbook/pages', summary: 'Published handbook pages: all, or a search (typos and word forms forgiven); staff-only pages for staff only', tags,
    audience: 'public', guarded: false, query: SearchQuery,
    response: PageSearch,
    handler: async (ctx, { query }) => handbook.search(ctx, query.q, query.municipality),
  }),
  defineRoute({
    method: 'GET', url: '/api/handbook/pages/:slug', summary: 'One published handbook page in the reader\'s language, with the action guide\'s steps that link to it', tags,
    audience: 'public', guarded: false, params: SlugParams, query: MunicipalityQuery,
    response: PublishedPage,
    handler: async (ctx, { params, query }) => handbook.readPublished(ctx, params.slug, query.municipality),
  }),
  defineRoute({
    method: 'GET', url: '/api/handbook/images/:id', summary: 'An image of a handbook page', tags,
    audience: 'public', guarded: false, params: ImageParams,
    produces: 'image/*',
    handler: async (ctx, { params }) => {
      const image = await handbook.readImage(ctx, params.id);
      // Served as the checked image type only, never sniffed into something that runs.
      return ctx.reply.type(image.content_type).header('x-content-type-options', 'nosniff').header('cache-control', 'public, max-age=3600').send(image.bytes);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/model', summary: 'The public model: levels 0–3 with the published action guide\'s steps and the teams, with links the public may follow', tags,
    audience: 'public', guarded: false, query: MunicipalityQuery,
    response: PublicModel,
    handler: async (ctx, { query }) => publicModel(ctx, query.municipality),
  }),

  // The administrator and the editor.
  defineRoute({
    method: 'GET', url: '/api/admin/handbook/pages', summary: 'Every handbook page with its newest version\'s state, by title, a page at a time', tags,
    audience: 'staff', guarded: true, query: PageQuery,
    response: AdminPageList,
    handler: async (ctx, { query }) => handbook.adminList(ctx, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/admin/handbook/pages', summary: 'Write a new handbook page (as a draft)', tags,
    idempotent: true, audience: 'staff', guarded: true, body: CreatePageBody, status: 201,
    response: Saved,
    handler: async (ctx, { body }) => handbook.createPage(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/admin/handbook/pages/:id', summary: 'A handbook page\'s newest version in every language, its history and the steps that link to it', tags,
    audience: 'staff', guarded: true, params: PageIdParams,
    response: AdminPage,
    handler: async (ctx, { params }) => handbook.adminGet(ctx, params.id),
  }),
  defineRoute({
    method: 'PUT', url: '/api/admin/handbook/pages/:id', summary: 'Save a new draft version (names the version it was based on)', tags,
    versioned: { field: 'baseVersion' }, audience: 'staff', guarded: true, params: PageIdParams, body: SavePageBody,
    response: Saved,
    handler: async (ctx, { params, body }) => handbook.savePage(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/admin/handbook/pages/:id/review', summary: 'Put the newest version up for review', tags,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: PageIdParams, body: VersionBody,
    response: PageStateChanged,
    handler: async (ctx, { params }) => handbook.submitForReview(ctx, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/admin/handbook/pages/:id/publish', summary: 'Publish the reviewed newest version', tags,
    versioned: { field: 'version' }, audience: 'staff', guarded: true, params: PageIdParams, body: VersionBody,
    response: PageStateChanged,
    handler: async (ctx, { params }) => handbook.publishPage(ctx, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/admin/handbook/images', summary: 'Upload an image for a handbook page (PNG, JPEG, GIF or WebP, checked by its bytes)', tags,
    idempotent: true, audience: 'staff', guarded: true, body: UploadImageBody, status: 201,
    // Room for the largest image in base64 and a little more, so a too-large file gets its own clear message.
    bodyLimit: Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 1_000_000,
    response: ImageUploaded,
    handler: async (ctx, { body }) => handbook.uploadImage(ctx, body),
  }),
];
