// Brute-force limits on sign-in (the development sign-in and OpenID Connect's start and callback,
// where an authorization code is exchanged for tokens), with @fastify/rate-limit's limiter. Per
// client address: every attempt, and failed attempts; per username: failed attempts. Counting
// failures separately keeps a busy office behind one address working while probing stops after a
// few tries. The counters live in each server process (the plugin can use Redis if ever needed).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyRateLimit from '@fastify/rate-limit';
import { AppError } from '../../infra/http/errors.ts';
import type { RequestContext } from '../../infra/http/context.ts';

export const SIGN_IN_LIMITS = {
  /** Any sign-in request from one address, per minute. */
  attemptsPerMinute: 60,
  /** Failed sign-ins from one address, or naming one username, per window. */
  failures: 10,
  failureWindowMinutes: 15,
} as const;

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

interface SignInLimiters {
  attempts: Limiter;
  failuresByAddress: Limiter;
  failuresByUsername: Limiter;
}

declare module 'fastify' {
  interface FastifyInstance {
    signInLimiters: SignInLimiters;
  }
}

function usernameKey(request: FastifyRequest): string {
  const body = request.body as { username?: unknown } | undefined;
  const name = typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 100) : '';
  return `username:${name}`;
}

export async function registerSignInLimits(app: FastifyInstance): Promise<void> {
  await app.register(fastifyRateLimit, { global: false });
  const failureWindow = SIGN_IN_LIMITS.failureWindowMinutes * 60_000;
  app.decorate('signInLimiters', {
    attempts: app.createRateLimit({ max: SIGN_IN_LIMITS.attemptsPerMinute, timeWindow: 60_000 }),
    failuresByAddress: app.createRateLimit({ max: SIGN_IN_LIMITS.failures, timeWindow: failureWindow }),
    failuresByUsername: app.createRateLimit({ max: SIGN_IN_LIMITS.failures, timeWindow: failureWindow, keyGenerator: usernameKey }),
  });
}

function tooMany(ctx: RequestContext, ttlMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  ctx.reply.header('retry-after', String(seconds));
  return new AppError('TOO_MANY_ATTEMPTS', 'errors.tooManySignInAttempts', { params: { minutes: Math.ceil(seconds / 60) } });
}

/**
 * Counts a sign-in attempt and refuses it (429) when the address has made too many, or too many
 * have failed from it or for the username. The same answer whether or not the username exists.
 */
export async function admitSignInAttempt(ctx: RequestContext, options: { byUsername: boolean }): Promise<void> {
  const limiters = ctx.request.server.signInLimiters;
  const attempt = await limiters.attempts(ctx.request);
  if (!attempt.isAllowed && attempt.isExceeded) throw tooMany(ctx, attempt.ttl);
  const peeks = [limiters.failuresByAddress, ...(options.byUsername ? [limiters.failuresByUsername] : [])];
  for (const limiter of peeks) {
    const state = await limiter(ctx.request, { increment: false });
    if (!state.isAllowed && state.remaining === 0) throw tooMany(ctx, state.ttl);
  }
}

export async function recordFailedSignIn(ctx: RequestContext, options: { byUsername: boolean }): Promise<void> {
  const limiters = ctx.request.server.signInLimiters;
  await limiters.failuresByAddress(ctx.request);
  if (options.byUsername) await limiters.failuresByUsername(ctx.request);
}
