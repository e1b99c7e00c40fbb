// The minutes of a team meeting as a PDF in the reader's language: the common template (background,
// the child's view, the family's view, the services' assessments, decisions) and the action plan.
import PDFDocument from 'pdfkit';
import { formatDate, formatDateTime, translate } from '../../../common/i18n/index.ts';
import type { Language } from '../../../common/roles.ts';

export interface MinutesDocument {
  teamName: string;
  childName: string | null;
  topic: string | null;
  startsAt: Date;
  place: string;
  chair: string;
  participants: string[];
  sections: { key: 'background' | 'childView' | 'familyView' | 'assessments' | 'decisions'; text: string | null }[];
  actionItems: { what: string; owner: string; unit: string | null; dueOn: string }[];
}

export function renderMinutes(lang: Language, m: MinutesDocument): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string>) => translate(lang, key, params);
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: t('meetings.pdf.title'), Author: 'Sammen' }, lang: lang === 'en' ? 'en' : 'no' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const heading = (label: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(label).font('Helvetica').fontSize(10).moveDown(0.2);

  doc.font('Helvetica-Bold').fontSize(18).text(t('meetings.pdf.title'));
  doc.font('Helvetica').fontSize(10).moveDown(0.3);
  doc.text(m.teamName);
  if (m.childName) doc.text(t('meetings.pdf.concerns', { name: m.childName }));
  if (m.topic) doc.text(m.topic);
  doc.text(t('meetings.pdf.when', { when: formatDateTime(m.startsAt), place: m.place }));
  doc.text(t('meetings.pdf.chair', { name: m.chair }));
  doc.text(t('meetings.pdf.participants', { names: m.participants.join(', ') }));
  for (const s of m.sections) {
    heading(t(`meetings.ui.${s.key}`));
    doc.text(s.text?.trim() ? s.text : '–');
  }
  heading(t('meetings.ui.actionPlan'));
  m.actionItems.forEach((item, i) => {
    doc.text(`${i + 1}. ${item.what}`);
    doc.fillColor('#444').text(`   ${t('meetings.pdf.itemLine', { owner: item.unit ? `${item.owner}, ${item.unit}` : item.owner, due: formatDate(item.dueOn) })}`).fillColor('black');
  });
  doc.end();
  return done;
}
