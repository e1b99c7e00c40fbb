import { z } from 'zod';

/** GET /api/consent-text */
export const ConsentTextInResponse = z.object({
  version: z.number(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.iso.datetime(),
});
export type ConsentTextInResponse = z.infer<typeof ConsentTextInResponse>;

/** A service a consent names: one unit, or every unit of a type. */
export const ConsentRecipient = z.union([
  z.object({ kind: z.literal('unit'), id: z.string(), name: z.string() }),
  z.object({ kind: z.literal('type'), id: z.string(), name: z.string() }),
]);

/** GET /api/people/:id/consents */
export const PeopleConsentsResponse = z.object({
  consents: z.array(z.object({
    id: z.string(),
    state: z.enum(['active', 'withdrawn', 'expired', 'not_yet_valid', 'awaiting_signature']),
    awaiting: z.array(z.object({ personId: z.string(), name: z.string() })),
    awaitingYou: z.boolean(),
    method: z.enum(['digital', 'paper', 'oral']),
    purposes: z.array(z.string()),
    categories: z.array(z.string()),
    childWelfareMatter: z.boolean(),
    validFrom: z.string(),
    validTo: z.string(),
    childView: z.string().nullable(),
    recordedAt: z.iso.datetime(),
    recordedBy: z.string().nullable(),
    textVersion: z.number(),
    documentName: z.string().nullable(),
    withdrawnAt: z.iso.datetime().nullable(),
    withdrawalNote: z.string().nullable(),
    withdrawnBy: z.string().nullable(),
    givers: z.array(z.object({
      personId: z.string(),
      name: z.string(),
      capacity: z.enum(['youth', 'self', 'guardian']),
    })),
    recipients: z.array(ConsentRecipient),
    /** The parts withdrawn while the rest stays in force, oldest first. */
    partialWithdrawals: z.array(z.object({
      at: z.iso.datetime(),
      by: z.string(),
      recipients: z.array(ConsentRecipient),
      categories: z.array(z.string()),
      note: z.string().nullable(),
    })),
  })),
});
export type PeopleConsentsResponse = z.infer<typeof PeopleConsentsResponse>;

/** POST /api/people/:id/consents/digital */
export const GiveConsentResponse = z.object({ id: z.string(), awaiting: z.number() });
export type GiveConsentResponse = z.infer<typeof GiveConsentResponse>;

/** POST /api/consents/:consentId/sign */
export const SignConsentResponse = z.object({ id: z.string(), awaiting: z.number() });
export type SignConsentResponse = z.infer<typeof SignConsentResponse>;

/** POST /api/consents/:consentId/withdraw */
export const WithdrawConsentResponse = z.object({
  id: z.string(),
  /** 'withdrawn': the whole consent; 'active': a part withdrawn, the rest in force. */
  state: z.enum(['withdrawn', 'active']),
  /** How many of the staff who could read the case before lost some or all of it. */
  lostAccess: z.number(),
});
export type WithdrawConsentResponse = z.infer<typeof WithdrawConsentResponse>;

