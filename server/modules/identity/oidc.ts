// Sign-in through OpenID Connect: the municipality's identity provider for staff (e.g. Entra ID)
// and ID-porten for citizens. Authorization code flow with PKCE; the pending state lives in a
// short-lived HTTP-only cookie.
import * as client from 'openid-client';
import type { OidcClientConfig } from '../../config.ts';

export type OidcAudience = 'staff' | 'citizen';

export interface PendingLogin {
  audience: OidcAudience;
  state: string;
  verifier: string;
}

const configurations = new Map<string, Promise<client.Configuration>>();

function discover(config: OidcClientConfig): Promise<client.Configuration> {
  const key = `${config.issuer}|${config.clientId}`;
  let found = configurations.get(key);
  if (!found) {
    const issuer = new URL(config.issuer);
    found = client.discovery(
      issuer,
      config.clientId,
      config.clientSecret,
      undefined,
      // A local test issuer runs over http; a real one must use https.
      issuer.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(issuer.hostname)
        ? { execute: [client.allowInsecureRequests] }
        : undefined,
    );
    found.catch(() => configurations.delete(key));
    configurations.set(key, found);
  }
  return found;
}

export async function startLogin(config: OidcClientConfig, audience: OidcAudience, redirectUri: string): Promise<{ url: string; pending: PendingLogin }> {
  const configuration = await discover(config);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: audience === 'citizen' ? 'openid profile' : 'openid profile email',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
  });
  return { url: url.href, pending: { audience, state, verifier } };
}

export interface VerifiedIdentity {
  subject: string;
  /** ID-porten's `pid` claim: the national identity number. Never logged. */
  nationalId: string | undefined;
  email: string | undefined;
}

export async function finishLogin(config: OidcClientConfig, pending: PendingLogin, callbackUrl: URL): Promise<VerifiedIdentity> {
  const configuration = await discover(config);
  const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('The identity provider returned no ID token');
  return {
    subject: claims.sub,
    nationalId: typeof claims['pid'] === 'string' ? claims['pid'] : undefined,
    email: typeof claims['email'] === 'string' && claims['email_verified'] !== false ? claims['email'] : undefined,
  };
}

export function encodePending(pending: PendingLogin): string {
  return Buffer.from(JSON.stringify(pending)).toString('base64url');
}

export function decodePending(value: string | undefined): PendingLogin | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<PendingLogin>;
    if ((parsed.audience === 'staff' || parsed.audience === 'citizen') && typeof parsed.state === 'string' && typeof parsed.verifier === 'string') {
      return { audience: parsed.audience, state: parsed.state, verifier: parsed.verifier };
    }
  } catch {
    // fall through: a tampered or stale cookie is simply no pending login
  }
  return null;
}
