import { z } from 'zod';
import { parseNationalId } from '../../../common/national-id.ts';
import type { FieldProblem } from '../../infra/http/errors.ts';
import { email, isoDate, nationalId, nonEmptyText, optionalText, recordVersion, uuid } from '../../infra/http/schemas.ts';

const optionalNationalId = z.union([nationalId, z.literal('')]).optional().transform((v) => v || undefined);
const optionalDate = z.union([isoDate, z.literal('')]).optional().transform((v) => v || undefined);
const optionalEmail = z.union([email, z.literal('')]).optional().transform((v) => v || undefined);

/**
 * A person is identified by a national id, or (newly arrived, no number yet) by name and birth
 * date. With a national id the birth date comes from it; if both are given they must agree.
 */
function identity<T extends z.ZodRawShape>(shape: T) {
  return z
    .strictObject({
      nationalId: optionalNationalId,
      givenName: nonEmptyText(100),
      familyName: nonEmptyText(100),
      birthDate: optionalDate,
      ...shape,
    })
    .superRefine((value, ctx) => {
      const v = value as { nationalId?: string; birthDate?: string };
      const parsed = v.nationalId ? parseNationalId(v.nationalId) : null;
      if (!parsed && !v.birthDate) {
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'errors.required' });
      }
      if (parsed?.valid && v.birthDate && parsed.birthDate !== v.birthDate) {
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'errors.nationalIdBirthDateMismatch' });
      }
    });
}

export const GuardianInput = identity({
  relation: z.enum(['mother', 'father', 'other']),
  parentalResponsibility: z.boolean(),
  livesWithChild: z.boolean().default(true),
  email: optionalEmail,
  phone: optionalText(30),
});

export const RegisterPersonBody = identity({
  kind: z.enum(['child', 'pregnant']),
  expectedBirthDate: optionalDate,
  area: optionalText(60),
  address: optionalText(200),
  guardians: z.array(GuardianInput).max(4).default([]),
}).superRefine((value, ctx) => {
  if (value.kind === 'pregnant' && !value.expectedBirthDate) {
    ctx.addIssue({ code: 'custom', path: ['expectedBirthDate'], message: 'errors.expectedBirthDateRequired' });
  }
});
export type RegisterPersonInput = z.infer<typeof RegisterPersonBody>;

/** The birth date a registration gives for a person, from the national id or as entered. */
export function birthDateOf(person: { nationalId?: string | undefined; birthDate?: string | undefined }): string | undefined {
  const parsed = person.nationalId ? parseNationalId(person.nationalId) : null;
  return parsed?.valid ? parsed.birthDate : person.birthDate;
}

/** Fields of a registration whose birth date lies after `today` (Oslo calendar date): nobody is born in the future. */
export function futureBirthDates(input: RegisterPersonInput, today: string): FieldProblem[] {
  const people: [string, { nationalId?: string | undefined; birthDate?: string | undefined }][] = [['', input], ...input.guardians.map((g, i) => [`guardians.${i}.`, g] as [string, typeof g])];
  return people.filter(([, p]) => (birthDateOf(p) ?? '') > today).map(([prefix]) => ({ field: `${prefix}birthDate`, messageKey: 'errors.birthDateInFuture' }));
}

export const PersonParams = z.strictObject({ id: uuid });
export const IdParams = z.strictObject({ id: uuid });

/** A professional asks for access to a person registered by someone else: the full national id (never in a URL) and why. */
export const AccessRequestBody = z.strictObject({
  nationalId,
  reason: nonEmptyText(1000),
});
export type AccessRequestInput = z.infer<typeof AccessRequestBody>;

export const AccessRequestAnswerBody = z.strictObject({ answer: z.enum(['grant', 'refuse']) });
export const RelationAnswerBody = z.strictObject({ answer: z.enum(['confirm', 'refuse']) });

// The person's version, so a choice made on a page read before another change (in another tab) is refused.
export const GuardianVisibilityBody = z.strictObject({ guardiansSeeCase: z.boolean(), version: recordVersion() });

/**
 * A birth, registered from the mother's record: the newborn's name, and a national id or the
 * birth date; `continueLog` records the mother's consent that the pregnancy's log continues as the
 * child's. The mother is the record the route names, never typed again.
 */
export const RegisterBirthBody = z.strictObject({
  nationalId: optionalNationalId,
  givenName: nonEmptyText(100),
  familyName: nonEmptyText(100),
  birthDate: optionalDate,
  continueLog: z.boolean(),
}).superRefine((value, ctx) => {
  const parsed = value.nationalId ? parseNationalId(value.nationalId) : null;
  if (!parsed && !value.birthDate) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'errors.required' });
  if (parsed?.valid && value.birthDate && parsed.birthDate !== value.birthDate) {
    ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'errors.nationalIdBirthDateMismatch' });
  }
});
export type RegisterBirthInput = z.infer<typeof RegisterBirthBody>;
