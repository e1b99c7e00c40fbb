// Builds the application over a fresh test database and signs in demo users through HTTP, as a
// browser or script would.
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../server/config.ts';
import { buildApp } from '../../server/app.ts';
import { buildDemoPlan } from '../../server/demo/generate.ts';
import { writeDemoPopulationRegister } from '../../server/demo/population-register.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { findNationalIdsInLogLine } from '../../server/infra/log.ts';
import { DEMO_CITIZENS, DEMO_STAFF } from '../../server/modules/identity/demo-users.ts';
import { createSession, loadStaffPrincipal, SESSION_COOKIE, type SessionSubject } from '../../server/infra/auth/session.ts';
import { findByUsername } from '../../server/modules/identity/service.ts';
import { testClock, today } from './clock.ts';
import type { Clock } from '../../server/infra/clock.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  logs: string[];
  /** The clock the app runs on: the tests' clock unless the test gave its own. */
  clock: Clock;
  close(): Promise<void>;
}

const DEMO_USERNAMES = new Set<string>([...DEMO_STAFF, ...DEMO_CITIZENS].map((u) => u.username));
/** The database and clock behind each test app, for signing in users that a test made itself. */
const backing = new WeakMap<FastifyInstance, { database: TestDatabase; clock: Clock }>();

/** `onStatement` is called once for every statement sent to the database, BEGIN and COMMIT included: a round trip each. */
export async function startTestApp(options: { demoChildren?: number; env?: Record<string, string>; clock?: Clock; onStatement?: (sql: string) => void } = {}): Promise<TestApp> {
  const clock = options.clock ?? testClock;
  const seed = options.demoChildren === undefined ? undefined : { children: options.demoChildren, referenceDate: today(clock) };
  const onStatement = options.onStatement;
  const database = await createTestDatabase(seed, onStatement && ((event) => onStatement(event.query.sql)));
  // Only a test that names a register file gets one: the default path is shared by every test. The
  // plan is a function of the seed, so the register holds the same families as the seeded copy.
  const populationRegisterFile = options.env?.POPULATION_REGISTER_FILE;
  if (seed && populationRegisterFile) await writeDemoPopulationRegister(populationRegisterFile, buildDemoPlan(seed));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', CHECK_RESPONSES: 'true', ...options.env });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const app = await buildApp({ config, database, logStream, clock });
  await app.ready();
  backing.set(app, { database, clock });
  return {
    app, database, config, logs, clock,
    close: async () => {
      await app.close();
      await database.drop();
      // Every test app's log is scanned, so the whole run proves no national id reached a server log.
      const leaked = logs.filter((line) => findNationalIdsInLogLine(line).length > 0);
      if (leaked.length) throw new Error(`A national identity number reached the server log:\n${leaked.slice(0, 3).join('')}`);
    },
  };
}

/** A signed-in client: keeps the session cookie and sends the CSRF token, like the front end. */
export class Client {
  readonly app: FastifyInstance;
  cookies: Record<string, string> = {};
  csrfToken: string | null = null;
  lang: string | undefined;

  constructor(app: FastifyInstance, lang?: string) {
    this.app = app;
    this.lang = lang;
  }

  private remember(response: LightMyRequestResponse) {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < testClock.now().getTime())) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
  }

  async request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {};
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    if (this.lang) headers['accept-language'] = this.lang;
    const response = await this.app.inject({
      method, url, headers, cookies: this.cookies,
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    this.remember(response);
    return response;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});

  async signIn(username: string): Promise<this> {
    if (!DEMO_USERNAMES.has(username)) return this.signInWithoutDevLogin(username);
    const response = await this.post('/api/auth/dev-login', { username });
    if (response.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${response.body}`);
    const me = await this.get('/api/auth/me');
    this.csrfToken = me.json().csrfToken;
    return this;
  }

  /**
   * The development sign-in opens only the demo users; a user a test made itself gets its session
   * the way the identity provider's callback would give it.
   */
  private async signInWithoutDevLogin(username: string): Promise<this> {
    const { database, clock } = backing.get(this.app) ?? {};
    if (!database || !clock) throw new Error('signing in a user made by the test needs an app from startTestApp');
    const target = await findByUsername(database.db, username);
    if (!target) throw new Error(`sign-in as ${username} failed: no such active user`);
    let subject: SessionSubject = target.kind === 'citizen' ? { citizenAccountId: target.accountId } : { staffUserId: target.staffUserId, activeRole: 'professional' };
    if (target.kind === 'staff') {
      const principal = await loadStaffPrincipal(database.db, target.staffUserId, null);
      if (principal?.kind !== 'staff') throw new Error(`sign-in as ${username} failed: the user has no role`);
      subject = { staffUserId: principal.staffUserId, activeRole: principal.activeRole };
    }
    const { token } = await createSession(database.db, subject, clock.now());
    this.cookies[SESSION_COOKIE] = token;
    this.csrfToken = (await this.get('/api/auth/me')).json().csrfToken;
    return this;
  }
}

export async function signedIn(app: FastifyInstance, username: string, lang?: string): Promise<Client> {
  return new Client(app, lang).signIn(username);
}
