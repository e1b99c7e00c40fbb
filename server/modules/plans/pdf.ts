// The individual plan as a PDF in the reader's language: for the family's own copy and for every
// transition, where the plan goes with the child (seed 004).
import PDFDocument from 'pdfkit';
import { formatDate, translate } from '../../../common/i18n/index.ts';
import type { Language } from '../../../common/roles.ts';
import type { PlanView } from '../../../common/contracts/plans.ts';

export interface PlanPdfInput {
  person: { name: string; birthDate: string };
  coordinator: { display_name: string; email: string; phone: string | null; unit_name: string | null } | null;
  plan: Omit<PlanView, 'createdAt' | 'goals' | 'comments' | 'history' | 'confirmed'> & {
    goals: { whose: string; text: string; status: string; author: { name: string } }[];
    confirmed: { version: number; at: Date | string; by: string } | null;
  };
  printedOn: string;
}

export function renderPlanPdf(lang: Language, input: PlanPdfInput): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, `plans.${key}`, params);
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: t('pdf.title'), Author: 'Sammen' }, lang: lang === 'en' ? 'en' : 'no' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const heading = (text: string) => doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.2);
  const line = (text: string) => doc.font('Helvetica').fontSize(11).text(text).moveDown(0.2);
  const { plan } = input;
  doc.font('Helvetica-Bold').fontSize(18).text(t('pdf.title')).moveDown(0.3);
  line(`${input.person.name} (${formatDate(input.person.birthDate)})`);
  doc.font('Helvetica').fontSize(9).text(t('pdf.version', { version: plan.version, date: formatDate(input.printedOn) })).moveDown(0.4);
  heading(t('coordinator'));
  line(input.coordinator ? [input.coordinator.display_name, input.coordinator.unit_name, input.coordinator.phone, input.coordinator.email].filter(Boolean).join(', ') : t('noCoordinator'));
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
  doc.end();
  return done;
}
