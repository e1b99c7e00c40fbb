// A report as a PDF in the reader's language: what the reporter wrote, under the report's headings.
import PDFDocument from 'pdfkit';
import { formatDate, formatDateTime, translate } from '../../../common/i18n/index.ts';
import type { Language } from '../../../common/roles.ts';
import type { reportView } from './view.ts';

export function renderReportPdf(lang: Language, r: ReturnType<typeof reportView>): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, `reports.${key}`, params);
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: t('pdf.title', { reference: r.reference }), Author: 'Sammen' }, lang: lang === 'en' ? 'en' : 'no' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const field = (label: string, value: string | null | undefined) => {
    if (!value) return;
    doc.font('Helvetica-Bold').fontSize(10).text(label);
    doc.font('Helvetica').fontSize(11).text(value).moveDown(0.6);
  };
  doc.font('Helvetica-Bold').fontSize(16).text(t('pdf.title', { reference: r.reference })).moveDown(0.3);
  doc.font('Helvetica').fontSize(10).text(t('pdf.received', { at: formatDateTime(r.receivedAt) })).moveDown(0.3);
  doc.text(t(`legalBasis.${r.legalBasis}`)).moveDown(1);
  if (r.urgent) field(t('form.urgency'), t('form.urgent'));
  field(t('form.child'), `${r.child.name} (${formatDate(r.child.birthDate)})`);
  field(t('form.guardians'), r.guardians.map((g) => g.name).join(', '));
  field(t('form.reporter'), [r.reporter.name, r.reporter.role, r.reporter.unitName, r.reporter.phone, r.reporter.email].filter(Boolean).join(', '));
  field(t('form.observedOn'), formatDate(r.observedOn));
  field(t('form.description'), r.description);
  field(t('form.history'), r.history);
  field(t('form.tried'), r.tried);
  field(t('form.childWords'), r.childWords);
  field(t('form.otherServices'), r.otherServices);
  field(t('form.interpreter'), r.interpreter);
  field(t('form.familyTold'), r.familyTold ? t('form.familyToldYes') : `${t('form.familyToldNo')}: ${r.notToldReason ?? ''}`);
  doc.end();
  return done;
}
