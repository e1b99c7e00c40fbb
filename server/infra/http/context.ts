// What a route handler knows about the request: who is asking, in which language, and the
// database handle it must use.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffRole, Language } from '../../../common/roles.ts';
import type { Config } from '../../config.ts';
import type { Db, DatabaseKind, Tx } from '../db/database.ts';
import { conflict, type AppError } from './errors.ts';
import type { Clock } from '../clock.ts';
import type { WriteCount } from '../db/write-count.ts';

export interface StaffPrincipal {
  kind: 'staff';
  staffUserId: string;
  username: string;
  displayName: string;
  municipalityId: string;
  serviceUnitId: string | null;
  roles: StaffRole[];
  activeRole: StaffRole;
}

export interface CitizenPrincipal {
  kind: 'citizen';
  accountId: string;
  personId: string;
  displayName: string;
  /** Where their person is registered: the municipality their audit rows belong to. */
  municipalityId: string;
}

export type Principal = StaffPrincipal | CitizenPrincipal;

export interface SessionInfo {
  tokenHash: string;
  csrfToken: string;
}

export interface AppServices {
  config: Config;
  db: Db;
  databaseKind: DatabaseKind;
  clock: Clock;
}

/**
 * What a request that reads or writes personal data gets of the services: everything but the raw
 * database handle, so its reads and writes go through its transaction (`trx`), where the access
 * module decides and audits. A read beside it would also wait forever on PGlite's one connection.
 */
export type DataServices = Omit<AppServices, 'db'>;

/** What every request knows, whatever it may touch. */
export interface RequestBase {
  principal: Principal | null;
  session: SessionInfo | null;
  lang: Language;
  requestId: string;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RequestContext extends RequestBase {
  services: AppServices;
}

/** The context of a request that reads or writes personal data: it runs in one transaction. */
export interface DataContext extends RequestBase {
  services: DataServices;
  trx: Tx;
  /** Access decisions made so far in this request (see server/modules/access). */
  decisions: { action: string; allowed: boolean }[];
  /** On a route declared `versioned`: the version the client read, and whether the handler compared it. */
  version?: { expected: number; checked: boolean };
  /** Who this request has audited so far: see server/modules/access/person-reads.ts. */
  audit: RequestAudit;
  /** Writes made so far (audit rows aside): facts the access module loaded before one are stale. */
  writes: WriteCount;
}

/**
 * Compares the version the client read with the record's current one (read in this transaction,
 * under a lock or by a conditional update) and refuses a stale edit with 409. A versioned route
 * whose handler never calls this fails and commits nothing, like a guarded route without an
 * access decision.
 */
export function checkVersion(ctx: DataContext, current: number | null | undefined, stale: () => AppError = conflict): void {
  if (!ctx.version) throw new Error('checkVersion is for routes declared versioned');
  ctx.version.checked = true;
  if (current !== ctx.version.expected) throw stale();
}

export interface RequestAudit {
  /** People with an audit row in this request: a person is recorded once per request. */
  people: Set<string>;
  /** Allowed accesses already written, so asking twice about the same thing writes one row. */
  allowed: Set<string>;
}

export function newRequestAudit(): RequestAudit {
  return { people: new Set(), allowed: new Set() };
}

export function requireStaff(ctx: Pick<RequestBase, 'principal'>): StaffPrincipal {
  if (ctx.principal?.kind !== 'staff') throw new Error('requireStaff called on a route that is not staff-only');
  return ctx.principal;
}

export function requireCitizen(ctx: Pick<RequestBase, 'principal'>): CitizenPrincipal {
  if (ctx.principal?.kind !== 'citizen') throw new Error('requireCitizen called on a route that is not citizen-only');
  return ctx.principal;
}
