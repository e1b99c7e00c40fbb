// A figure the server has already suppressed (common/suppression.ts) in words: the number in the
// user's language, "fewer than 5" or "hidden". The web never decides what to hide.
import type { Cell } from '../../../common/contracts/shared.ts';
import { useI18n } from '../i18n.tsx';

export type { Cell };

export function useFigures() {
  const { t, lang } = useI18n();
  const locale = lang === 'en' ? 'en-GB' : 'nb-NO';
  const hidden = (cell: Exclude<Cell, { value: number }>) => ('fewerThan' in cell ? t('indicators.cell.fewerThan', { n: cell.fewerThan }) : t('indicators.cell.secondary'));
  const shown = (cell: Cell | null, format: (n: number) => string) => (cell === null ? '–' : 'value' in cell ? format(cell.value) : hidden(cell));
  return {
    count: (cell: Cell | null) => shown(cell, (n) => new Intl.NumberFormat(locale).format(n)),
    percent: (cell: Cell | null) => shown(cell, (n) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(n)),
    decimal: (cell: Cell | null) => shown(cell, (n) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n)),
  };
}
