// Which language a request is answered in. The web's own calls name the language on screen, so
// data never arrives in another language than the page around it (a first visit from an English
// browser saw a bokmål page drawing the guide's steps in English, because the API followed the
// browser's Accept-Language before the language cookie was set). A request from outside the app —
// a PDF opened from a link, an OpenID Connect return — has only the remembered choice (the cookie),
// then the browser's preference, then bokmål.
import type { FastifyRequest } from 'fastify';
import { isLanguage, LANGUAGE_HEADER, type Language } from '../../../common/roles.ts';

export const LANGUAGE_COOKIE = 'sammen_lang';

/** The language remembered for this browser, or the browser's own preference. */
export function rememberedLanguageOf(request: FastifyRequest): Language {
  const cookie = request.cookies[LANGUAGE_COOKIE];
  if (isLanguage(cookie)) return cookie;
  const header = request.headers['accept-language'] ?? '';
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('nn')) return 'nn';
    if (tag.startsWith('nb') || tag.startsWith('no')) return 'nb';
    if (tag.startsWith('en')) return 'en';
  }
  return 'nb';
}

/** The language this request is answered in: the page's own, when the web says it. */
export function languageOf(request: FastifyRequest): Language {
  const onScreen = request.headers[LANGUAGE_HEADER];
  return isLanguage(onScreen) ? onScreen : rememberedLanguageOf(request);
}
