// What the browser downloads: the public catalogue gets its own page and bokmål, not the staff
// pages or the other languages; a language is fetched when the user picks it; a page shows a
// translated loading state while its file arrives, and an error with a way out when it cannot.
import { readFileSync } from 'node:fs';
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, expectNoProblems, nameOf, openPage, signInAs, startBrowserApp, type BrowserApp } from './support.ts';

let env: BrowserApp;
let manifest: Record<string, { file: string }>;
beforeAll(async () => {
  env = await startBrowserApp();
  manifest = JSON.parse(readFileSync(new URL('../../dist/web/.vite/manifest.json', import.meta.url), 'utf8'));
});
afterAll(async () => {
  await env?.close();
});

/** The file (/assets/…) the build made of a source module. */
const fileOf = (source: string) => `/${manifest[source]!.file}`;

/** The JavaScript files the page fetched, by path, with the response of each. */
function scriptsOf(page: Page): Map<string, Response> {
  const scripts = new Map<string, Response>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith('.js')) scripts.set(url.pathname, response);
  });
  return scripts;
}

describe('what the browser downloads', () => {
  it('gives a visitor of the catalogue its page and bokmål only, compressed, and English once chosen', async () => {
    const t = await openPage(env);
    const { page } = t;
    const scripts = scriptsOf(page);
    await page.goto('/tjenester');
    await page.getByRole('heading', { level: 1, name: 'Finn hjelp' }).waitFor();
    await page.waitForLoadState('networkidle');

    expect(scripts.has(fileOf('src/pages/catalogue/CataloguePage.tsx'))).toBe(true);
    expect(scripts.has(fileOf('../common/i18n/nb.first.ts'))).toBe(true);
    // Only the texts every page needs first: not the signed-in pages' (nb.rest.ts), nor another language.
    for (const other of ['../common/i18n/nb.rest.ts', '../common/i18n/nn.first.ts', '../common/i18n/en.first.ts', 'src/pages/People.tsx', 'src/pages/PersonPage.tsx', 'src/pages/Audit.tsx', 'src/pages/catalogue/AdminServiceEditor.tsx']) {
      expect(scripts.has(fileOf(other)), other).toBe(false);
    }
    for (const [path, response] of scripts) {
      const headers = await response.allHeaders();
      expect(headers['content-encoding'], path).toMatch(/^(br|gzip)$/);
      expect(headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
    }

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find help' }).waitFor();
    expect(scripts.has(fileOf('../common/i18n/en.first.ts'))).toBe(true);
    expect(scripts.has(fileOf('../common/i18n/nn.first.ts'))).toBe(false);
    expect(scripts.has(fileOf('../common/i18n/en.rest.ts'))).toBe(false);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expectNoProblems(t);
    await t.close();
  });

  it('says the page is loading while its file is on the way, in the user’s language', async () => {
    const t = await openPage(env);
    const { page, context } = t;
    let release = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    await context.route(`**${fileOf('src/pages/People.tsx')}`, async (route) => {
      await held;
      await route.continue();
    });
    await signInAs(page, await nameOf(env, 'fagperson.barnehage'));
    const loading = page.getByRole('main').getByRole('status').filter({ hasText: 'Laster …' });
    await loading.waitFor();
    release();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await loading.waitFor({ state: 'detached' });
    expectNoProblems(t);
    await t.close();
  });

  it('shows an error with a reload button when a page’s file cannot be fetched, and the page after reloading', async () => {
    const t = await openPage(env);
    const { page, context } = t;
    const people = `**${fileOf('src/pages/People.tsx')}`;
    await context.route(people, (route) => route.abort());
    await signInAs(page, await nameOf(env, 'fagperson.barnehage'));
    const alert = page.getByRole('alert').filter({ hasText: 'Siden kunne ikke lastes.' });
    await alert.waitFor();
    await expectNoAxeViolations(page, 'a page that could not be loaded');

    await context.unroute(people);
    await alert.getByRole('button', { name: 'Last inn siden på nytt' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await alert.count()).toBe(0);
    await t.close();
  });
});
