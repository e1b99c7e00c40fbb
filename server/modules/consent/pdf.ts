// The common consent form as a printable PDF, in the reader's language: the text of the version,
// then fields to fill in by hand (purposes, recipients, kinds of information, period, signatures).
import PDFDocument from 'pdfkit';
import { translate } from '../../../common/i18n/index.ts';
import type { Language } from '../../../common/roles.ts';
import { CONSENT_CATEGORIES, CONSENT_PURPOSES } from './rules.ts';

export interface ConsentFormText {
  version: number;
  title: string;
  body: string;
}

/** What is known before the form is signed: who it concerns, their guardians, from when it applies. */
export interface ConsentFormFilled {
  name: string;
  birthDate: string;
  validFrom: string;
  /** Guardians with parental responsibility, one per signature line; empty when the person decides alone. */
  guardians: string[];
}

export function renderConsentForm(lang: Language, text: ConsentFormText, filled?: ConsentFormFilled): Promise<Buffer> {
  const t = (key: string) => translate(lang, key);
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: text.title, Author: 'Sammen' }, lang: lang === 'en' ? 'en' : 'no' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const box = (label: string) => {
    const y = doc.y;
    doc.rect(doc.x, y + 2, 9, 9).stroke();
    doc.text(label, doc.x + 16, y, { width: 460 });
    doc.x -= 16;
    doc.moveDown(0.3);
  };
  // A line to write on; with a value known already it is printed on the line.
  const line = (label: string, value?: string) => {
    doc.moveDown(0.6);
    if (value) doc.text(`${label}: `, { continued: true }).font('Helvetica-Bold').text(value).font('Helvetica');
    else doc.text(`${label}:`, { continued: false });
    doc.moveTo(doc.x, doc.y + 14).lineTo(doc.x + 480, doc.y + 14).stroke();
    doc.moveDown(1.2);
  };
  const heading = (label: string) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(label).font('Helvetica').fontSize(10).moveDown(0.3);
  };

  doc.font('Helvetica-Bold').fontSize(18).text(text.title);
  doc.font('Helvetica').fontSize(9).fillColor('#444').text(`${t('domain.consentForm.version')} ${text.version}`).fillColor('black');
  doc.moveDown().fontSize(10);
  for (const paragraph of text.body.split('\n\n')) doc.text(paragraph, { align: 'left' }).moveDown(0.5);

  heading(t('domain.consentForm.concerns'));
  line(t('domain.consentForm.name'), filled?.name);
  line(t('domain.consentForm.birthDate'), filled?.birthDate);
  heading(t('domain.consentForm.purposes'));
  for (const p of CONSENT_PURPOSES) box(t(`domain.consentPurpose.${p}`));
  heading(t('domain.consentForm.recipients'));
  line(t('domain.consentForm.recipientServices'));
  heading(t('domain.consentForm.categories'));
  for (const c of CONSENT_CATEGORIES) box(t(`domain.consentCategory.${c}`));
  heading(t('domain.consentForm.period'));
  line(t('domain.consentForm.validFrom'), filled?.validFrom);
  line(t('domain.consentForm.validTo'));
  heading(t('domain.consentForm.childView'));
  line(t('domain.consentForm.childViewLine'));
  heading(t('domain.consentForm.signatures'));
  line(t('domain.consentForm.signatureGuardian1'), filled?.guardians[0]);
  line(t('domain.consentForm.signatureGuardian2'), filled?.guardians[1]);
  line(t('domain.consentForm.signatureYouth'));
  line(t('domain.consentForm.placeDate'));
  doc.end();
  return done;
}
