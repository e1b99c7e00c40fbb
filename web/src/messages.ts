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

/**
 * Each language comes in two parts, each its own chunk: what any page may need before its first
 * paint (the public pages, the frame, errors) and the rest, which only signed-in pages and the
 * family's pages use. A visitor of the catalogue never downloads the rest.
 */
type Part = 'first' | 'rest';
const LOADERS: Record<Language, Record<Part, () => Promise<{ default: Messages }>>> = {
  nb: { first: () => import('../../common/i18n/nb.first.ts'), rest: () => import('../../common/i18n/nb.rest.ts') },
  nn: { first: () => import('../../common/i18n/nn.first.ts'), rest: () => import('../../common/i18n/nn.rest.ts') },
  en: { first: () => import('../../common/i18n/en.first.ts'), rest: () => import('../../common/i18n/en.rest.ts') },
};

/** Once a page has needed every text, each language loaded from then on comes whole. */
let everyText = false;
const loading = new Map<string, Promise<void>>();
/**
 * The languages whose texts have arrived, for a render to use without waiting. A language's table
 * is one object: the rest is merged into it when it arrives, before the page that needs it renders.
 */
export const readyMessages = new Map<Language, Messages>();

/** The parts that have arrived; a language is ready once its first part is here, and the rest joins its table. */
const arrived = new Map<string, Messages>();

function settle(lang: Language): void {
  const first = arrived.get(`${lang}:first`);
  if (!first) return;
  let table = readyMessages.get(lang);
  if (!table) readyMessages.set(lang, (table = { ...first }));
  const rest = arrived.get(`${lang}:rest`);
  if (rest) Object.assign(table, rest);
}

function loadPart(lang: Language, part: Part): Promise<void> {
  const key = `${lang}:${part}`;
  let promise = loading.get(key);
  if (!promise) {
    promise = LOADERS[lang][part]().then((module) => {
      arrived.set(key, module.default);
      settle(lang);
    });
    promise.catch(() => loading.delete(key));
    loading.set(key, promise);
  }
  return promise;
}

/** The texts of one language (whole once a page has needed every text); loaded once, and again after a failed attempt. */
export async function loadMessages(lang: Language): Promise<Messages> {
  // The two parts come side by side; their files differ, so the order they arrive in does not matter.
  await Promise.all(everyText ? [loadPart(lang, 'first'), loadPart(lang, 'rest')] : [loadPart(lang, 'first')]);
  return readyMessages.get(lang)!;
}

/**
 * For a page other than the public ones, and for a signed-in user's frame: from now on every
 * language comes whole, and the ones already here (or on their way) get their rest before this settles.
 */
export async function needEveryText(): Promise<void> {
  everyText = true;
  await Promise.all([...new Set([...readyMessages.keys(), initialLanguage()])].map(loadMessages));
}
