// Builds the Fastify application: security headers, sessions, CSRF, the API routes, the OpenAPI
// document and the built front end. main.ts starts it; tests build it with their own database.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { Language } from '../common/roles.ts';
import { translate } from '../common/i18n/index.ts';
import type { Config } from './config.ts';
import type { Database } from './infra/db/database.ts';
import { systemClock, type Clock } from './infra/clock.ts';
import { csrfMatches, loadSession, SESSION_COOKIE, sessionLifetime } from './infra/auth/session.ts';
import { runInRequestScope } from './infra/http/request-scope.ts';
import { securityHeaders } from './infra/http/security-headers.ts';
import type { AppServices, Principal, RequestContext, SessionInfo } from './infra/http/context.ts';
import { AppError, fromDatabaseError } from './infra/http/errors.ts';
import { redactingStream } from './infra/log.ts';
import { openApiDocument, registerRoutes, type AnyRoute } from './infra/http/route.ts';
import { absenceRoutes } from './modules/absence/routes.ts';
import { enrolmentRoutes } from './modules/enrolments/routes.ts';
import { accessGuard } from './modules/access/route-guard.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { caseRoutes } from './modules/cases/routes.ts';
import { childWelfareRoutes } from './modules/child-welfare-reports/routes.ts';
import { questionnaireRoutes } from './modules/questionnaires/routes.ts';
import { indicatorRoutes } from './modules/indicators/routes.ts';
import { planRoutes } from './modules/plans/routes.ts';
import { handbookRoutes } from './modules/handbook/routes.ts';
import { catalogueRoutes } from './modules/catalogue/routes.ts';
import { consentRoutes } from './modules/consent/routes.ts';
import { identityRoutes } from './modules/identity/routes.ts';
import { languageOf } from './modules/identity/language.ts';
import { registerSignInLimits } from './modules/identity/limits.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { configureNotifications } from './modules/notifications/service.ts';
import { organisationRoutes } from './modules/organisation/routes.ts';
import { peopleRoutes } from './modules/people/routes.ts';
import { meetingRoutes, teamRoutes } from './modules/teams/routes.ts';
import { teamConfigRoutes } from './modules/teams/config-routes.ts';
import { ratingRoutes } from './modules/teams/rating-routes.ts';
import { systemMeetingRoutes } from './modules/teams/system-routes.ts';
import { familyEffortRoutes } from './modules/family-efforts/routes.ts';

export const apiRoutes: AnyRoute[] = [...identityRoutes, ...organisationRoutes, ...peopleRoutes, ...consentRoutes, ...caseRoutes, ...teamRoutes, ...meetingRoutes, ...teamConfigRoutes, ...systemMeetingRoutes, ...ratingRoutes, ...catalogueRoutes, ...notificationRoutes, ...absenceRoutes, ...auditRoutes, ...childWelfareRoutes, ...enrolmentRoutes, ...planRoutes, ...indicatorRoutes, ...questionnaireRoutes, ...handbookRoutes, ...familyEffortRoutes];

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');
/** Vite's hashed files: a new release gets new names, so a browser may keep them for good. */
const HASHED_ASSETS = path.join(WEB_DIST, 'assets') + path.sep;
const IMMUTABLE = 'public, max-age=31536000, immutable';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    session: SessionInfo | null;
    lang: Language;
  }
}

/** A request without a session may still change state (sign-in); it must come from our own pages or a script. */
function sameOriginOrScript(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

/**
 * Fastify fails closed on a bare hop count (it cannot check the nearest peer), so a hop count
 * becomes "the nearest N addresses are proxies" in the way proxy-addr defines it: right only when
 * the server cannot be reached except through those proxies. A list of addresses is the safer choice.
 */
function fastifyTrustProxy(trust: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

export interface AppOptions {
  config: Config;
  database: Database;
  /** Where log lines go; tests pass a stream to check what is logged. */
  logStream?: NodeJS.WritableStream;
  /** Where "now" comes from; tests fix or move it. */
  clock?: Clock;
}

export async function buildApp({ config, database, logStream, clock = systemClock }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Every line passes the redaction of national ids (infra/log.ts), whoever logs what.
      stream: redactingStream(logStream ?? process.stdout),
      serializers: {
        // Method and URL only: headers can carry cookies and tokens.
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
      },
    },
    genReqId: () => randomUUID(),
    // One line per request, written when it is answered (below), instead of one on arrival as well.
    disableRequestLogging: true,
    // Only the configured proxies may set the client address, host and protocol (TRUST_PROXY); by
    // default nobody, so a forged X-Forwarded-Host cannot pass the origin check below and a forged
    // X-Forwarded-For cannot reach the audit log or dodge the sign-in rate limit.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: 1_000_000,
  });
  const services: AppServices = { config, db: database.db, databaseKind: database.kind, clock };
  configureNotifications(config);

  await app.register(fastifyCookie);
  // Brotli or gzip for JSON and every other text response of 1 KiB or more; the front end's files
  // are compressed once at build time (vite.config.ts) and sent as they are (preCompressed below).
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: 1024, globalDecompression: false });
  await registerSignInLimits(app);
  const headers = securityHeaders(config.production);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });

  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({ req: request, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime }, 'request completed');
    done();
  });

  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);
  app.decorateRequest('lang', 'nb');

  app.addHook('onRequest', (request, _reply, done) => runInRequestScope({ clientIp: request.ip }, done));
  const lifetime = sessionLifetime(config);
  app.addHook('onRequest', async (request, reply) => {
    request.lang = languageOf(request);
    if (!request.url.startsWith('/api/')) return;
    reply.header('cache-control', 'no-store');
    const state = await loadSession(database.db, request.cookies[SESSION_COOKIE], lifetime, clock.now());
    if (state.state === 'active') {
      request.principal = state.principal;
      request.session = state.session;
    } else if (state.state === 'expired') {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    if (request.session) {
      const header = request.headers['x-csrf-token'];
      if (!csrfMatches(request.session.csrfToken, typeof header === 'string' ? header : undefined)) {
        throw new AppError('CSRF', 'errors.csrf');
      }
    } else if (state.state === 'expired') {
      throw new AppError('SESSION_EXPIRED', 'errors.sessionExpired');
    } else if (!sameOriginOrScript(request)) {
      throw new AppError('CSRF', 'errors.csrf');
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const lang = request.lang ?? 'nb';
    const send = (appError: AppError) =>
      reply.status(appError.status).send({
        error: {
          code: appError.code,
          message: translate(lang, appError.messageKey, appError.params),
          fields: appError.fields.map((f) => ({ field: f.field, message: translate(lang, f.messageKey, f.params) })),
        },
      });
    if (error instanceof AppError) return send(error);
    const e = error as { statusCode?: number; code?: string; message?: string };
    // A lost race or a value the database refused is the client's answer (409/400), not a crash;
    // the transaction has already rolled back, so nothing was changed.
    const fromDatabase = fromDatabaseError(error);
    if (fromDatabase) {
      request.log.warn({ err: { code: e.code } }, 'database refused the request');
      return send(fromDatabase);
    }
    if (e.statusCode === 413) {
      return reply.status(413).send({ error: { code: 'VALIDATION', message: translate(lang, 'errors.requestTooLarge'), fields: [] } });
    }
    if (e.statusCode && e.statusCode < 500) {
      // Fastify's own refusals (malformed JSON, wrong content type, too large a body).
      return reply.status(e.statusCode).send({ error: { code: 'VALIDATION', message: translate(lang, 'errors.validation'), fields: [] } });
    }
    request.log.error({ err: { message: e.message, code: e.code } }, 'request failed');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: translate(lang, 'errors.internal'), fields: [] } });
  });

  app.get('/api/health', async () => {
    await database.db.selectFrom('schema_migration').select('version').limit(1).execute();
    return { status: 'ok', database: database.kind, time: clock.now().toISOString() };
  });
  const openapi = openApiDocument(apiRoutes);
  app.get('/api/openapi.json', async () => openapi);

  registerRoutes(app, apiRoutes, accessGuard, (request: FastifyRequest, reply): RequestContext => ({
    services, principal: request.principal, session: request.session, lang: request.lang, requestId: String(request.id), request, reply,
  }));

  app.setNotFoundHandler((request, reply) => {
    // A missing hashed file (a page still open from an older release) is a 404, never the app shell.
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/') || !existsSync(path.join(WEB_DIST, 'index.html'))) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: translate(request.lang ?? 'nb', 'errors.notFound'), fields: [] } });
    }
    // The front end routes itself: every other path gets the app shell.
    return reply.type('text/html').sendFile('index.html');
  });
  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      // Hashed files for a year; index.html and the rest are checked again on every use (ETag).
      setHeaders: (reply, file) => {
        reply.header('cache-control', file.startsWith(HASHED_ASSETS) ? IMMUTABLE : 'no-cache');
      },
    });
  }
  return app;
}
