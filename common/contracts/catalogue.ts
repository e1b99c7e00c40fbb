// The public service catalogue's answers, and its administration's.
import { z } from 'zod';
import { AUDIENCES, SITUATIONS } from '../catalogue.ts';
import { PAGE } from './shared.ts';

const situations = z.array(z.enum(SITUATIONS));
const audiences = z.array(z.enum(AUDIENCES));
const LocalText = z.object({ nb: z.string(), nn: z.string(), en: z.string() });

/** A service as listed: in search results, suggestions and on the youth page. */
export const ServiceSummary = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  summary: z.string(),
  ageFrom: z.number().nullable(),
  ageTo: z.number().nullable(),
  audiences,
  situations,
  lowThreshold: z.boolean(),
});
export type ServiceSummary = z.infer<typeof ServiceSummary>;

/** A published service's page. */
export const ServiceDetails = ServiceSummary.extend({
  audienceText: z.string(),
  howTo: z.string(),
  cost: z.string(),
  openingHours: z.string(),
  location: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  url: z.string().nullable(),
  address: z.string().nullable(),
  version: z.number(),
  publishedAt: z.iso.datetime().nullable(),
});
export type ServiceDetails = z.infer<typeof ServiceDetails>;

/** GET /api/catalogue */
export const Overview = z.object({
  municipality: z.string(),
  situationCounts: z.partialRecord(z.enum(SITUATIONS), z.number()),
});
export type Overview = z.infer<typeof Overview>;

/** GET /api/catalogue/services */
export const SearchResult = z.object({
  municipality: z.string(),
  query: z.string(),
  alsoSearchedFor: z.array(z.string()),
  services: z.array(ServiceSummary),
});
export type SearchResult = z.infer<typeof SearchResult>;

/** GET /api/catalogue/services/:slug */
export const PublishedService = z.object({ municipality: z.string(), service: ServiceDetails });
export type PublishedService = z.infer<typeof PublishedService>;

const ShowWhen = z.object({ situations });

/** A question of the situation guide, in the reader's language. */
export const GuideQuestionView = z.object({
  id: z.string(),
  multiple: z.boolean(),
  text: z.string(),
  help: z.string().nullable(),
  showWhen: ShowWhen.nullable(),
  options: z.array(z.object({ value: z.string(), text: z.string() })),
});
export type GuideQuestionView = z.infer<typeof GuideQuestionView>;

/** GET /api/catalogue/guide */
export const PublicGuide = z.object({ municipality: z.string(), questions: z.array(GuideQuestionView) });
export type PublicGuide = z.infer<typeof PublicGuide>;

/** POST /api/catalogue/guide/suggestions */
export const GuideSuggestions = z.object({ municipality: z.string(), services: z.array(ServiceSummary) });
export type GuideSuggestions = z.infer<typeof GuideSuggestions>;

export const YOUTH_GROUPS = ['health', 'leisure', 'schoolWork'] as const;

/** GET /api/catalogue/youth */
export const YouthServices = z.object({
  municipality: z.string(),
  groups: z.array(z.object({ key: z.enum(YOUTH_GROUPS), services: z.array(ServiceSummary) })),
});
export type YouthServices = z.infer<typeof YouthServices>;

/** GET /api/catalogue/suggestions */
export const StaffSuggestions = z.object({ services: z.array(ServiceSummary) });
export type StaffSuggestions = z.infer<typeof StaffSuggestions>;

/** GET /api/admin/catalogue/services */
export const AdminServiceItem = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  latestVersion: z.number(),
  publishedVersion: z.number().nullable(),
  hasDraft: z.boolean(),
  updatedAt: z.iso.datetime(),
  // As stored: the latest version's situation codes.
  situations: z.array(z.string()),
});
export type AdminServiceItem = z.infer<typeof AdminServiceItem>;
export const AdminServiceList = z.object({ services: z.array(AdminServiceItem), ...PAGE });
export type AdminServiceList = z.infer<typeof AdminServiceList>;

export const ServiceTexts = z.object({
  name: z.string(),
  summary: z.string(),
  audienceText: z.string(),
  howTo: z.string(),
  cost: z.string(),
  openingHours: z.string(),
  location: z.string(),
  keywords: z.string(),
});
export type ServiceTexts = z.infer<typeof ServiceTexts>;

export const RuleSet = z.object({
  suggestWhen: z.array(z.object({
    ageFrom: z.number().optional(),
    ageTo: z.number().optional(),
    audiences: audiences.optional(),
    situations: situations.optional(),
    answers: z.record(z.string(), z.array(z.string())).optional(),
  })),
  priority: z.number().optional(),
});

/** One version of a service, every language. */
export const ServiceContent = z.object({
  ageFrom: z.number().nullable(),
  ageTo: z.number().nullable(),
  audiences,
  situations,
  lowThreshold: z.boolean(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  url: z.string().nullable(),
  address: z.string().nullable(),
  rules: RuleSet,
  changeNote: z.string().nullable(),
  texts: z.object({ nb: ServiceTexts, nn: ServiceTexts, en: ServiceTexts }),
});
export type ServiceContent = z.infer<typeof ServiceContent>;

export const VersionState = z.enum(['published', 'draft', 'earlier_published', 'earlier_draft']);
export type VersionState = z.infer<typeof VersionState>;

/** GET /api/admin/catalogue/services/:id/versions/:version */
export const AdminVersion = z.object({
  state: VersionState,
  version: z.number(),
  createdAt: z.iso.datetime(),
  createdBy: z.string().nullable(),
  publishedAt: z.iso.datetime().nullable(),
  publishedBy: z.string().nullable(),
  content: ServiceContent,
});
export type AdminVersion = z.infer<typeof AdminVersion>;

/** GET /api/admin/catalogue/services/:id */
export const AdminService = z.object({
  id: z.string(),
  slug: z.string(),
  latestVersion: z.number(),
  publishedVersion: z.number().nullable(),
  latest: AdminVersion,
  history: z.array(z.object({
    version: z.number(),
    name: z.string(),
    createdAt: z.iso.datetime(),
    createdBy: z.string().nullable(),
    publishedAt: z.iso.datetime().nullable(),
    publishedBy: z.string().nullable(),
    changeNote: z.string().nullable(),
    state: VersionState,
  })),
});
export type AdminService = z.infer<typeof AdminService>;

/** POST /api/admin/catalogue/services/:id/publish */
export const Published = z.object({ id: z.string(), publishedVersion: z.number() });
export type Published = z.infer<typeof Published>;

/** POST /api/admin/catalogue/preview */
export const PreviewResult = z.object({
  valid: z.boolean(),
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
  samples: z.array(z.object({ key: z.string(), description: z.string(), matches: z.boolean() })),
  suggestions: z.array(z.object({ id: z.string().nullable(), name: z.string(), thisService: z.boolean() })),
});
export type PreviewResult = z.infer<typeof PreviewResult>;

/** GET /api/admin/catalogue/guide */
export const AdminGuide = z.object({
  version: z.number(),
  definition: z.object({
    questions: z.array(z.object({
      id: z.string(),
      multiple: z.boolean(),
      text: LocalText,
      help: LocalText.optional(),
      showWhen: ShowWhen.optional(),
      options: z.array(z.object({ value: z.string(), text: LocalText })),
    })),
  }),
  samples: z.array(z.object({
    key: z.string(),
    description: z.string(),
    answers: z.object({
      audience: z.enum(AUDIENCES).optional(),
      age: z.number().optional(),
      situations,
      answers: z.record(z.string(), z.array(z.string())),
    }),
  })),
});
export type AdminGuide = z.infer<typeof AdminGuide>;
