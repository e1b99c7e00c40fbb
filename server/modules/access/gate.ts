// The request's data handle (decision 0039). A handler gets its transaction from here, behind a gate
// that refuses any statement touching a table of personal data until a decision in the request allowed
// something: reading a person's data before deciding is a programmer error, not a question of
// remembering. The gate is a Kysely plugin; the un-gated handle under it stays in this module, where
// the rules load their facts and the request's audit rows are written. Plain routes get a gate that
// never opens; the few of them that must read a person or an account to sign someone in name why
// (`ungatedFor`). Background jobs get `systemHandle`, named after the job, whose name is the actor of
// the system rows `systemReads` writes.
import type { KyselyPlugin, OperationNode, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Db, Tx } from '../../infra/db/database.ts';
import type { DB } from '../../infra/db/types.ts';
import type { DataContext, RequestAudit, RequestContext } from '../../infra/http/context.ts';

/**
 * Every table, and why it holds personal data (or null: the organisation, texts, counts). Typed over
 * the generated schema, so a new table does not compile until someone says which it is;
 * tests/server/personal-tables.test.ts fails when a table that reaches `person` through a foreign key is
 * called organisation data.
 */
export const PERSONAL_DATA: Record<keyof DB, string | null> = {
  person: 'the person: name, national id, birth date, address',
  citizen_account: 'a person\'s own account, keyed to the person',
  session: 'who is signed in: a citizen\'s session names their account',
  guardianship: 'the family\'s relations',
  relation_claim: 'family relations typed in, waiting for confirmation',
  access_request: 'a person asking to see their own or their child\'s data',
  involvement: 'which professional follows which child',
  help_case: 'the child\'s case',
  case_level_change: 'the case\'s history',
  case_step_done: 'the case\'s action-guide steps',
  relay_log_entry: 'the relay log: what was seen and done for the child',
  relay_handover: 'the case handed between professionals',
  transition: 'the child moving between units',
  worry: 'a professional\'s worry about a child',
  worry_discussion: 'who a worry was discussed with',
  consent: 'the family\'s consent and what it covers',
  consent_giver: 'who gave a consent',
  consent_recipient: 'who a consent lets in',
  consent_partial_withdrawal: 'what the family took back',
  legal_basis_invocation: 'a duty invoked about a person',
  referral: 'a child referred to a team',
  team_meeting: 'a meeting about a child or a family',
  meeting_participant: 'who took part in a meeting, family included',
  action_item: 'the meeting\'s action plan, owned by family members too',
  meeting_rating: 'a family member\'s rating of a meeting',
  meeting_rating_link: 'the link sent to a family member to rate a meeting',
  individual_plan: 'the individual plan',
  plan_request: 'a request for an individual plan',
  plan_goal: 'the plan\'s goals',
  plan_contribution: 'who does what in the plan',
  plan_evaluation: 'the plan\'s evaluations',
  plan_comment: 'comments on the plan',
  plan_change: 'the plan\'s history',
  plan_log_link: 'the plan\'s links into the relay log',
  coordinator_assignment: 'the coordinator of a person\'s plan',
  after_care: 'child welfare\'s after-care of a young adult',
  child_welfare_report: 'a report of concern to child welfare',
  child_welfare_report_delivery: 'the report as delivered',
  child_welfare_consultation: 'a child\'s situation described for advice, without the name',
  child_welfare_consultation_message: 'the conversation about that situation',
  family_effort: 'a family\'s level-2 effort',
  family_effort_member: 'the family members in it',
  family_effort_service: 'the services called in for the family',
  screening: 'questionnaire answers: the answerer\'s health data',
  goal_rating: 'a person\'s rating of their own goal',
  notification: 'notices naming the child they are about',
  outbound_email: 'e-mails naming the child they are about',
  outbound_email_attachment: 'their attachments',
  audit_event: 'who looked at which person\'s data',
  audit_chain: null, // hashes of the audit rows: nothing to read about anyone
  absence_record: 'a pupil\'s absence',
  enrolment: 'a child enrolled at a kindergarten or school',
  idempotency_key: 'the stored answers of creates, which name people',
  // The organisation, the texts it publishes and counts that name no one:
  municipality: null,
  service_unit: null,
  service_unit_type: null,
  staff_user: null,
  staff_role: null,
  team: null,
  team_member: null,
  team_service_unit: null,
  catalogue_guide: null,
  catalogue_service: null,
  catalogue_service_text: null,
  catalogue_service_version: null,
  action_guide_step: null,
  action_guide_version: null,
  handbook_page: null,
  handbook_page_text: null,
  handbook_page_version: null,
  handbook_image: null,
  consent_text: null,
  questionnaire_version: null,
  indicator: null,
  indicator_entry: null,
  indicator_figure: null,
  indicator_target: null,
  indicator_version: null,
  survey_round: null,
  survey_tally: null, // the anonymous survey is kept as counts only
  survey_respondents: null,
  survey_participation: null, // which staff user answered a round, not what
  system_report_delivery: null, // which staff received a system-level meeting's report
  absence_import: null, // a file's name and row count
  enrolment_import: null,
  audit_seal_state: null,
  job: null, // the queue; a payload carries ids, and what they point to is gated
  schema_migration: null,
};

const PERSONAL_TABLES: ReadonlySet<string> = new Set(Object.entries(PERSONAL_DATA).filter(([, why]) => why !== null).map(([table]) => table));
// A raw statement is searched for a personal table's name as a word (person_id is a word of its own).
const PERSONAL_IN_RAW = new RegExp(`\\b(${[...PERSONAL_TABLES].join('|')})\\b`, 'i');
// Values are data, not tables: a long list of ids or a payload is never walked.
const LEAVES = new Set(['ValueNode', 'PrimitiveValueListNode', 'DefaultInsertValueNode', 'IdentifierNode', 'ColumnNode', 'ReferenceNode']);

/** The first personal table the statement touches, or null. Looks at table nodes and raw SQL only. */
export function personalTableIn(node: OperationNode): string | null {
  if (node.kind === 'TableNode') {
    const name = (node as unknown as { table: { identifier: { name: string } } }).table.identifier.name;
    return PERSONAL_TABLES.has(name) ? name : null;
  }
  if (node.kind === 'RawNode') {
    const match = PERSONAL_IN_RAW.exec((node as unknown as { sqlFragments: readonly string[] }).sqlFragments.join(' '));
    if (match) return match[1]!.toLowerCase();
  }
  if (LEAVES.has(node.kind)) return null;
  for (const value of Object.values(node)) {
    if (!value || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        if (item && typeof item === 'object' && 'kind' in item) {
          const found = personalTableIn(item as OperationNode);
          if (found) return found;
        }
      }
    } else if ('kind' in value) {
      const found = personalTableIn(value as OperationNode);
      if (found) return found;
    }
  }
  return null;
}

/** A handler read personal data before any decision allowed it (or on a plain route, at all). */
export class ReadBeforeDecision extends Error {}

/**
 * Refuses statements on personal tables until `open`. Once open it is one boolean check per statement:
 * a request's reads after its decision cost nothing more.
 */
export class DecisionGate implements KyselyPlugin {
  open = false;
  private readonly where: string;
  private readonly plain: boolean;

  constructor(where: string, plain: boolean) {
    this.where = where;
    this.plain = plain;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.open) return args.node;
    const table = personalTableIn(args.node);
    if (table) {
      throw new ReadBeforeDecision(this.plain
        ? `${this.where} read ${table}, and a plain route gets no personal data: make the route guarded and decide first`
        : `${this.where} read ${table} before an access decision allowed anything`);
    }
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

interface Gated {
  gate: DecisionGate;
  /** The request's transaction without the gate: the rules' facts and the audit rows use it. */
  raw: Tx;
}

// By the request's audit ledger, which every copy of a request's context shares.
const requests = new WeakMap<RequestAudit, Gated>();
// The raw handle under each plain route's closed gate, for the named uses below.
const plainHandles = new WeakMap<Db, Db>();

const where = (ctx: RequestContext | DataContext) => `${ctx.request.method} ${ctx.request.routeOptions.url ?? ctx.request.url}`;

/** The guarded request's handle: its transaction behind a gate that opens at its first allowed decision. */
export function handleFor(ctx: DataContext, trx: Tx): Tx {
  const gate = new DecisionGate(where(ctx), false);
  requests.set(ctx.audit, { gate, raw: trx });
  return trx.withPlugin(gate);
}

/** A plain route's database: behind a gate that never opens. */
export function plainHandle(ctx: RequestContext, db: Db): Db {
  const gated = db.withPlugin(new DecisionGate(where(ctx), true));
  plainHandles.set(gated, db);
  return gated;
}

/** Called by authorize() and authorizeIfAllowed() when a decision allowed the access. */
export function openGate(ctx: DataContext): void {
  const found = requests.get(ctx.audit);
  if (found) found.gate.open = true;
}

/** The request's transaction under its gate; never handed out of the access module. */
export function ungatedTrx(ctx: DataContext): Tx {
  const found = requests.get(ctx.audit);
  if (!found) throw new Error('a DataContext is made by the route runner, which asks handleFor() for its handle');
  return found.raw;
}

/**
 * The plain routes that read a person or an account without a decision, each for a reason of its own:
 * signing in (the account, the citizen's person), the session itself, the development sign-in's demo
 * list, and a family member's meeting-rating link (the link is the key, and its use is audited). A new
 * one needs a name here and a reason.
 */
export type UngatedUse = 'sign-in' | 'session' | 'demo-users' | 'rating-link';

export function ungatedFor(ctx: RequestContext, _use: UngatedUse): Db {
  return ungatedDb(ctx.services.db);
}

/** The database under a plain route's gate, for the access module's own rules (the session answer's pages). */
export function ungatedDb(db: Db): Db {
  return plainHandles.get(db) ?? db;
}

/** Marks a background job's handle with its name, which systemReads() writes as the actor's. */
class SystemJob implements KyselyPlugin {
  readonly job: string;
  constructor(job: string) {
    this.job = job;
  }
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

/** A background job's handle: no request and no gate, but named, so its audit rows say which job read. */
export function systemHandle(db: Db, job: string): Db {
  return db.withPlugin(new SystemJob(job));
}

/** The job a handle (or a transaction opened on it) was made for by systemHandle(), or null. */
export function systemJobOf(db: Db | Tx): string | null {
  const marker = db.getExecutor().plugins.find((p): p is SystemJob => p instanceof SystemJob);
  return marker?.job ?? null;
}
