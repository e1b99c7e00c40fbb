// The report of a system-level team's meeting as a PDF, in the reader's language: the topic, when and
// where, who took part (staff only), the minutes (background, assessments, decisions) and the
// action plan. It holds no personal data about children or families; the form refused it.
import PDFDocument from 'pdfkit';
import { formatDate, formatDateTime, translate } from '../../../common/i18n/index.ts';
import type { Language } from '../../../common/roles.ts';

export interface SystemReport {
  municipalityName: string;
  teamName: string;
  topic: string;
  startsAt: Date;
  place: string;
  chair: string;
  participants: string[];
  background: string | null;
  assessments: string | null;
  decisions: string | null;
  actionItems: { what: string; owner: string; unit: string | null; dueOn: string }[];
  closedAt: Date | null;
}

export function renderSystemReport(lang: Language, r: SystemReport): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string>) => translate(lang, key, params);
  const title = t('teams.sys.pdf.title', { team: r.teamName });
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Author: 'Sammen' }, lang: lang === 'en' ? 'en' : 'no' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const heading = (label: string) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(label).font('Helvetica').fontSize(10).moveDown(0.2);

  doc.font('Helvetica-Bold').fontSize(18).text(title);
  doc.font('Helvetica').fontSize(10).moveDown(0.3);
  doc.text(r.municipalityName);
  doc.font('Helvetica-Bold').text(r.topic).font('Helvetica');
  doc.text(t('teams.sys.pdf.when', { when: formatDateTime(r.startsAt), place: r.place }));
  doc.text(t('teams.sys.pdf.chair', { name: r.chair }));
  doc.text(t('teams.sys.pdf.participants', { names: r.participants.join(', ') }));
  doc.fillColor('#444').text(t('teams.sys.pdf.noPersonalData')).fillColor('black');
  for (const [key, text] of [['teams.sys.background', r.background], ['teams.sys.assessments', r.assessments], ['teams.sys.decisions', r.decisions]] as const) {
    heading(t(key));
    doc.text(text?.trim() ? text : '–');
  }
  heading(t('teams.sys.actionPlan'));
  r.actionItems.forEach((item, i) => {
    doc.text(`${i + 1}. ${item.what}`);
    const owner = item.unit ? `${item.owner}, ${item.unit}` : item.owner;
    doc.fillColor('#444').text(`   ${t('teams.sys.pdf.itemLine', { owner, due: formatDate(item.dueOn) })}`).fillColor('black');
  });
  if (r.closedAt) doc.moveDown().fontSize(9).fillColor('#444').text(t('teams.sys.pdf.closed', { when: formatDateTime(r.closedAt) })).fillColor('black');
  doc.end();
  return done;
}
