// The digital handbook's answers (the public and staff reads, the editor's), and the public model's.
import { z } from 'zod';
import { PAGE_STATES, PAGE_VISIBILITIES } from '../handbook.ts';
import { TEAM_KINDS, TeamProfile } from './teams.ts';
import { PAGE } from './shared.ts';

const visibility = z.enum(PAGE_VISIBILITIES);
const state = z.enum(PAGE_STATES);
const language = z.enum(['nb', 'nn', 'en']);

/** A step of the published action guide that links to a page. */
export const LinkingStep = z.object({ level: z.number(), stepKey: z.string(), title: z.string() });

/** A page as listed and found. */
export const PageSummary = z.object({ slug: z.string(), title: z.string(), excerpt: z.string(), visibility });
export type PageSummary = z.infer<typeof PageSummary>;

/** GET /api/handbook/pages */
export const PageSearch = z.object({
  municipality: z.string(),
  query: z.string(),
  alsoSearchedFor: z.array(z.string()),
  pages: z.array(PageSummary),
});
export type PageSearch = z.infer<typeof PageSearch>;

/** GET /api/handbook/pages/:slug: the published page in the reader's language (bokmål when not written in it). */
export const PublishedPage = z.object({
  municipality: z.string(),
  slug: z.string(),
  lang: language,
  title: z.string(),
  html: z.string(),
  visibility,
  version: z.number(),
  publishedAt: z.iso.datetime(),
  linkedFrom: z.array(LinkingStep),
});
export type PublishedPage = z.infer<typeof PublishedPage>;

/** GET /api/admin/handbook/pages */
export const AdminPageList = z.object({
  pages: z.array(z.object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    visibility,
    latestVersion: z.number(),
    state,
    publishedVersion: z.number().nullable(),
    updatedAt: z.iso.datetime(),
  })),
  ...PAGE,
});
export type AdminPageList = z.infer<typeof AdminPageList>;

const EditText = z.object({ title: z.string(), html: z.string() });

/** GET /api/admin/handbook/pages/:id: the newest version in every language, its history and who links to it. */
export const AdminPage = z.object({
  id: z.string(),
  slug: z.string(),
  version: z.number(),
  state,
  visibility,
  aboutTeamKind: z.enum(TEAM_KINDS).nullable(),
  publishedVersion: z.number().nullable(),
  texts: z.object({ nb: EditText, nn: EditText, en: EditText }),
  history: z.array(z.object({
    version: z.number(),
    state,
    changeNote: z.string().nullable(),
    createdAt: z.iso.datetime(),
    createdBy: z.string().nullable(),
    submittedAt: z.iso.datetime().nullable(),
    submittedBy: z.string().nullable(),
    publishedAt: z.iso.datetime().nullable(),
    publishedBy: z.string().nullable(),
  })),
  linkedFrom: z.array(LinkingStep),
  abilities: z.object({ edit: z.boolean(), publish: z.boolean() }),
});
export type AdminPage = z.infer<typeof AdminPage>;

/** POST /api/admin/handbook/pages/:id/review and …/publish */
export const PageStateChanged = z.object({ version: z.number(), state });
export type PageStateChanged = z.infer<typeof PageStateChanged>;

/** POST /api/admin/handbook/images */
export const ImageUploaded = z.object({ id: z.string(), url: z.string() });
export type ImageUploaded = z.infer<typeof ImageUploaded>;

const ModelLink = z.object({ label: z.string(), url: z.string(), kind: z.enum(['handbook', 'form', 'web']) });

/** GET /api/model: the public model (levels 0–3, their steps, the teams), drawn from the published guide and the team configuration. */
export const PublicModel = z.object({
  municipality: z.object({ name: z.string(), code: z.string() }),
  guideVersion: z.number().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  levels: z.array(z.object({
    level: z.number(),
    steps: z.array(z.object({ stepKey: z.string(), title: z.string(), body: z.string(), links: z.array(ModelLink) })),
  })),
  teams: z.array(TeamProfile.extend({
    /** The public handbook page about teams of this kind, when there is one. */
    page: z.object({ slug: z.string(), title: z.string() }).nullable(),
  })),
});
export type PublicModel = z.infer<typeof PublicModel>;
