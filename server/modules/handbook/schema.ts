// Request schemas of the handbook routes. The rich text is checked by html.ts (the message says
// the text held something unsafe); the image's real type by its bytes (service.ts).
import { z } from 'zod';
import { IMAGE_TYPES, PAGE_VISIBILITIES } from '../../../common/handbook.ts';
import { TEAM_KINDS } from '../../../common/contracts/teams.ts';
import { nonEmptyText, optionalText, recordVersion, uuid } from '../../infra/http/schemas.ts';

export const PageIdParams = z.strictObject({ id: uuid });
export const SlugParams = z.strictObject({ slug: z.string().min(1).max(80) });
export const ImageParams = z.strictObject({ id: uuid });
export const MunicipalityQuery = z.strictObject({ municipality: z.string().regex(/^[0-9]{4}$/).optional() });
export const SearchQuery = z.strictObject({ q: z.string().max(200).optional(), municipality: z.string().regex(/^[0-9]{4}$/).optional() });

/** A page's text in one language: a title and its rich text (HTML from the editor). */
const PageText = z.strictObject({
  title: nonEmptyText(160),
  html: z.string().max(200_000, { message: 'handbook.err.tooLong' }),
});
const OptionalPageText = z.strictObject({
  title: optionalText(160),
  html: z.string().max(200_000, { message: 'handbook.err.tooLong' }).default(''),
});

const content = {
  visibility: z.enum(PAGE_VISIBILITIES, { message: 'handbook.err.visibility' }),
  aboutTeamKind: z.enum(TEAM_KINDS).nullable().default(null),
  // Bokmål always; nynorsk and English when written (a title makes the language count).
  texts: z.strictObject({ nb: PageText, nn: OptionalPageText.optional(), en: OptionalPageText.optional() }),
  changeNote: optionalText(300),
};

export const CreatePageBody = z.strictObject({
  slug: z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'handbook.err.slug' }).max(80, { message: 'handbook.err.slug' }),
  ...content,
});
export type CreatePageInput = z.infer<typeof CreatePageBody>;

export const SavePageBody = z.strictObject({ baseVersion: recordVersion(), ...content });
export type SavePageInput = z.infer<typeof SavePageBody>;

export const VersionBody = z.strictObject({ version: recordVersion() });

export const UploadImageBody = z.strictObject({
  contentType: z.enum(IMAGE_TYPES, { message: 'handbook.err.imageType' }),
  /** The file, base64-encoded. */
  data: z.string().min(1).max(4_000_000),
});
export type UploadImageInput = z.infer<typeof UploadImageBody>;
