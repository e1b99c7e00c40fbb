// The HTTP route enumeration (issue 10, "Done means"): every guarded route in apiRoutes is called
// as an anonymous caller, across audiences (a citizen on staff routes, a professional on citizen
// routes) and as signed-in users who pass the audience but hold no right to the data — the analyst
// on every staff and signed-in route, the father without parental responsibility on every citizen
// and signed-in route — with real demo ids in the path and a minimal valid body. None of it may
// answer 500 or change anything, and the refusals in the audit log must name every access action
// but the few listed below, which are only reached past a check the enumeration cannot pass.
// Also the runner's default deny: a guarded route whose handler makes no access decision fails
// with 500 and commits nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { z } from 'zod';
import { apiRoutes } from '../../server/app.ts';
import { defineRoute, type AnyRoute } from '../../server/infra/http/route.ts';
import { ACCESS_ACTIONS } from '../../server/modules/access/access.ts';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { daysFromToday, today } from '../support/clock.ts';

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;

// A route a careless developer could write: guarded, it changes a person's name and makes the
// caller involved with them (which would open the person's data), but never asks the access module.
const THROWAWAY_URL = '/api/test-only/forgot-to-ask/:id';
const throwaway: AnyRoute = defineRoute({
  method: 'POST', url: THROWAWAY_URL, summary: 'test only', tags: ['test'], audience: 'staff', guarded: true, retrySafe: 'test only',
  params: z.object({ id: z.string() }),
  handler: async (ctx, { params }) => {
    await ctx.trx.updateTable('person').set({ given_name: 'Overskrevet' }).where('id', '=', params.id).execute();
    if (ctx.principal?.kind === 'staff') await ctx.trx.insertInto('involvement').values({ person_id: params.id, staff_user_id: ctx.principal.staffUserId, kind: 'collaborator' }).execute();
    return { ok: true };
  },
});

beforeAll(async () => {
  // Registered into this test's app only, and taken out of the list before the enumeration.
  apiRoutes.push(throwaway);
  try {
    t = await startTestApp({ demoChildren: 20 });
  } finally {
    apiRoutes.splice(apiRoutes.indexOf(throwaway), 1);
  }
  ids = await demoIds();
});
afterAll(async () => {
  await t?.close();
});

async function one(query: { executeTakeFirst(): Promise<{ id: string } | undefined> }): Promise<string> {
  return (await query.executeTakeFirst())?.id ?? randomUUID();
}

/** Real ids from the demo, so a handler gets as far as its access decision; a random uuid where the demo has none. */
async function demoIds() {
  const db = t.database.db;
  const father = await db.selectFrom('citizen_account').select('person_id').where('username', '=', 'forelder.uten.ansvar').executeTakeFirstOrThrow();
  // The father's child with the most of a case: the father is refused, and so is everyone here.
  const child = await db.selectFrom('guardianship as g').leftJoin('help_case as c', 'c.person_id', 'g.child_id')
    .select(['g.child_id as id']).where('g.guardian_id', '=', father.person_id)
    .orderBy(sql`c.id is null`).orderBy('g.child_id').executeTakeFirstOrThrow();
  const caseMeeting = await db.selectFrom('team_meeting').select(['id', 'referral_id']).where('kind', '=', 'case').orderBy('id').executeTakeFirst();
  const entry = await db.selectFrom('relay_log_entry').select(['case_id', 'entry_key']).orderBy('id').executeTakeFirst();
  // A real person's national id, known to the one who asks (a registration or an access request names it).
  const known = await db.selectFrom('person').select('national_id').where('id', '=', child.id).executeTakeFirstOrThrow();
  return {
    nationalId: known.national_id ?? '',
    father: father.person_id,
    person: child.id,
    case: entry?.case_id ?? (await one(db.selectFrom('help_case').select('id').orderBy('id'))),
    entryKey: entry?.entry_key ?? 'x',
    meeting: caseMeeting?.id ?? randomUUID(),
    systemMeeting: await one(db.selectFrom('team_meeting').select('id').where('kind', '=', 'system').orderBy('id')),
    referral: caseMeeting?.referral_id ?? (await one(db.selectFrom('referral').select('id').orderBy('id'))),
    team: await one(db.selectFrom('team').select('id').where('kind', '=', 'early_intervention').orderBy('id')),
    handover: await one(db.selectFrom('relay_handover').select('id').orderBy('id')),
    item: await one(db.selectFrom('action_item').select('id').orderBy('id')),
    worry: await one(db.selectFrom('worry').select('id').orderBy('id')),
    consent: await one(db.selectFrom('consent').select('id').where('subject_id', '=', child.id).orderBy('id')),
    staff: await one(db.selectFrom('staff_user').select('id').orderBy('id')),
    unit: await one(db.selectFrom('service_unit').select('id').orderBy('id')),
    catalogue: await one(db.selectFrom('catalogue_service').select('id').orderBy('id')),
    claim: await one(db.selectFrom('relation_claim').select('id').orderBy('id')),
    accessRequest: await one(db.selectFrom('access_request').select('id').orderBy('id')),
    notification: await one(db.selectFrom('notification').select('id').orderBy('id')),
    email: await one(db.selectFrom('outbound_email').select('id').orderBy('id')),
    report: await one(db.selectFrom('child_welfare_report').select('id').orderBy('id')),
    consultation: await one(db.selectFrom('child_welfare_consultation').select('id').orderBy('id')),
  };
}

function paramValue(url: string, name: string): string {
  const byName: Record<string, string | undefined> = {
    caseId: ids.case, entryKey: ids.entryKey, meetingId: url.startsWith('/api/system-meetings') ? ids.systemMeeting : ids.meeting,
    referralId: ids.referral, teamId: ids.team, handoverId: ids.handover, itemId: ids.item, worryId: ids.worry, consentId: ids.consent,
    reportId: ids.report, consultationId: ids.consultation,
    version: '1', position: '1',
  };
  if (byName[name]) return byName[name];
  if (name !== 'id') return randomUUID();
  const byPrefix: [string, string | undefined][] = [
    ['/api/people', ids.person], ['/api/admin/staff', ids.staff], ['/api/admin/service-units', ids.unit], ['/api/admin/catalogue', ids.catalogue],
    ['/api/relation-claims', ids.claim], ['/api/access-requests', ids.accessRequest], ['/api/notifications', ids.notification], ['/api/dev/mailbox', ids.email],
  ];
  return byPrefix.find(([prefix]) => url.startsWith(prefix))?.[1] ?? randomUUID();
}

type Json = { type?: string | string[]; properties?: Record<string, Json>; required?: string[]; items?: Json; minItems?: number; enum?: unknown[]; const?: unknown;
  anyOf?: Json[]; oneOf?: Json[]; format?: string; pattern?: string; minLength?: number; maxLength?: number; minimum?: number; exclusiveMinimum?: number; default?: unknown };

/** The smallest value a JSON schema accepts, as far as a schema can say (refinements may still refuse it: a 400 is fine here). */
function minimal(s: Json): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const options = s.anyOf ?? s.oneOf;
  if (options) return minimal(options.find((o) => o.type !== 'null') ?? options[0]!);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object': return Object.fromEntries((s.required ?? []).map((k) => [k, minimal(s.properties?.[k] ?? {})]));
    case 'array': return Array.from({ length: s.minItems ?? 0 }, () => minimal(s.items ?? {}));
    case 'integer': case 'number': return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean': return false;
    case 'string': {
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date') return today();
      if (s.format === 'date-time') return t.clock.now().toISOString();
      if (s.format === 'email') return 'test@example.no';
      // The identifier patterns of the API (codes, step keys) start with a lower-case letter.
      const text = s.pattern?.startsWith('^[a-z]') ? 'testcode' : 'Test';
      return text.padEnd(s.minLength ?? 0, 'x').slice(0, s.maxLength ?? 1000);
    }
    default: return s.default ?? 'Test';
  }
}

/** Bodies whose rules a schema cannot express (one field of two, a valid national id, dates in order). */
const BODIES: Record<string, () => unknown> = {
  'POST /api/people': () => ({ givenName: 'Test', familyName: 'Testesen', kind: 'child', nationalId: ids.nationalId }),
  'POST /api/access-requests': () => ({ nationalId: ids.nationalId, reason: 'Test' }),
  'POST /api/people/:id/consents': () => ({ method: 'paper', consentTextVersion: 1, giverIds: [ids.father], purposes: ['collaboration'], categories: ['development'], recipientUnitIds: [ids.unit], validFrom: today(), validTo: daysFromToday(30) }),
  'POST /api/people/:id/consents/digital': () => ({ consentTextVersion: 1, purposes: ['collaboration'], categories: ['development'], recipientUnitIds: [ids.unit], validTo: daysFromToday(30) }),
  'POST /api/worries/:worryId/discussions': () => ({ withTeamId: ids.team, note: 'Test' }),
  'POST /api/people/:id/child-welfare-reports': () => ({ description: 'Test', observedOn: today(), urgent: false, familyTold: true, legalBasis: 'child_welfare_act', reporterPhone: '12345678' }),
  'POST /api/people/:id/birth': () => ({ givenName: 'Test', familyName: 'Testesen', birthDate: today(), continueLog: false }),
  'POST /api/family-efforts': () => ({ personId: ids.person, reason: 'Test' }),
};

function requestOf(route: AnyRoute): { url: string; body?: unknown } {
  let url = route.url.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(paramValue(route.url, name)));
  if (route.query) {
    const q = minimal(z.toJSONSchema(route.query, { io: 'input', unrepresentable: 'any' }) as Json) as Record<string, unknown>;
    const search = new URLSearchParams(Object.entries(q).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v)).map(([k, v]) => [k, String(v)]));
    if ([...search].length) url += `?${search}`;
  }
  if (route.method === 'GET') return { url };
  const body = BODIES[label(route)]?.() ?? (route.body ? minimal(z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) as Json) : {});
  if (route.versioned && body && typeof body === 'object') (body as Record<string, unknown>)[route.versioned.field] = 1;
  return { url, body: body ?? {} };
}

/**
 * The actions no refusal over HTTP can reach: each is allowed to everyone who passes its route's
 * audience check, or decided by no route. The permission matrix (tests/server/access-matrix.test.ts)
 * names a refused principal for each; this list must shrink, never grow unnoticed.
 */
const NOT_REFUSED_OVER_HTTP: string[] = [
  'meetingRating.list', // every citizen's own meetings to rate; staff are stopped by the citizen audience first (403, no decision)
  'relation.list', // every citizen's own waiting relations, scoped by the query; staff stopped by the audience
  'notification.read', // everyone's own notifications; only the anonymous are refused, and the audience answers them 401 first
  'notification.update',
  'worry.read', // decided by no route today: worries are read through worry.list, scoped to the author and those asked to discuss
  'familyEffort.familyView', // every citizen's own family's efforts, scoped by the query; staff stopped by the citizen audience
  'indicator.list', // the analyst's own work: the register and the report hold figures only; refused to others in indicators.test.ts
  'indicatorReport.read',
  'handbookStaffPage.read', // decided inside the public handbook reads (no guarded route): the public is shown only public pages, never refused
];

const guarded = () => apiRoutes.filter((r) => r.guarded);
const label = (r: AnyRoute) => `${r.method} ${r.url}`;

async function call(client: Client, route: AnyRoute) {
  const { url, body } = requestOf(route);
  return client.request(route.method as 'GET' | 'POST' | 'PUT' | 'DELETE', url, body);
}

/** Every table a refused request could change, as one digest per table (the audit log, sessions and jobs aside). */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(t.database.db);
  const skip = new Set(['audit_event', 'audit_chain', 'audit_seal_state', 'session', 'idempotency_key', 'job', 'schema_migration']);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    if (skip.has(name)) continue;
    const row = await sql<{ digest: string | null }>`select md5(string_agg(x::text, '|' order by x::text)) as digest from ${sql.table(name)} x`.execute(t.database.db);
    out[name] = row.rows[0]?.digest ?? '';
  }
  return out;
}

describe('a guarded route that makes no access decision', () => {
  it('fails with 500 and commits nothing', async () => {
    const professional = await signedIn(t.app, 'fagperson.barnehage');
    const before = await snapshot();
    const response = await professional.post(THROWAWAY_URL.replace(':id', ids.person), {});
    expect(response.statusCode, response.body).toBe(500);
    expect(response.json().error.code).toBe('INTERNAL');
    expect(await snapshot()).toEqual(before);
    const person = await t.database.db.selectFrom('person').select('given_name').where('id', '=', ids.person).executeTakeFirstOrThrow();
    expect(person.given_name).not.toBe('Overskrevet');
    // The request's handle refuses the person before the runner gets to its own check (decision 0039).
    expect(t.logs.some((line) => line.includes('read person before an access decision allowed anything'))).toBe(true);
  });
});

describe('every guarded route', () => {
  it('answers an anonymous caller 401 (403 on a public route), and a caller of the wrong audience 403', async () => {
    const anonymous = new Client(t.app);
    const citizen = await signedIn(t.app, 'forelder');
    const professional = await signedIn(t.app, 'fagperson.barnehage');
    const before = await snapshot();
    const wrong: string[] = [];
    for (const route of guarded()) {
      const a = await call(anonymous, route);
      if (a.statusCode !== (route.audience === 'public' ? 403 : 401)) wrong.push(`anonymous ${label(route)}: ${a.statusCode}`);
      if (route.audience === 'staff') {
        const r = await call(citizen, route);
        if (r.statusCode !== 403) wrong.push(`citizen ${label(route)}: ${r.statusCode}`);
      }
      if (route.audience === 'citizen') {
        const r = await call(professional, route);
        if (r.statusCode !== 403) wrong.push(`staff ${label(route)}: ${r.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses signed-in users without a right to the data, never with a 500, changes nothing, and names every access action in the refusals', async () => {
    const analyst = await signedIn(t.app, 'analytiker');
    const father = await signedIn(t.app, 'forelder.uten.ansvar');
    const before = await snapshot();
    const since = (await t.database.db.selectFrom('audit_event').select(sql<string>`coalesce(max(id), 0)`.as('max')).executeTakeFirstOrThrow()).max;
    const errors: string[] = [];
    for (const route of guarded()) {
      for (const [who, client] of [['analyst', analyst], ['father', father]] as const) {
        const audienceFits = route.audience === 'signed-in' || (route.audience === 'staff' ? who === 'analyst' : route.audience === 'citizen' && who === 'father');
        if (!audienceFits) continue;
        const response = await call(client, route);
        if (response.statusCode >= 500) errors.push(`${who} ${label(route)}: ${response.statusCode} ${response.body}`);
      }
    }
    expect(errors).toEqual([]);
    expect(await snapshot()).toEqual(before);
    const denied = await t.database.db.selectFrom('audit_event').select('action').distinct()
      .where('outcome', '=', 'denied').where('id', '>', since as never).execute();
    const deniedActions = new Set(denied.map((d) => d.action));
    expect(ACCESS_ACTIONS.filter((a) => !deniedActions.has(a))).toEqual(NOT_REFUSED_OVER_HTTP);
    expect([...deniedActions].filter((a) => !(ACCESS_ACTIONS as readonly string[]).includes(a))).toEqual([]);
  });
});
