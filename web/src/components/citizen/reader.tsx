// Who reads a person's page on Min side, so a text deep inside a section can address them: the
// person themself (a youth, a pregnant woman: "du") or a parent reading about a child, who reads the
// child's first name where the staff's text says "barnet". Given once, by the person page, from the
// server's answer (`citizen.reader`); outside Min side there is no reader and staff texts are used.
import { createContext, useContext } from 'react';
import type { useI18n } from '../../i18n.tsx';

export interface PageReader {
  self: boolean;
  /** The first name of the person the page is about. */
  name: string;
}

const ReaderContext = createContext<PageReader | null>(null);

export const PageReaderProvider = ReaderContext.Provider;

export function usePageReader(): PageReader | null {
  return useContext(ReaderContext);
}

/** "Barnets egen mening" as the reader reads it: "Det du selv mener", "Det Emma selv mener", or the staff's words. */
export function childViewLabel(t: ReturnType<typeof useI18n>['t'], reader: PageReader | null, staffLabel: string): string {
  if (!reader) return staffLabel;
  return reader.self ? t('ui.consent.childViewSelf') : t('ui.consent.childViewNamed', { name: reader.name });
}
