// The UI language: bokmål by default, nynorsk or English when the user picks it. The choice is kept
// in localStorage (and, through the session provider, in the server's language cookie so that
// error messages come back in the same language). Texts come from common/i18n, one language at a
// time: each language is its own chunk, loaded on demand, and a switch shows the new language only
// once its texts have arrived (until then the page stays in the old one).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { interpolate, type MessageKey, type MessageParams, type Messages } from '../../common/i18n/core.ts';
import type { Language } from '../../common/roles.ts';
import { setRequestLanguage } from './api.ts';
import { initialLanguage, loadMessages, readyMessages, storedLanguage, storeLanguage } from './messages.ts';

export { storedLanguage } from './messages.ts';

export interface I18n {
  lang: Language;
  /** True once the user has chosen a language on this device (not just the default). */
  chosen: boolean;
  /** Loads the language's texts, then shows the page in it. */
  setLang: (lang: Language) => Promise<void>;
  /** A fixed key, checked by the compiler. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** A key built at run time (a role, an action); the fallback is shown when no text exists. */
  tx: (key: string, fallback: string, params?: MessageParams) => string;
}

const I18nContext = createContext<I18n | null>(null);

interface Active {
  lang: Language;
  messages: Messages;
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [active, setActive] = useState<Active | null>(() => {
    const lang = initialLanguage();
    const messages = readyMessages.get(lang);
    return messages ? { lang, messages } : null;
  });
  const [chosen, setChosen] = useState<boolean>(() => storedLanguage() !== null);
  // Only the latest request wins when the user clicks two languages in quick succession.
  const latest = useRef<Language>(initialLanguage());

  useEffect(() => {
    const lang = latest.current;
    if (readyMessages.has(lang)) return;
    loadMessages(lang)
      .then((messages) => {
        if (latest.current === lang) setActive({ lang, messages });
      })
      // Without texts there is nothing to show; the chunk failed like the app's own script would.
      .catch((error: unknown) => console.error('Could not load the translations', error));
  }, []);

  useEffect(() => {
    if (active) document.documentElement.lang = active.lang;
  }, [active]);

  const setLang = useCallback(async (next: Language) => {
    latest.current = next;
    storeLanguage(next);
    setChosen(true);
    const messages = await loadMessages(next);
    if (latest.current !== next) return;
    setRequestLanguage(next);
    setActive({ lang: next, messages });
  }, []);

  const value = useMemo<I18n | null>(() => {
    if (!active) return null;
    const { lang, messages } = active;
    return {
      lang,
      chosen,
      setLang,
      t: (key, params) => interpolate(messages[key] ?? key, params),
      tx: (key, fallback, params) => (key in messages ? interpolate(messages[key]!, params) : fallback),
    };
  }, [active, chosen, setLang]);
  // main.tsx renders once the first language has arrived; should it have failed, the page stays empty until a retry succeeds.
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside LanguageProvider');
  return context;
}

/** The translation function for the current language. */
export function useT(): I18n['t'] {
  return useI18n().t;
}

/** Language names are shown in their own language, whatever the UI language is. */
export const LANGUAGE_NAMES: Record<Language, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };
