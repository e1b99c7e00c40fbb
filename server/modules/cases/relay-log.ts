// The relay log (stafettlogg), as far as the reader's consent reaches: entries, corrections as new
// versions, the colleagues the consent lets in.
import { randomUUID } from 'node:crypto';
import type { DataContext } from '../../infra/http/context.ts';
import { checkVersion } from '../../infra/http/context.ts';
import { invalidField } from '../../infra/http/errors.ts';
import { CURSOR_PART, decodeCursor, PAGE_SIZE, toPage } from '../../infra/http/paging.ts';
import { abilitiesOf, authorize, familyDeciders, visibleCategories } from '../access/access.ts';
import { notify, notifyAll } from '../notifications/service.ts';
import { decodeEntryCursor, encodeEntryCursor, ENTRY_PAGE_SIZE, involve, loadCase, loadCaseView, staffCoveredByConsent, type WorryCursor } from './queries.ts';
import { FAMILY_ENTRY_KINDS, STAFF_ENTRY_KINDS, type EntryInput } from './schema.ts';
import { personLink, authorizeCase, requireOpen } from './service.ts';
import { renderRelayLogPdf } from './relay-log-pdf.ts';
import { osloDate } from '../../../common/dates.ts';

function presentEntry(e: Awaited<ReturnType<typeof loadCaseView>>['entries'][number]) {
  return {
    entryKey: e.entry_key,
    version: e.version,
    kind: e.kind,
    category: e.category,
    title: e.title,
    body: e.body,
    responsible: e.responsible_staff_id ? { id: e.responsible_staff_id, name: e.responsible_name, unitName: e.responsible_unit_name } : null,
    startsOn: e.starts_on,
    evaluateOn: e.evaluate_on,
    measureKey: e.measure_key,
    outcome: e.outcome,
    familyView: e.family_view,
    childView: e.child_view,
    author: e.author_staff_id
      ? { kind: 'staff' as const, name: e.author_staff_name, unitName: e.author_unit_name }
      : { kind: 'family' as const, name: `${e.author_given_name ?? ''} ${e.author_family_name ?? ''}`.trim(), unitName: null },
    writtenAt: e.written_at,
    firstWrittenAt: e.first_written_at,
  };
}

function decodeWorryCursor(text: string | undefined): WorryCursor | undefined {
  const key = decodeCursor(text, [CURSOR_PART.date, CURSOR_PART.uuid], 'worriesAfter');
  return key && { noticedOn: key[0]!, id: key[1]! };
}

/** The shared case: who helps, and the relay log as far as the reader's consent reaches. */
export async function getCase(ctx: DataContext, personId: string, page: { before?: string | undefined; worriesAfter?: string | undefined } = {}) {
  const before = page.before === undefined ? undefined : decodeEntryCursor(page.before);
  if (before === null) throw invalidField('before', 'cases.err.badCursor');
  const worriesAfter = decodeWorryCursor(page.worriesAfter);
  await authorize(ctx, { action: 'case.read', purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up', subject: { kind: 'person', id: personId } });
  const visible = await visibleCategories(ctx, personId);
  // One row more than shown tells whether there is another page.
  const view = await loadCaseView(ctx.trx, personId, visible, { before, entries: ENTRY_PAGE_SIZE + 1, worriesAfter, worries: PAGE_SIZE + 1 });
  const readable = view.case_id && !view.purged_at ? view.case_id : null;
  const entries = toPage(view.entries, (e) => [e.written_micros, e.id], ENTRY_PAGE_SIZE);
  const worries = toPage(view.worries, (w) => [w.noticed_on, w.id]);
  const abilities = await abilitiesOf(ctx, { purpose: 'follow_up', subject: { kind: 'person', id: personId } }, { write: 'case.write' });
  const last = entries.items.at(-1);
  return {
    person: { id: view.id, givenName: view.given_name, familyName: view.family_name, birthDate: view.birth_date, kind: view.kind },
    abilities,
    involved: view.involved.map((i) => ({ kind: i.kind, since: i.started_at, staffId: i.staff_id, name: i.display_name, title: i.title, unitName: i.unit_name })),
    caseId: view.case_id,
    closed: view.case_id ? view.closed_at !== null : false,
    purged: view.case_id ? view.purged_at !== null : false,
    visibleCategories: visible === 'all' ? ('all' as const) : [...visible].sort(),
    // How many entries lie outside what the reader's consent covers: the family decides that.
    hiddenEntries: readable ? view.hidden : 0,
    // Newest first; `olderCursor` is sent back as `before` for the next page while `hasMore`.
    entries: entries.items.map(presentEntry),
    hasMore: entries.hasMore,
    olderCursor: entries.hasMore && last ? encodeEntryCursor({ micros: last.written_micros, id: last.id }) : null,
    // Oldest first, as they were noticed; `worriesCursor` is sent back as `worriesAfter`.
    worries: worries.items.map((w) => ({ id: w.id, categories: w.categories, description: w.description, noticedOn: w.noticed_on, noticedBy: w.display_name })),
    worriesHasMore: worries.hasMore,
    worriesCursor: worries.nextCursor,
  };
}

/** The relay log as a PDF in the reader's language, under the same rule and consent as reading it on screen. */
export async function relayLogPdf(ctx: DataContext, personId: string) {
  await authorize(ctx, { action: 'case.read', purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up', subject: { kind: 'person', id: personId } });
  const visible = await visibleCategories(ctx, personId);
  // A log is read whole in print; the bound keeps one request's work finite.
  const view = await loadCaseView(ctx.trx, personId, visible, { entries: 2000, worries: 0 });
  const readable = view.case_id && !view.purged_at ? view.case_id : null;
  const helpCase = readable
    ? await ctx.trx.selectFrom('help_case as c').innerJoin('staff_user as s', 's.id', 'c.relay_holder_id').select(['c.level', 's.display_name']).where('c.id', '=', readable).executeTakeFirst()
    : undefined;
  const entries = view.entries.map(presentEntry).reverse();
  return renderRelayLogPdf(ctx.lang, {
    person: { name: `${view.given_name} ${view.family_name}`, birthDate: view.birth_date },
    level: helpCase?.level ?? null,
    holder: helpCase?.display_name ?? null,
    involved: [...new Map(view.involved.map((i) => [i.staff_id, { name: i.display_name, unitName: i.unit_name }])).values()],
    entries: entries.map((e) => ({
      kind: e.kind, category: e.category, title: e.title, body: e.body, responsible: e.responsible?.name ?? null, startsOn: e.startsOn, evaluateOn: e.evaluateOn,
      outcome: e.outcome, familyView: e.familyView, childView: e.childView, author: e.author.name ?? '', writtenAt: e.writtenAt,
    })),
    hiddenEntries: readable ? view.hidden : 0,
    printedOn: osloDate(ctx.services.clock.now()),
  });
}

async function checkResponsible(ctx: DataContext, c: { person_id: string; municipality_id: string }, staffUserId: string): Promise<void> {
  const covered = await staffCoveredByConsent(ctx.trx, ctx.services.clock.now(), c.person_id, c.municipality_id, ['collaboration']);
  if (!covered.some((s) => s.id === staffUserId)) throw invalidField('responsibleStaffId', 'cases.err.responsibleNotRecipient');
}

export async function addEntry(ctx: DataContext, caseId: string, input: EntryInput) {
  const c = await authorizeCase(ctx, caseId, 'case.write');
  requireOpen(c);
  return writeEntryVersion(ctx, c, input, randomUUID(), 1);
}

export async function correctEntry(ctx: DataContext, caseId: string, entryKey: string, input: EntryInput) {
  const c = await authorizeCase(ctx, caseId, 'case.write');
  requireOpen(c);
  // Corrections of one case take turns, so two made from the same version cannot both be written.
  await ctx.trx.selectFrom('help_case').select('id').where('id', '=', caseId).forUpdate().execute();
  const current = await ctx.trx.selectFrom('relay_log_entry').selectAll().where('case_id', '=', caseId).where('entry_key', '=', entryKey).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!current) throw invalidField('entryKey', 'cases.err.unknownEntry');
  if (current.kind !== input.kind) throw invalidField('kind', 'cases.err.kindCannotChange');
  const byFamily = ctx.principal?.kind === 'citizen';
  // The family corrects what they wrote; professionals correct what professionals wrote.
  if (byFamily !== (current.author_person_id !== null) || (byFamily && current.author_person_id !== (ctx.principal as { personId: string }).personId)) {
    throw invalidField('entryKey', 'cases.err.notYourEntry');
  }
  checkVersion(ctx, current.version);
  return writeEntryVersion(ctx, c, input, entryKey, current.version + 1);
}

async function writeEntryVersion(ctx: DataContext, c: NonNullable<Awaited<ReturnType<typeof loadCase>>>, input: EntryInput, entryKey: string, version: number) {
  const principal = ctx.principal!;
  const allowedKinds: readonly string[] = principal.kind === 'citizen' ? FAMILY_ENTRY_KINDS : STAFF_ENTRY_KINDS;
  if (!allowedKinds.includes(input.kind)) throw invalidField('kind', 'cases.err.kindNotAllowed');
  const visible = await visibleCategories(ctx, c.person_id);
  if (visible !== 'all' && !visible.has(input.category)) throw invalidField('category', 'cases.err.categoryNotCovered');
  if (input.kind === 'measure') await checkResponsible(ctx, c, input.responsibleStaffId!);
  if (input.kind === 'evaluation') {
    const measure = await ctx.trx.selectFrom('relay_log_entry').select('id').where('case_id', '=', c.id).where('entry_key', '=', input.measureKey!).where('kind', '=', 'measure').executeTakeFirst();
    if (!measure) throw invalidField('measureKey', 'cases.err.unknownMeasure');
  }
  const isMeasure = input.kind === 'measure';
  const isEvaluation = input.kind === 'evaluation';
  await ctx.trx
    .insertInto('relay_log_entry')
    .values({
      case_id: c.id, entry_key: entryKey, version, kind: input.kind, category: input.category, title: input.title, body: input.body,
      responsible_staff_id: isMeasure ? input.responsibleStaffId! : null,
      starts_on: isMeasure ? input.startsOn! : null,
      evaluate_on: isMeasure ? input.evaluateOn! : null,
      measure_key: isEvaluation ? input.measureKey! : null,
      outcome: isEvaluation ? input.outcome! : null,
      family_view: isEvaluation ? input.familyView ?? null : null,
      child_view: isEvaluation ? input.childView ?? null : null,
      author_staff_id: principal.kind === 'staff' ? principal.staffUserId : null,
      author_person_id: principal.kind === 'citizen' ? principal.personId : null,
    })
    .execute();
  if (isMeasure) await involve(ctx.trx, c.person_id, input.responsibleStaffId!, 'measure_responsible');
  const name = c.child_name;
  if (principal.kind === 'citizen') {
    await notify(ctx.trx, {
      recipient: { kind: 'staff', staffUserId: c.relay_holder_id }, kind: 'case.entryAdded', subjectPersonId: c.person_id,
      params: { authorName: principal.displayName, childName: name }, link: personLink(c.person_id),
    });
  } else {
    // The family hears of what the services write (in the app; by e-mail only if they opted in).
    await notifyAll(ctx.trx, (await familyDeciders(ctx, c.person_id)).map((personId) => ({
      recipient: { kind: 'citizen' as const, personId }, kind: 'case.entryAdded' as const, subjectPersonId: c.person_id,
      params: { authorName: principal.displayName, childName: name }, link: `/min-side/${c.person_id}`,
      dedupeKey: `case.entryAdded:${entryKey}:${version}:${personId}`,
    })));
  }
  return { entryKey, version };
}

export async function entryHistory(ctx: DataContext, caseId: string, entryKey: string) {
  const c = await authorizeCase(ctx, caseId, 'case.read');
  const visible = await visibleCategories(ctx, c.person_id);
  const versions = await ctx.trx
    .selectFrom('relay_log_entry as e')
    .leftJoin('staff_user as s', 's.id', 'e.author_staff_id')
    .leftJoin('person as p', 'p.id', 'e.author_person_id')
    .select(['e.version', 'e.category', 'e.title', 'e.body', 'e.starts_on', 'e.evaluate_on', 'e.outcome', 'e.family_view', 'e.child_view', 'e.written_at', 's.display_name', 'p.given_name', 'p.family_name'])
    .where('e.case_id', '=', caseId)
    .where('e.entry_key', '=', entryKey)
    .orderBy('e.version')
    .execute();
  const shown = versions.filter((v) => visible === 'all' || visible.has(v.category));
  if (shown.length === 0) throw invalidField('entryKey', 'cases.err.unknownEntry');
  return {
    versions: shown.map((v) => ({
      version: v.version, category: v.category, title: v.title, body: v.body, startsOn: v.starts_on, evaluateOn: v.evaluate_on, outcome: v.outcome,
      familyView: v.family_view, childView: v.child_view, writtenAt: v.written_at, author: v.display_name ?? `${v.given_name ?? ''} ${v.family_name ?? ''}`.trim(),
    })),
  };
}

/** Colleagues the consent lets into the case: candidates for a measure, an involvement or the baton. */
export async function listColleagues(ctx: DataContext, caseId: string) {
  const c = await authorizeCase(ctx, caseId, 'caseColleagues.read');
  const planned = await ctx.trx.selectFrom('transition').select('to_unit_id').where('case_id', '=', caseId).where('status', '=', 'planned').executeTakeFirst();
  const collaboration = await staffCoveredByConsent(ctx.trx, ctx.services.clock.now(), c.person_id, c.municipality_id, ['collaboration']);
  const receiving = planned ? await staffCoveredByConsent(ctx.trx, ctx.services.clock.now(), c.person_id, c.municipality_id, ['collaboration', 'transition'], planned.to_unit_id) : [];
  const byId = new Map([...collaboration, ...receiving].map((s) => [s.id, s]));
  return { colleagues: [...byId.values()] };
}

export async function involveColleague(ctx: DataContext, caseId: string, staffUserId: string) {
  const c = await authorizeCase(ctx, caseId, 'case.write');
  requireOpen(c);
  const covered = await staffCoveredByConsent(ctx.trx, ctx.services.clock.now(), c.person_id, c.municipality_id, ['collaboration']);
  if (!covered.some((s) => s.id === staffUserId)) throw invalidField('staffUserId', 'cases.err.colleagueNotRecipient');
  await involve(ctx.trx, c.person_id, staffUserId, 'collaborator');
  return { involved: true };
}
