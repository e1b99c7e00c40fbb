// The annual report as a file: CSV (semicolon-separated, UTF-8 with BOM so spreadsheets read it) and
// PDF (pdfkit) for the political committees, in the reader's language. Both are written from the
// same answer as the screen, so a figure hidden there is hidden here too.
import PDFDocument from 'pdfkit';
import { translate } from '../../../common/i18n/index.ts';
import type { Language } from '../../../common/roles.ts';
import type { Cell } from '../../../common/suppression.ts';
import type { annualReport } from './report.ts';

type Report = Awaited<ReturnType<typeof annualReport>>;
type Unit = Report['rows'][number]['indicator']['unit'];

const LOCALE: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

function number(lang: Language, n: number, unit: Unit, signed = false): string {
  const text = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1, ...(signed ? { signDisplay: 'exceptZero' } : {}) }).format(n);
  return unit === 'share' ? `${text} %` : text;
}

/** A figure in words: the number, "fewer than 5", "hidden", or a dash for none. */
export function cellText(lang: Language, cell: Cell | null, unit: Unit): string {
  if (cell === null) return '–';
  if ('value' in cell) return number(lang, cell.value, unit);
  return 'fewerThan' in cell ? translate(lang, 'indicators.cell.fewerThan', { n: cell.fewerThan }) : translate(lang, 'indicators.cell.secondary');
}

function columns(lang: Language, report: Report) {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const yesNo = (b: boolean | null) => (b === null ? '–' : t(b ? 'indicators.report.yes' : 'indicators.report.no'));
  return {
    header: [t('indicators.report.what'), t('indicators.report.baseline'), t('indicators.report.target'), t('indicators.report.status'), t('indicators.report.changeFromBaseline'), t('indicators.report.changeFromPrevious'), t('indicators.report.targetMet')],
    rows: report.rows.map((r) => [
      r.indicator.name,
      `${number(lang, r.baseline.value, r.indicator.unit)} (${r.baseline.year})`,
      r.target ? number(lang, r.target.value, r.indicator.unit) : '–',
      cellText(lang, r.status, r.indicator.unit),
      r.changeFromBaseline === null ? '–' : number(lang, r.changeFromBaseline, r.indicator.unit, true),
      r.changeFromPrevious === null ? '–' : number(lang, r.changeFromPrevious, r.indicator.unit, true),
      yesNo(r.targetMet),
    ]),
  };
}

// A name that starts like a formula is kept as text (a leading '), so a spreadsheet never runs it;
// a signed number ("+10", "-3,5 %") is a number, not a formula.
const NUMBER = /^[+-]?[\d\s.,]+( %)?$/;
const csvField = (v: string) => {
  const text = /^[=+\-@\t]/.test(v) && !NUMBER.test(v) ? `'${v}` : v;
  return /[";\n\r]/.test(text) || text !== v ? `"${text.replace(/"/g, '""')}"` : text;
};

export function reportCsv(lang: Language, report: Report): string {
  const { header, rows } = columns(lang, report);
  const breakdown = report.rows.flatMap((r) => r.breakdown.map((b) => [`${r.indicator.name}: ${b.name}`, '', '', cellText(lang, b.value, r.indicator.unit), '', '', '']));
  return `\uFEFF${[header, ...rows, ...breakdown].map((line) => line.map(csvField).join(';')).join('\r\n')}\r\n`;
}

const TREND = { width: 240, height: 130, gap: 21 };

/**
 * Each indicator's trend as a small line drawing, three to a row: the same figures as the screen's
 * chart (a hidden year is a gap), with the baseline dashed and the target dotted.
 */
function trends(doc: PDFKit.PDFDocument, lang: Language, report: Report) {
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  doc.moveDown(0.5).font('Helvetica').fontSize(8).fillColor('#444').text(translate(lang, 'indicators.report.chartLegend')).fillColor('black').moveDown(0.3);
  let top = doc.y;
  report.rows.forEach((r, i) => {
    const column = i % 3;
    if (column === 0 && i > 0) top += TREND.height + TREND.gap;
    if (top + TREND.height > bottom()) {
      doc.addPage();
      top = doc.page.margins.top;
    }
    const x0 = left + column * (TREND.width + TREND.gap);
    const points = r.trend.map((p) => ({ year: p.year, value: p.value && 'value' in p.value ? p.value.value : null }));
    const values = [r.baseline.value, ...(r.target ? [r.target.value] : []), ...points.flatMap((p) => (p.value === null ? [] : [p.value]))];
    let low = Math.min(...values);
    let high = Math.max(...values);
    if (high === low) { high += 1; low = Math.max(0, low - 1); }
    doc.font('Helvetica-Bold').fontSize(8).fillColor('black').text(r.indicator.name, x0, top, { width: TREND.width, height: 20, ellipsis: true });
    const plot = { x: x0 + 34, y: top + 22, w: TREND.width - 44, h: TREND.height - 40 };
    const xAt = (k: number) => plot.x + (points.length === 1 ? plot.w / 2 : (k * plot.w) / (points.length - 1));
    const yAt = (v: number) => plot.y + plot.h - ((v - low) / (high - low)) * plot.h;
    doc.lineWidth(0.5).strokeColor('#888').moveTo(plot.x, plot.y).lineTo(plot.x, plot.y + plot.h).lineTo(plot.x + plot.w, plot.y + plot.h).stroke();
    doc.font('Helvetica').fontSize(7).fillColor('#444');
    for (const v of [low, high]) doc.text(number(lang, Math.round(v * 10) / 10, r.indicator.unit), x0, yAt(v) - 3, { width: 30, align: 'right' });
    points.forEach((p, k) => doc.text(String(p.year), xAt(k) - 15, plot.y + plot.h + 3, { width: 30, align: 'center' }));
    doc.strokeColor('#666').dash(3, { space: 3 }).moveTo(plot.x, yAt(r.baseline.value)).lineTo(plot.x + plot.w, yAt(r.baseline.value)).stroke().undash();
    if (r.target) doc.strokeColor('#06893a').dash(1, { space: 2 }).moveTo(plot.x, yAt(r.target.value)).lineTo(plot.x + plot.w, yAt(r.target.value)).stroke().undash();
    doc.lineWidth(1.5).strokeColor('#0062ba');
    let drawing = false;
    points.forEach((p, k) => {
      if (p.value === null) { drawing = false; return; }
      if (drawing) doc.lineTo(xAt(k), yAt(p.value));
      else doc.moveTo(xAt(k), yAt(p.value));
      drawing = true;
    });
    doc.stroke();
    for (const [k, p] of points.entries()) if (p.value !== null) doc.circle(xAt(k), yAt(p.value), 2).fillColor('#0062ba').fill();
    doc.fillColor('black').strokeColor('black').lineWidth(1);
  });
  doc.x = left;
  doc.y = top + TREND.height + TREND.gap;
  if (doc.y > bottom() - 30) doc.addPage();
}

export function reportPdf(lang: Language, report: Report, municipalityName: string): Promise<Buffer> {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
  const title = report.team ? t('indicators.report.titleTeam', { year: report.year, team: report.team.name }) : t('indicators.report.title', { year: report.year });
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 40, info: { Title: title, Author: 'Sammen' }, lang: lang === 'en' ? 'en' : 'no' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(16).text(title);
  doc.font('Helvetica').fontSize(9).text(municipalityName).fillColor('#444').text(t('indicators.report.suppressionNote', { n: report.suppressionThreshold })).fillColor('black').moveDown(0.6);
  const { header, rows } = columns(lang, report);
  const widths = [250, 90, 60, 80, 90, 90, 60];
  const line = (cells: string[], bold: boolean) => {
    const y = doc.y;
    let x = doc.page.margins.left;
    let height = 0;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((c, i) => {
      height = Math.max(height, doc.heightOfString(c, { width: widths[i]! - 6 }));
      doc.text(c, x, y, { width: widths[i]! - 6 });
      x += widths[i]!;
    });
    doc.x = doc.page.margins.left;
    doc.y = y + height + 4;
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
  };
  line(header, true);
  for (const r of rows) line(r, false);
  trends(doc, lang, report);
  for (const r of report.rows.filter((x) => x.breakdown.length)) {
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).text(r.indicator.name).font('Helvetica').fontSize(9);
    for (const b of r.breakdown) doc.text(`${b.name}: ${cellText(lang, b.value, r.indicator.unit)}`);
  }
  doc.end();
  return done;
}
