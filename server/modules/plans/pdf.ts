// The individual plan as a PDF in the reader's language: for the family's own copy and for every
// transition, where the plan goes with the child (seed 004).
import { textPdf } from '../../infra/pdf.ts';
import { formatDate, translate } from '../../../common/i18n/index.ts';
import type { Language } from '../../../common/roles.ts';
import type { PlanView } from '../../../common/contracts/plans.ts';

export interface PlanPdfInput {
  person: { name: string; birthDate: string };
  coordinator: { display_name: string; email: string; phone: string | null; unit_name: string | null } | null;
  plan: Omit<PlanView, 'createdAt' | 'goals' | 'comments' | 'history' | 'confirmed' | 'meetings' | 'afterCare'> & {
    afterCare: { startsOn: string; endsOn: string }[];
    goals: { whose: string; text: string; status: string; author: { name: string } }[];
    confirmed: { version: number; at: Date | string; by: string } | null;
  };
  printedOn: string;
}

export function renderPlanPdf(lang: Language, input: PlanPdfInput): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, `plans.${key}`, params);
  const { title, heading, line, small, finish } = textPdf(lang, t('pdf.title'));
  const { plan } = input;
  title(t('pdf.title'));
  line(`${input.person.name} (${formatDate(input.person.birthDate)})`);
  small(t('pdf.version', { version: plan.version, date: formatDate(input.printedOn) }));
  heading(t('coordinator'));
  line(input.coordinator ? [input.coordinator.display_name, input.coordinator.unit_name, input.coordinator.phone, input.coordinator.email].filter(Boolean).join(', ') : t('noCoordinator'));
  // After-care goes with the plan on paper too, so the adult services see when it ends.
  if (plan.afterCare.length) {
    heading(t('ui.afterCare.heading'));
    for (const a of plan.afterCare) line(t('ui.afterCare.period', { from: formatDate(a.startsOn), to: formatDate(a.endsOn) }));
  }
  heading(t('fromLog'));
  if (plan.logItems.length === 0) line(t('nothingYet'));
  for (const item of plan.logItems) {
    const dates = item.kind === 'measure' && item.startsOn && item.evaluateOn ? ` (${formatDate(item.startsOn)}–${formatDate(item.evaluateOn)})` : '';
    const who = item.responsible ? `, ${t('responsible')}: ${item.responsible.name}` : '';
    line(`${t(`logKind.${item.kind}`)}: ${item.title}${dates}${who}`);
  }
  heading(t('ownGoals'));
  if (plan.goals.length === 0) line(t('nothingYet'));
  for (const g of plan.goals) line(`${t(`whose.${g.whose}`)}: «${g.text}» (${t(`goalStatus.${g.status}`)})`);
  heading(t('contributions'));
  if (plan.contributions.length === 0) line(t('nothingYet'));
  for (const c of plan.contributions) line(`${c.description}: ${c.responsible.name}${c.responsible.unitName ? `, ${c.responsible.unitName}` : ''}, ${formatDate(c.startsOn)}–${c.endsOn ? formatDate(c.endsOn) : ''}`);
  heading(t('evaluations'));
  if (plan.evaluations.length === 0) line(t('nothingYet'));
  for (const e of plan.evaluations) line(formatDate(e.dueOn));
  heading(t('confirmation'));
  line(plan.confirmed ? t('confirmedBy', { name: plan.confirmed.by, date: formatDate(plan.confirmed.at), version: plan.confirmed.version }) : t('notConfirmed'));
  return finish();
}
