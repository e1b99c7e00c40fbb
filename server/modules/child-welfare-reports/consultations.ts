// Anonymous consultation with the child-welfare intake (anonym drøfting): a professional describes
// the situation and the child's age, never an identity; the intake answers in the thread with
// advice, "send a report" or "not a child-welfare matter". Counted by the asker's service type.
import type { DataContext } from '../../infra/http/context.ts';
import { requireStaff } from '../../infra/http/context.ts';
import { abilitiesOf, authorize } from '../access/access.ts';
import { isChildWelfareIntake } from '../access/policies/child-welfare.ts';
import { notify, notifyAll, type NotificationInput } from '../notifications/service.ts';
import { intakeStaff } from './service.ts';

const entityOf = (id: string) => ({ type: 'child_welfare_consultation', id });
const LINK = '/barnevern/drofting';

export async function ask(ctx: DataContext, input: { ageYears: number; situation: string }) {
  await authorize(ctx, { action: 'cwConsultation.create', purpose: 'legal_duty' });
  const me = requireStaff(ctx);
  const row = await ctx.trx.insertInto('child_welfare_consultation').values({
    municipality_id: me.municipalityId, asked_by: me.staffUserId, asker_unit_id: me.serviceUnitId, age_years: input.ageYears, situation: input.situation, created_at: ctx.services.clock.now(),
  }).returning('id').executeTakeFirstOrThrow();
  await notifyAll(ctx.trx, (await intakeStaff(ctx.trx, me.municipalityId)).map((staffUserId): NotificationInput => ({ recipient: { kind: 'staff', staffUserId }, kind: 'cwConsultation.asked', link: LINK })));
  return { id: row.id };
}

function consultations(ctx: DataContext) {
  return ctx.trx.selectFrom('child_welfare_consultation as c')
    .innerJoin('staff_user as s', 's.id', 'c.asked_by')
    .leftJoin('service_unit as u', 'u.id', 'c.asker_unit_id')
    .select(['c.id', 'c.age_years', 'c.situation', 'c.outcome', 'c.created_at', 'c.asked_by', 's.display_name as asker_name', 'u.name as unit_name', 'u.type_code as unit_type']);
}

type Row = Awaited<ReturnType<ReturnType<typeof consultations>['executeTakeFirstOrThrow']>>;
const view = (c: Row) => ({
  id: c.id, ageYears: c.age_years, situation: c.situation, outcome: c.outcome, createdAt: c.created_at,
  asker: { id: c.asked_by, name: c.asker_name, unitName: c.unit_name, unitType: c.unit_type },
});

export async function list(ctx: DataContext) {
  await authorize(ctx, { action: 'cwConsultation.list', purpose: 'legal_duty' });
  const me = requireStaff(ctx);
  let query = consultations(ctx).where('c.municipality_id', '=', me.municipalityId);
  if (!isChildWelfareIntake(me)) query = query.where('c.asked_by', '=', me.staffUserId);
  const rows = await query.orderBy('c.created_at', 'desc').orderBy('c.id').limit(200).execute();
  // The intake answers the threads; everyone else who may consult asks.
  const abilities = await abilitiesOf(ctx, { purpose: 'legal_duty' }, { ask: 'cwConsultation.create' });
  return { items: rows.map(view), abilities: { ask: abilities.ask && !isChildWelfareIntake(me), answer: isChildWelfareIntake(me) } };
}

export async function thread(ctx: DataContext, consultationId: string) {
  await authorize(ctx, { action: 'cwConsultation.read', purpose: 'legal_duty', entity: entityOf(consultationId) });
  const c = await consultations(ctx).where('c.id', '=', consultationId).executeTakeFirstOrThrow();
  const messages = await ctx.trx.selectFrom('child_welfare_consultation_message as m').innerJoin('staff_user as s', 's.id', 'm.author_staff_id')
    .select(['m.id', 'm.body', 'm.written_at', 's.display_name']).where('m.consultation_id', '=', consultationId).orderBy('m.written_at').orderBy('m.id').execute();
  return { ...view(c), messages: messages.map((m) => ({ id: m.id, body: m.body, writtenAt: m.written_at, authorName: m.display_name })) };
}

export async function answer(ctx: DataContext, consultationId: string, input: { body: string; outcome?: 'advice' | 'send_report' | 'not_child_welfare' | undefined }) {
  await authorize(ctx, { action: 'cwConsultation.answer', purpose: 'legal_duty', entity: entityOf(consultationId) });
  const me = requireStaff(ctx);
  const row = await ctx.trx.insertInto('child_welfare_consultation_message')
    .values({ consultation_id: consultationId, author_staff_id: me.staffUserId, body: input.body, written_at: ctx.services.clock.now() })
    .returning('id').executeTakeFirstOrThrow();
  if (input.outcome) await ctx.trx.updateTable('child_welfare_consultation').set({ outcome: input.outcome }).where('id', '=', consultationId).execute();
  const c = await ctx.trx.selectFrom('child_welfare_consultation').select('asked_by').where('id', '=', consultationId).executeTakeFirstOrThrow();
  await notify(ctx.trx, { recipient: { kind: 'staff', staffUserId: c.asked_by }, kind: 'cwConsultation.answered', link: LINK });
  return { id: row.id };
}
