// Consent (samtykke): recording a consent given on paper or orally, reading the family's consents,
// withdrawing one (at once), the shared case that a valid consent opens, and the legal duties that
// need no consent.
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../infra/db/database.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { requireCitizen, requireStaff } from '../../infra/http/context.ts';
import { AppError, invalidField, notFound } from '../../infra/http/errors.ts';
import type { Language } from '../../../common/roles.ts';
import { aboutPerson, authorize, parentsOf, subjectOf } from '../access/access.ts';
import { readPeople } from '../access/person-reads.ts';
import { loadConsentSettings, loadConsentsForAccess } from './queries.ts';
import { notify } from '../notifications/service.ts';
import { ageOn, osloDate } from '../../../common/dates.ts';
import { formatDate } from '../../../common/i18n/index.ts';
import { checkGivers, consentAuthority, consentState, coveredCategories, CONSENT_PURPOSES, type ConsentForAccess } from './rules.ts';
import { DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, type GiveConsentInput, type RecordConsentInput, type WithdrawConsentInput } from './schema.ts';

// The child's own view is asked from 7 while guardians decide; a youth who decides alone gives their own consent.
const CHILD_VIEW_FROM_AGE = 7;

async function loadSubject(trx: Tx, personId: string) {
  const person = await trx.selectFrom('person').select(['id', 'kind', 'birth_date', 'municipality_id']).where('id', '=', personId).executeTakeFirst();
  if (!person) throw notFound();
  const guardians = await trx
    .selectFrom('guardianship')
    .select(['guardian_id as id', 'parental_responsibility as parentalResponsibility'])
    .where('child_id', '=', personId)
    .execute();
  return { person, guardians };
}

/** The recipients must be units of the person's municipality, or known unit types. */
async function checkRecipients(trx: Tx, municipalityId: string, unitIds: string[], unitTypes: string[]): Promise<void> {
  if (unitIds.length) {
    const units = await trx.selectFrom('service_unit').select('id').where('id', 'in', unitIds).where('municipality_id', '=', municipalityId).execute();
    if (units.length !== new Set(unitIds).size) throw invalidField('recipientUnitIds', 'errors.unknownServiceUnit');
  }
  if (unitTypes.length) {
    const types = await trx.selectFrom('service_unit_type').select('code').where('code', 'in', unitTypes).execute();
    if (types.length !== new Set(unitTypes).size) throw invalidField('recipientUnitTypes', 'errors.unknownServiceUnitType');
  }
}

async function insertRecipients(trx: Tx, consentId: string, unitIds: string[], unitTypes: string[]): Promise<void> {
  await trx.insertInto('consent_recipient').values([
    ...[...new Set(unitIds)].map((unitId) => ({ consent_id: consentId, service_unit_id: unitId, unit_type_code: null })),
    ...[...new Set(unitTypes)].map((code) => ({ consent_id: consentId, service_unit_id: null, unit_type_code: code })),
  ]).execute();
}

type DocumentType = (typeof DOCUMENT_TYPES)[number];
const isDocumentType = (type: string): type is DocumentType => (DOCUMENT_TYPES as readonly string[]).includes(type);

function decodeDocument(doc: NonNullable<RecordConsentInput['document']>): { bytes: Buffer; type: DocumentType } {
  const type = doc.contentType;
  if (!isDocumentType(type)) throw invalidField('document', 'errors.fileWrongType');
  const bytes = Buffer.from(doc.data, 'base64');
  if (bytes.length === 0) throw invalidField('document', 'errors.fileWrongType');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw invalidField('document', 'errors.fileTooLarge', { maxMb: MAX_DOCUMENT_BYTES / 1024 / 1024 });
  // The declared type must match the file itself, so a renamed file is refused.
  const signature: Record<DocumentType, number[]> = { 'application/pdf': [0x25, 0x50, 0x44, 0x46], 'image/png': [0x89, 0x50, 0x4e, 0x47], 'image/jpeg': [0xff, 0xd8, 0xff] };
  if (!signature[type].every((b, i) => bytes[i] === b)) throw invalidField('document', 'errors.fileWrongType');
  return { bytes, type };
}

export async function recordConsent(ctx: DataContext, personId: string, input: RecordConsentInput) {
  const staff = requireStaff(ctx);
  await authorize(ctx, { action: 'consent.record', purpose: 'consent', subject: { kind: 'person', id: personId } });
  const { person, guardians } = await loadSubject(ctx.trx, personId);
  const today = osloDate(ctx.services.clock.now());
  const settings = await loadConsentSettings(ctx.trx, person.municipality_id);
  const authority = consentAuthority({ id: person.id, kind: person.kind, birthDate: person.birth_date }, guardians, settings, input.childWelfareMatter, today);
  const giverProblem = checkGivers(person.id, authority, input.giverIds);
  if (giverProblem) throw invalidField('giverIds', giverProblem);
  if (authority.decides === 'guardians' && ageOn(person.birth_date, today) >= CHILD_VIEW_FROM_AGE && !input.childView) {
    throw invalidField('childView', 'errors.consentChildViewRequired');
  }
  await checkRecipients(ctx.trx, person.municipality_id, input.recipientUnitIds, input.recipientUnitTypes);
  const text = await currentConsentText(ctx.trx, input.consentTextVersion);
  if (!text) throw invalidField('consentTextVersion', 'errors.unknownConsentText');
  const document = input.document ? decodeDocument(input.document) : null;

  const id = randomUUID();
  await ctx.trx
    .insertInto('consent')
    .values({
      id, subject_id: person.id, consent_text_id: text.id, method: input.method, purposes: [...new Set(input.purposes)],
      categories: [...new Set(input.categories)], child_welfare_matter: input.childWelfareMatter, valid_from: input.validFrom,
      valid_to: input.validTo, child_view: input.childView ?? null, recorded_by: staff.staffUserId,
      document: document?.bytes ?? null, document_type: document?.type ?? null, document_name: input.document?.name ?? null,
    })
    .execute();
  const subjectCapacity = authority.decides === 'self' ? 'self' : 'youth';
  await ctx.trx
    .insertInto('consent_giver')
    .values([...new Set(input.giverIds)].map((giver) => ({ consent_id: id, person_id: giver, capacity: giver === person.id ? subjectCapacity : 'guardian' })))
    .execute();
  await insertRecipients(ctx.trx, id, input.recipientUnitIds, input.recipientUnitTypes);
  return { id };
}

export async function currentConsentText(db: Db | Tx, version?: number) {
  let query = db.selectFrom('consent_text').selectAll();
  query = version ? query.where('version', '=', version) : query.orderBy('version', 'desc').limit(1);
  return query.executeTakeFirst();
}

export async function consentTextIn(db: Db, lang: Language, version?: number) {
  const text = await currentConsentText(db, version);
  if (!text) throw notFound();
  return { version: text.version, title: text[`title_${lang}`], body: text[`body_${lang}`], publishedAt: text.published_at };
}

export async function listConsents(ctx: DataContext, personId: string) {
  await authorize(ctx, { action: 'consent.read', purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'consent', subject: { kind: 'person', id: personId } });
  const rows = await ctx.trx
    .selectFrom('consent as c')
    .innerJoin('consent_text as t', 't.id', 'c.consent_text_id')
    .leftJoin('staff_user as r', 'r.id', 'c.recorded_by')
    .leftJoin('staff_user as ws', 'ws.id', 'c.withdrawn_by_staff_id')
    .leftJoin('person as wp', 'wp.id', 'c.withdrawn_by_person_id')
    .select([
      'c.id', 'c.method', 'c.purposes', 'c.categories', 'c.child_welfare_matter', 'c.valid_from', 'c.valid_to', 'c.child_view',
      'c.recorded_at', 'c.withdrawn_at', 'c.withdrawal_note', 'c.document_name', 'c.awaiting_person_ids', 't.version as text_version', 'r.display_name as recorded_by_name',
      'ws.display_name as withdrawn_by_staff_name', 'wp.given_name as withdrawn_by_given_name', 'wp.family_name as withdrawn_by_family_name',
    ])
    .where('c.subject_id', '=', personId)
    .orderBy('c.recorded_at', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const givers = await ctx.trx
    .selectFrom('consent_giver as g')
    .innerJoin('person as p', 'p.id', 'g.person_id')
    .select(['g.consent_id', 'g.person_id', 'g.capacity', 'p.given_name', 'p.family_name'])
    .where('g.consent_id', 'in', ids)
    .execute();
  const recipients = await ctx.trx
    .selectFrom('consent_recipient as r')
    .leftJoin('service_unit as u', 'u.id', 'r.service_unit_id')
    .leftJoin('service_unit_type as t', 't.code', 'r.unit_type_code')
    .select(['r.consent_id', 'r.service_unit_id', 'r.unit_type_code', 'u.name as unit_name', `t.name_${ctx.lang} as type_name`])
    .where('r.consent_id', 'in', ids)
    .execute();
  const parts = await ctx.trx
    .selectFrom('consent_partial_withdrawal as w')
    .leftJoin('staff_user as s', 's.id', 'w.withdrawn_by_staff_id')
    .leftJoin('person as p', 'p.id', 'w.withdrawn_by_person_id')
    .select(['w.consent_id', 'w.withdrawn_at', 'w.recipient_unit_ids', 'w.recipient_unit_types', 'w.categories', 'w.note', 's.display_name', 'p.given_name', 'p.family_name'])
    .where('w.consent_id', 'in', ids)
    .orderBy('w.withdrawn_at')
    .execute();
  const partUnitIds = [...new Set(parts.flatMap((w) => w.recipient_unit_ids))];
  const partTypes = [...new Set(parts.flatMap((w) => w.recipient_unit_types))];
  const partUnits = partUnitIds.length ? await ctx.trx.selectFrom('service_unit').select(['id', 'name']).where('id', 'in', partUnitIds).execute() : [];
  const partTypeNames = partTypes.length ? await ctx.trx.selectFrom('service_unit_type').select(['code', `name_${ctx.lang} as name`]).where('code', 'in', partTypes).execute() : [];
  const awaitingIds = [...new Set(rows.flatMap((r) => r.awaiting_person_ids))];
  const awaitingNames = awaitingIds.length ? await ctx.trx.selectFrom('person').select(['id', 'given_name', 'family_name']).where('id', 'in', awaitingIds).execute() : [];
  // The givers and those a consent waits for are shown under the decision to read the consents.
  const purpose = ctx.principal?.kind === 'citizen' ? 'self_service' : 'consent';
  readPeople(ctx, [...givers.map((g) => g.person_id), ...awaitingIds], { action: 'consent.read', purpose, reason: 'consent_giver' });
  const now = ctx.services.clock.now();
  return rows.map((r) => ({
    id: r.id,
    state: consentState({ validFrom: r.valid_from, validTo: r.valid_to, withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at) : null, awaitingSignature: r.awaiting_person_ids.length > 0 }, now),
    awaiting: awaitingNames.filter((a) => r.awaiting_person_ids.includes(a.id)).map((a) => ({ personId: a.id, name: `${a.given_name} ${a.family_name}` })),
    awaitingYou: ctx.principal?.kind === 'citizen' && !r.withdrawn_at && r.awaiting_person_ids.includes(ctx.principal.personId),
    method: r.method, purposes: r.purposes, categories: r.categories, childWelfareMatter: r.child_welfare_matter,
    validFrom: r.valid_from, validTo: r.valid_to, childView: r.child_view, recordedAt: r.recorded_at, recordedBy: r.recorded_by_name,
    textVersion: r.text_version, documentName: r.document_name,
    withdrawnAt: r.withdrawn_at, withdrawalNote: r.withdrawal_note,
    withdrawnBy: r.withdrawn_by_staff_name ?? (r.withdrawn_by_given_name ? `${r.withdrawn_by_given_name} ${r.withdrawn_by_family_name}` : null),
    givers: givers.filter((g) => g.consent_id === r.id).map((g) => ({ personId: g.person_id, name: `${g.given_name} ${g.family_name}`, capacity: g.capacity })),
    recipients: recipients
      .filter((x) => x.consent_id === r.id)
      .map((x) => (x.service_unit_id ? { kind: 'unit' as const, id: x.service_unit_id, name: x.unit_name! } : { kind: 'type' as const, id: x.unit_type_code!, name: x.type_name! })),
    partialWithdrawals: parts.filter((w) => w.consent_id === r.id).map((w) => ({
      at: w.withdrawn_at,
      by: w.display_name ?? `${w.given_name ?? ''} ${w.family_name ?? ''}`.trim(),
      recipients: [
        ...w.recipient_unit_ids.map((id) => ({ kind: 'unit' as const, id, name: partUnits.find((u) => u.id === id)?.name ?? '' })),
        ...w.recipient_unit_types.map((code) => ({ kind: 'type' as const, id: code, name: partTypeNames.find((t) => t.code === code)?.name ?? code })),
      ],
      categories: w.categories,
      note: w.note,
    })),
  }));
}

/**
 * Withdraw a consent at once, wholly or partly. A part (some recipients, some categories) is taken
 * out of the consent and recorded in consent_partial_withdrawal; withdrawing every recipient or
 * every category withdraws the whole. The relay holder and every involved professional who loses
 * access to some or all of the case are told (without the child's name or what was withdrawn).
 */
export async function withdrawConsent(ctx: DataContext, consentId: string, input: WithdrawConsentInput) {
  // An unknown consent is refused exactly like one the user may not touch.
  await authorize(ctx, {
    action: 'consent.withdraw', purpose: ctx.principal?.kind === 'citizen' ? 'self_service' : 'consent',
    ...aboutPerson(await subjectOf(ctx, 'consent', consentId)), entity: { type: 'consent', id: consentId },
  });
  const consent = await ctx.trx.selectFrom('consent').select(['id', 'subject_id', 'withdrawn_at', 'categories']).where('id', '=', consentId).executeTakeFirst();
  if (!consent) throw notFound();
  if (consent.withdrawn_at) throw new AppError('CONFLICT', 'errors.consentAlreadyWithdrawn');
  const principal = ctx.principal!;
  const now = ctx.services.clock.now();
  const by = { withdrawn_by_person_id: principal.kind === 'citizen' ? principal.personId : null, withdrawn_by_staff_id: principal.kind === 'staff' ? principal.staffUserId : null };
  const before = await loadConsentsForAccess(ctx.trx, consent.subject_id);

  const recipients = await ctx.trx.selectFrom('consent_recipient').select(['id', 'service_unit_id', 'unit_type_code']).where('consent_id', '=', consentId).execute();
  const named = new Set(input.recipients);
  const takenRecipients = recipients.filter((r) => named.has(r.service_unit_id ?? r.unit_type_code ?? ''));
  if (takenRecipients.length !== named.size) throw invalidField('recipients', 'errors.consentPartNotInConsent');
  const takenCategories = [...new Set(input.categories)];
  if (takenCategories.some((c) => !consent.categories.includes(c))) throw invalidField('categories', 'errors.consentPartNotInConsent');
  const remainingCategories = consent.categories.filter((c) => !(takenCategories as string[]).includes(c));
  const partial = (takenRecipients.length > 0 || takenCategories.length > 0) && takenRecipients.length < recipients.length && remainingCategories.length > 0;

  if (partial) {
    await ctx.trx.insertInto('consent_partial_withdrawal').values({
      consent_id: consentId, withdrawn_at: now, ...by, note: input.note ?? null, categories: takenCategories,
      recipient_unit_ids: takenRecipients.flatMap((r) => (r.service_unit_id ? [r.service_unit_id] : [])),
      recipient_unit_types: takenRecipients.flatMap((r) => (r.unit_type_code ? [r.unit_type_code] : [])),
    }).execute();
    if (takenRecipients.length) await ctx.trx.deleteFrom('consent_recipient').where('id', 'in', takenRecipients.map((r) => r.id)).execute();
    if (takenCategories.length) await ctx.trx.updateTable('consent').set({ categories: remainingCategories }).where('id', '=', consentId).execute();
  } else {
    await ctx.trx
      .updateTable('consent')
      .set({ withdrawn_at: now, ...by, withdrawal_note: input.note ?? null })
      .where('id', '=', consentId)
      .where('withdrawn_at', 'is', null)
      .execute();
  }
  const after = await loadConsentsForAccess(ctx.trx, consent.subject_id);
  const lostAccess = await tellThoseAffected(ctx, consent.subject_id, before, after, now);
  return { id: consentId, state: partial ? 'active' as const : 'withdrawn' as const, lostAccess };
}

/**
 * After a withdrawal: each involved professional whose unit the consents no longer let see some of
 * the case is told they lost access; the relay holder, if they did not, that the family withdrew.
 * The one who withdrew is not told of their own act. Returns how many lost access.
 */
async function tellThoseAffected(ctx: DataContext, personId: string, before: ConsentForAccess[], after: ConsentForAccess[], now: Date): Promise<number> {
  const involved = await ctx.trx
    .selectFrom('involvement as i')
    .innerJoin('staff_user as s', 's.id', 'i.staff_user_id')
    .leftJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['s.id', 's.service_unit_id', 'u.type_code'])
    .where('i.person_id', '=', personId)
    .where('i.ended_at', 'is', null)
    .distinct()
    .execute();
  const holder = await ctx.trx.selectFrom('help_case').select('relay_holder_id').where('person_id', '=', personId).where('closed_at', 'is', null).executeTakeFirst();
  const actor = ctx.principal?.kind === 'staff' ? ctx.principal.staffUserId : null;
  const purposes = [...CONSENT_PURPOSES];
  let lost = 0;
  const told = new Set<string>();
  for (const staff of involved) {
    const unit = { id: staff.service_unit_id, typeCode: staff.type_code };
    const had = coveredCategories(before, unit, purposes, now);
    const has = coveredCategories(after, unit, purposes, now);
    if (![...had].some((c) => !has.has(c))) continue;
    lost += 1;
    if (staff.id === actor || told.has(staff.id)) continue;
    told.add(staff.id);
    await notify(ctx.trx, { recipient: { kind: 'staff', staffUserId: staff.id }, kind: 'consent.accessLost', subjectPersonId: personId, link: `/barn/${personId}` });
  }
  if (holder && holder.relay_holder_id !== actor && !told.has(holder.relay_holder_id)) {
    await notify(ctx.trx, { recipient: { kind: 'staff', staffUserId: holder.relay_holder_id }, kind: 'consent.withdrawn', subjectPersonId: personId, link: `/barn/${personId}` });
  }
  return lost;
}

export async function getConsentDocument(ctx: DataContext, consentId: string) {
  await authorize(ctx, {
    action: 'consent.read', purpose: 'consent', ...aboutPerson(await subjectOf(ctx, 'consent', consentId)),
    entity: { type: 'consent_document', id: consentId },
  });
  const consent = await ctx.trx.selectFrom('consent').select(['document', 'document_type', 'document_name']).where('id', '=', consentId).executeTakeFirst();
  if (!consent?.document) throw notFound();
  return { bytes: consent.document, type: consent.document_type!, name: consent.document_name ?? 'samtykke' };
}

export async function recordLegalBasis(ctx: DataContext, personId: string, basis: 'duty_to_report_child_welfare' | 'duty_to_avert', note: string) {
  // The access module answers first, for everyone: an unknown id, someone else's child and a
  // citizen get the same refusal, and each attempt is in the audit log.
  await authorize(ctx, { action: 'legalBasis.record', purpose: 'legal_duty', subject: { kind: 'person', id: personId } });
  const staff = requireStaff(ctx);
  const row = await ctx.trx.insertInto('legal_basis_invocation').values({ person_id: personId, basis, invoked_by: staff.staffUserId, note }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id };
}

/**
 * A consent given on the citizen pages, with one action: the signed-in citizen signs it. When the
 * municipality asks for every guardian with parental responsibility, the consent waits for the
 * others' signatures and is not in force until they have signed.
 */
export async function giveConsent(ctx: DataContext, personId: string, input: GiveConsentInput) {
  const citizen = requireCitizen(ctx);
  await authorize(ctx, { action: 'consent.give', purpose: 'self_service', subject: { kind: 'person', id: personId } });
  const { person, guardians } = await loadSubject(ctx.trx, personId);
  const today = osloDate(ctx.services.clock.now());
  if (input.validTo < today) throw invalidField('validTo', 'errors.consentValidToBeforeFrom');
  const settings = await loadConsentSettings(ctx.trx, person.municipality_id);
  const authority = consentAuthority({ id: person.id, kind: person.kind, birthDate: person.birth_date }, guardians, settings, false, today);
  if (authority.decides === 'guardians' && ageOn(person.birth_date, today) >= CHILD_VIEW_FROM_AGE && !input.childView) {
    throw invalidField('childView', 'errors.consentChildViewRequired');
  }
  await checkRecipients(ctx.trx, person.municipality_id, input.recipientUnitIds, input.recipientUnitTypes);
  const text = await currentConsentText(ctx.trx, input.consentTextVersion);
  if (!text) throw invalidField('consentTextVersion', 'errors.unknownConsentText');
  const awaiting = authority.decides === 'guardians' && authority.rule === 'all' ? authority.guardianIds.filter((g) => g !== citizen.personId) : [];
  const id = randomUUID();
  await ctx.trx.insertInto('consent').values({
    id, subject_id: person.id, consent_text_id: text.id, method: 'digital', purposes: [...new Set(input.purposes)], categories: [...new Set(input.categories)],
    valid_from: today, valid_to: input.validTo, child_view: input.childView ?? null, recorded_by: null, awaiting_person_ids: awaiting,
  }).execute();
  const capacity = authority.decides === 'self' ? 'self' : authority.decides === 'youth' ? 'youth' : 'guardian';
  await ctx.trx.insertInto('consent_giver').values({ consent_id: id, person_id: citizen.personId, capacity }).execute();
  await insertRecipients(ctx.trx, id, input.recipientUnitIds, input.recipientUnitTypes);
  return { id, awaiting: awaiting.length };
}

/** The other guardian signs a digital consent that waits for them; the last signature puts it in force. */
export async function signConsent(ctx: DataContext, consentId: string) {
  const citizen = requireCitizen(ctx);
  await authorize(ctx, { action: 'consent.sign', purpose: 'self_service', ...aboutPerson(await subjectOf(ctx, 'consent', consentId)), entity: { type: 'consent', id: consentId } });
  const consent = await ctx.trx.selectFrom('consent').select(['subject_id', 'awaiting_person_ids', 'withdrawn_at']).where('id', '=', consentId).executeTakeFirst();
  if (consent!.withdrawn_at) throw new AppError('CONFLICT', 'errors.consentAlreadyWithdrawn');
  await ctx.trx.updateTable('consent').set({ awaiting_person_ids: consent!.awaiting_person_ids.filter((p) => p !== citizen.personId) }).where('id', '=', consentId).execute();
  await ctx.trx.insertInto('consent_giver').values({ consent_id: consentId, person_id: citizen.personId, capacity: 'guardian' }).execute();
  return { id: consentId, awaiting: consent!.awaiting_person_ids.length - 1 };
}

/**
 * The common consent form filled in for one person (name, birth date, the guardians with parental
 * responsibility on the signature lines, valid from today), for the professional who may record
 * their consent. The national identity number is left for the family to write.
 */
export async function filledConsentForm(ctx: DataContext, personId: string, lang: Language) {
  await authorize(ctx, { action: 'consent.record', purpose: 'consent', subject: { kind: 'person', id: personId } });
  const person = await ctx.trx.selectFrom('person').select(['given_name', 'family_name', 'birth_date']).where('id', '=', personId).executeTakeFirstOrThrow();
  const parents = await parentsOf(ctx, personId);
  const guardians = parents.length ? await ctx.trx.selectFrom('person').select(['id', 'given_name', 'family_name'])
    .where('id', 'in', parents).orderBy('family_name').orderBy('given_name').execute() : [];
  // The guardians named on the signature lines are read too.
  readPeople(ctx, guardians.map((g) => g.id), { action: 'consent.record', purpose: 'consent', reason: 'consent_form_guardian' });
  // In the request's transaction: on PGlite's one connection a read beside it would wait for it forever.
  const text = await consentTextIn(ctx.trx, lang);
  return {
    text,
    filled: {
      name: `${person.given_name} ${person.family_name}`, birthDate: formatDate(person.birth_date), validFrom: formatDate(osloDate(ctx.services.clock.now())),
      guardians: guardians.map((g) => `${g.given_name} ${g.family_name}`),
    },
  };
}
