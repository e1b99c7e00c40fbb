// The texts of one language at a time, loaded on demand: each language is its own chunk. No React
// here: boot.ts uses it before the first render.
import type { Messages } from '../../common/i18n/core.ts';
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

export function storeLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

/** The language the page starts in: the one chosen on this device, or bokmål. */
export function initialLanguage(): Language {
  return storedLanguage() ?? 'nb';
}

/** One dynamic import per language, so the bundler makes one chunk of each. */
const LOADERS: Record<Language, () => Promise<{ default: Messages }>> = {
  nb: () => import('../../common/i18n/nb.ts'),
  nn: () => import('../../common/i18n/nn.ts'),
  en: () => import('../../common/i18n/en.ts'),
};

const loading = new Map<Language, Promise<Messages>>();
/** The languages whose texts have arrived, for a render to use without waiting. */
export const readyMessages = new Map<Language, Messages>();

/** The texts of one language; loaded once, and again after a failed attempt. */
export function loadMessages(lang: Language): Promise<Messages> {
  let promise = loading.get(lang);
  if (!promise) {
    promise = LOADERS[lang]().then((module) => {
      readyMessages.set(lang, module.default);
      return module.default;
    });
    promise.catch(() => loading.delete(lang));
    loading.set(lang, promise);
  }
  return promise;
}
