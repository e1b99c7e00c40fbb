// A simple text document as a PDF (pdfkit): a title, headings and lines in the reader's language.
// The plan and the relay log print with it, so every transition's papers look alike (seed 004).
import PDFDocument from 'pdfkit';
import type { Language } from '../../common/roles.ts';

export interface TextPdf {
  doc: PDFKit.PDFDocument;
  title(text: string): void;
  heading(text: string): void;
  line(text: string): void;
  small(text: string): void;
  /** Ends the document; resolves with its bytes. */
  finish(): Promise<Buffer>;
}

export function textPdf(lang: Language, title: string): TextPdf {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Author: 'Sammen' }, lang: lang === 'en' ? 'en' : 'no' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  return {
    doc,
    title: (text) => void doc.font('Helvetica-Bold').fontSize(18).text(text).moveDown(0.3),
    heading: (text) => void doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.2),
    line: (text) => void doc.font('Helvetica').fontSize(11).text(text).moveDown(0.2),
    small: (text) => void doc.font('Helvetica').fontSize(9).text(text).moveDown(0.4),
    finish: () => {
      doc.end();
      return done;
    },
  };
}
