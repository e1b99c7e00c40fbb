import { z } from 'zod';
import { INT4_MAX, isoDate, optionalText, recordVersion, uuid } from '../../infra/http/schemas.ts';
import { CONSENT_CATEGORIES, CONSENT_PURPOSES } from './rules.ts';

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

export const PersonParams = z.strictObject({ id: uuid });
export const ConsentParams = z.strictObject({ consentId: uuid });

export const ScannedDocument = z.strictObject({
  name: z.string().trim().min(1).max(200),
  contentType: z.string(),
  /** The file, base64-encoded. */
  data: z.string().min(1),
});

export const RecordConsentBody = z
  .strictObject({
    method: z.enum(['paper', 'oral']),
    consentTextVersion: recordVersion().optional(),
    giverIds: z.array(uuid).max(6),
    purposes: z.array(z.enum(CONSENT_PURPOSES)).min(1),
    categories: z.array(z.enum(CONSENT_CATEGORIES)).min(1),
    recipientUnitIds: z.array(uuid).max(50).default([]),
    recipientUnitTypes: z.array(z.string().min(1).max(60)).max(30).default([]),
    validFrom: isoDate,
    validTo: isoDate,
    childWelfareMatter: z.boolean().default(false),
    childView: optionalText(4000),
    document: ScannedDocument.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.validFrom && value.validTo && value.validTo < value.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'errors.consentValidToBeforeFrom' });
    }
    if (value.recipientUnitIds.length === 0 && value.recipientUnitTypes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['recipientUnitIds'], message: 'errors.consentRecipientRequired' });
    }
  });
export type RecordConsentInput = z.infer<typeof RecordConsentBody>;

/**
 * Withdraw the whole consent, or only part of it: some of its recipients (a unit id or a unit type
 * code, as the consent lists them) and/or some of its categories. Nothing named: the whole consent.
 */
export const WithdrawConsentBody = z.strictObject({
  note: optionalText(1000),
  recipients: z.array(z.string().min(1).max(60)).max(50).default([]),
  categories: z.array(z.enum(CONSENT_CATEGORIES)).max(CONSENT_CATEGORIES.length).default([]),
});
export type WithdrawConsentInput = z.infer<typeof WithdrawConsentBody>;

export const LegalBasisBody = z.strictObject({
  basis: z.enum(['duty_to_report_child_welfare', 'duty_to_avert']),
  note: z.string().trim().min(1).max(4000),
});

export const ConsentFormQuery = z.strictObject({
  lang: z.enum(['nb', 'nn', 'en']).optional(),
  version: z.coerce.number().int().min(1).max(INT4_MAX).optional(),
});

/** A consent given on the citizen pages: the signed-in citizen is the giver, from today. */
export const GiveConsentBody = z
  .strictObject({
    consentTextVersion: recordVersion().optional(),
    purposes: z.array(z.enum(CONSENT_PURPOSES)).min(1),
    categories: z.array(z.enum(CONSENT_CATEGORIES)).min(1),
    recipientUnitIds: z.array(uuid).max(50).default([]),
    recipientUnitTypes: z.array(z.string().min(1).max(60)).max(30).default([]),
    validTo: isoDate,
    childView: optionalText(4000),
  })
  .superRefine((value, ctx) => {
    if (value.recipientUnitIds.length === 0 && value.recipientUnitTypes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['recipientUnitIds'], message: 'errors.consentRecipientRequired' });
    }
  });
export type GiveConsentInput = z.infer<typeof GiveConsentBody>;
