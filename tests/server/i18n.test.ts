// Bokmål is the source language; nynorsk and English must be complete.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate, messages, translate } from '../../common/i18n/index.ts';
import { files as nbFirst } from '../../common/i18n/nb.first.ts';
import { files as nbRest } from '../../common/i18n/nb.rest.ts';
import { files as nnFirst } from '../../common/i18n/nn.first.ts';
import { files as nnRest } from '../../common/i18n/nn.rest.ts';
import { files as enFirst } from '../../common/i18n/en.first.ts';
import { files as enRest } from '../../common/i18n/en.rest.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIRST_FILES = Object.keys(nbFirst).sort();

describe('translations', () => {
  it('nynorsk and English have every bokmål key, with text', () => {
    const nbKeys = Object.keys(messages.nb);
    expect(nbKeys.length).toBeGreaterThan(50);
    for (const lang of ['nn', 'en'] as const) {
      expect(nbKeys.filter((k) => !messages[lang][k]?.trim()), lang).toEqual([]);
      expect(Object.keys(messages[lang]).filter((k) => !(k in messages.nb)), lang).toEqual([]);
    }
  });

  it('keeps the same placeholders in every language', () => {
    for (const [key, text] of Object.entries(messages.nb)) {
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(messages.nn[key]!), key).toEqual(placeholders(text));
      expect(placeholders(messages.en[key]!), key).toEqual(placeholders(text));
    }
  });

  it('every translation file is in each language folder', () => {
    const files = (lang: string) => readdirSync(new URL(`../../common/i18n/${lang}/`, import.meta.url)).sort();
    expect(files('nn')).toEqual(files('nb'));
    expect(files('en')).toEqual(files('nb'));
    for (const f of files('nb')) JSON.parse(readFileSync(new URL(`../../common/i18n/nb/${f}`, import.meta.url), 'utf8'));
  });

  it('fills in placeholders and shows dates the Norwegian way', () => {
    expect(translate('en', 'errors.tooLong', { max: 10 })).toBe('The value is too long (at most 10 characters).');
    expect(formatDate('2026-03-05')).toBe('05.03.2026');
  });

  it('splits each language the same way: every file in exactly one of the two parts the browser loads', () => {
    const folder = readdirSync(path.join(ROOT, 'common/i18n/nb')).map((f) => f.replace(/\.json$/, '')).sort();
    for (const [lang, first, rest] of [['nb', nbFirst, nbRest], ['nn', nnFirst, nnRest], ['en', enFirst, enRest]] as const) {
      expect(Object.keys(first).sort(), lang).toEqual(FIRST_FILES);
      expect([...Object.keys(first), ...Object.keys(rest)].sort(), lang).toEqual(folder);
    }
  });

  it('the public pages use only the texts every page loads first (a visitor never downloads the rest)', () => {
    // The public routes' pages (routes.ts marks them), the sign-in and not-found pages and the page
    // frame, with everything they import from web/src.
    const routes = readFileSync(path.join(ROOT, 'web/src/routes.ts'), 'utf8');
    const publicPages = [...routes.matchAll(/public: true, load: \(\) => import\('\.\/([^']+)'\)/g)].map((m) => `web/src/${m[1]}`);
    expect(publicPages.length).toBeGreaterThanOrEqual(6);
    // Shown only to a signed-in user, whose frame loads every text first (session.tsx).
    const signedInOnly = new Set(['web/src/components/NotificationLink.tsx']);
    const roots = [...publicPages, 'web/src/pages/SignIn.tsx', 'web/src/pages/NotFound.tsx', 'web/src/App.tsx', 'web/src/components/Layout.tsx'];
    const seen = new Set<string>();
    const wrong: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file) || signedInOnly.has(file) || !existsSync(path.join(ROOT, file))) return;
      seen.add(file);
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of source.matchAll(/\b(?:t|tx)\(\s*[`'"]([a-zA-Z]+)\.[a-zA-Z]/g)) {
        if (m[1] !== 'i18n' && !FIRST_FILES.includes(m[1]!)) wrong.push(`${file}: ${m[1]}`);
      }
      for (const m of source.matchAll(/^import\s[^;]*?from\s+'(\.[^']+\.tsx?)'/gm)) visit(path.join(path.dirname(file), m[1]!));
    };
    roots.forEach(visit);
    expect(seen.size).toBeGreaterThan(10);
    expect([...new Set(wrong)]).toEqual([]);
  });
});
