// Browser tests: the app in-process over a fresh database (tests/support/app.ts), served on a free
// port with the built front end from dist/web (`npx vite build` first), and a real Chromium driven by
// playwright-core. Pages are found by role and label, as a screen reader would, and every page a
// test visits is checked with axe-core against WCAG 2.1 A/AA.
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoFamilies, unitOf, type DemoFamilies } from '../support/factories.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** axe is served as if it were our own file, so the page's CSP (script-src 'self') stays in force. */
const AXE_URL_PATH = '/__test__/axe.min.js';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserApp {
  testApp: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserApp(): Promise<BrowserApp> {
  if (!existsSync(new URL('../../dist/web/index.html', import.meta.url))) {
    throw new Error('dist/web is missing: run `npx vite build` before the browser tests');
  }
  const testApp = await startTestApp({ demoChildren: 30 });
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  // "localhost" is a secure context for Chromium, so it keeps the Secure session cookie.
  const baseUrl = `http://localhost:${port}`;
  const browser = await workerBrowser();
  return {
    testApp,
    baseUrl,
    browser,
    close: async () => {
      // Each page has its own context (openPage), closed with it: nothing of this file is left in
      // the browser, which the worker's next file uses.
      await Promise.all(browser.contexts().map((context) => context.close()));
      await testApp.close();
    },
  };
}

let launched: Promise<Browser> | undefined;

/**
 * One Chromium per test worker, shared by the files it runs one after another (the browser project
 * does not isolate files, vitest.config.ts): launching one per file cost more than some files' tests.
 * Playwright closes it when the worker exits.
 */
function workerBrowser(): Promise<Browser> {
  launched ??= chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--disable-features=${DISABLED_FEATURES.join(',')}`],
  });
  return launched;
}

/**
 * Chromium preloads its own interface pages (tab search and the like, "top chrome WebUI") in a
 * renderer of their own for every window, which a headless test never opens: turned off, Chromium
 * spent about a tenth less CPU on the sign-in and relay-log tests (79 CPU seconds against 87).
 * Chromium keeps the last `--disable-features` it is given, so the list repeats the one
 * playwright-core passes itself (chromiumSwitches in its coreBundle.js, 1.65) before adding ours.
 */
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  'PreloadTopChromeWebUI',
];

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors, CSP refusals and requests that left our origin or carried an 11-digit number in the URL. */
  problems: string[];
  close(): Promise<void>;
}

export async function openPage(env: BrowserApp, options: { width?: number; height?: number } = {}): Promise<TestPage> {
  const context = await env.browser.newContext({
    baseURL: env.baseUrl,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    // The browser asks for English: Sammen must still open in bokmål until the user chooses.
    locale: 'en-US',
  });
  // A step waits as long as on a busy two-core machine it may take; only a hang runs out (vitest.config.ts).
  context.setDefaultTimeout(30_000);
  await context.route(`${env.baseUrl}${AXE_URL_PATH}`, (route) => route.fulfill({ path: AXE_PATH, contentType: 'text/javascript' }));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(env.baseUrl) && !url.startsWith('data:')) problems.push(`request outside the app: ${url}`);
    // The API answers in the language the page names; without it, the browser's preference (English here)
    // would fill a bokmål page with English data on a first visit.
    if (request.resourceType() === 'fetch' && url.startsWith(`${env.baseUrl}/api/`) && !request.headers()['x-sammen-language']) {
      problems.push(`API call without the page's language: ${url}`);
    }
    // A uuid may hold a long run of digits by chance; only what is left outside uuids counts.
    const parsed = new URL(url, env.baseUrl);
    const withoutUuids = (parsed.pathname + parsed.search).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '');
    if (/\d{11}/.test(withoutUuids)) problems.push(`11-digit number in URL: ${url}`);
  });
  return { context, page, problems, close: () => context.close() };
}

/** Fails with the rule ids and the elements when axe finds WCAG 2.1 A/AA violations on the page as it is now. */
export async function expectNoAxeViolations(page: Page, where = page.url()): Promise<void> {
  await page.waitForLoadState('networkidle');
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ url: AXE_URL_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  const report = violations.map((v) => `${v.id} (${v.help}): ${v.targets.join(', ')}`).join('\n');
  expect(report, `axe violations on ${where}`).toBe('');
}

export function expectNoProblems(testPage: TestPage): void {
  expect(testPage.problems).toEqual([]);
}

/** Signs in from the development sign-in page by clicking the demo user's button. */
export async function signInAs(page: Page, displayName: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: new RegExp(`^${displayName}\\b`) }).click();
  await page.waitForURL((url) => url.pathname !== '/');
}

export async function signOut(page: Page, label = 'Logg ut'): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForURL((url) => url.pathname === '/');
}

/** The page needs no sideways scrolling (wide tables scroll inside their own region). */
export async function expectFitsWidth(page: Page, where = page.url()): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `page wider than the screen on ${where}`).toBeLessThanOrEqual(innerWidth);
}

/**
 * The demo families a browser test needs, found in its database by who signs in and how they are
 * related (`demoFamilies`), never by their names: a test clicks the name this returns.
 */
export function demoPeople(env: BrowserApp): Promise<DemoFamilies> {
  return demoFamilies(env.testApp.database.db);
}

/** The name a demo log-in goes by on its sign-in button and on every page: a staff user's, or the citizen's own. */
export async function nameOf(env: BrowserApp, username: string): Promise<string> {
  const db = env.testApp.database.db;
  const staff = await db.selectFrom('staff_user').select('display_name').where('username', '=', username).executeTakeFirst();
  if (staff) return staff.display_name;
  const citizen = await db.selectFrom('citizen_account as a').innerJoin('person as p', 'p.id', 'a.person_id').select(['p.given_name', 'p.family_name'])
    .where('a.username', '=', username).executeTakeFirst();
  if (!citizen) throw new Error(`no demo log-in ${username}`);
  return `${citizen.given_name} ${citizen.family_name}`;
}

/** The name of the unit a demo log-in works at (`unitOf`). */
export async function unitNameOf(env: BrowserApp, username: string): Promise<string> {
  return (await unitOf(env.testApp.database.db, username)).name;
}

/** How the family's access log names a demo log-in: `name, title, unit`, the title's first letter small as in running text. */
export async function whoOf(env: BrowserApp, username: string): Promise<string> {
  const staff = await env.testApp.database.db.selectFrom('staff_user').select(['display_name', 'title']).where('username', '=', username).executeTakeFirstOrThrow();
  if (!staff.title) throw new Error(`${username} has no title`);
  return `${staff.display_name}, ${staff.title.charAt(0).toLowerCase()}${staff.title.slice(1)}, ${await unitNameOf(env, username)}`;
}

/** `text` as a regular expression that matches it literally. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
