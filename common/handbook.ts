// The digital handbook's shared vocabulary: where a page lives, and the forms the action guide's
// steps may link to. The server checks a guide's links with these; the web draws them.

/** A handbook page's address in the app; the action guide links to pages by it. */
export const handbookPath = (slug: string) => `/handbok/${slug}`;

const HANDBOOK_LINK = /^\/handbok\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** The slug a link points to when it is a handbook page, else null. */
export function handbookSlugOf(url: string): string | null {
  return HANDBOOK_LINK.exec(url)?.[1] ?? null;
}

export const PAGE_VISIBILITIES = ['public', 'staff'] as const;
export type PageVisibility = (typeof PAGE_VISIBILITIES)[number];

/** A version is a draft, put up for review, or published (draft → review → published). */
export const PAGE_STATES = ['draft', 'review', 'published'] as const;
export type PageState = (typeof PAGE_STATES)[number];

/** The largest image a page may hold. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/**
 * The app's forms a step may link to. `:child` stands for the child whose case shows the step (the
 * case page fills it in); outside a case these forms are not offered.
 */
export const GUIDE_FORMS = {
  consentForm: '/api/consent-form.pdf', // felles samtykkeskjema
  childWelfareReport: '/barn/:child/bekymringsmelding', // bekymringsmelding
  referral: '/barn/:child', // henvisning til tidlig innsatsteam: the form is on the child's page
} as const;
export type GuideForm = keyof typeof GUIDE_FORMS;

export type GuideLinkKind = 'handbook' | 'form' | 'web';

export function guideLinkKind(url: string): GuideLinkKind {
  if (handbookSlugOf(url)) return 'handbook';
  if ((Object.values(GUIDE_FORMS) as string[]).includes(url)) return 'form';
  return 'web';
}

/** A step's link as a reader follows it: a form that needs a child is only meaningful on that child's case. */
export function needsChild(url: string): boolean {
  return url.includes(':child');
}
