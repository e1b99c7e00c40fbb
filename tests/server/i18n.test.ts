// Bokmål is the source language; nynorsk and English must be complete.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDate, messages, translate } from '../../common/i18n/index.ts';

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
});
