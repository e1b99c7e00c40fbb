// All configuration comes from the environment, read once here and validated.
import { isIP } from 'node:net';
import { z } from 'zod';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../common/suppression.ts';

const boolean = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** proxy-addr's names for address ranges, accepted besides addresses and CIDRs. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrCidr(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * Which proxies may tell us the client's address, host and protocol (X-Forwarded-*): none when unset,
 * a hop count, or a comma-separated list of addresses and CIDRs. Trusting every sender is not on
 * offer: anyone could then forge their address and the host the origin check compares with.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((v, ctx): false | number | string[] => {
    const value = v?.trim() ?? '';
    if (value === '' || value === 'false') return false;
    if (/^\d{1,2}$/.test(value)) return Number(value) === 0 ? false : Number(value);
    const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
    const bad = entries.filter((e) => !isAddressOrCidr(e));
    if (bad.length || !entries.length) {
      ctx.addIssue({ code: 'custom', message: `TRUST_PROXY must be a hop count or a comma-separated list of proxy addresses or CIDRs (not ${bad.join(', ') || 'empty'})` });
      return z.NEVER;
    }
    return entries;
  });

const EnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  // The owner role that runs migrations; DATABASE_URL is then the application role (decision 0011).
  DATABASE_OWNER_URL: z.string().optional(),
  // Off only behind a connection pooler that cannot keep prepared statements per client (PgBouncer before 1.21 in transaction mode).
  DATABASE_PREPARED_STATEMENTS: boolean.default(true),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  TRUST_PROXY: trustProxy,
  COOKIE_SECURE: boolean.optional(),
  DEV_LOGIN: boolean.optional(),
  DEMO_DATA: boolean.default(true),
  DEMO_CHILDREN: z.coerce.number().int().min(0).default(200),
  // The population register (folkeregisteret) as a JSON file; the demo writes one for its people.
  POPULATION_REGISTER_FILE: z.string().optional(),
  OIDC_STAFF_ISSUER: z.string().url().optional(),
  OIDC_STAFF_CLIENT_ID: z.string().optional(),
  OIDC_STAFF_CLIENT_SECRET: z.string().optional(),
  OIDC_CITIZEN_ISSUER: z.string().url().optional(),
  OIDC_CITIZEN_CLIENT_ID: z.string().optional(),
  OIDC_CITIZEN_CLIENT_SECRET: z.string().optional(),
  LOG_LEVEL: z.string().default('info'),
  // smtp://user:password@host:587 (STARTTLS when offered) or smtps://host:465. Unset: mail goes to the development mailbox.
  SMTP_URL: z.string().optional().refine((v) => !v || (/^smtps?:\/\/\S+$/.test(v) && URL.canParse(v)), { message: 'SMTP_URL must be an smtp:// or smtps:// URL' }),
  MAIL_FROM: z.string().trim().min(3).default('Sammen <ikke-svar@sammen.invalid>'),
  CHECK_RESPONSES: boolean.default(false),
  SUPPRESSION_THRESHOLD: z.coerce.number().int().min(2).max(100).default(DEFAULT_SUPPRESSION_THRESHOLD),
});

export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
}

export interface Config {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Runs migrations and the grant step; unset, DATABASE_URL (or PGlite) does both. */
  databaseOwnerUrl: string | undefined;
  /** Statements are sent as named prepared statements, parsed and planned once per connection. */
  databasePreparedStatements: boolean;
  dataDir: string;
  publicUrl: string | undefined;
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however active it is. */
  sessionAbsoluteHours: number;
  /** Fastify's trustProxy: false (none), a hop count or the proxies' addresses/CIDRs. */
  trustProxy: false | number | string[];
  cookieSecure: boolean;
  devLogin: boolean;
  demoData: boolean;
  demoChildren: number;
  /** The file-based population register (people/population-register); default <DATA_DIR>/population-register.json. */
  populationRegisterFile: string;
  oidcStaff: OidcClientConfig | undefined;
  oidcCitizen: OidcClientConfig | undefined;
  logLevel: string;
  /** SMTP server for e-mail; undefined keeps mail in the development mailbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Every JSON answer is checked against its route's response schema (tests set it; costs a parse per request). */
  checkResponses: boolean;
  /** Counts under this are shown as "fewer than N" wherever figures are shown (common/suppression.ts). */
  suppressionThreshold: number;
}

function oidc(issuer?: string, clientId?: string, clientSecret?: string): OidcClientConfig | undefined {
  if (!issuer) return undefined;
  if (!clientId) throw new Error(`An OIDC issuer (${issuer}) is configured without a client id`);
  return { issuer, clientId, clientSecret };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = EnvSchema.parse(env);
  const production = e.NODE_ENV === 'production';
  if (e.DATABASE_OWNER_URL && !e.DATABASE_URL) throw new Error('DATABASE_OWNER_URL is set without DATABASE_URL, the role the server runs as');
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    databaseOwnerUrl: e.DATABASE_OWNER_URL || undefined,
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS,
    dataDir: e.DATA_DIR,
    publicUrl: e.PUBLIC_URL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    trustProxy: e.TRUST_PROXY,
    // Browsers treat http://localhost as secure, so Secure cookies work in development too.
    cookieSecure: e.COOKIE_SECURE ?? true,
    // The development sign-in must be switched on explicitly in production.
    devLogin: e.DEV_LOGIN ?? !production,
    demoData: e.DEMO_DATA,
    demoChildren: e.DEMO_CHILDREN,
    populationRegisterFile: e.POPULATION_REGISTER_FILE || `${e.DATA_DIR.replace(/\/+$/, '')}/population-register.json`,
    oidcStaff: oidc(e.OIDC_STAFF_ISSUER, e.OIDC_STAFF_CLIENT_ID, e.OIDC_STAFF_CLIENT_SECRET),
    oidcCitizen: oidc(e.OIDC_CITIZEN_ISSUER, e.OIDC_CITIZEN_CLIENT_ID, e.OIDC_CITIZEN_CLIENT_SECRET),
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    checkResponses: e.CHECK_RESPONSES,
    suppressionThreshold: e.SUPPRESSION_THRESHOLD,
  };
}
