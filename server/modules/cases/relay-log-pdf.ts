// The relay log (stafettlogg) as a PDF in the reader's language, as far as the reader's consent
// reaches: seed 004 asks for a PDF at every transition, so the log goes along in print as the plan does.
import { formatDate, formatDateTime, translate } from '../../../common/i18n/index.ts';
import type { Language } from '../../../common/roles.ts';
import { textPdf } from '../../infra/pdf.ts';

export interface RelayLogPdfInput {
  person: { name: string; birthDate: string };
  level: number | null;
  holder: string | null;
  involved: { name: string; unitName: string | null }[];
  /** Oldest first. */
  entries: {
    kind: string; category: string; title: string; body: string; responsible: string | null; startsOn: string | null; evaluateOn: string | null;
    outcome: string | null; familyView: string | null; childView: string | null; author: string; writtenAt: Date | string;
  }[];
  hiddenEntries: number;
  printedOn: string;
}

export function renderRelayLogPdf(lang: Language, input: RelayLogPdfInput): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
  const { title, heading, line, small, finish } = textPdf(lang, t('cases.pdf.title'));
  title(t('cases.pdf.title'));
  line(`${input.person.name} (${formatDate(input.person.birthDate)})`);
  small(t('cases.pdf.printed', { date: formatDate(input.printedOn) }));
  if (input.level !== null) line(`${t('cases.ui.level')}: ${input.level}`);
  if (input.holder) line(`${t('cases.ui.relayHolder')}: ${input.holder}`);
  if (input.involved.length) line(`${t('cases.pdf.involved')}: ${input.involved.map((i) => [i.name, i.unitName].filter(Boolean).join(', ')).join('; ')}`);
  heading(t('cases.pdf.entries'));
  if (input.entries.length === 0) line(t('cases.pdf.noEntries'));
  for (const e of input.entries) {
    line(`${t(`cases.ui.kind.${e.kind}`)} (${t(`domain.consentCategory.${e.category}`)}): ${e.title}`);
    if (e.body) line(e.body);
    const details = [
      e.responsible ? `${t('cases.pdf.responsible')}: ${e.responsible}` : null,
      e.startsOn ? `${t('cases.pdf.starts')}: ${formatDate(e.startsOn)}` : null,
      e.evaluateOn ? `${t('cases.pdf.evaluate')}: ${formatDate(e.evaluateOn)}` : null,
      e.outcome ? `${t('cases.ui.outcome')}: ${t(`cases.ui.outcome.${e.outcome}`)}` : null,
    ].filter(Boolean);
    if (details.length) small(details.join(' · '));
    if (e.childView) small(`${t('cases.pdf.childView')}: ${e.childView}`);
    if (e.familyView) small(`${t('cases.pdf.familyView')}: ${e.familyView}`);
    small(`${e.author}, ${formatDateTime(e.writtenAt)}`);
  }
  if (input.hiddenEntries > 0) small(t('cases.pdf.hidden', { count: input.hiddenEntries }));
  return finish();
}
