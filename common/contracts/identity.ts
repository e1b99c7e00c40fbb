// Sign-in and the session: who is signed in, the development sign-in, role and language.
import { z } from 'zod';
import { LANGUAGES, STAFF_ROLES } from '../roles.ts';
import { PAGE_KEYS } from '../pages.ts';
import { abilities } from './shared.ts';

export const StaffPrincipal = z.object({
  kind: z.literal('staff'),
  displayName: z.string(),
  username: z.string(),
  roles: z.array(z.enum(STAFF_ROLES)),
  activeRole: z.enum(STAFF_ROLES),
  serviceUnitId: z.string().nullable(),
});
export type StaffPrincipal = z.infer<typeof StaffPrincipal>;

export const CitizenPrincipal = z.object({ kind: z.literal('citizen'), displayName: z.string() });
export type CitizenPrincipal = z.infer<typeof CitizenPrincipal>;

export const Principal = z.discriminatedUnion('kind', [StaffPrincipal, CitizenPrincipal]);
export type Principal = z.infer<typeof Principal>;

/** GET /api/auth/me: the session, the token for state-changing requests and the ways to sign in. */
export const Me = z.object({
  principal: Principal.nullable(),
  csrfToken: z.string().nullable(),
  language: z.enum(LANGUAGES),
  signIn: z.object({ dev: z.boolean(), staffOidc: z.boolean(), citizenOidc: z.boolean() }),
  /** The pages the active role may open (the start page first) and the menu: the server's answer, not the web's. */
  pages: z.array(z.enum(PAGE_KEYS)),
  menu: z.array(z.enum(PAGE_KEYS)),
  abilities: abilities('editTeams', 'readDevMailbox', 'seeEveryTeam', 'teamOverviews', 'indicatorsOnly'),
});
export type Me = z.infer<typeof Me>;

export const DevUser = z.object({
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(['staff', 'citizen']),
  roles: z.array(z.string()),
  unitName: z.string().nullable(),
});
export type DevUser = z.infer<typeof DevUser>;

/** GET /api/auth/dev-users */
export const DevUsers = z.object({ users: z.array(DevUser) });
export type DevUsers = z.infer<typeof DevUsers>;

/** POST /api/auth/dev-login */
export const DevLogin = z.object({ principal: z.object({ kind: z.enum(['staff', 'citizen']), displayName: z.string() }) });
export type DevLogin = z.infer<typeof DevLogin>;

/** POST /api/auth/logout */
export const LoggedOut = z.object({ ok: z.boolean() });
export type LoggedOut = z.infer<typeof LoggedOut>;

/** POST /api/auth/role */
export const RoleSwitched = z.object({ activeRole: z.enum(STAFF_ROLES) });
export type RoleSwitched = z.infer<typeof RoleSwitched>;

/** PUT /api/auth/language */
export const LanguageSet = z.object({ language: z.enum(LANGUAGES) });
export type LanguageSet = z.infer<typeof LanguageSet>;
