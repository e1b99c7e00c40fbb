// Translations for the server: every language in memory. Each language has the same files; a key
// is "<file>.<key>", e.g. "errors.validation". Bokmål is the source: nynorsk and English must have
// every key (tests/server/i18n.test.ts checks it). The browser loads one language at a time
// (web/src/i18n.tsx); a browser module that imports only formatDate from here still leaves the
// tables out of its bundle, since they are pure (`npm run bundle-sizes` would show it if not).
import type { Language } from '../roles.ts';
import type { MessageKey, MessageParams, Messages } from './core.ts';
import { interpolate } from './core.ts';
import nb from './nb.ts';
import nn from './nn.ts';
import en from './en.ts';

export { formatDate, formatDateTime, interpolate, type MessageKey, type MessageParams, type Messages } from './core.ts';

export const messages: Record<Language, Messages> = { nb, nn, en };

/** Translates a key; {name} placeholders are filled from params. Falls back to bokmål, then the key. */
export function translate(lang: Language, key: MessageKey | string, params?: MessageParams): string {
  return interpolate(messages[lang][key] ?? messages.nb[key] ?? key, params);
}
