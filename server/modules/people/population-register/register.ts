// The population register (folkeregisteret): who a person is and who has parental responsibility
// for them, by national identity number. Sammen asks it to confirm family relations that a
// professional entered by hand. Only this interface is used by the people module; the file-based
// register serves the demo and the tests, and a Folkeregister integration (Skatteetaten's API via
// Maskinporten) implements the same interface.
import { z } from 'zod';

export const RegisterParent = z.strictObject({
  nationalId: z.string().regex(/^[0-9]{11}$/),
  relation: z.enum(['mother', 'father', 'other']),
  parentalResponsibility: z.boolean(),
});

export const RegisterEntry = z.strictObject({
  nationalId: z.string().regex(/^[0-9]{11}$/),
  givenName: z.string().min(1),
  familyName: z.string().min(1),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  address: z.string().nullable(),
  /** Parents and other guardians, each saying whether they have parental responsibility. */
  parents: z.array(RegisterParent),
});
export type RegisterEntry = z.infer<typeof RegisterEntry>;

export const RegisterFile = z.strictObject({
  /** Where the data comes from, e.g. "Fjordvik kommune (demo)". */
  source: z.string(),
  people: z.array(RegisterEntry),
});
export type RegisterFile = z.infer<typeof RegisterFile>;

export interface PopulationRegister {
  /** The person with this national id, or null when the register does not know it. */
  lookup(nationalId: string): Promise<RegisterEntry | null>;
}

/** The register cannot be reached or read; nothing was confirmed. */
export class PopulationRegisterUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PopulationRegisterUnavailable';
  }
}
