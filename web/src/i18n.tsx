// The UI language: bokmål by default, nynorsk or English when the user picks it. The choice is kept
// in localStorage (and, through the session provider, in the server's language cookie so that
// error messages come back in the same language). Texts come from common/i18n.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { messages, translate, type MessageKey, type MessageParams } from '../../common/i18n/index.ts';
import { isLanguage, type Language } from '../../common/roles.ts';

const STORAGE_KEY = 'sammen_lang';

export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function storeLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

export interface I18n {
  lang: Language;
  /** True once the user has chosen a language on this device (not just the default). */
  chosen: boolean;
  setLang: (lang: Language) => void;
  /** A fixed key, checked by the compiler. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** A key built at run time (a role, an action); the fallback is shown when no text exists. */
  tx: (key: string, fallback: string, params?: MessageParams) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(() => storedLanguage() ?? 'nb');
  const [chosen, setChosen] = useState<boolean>(() => storedLanguage() !== null);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    storeLanguage(next);
    setChosen(true);
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      lang,
      chosen,
      setLang,
      t: (key, params) => translate(lang, key, params),
      tx: (key, fallback, params) => (messages[lang][key] ?? messages.nb[key] ? translate(lang, key, params) : fallback),
    }),
    [lang, chosen, setLang],
  );
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
