// Routes are declared, not hand-wired: each says who may call it, its input and response schemas
// (the response ones in common/contracts, shared with the web) and whether it is guarded (reads or writes personal data, or changes the organisation). The runner validates
// input, opens the transaction and refuses to commit a guarded route that made no access decision.
// Writes declare how they are made safe to retry and to race: a create is `idempotent` (an
// Idempotency-Key replays the first answer), an update is `versioned` (the client names the version
// it read; a stale one is refused). The same declarations produce the OpenAPI document, so
// documentation and validation cannot drift apart; under tests (config.checkResponses) every answer
// is also checked against its response schema, so the whole suite checks every contract.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db, Tx } from '../db/database.ts';
import { z } from 'zod';
import { AppError, conflict, invalidField, notSignedIn } from './errors.ts';
import { newRequestAudit, type DataContext, type Principal, type RequestContext } from './context.ts';
import { parseInput } from './validation.ts';
import { claimKey, IDEMPOTENCY_KEY, ReplayedResponse } from './idempotency.ts';
import { WriteCounter } from '../db/write-count.ts';

export { ReplayedResponse };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route at all; what they may see is decided by the access module. */
export type Audience = 'public' | 'staff' | 'citizen' | 'signed-in';

type Schema = z.ZodType | undefined;
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** What a handler may return for a response schema: a Date where the JSON has text (it is sent as ISO 8601). */
export type Wire<T> = T extends string
  ? string extends T ? T | Date : T
  : T extends readonly (infer U)[]
    ? readonly Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
type Returns<R> = R extends z.ZodType ? Wire<z.input<R>> : unknown;

export interface RouteInput<B extends Schema, Q extends Schema, P extends Schema> {
  body: Infer<B>;
  query: Infer<Q>;
  params: Infer<P>;
}

interface RouteBase<B extends Schema, Q extends Schema, P extends Schema, R extends Schema> {
  method: HttpMethod;
  url: string;
  summary: string;
  tags: string[];
  audience: Audience;
  body?: B;
  query?: Q;
  params?: P;
  /** The JSON answer on success, from common/contracts. Every route has it, or sends a file or redirect itself (`produces`). */
  response?: R;
  /** The handler sends its answer itself through ctx.reply: the content type, or 'redirect'. */
  produces?: string;
  /** Response status on success (default 200). */
  status?: number;
  /** Largest request body in bytes, for routes that take a file (default: the server's 1 MB). */
  bodyLimit?: number;
  /**
   * A create: with an `Idempotency-Key` header, a repeat of the request by the same user gets the
   * first answer (status and body) and creates nothing; a concurrent repeat waits for the first.
   * Every POST that answers 201 must declare it (guarded routes only: the key is kept in the
   * create's transaction).
   */
  idempotent?: true;
  /**
   * An update of a versioned record: the client names the version it read, in `If-Match` (the
   * ETag) or in this body field; neither is 428, and the handler must call checkVersion() (409 when
   * stale). Every PUT and PATCH must declare it.
   */
  versioned?: { field: string };
  /** A write that needs neither an idempotency key nor a version, and why. */
  retrySafe?: string;
}

export interface GuardedRoute<B extends Schema, Q extends Schema, P extends Schema, R extends Schema> extends RouteBase<B, Q, P, R> {
  /** Reads or writes personal data or changes the organisation: runs in one transaction and must ask the access module, which audits. */
  guarded: true;
  handler: (ctx: DataContext, input: RouteInput<B, Q, P>) => Promise<Returns<R>>;
}

export interface PlainRoute<B extends Schema, Q extends Schema, P extends Schema, R extends Schema> extends RouteBase<B, Q, P, R> {
  guarded: false;
  handler: (ctx: RequestContext, input: RouteInput<B, Q, P>) => Promise<Returns<R>>;
}

export type RouteDef<B extends Schema = Schema, Q extends Schema = Schema, P extends Schema = Schema, R extends Schema = Schema> =
  | GuardedRoute<B, Q, P, R>
  | PlainRoute<B, Q, P, R>;

export type AnyRoute = RouteDef<any, any, any, any>;

export function defineRoute<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined, R extends Schema = undefined>(
  route: RouteDef<B, Q, P, R>,
): AnyRoute {
  return route as AnyRoute;
}

/** Why a route's write declaration is missing or wrong, or null: checked when routes are registered and by tests/security/08. */
export function writeDeclarationProblem(route: AnyRoute): string | null {
  const where = `${route.method} ${route.url}`;
  const declared = [route.idempotent, route.versioned, route.retrySafe].filter((d) => d !== undefined).length;
  if (route.method === 'GET') return declared ? `${where}: a GET declares no write safety` : null;
  if (route.method === 'POST' && route.status === 201 && !route.idempotent && !route.retrySafe) return `${where} creates: declare idempotent: true`;
  if ((route.method === 'PUT' || route.method === 'PATCH') && !route.versioned && !route.retrySafe) return `${where} updates: declare versioned`;
  if ((route.idempotent || route.versioned) && !route.guarded) return `${where}: idempotent and versioned routes must be guarded (they run in one transaction)`;
  if (route.versioned && !route.body) return `${where}: a versioned route needs a body schema with the field ${route.versioned.field}`;
  if (route.retrySafe !== undefined && (route.idempotent || route.versioned || !route.retrySafe.trim())) return `${where}: retrySafe says why the route needs neither, alone`;
  return null;
}

/** Paths of fields the answer has and its schema does not declare (parsing drops them silently). */
function undeclaredFields(sent: unknown, parsed: unknown, path = ''): string[] {
  if (Array.isArray(sent) && Array.isArray(parsed)) return sent.flatMap((item, i) => undeclaredFields(item, parsed[i], `${path}[${i}]`));
  if (!sent || typeof sent !== 'object' || !parsed || typeof parsed !== 'object') return [];
  return Object.entries(sent).flatMap(([key, value]) =>
    key in parsed ? undeclaredFields(value, (parsed as Record<string, unknown>)[key], `${path}.${key}`) : [`${path}.${key}`]);
}

/**
 * Under tests, the answer as the client will read it (JSON) must match the route's response schema
 * and declare every field it carries; otherwise the request fails with 500, naming the route and
 * the problems in the log, before a guarded route commits.
 */
function checkResponse(route: AnyRoute, ctx: RequestContext, result: unknown): void {
  if (!route.response || !ctx.services.config.checkResponses || ctx.reply.sent || result instanceof ReplayedResponse) return;
  const sent: unknown = JSON.parse(JSON.stringify(result ?? { ok: true }));
  const parsed = (route.response as z.ZodType).safeParse(sent);
  const problems = parsed.success
    ? undeclaredFields(sent, parsed.data).map((path) => `${path || '(answer)'}: not in the response schema`)
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(answer)'}: ${issue.message}`);
  if (problems.length) throw new Error(`${route.method} ${route.url} answered outside its response schema: ${problems.slice(0, 10).join('; ')}`);
}

function checkAudience(ctx: RequestContext, audience: Audience): void {
  if (audience === 'public') return;
  if (!ctx.principal) throw notSignedIn();
  if (audience === 'staff' && ctx.principal.kind !== 'staff') throw new AppError('FORBIDDEN', 'errors.forbidden');
  if (audience === 'citizen' && ctx.principal.kind !== 'citizen') throw new AppError('FORBIDDEN', 'errors.forbidden');
}

const IF_MATCH = /^\s*(?:W\/)?"(\d{1,10})"\s*$/;

function ownerOf(principal: Principal | null): string | null {
  if (!principal) return null;
  return principal.kind === 'staff' ? `staff:${principal.staffUserId}` : `citizen:${principal.accountId}`;
}

function idempotencyKeyOf(route: AnyRoute, req: FastifyRequest): string | undefined {
  if (!route.idempotent) return undefined;
  const header = req.headers['idempotency-key'];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !IDEMPOTENCY_KEY.test(header)) throw invalidField('Idempotency-Key', 'errors.idempotencyKeyFormat');
  return header;
}

/**
 * The version the client read, from If-Match or the declared body field, put into the body so the
 * route's schema sees it. Absent: 428; the two disagreeing: 409.
 */
function withExpectedVersion(route: AnyRoute, req: FastifyRequest): unknown {
  const field = route.versioned!.field;
  const body: Record<string, unknown> = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? { ...(req.body as Record<string, unknown>) } : {};
  const header = req.headers['if-match'];
  if (header !== undefined) {
    const match = typeof header === 'string' ? IF_MATCH.exec(header) : null;
    if (!match) throw invalidField('If-Match', 'errors.invalidType');
    const fromHeader = Number(match[1]);
    if (body[field] !== undefined && body[field] !== fromHeader) throw conflict();
    body[field] = fromHeader;
  }
  if (body[field] === undefined || body[field] === null) {
    throw new AppError('PRECONDITION_REQUIRED', 'errors.versionRequired', { fields: [{ field, messageKey: 'errors.versionRequired' }] });
  }
  return body;
}

const requestHash = (req: FastifyRequest) =>
  createHash('sha256').update(`${req.method} ${req.url.split('?')[0]}\n${JSON.stringify(req.body ?? null)}`).digest('hex');

/**
 * What the access module adds around every guarded route. infra runs it but never imports the
 * modules (docs/architecture.md, "Import boundaries"): app.ts hands it to registerRoutes.
 */
export interface RouteGuard {
  /**
   * The handle a guarded handler sees: its transaction, which refuses personal data until a decision
   * in the request allowed something (decision 0039). The transaction given stays with the guard.
   */
  handleFor(ctx: DataContext, trx: Tx): Tx;
  /** The database a plain handler sees: it gets no personal data at all. */
  plainHandle(ctx: RequestContext, db: Db): Db;
  /** In the transaction, before it commits: refuse a response naming a person the request did not authorize. */
  beforeCommit(ctx: DataContext, result: unknown): Promise<void>;
  /** After the rollback: record a refused attempt, so the refusal survives it; other errors pass by. */
  afterRollback(ctx: RequestContext, error: unknown): Promise<void>;
}

export async function runRoute(route: AnyRoute, ctx: RequestContext, guard: RouteGuard): Promise<unknown> {
  checkAudience(ctx, route.audience);
  const req = ctx.request;
  const rawBody = route.versioned ? withExpectedVersion(route, req) : req.body ?? {};
  const input = {
    body: route.body ? parseInput(route.body, rawBody) : undefined,
    query: route.query ? parseInput(route.query, req.query ?? {}) : undefined,
    params: route.params ? parseInput(route.params, req.params ?? {}) : undefined,
  };
  if (!route.guarded) {
    const result = await route.handler({ ...ctx, services: { ...ctx.services, db: guard.plainHandle(ctx, ctx.services.db) } }, input);
    checkResponse(route, ctx, result);
    return result;
  }
  const key = idempotencyKeyOf(route, req);
  const owner = ownerOf(ctx.principal);

  try {
    return await ctx.services.db.transaction().execute(async (trx) => {
      const writes = { count: 0 };
      // The raw handle stays out: everything this request reads or writes goes through its transaction.
      const { db: _rawHandle, ...services } = ctx.services;
      const counted = trx.withPlugin(new WriteCounter(writes));
      const dataCtx: DataContext = { ...ctx, services, trx: counted, decisions: [], audit: newRequestAudit(), writes };
      dataCtx.trx = guard.handleFor(dataCtx, counted);
      if (key && owner) {
        const replay = await claimKey(trx, owner, key, requestHash(req));
        // The first request was decided and audited; its answer goes back only to the same user.
        if (replay) return replay;
      }
      if (route.versioned) {
        const expected = (input.body as Record<string, unknown>)[route.versioned.field];
        if (typeof expected !== 'number') throw new Error(`${route.method} ${route.url}: the body schema lost the version field ${route.versioned.field}`);
        dataCtx.version = { expected, checked: false };
      }
      const result = await route.handler(dataCtx, input);
      checkResponse(route, ctx, result);
      if (dataCtx.decisions.length === 0) {
        // Default deny: a guarded route that did not ask is a bug, and must not commit.
        throw new Error(`${route.method} ${route.url} is guarded but made no access decision`);
      }
      if (dataCtx.version && !dataCtx.version.checked) {
        // Like the access decision: an update that never compared versions could overwrite.
        throw new Error(`${route.method} ${route.url} is versioned but never checked the version`);
      }
      await guard.beforeCommit(dataCtx, result);
      if (key && owner && !ctx.reply.sent) {
        await trx.updateTable('idempotency_key')
          .set({ status: route.status ?? 200, response: JSON.stringify(result ?? { ok: true }) })
          .where('owner', '=', owner).where('key', '=', key).execute();
      }
      return result;
    });
  } catch (error) {
    await guard.afterRollback(ctx, error);
    throw error;
  }
}

/** Records with a version answer with it as the ETag, for the If-Match of the next update. */
function etagOf(result: unknown): string | null {
  const version = (result as { version?: unknown } | null)?.version;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? `"${version}"` : null;
}

export function registerRoutes(app: FastifyInstance, routes: AnyRoute[], guard: RouteGuard, makeContext: (req: never, reply: never) => RequestContext): void {
  for (const route of routes) {
    const problem = writeDeclarationProblem(route);
    if (problem) throw new Error(problem);
    app.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      handler: async (request, reply) => {
        const ctx = makeContext(request as never, reply as never);
        const result = await runRoute(route, ctx, guard);
        if (reply.sent) return reply;
        if (result instanceof ReplayedResponse) {
          reply.header('idempotent-replayed', 'true');
          const etag = etagOf(result.body);
          if (etag) reply.header('etag', etag);
          return reply.status(result.status).send(result.body);
        }
        const etag = etagOf(result);
        if (etag) reply.header('etag', etag);
        reply.status(route.status ?? 200);
        return result ?? { ok: true };
      },
    });
  }
}

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
}

function successResponse(route: AnyRoute): Record<string, unknown> {
  if (route.produces === 'redirect') return { '302': { description: 'Redirect' } };
  const content = route.response
    ? { 'application/json': { schema: toJsonSchema(route.response as z.ZodType, 'output') } }
    : route.produces ? { [route.produces]: {} } : undefined;
  return { [String(route.status ?? 200)]: { description: 'OK', ...(content ? { content } : {}) } };
}

function objectParameters(schema: z.ZodType | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  const json = toJsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

export function openApiDocument(routes: AnyRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: route.tags,
      'x-audience': route.audience,
      'x-guarded': route.guarded,
      parameters: [
        ...objectParameters(route.params, 'path'),
        ...objectParameters(route.query, 'query'),
        ...(route.idempotent ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source } }] : []),
        ...(route.versioned ? [{ name: 'If-Match', in: 'header', required: false, description: `The ETag read; or the body field ${route.versioned.field}`, schema: { type: 'string' } }] : []),
      ],
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toJsonSchema(route.body) } } } }
        : {}),
      responses: {
        ...successResponse(route),
        '400': { description: 'Invalid input: error.fields names each field and why' },
        ...(route.audience === 'public' ? {} : { '401': { description: 'Not signed in' } }),
        '403': { description: 'Refused by the access rules (the reason does not reveal whether the record exists)' },
        ...(route.method === 'GET' ? {} : { '409': { description: 'A conflict: a concurrent change, or the version read is no longer current' } }),
        ...(route.versioned ? { '428': { description: 'The version read was not named (If-Match or the body field)' } } : {}),
        ...(route.idempotent ? { '422': { description: 'The Idempotency-Key was used before for a different request' } } : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Sammen API', version: '0.1.0', description: 'JSON API of Sammen. State-changing requests need the x-csrf-token header from GET /api/auth/me.' },
    paths,
  };
}
