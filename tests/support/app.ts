// Builds the application over a fresh test database and signs in demo users through HTTP, as a
// browser or script would.
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../server/config.ts';
import { buildApp } from '../../server/app.ts';
import { generateDemoData } from '../../server/demo/generate.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
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

export async function startTestApp(options: { demoChildren?: number; env?: Record<string, string>; clock?: Clock } = {}): Promise<TestApp> {
  const clock = options.clock ?? testClock;
  const database = await createTestDatabase();
  if (options.demoChildren !== undefined) {
    // Only a test that names a register file gets one: the default path is shared by every test.
    const populationRegisterFile = options.env?.POPULATION_REGISTER_FILE;
    await generateDemoData(database.db, { children: options.demoChildren, referenceDate: today(clock), populationRegisterFile });
  }
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', ...options.env });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const app = await buildApp({ config, database, logStream, clock });
  await app.ready();
  return { app, database, config, logs, clock, close: async () => { await app.close(); await database.drop(); } };
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
    const response = await this.post('/api/auth/dev-login', { username });
    if (response.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${response.body}`);
    const me = await this.get('/api/auth/me');
    this.csrfToken = me.json().csrfToken;
    return this;
  }
}

export async function signedIn(app: FastifyInstance, username: string, lang?: string): Promise<Client> {
  return new Client(app, lang).signIn(username);
}
