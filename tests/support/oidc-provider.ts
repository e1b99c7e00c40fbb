// A real OpenID Provider (panva's oidc-provider) for the sign-in tests: it runs on 127.0.0.1 over
// http, signs ID tokens with its own key and releases the claims the way the municipality's
// identity provider (staff: e-mail) and ID-porten (citizens: `pid`, the national identity number)
// do. Its login page is a stand-in: the test "chooses who it is" with the `account` query
// parameter on the interaction URL, and consent is given at once.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error -- oidc-provider ships no type declarations; the few parts used are typed below.
import ProviderModule from 'oidc-provider';

export interface TestAccountClaims {
  email?: string;
  email_verified?: boolean;
  /** ID-porten's national identity number claim. */
  pid?: string;
  name?: string;
}

interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}

interface InteractionDetails {
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: { client_id: string };
  session?: { accountId: string };
  grantId?: string;
}

interface KoaContext {
  path: string;
  query: Record<string, string | string[] | undefined>;
  req: import('node:http').IncomingMessage;
  res: import('node:http').ServerResponse;
  status: number;
  body: unknown;
}

interface Provider {
  use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
  callback(): (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
  interactionDetails(req: KoaContext['req'], res: KoaContext['res']): Promise<InteractionDetails>;
  interactionFinished(req: KoaContext['req'], res: KoaContext['res'], result: object, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => Grant;
}

const ProviderClass = ProviderModule as new (issuer: string, configuration: object) => Provider;

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who can sign in: account id (becomes `sub`) → the claims the provider holds about them. */
  accounts: Map<string, TestAccountClaims>;
  close(): Promise<void>;
}

/** The path of the provider's login page; the test adds `?account=<id>` to sign in as that account. */
export const INTERACTION_PATH = '/interaction/';

export async function startOidcProvider(options: { redirectUris: string[] }): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'sammen';
  const clientSecret = randomBytes(24).toString('base64url');
  const accounts = new Map<string, TestAccountClaims>();
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const provider = new ProviderClass(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: options.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      // openid-client authenticates with the secret in the body when given one.
      token_endpoint_auth_method: 'client_secret_post',
    }],
    jwks: { keys: [{ ...signingKey, kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(24).toString('base64url')] },
    pkce: { required: () => true },
    // ID-porten sends `pid` with the openid scope; the staff provider sends e-mail with `email`.
    claims: {
      openid: ['sub', 'pid'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    // Sammen reads the claims from the ID token, as it does from Entra ID and ID-porten; by
    // default oidc-provider would release them at the userinfo endpoint only.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${INTERACTION_PATH}${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const claims = accounts.get(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
    ttl: { AccessToken: 600, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
  });

  // The stand-in login and consent page.
  provider.use(async (ctx, next) => {
    if (!ctx.path.startsWith(INTERACTION_PATH)) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (details.prompt.name === 'login') {
      const account = ctx.query['account'];
      if (typeof account !== 'string' || !accounts.has(account)) {
        ctx.status = 400;
        ctx.body = 'unknown test account';
        return;
      }
      return provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: account } }, { mergeWithLastSubmission: false });
    }
    if (details.prompt.name === 'consent') {
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id });
      if (details.prompt.details.missingOIDCScope) grant.addOIDCScope(details.prompt.details.missingOIDCScope.join(' '));
      if (details.prompt.details.missingOIDCClaims) grant.addOIDCClaims(details.prompt.details.missingOIDCClaims);
      const grantId = await grant.save();
      return provider.interactionFinished(ctx.req, ctx.res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
    ctx.status = 400;
    ctx.body = `unexpected prompt ${details.prompt.name}`;
  });
  server.on('request', provider.callback());

  return {
    issuer, clientId, clientSecret, accounts,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}
