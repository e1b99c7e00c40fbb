// Sign-in, sign-out, the current user, role and language.
import { AppError } from '../../infra/http/errors.ts';
import { defineRoute } from '../../infra/http/route.ts';
import { DevLogin, DevUsers, LanguageSet, LoggedOut, Me, RoleSwitched } from '../../../common/contracts/identity.ts';
import { destroySession, setActiveRole, SESSION_COOKIE } from '../../infra/auth/session.ts';
import { DevLoginBody, LanguageBody, OidcCallbackQuery, OidcParams, SwitchRoleBody } from './schema.ts';
import { findCitizenForIdentity, findDevLoginTarget, findStaffForIdentity, listDevUsers, sessionCookieOptions, signIn } from './service.ts';
import { admitSignInAttempt, recordFailedSignIn } from './limits.ts';
import { decodePending, encodePending, finishLogin, startLogin } from './oidc.ts';
import type { RequestContext } from '../../infra/http/context.ts';
import { navigationOf } from '../access/pages.ts';
import { ungatedFor } from '../access/gate.ts';
import { LANGUAGE_COOKIE, rememberedLanguageOf } from './language.ts';

const OIDC_COOKIE = 'sammen_oidc';

function presentPrincipal(ctx: RequestContext) {
  const p = ctx.principal;
  if (!p) return null;
  return p.kind === 'staff'
    ? { kind: p.kind, displayName: p.displayName, username: p.username, roles: p.roles, activeRole: p.activeRole, serviceUnitId: p.serviceUnitId }
    : { kind: p.kind, displayName: p.displayName };
}

function requireDevLogin(ctx: RequestContext) {
  if (!ctx.services.config.devLogin) throw new AppError('DEV_LOGIN_DISABLED', 'errors.devLoginDisabled');
}

function baseUrl(ctx: RequestContext): string {
  return ctx.services.config.publicUrl ?? `${ctx.request.protocol}://${ctx.request.host}`;
}

export const identityRoutes = [
  defineRoute({
    method: 'GET', url: '/api/auth/me', summary: 'The signed-in user, the CSRF token and the available sign-in methods',
    tags: ['identity'], audience: 'public', guarded: false,
    response: Me,
    handler: async (ctx) => ({
      principal: presentPrincipal(ctx),
      // The pages, menu and abilities of the active role: the web draws them and decides nothing.
      ...(await navigationOf(ctx.services.db, ctx.principal, ctx.services.config.devLogin, ctx.services.clock.now())),
      csrfToken: ctx.session?.csrfToken ?? null,
      // The remembered language, not the page's: the web compares it with its own and sets the cookie.
      language: rememberedLanguageOf(ctx.request),
      signIn: {
        dev: ctx.services.config.devLogin,
        staffOidc: Boolean(ctx.services.config.oidcStaff),
        citizenOidc: Boolean(ctx.services.config.oidcCitizen),
      },
    }),
  }),
  defineRoute({
    method: 'GET', url: '/api/auth/dev-users', summary: 'Demo users offered by the development sign-in',
    tags: ['identity'], audience: 'public', guarded: false,
    response: DevUsers,
    handler: async (ctx) => {
      requireDevLogin(ctx);
      return { users: await listDevUsers(ungatedFor(ctx, 'demo-users')) };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/auth/dev-login', summary: 'Development sign-in as a demo user (off in production unless DEV_LOGIN=true)',
    tags: ['identity'], audience: 'public', guarded: false, body: DevLoginBody,
    response: DevLogin,
    handler: async (ctx, { body }) => {
      requireDevLogin(ctx);
      await admitSignInAttempt(ctx, { byUsername: true });
      const target = await findDevLoginTarget(ungatedFor(ctx, 'sign-in'), body.username);
      if (!target) {
        await recordFailedSignIn(ctx, { byUsername: true });
        // One answer for a username that does not exist, is not a demo user or is deactivated.
        throw new AppError('SIGN_IN_FAILED', 'errors.signInFailed', { fields: [{ field: 'username', messageKey: 'errors.signInFailed' }] });
      }
      const principal = await signIn(ungatedFor(ctx, 'sign-in'), ctx.services.config, ctx.reply, target, ctx.requestId, ctx.request.cookies[SESSION_COOKIE], ctx.services.clock.now());
      return { principal: { kind: principal.kind, displayName: principal.displayName } };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/auth/logout', summary: 'Sign out', tags: ['identity'], audience: 'public', guarded: false,
    response: LoggedOut,
    handler: async (ctx) => {
      if (ctx.session) await destroySession(ungatedFor(ctx, 'session'), ctx.session.tokenHash);
      ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/auth/role', summary: 'Act in another of the user\'s roles', tags: ['identity'], audience: 'staff',
    guarded: false, body: SwitchRoleBody,
    response: RoleSwitched,
    handler: async (ctx, { body }) => {
      const p = ctx.principal;
      if (p?.kind !== 'staff' || !ctx.session) throw new AppError('FORBIDDEN', 'errors.forbidden');
      if (!p.roles.includes(body.role)) {
        throw new AppError('VALIDATION', 'errors.validation', { fields: [{ field: 'role', messageKey: 'errors.roleNotHeld' }] });
      }
      await setActiveRole(ungatedFor(ctx, 'session'), ctx.session.tokenHash, body.role);
      return { activeRole: body.role };
    },
  }),
  defineRoute({
    method: 'PUT', url: '/api/auth/language', summary: 'Remember the UI language', tags: ['identity'], retrySafe: 'sets one\'s own language to the value sent: a repeat changes nothing and there is nobody else\'s edit to overwrite', audience: 'public',
    guarded: false, body: LanguageBody,
    response: LanguageSet,
    handler: async (ctx, { body }) => {
      ctx.reply.setCookie(LANGUAGE_COOKIE, body.language, { path: '/', sameSite: 'lax', secure: ctx.services.config.cookieSecure, maxAge: 365 * 24 * 3600 });
      if (ctx.principal?.kind === 'staff') {
        await ctx.services.db.updateTable('staff_user').set({ language: body.language }).where('id', '=', ctx.principal.staffUserId).execute();
      }
      return { language: body.language };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/auth/oidc/:audience/start', summary: 'Start sign-in with the identity provider (staff) or ID-porten (citizen)',
    tags: ['identity'], audience: 'public', guarded: false, params: OidcParams,
    produces: 'redirect',
    handler: async (ctx, { params }) => {
      const config = params.audience === 'staff' ? ctx.services.config.oidcStaff : ctx.services.config.oidcCitizen;
      await admitSignInAttempt(ctx, { byUsername: false });
      if (!config) throw new AppError('OIDC_NOT_CONFIGURED', 'errors.oidcNotConfigured');
      const { url, pending } = await startLogin(config, params.audience, `${baseUrl(ctx)}/api/auth/oidc/${params.audience}/callback`);
      ctx.reply.setCookie(OIDC_COOKIE, encodePending(pending), { ...sessionCookieOptions(ctx.services.config), maxAge: 600 });
      return ctx.reply.redirect(url);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/auth/oidc/:audience/callback', summary: 'Return from the identity provider',
    tags: ['identity'], audience: 'public', guarded: false, params: OidcParams, query: OidcCallbackQuery,
    produces: 'redirect',
    handler: async (ctx, { params }) => {
      const config = params.audience === 'staff' ? ctx.services.config.oidcStaff : ctx.services.config.oidcCitizen;
      await admitSignInAttempt(ctx, { byUsername: false });
      if (!config) throw new AppError('OIDC_NOT_CONFIGURED', 'errors.oidcNotConfigured');
      const pending = decodePending(ctx.request.cookies[OIDC_COOKIE]);
      ctx.reply.clearCookie(OIDC_COOKIE, { path: '/' });
      if (!pending || pending.audience !== params.audience) {
        await recordFailedSignIn(ctx, { byUsername: false });
        return ctx.reply.redirect('/?signin=failed');
      }
      let identity;
      try {
        identity = await finishLogin(config, pending, new URL(ctx.request.url, baseUrl(ctx)));
      } catch (error) {
        // Only messages: the cause object can hold claims, and claims can hold a national id.
        const e = error as Error & { code?: string };
        ctx.request.log.warn({ err: { message: e.message, code: e.code, cause: e.cause instanceof Error ? e.cause.message : undefined } }, 'OIDC sign-in failed');
        await recordFailedSignIn(ctx, { byUsername: false });
        return ctx.reply.redirect('/?signin=failed');
      }
      const target = params.audience === 'staff'
        ? await findStaffForIdentity(ungatedFor(ctx, 'sign-in'), identity)
        : await findCitizenForIdentity(ungatedFor(ctx, 'sign-in'), identity);
      if (!target) {
        await recordFailedSignIn(ctx, { byUsername: false });
        return ctx.reply.redirect('/?signin=unknown');
      }
      await signIn(ungatedFor(ctx, 'sign-in'), ctx.services.config, ctx.reply, target, ctx.requestId, ctx.request.cookies[SESSION_COOKIE], ctx.services.clock.now());
      return ctx.reply.redirect('/');
    },
  }),
];
