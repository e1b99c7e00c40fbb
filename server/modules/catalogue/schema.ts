// Request schemas of the catalogue routes. The rule document is checked by rules.ts (it needs the
// guide and gives messages that name the rule), everything else here.
import { z } from 'zod';
import { AUDIENCES, MAX_AGE, SITUATIONS } from '../../../common/catalogue.ts';
import { INT4_MAX, recordVersion, uuid } from '../../infra/http/schemas.ts';

const situation = z.enum(SITUATIONS);
const audience = z.enum(AUDIENCES);
const age = z.number().int().min(0).max(MAX_AGE);
const text = (max: number) => z.string().trim().max(max).default('');
const optional = (max: number) => z.string().trim().max(max).optional().nullable().transform((v) => (v ? v : null));
const code = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/);

export const SlugParams = z.strictObject({ slug: z.string().min(1).max(80) });
export const IdParams = z.strictObject({ id: uuid });
export const VersionParams = z.strictObject({ id: uuid, version: z.coerce.number().int().min(1).max(INT4_MAX) });

/** The texts of a service in one language. Bokmål needs a name and a summary to be saved; all three languages need the essentials to be published. */
export const ServiceTexts = z.strictObject({
  name: text(120),
  summary: text(1500),
  audienceText: text(1500),
  howTo: text(1500),
  cost: text(300),
  openingHours: text(300),
  location: text(300),
  keywords: text(500),
});
export type ServiceTextsInput = z.infer<typeof ServiceTexts>;

export const ServiceContent = z.strictObject({
  ageFrom: age.nullable().default(null),
  ageTo: age.nullable().default(null),
  audiences: z.array(audience).max(AUDIENCES.length).default([]),
  situations: z.array(situation).max(SITUATIONS.length).default([]),
  lowThreshold: z.boolean().default(false),
  phone: optional(40),
  email: z.union([z.email().max(200), z.literal('')]).optional().nullable().transform((v) => (v ? v : null)),
  url: z
    .union([z.url({ protocol: /^https?$/ }).max(500), z.literal('')])
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
  address: optional(300),
  /** The rule document, checked against the guide by rules.ts. */
  rules: z.unknown().default({ suggestWhen: [] }),
  changeNote: optional(500),
  texts: z.strictObject({ nb: ServiceTexts, nn: ServiceTexts, en: ServiceTexts }),
});
export type ServiceContentInput = z.infer<typeof ServiceContent>;

export const CreateServiceBody = ServiceContent.extend({
  slug: z.string().trim().toLowerCase().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'errors.invalidType' }).max(80),
});
export type CreateServiceInput = z.infer<typeof CreateServiceBody>;

export const SaveDraftBody = ServiceContent.extend({
  /** The latest version the editor read: a newer one means someone else saved meanwhile (409). */
  baseVersion: recordVersion(),
});
export type SaveDraftInput = z.infer<typeof SaveDraftBody>;

export const PublishBody = z.strictObject({ version: recordVersion() });

/** What the guide has been told: no name, no identity number, only an age and the situation. */
export const AnswersBody = z.strictObject({
  audience: audience.optional(),
  age: age.optional(),
  situations: z.array(situation).max(SITUATIONS.length).default([]),
  answers: z.record(code, z.array(code).max(20)).default({}),
});
export type AnswersInput = z.infer<typeof AnswersBody>;

const listOfSituations = z
  .string()
  .max(400)
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(situation));

export const SearchQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  situation: situation.optional(),
  audience: audience.optional(),
  age: z.coerce.number().int().min(0).max(MAX_AGE).optional(),
});
export type SearchInput = z.infer<typeof SearchQuery>;

export const StaffSuggestionsQuery = z.strictObject({
  age: z.coerce.number().int().min(0).max(MAX_AGE).optional(),
  situations: listOfSituations.optional(),
});

export const PreviewBody = z.strictObject({
  /** The draft's service, so the preview can show the catalogue with this draft in place of its published version. */
  serviceId: uuid.optional(),
  rules: z.unknown(),
  answers: AnswersBody.optional(),
});

const localText = (max: number) => z.strictObject({ nb: z.string().trim().min(1).max(max), nn: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

export const GuideDefinitionSchema = z.strictObject({
  questions: z
    .array(
      z.strictObject({
        id: code,
        multiple: z.boolean(),
        text: localText(200),
        help: localText(400).optional(),
        showWhen: z.strictObject({ situations: z.array(situation).min(1) }).optional(),
        options: z.array(z.strictObject({ value: code, text: localText(200) })).min(2).max(12),
      }),
    )
    .max(10),
});

export const GuideBody = z.strictObject({
  /** The guide version the editor read (0 when the municipality has none yet). */
  baseVersion: recordVersion(0),
  definition: GuideDefinitionSchema,
});

