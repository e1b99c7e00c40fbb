// Routes are declared, not hand-wired: each says who may call it, its input schemas and whether it
// is guarded (reads or writes personal data, or changes the organisation). The runner validates
// input, opens the transaction and refuses to commit a guarded route that made no access decision. The same declarations produce the OpenAPI
// document, so documentation and validation cannot drift apart.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError, notSignedIn } from './errors.ts';
import { newRequestAudit, type DataContext, type RequestContext } from './context.ts';
import { parseInput } from './validation.ts';
import { AccessDenied, recordDenial } from '../../modules/access/access.ts';
import { auditPeopleNamedIn } from '../../modules/access/person-reads.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route at all; what they may see is decided by the access module. */
export type Audience = 'public' | 'staff' | 'citizen' | 'signed-in';

type Schema = z.ZodType | undefined;
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteInput<B extends Schema, Q extends Schema, P extends Schema> {
  body: Infer<B>;
  query: Infer<Q>;
  params: Infer<P>;
}

interface RouteBase<B extends Schema, Q extends Schema, P extends Schema> {
  method: HttpMethod;
  url: string;
  summary: string;
  tags: string[];
  audience: Audience;
  body?: B;
  query?: Q;
  params?: P;
  /** Response status on success (default 200). */
  status?: number;
  /** Largest request body in bytes, for routes that take a file (default: the server's 1 MB). */
  bodyLimit?: number;
}

export interface GuardedRoute<B extends Schema, Q extends Schema, P extends Schema> extends RouteBase<B, Q, P> {
  /** Reads or writes personal data or changes the organisation: runs in one transaction and must ask the access module, which audits. */
  guarded: true;
  handler: (ctx: DataContext, input: RouteInput<B, Q, P>) => Promise<unknown>;
}

export interface PlainRoute<B extends Schema, Q extends Schema, P extends Schema> extends RouteBase<B, Q, P> {
  guarded: false;
  handler: (ctx: RequestContext, input: RouteInput<B, Q, P>) => Promise<unknown>;
}

export type RouteDef<B extends Schema = Schema, Q extends Schema = Schema, P extends Schema = Schema> =
  | GuardedRoute<B, Q, P>
  | PlainRoute<B, Q, P>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any, any, any>;

export function defineRoute<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
  route: RouteDef<B, Q, P>,
): AnyRoute {
  return route as AnyRoute;
}

function checkAudience(ctx: RequestContext, audience: Audience): void {
  if (audience === 'public') return;
  if (!ctx.principal) throw notSignedIn();
  if (audience === 'staff' && ctx.principal.kind !== 'staff') throw new AppError('FORBIDDEN', 'errors.forbidden');
  if (audience === 'citizen' && ctx.principal.kind !== 'citizen') throw new AppError('FORBIDDEN', 'errors.forbidden');
}

export async function runRoute(route: AnyRoute, ctx: RequestContext): Promise<unknown> {
  checkAudience(ctx, route.audience);
  const req = ctx.request;
  const input = {
    body: route.body ? parseInput(route.body, req.body ?? {}) : undefined,
    query: route.query ? parseInput(route.query, req.query ?? {}) : undefined,
    params: route.params ? parseInput(route.params, req.params ?? {}) : undefined,
  };
  if (!route.guarded) return route.handler(ctx, input);

  try {
    return await ctx.services.db.transaction().execute(async (trx) => {
      const dataCtx: DataContext = { ...ctx, trx, decisions: [], audit: newRequestAudit() };
      const result = await route.handler(dataCtx, input);
      if (dataCtx.decisions.length === 0) {
        // Default deny: a guarded route that did not ask is a bug, and must not commit.
        throw new Error(`${route.method} ${route.url} is guarded but made no access decision`);
      }
      // Every person the response names gets an audit row, whether or not the handler remembered.
      await auditPeopleNamedIn(dataCtx, result);
      return result;
    });
  } catch (error) {
    // The refused attempt is recorded after the rollback, so the refusal survives it.
    if (error instanceof AccessDenied) await recordDenial(ctx, error);
    throw error;
  }
}

export function registerRoutes(app: FastifyInstance, routes: AnyRoute[], makeContext: (req: never, reply: never) => RequestContext): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      handler: async (request, reply) => {
        const ctx = makeContext(request as never, reply as never);
        const result = await runRoute(route, ctx);
        if (reply.sent) return reply;
        reply.status(route.status ?? 200);
        return result ?? { ok: true };
      },
    });
  }
}

function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
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
      parameters: [...objectParameters(route.params, 'path'), ...objectParameters(route.query, 'query')],
      ...(route.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toJsonSchema(route.body) } } } }
        : {}),
      responses: {
        [String(route.status ?? 200)]: { description: 'OK' },
        '400': { description: 'Invalid input: error.fields names each field and why' },
        ...(route.audience === 'public' ? {} : { '401': { description: 'Not signed in' } }),
        '403': { description: 'Refused by the access rules (the reason does not reveal whether the record exists)' },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Sammen API', version: '0.1.0', description: 'JSON API of Sammen. State-changing requests need the x-csrf-token header from GET /api/auth/me.' },
    paths,
  };
}
