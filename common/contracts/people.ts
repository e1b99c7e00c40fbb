// People (children, the pregnant, guardians), the relations professionals typed in, and access requests.
import { z } from 'zod';
import { PAGE } from './shared.ts';

export const PERSON_KINDS = ['child', 'pregnant', 'adult'] as const;
export const RELATIONS = ['mother', 'father', 'other'] as const;

export const Person = z.object({
  id: z.string(),
  nationalId: z.string().nullable(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  kind: z.string(),
  expectedBirthDate: z.string().nullable(),
  area: z.string().nullable(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type Person = z.infer<typeof Person>;

/**
 * Who reads a person on Min side: the person themself (a youth, a pregnant woman, a parent reading
 * about themself) or a guardian with parental responsibility. The server says it, so every page
 * addresses the reader ("du") or speaks of the child without guessing from names.
 */
export const READERS = ['self', 'guardian'] as const;
export const Reader = z.enum(READERS);
export type Reader = z.infer<typeof Reader>;

/** GET /api/people: for a citizen each person carries who the reader is to them; for staff null. */
export const People = z.object({ people: z.array(Person.extend({ reader: Reader.nullable() })), ...PAGE });
export type People = z.infer<typeof People>;

export const Guardian = Person.extend({
  relation: z.enum(RELATIONS),
  parentalResponsibility: z.boolean(),
  livesWithChild: z.boolean(),
});
export type Guardian = z.infer<typeof Guardian>;

/** A guardian a professional entered by hand: only what they typed, until confirmed. */
export const UnconfirmedRelation = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
  relation: z.enum(RELATIONS),
  parentalResponsibility: z.boolean(),
  livesWithChild: z.boolean(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.string(),
});
export type UnconfirmedRelation = z.infer<typeof UnconfirmedRelation>;

/** GET /api/people/:id */
export const PersonDetails = Person.extend({
  guardians: z.array(Guardian),
  unconfirmedRelations: z.array(UnconfirmedRelation),
  /** For a signed-in citizen: what they decide for this person. */
  citizen: z.object({
    reader: Reader,
    decides: z.boolean(),
    setsGuardianVisibility: z.boolean(),
    guardiansSeeCase: z.boolean(),
    /** The person's version, for the If-Match of the guardian-visibility switch. */
    version: z.number(),
    /** The sections the citizen may open, by the rules of their routes. */
    abilities: z.object({ readCase: z.boolean(), readConsents: z.boolean(), askTeam: z.boolean(), readReports: z.boolean(), readAccessLog: z.boolean(), readPlan: z.boolean() }),
    /** For a child: from which age they decide alone (consent age; in child-welfare matters). */
    decisionAges: z.object({ general: z.number(), childWelfare: z.number() }).nullable(),
  }).nullable(),
});
export type PersonDetails = z.infer<typeof PersonDetails>;

/** POST /api/people/:id/guardian-visibility */
export const GuardianVisibility = z.object({ guardiansSeeCase: z.boolean(), version: z.number() });
export type GuardianVisibility = z.infer<typeof GuardianVisibility>;

/** A relation waiting for the citizen named in it. */
export const WaitingRelation = z.object({
  id: z.string(),
  childName: z.string(),
  childBirthDate: z.string(),
  childKind: z.enum(PERSON_KINDS),
  relation: z.enum(RELATIONS),
  parentalResponsibility: z.boolean(),
  registeredAt: z.iso.datetime(),
  registeredBy: z.string().nullable(),
  unitName: z.string().nullable(),
});
export type WaitingRelation = z.infer<typeof WaitingRelation>;

/** GET /api/relation-claims */
export const WaitingRelations = z.object({ relations: z.array(WaitingRelation) });
export type WaitingRelations = z.infer<typeof WaitingRelations>;

/** GET /api/admin/relation-claims */
export const WaitingRelationCount = z.object({ waiting: z.number() });
export type WaitingRelationCount = z.infer<typeof WaitingRelationCount>;

/** POST /api/admin/relation-claims/verify */
export const RegisterCheck = z.object({
  checked: z.number(),
  confirmed: z.number(),
  notConfirmed: z.number(),
  waiting: z.number(),
});
export type RegisterCheck = z.infer<typeof RegisterCheck>;

export const AccessRequestStatus = z.enum(['pending', 'refused', 'granted']);

/** POST /api/access-requests */
export const AccessRequestSent = z.object({ id: z.string(), status: z.literal('pending') });
export type AccessRequestSent = z.infer<typeof AccessRequestSent>;

/** A professional's own request: the person is named once access was granted. */
export const OwnAccessRequest = z.object({
  id: z.string(),
  status: AccessRequestStatus,
  reason: z.string(),
  requestedAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
  person: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type OwnAccessRequest = z.infer<typeof OwnAccessRequest>;

/** A request waiting for the citizen who decides for the person. */
export const WaitingAccessRequest = z.object({
  id: z.string(),
  status: AccessRequestStatus,
  reason: z.string(),
  requestedAt: z.iso.datetime(),
  personId: z.string(),
  personName: z.string(),
  requesterName: z.string(),
  unitName: z.string().nullable(),
});
export type WaitingAccessRequest = z.infer<typeof WaitingAccessRequest>;

/** GET /api/access-requests: a professional's own requests, or those waiting for a citizen. */
export const AccessRequests = z.union([
  z.object({ requests: z.array(OwnAccessRequest) }),
  z.object({ requests: z.array(WaitingAccessRequest) }),
]);
export type AccessRequests = z.infer<typeof AccessRequests>;
