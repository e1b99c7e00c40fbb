// Sign-in through OpenID Connect as staff and citizens meet it: Sammen listens on a real port, a
// real OpenID Provider (oidc-provider) runs beside it, and the test plays the browser, following
// redirects and keeping cookies per site.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticNationalId } from '../../common/national-id.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { INTERACTION_PATH, startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { testClock } from '../support/clock.ts';
import { staffName } from '../support/factories.ts';

let t: TestApp;
let idp: TestOidcProvider;
let sammen: string;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  sammen = `http://localhost:${port}`;
  idp = await startOidcProvider({
    redirectUris: [`${sammen}/api/auth/oidc/staff/callback`, `${sammen}/api/auth/oidc/citizen/callback`],
  });
  // One provider plays both the municipality's staff identity provider and ID-porten.
  t = await startTestApp({
    demoChildren: 20,
    env: {
      PUBLIC_URL: sammen,
      OIDC_STAFF_ISSUER: idp.issuer, OIDC_STAFF_CLIENT_ID: idp.clientId, OIDC_STAFF_CLIENT_SECRET: idp.clientSecret,
      OIDC_CITIZEN_ISSUER: idp.issuer, OIDC_CITIZEN_CLIENT_ID: idp.clientId, OIDC_CITIZEN_CLIENT_SECRET: idp.clientSecret,
    },
  });
  await t.app.listen({ port, host: '127.0.0.1' });
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

interface Cookie { value: string; secure: boolean; httpOnly: boolean }

/** A browser without a screen: cookies per host (http://localhost counts as secure), no automatic redirects. */
class Browser {
  readonly jar = new Map<string, Map<string, Cookie>>();
  /** Every URL requested and every Location received, in order. */
  readonly urls: string[] = [];
  /** The Location headers Sammen itself sent. */
  readonly sammenLocations: string[] = [];

  cookies(url: string): Map<string, Cookie> {
    const host = new URL(url).host;
    let cookies = this.jar.get(host);
    if (!cookies) this.jar.set(host, (cookies = new Map()));
    return cookies;
  }

  async get(url: string): Promise<Response> {
    this.urls.push(url);
    const cookies = this.cookies(url);
    const header = [...cookies].map(([name, c]) => `${name}=${c.value}`).join('; ');
    const response = await fetch(url, { redirect: 'manual', headers: header ? { cookie: header } : {} });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = attributes.map((a) => a.toLowerCase());
      const expires = attr.find((a) => a.startsWith('expires='));
      const gone = value === '' || attr.includes('max-age=0') || (expires !== undefined && Date.parse(expires.slice(8)) < testClock.now().getTime());
      if (gone) cookies.delete(name);
      else cookies.set(name, { value, secure: attr.includes('secure'), httpOnly: attr.includes('httponly') });
    }
    const location = response.headers.get('location');
    if (location) {
      const absolute = new URL(location, url).href;
      this.urls.push(absolute);
      if (url.startsWith(sammen)) this.sammenLocations.push(absolute);
    }
    return response;
  }

  async json(url: string): Promise<any> {
    const response = await this.get(url);
    expect(response.status, url).toBe(200);
    return response.json();
  }
}

function locationOf(response: Response, base: string): URL {
  const location = response.headers.get('location');
  expect(location, `redirect from ${response.url}`).toBeTruthy();
  return new URL(location!, base);
}

/**
 * Clicks "sign in" in Sammen, signs in at the provider as `account`, and returns to Sammen's
 * callback (which the caller may tamper with first). Returns the browser and where Sammen sent it.
 */
async function signInThroughProvider(
  audience: 'staff' | 'citizen',
  account: string,
  options: { browser?: Browser; tamper?: (callback: URL) => void } = {},
): Promise<{ browser: Browser; landing: URL }> {
  const browser = options.browser ?? new Browser();
  const start = await browser.get(`${sammen}/api/auth/oidc/${audience}/start`);
  expect(start.status).toBe(302);
  let next = locationOf(start, sammen);
  expect(next.origin).toBe(idp.issuer);
  expect(browser.cookies(sammen).get('sammen_oidc')).toMatchObject({ secure: true, httpOnly: true });
  for (let hops = 0; next.origin === idp.issuer; hops++) {
    expect(hops, 'redirects at the provider').toBeLessThan(10);
    if (next.pathname.startsWith(INTERACTION_PATH)) next.searchParams.set('account', account);
    const response = await browser.get(next.href);
    expect([302, 303], `${next.pathname}: ${response.status}`).toContain(response.status);
    next = locationOf(response, next.href);
  }
  expect(next.origin + next.pathname).toBe(`${sammen}/api/auth/oidc/${audience}/callback`);
  expect(next.searchParams.get('code')).toBeTruthy();
  options.tamper?.(next);
  const callback = await browser.get(next.href);
  expect(callback.status).toBe(302);
  return { browser, landing: locationOf(callback, sammen) };
}

function landingOf(landing: URL): string {
  expect(landing.origin).toBe(sammen);
  return landing.pathname + landing.search;
}

async function staffUser(username: string) {
  return t.database.db.selectFrom('staff_user').select(['id', 'email', 'oidc_subject']).where('username', '=', username).executeTakeFirstOrThrow();
}

async function citizen(username: string) {
  return t.database.db
    .selectFrom('citizen_account')
    .innerJoin('person', 'person.id', 'citizen_account.person_id')
    .select(['citizen_account.id', 'citizen_account.oidc_subject', 'person.id as person_id', 'person.national_id', 'person.given_name', 'person.family_name'])
    .where('citizen_account.username', '=', username)
    .executeTakeFirstOrThrow();
}

/** A valid national id that belongs to nobody in the database. */
async function unknownNationalId(): Promise<string> {
  for (let serial = 0; ; serial++) {
    const id = syntheticNationalId('1961-02-27', serial);
    if (!id) continue;
    const taken = await t.database.db.selectFrom('person').select('id').where('national_id', '=', id).executeTakeFirst();
    if (!taken) return id;
  }
}

async function expectNoSession(browser: Browser) {
  expect(browser.cookies(sammen).has('sammen_session')).toBe(false);
  expect(browser.cookies(sammen).has('sammen_oidc')).toBe(false);
  expect((await browser.json(`${sammen}/api/auth/me`)).principal).toBeNull();
}

describe('sign-in through OpenID Connect', () => {
  it('offers both sign-ins when the identity providers are configured', async () => {
    const me = await new Browser().json(`${sammen}/api/auth/me`);
    expect(me.signIn).toMatchObject({ staffOidc: true, citizenOidc: true });
  });

  it('signs a staff member in by the e-mail the provider vouches for, then by the subject', async () => {
    const admin = await staffUser('administrator');
    expect(admin.oidc_subject).toBeNull();
    const adminName = await staffName(t.database.db, 'administrator');
    idp.accounts.set('entra-administrator', { email: admin.email.toUpperCase(), email_verified: true, name: adminName });

    const { browser, landing } = await signInThroughProvider('staff', 'entra-administrator');
    expect(landingOf(landing)).toBe('/');
    expect(browser.cookies(sammen).get('sammen_session')).toMatchObject({ secure: true, httpOnly: true });
    expect(browser.cookies(sammen).has('sammen_oidc')).toBe(false);
    const me = await browser.json(`${sammen}/api/auth/me`);
    expect(me.principal).toMatchObject({ kind: 'staff', username: 'administrator', displayName: adminName, activeRole: 'administrator' });
    expect((await staffUser('administrator')).oidc_subject).toBe('entra-administrator');

    // Later the address changes at the provider; the subject still says who this is.
    idp.accounts.set('entra-administrator', { email: 'per.johansen@annet.example', email_verified: true });
    const again = await signInThroughProvider('staff', 'entra-administrator');
    expect(landingOf(again.landing)).toBe('/');
    expect((await again.browser.json(`${sammen}/api/auth/me`)).principal).toMatchObject({ kind: 'staff', username: 'administrator' });
  });

  it('signs a citizen in with the national id from ID-porten and shows their family', async () => {
    const parent = await citizen('forelder');
    expect(parent.national_id).toMatch(/^\d{11}$/);
    idp.accounts.set('idporten-forelder', { pid: parent.national_id! });

    const { browser, landing } = await signInThroughProvider('citizen', 'idporten-forelder');
    expect(landingOf(landing)).toBe('/');
    expect(browser.cookies(sammen).get('sammen_session')).toMatchObject({ secure: true, httpOnly: true });
    const me = await browser.json(`${sammen}/api/auth/me`);
    expect(me.principal).toEqual({ kind: 'citizen', displayName: `${parent.given_name} ${parent.family_name}` });
    expect((await citizen('forelder')).oidc_subject).toBe('idporten-forelder');

    const people = (await browser.json(`${sammen}/api/people`)).people as { id: string; givenName: string }[];
    expect(people.map((p) => p.id)).toContain(parent.person_id);
    const children = await t.database.db
      .selectFrom('guardianship').innerJoin('person', 'person.id', 'guardianship.child_id')
      .select(['person.id', 'person.given_name'])
      .where('guardian_id', '=', parent.person_id).where('parental_responsibility', '=', true)
      .execute();
    expect(children.length).toBeGreaterThan(0);
    expect(people.map((p) => p.id).sort()).toEqual([parent.person_id, ...children.map((c) => c.id)].sort());
  });

  it('turns away a staff identity that matches nobody, without a session', async () => {
    idp.accounts.set('entra-stranger', { email: 'ukjent.person@fjordvik.kommune.no', email_verified: true });
    const { browser, landing } = await signInThroughProvider('staff', 'entra-stranger');
    expect(landingOf(landing)).toBe('/?signin=unknown');
    await expectNoSession(browser);
  });

  it('turns away a citizen whose national id is not in the register, without a session', async () => {
    idp.accounts.set('idporten-stranger', { pid: await unknownNationalId() });
    const { browser, landing } = await signInThroughProvider('citizen', 'idporten-stranger');
    expect(landingOf(landing)).toBe('/?signin=unknown');
    await expectNoSession(browser);
  });

  it('refuses a callback whose state was tampered with', async () => {
    const failures = () => t.logs.filter((line) => line.includes('OIDC sign-in failed')).length;
    const before = failures();
    idp.accounts.set('entra-revisor', { email: (await staffUser('revisor')).email, email_verified: true });
    const { browser, landing } = await signInThroughProvider('staff', 'entra-revisor', {
      tamper: (callback) => callback.searchParams.set('state', 'forged-state'),
    });
    expect(landingOf(landing)).toBe('/?signin=failed');
    await expectNoSession(browser);
    expect((await staffUser('revisor')).oidc_subject).toBeNull();
    // Refused by the code exchange's state check, not merely for want of the pending-login cookie.
    expect(failures()).toBe(before + 1);
  });

  it('refuses a callback that does not come from a sign-in this browser started', async () => {
    idp.accounts.set('entra-revisor', { email: (await staffUser('revisor')).email, email_verified: true });
    let stolen = '';
    await signInThroughProvider('staff', 'entra-revisor', {
      tamper: (callback) => {
        stolen = callback.href;
        callback.searchParams.set('code', 'used-elsewhere');
      },
    });
    const other = new Browser();
    const response = await other.get(stolen);
    expect(response.status).toBe(302);
    expect(landingOf(locationOf(response, sammen))).toBe('/?signin=failed');
    await expectNoSession(other);
  });

  it('never puts the national id in a URL or the server log', async () => {
    const parent = await citizen('forelder');
    idp.accounts.set('idporten-forelder', { pid: parent.national_id! });
    const { browser } = await signInThroughProvider('citizen', 'idporten-forelder');
    expect(browser.urls.length).toBeGreaterThan(3);
    expect(browser.sammenLocations.length).toBe(2);
    for (const url of browser.urls) expect(url).not.toContain(parent.national_id);
    expect(t.logs.length).toBeGreaterThan(0);
    expect(t.logs.join('\n')).not.toContain(parent.national_id);
  });
});
